"""``hkd initiatieven`` prints the demo's initiatives by step."""

from ops.cli import main


def test_cli_prints_the_list_by_step(demo_url, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", demo_url)
    assert main(["initiatieven", "--op", "2026-11-29"]) == 0
    out = capsys.readouterr().out
    assert "Draagkrachtscan (1)" in out and "Flexwonen Maashaven" in out and "2 kandidaten" in out
    assert "Doorstroomhuis Zuidplein" not in out  # ended initiatives only with --alle
    assert main(["initiatieven", "--alle"]) == 0
    assert "Afgewezen (1)" in capsys.readouterr().out

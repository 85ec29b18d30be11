"""``hkd veerkracht`` and ``hkd load indicatoren`` on the command line."""

from __future__ import annotations

from pathlib import Path

from ops.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "examples"


def test_veerkracht_prints_the_class_of_every_buurt(demo_url, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", demo_url)
    assert main(["veerkracht", "--van", "2012", "--tot", "2018"]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line for line in out.splitlines() if line.strip().startswith("BU0599")}
    assert len(lines) == 79  # every residential buurt of the demo
    assert "donkergroen" in lines["BU05991081"] and "[NPRZ, RGW]" in lines["BU05991081"]  # Bloemhof
    assert "donkerrood/bruin" in lines["BU05990321"]  # Bospolder
    assert "donkerrood/bruin" in lines["BU05991082"]  # Hillesluis
    assert "Totaal: donkerrood/bruin 23" in out  # Tabel 4-2: 26 rows, 3 of them also in Tabel 4-3 (dark green)


def test_veerkracht_without_data_for_the_period_says_so(demo_url, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", demo_url)
    assert main(["veerkracht", "--van", "2010", "--tot", "2018"]) == 1
    assert "kwetsbare_groepen in 2010" in capsys.readouterr().err


def test_load_indicatoren_reports_bad_rows_and_exit_code(fresh_demo, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", fresh_demo.hkd_url)
    assert main(["load", "indicatoren", "generiek", str(EXAMPLES / "indicatoren_kapot.csv")]) == 2
    err = capsys.readouterr().err
    assert "Niet geladen: " in err and "indicatoren_kapot.csv; de database is ongewijzigd. 5 problemen:" in err
    assert "indicatoren_kapot.csv, rij 6, waarde: 'veel' is geen getal" in err
    assert main(["load", "indicatoren", "leefbaarometer", str(EXAMPLES / "indicatoren_leefbaarometer.csv")]) == 0
    assert "40 waarden geladen (leefbaarometer): 5 gebieden, jaren 2024" in capsys.readouterr().out

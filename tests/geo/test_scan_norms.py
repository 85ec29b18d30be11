"""Draagkrachtscan pieces: rings, norms stated in words, the config file, the candidate before/after."""

from __future__ import annotations

import pytest

from geo.rings import circle, lonlat_to_rd, met_kandidaat, parse_ringen, rd_to_lonlat
from geo.scan_norms import DEFAULT_NORMEN, Norm, beoordeel, beoordeel_focus, load_config


def test_ringen_are_parsed_sorted_and_validated():
    assert parse_ringen("1000, 250;500, 250") == (250, 500, 1000)
    for bad in ("", "abc", "0", "6000", "-5"):
        with pytest.raises(ValueError):
            parse_ringen(bad)


def test_candidate_counts_in_every_ring():
    rings = met_kandidaat([(500, 3, 60), (250, 1, 20)], 12)
    assert [(r.straal, r.voorzieningen_na, r.plaatsen_na) for r in rings] == [(250, 2, 32), (500, 4, 72)]


def test_circle_and_projection_round_trip():
    pts = circle(92000, 437000, 500, n=8)
    assert pts[0] == pts[-1] and len(pts) == 9
    lon, lat = rd_to_lonlat(92000, 437000)
    assert 4.3 < lon < 4.6 and 51.8 < lat < 52.0
    x, y = lonlat_to_rd(lon, lat)
    assert abs(x - 92000) < 0.01 and abs(y - 437000) < 0.01


def test_norms_judge_in_both_directions_and_say_so_in_words():
    lower = Norm("n", "plaatsen", 10, 20)
    assert [lower.niveau(v) for v in (10, 11, 20, 21, None)] == ["groen", "oranje", "oranje", "rood", "onbekend"]
    higher = Norm("h", "index", 100, 90, hoger_is_beter=True)
    assert [higher.niveau(v) for v in (100, 95, 89.9)] == ["groen", "oranje", "rood"]
    b = beoordeel(lower, 21)
    assert (b.niveau, b.label) == ("rood", "buiten de norm")
    assert b.normtekst == "groen: tot en met 10; oranje: tot en met 20; rood: meer dan 20 (plaatsen)"
    assert "onder 90" in higher.tekst()
    with pytest.raises(ValueError):
        Norm("fout", "x", 20, 10)
    assert beoordeel_focus(["NPRZ"]).niveau == "oranje" and beoordeel_focus([]).niveau == "groen"


def test_config_file_overrides_norms_and_rings(tmp_path):
    path = tmp_path / "normen.toml"
    path.write_text('ringen = [300, 600]\nnormring = 600\n[normen.plaatsen_ring]\ngroen_tot = 10\noranje_tot = 30\n')
    config = load_config(path)
    assert config.ringen == (300, 600) and config.normring == 600
    assert config.normen["plaatsen_ring"].groen_tot == 10
    assert config.normen["fase2_nabij"] == DEFAULT_NORMEN["fase2_nabij"]
    path.write_text("[normen.bestaat_niet]\ngroen_tot = 1\n")
    with pytest.raises(ValueError):
        load_config(path)
    assert load_config(None).ringen == (250, 500, 1000)

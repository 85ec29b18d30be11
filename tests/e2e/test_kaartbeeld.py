"""The judge of a map's pixels (``tests/e2e/kaartbeeld.py``) tells a drawn map from the broken ones of issue 26,
on made-up images (no browser): one solid circle, an all-black map, error text."""

from __future__ import annotations

import numpy as np

from tests.e2e.kaartbeeld import oordeel

GROEN, BLAUW, ORANJE = (0, 158, 115), (86, 180, 233), (230, 159, 0)
LEGENDA = [GROEN, BLAUW, ORANJE, (153, 153, 153)]


def _kaart() -> np.ndarray:
    """White map with context lines and a few dots in fase colours (one at 55% opacity, as the meldkaart)."""
    beeld = np.full((300, 400, 3), 255, dtype=np.int16)
    beeld[150:154, :] = (86, 180, 233)  # the river
    beeld[:, 200:202] = (150, 120, 90)  # a road
    beeld[40:60, 40:60] = GROEN
    beeld[100:120, 300:320] = [round(0.55 * c + 0.45 * 255) for c in ORANJE]
    beeld[220:240, 100:120] = (40, 40, 40)
    return beeld


def test_a_drawn_map_passes():
    assert oordeel(_kaart(), LEGENDA).problemen() == []


def test_one_solid_block_fails():
    # the meldkaart with its radius read in pixels: one circle over the whole map
    beeld = np.full((300, 400, 3), 0, dtype=np.int16) + np.array([round(0.55 * c + 0.45 * 255) for c in GROEN])
    problemen = oordeel(beeld, LEGENDA).problemen()
    assert any("covers" in p for p in problemen) and any("legend" in p for p in problemen)


def test_an_all_black_map_fails():
    assert oordeel(np.zeros((300, 400, 3), dtype=np.int16), LEGENDA).problemen()


def test_an_empty_map_with_an_error_fails():
    problemen = oordeel(np.full((300, 400, 3), 255, dtype=np.int16), LEGENDA, 'Unexpected "').problemen()
    assert any("error" in p for p in problemen)


def test_a_map_without_its_legend_colours_fails():
    beeld = _kaart()
    beeld[40:60, 40:60] = 255
    beeld[100:120, 300:320] = 255
    assert any("legend" in p for p in oordeel(beeld, LEGENDA).problemen())

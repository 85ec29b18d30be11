"""In Chromium: the candidate map of an initiative (tab "Initiatief", as HKD) shows every candidate address, whole,
inside the map, with its letter above it and its own tooltip.

The map is read as a person reads it: the pixels of the drawn map (each candidate's dot has its own colour) and
the tooltip under the mouse. Two candidates 4.7 km apart once opened at a fixed zoom around their mean, in a map
360 px high: one dot fell off the bottom edge, the other off the top, and the map showed only water and a road.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pytest
from PIL import Image
from sqlalchemy import text

from dashboard.initiatieven.view import KANDIDAAT_KLEUREN
from queries import initiatieven as q
from queries.lagen import as_layer
from tests.e2e.conftest import dashboard_with_demo_accounts, kies_optie, login, screenshot, wait_for_app

pytestmark = pytest.mark.e2e

TWEE = "Kaarttest twee adressen"
EEN = "Kaarttest enkel adres"
RAND_PX = 6
"""A dot must be drawn whole, at least this far from every edge of the map."""


@dataclass(frozen=True)
class Stip:
    pixels: int
    links: int
    boven: int
    rechts: int
    onder: int

    @property
    def midden(self) -> tuple[float, float]:
        return (self.links + self.rechts) / 2, (self.boven + self.onder) / 2


def _stip(beeld: np.ndarray, rgb: tuple[int, int, int], speling: int = 10) -> Stip | None:
    """Where the map shows the fill colour ``rgb`` (a candidate's dot), or ``None``."""
    passend = (np.abs(beeld.astype(int) - np.array(rgb)) <= speling).all(axis=2)
    ys, xs = np.nonzero(passend)
    if len(xs) == 0:
        return None
    return Stip(int(len(xs)), int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max()))


def _letter_boven(beeld: np.ndarray, stip: Stip) -> int:
    """How many near-black pixels (a letter) there are in a small box just above the dot's fill and stroke."""
    x = int(stip.midden[0])
    vak = beeld[max(stip.boven - 26, 0):max(stip.boven - 4, 0), max(x - 10, 0):x + 11]
    return int((vak.max(axis=2) < 90).sum()) if vak.size else 0


def _beeld(kaart) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(kaart.screenshot())).convert("RGB"))


def _stippen(page, kaart, letters: str) -> tuple[np.ndarray, dict[str, Stip | None]]:
    """The map's pixels and the dot of each candidate letter; looked at again (at most 30 times) while the map is
    still being painted, so the assertions see the finished map, never a moment of it."""
    for _ in range(30):
        beeld = _beeld(kaart)
        gevonden = {a: _stip(beeld, KANDIDAAT_KLEUREN[i]) for i, a in enumerate(letters)}
        if all(s is not None and s.pixels >= 150 for s in gevonden.values()):
            return beeld, gevonden
        page.wait_for_timeout(500)
    return beeld, gevonden


def _tooltip(page, kaart, stip: Stip, verwacht: str) -> str:
    """Hover the dot's middle and read deck.gl's tooltip (again until it names ``verwacht`` or 20 tries)."""
    tekst = ""
    for _ in range(20):
        box = kaart.bounding_box()
        page.mouse.move(2, 2)
        page.mouse.move(box["x"] + stip.midden[0], box["y"] + stip.midden[1], steps=3)
        page.wait_for_timeout(300)
        tekst = page.evaluate("() => [...document.querySelectorAll('.deck-tooltip')]"
                              ".map(t => t.style.display === 'none' ? '' : t.innerText).join(' ')")
        if verwacht in tekst:
            break
    page.mouse.move(2, 2)
    return tekst


def _assert_heel_en_benoemd(page, kaart, beeld: np.ndarray, stippen: dict[str, Stip | None], naam: str) -> None:
    hoogte, breedte = beeld.shape[:2]
    for letter, stip in stippen.items():
        assert stip is not None and stip.pixels >= 150, (
            f"candidate {letter} is not drawn in the {breedte}x{hoogte} map: {stip}")
        assert (stip.links >= RAND_PX and stip.boven >= RAND_PX and stip.rechts <= breedte - 1 - RAND_PX
                and stip.onder <= hoogte - 1 - RAND_PX), f"candidate {letter} is cut off by the map's edge: {stip}"
        assert _letter_boven(beeld, stip) >= 8, f"no letter above candidate {letter}: {stip}"
    for letter, stip in stippen.items():
        tekst = _tooltip(page, kaart, stip, f"Kandidaat {letter}: {naam} {letter}")
        assert f"Kandidaat {letter}: {naam} {letter}" in tekst, (letter, tekst)


@pytest.fixture
def kaart_server(fresh_demo) -> Iterator[str]:
    with fresh_demo.connect() as conn:
        punten = dict(conn.execute(text(
            "SELECT code, ARRAY[ST_X(geom) + 40, ST_Y(geom) - 30] FROM hkd.locaties "
            "WHERE code IN ('HKD-010', 'HKD-020', 'HKD-030')")).all())
    with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
        eigen = q.eigen_aanbieder_id(conn)
        # the journey's two candidates: near HKD-010 (south-east) and HKD-020 (north-west), 4.7 km apart
        q.indienen(conn, eigen, q.NieuwInitiatief(TWEE, "flexwonen", "jongvolwassenen", 12, "teamleider"),
                   [q.KandidaatAdres(f"{TWEE} {a}", *punten[c], bron="coördinaten")
                    for a, c in (("A", "HKD-010"), ("B", "HKD-020"))])
        q.indienen(conn, eigen, q.NieuwInitiatief(EEN, "flexwonen", "jongvolwassenen", 8, "teamleider"),
                   [q.KandidaatAdres(f"{EEN} A", *punten["HKD-030"], bron="coördinaten")])
    with dashboard_with_demo_accounts(fresh_demo.hkd_url) as base:
        yield base


def _kandidatenkaart(page, base: str, naam: str):
    """The candidate map of initiative ``naam``: signed in as HKD (each call logs in again), on the Initiatief tab
    with ``naam`` chosen in the keyed initiative selectbox; the visible deck.gl chart, once its canvas is there."""
    login(page, base, "hkd", "hkd-demo-2023")
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Initiatieven").click()
    wait_for_app(page, "Initiatieven")
    main = page.locator('[data-testid="stMainBlockContainer"]')
    main.get_by_role("tab", name="Initiatief").click()
    wait_for_app(page)
    kies_optie(page, main.get_by_role("combobox", name="Initiatief"), naam)
    wait_for_app(page)
    main.get_by_role("heading", name=naam).first.wait_for()  # on the same tab: the page keeps it
    kaart = main.locator('[data-testid="stDeckGlJsonChart"]').filter(visible=True)
    kaart.locator("canvas").first.wait_for()
    return kaart.first


def test_candidate_map_shows_every_candidate_whole_lettered_and_named(kaart_server, fresh_demo, page):
    page.set_default_timeout(120_000)  # shared machine: allow slow reruns, never assert on time
    with fresh_demo.connect() as conn:
        (oost, noord), = conn.execute(text(  # where A (near HKD-010) lies from B (near HKD-020), in metres
            "SELECT ST_X(a.geom) - ST_X(b.geom), ST_Y(a.geom) - ST_Y(b.geom) FROM hkd.locaties a, hkd.locaties b "
            "WHERE a.code = 'HKD-010' AND b.code = 'HKD-020'")).all()
    kaart = _kandidatenkaart(page, kaart_server, TWEE)
    beeld, stippen = _stippen(page, kaart, "AB")
    screenshot(page, "kandidatenkaart_twee")
    _assert_heel_en_benoemd(page, kaart, beeld, stippen, TWEE)
    # the map is north up: A lies right of B when it lies east of it, and lower when it lies south (whatever the
    # demo's geography: the real CBS areas or the fallback without them)
    rechts, lager = stippen["A"].midden[0] - stippen["B"].midden[0], stippen["A"].midden[1] - stippen["B"].midden[1]
    assert (rechts > 0) == (oost > 0) and (lager > 0) == (noord < 0), (rechts, lager, oost, noord)

    kaart = _kandidatenkaart(page, kaart_server, EEN)
    beeld, stippen = _stippen(page, kaart, "A")
    screenshot(page, "kandidatenkaart_een")
    _assert_heel_en_benoemd(page, kaart, beeld, stippen, EEN)
    hoogte, breedte = beeld.shape[:2]
    x, y = stippen["A"].midden  # one candidate: the map is centred on it
    assert abs(x - breedte / 2) < 0.1 * breedte and abs(y - hoogte / 2) < 0.1 * hoogte, (x, y, breedte, hoogte)

"""The Escalatieladder's map as the centre of the screen (issue 26): on the meeting's big screen (1920x1080) and on a
laptop (1400x900) the map starts in the upper third of the window, and it opens framed on where the locations are,
so their dots spread over the map instead of crowding into a corner of the whole municipality.

Read from the page as a person sees it: the map element's place in the window, and the pixels of the dots in the
fase colours (fase 1's sky blue is left out: the schematic water has the same colour)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from core.domain import FASE_KLEUREN
from tests.e2e.conftest import SCREENSHOTS, enig, login, wait_for_app
from tests.e2e.kaartbeeld import KAART, beeld

pytestmark = pytest.mark.e2e

WACHT = 240_000  # ms: a shared machine under load may take minutes for a first run, never assert on time
DEKKING = 235 / 255  # the dots' opacity (dashboard.ladder.view.fase_deck), over the white page


def stippen(pixels: np.ndarray, speling: int = 18) -> np.ndarray:
    """A mask of the pixels painted in a fase colour other than fase 1's (the dots, not the water or the roads)."""
    masker = np.zeros(pixels.shape[:2], dtype=bool)
    for code, rgb in FASE_KLEUREN.items():
        if code == "1":
            continue
        doel = np.array(rgb, dtype=float) * DEKKING + 255 * (1 - DEKKING)
        masker |= (np.abs(pixels - doel).max(axis=2) <= speling)
    return masker


def kwadranten(masker: np.ndarray, min_pixels: int = 40) -> int:
    """In how many quarters of the map at least ``min_pixels`` dot pixels lie."""
    h, w = masker.shape
    return sum(int(masker[y0:y1, x0:x1].sum() >= min_pixels)
               for y0, y1 in ((0, h // 2), (h // 2, h)) for x0, x1 in ((0, w // 2), (w // 2, w)))


def test_the_dot_reader_tells_a_spread_map_from_a_crowded_corner():
    """Positive and negative control of :func:`stippen` and :func:`kwadranten` on drawn images."""
    wit = np.full((200, 400, 3), 255, dtype=np.int16)
    groen = np.array(FASE_KLEUREN["0"]) * DEKKING + 255 * (1 - DEKKING)
    verspreid, hoek, water = wit.copy(), wit.copy(), wit.copy()
    for y, x in ((30, 40), (40, 300), (150, 60), (160, 350)):
        verspreid[y:y + 10, x:x + 10] = groen
    for y, x in ((20, 20), (30, 60), (60, 30), (70, 80)):
        hoek[y:y + 10, x:x + 10] = groen
    water[:, :] = np.array(FASE_KLEUREN["1"]) * DEKKING + 255 * (1 - DEKKING)
    assert kwadranten(stippen(verspreid)) == 4
    assert kwadranten(stippen(hoek)) == 1
    assert not stippen(water).any()


@pytest.mark.parametrize(("breedte", "hoogte"), [(1920, 1080), (1400, 900)])
def test_the_map_is_the_centre_of_the_escalatieladder(app_server, browser, breedte, hoogte):
    context = browser.new_context(viewport={"width": breedte, "height": hoogte}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(WACHT)
    try:
        login(page, app_server, "hkd", "hkd-demo-2023", timeout=WACHT)
        page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Escalatieladder", exact=True).click()
        wait_for_app(page, "Escalatieladder", timeout=WACHT)
        kaart = enig(page, page.locator(KAART))
        kaart.locator("canvas").first.wait_for(timeout=WACHT)
        page.evaluate("window.scrollTo(0, 0)")
        box = kaart.bounding_box()
        assert box is not None and 0 <= box["y"] <= hoogte / 3, f"the map starts at {box} in a {hoogte} px window"
        assert box["width"] >= 0.6 * breedte, f"the map takes the width the page offers ({box})"

        # the dots: wait until deck.gl has painted them, then read where they lie
        masker = None
        for _ in range(40):
            masker = stippen(beeld(kaart.screenshot()))
            if masker.sum() >= 500:
                break
            page.wait_for_timeout(1000)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"ladder_kaart_{breedte}x{hoogte}.png"))
        assert masker is not None and masker.sum() >= 500, "the fase dots were never painted"
        assert kwadranten(masker) >= 3, f"the dots crowd into {kwadranten(masker)} quarter(s) of the map"
        rijen = np.flatnonzero(masker.any(axis=1))
        assert (rijen[-1] - rijen[0]) / masker.shape[0] >= 0.6, "the dots span less than 60% of the map's height"
        # no location is hidden without a word: the caption under the map names those outside the first view
        # (the demo has locations in Hoek van Holland, far west of the others)
        onderschrift = page.locator('[data-testid="stMainBlockContainer"]').get_by_text("locaties getoond")
        assert re.search(r"78 van 78 locaties getoond .* · \d+ locaties? buiten beeld \(.*Hoek van Holland \d+.*\): "
                         r"zoom uit", onderschrift.first.inner_text())
    finally:
        context.close()

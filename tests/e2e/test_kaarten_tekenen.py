"""Every map of every page, per role, draws in Chromium: its pixels are read (not one block of colour, colours of its
legend painted) and the page shows no error text (issue 26: the meldkaart was one solid block, Kaart 4-4 with
directe bemiddeling all black, both 100 m grids ``Error: Unexpected "@"``; no test had looked at their pixels).

One app, one browser context per role (one login each), the pages in a row: a broken map is reported with the others
before the test fails, with a screenshot per map in ``.hkd/screenshots/kaart_*.png``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from core.domain import FASE_KLEUREN
from tests.e2e.conftest import SCREENSHOTS, login, wait_for_app
from tests.e2e.kaartbeeld import FOLIUM, KAART, lees_kaart

pytestmark = pytest.mark.e2e

WACHT = 240_000  # ms: a shared machine under load may take minutes for a first run, never assert on time
LAPTOP = {"width": 1400, "height": 900}
GROOT = {"width": 1920, "height": 1080}


@dataclass
class Kaart:
    """One map: the page it is on, what to do there first, which map element (``nr``-th) to read."""

    naam: str
    pagina: str
    stappen: Callable | None = None
    nr: int = 0
    folium: bool = False
    legenda: list[tuple[int, int, int]] | None = None  # default: the legend swatches on the page
    min_legenda: int = 2
    boven_de_vouw: bool = False  # the whole map in the window as the page opens, without scrolling


def _main(page):
    return page.locator('[data-testid="stMainBlockContainer"]')


def _klik_tekst(tekst: str) -> Callable:
    def stap(page):
        _main(page).get_by_text(tekst, exact=True).first.click()
        wait_for_app(page, timeout=WACHT)
    return stap


def _reeks(*stappen: Callable) -> Callable:
    def stap(page):
        for s in stappen:
            s(page)
    return stap


def _weergave(naam: str) -> Callable:
    def stap(page):
        _main(page).get_by_role("radio", name=naam).first.click()
        wait_for_app(page, timeout=WACHT)
    return stap


def _tab(naam: str) -> Callable:
    def stap(page):
        _main(page).get_by_role("tab", name=naam).first.click()
        wait_for_app(page, timeout=WACHT)
    return stap


def _naar(page, titel: str) -> None:
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name=titel, exact=True).click()
    wait_for_app(page, titel if titel != "Openbare kaart" else None, timeout=WACHT)


def _bekijk(page, kaarten: list[Kaart], rol: str) -> list[str]:
    """Open each map in turn; return what went wrong (empty when every map draws)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    fouten = []
    for k in kaarten:
        _naar(page, k.pagina)
        if k.stappen is not None:
            k.stappen(page)
        wait_for_app(page, timeout=WACHT)
        element = page.locator(FOLIUM if k.folium else KAART).nth(k.nr)
        if k.boven_de_vouw:
            element.locator("canvas").first.wait_for(timeout=WACHT)
            box, hoogte = element.bounding_box(), page.viewport_size["height"]
            if box is None or box["y"] < 0 or box["y"] + box["height"] > hoogte:
                fouten.append(f"{rol} · {k.naam}: the map is not above the fold of a {hoogte} px window ({box})")
        gelezen, fout = None, None
        for _ in range(3):  # a rerun that replaces the map while it is read detaches the element: read it again
            try:
                gelezen = lees_kaart(page, element, k.legenda, k.min_legenda)
                break
            except Exception as e:  # noqa: BLE001 - a map that never appears is one more finding, not the end
                fout = e
                wait_for_app(page, timeout=WACHT)
        if gelezen is None:
            fouten.append(f"{rol} · {k.naam}: the map did not appear ({type(fout).__name__}: {str(fout)[:120]})")
            continue
        o, png = gelezen
        pad = SCREENSHOTS / f"kaart_{rol}_{k.naam.replace(' ', '_').replace('/', '-')}.png"
        pad.write_bytes(png)
        fouten += [f"{rol} · {k.naam}: {p} ({pad.name})" for p in o.problemen(k.min_legenda)]
    return fouten


WIJKTRENDS = [
    Kaart("Wijktrends Kaart 4-8", "Wijktrends"),
    Kaart("Wijktrends Kaart 4-3", "Wijktrends", _weergave("Kaart 4-3 tot 4-7")),
    Kaart("Wijktrends Kaart 4-4 met directe bemiddeling", "Wijktrends", _reeks(
        _weergave("Kaart 4-3 tot 4-7"), _klik_tekst("4-4 Ontwikkeling kwetsbare groepen"),
        _klik_tekst("Directe bemiddeling tonen"))),
    Kaart("Wijktrends Kaart 4-1 op gebieden", "Wijktrends", _reeks(
        _weergave("Kaart 4-3 tot 4-7"), _klik_tekst("4-1 Dominante corporatie"))),
    Kaart("Wijktrends Kaart 4-1 op vierkanten", "Wijktrends", _reeks(
        _weergave("Kaart 4-3 tot 4-7"), _klik_tekst("4-1 Dominante corporatie"),
        _klik_tekst("vierkanten van 100 m (gebiedswaarde per vierkant)"))),
    Kaart("Wijktrends Raster 100 m", "Wijktrends", _weergave("Raster 100 m")),
]


def _context(browser, viewport: dict):
    context = browser.new_context(viewport=viewport, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(WACHT)
    return context, page


def test_every_public_map_draws(app_server, browser):
    context, page = _context(browser, LAPTOP)
    try:
        page.goto(app_server)
        wait_for_app(page, timeout=WACHT)
        fouten = _bekijk(page, [Kaart("Openbare kaart", "Openbare kaart", boven_de_vouw=True), *WIJKTRENDS], "publiek")
    finally:
        context.close()
    assert not fouten, "\n".join(fouten)


def test_every_map_of_a_provider_draws(app_server, browser):
    context, page = _context(browser, LAPTOP)
    try:
        login(page, app_server, "alfa", "alfa-demo-2023", timeout=WACHT)
        fouten = _bekijk(page, [
            Kaart("Aanbiederskaart", "Aanbiederskaart"),
            Kaart("Meldkaart", "Meldingen"),
            Kaart("Platform spreiding", "Platform"),
            Kaart("Wijktrends Kaart 4-8", "Wijktrends"),
        ], "alfa")
    finally:
        context.close()
    assert not fouten, "\n".join(fouten)


def test_every_map_of_the_sturingsoverleg_draws(app_server, browser):
    context, page = _context(browser, GROOT)
    fase = [rgb for rgb in FASE_KLEUREN.values()]
    try:
        login(page, app_server, "hkd", "hkd-demo-2023", timeout=WACHT)
        fouten = _bekijk(page, [
            Kaart("Escalatieladder", "Escalatieladder"),
            Kaart("Overleg agendapunt", "Overleg", legenda=fase, min_legenda=1),
            Kaart("Draagkrachtscan", "Draagkrachtscan", folium=True, legenda=fase),
            Kaart("Initiatieven kandidaatadressen", "Initiatieven", _klik_tekst("Toon de kaart")),
            Kaart("Meldkaart", "Meldingen"),
            Kaart("Platform spreiding", "Platform", _tab("Spreiding")),
            Kaart("Aanbiederskaart", "Aanbiederskaart"),
            Kaart("Wijktrends met voorzieningen", "Wijktrends", _klik_tekst("Voorzieningen tonen")),
            *WIJKTRENDS[2:3],
        ], "hkd")
    finally:
        context.close()
    assert not fouten, "\n".join(fouten)

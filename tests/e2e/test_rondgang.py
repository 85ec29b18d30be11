"""The browser tour of issue 26: per role (the Sturingsoverleg, provider alfa, the public), every page at 1920x1080,
1400x900 and a phone (390x844). On each: every map is hovered and its pixels read (colours of its legend painted,
not one block, no error text) and the visible text is scanned (no English UI strings, ``None``, snake_case headers,
``+00:00``); the public page's map stands above the fold on the laptop.

One browser context per role, one login, each page opened once and looked at in the three sizes (the window is
resized, as a person turning a tablet or docking a laptop does; the layout is CSS, the page is not run again).
Every finding is collected before the test fails, with a screenshot per page and size in
``.hkd/screenshots/rondgang_*.png``."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from dashboard.navigation import SECTIONS
from dashboard.trends.indicatoren import INDICATOR_NAMEN
from tests.dashboard.tekstscan import ENGELS, LEEG, SNAKE, UTC_OFFSET
from tests.e2e.conftest import SCREENSHOTS, download, login, wait_for_app
from tests.e2e.kaartbeeld import FOLIUM, KAART, lees_kaart

pytestmark = pytest.mark.e2e

WACHT = 240_000  # ms: a shared machine under load may take minutes for a first run, never assert on time
MATEN = {"groot": {"width": 1920, "height": 1080}, "laptop": {"width": 1400, "height": 900},
         "telefoon": {"width": 390, "height": 844}}
ROLLEN = {"publiek": None, "aanbieder": ("alfa", "alfa-demo-2023"), "hkd": ("hkd", "hkd-demo-2023")}
ENGELS_RE = re.compile("|".join(rf"(?<![\w-]){re.escape(w)}(?![\w-])" for w in ENGELS))
# Streamlit's own English that only the browser shows (hints under fields, file uploader, empty grids)
FRONTEND_ENGELS = re.compile(r"Press Enter|Press ⌘|Drag and drop|Browse files|Limit \d+\s?MB|No options|"
                             r"No results|Choose (an )?options?")
KOPPEN_JS = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] [role="columnheader"], [data-testid="stMain"] th')]
    .filter(e => e.offsetParent !== null || e.closest('[data-testid="stDataFrame"]'))
    .map(e => e.innerText.trim()).filter(t => t)"""


def paginas(rol: str) -> list[str]:
    return [spec.titel for specs in SECTIONS.values() for spec in specs if rol in spec.rollen]


def tekst_lekken(tekst: str, koppen: list[str]) -> list[str]:
    """What a person reads that is not Dutch or is an internal (the browser's view of tests/dashboard/tekstscan)."""
    uit = []
    for regel in tekst.splitlines():
        for patroon, reden in ((ENGELS_RE, "Engels"), (FRONTEND_ENGELS, "Engels"), (LEEG, "lege waarde als tekst"),
                               (UTC_OFFSET, "tijd in UTC")):
            if m := patroon.search(regel):
                uit.append(f"{reden}: {m.group(0)!r} in {regel.strip()[:100]!r}")
    uit += [f"kolomnaam als kop: {k!r}" for k in koppen if SNAKE.match(k)]
    return uit


def export_lekken(inhoud: bytes, bestand: str) -> list[str]:
    """What the headers of a CSV or Excel export leak (column or indicator codes), and UTC times anywhere in it."""
    if bestand.endswith(".xlsx"):
        from openpyxl import load_workbook

        blad = load_workbook(io.BytesIO(inhoud), read_only=True).worksheets[0]
        rijen = [[str(c) for c in rij if isinstance(c, str)] for rij in blad.iter_rows(max_row=200, values_only=True)]
        koppen = [c for rij in rijen[:6] for c in rij]
        tekst = "\n".join(c for rij in rijen for c in rij)
    else:
        tekst = inhoud.decode("utf-8-sig")
        koppen = [k.strip().strip('"') for k in tekst.splitlines()[0].split(";")] if tekst else []
    uit = [f"kolomnaam als kop: {k!r}" for k in koppen if SNAKE.match(k) or k in INDICATOR_NAMEN]
    if m := UTC_OFFSET.search(tekst):
        uit.append(f"tijd in UTC: {m.group(0)!r}")
    return uit


def _exports(page, waar: str) -> list[str]:
    """Download every CSV and Excel export the page shows, in each of its tabs, and read its headers."""
    knoppen = page.locator('[data-testid="stMain"] [data-testid="stDownloadButton"] button')
    tabs = page.locator('[data-testid="stMain"] [role="tab"]')
    namen = [tabs.nth(i).inner_text().strip() for i in range(tabs.count())]
    uit, gelezen = [], set()
    for tab in [None, *namen[1:], *namen[:1]]:  # the tab shown first, the others, then back to the first
        if tab is not None:
            page.locator('[data-testid="stMain"] [role="tab"]', has_text=tab).first.click()
            wait_for_app(page, timeout=WACHT)
        i = opnieuw = 0
        while i < knoppen.count():  # counted afresh: a download's click reruns the page and redraws its buttons
            wait_for_app(page, timeout=WACHT)
            if i >= knoppen.count():  # the rerun drew fewer buttons than were counted before it
                break
            knop, i = knoppen.nth(i), i + 1
            try:
                label = knop.inner_text(timeout=30_000).strip()
            except PlaywrightTimeout:  # gone in a rerun between the count and the read: counted again above
                opnieuw += 1
                assert opnieuw <= 3, f"{waar}: download button {i} keeps vanishing"
                i -= 1
                continue
            if not knop.is_visible() or not re.search(r"CSV|Excel", label) or label in gelezen:
                continue
            gelezen.add(label)
            d = download(page, knop)
            uit += [f"{waar} · {tab or 'eerste tab'} · {label}: {lek}"
                    for lek in export_lekken(Path(d.path()).read_bytes(), d.suggested_filename)]
    return uit


def _zijbalk_open(page) -> None:
    knop = page.locator('[data-testid="stExpandSidebarButton"]')
    if knop.count() and knop.first.is_visible():
        # a DOM click that never waits: Playwright's own click (and a locator's evaluate) wait for the button, which a
        # rerun can re-render or the sidebar opening remove, past any timeout on a loaded machine
        link = page.locator('[data-testid="stSidebar"]').get_by_role("link").first
        for _ in range(4):  # a click lost to a rerun is clicked again; a sidebar that never opens still fails below
            page.evaluate("() => document.querySelector('[data-testid=\"stExpandSidebarButton\"]')?.click()")
            try:
                link.wait_for(state="visible", timeout=30_000)
                return
            except PlaywrightTimeout:
                continue
        link.wait_for(state="visible", timeout=30_000)


def _zijbalk_dicht(page) -> None:
    """On a phone the sidebar covers the page once opened: close it as a person would before reading."""
    knop = page.locator('[data-testid="stSidebarCollapseButton"] button, [data-testid="stSidebarCollapseButton"]')
    zijbalk = page.locator('[data-testid="stSidebar"]')
    if zijbalk.count() and zijbalk.first.get_attribute("aria-expanded") == "true" and knop.count():
        knop.first.click(force=True)
        page.wait_for_timeout(400)


def _naar(page, titel: str) -> None:
    page.set_viewport_size(MATEN["groot"])
    _zijbalk_open(page)
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name=titel, exact=True).click()
    kop = None if titel == "Openbare kaart" else titel
    wait_for_app(page, kop, timeout=WACHT)


def _kaarten(page):
    main = page.locator('[data-testid="stMain"]')
    return [main.locator(KAART).nth(i) for i in range(main.locator(KAART).count())] + [
        main.locator(FOLIUM).nth(i) for i in range(main.locator(FOLIUM).count())]


def _bekijk(page, rol: str, titel: str, maat: str, koppen: set[str]) -> list[str]:
    waar = f"{rol} · {titel} · {maat}"
    page.set_viewport_size(MATEN[maat])
    if maat == "telefoon":
        _zijbalk_dicht(page)
    page.wait_for_timeout(300)
    fouten = []
    for nr, kaart in enumerate(_kaarten(page)):
        if not kaart.is_visible():
            continue  # in a closed tab or expander: looked at where it is opened (test_kaarten_tekenen)
        kaart.scroll_into_view_if_needed()
        box = kaart.bounding_box()
        if box is None or box["width"] < 100 or box["height"] < 100:
            fouten.append(f"{waar} · kaart {nr}: too small to read ({box})")
            continue
        if box["x"] < -1 or box["x"] + box["width"] > MATEN[maat]["width"] + 1:
            fouten.append(f"{waar} · kaart {nr}: wider than the window ({box})")
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        try:
            # the one wait: lees_kaart looks until the map's pixels show it drew (a Leaflet map's vectors arrive
            # after its iframe, deck.gl paints on later frames), for up to a minute, then judges what it sees
            o, png = lees_kaart(page, kaart, wachten=60.0)
        except Exception as e:  # noqa: BLE001 - a map replaced while read is one more finding, not the end
            fouten.append(f"{waar} · kaart {nr}: not readable ({type(e).__name__}: {str(e)[:100]})")
            continue
        # the phone size is this session's window made narrow: its maps keep the first view fitted for the wide
        # window (a phone's own browser gets one fitted for its width, dashboard.kaart.maps.kaart_breedte), so they
        # show the middle of what they frame, where one legend colour may be all there is (the fallback geography)
        fouten += [f"{waar} · kaart {nr}: {p}" for p in o.problemen(min_legenda=1 if maat == "telefoon" else 2)]
    tekst = page.locator('[data-testid="stMain"]').inner_text()
    gelezen = page.evaluate(KOPPEN_JS)
    koppen.update(gelezen)
    fouten += [f"{waar}: {lek}" for lek in tekst_lekken(tekst, gelezen)]
    breedte = page.evaluate("() => document.documentElement.scrollWidth")
    if breedte > MATEN[maat]["width"] + 2:
        fouten.append(f"{waar}: the page scrolls sideways ({breedte} px in a {MATEN[maat]['width']} px window)")
    if maat == "groot":
        fouten += _exports(page, waar)
    naam = re.sub(r"\W+", "_", f"rondgang_{rol}_{titel}_{maat}")
    page.screenshot(path=str(SCREENSHOTS / f"{naam}.png"))
    return fouten


def _boven_de_vouw(page) -> list[str]:
    """The public page's map fills its place in a 1400x900 window as the page opens, without scrolling."""
    page.set_viewport_size(MATEN["laptop"])
    page.evaluate("() => window.scrollTo(0, 0)")
    page.locator('[data-testid="stMain"]').evaluate("e => e.scrollTo && e.scrollTo(0, 0)")
    kaart = page.locator(f'[data-testid="stMain"] {KAART}').first
    kaart.locator("canvas").first.wait_for(timeout=WACHT)
    box = kaart.bounding_box()
    if box is None or box["y"] < 0 or box["y"] + box["height"] > MATEN["laptop"]["height"]:
        return [f"publiek · Openbare kaart: the map is not above the fold at 1400x900 ({box})"]
    return []


@pytest.mark.parametrize("rol", list(ROLLEN))
def test_every_page_in_three_sizes_draws_its_maps_and_speaks_dutch(app_server, browser, rol):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=MATEN["groot"], locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(WACHT)
    fouten: list[str] = []
    koppen: set[str] = set()
    try:
        if ROLLEN[rol] is None:
            page.goto(app_server)
            wait_for_app(page, timeout=WACHT)
        else:
            login(page, app_server, *ROLLEN[rol], timeout=WACHT)
        gezien = paginas(rol)
        assert len(gezien) >= 3, gezien
        for titel in gezien:
            _naar(page, titel)
            if titel == "Openbare kaart":
                fouten += _boven_de_vouw(page)
            for maat in MATEN:
                fouten += _bekijk(page, rol, titel, maat, koppen)
    finally:
        context.close()
    assert not fouten, f"{len(fouten)} findings:\n" + "\n".join(fouten)
    if rol == "hkd":  # the header scan reads the grids (their accessible table), it is not blind
        assert {"Locatie", "Fase"} <= koppen, sorted(koppen)


@pytest.mark.parametrize(("tekst", "koppen"), [
    ("Kies een locatie\nPress Enter to apply", []), ("Naam\tNone", []), ("Stand 2026-12-07 08:30:00+00:00", []),
    ("Choose options", []), ("Drag and drop file here", []), ("", ["gebied_code"])])
def test_the_tour_catches_each_kind_of_leak(tekst, koppen):
    assert tekst_lekken(tekst, koppen)


@pytest.mark.parametrize(("inhoud", "bestand"), [
    (b"\xef\xbb\xbfgebied_code;Naam\n1;a\n", "x.csv"), (b"Buurt;lbm_bewoners\n", "x.csv"),
    (b"Datum;Naam\n2026-12-07 08:30:00+00:00;a\n", "x.csv")])
def test_the_export_scan_catches_codes_and_utc(inhoud, bestand):
    assert export_lekken(inhoud, bestand)


def test_the_export_scan_reads_an_excel_header():
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Besluitenlijst"])
    wb.active.append(["klasse_nr", "Besluit"])
    uit = io.BytesIO()
    wb.save(uit)
    assert export_lekken(uit.getvalue(), "x.xlsx") == ["kolomnaam als kop: 'klasse_nr'"]
    assert export_lekken(b"Gebied;Klasse\n", "x.csv") == []


def test_the_tour_lets_dutch_pass():
    assert tekst_lekken("Stand op 07-12-2026 09:30\n2 voorzieningen\nSleep een bestand hierheen", ["Gebied"]) == []

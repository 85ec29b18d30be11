"""A browser journey per role: the public map without a point, a provider's own layer, an HKD scan with its PDF."""

from __future__ import annotations

import io

import pypdf
import pytest
from sqlalchemy import text

from dashboard.kaart.maps import ROTTERDAM_VIEW
from geo.rings import KAART_OVERZICHT_STRAAL
from tests.e2e.conftest import download, login, logout, screenshot, wait_for_app

pytestmark = pytest.mark.e2e


# Streamlit itself fetches the Material favicon of set_page_config(page_icon=":material/map:") from Google
# Fonts; that is the app frame's choice, reported separately. Everything else must stay on this server.
FAVICON = "https://fonts.gstatic.com/s/i/short-term/release/materialsymbolsrounded/"


def _external_requests(page) -> list[str]:
    seen: list[str] = []
    local = ("http://127.0.0.1", "data:", "blob:", "about:", FAVICON)
    page.on("request", lambda r: seen.append(r.url) if not r.url.startswith(local) else None)
    return seen


def test_public_journey_map_and_downloads_without_any_address(app_server, page, demo_engine):
    external = _external_requests(page)
    page.goto(app_server)
    wait_for_app(page, "Openbare kaart: voorzieningen per postcodegebied")
    main = page.locator('[data-testid="stMainBlockContainer"]')
    main.locator('[data-testid="stDeckGlJsonChart"] canvas').first.wait_for(timeout=30_000)
    assert main.get_by_text("Zo beschermen we adressen").count() == 1
    with demo_engine.connect() as conn:
        rows = conn.execute(text("SELECT naam, straat, postcode FROM hkd.locaties")).all()
    html = page.content()
    files = {}
    for label in ("Download als CSV", "Download per woonvorm (CSV)", "Download kaart om in te bedden (HTML)"):
        with page.expect_download() as dl:
            main.get_by_role("button", name=label).click()
        files[label] = open(dl.value.path(), encoding="utf-8").read()
    for blob in [html, *files.values()]:
        for r in rows:
            assert r.straat not in blob and r.postcode not in blob and r.naam not in blob
    assert "<svg" in files["Download kaart om in te bedden (HTML)"]
    screenshot(page, "lagen_publiek")
    assert external == [], external


def test_provider_journey_login_own_layer_logout(app_server, page):
    login(page, app_server, "alfa", "alfa-demo-2023")
    page.locator('[data-testid="stSidebar"]').get_by_text("Aanbiederskaart").click()
    wait_for_app(page, "Aanbiederskaart: voorzieningen per postcodegebied en woonvorm")
    main = page.locator('[data-testid="stMainBlockContainer"]')
    main.get_by_text("Uw locaties", exact=True).wait_for()
    wait_for_app(page, "Aanbiederskaart: voorzieningen per postcodegebied en woonvorm")
    screenshot(page, "lagen_aanbieder")
    # the provider's own locations are the last table (a collapsed table of decisions may come before it)
    main.locator('[data-testid="stDataFrame"]').last.wait_for(timeout=30_000)
    assert main.locator('[data-testid="stDataFrame"]').count() >= 2  # PC4 table, own locations (+ decisions)
    logout(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.get_by_text("Aanbiederskaart").count() == 0, "the public sidebar lists no provider pages"
    page.goto(f"{app_server}/aanbiederskaart")  # a deep link still answers, with a way to sign in
    main.get_by_text("alleen beschikbaar na inloggen").wait_for(timeout=60_000)  # the run stops at the check
    wait_for_app(page, "Aanbiederskaart: voorzieningen per postcodegebied en woonvorm")
    assert main.locator('[data-testid="stDataFrame"]').count() == 0


def test_hkd_journey_scan_a_candidate_and_download_the_pdf(app_server, page, demo_engine):
    external = _external_requests(page)
    with demo_engine.connect() as conn:
        x, y = conn.execute(text("SELECT ST_X(geom) + 80, ST_Y(geom) FROM hkd.locaties WHERE code = 'HKD-030'")).one()
        # before a candidate the map draws the locations within 5 km of the start view's middle, not all of them
        dichtbij = conn.execute(text(
            "SELECT count(*) FROM hkd.locaties WHERE ST_DWithin(geom, ST_Transform(ST_SetSRID("
            "ST_MakePoint(:lon, :lat), 4326), 28992), :straal)"),
            {"lon": ROTTERDAM_VIEW.longitude, "lat": ROTTERDAM_VIEW.latitude, "straal": KAART_OVERZICHT_STRAAL}).scalar_one()
    assert 0 < dichtbij < 78
    login(page, app_server, "hkd", "hkd-demo-2023")
    page.locator('[data-testid="stSidebar"]').get_by_text("Draagkrachtscan").click()  # same session, no reload
    wait_for_app(page, "Draagkrachtscan")
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]').first
    frame.locator(".leaflet-container").wait_for(timeout=30_000)
    assert frame.locator("path.leaflet-interactive").count() >= dichtbij or frame.locator("canvas").count() >= 1
    main_text = page.locator('[data-testid="stMainBlockContainer"]').inner_text()
    assert f"de {dichtbij} locaties en de buurtgrenzen binnen 5 km" in main_text
    main = page.locator('[data-testid="stMainBlockContainer"]')
    main.get_by_text("Coördinaten (RD)").click()
    wait_for_app(page, "Draagkrachtscan")
    main.get_by_label("RD x (meter)").fill(f"{x:.0f}")
    main.get_by_label("RD y (meter)").fill(f"{y:.0f}")
    main.get_by_role("button", name="Gebruik deze coördinaten").click()
    main.get_by_text("Voor en na toevoegen").wait_for(timeout=60_000)
    wait_for_app(page, "Draagkrachtscan")
    screenshot(page, "lagen_scan")
    dl = download(page, main.get_by_role("button", name="Download de scan als PDF"))  # made on the click
    body = " ".join(" ".join(p.extract_text().split())
                    for p in pypdf.PdfReader(io.BytesIO(open(dl.path(), "rb").read())).pages)
    assert "Draagkrachtscan" in body and f"RD x {x:.0f}, y {y:.0f}" in body and "HKD-030" in body
    assert external == [], external

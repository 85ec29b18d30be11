"""In a real browser the maps draw the configured basemap (a local tile server) under their layers, show its
attribution, and ask no other host for anything."""

from __future__ import annotations

import io
import re
from urllib.parse import urlsplit

import pytest
from PIL import Image

from tests.e2e.conftest import dashboard_with_demo_accounts, login, screenshot, wait_for_app
from tests.tiles import tile_server

pytestmark = pytest.mark.e2e

TILE_RGB = (120, 180, 230)  # the colour of every generated tile


def _tile_share(png: bytes) -> float:
    """Share of pixels in the generated tile colour (what shows where no layer covers the basemap)."""
    img = Image.open(io.BytesIO(png)).convert("RGB").resize((200, 150))
    px = list(img.getdata())
    near = [p for p in px if all(abs(a - b) <= 12 for a, b in zip(p, TILE_RGB, strict=True))]
    return len(near) / len(px)


def _map_drawn(page, name: str) -> float:
    chart = page.locator('[data-testid="stDeckGlJsonChart"]').first
    chart.locator("canvas").first.wait_for(timeout=30_000)
    page.wait_for_timeout(2500)  # tiles arrive, deck.gl paints on the next frames
    shot = chart.screenshot()
    screenshot(page, name)
    return _tile_share(shot)


def test_maps_draw_the_configured_tiles_under_the_layers_and_nothing_else(demo_url, browser, monkeypatch):
    with tile_server() as tiles:
        monkeypatch.setenv("HKD_BASEMAP", f"{tiles.template}|© Testkaart")
        with dashboard_with_demo_accounts(demo_url) as base:
            context = browser.new_context(viewport={"width": 1400, "height": 1400}, locale="nl-NL")
            page = context.new_page()
            hosts: list[str] = []
            page.on("request", lambda r: hosts.append(urlsplit(r.url).netloc or urlsplit(r.url).scheme))
            page.goto(base)
            wait_for_app(page, "Openbare kaart: voorzieningen per postcodegebied")
            share = _map_drawn(page, "basemap_openbare_kaart")
            assert tiles.tile_requests(), "the browser asked the configured tile server for no tile"
            assert share > 0.02, f"only {share:.1%} of the map shows the basemap"
            # the PC4 areas are drawn on top of the tiles: the map is not all basemap
            assert share < 0.95, "the layers did not draw over the basemap"
            assert page.get_by_text("© Testkaart").count() >= 1  # attribution shown

            login(page, base, "hkd", "hkd-demo-2023")
            page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Escalatieladder").click()
            wait_for_app(page, "Escalatieladder")
            voor = len(tiles.tile_requests())
            _map_drawn(page, "basemap_escalatieladder")
            assert len(tiles.tile_requests()) >= voor
            context.close()
        allowed = {urlsplit(base).netloc, urlsplit(tiles.template).netloc, "data", "blob"}
        assert set(hosts) <= allowed, f"requests to other hosts: {set(hosts) - allowed}"


def test_search_for_a_postcode_and_a_wijk_zooms_there_on_the_public_map(app_server, page):
    page.goto(app_server)
    wait_for_app(page, "Openbare kaart: voorzieningen per postcodegebied")
    main = page.locator('[data-testid="stMainBlockContainer"]')
    zoekveld = main.get_by_role("textbox", name="Zoek op de kaart")
    zoekveld.fill("3072")
    zoekveld.press("Enter")
    main.get_by_text("Postcodegebied 3072").first.wait_for(timeout=60_000)
    wait_for_app(page)
    assert "pc4=3072" in page.url
    zoekveld.fill("Feijenoord")
    zoekveld.press("Enter")
    main.get_by_text("resultaten").first.wait_for(timeout=60_000)
    wait_for_app(page)
    screenshot(page, "zoeken_openbare_kaart")
    # never a facility among the offered results (a location result reads "Locatie HKD-001 ..."); the source line's
    # "locatieregister" is no result
    assert main.get_by_text(re.compile(r"Locatie HKD-\d")).count() == 0

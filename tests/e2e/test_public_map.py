"""The public map draws in a real browser: the PC4 layer is painted on the deck.gl canvas."""

import io

import pytest
from PIL import Image

from tests.e2e.conftest import screenshot, wait_for_app

pytestmark = pytest.mark.e2e


def _coloured_share(png: bytes) -> float:
    """Share of pixels that are clearly coloured (not white/grey background)."""
    img = Image.open(io.BytesIO(png)).convert("RGB").resize((200, 150))
    px = list(img.getdata())
    coloured = [p for p in px if max(p) - min(p) > 30]
    return len(coloured) / len(px)


def test_public_map_draws_the_pc4_layer(app_server, page):
    page.goto(app_server)
    wait_for_app(page, "Openbare kaart: voorzieningen per postcodegebied")
    chart = page.locator('[data-testid="stDeckGlJsonChart"]')
    chart.locator("canvas").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)  # deck.gl paints on the next animation frames
    share = _coloured_share(chart.screenshot())
    screenshot(page, "openbare_kaart")
    # the first view frames the whole municipality (Hoek van Holland to Nesselande), so the areas fill less of it
    assert share > 0.05, f"only {share:.1%} of the map is coloured: the layer did not draw"
    assert page.get_by_text("Download als CSV").count() == 1


def test_deep_link_on_a_fresh_server_gets_the_whole_app(demo_url, browser, tmp_path):
    """A bookmark to a page, opened first after a restart, still gets the frame and the role's navigation."""
    from ops.serve import running

    with running(demo_url, tmp_path) as base:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{base}/escalatieladder")
        page.get_by_text("alleen beschikbaar na inloggen").wait_for(timeout=60_000)
        wait_for_app(page)
        sidebar = page.locator('[data-testid="stSidebar"]')
        assert sidebar.get_by_text("Niet ingelogd").count() == 1, "app.py ran: the frame is there"
        assert sidebar.get_by_text("Escalatieladder").count() == 0, "the public sees only public pages"
        page.close()

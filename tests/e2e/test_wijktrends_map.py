"""The Wijktrends page draws Kaart 4-8 and its legend in a real browser, for the public (no login)."""

import io

import pytest
from PIL import Image

from tests.e2e.conftest import screenshot, wait_for_app

pytestmark = pytest.mark.e2e

# Class colours of geo.veerkracht.KLASSEN that must be painted on the canvas (dark red/brown and dark green).
DONKERROOD = (140, 81, 10)
DONKERGROEN = (1, 102, 94)


def _share_near(img: Image.Image, rgb: tuple[int, int, int], tol: int = 40) -> float:
    px = list(img.getdata())
    near = [p for p in px if sum(abs(a - b) for a, b in zip(p, rgb, strict=True)) <= tol]
    return len(near) / len(px)


def test_bivariate_map_and_legend_draw(app_server, page):
    page.goto(app_server + "/wijktrends")
    wait_for_app(page, "Wijktrends")
    chart = page.locator('[data-testid="stDeckGlJsonChart"]').first
    chart.locator("canvas").first.wait_for(timeout=30_000)
    page.wait_for_timeout(2000)  # deck.gl paints on the next animation frames
    img = Image.open(io.BytesIO(chart.screenshot())).convert("RGB").resize((300, 300))
    shot = screenshot(page, "wijktrends_kaart_4_8")
    coloured = sum(1 for p in img.getdata() if max(p) - min(p) > 30) / (300 * 300)
    assert coloured > 0.05, f"only {coloured:.1%} of the map is coloured ({shot})"
    assert _share_near(img, DONKERROOD) > 0.002, "no dark red/brown area painted"
    assert _share_near(img, DONKERGROEN) > 0.0005, "no dark green area painted"
    legend = page.get_by_role("list", name="Legenda Kaart 4-8")
    assert legend.is_visible()
    text = legend.inner_text()
    for phrase in ("donkerrood/bruin", "lichtrood", "donkergroen", "heldergroen",
                   "de belangrijke uitzondering op de regel"):
        assert phrase in text

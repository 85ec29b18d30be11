"""The published site in Debian's Chromium behind the real nginx: the map draws, hover and click give the figures,
no serious accessibility violation, nothing requested from outside, embed.html works on its own."""

import shutil

import pytest

from ops import nginx
from ops import publicatie as pub
from tests.e2e.conftest import screenshot
from tests.e2e.test_accessibility import serious_violations

pytestmark = pytest.mark.e2e


@pytest.fixture
def site(fresh_demo, tmp_path):
    root = tmp_path / "pub"
    pub.publiceer(fresh_demo, root, "tester")
    with nginx.running(pub.actueel(root), tmp_path / "nginx") as base:
        yield base


@pytest.fixture
def page(browser):
    """Like the shared ``page``, but with the site's Content-Security-Policy bypassed so axe can be injected (the
    policy itself blocks any inline script, the injected axe included)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1400}, locale="nl-NL", bypass_csp=True)
    p = context.new_page()
    yield p
    context.close()


def test_published_map_draws_hovers_clicks_and_passes_axe(site, page):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site + "/")
    page.wait_for_selector("#kaart[data-getekend='76']", timeout=30_000)
    vlakken = page.locator("#kaart path.leaflet-interactive")
    assert vlakken.count() >= 76
    vlakken.nth(5).hover(force=True)
    assert "Postcode" in page.locator(".leaflet-tooltip").inner_text()
    vlakken.nth(5).click(force=True)
    assert ", plaatsen:" in page.locator("#details").inner_text()
    screenshot(page, "publicatie_site")
    assert serious_violations(page) == []
    assert all(u.startswith(site) or u.startswith("data:") for u in requested), requested
    assert page.get_by_role("link", name="Download per postcodegebied (CSV)").count() == 1


def test_embed_page_draws_on_its_own(site, page):
    page.goto(site + "/embed.html")
    page.wait_for_selector("#kaart[data-getekend='76']", timeout=30_000)
    assert page.locator(".legenda li").count() >= 2
    assert serious_violations(page) == []


def test_map_draws_under_the_servers_own_security_headers(site, browser):
    """The CSP nginx adds (ops.nginx.kopregels()) and the page's own both apply: the map still draws and no
    violation is reported (the headers must not break what they protect)."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="nl-NL")
    p = context.new_page()
    schendingen: list[str] = []
    p.on("console", lambda m: schendingen.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        antwoord = p.goto(site + "/")
        assert "script-src 'self'" in antwoord.headers["content-security-policy"]
        p.wait_for_selector("#kaart[data-getekend='76']", timeout=30_000)
        p.goto(site + "/embed.html")
        p.wait_for_selector("#kaart[data-getekend='76']", timeout=30_000)
        assert schendingen == []
    finally:
        context.close()


def test_without_script_the_tables_are_there_and_no_search_box_that_cannot_work(site, browser):
    """A reader without JavaScript gets the figures in the tables at once (nothing waits for a map that never
    draws) and no search box, which needs the script."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nl-NL", java_script_enabled=False)
    p = context.new_page()
    try:
        p.goto(site + "/")
        assert p.get_by_role("heading", name="Cijfers per postcodegebied").is_visible()
        assert p.locator("#tabel table tbody tr").count() > 0 and p.get_by_role("table", name="Voorzieningen en plaatsen per postcodegebied", exact=True).is_visible()
        assert not p.locator("#zoek").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("laag", ['{"type":"FeatureCollection","features":[', '{"type":"FeatureCollection","features":'
                                  '[{"type":"Feature","properties":{},"geometry":{"type":"Kapot","coordinates":[]}}]}'])
def test_a_layer_the_page_cannot_draw_says_so_in_dutch_and_shows_the_tables(fresh_demo, tmp_path, page, laag):
    """The first view's layer is in the page: cut short or not drawable, the page says so beside the map and shows
    the tables at once (the figures are all there), instead of a blank map and hidden tables."""
    root = tmp_path / "pub"
    pub.publiceer(fresh_demo, root, "tester")
    kapot = tmp_path / "kapot"
    shutil.copytree(pub.actueel(root).resolve(), kapot)
    index = (kapot / "index.html").read_text(encoding="utf-8")
    begin = index.index('id="hkd-laag">') + len('id="hkd-laag">')
    (kapot / "index.html").write_text(index[:begin] + laag + index[index.index("</script>", begin):], encoding="utf-8")
    (kapot / "index.html.gz").unlink()
    with nginx.running(kapot, tmp_path / "nginx") as base:
        page.goto(base + "/")
        page.wait_for_selector("#details:has-text('De kaart kon niet worden geladen')", timeout=15_000)
        assert page.get_by_role("heading", name="Cijfers per postcodegebied").is_visible()
        assert "kaart-eerst" not in (page.locator("html").get_attribute("class") or "")

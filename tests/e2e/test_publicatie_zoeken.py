"""A resident searches the published site in Chromium behind the real nginx, on a laptop and on a phone: a postcode
and a buurt name zoom the map in and open the area's figures; the box is labelled and works from the keyboard; the
wijk borders and names give orientation when zoomed in; a hostile query stays text."""

import numpy as np
import pytest
from sqlalchemy import text

from ops import nginx
from ops import publicatie as pub
from tests.e2e.conftest import SCREENSHOTS, screenshot
from tests.e2e.test_accessibility import serious_violations

pytestmark = pytest.mark.e2e

VIJAND = "Charlois <img src=x onerror=window.__xss=1> & 'Zuidrand'"  # a buurt renamed to this before publishing
VIEWPORTS = {"laptop": {"width": 1400, "height": 900}, "telefoon": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def site(pg_server, demo_template, tmp_path_factory):
    from queries.db import acting_as, make_engine

    naam = "hkd_test_zoeken_site"
    if pg_server.exists(naam):
        pg_server.drop(naam)
    engine = make_engine(pg_server.create(naam, template=demo_template))
    with acting_as(engine, "test") as conn:
        conn.execute(text("UPDATE hkd.gebieden SET naam = :n WHERE niveau = 'buurt' AND naam = 'Charlois Zuidrand'"),
                     {"n": VIJAND})
    root = tmp_path_factory.mktemp("pub")
    pub.publiceer(engine, root, "tester")
    engine.dispose()
    with nginx.running(pub.actueel(root), tmp_path_factory.mktemp("nginx")) as base:
        yield base
    pg_server.drop(naam)


@pytest.fixture(params=list(VIEWPORTS))
def page(browser, request):
    mobiel = request.param == "telefoon"
    context = browser.new_context(viewport=VIEWPORTS[request.param], locale="nl-NL", bypass_csp=True,
                                  is_mobile=mobiel, has_touch=mobiel, device_scale_factor=2 if mobiel else 1)
    p = context.new_page()
    p.hkd_viewport = request.param
    yield p
    context.close()


def _klaar(page, site):
    page.goto(site + "/")
    page.wait_for_selector("#kaart[data-getekend='76'][data-gebieden]", timeout=30_000)
    return float(page.locator("#kaart").get_attribute("data-zoom"))


def _zoek(page, tekst: str, keyboard: bool = True):
    vak = page.get_by_label("Zoek een postcode, wijk of buurt")
    vak.fill(tekst)
    if keyboard:
        vak.press("Enter")
    else:
        page.get_by_role("button", name="Zoeken").click()


def _zoom(page) -> float:
    page.wait_for_timeout(600)  # Leaflet's zoom animation
    return float(page.locator("#kaart").get_attribute("data-zoom"))


def _in_beeld(page, locator) -> bool:
    """Whether the element's centre lies inside the map's box (the map was moved to it)."""
    k, r = page.locator("#kaart").bounding_box(), locator.bounding_box()
    x, y = r["x"] + r["width"] / 2, r["y"] + r["height"] / 2
    return k["x"] < x < k["x"] + k["width"] and k["y"] < y < k["y"] + k["height"]


def test_a_postcode_zooms_in_and_opens_its_figures(site, page):
    start = _klaar(page, site)
    _zoek(page, "3072")
    assert _zoom(page) >= start + 2
    assert page.locator("#kaart").get_attribute("data-gezocht") == "pc4:3072"
    details = page.locator("#details").inner_text()
    assert "Postcode 3072" in details and "plaatsen:" in details
    assert "Gevonden: Postcode 3072" in page.locator("#zoekstatus").inner_text()
    if page.hkd_viewport == "telefoon":
        # on a phone the figures sit under the map: the page is one column, nothing wider than the screen
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, f"publicatie_zoek_pc4_{page.hkd_viewport}")


def test_a_buurt_name_zooms_to_it_names_its_wijk_and_opens_the_figures_of_its_postcodes(site, page):
    start = _klaar(page, site)
    _zoek(page, "bloemhof", keyboard=False)  # case does not matter; the button works as well as Enter
    assert _zoom(page) >= start + 2
    assert page.locator("#kaart").get_attribute("data-gezocht").startswith("buurt:")
    details = page.locator("#details").inner_text()
    assert "Buurt Bloemhof (wijk Feijenoord)" in details
    assert "Postcode 30" in details and "plaatsen:" in details
    # orientation: the wijk's border is drawn and buurt names are on the map in view
    assert page.locator("#kaart .leaflet-overlay-pane path").count() > 76
    naam = page.locator("#kaart .buurtnaam", has_text="Bloemhof")
    assert naam.count() == 1 and _in_beeld(page, naam)
    screenshot(page, f"publicatie_zoek_buurt_{page.hkd_viewport}")
    assert serious_violations(page) == []


def test_several_matches_are_offered_as_buttons_and_nothing_found_says_so(site, page):
    _klaar(page, site)
    _zoek(page, "Feijenoord")  # a wijk and a buurt of that name
    keuzes = page.locator("#zoekresultaten button")
    assert keuzes.count() >= 2
    assert "kies er een" in page.locator("#zoekstatus").inner_text()
    keuzes.filter(has_text="Wijk Feijenoord").first.focus()
    page.keyboard.press("Enter")
    assert page.locator("#kaart").get_attribute("data-gezocht").startswith("gebied:")
    _zoek(page, "<b onmouseover=window.__xss=1>zzqq</b>")
    assert "Niets gevonden" in page.locator("#zoekstatus").inner_text()
    assert page.evaluate("window.__xss") is None
    assert page.locator("#zoekstatus b").count() == 0


def test_a_hostile_area_name_is_found_and_shown_as_text(site, page):
    _klaar(page, site)
    _zoek(page, "zuidrand")
    assert page.locator("#details .gevonden").inner_text().startswith(f"Buurt {VIJAND} (wijk Charlois)")
    page.get_by_role("button", name="Zoom in").click()  # names drawn on the map are text too
    page.wait_for_timeout(600)
    assert page.locator("#kaart .buurtnaam", has_text="<img").count() == 1
    assert page.locator("#kaart img[src='x'], #details img, #zoekstatus img").count() == 0
    assert page.evaluate("window.__xss") is None


@pytest.fixture
def geocoder():
    """A PDOK-Locatieserver-shaped geocoder on loopback that answers every question with one address, placed inside
    PC4 3072 (the point is set by the test); the questions it got are kept."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    staat = {"punt": (0.0, 0.0), "vragen": []}

    class Geocoder(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            staat["vragen"].append(self.path)
            lon, lat = staat["punt"]
            body = json.dumps({"response": {"docs": [{"type": "adres", "weergavenaam": "Testlaan 12, 3072AB Rotterdam",
                                                      "centroide_ll": f"POINT({lon} {lat})"}]}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Geocoder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    staat["url"] = f"http://127.0.0.1:{server.server_address[1]}/bzk/locatieserver/search/v3_1"
    yield staat
    server.shutdown()


def test_an_address_is_asked_of_the_configured_geocoder_and_opens_its_postcode(fresh_demo, tmp_path, browser,
                                                                                 geocoder, monkeypatch):
    import json

    from shapely.geometry import shape

    monkeypatch.setenv("HKD_GEOCODER_URL", geocoder["url"])
    root = tmp_path / "pub"
    pub.publiceer(fresh_demo, root, "tester")
    laag = json.loads((pub.actueel(root) / "data/pc4.geojson").read_text(encoding="utf-8"))
    vlak = next(f for f in laag["features"] if f["properties"]["pc4"] == "3072")
    punt = shape(vlak["geometry"]).representative_point()
    geocoder["punt"] = (round(punt.x, 5), round(punt.y, 5))
    with nginx.running(pub.actueel(root), tmp_path / "nginx") as base:
        context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nl-NL")  # the real CSP
        page = context.new_page()
        page.goto(base + "/")
        page.wait_for_selector("#kaart[data-getekend='76'][data-gebieden]", timeout=30_000)
        vak = page.get_by_label("Zoek een postcode, adres, wijk of buurt")
        vak.fill("Testlaan 12")
        vak.press("Enter")
        page.wait_for_selector("#kaart[data-gezocht^='adres:']", timeout=10_000)
        assert _zoom(page) == 16
        details = page.locator("#details").inner_text()
        assert "Testlaan 12, 3072AB Rotterdam" in details and "Postcode 3072" in details
        context.close()
    assert len(geocoder["vragen"]) == 1
    vraag = geocoder["vragen"][0]
    assert vraag.startswith("/bzk/locatieserver/search/v3_1/free?") and "q=Testlaan%2012" in vraag
    assert "gemeentenaam%3ARotterdam" in vraag


def test_zoomed_in_the_map_shows_water_roads_and_names_not_a_flat_colour_field(site, page):
    """Zoomed in on a postcode by the river, a resident still sees where they are without a basemap: the Maas and
    the main roads (schematic, geo.context) and the names, over areas whose colour lets them through (issue 26:
    the published site zoomed in was one flat colour field). On a phone too, and nothing wider than the screen."""
    from geo.context import KLEUREN
    from tests.e2e.kaartbeeld import beeld, oordeel

    start = _klaar(page, site)
    _zoek(page, "3072")
    assert _zoom(page) >= start + 2
    page.wait_for_timeout(400)
    png = page.locator("#kaart").screenshot()
    (SCREENSHOTS / f"publicatie_ingezoomd_{page.hkd_viewport}.png").write_bytes(png)
    pixels = beeld(png)
    o = oordeel(pixels, [])
    # several areas, each named, not one block: the neighbours of one class share its colour, so how much of the
    # view one colour takes depends on the geography (the real CBS areas, or the coarse fallback without them)
    namen = page.evaluate("""() => { const k = document.querySelector('#kaart').getBoundingClientRect();
        return [...document.querySelectorAll('#kaart .naam span')].filter(e => { const r = e.getBoundingClientRect();
            return r.width > 0 && r.left >= k.left && r.right <= k.right && r.top >= k.top && r.bottom <= k.bottom; })
            .map(e => e.innerText); }""")
    assert len(namen) >= 3, namen
    assert o.grootste_vlak < 0.75 and o.kleuren >= 6, o
    # the river in its own pure colour (no area colour comes within 10 of it: before, not one such pixel)
    water = int((np.abs(pixels.reshape(-1, 3) - np.array(KLEUREN["water"])).max(axis=1) <= 10).sum())
    assert water >= 500, water
    assert page.locator("#kaart .contextnaam", has_text="Nieuwe Maas").count() == 1
    assert "schematisch" in page.locator(".kaartvak").inner_text()
    breedte = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= breedte
    k = page.locator("#kaart").bounding_box()
    assert k["width"] >= 0.9 * min(breedte, 1200) - 40 if page.hkd_viewport == "telefoon" else k["y"] < 450


def test_the_site_opens_with_its_map_in_the_window(site, page):
    """As the page opens, a laptop shows the whole map without scrolling; a phone shows its top half at least."""
    _klaar(page, site)
    screenshot(page, f"publicatie_start_{page.hkd_viewport}")
    k, hoogte = page.locator("#kaart").bounding_box(), page.viewport_size["height"]
    if page.hkd_viewport == "laptop":
        assert k["y"] >= 0 and k["y"] + k["height"] <= hoogte, k
    else:
        assert k["y"] + k["height"] / 2 <= hoogte, k
    # the whole city at once: names of wijken, water and roads, none written over another (issue 26)
    vakken = page.evaluate("""() => [...document.querySelectorAll('#kaart .naam span')].map(e => {
        const r = e.getBoundingClientRect(); return [e.innerText, r.left, r.top, r.right, r.bottom]; })""")
    assert len(vakken) >= 5, vakken
    over = [(a[0], b[0]) for i, a in enumerate(vakken) for b in vakken[i + 1:]
            if a[1] < b[3] - 2 and b[1] < a[3] - 2 and a[2] < b[4] - 2 and b[2] < a[4] - 2]
    assert over == [], over


def test_the_first_view_draws_the_overview_and_zooming_in_brings_the_full_outlines(site, page):
    """Issue 27: the first view draws the overview layer that comes in the page (outlines simplified for it), the full
    layer is fetched only when the reader zooms in; the area searched stays marked, hover and click still give its figures, and what lies
    below the map is shown once the areas are painted."""
    gevraagd: list[str] = []
    page.on("request", lambda r: gevraagd.append(r.url.rsplit("/", 1)[-1]))
    _klaar(page, site)
    kaart = page.locator("#kaart")
    assert not [n for n in gevraagd if n.endswith(".geojson")], gevraagd
    assert kaart.get_attribute("data-detail") is None
    # the rule and the tables are there after the first paint (hidden only until the areas were drawn)
    assert "kaart-eerst" not in (page.locator("html").get_attribute("class") or "")
    assert page.get_by_role("heading", name="Zo beschermen we adressen").is_visible()
    _zoek(page, "3072")  # zooms in more than one level past the first view
    page.wait_for_selector("#kaart[data-detail='76']", timeout=15_000)
    assert gevraagd.count("pc4.geojson") == 1
    assert page.locator("#kaart path.leaflet-interactive").count() >= 76
    gemarkeerd = page.locator("#kaart path.leaflet-interactive[stroke-width='3']")
    assert gemarkeerd.count() == 1, "the searched area is still marked on the full outlines"
    gemarkeerd.hover(force=True)
    assert "Postcode 3072" in page.locator(".leaflet-tooltip").inner_text()
    # back to the first view: no second fetch, and the full outlines stay
    page.get_by_role("button", name="Zoom out").click()
    _zoom(page)
    assert gevraagd.count("pc4.geojson") == 1 and kaart.get_attribute("data-detail") == "76"

"""The published site's files, rendered from hand-made public data: hostile names, CSV injection, the config."""

import csv
import html
import io
import json
import re

import pandas as pd
import pytest

from geo.basemap import resolve
from geo.disclosure import DisclosureRule
from ops.publicatie import LEAFLET_DIR
from queries.publiek import OpenbareKaart
from reports.publicatie import Leaflet, csv_tekst, data_versie, site_bestanden
from reports.publicatie.site import RIJEN_PER_PAGINA

VIERKANT = '{"type":"Polygon","coordinates":[[[4.4,51.9],[4.5,51.9],[4.5,52.0],[4.4,51.9]]]}'
VIJAND = '</script><script>alert(1)</script><img src=x onerror=alert(2)>'
# as the writer passes them (vendored by setup)
LEAFLET = Leaflet(*((LEAFLET_DIR / naam).read_text(encoding="utf-8") for naam in ("leaflet.css", "leaflet.js")))


def _site(data, datum, *args, **kwargs) -> dict[str, bytes]:
    return site_bestanden(data, datum, LEAFLET, *args, **kwargs)


def _data(plaats: str = "Rotterdam", woonvorm: str = "Beschermd wonen") -> OpenbareKaart:
    pc4 = pd.DataFrame({"pc4": ["3011", "3012"], "plaats": [plaats, "Rotterdam"], "voorzieningen": [4, 0],
                        "plaatsen": pd.array([20, None], dtype="Int64"), "geometry": [VIERKANT, VIERKANT]})
    wv = pd.DataFrame({"pc4": ["3011", "3011"], "woonvorm": ["bw", "fw"], "woonvorm_naam": [woonvorm, "Flexwonen"],
                       "voorzieningen": [3, 1], "plaatsen": pd.array([15, None], dtype="Int64")})
    vt = pd.DataFrame({"niveau": ["gemeente"], "code": ["gemeente"], "naam": ["Rotterdam"],
                       "woonvorm_naam": ["Opvang"], "voorzieningen": pd.array([None], dtype="Int64"),
                       "plaatsen": pd.array([None], dtype="Int64")})
    return OpenbareKaart(DisclosureRule(), pc4, wv, vt, ("opvang",))


def test_every_file_is_there_and_the_layer_is_minimal():
    files = _site(_data(), "29-11-2026 20:00")
    assert {"index.html", "embed.html", "kaart.js", "stijl.css", "data/pc4.geojson", "data/woonvormen.json",
            "per_pc4.csv", "per_pc4_woonvorm.csv"} <= set(files)
    layer = json.loads(files["data/pc4.geojson"])
    assert [f["properties"] for f in layer["features"]] == [
        {"pc4": "3011", "plaats": "Rotterdam", "voorzieningen": 4, "plaatsen": 20},
        {"pc4": "3012", "plaats": "Rotterdam", "voorzieningen": 0, "plaatsen": None},
    ]
    index = files["index.html"].decode()
    assert 'lang="nl"' in index and "Stand van de cijfers: <time>29-11-2026 20:00</time>" in index
    assert "Zo beschermen we adressen" in index and "Grenzen: CBS / Kadaster" in index
    # (the inlined kaart.js names Leaflet's site in the map's attribution link: a link, never a request)
    assert "://" not in index.replace(files["kaart.js"].decode(), ""), "no outside address without a basemap"


def test_hostile_names_are_escaped_in_html_and_config():
    files = _site(_data(plaats=VIJAND, woonvorm=VIJAND), "vandaag")
    for naam in ("index.html", "embed.html"):
        page = files[naam].decode()
        assert "<script>alert" not in page and "<img src=x" not in page
    # the GeoJSON is data, fetched and put in the page with textContent-escaping by kaart.js
    assert json.loads(files["data/pc4.geojson"])["features"][0]["properties"]["plaats"] == VIJAND
    assert "innerHTML = h" in files["kaart.js"].decode() and "function tekst(" in files["kaart.js"].decode()


def test_config_cannot_close_its_script_element():
    bm = resolve("https://tiles.example.org/{z}/{x}/{y}.png|</script><b>x</b>")
    page = _site(_data(), "vandaag", bm)["index.html"].decode()
    config = page.split('id="hkd-config">', 1)[1].split("</script>", 1)[0]
    assert json.loads(config)["attributie"].endswith("</script><b>x</b>.")
    assert "tiles.example.org" in page.split("Content-Security-Policy", 1)[1].split(">", 1)[0]


def test_csv_cells_never_become_formulas():
    text = csv_tekst(["a", "b"], [["=HYPERLINK(\"http://x\")", "+1"], ["-2", "@SUM(A1)"], ["\tx", "\rx"],
                                  ["gewoon", "3011"]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == ["'=HYPERLINK(\"http://x\")", "'+1"]
    assert rows[2] == ["'-2", "'@SUM(A1)"]
    assert rows[3] == ["'\tx", "'\rx"]
    assert rows[4] == ["gewoon", "3011"]


def test_hostile_woonvorm_name_in_csv_is_neutralised():
    files = _site(_data(woonvorm="=cmd|' /C calc'!A0"), "vandaag")
    rows = list(csv.reader(io.StringIO(files["per_pc4_woonvorm.csv"].decode())))
    assert rows[1][1].startswith("'=")


def test_data_version_follows_the_figures_not_the_date():
    a = _site(_data(), "maandag")
    b = _site(_data(), "dinsdag")
    c = _site(_data(plaats="Schiedam"), "maandag")
    assert data_versie(a) == data_versie(b) != data_versie(c)


def _met_gebieden(naam: str = "Bloemhof") -> OpenbareKaart:
    d = _data()
    gebieden = pd.DataFrame({
        "niveau": ["gebied", "buurt"], "code": ["WK059915", "BU05991571"], "naam": ["Feijenoord", naam],
        "ouder": [None, "Feijenoord"], "west": [4.4, 4.45], "zuid": [51.9, 51.9], "oost": [4.5, 4.46],
        "noord": [52.0, 51.91], "lon": [4.45, 4.455], "lat": [51.95, 51.905],
        "rand": ['{"type":"LineString","coordinates":[[4.4,51.9],[4.5,51.9],[4.5,52.0]]}', None],
        "pc4s": [["3011", "3012"], ["3011"]]})
    return OpenbareKaart(d.regel, d.pc4, d.pc4_woonvorm, d.vertrouwelijk, d.vertrouwelijke_namen, gebieden)


def test_the_search_index_holds_wijken_and_buurten_and_hostile_names_stay_data():
    files = _site(_met_gebieden(VIJAND), "vandaag")
    index = json.loads(files["data/gebieden.json"])
    assert index["gebied"] == [["WK059915", "Feijenoord", [4.4, 51.9, 4.5, 52.0], [4.45, 51.95], ["3011", "3012"],
                                [[[4.4, 51.9], [4.5, 51.9], [4.5, 52.0]]]]]
    assert index["buurt"] == [["BU05991571", VIJAND, [4.45, 51.9, 4.46, 51.91], [4.455, 51.905], ["3011"],
                               "Feijenoord"]]
    page = files["index.html"].decode()
    assert VIJAND not in page and "Feijenoord" not in page, "names live only in the data file"
    # the search box is labelled, and hidden without script (it could not work): tests/e2e/test_publicatie_site.py
    assert '<form id="zoek" class="zoek" role="search" aria-label="Zoek op de kaart">' in page
    assert "<noscript><style>.zoek{display:none}</style></noscript>" in page
    assert '<label for="zoekterm">Zoek een postcode, wijk of buurt</label>' in page
    js = files["kaart.js"].decode()
    assert "knop.textContent = r.wat" in js and 'html: "<span>" + tekst(n.naam) + "</span>"' in js


def test_a_configured_geocoder_is_named_in_the_policy_and_the_label_only_then():
    zonder = _site(_met_gebieden(), "vandaag")["index.html"].decode()
    assert "connect-src &#x27;self&#x27;;" in zonder and "adres" not in zonder.split("</form>")[0].split("<form")[1]
    met = _site(_met_gebieden(), "vandaag", geocoder="https://api.pdok.nl/bzk/locatieserver/search/v3_1")
    page = met["index.html"].decode()
    assert "connect-src &#x27;self&#x27; https://api.pdok.nl;" in page
    assert "Zoek een postcode, adres, wijk of buurt" in page
    assert json.loads(page.split('id="hkd-config">', 1)[1].split("</script>", 1)[0])["geocoder"].startswith("https://")


def _script(pagina: str) -> str:
    """The one script file a page runs."""
    return re.findall(r'<script src="([^"]+)"></script>', pagina)[0]


def test_the_pages_run_one_script_file_and_no_inline_script():
    """Our style is in the page, our script in one file with Leaflet's (named by its content, preloaded): no inline
    script at all, so the pages' policy and every server's is ``script-src 'self'``, with no hash to keep in step."""
    files = _site(_data(), "vandaag")
    for naam in ("index.html", "embed.html"):
        page = files[naam].decode()
        assert 'src="kaart.js"' not in page and 'href="stijl.css"' not in page
        assert f"\n{files['stijl.css'].decode()}</style>" in page
        scripts = re.findall(r"<script([^>]*)>", page)
        assert [a for a in scripts if "application/json" not in a] == [f' src="{_script(page)}"'], scripts
        bundel = files[_script(page)].decode()
        assert bundel.startswith(LEAFLET.js.rstrip()) and bundel.endswith(files["kaart.js"].decode())
        assert f'<link rel="preload" href="{_script(page)}" as="script">' in page
        csp = page.split("Content-Security-Policy", 1)[1].split(">", 1)[0].replace("&#x27;", "'")
        assert "script-src 'self';" in csp and "sha256" not in csp and "unsafe" not in csp.split("script-src")[1][:30]


def test_the_script_file_changes_name_with_its_content():
    """``vendor/`` is cached long: a new Leaflet or a new script of ours comes under a new name."""
    eerst = _script(_site(_data(), "vandaag")["index.html"].decode())
    ander = site_bestanden(_data(), "vandaag", Leaflet(LEAFLET.css, LEAFLET.js + "\n// 1.9.5"))
    assert _script(ander["index.html"].decode()) != eerst and eerst.startswith("vendor/hkd-kaart-")
    assert _script(_site(_data(plaats="Schiedam"), "morgen")["index.html"].decode()) == eerst


def _veel_pc4(n: int) -> OpenbareKaart:
    codes = [str(1000 + i) for i in range(n)]
    pc4 = pd.DataFrame({"pc4": codes, "plaats": [f"Plaats {c}" for c in codes], "voorzieningen": [3] * n,
                        "plaatsen": pd.array([15] * n, dtype="Int64"), "geometry": [VIERKANT] * n})
    wv = pd.DataFrame({"pc4": codes, "woonvorm": ["bw"] * n, "woonvorm_naam": ["Beschermd wonen"] * n,
                       "voorzieningen": [3] * n, "plaatsen": pd.array([15] * n, dtype="Int64")})
    return OpenbareKaart(DisclosureRule(), pc4, wv, _data().vertrouwelijk, ("opvang",))


def _rijkoppen(page: str) -> list[str]:
    return [r.split("</th>")[0] for r in page.split('<tr><th scope="row">')[1:]]


def test_a_long_table_continues_on_pages_of_its_own_and_the_downloads_stay_whole():
    n = RIJEN_PER_PAGINA * 2 + 10
    files = _site(_veel_pc4(n), "vandaag")
    index = files["index.html"].decode()
    pc4_paginas = [index] + [files[f"tabel-pc4-{i}.html"].decode() for i in (2, 3)]
    assert "tabel-pc4-4.html" not in files
    # index.html holds the first page of each table only; every postcode is on exactly one page, in order
    assert len(_rijkoppen(index)) == 2 * RIJEN_PER_PAGINA
    per_pc4 = _rijkoppen(index)[:RIJEN_PER_PAGINA] + [k for p in pc4_paginas[1:] for k in _rijkoppen(p)]
    assert per_pc4 == [str(1000 + i) for i in range(n)]
    per_wv = _rijkoppen(index)[RIJEN_PER_PAGINA:] + [
        k for i in (2, 3) for k in _rijkoppen(files[f"tabel-woonvorm-{i}.html"].decode())]
    assert per_wv == per_pc4
    assert 'href="tabel-pc4-3.html"' in index and "Pagina 1 van 3" in index
    verder = pc4_paginas[2]
    assert "Pagina 3 van 3" in verder and 'href="index.html"' in verder and "<script" not in verder
    assert "script-src 'none'" in html.unescape(verder)
    assert len(list(csv.reader(io.StringIO(files["per_pc4.csv"].decode())))) == n + 1


def test_a_short_table_stays_on_the_maps_page_without_pager():
    files = _site(_data(), "vandaag")
    assert not any(naam.startswith("tabel-") for naam in files)
    assert 'class="pager"' not in files["index.html"].decode()


def test_what_lies_below_the_map_is_in_the_page_but_laid_out_only_when_scrolled_to():
    """The tables, the rule and the iframe snippet stay in index.html (no script needed, screen readers find them)
    but the browser lays them out only near the window (``content-visibility: auto``): the map's first paint does
    not wait for them. The map, its legend and the search stay outside that."""
    files = _site(_veel_pc4(30), "vandaag")
    index, css = files["index.html"].decode(), files["stijl.css"].decode()
    assert ".later{content-visibility:auto;" in css and f"\n{css}</style>" in index
    later = index.split('class="later"')
    assert len(later) == 5  # the rule, the tables, the iframe snippet, the footer
    assert "Zo beschermen we adressen" in later[1] and len(_rijkoppen(later[2])) == 60 and "iframe" in later[3]
    assert all(deel not in "".join(later[1:]) for deel in ('id="kaart"', 'class="legenda"', 'id="zoek"'))
    # the search form is shown by the script before the map is laid out, not when its areas arrive
    js = files["kaart.js"].decode()
    # the search form is in the first layout (not unhidden by the script), what lies below the map waits for its paint
    assert "form.hidden" not in js and 'wortel.classList.add("kaart-eerst")' in js
    assert ".kaart-eerst .later{content-visibility:hidden}" in css


def _laag(pagina: str) -> dict:
    return json.loads(pagina.split('id="hkd-laag">', 1)[1].split("</script>", 1)[0])


def test_the_maps_first_view_comes_with_the_page_before_its_layer():
    """The layer's box is in the page's config: the map is laid out before the areas are added, as a static page
    that sets its view first; the box is that of the areas (south-west, north-east)."""
    files = _site(_data(), "vandaag")
    page, js = files["index.html"].decode(), files["kaart.js"].decode()
    config = json.loads(page.split('id="hkd-config">', 1)[1].split("</script>", 1)[0])
    assert config["omvang"] == [[51.9, 4.4], [52.0, 4.5]]
    assert js.index("kaart.fitBounds(cfg.omvang") < js.index("maakLaag(eerste).addTo(kaart)")


def test_the_first_view_draws_an_overview_of_the_same_areas_and_figures_from_the_page_itself():
    """The first view's layer (issue 27) is in the page, before the scripts, and holds every area of the full layer
    with the same properties in the same order; no layer file is preloaded or fetched for it, and the full layer is
    named in the config for zooming in. The embed page carries the same layer."""
    files = _site(_data(), "vandaag")
    vol = json.loads(files["data/pc4.geojson"])
    index = files["index.html"].decode()
    overzicht = _laag(index)
    assert [f["properties"] for f in overzicht["features"]] == [f["properties"] for f in vol["features"]]
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in overzicht["features"])
    assert index.index('id="hkd-laag"') < index.index(f'<script src="{_script(index)}">')
    assert 'rel="preload" href="data/' not in index and "pc4-overzicht" not in "".join(files)
    config = json.loads(index.split('id="hkd-config">', 1)[1].split("</script>", 1)[0])
    assert config["detail"] == "data/pc4.geojson" and "data" not in config
    assert _laag(files["embed.html"].decode()) == overzicht


def test_a_name_in_the_pages_layer_cannot_close_its_element():
    """The first view's layer is JSON inside a <script> element of the page: a place name with markup stays text
    (every '<' escaped), and the page's layer still reads back to the same name."""
    index = _site(_data(plaats='</script><script>alert(1)</script><!--'), "vandaag")["index.html"].decode()
    assert "<script>alert(1)" not in index
    assert "<!--" not in index.split('id="hkd-laag">', 1)[1].split("</script>", 1)[0]
    assert _laag(index)["features"][0]["properties"]["plaats"] == '</script><script>alert(1)</script><!--'


def test_leaflets_style_is_in_the_pages_with_its_images_where_the_site_keeps_them():
    """Leaflet's style sheet is inline in both pages (no stylesheet request before Leaflet's script can run, issue 27);
    its image references point into the site's vendored Leaflet, which the writer copies in."""
    files = _site(_data(), "vandaag")
    for naam in ("index.html", "embed.html"):
        pagina = files[naam].decode()
        assert '<link rel="stylesheet"' not in pagina and ".leaflet-container" in pagina
        assert "url(vendor/leaflet/images/layers.png)" in pagina and "url(images/" not in pagina


def test_a_leaflet_style_sheet_that_could_close_the_style_element_is_refused():
    with pytest.raises(ValueError, match="Leaflet"):
        site_bestanden(_data(), "vandaag", Leaflet(LEAFLET.css + "</style><script>alert(1)</script>", LEAFLET.js))

"""Render every file of the published public site (pure: data in, ``{relative path: bytes}`` out).

The site is a few static files: ``index.html`` (map, legend, rule, tables, downloads), ``embed.html`` (the map alone,
for an iframe), ``kaart.js`` + ``stijl.css`` (ours), ``data/pc4.geojson`` (the layer: PC4 outline and the
disclosure-controlled figures, nothing else; fetched when the reader zooms in), ``data/woonvormen.json`` (the
per-woonvorm figures for the click panel), two CSV tables. The first view's layer is in the pages themselves: the
same areas and figures with outlines simplified for it (:mod:`geo.overzicht`). Leaflet itself is copied in by the
writer (``LEAFLET_BESTANDEN``, vendored from npm).
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit

import pandas as pd

from geo.basemap import Basemap
from geo.colours import NO_DATA, colour_for, count_classes
from geo.context import KLEUREN, LIJNEN, label_punt
from geo.overzicht import omlijning, tolerantie, vereenvoudigd
from geo.view import Bounds
from reports.openbare_kaart_html import CREDIT, vertrouwelijk_zinnen

# Leaflet files the site needs (copied from the npm package by the writer; no CDN, ever).
LEAFLET_BESTANDEN = ("leaflet.js", "leaflet.css")
CSV_GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")
VERBORGEN = "niet getoond"
TITEL = "Voorzieningen per postcodegebied"
RIJEN_PER_PAGINA = 250
"""Rows of a table on one page. A longer table (thousands of postcode areas at national scale) continues on pages
of its own (``tabel-pc4-2.html``, ...): the tables never weigh on the map's page (the CSV downloads stay whole)."""


@dataclass(frozen=True)
class Leaflet:
    """Leaflet's style sheet and script (as vendored), which the pages carry: the style inline, the script in one
    file with ours (:func:`_bundel`)."""

    css: str
    js: str


def _int_or_none(value) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value):
        return None
    return int(value)


def csv_cel(value) -> str:
    """One CSV cell as text that no spreadsheet runs as a formula (leading ``= + - @ tab CR`` get a quote)."""
    s = "" if value is None else str(value)
    return "'" + s if s.startswith(CSV_GEVAARLIJK) else s


def csv_tekst(kop: Sequence[str], rijen: Iterable[Sequence]) -> str:
    """A CSV (comma, quoted where needed, CRLF as RFC 4180) with every cell neutralised against formulas."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([csv_cel(k) for k in kop])
    for r in rijen:
        w.writerow([csv_cel(v) for v in r])
    return buf.getvalue()


def _geojson(pc4: pd.DataFrame, tolerantie_graden: float = 0.0) -> str:
    """The layer: one feature per PC4 with ``pc4, plaats, voorzieningen, plaatsen (null = hidden)``; compact. With a
    tolerance, the overview of it (outlines simplified, :func:`geo.overzicht.vereenvoudigd`)."""
    features = []
    for r in pc4.itertuples():
        props = {"pc4": str(r.pc4), "plaats": str(r.plaats), "voorzieningen": int(r.voorzieningen),
                 "plaatsen": _int_or_none(r.plaatsen)}
        vorm = vereenvoudigd(r.geometry, tolerantie_graden) if tolerantie_graden else r.geometry
        features.append(f'{{"type":"Feature","properties":{json.dumps(props, ensure_ascii=False, separators=(",", ":"))},'
                        f'"geometry":{vorm}}}')
    return '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"


def _box(pc4: pd.DataFrame) -> Bounds | None:
    box = None
    for deel in (omlijning(g) for g in pc4["geometry"]):
        box = deel if box is None else box.union(deel)
    return box


def _omvang(box: Bounds | None) -> list[list[float]] | None:
    """The layer's box as Leaflet takes it (``[[south, west], [north, east]]``), ``None`` without areas: the map takes
    its first view from it while the layer is still on its way (the layer then arrives in a laid-out map)."""
    return None if box is None else [[box.min_lat, box.min_lon], [box.max_lat, box.max_lon]]


def _woonvormen_json(per_woonvorm: pd.DataFrame) -> str:
    out: dict[str, list] = {}
    for r in per_woonvorm.itertuples():
        out.setdefault(str(r.pc4), []).append([str(r.woonvorm_naam), int(r.voorzieningen),
                                               _int_or_none(r.plaatsen)])
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def _gebieden_json(gebieden: pd.DataFrame) -> str:
    """The search and orientation index: per level (``gebied`` = CBS wijk, ``buurt``) rows of
    ``[code, naam, [west, zuid, oost, noord], [lon, lat], [pc4, ...], extra]``; ``extra`` is a buurt's wijk name
    and a wijk's border (lines of ``[lon, lat]``)."""
    out: dict[str, list] = {"gebied": [], "buurt": []}
    if gebieden is None or gebieden.empty:
        return json.dumps(out, separators=(",", ":"))
    for r in gebieden.itertuples():
        rij = [str(r.code), str(r.naam), [r.west, r.zuid, r.oost, r.noord], [r.lon, r.lat],
               [str(p) for p in (r.pc4s if r.pc4s is not None else [])]]
        if r.niveau == "gebied":
            rand = json.loads(r.rand) if isinstance(r.rand, str) else {"type": "MultiLineString", "coordinates": []}
            rij.append(rand["coordinates"] if rand["type"] == "MultiLineString" else [rand["coordinates"]])
        else:
            rij.append(str(r.ouder) if isinstance(r.ouder, str) else "")
        out.setdefault(str(r.niveau), []).append(rij)
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def data_versie(bestanden: dict[str, bytes]) -> str:
    """The data version: sha256 (16 hex) over the data files and tables, independent of the page's wording."""
    h = hashlib.sha256()
    for naam in sorted(bestanden):
        if naam.startswith("data/") or naam.endswith(".csv"):
            h.update(naam.encode() + b"\0" + bestanden[naam] + b"\0")
    return h.hexdigest()[:16]


def _plaatsen(v) -> str:
    v = _int_or_none(v)
    return VERBORGEN if v is None else str(v)


def _legenda(labels: Sequence[str]) -> tuple[list[dict], str]:
    items = [{"kleur": "#{:02x}{:02x}{:02x}".format(*colour_for(i)), "tekst": f"{label} {'voorziening' if label == '1' else 'voorzieningen'}"}
             for i, label in enumerate(labels)]
    lis = "".join(
        f'<li><span class="sw" style="background:{i["kleur"]}" aria-hidden="true"></span>{html.escape(i["tekst"])}</li>'
        for i in items
    )
    return items, f'<ul class="legenda">{lis}</ul>'


def _config(breaks, legenda, basemap: Basemap, attributie: str, geocoder: str = "", omvang=None) -> str:
    cfg = {
        "detail": "data/pc4.geojson", "omvang": omvang, "woonvormen": "data/woonvormen.json",
        "gebieden": "data/gebieden.json",
        "geocoder": geocoder,
        "breaks": list(breaks), "kleuren": [i["kleur"] for i in legenda], "geenData": "#{:02x}{:02x}{:02x}".format(*NO_DATA),
        "basemap": basemap.url, "attributie": attributie, "verborgen": VERBORGEN,
        # orientation without a basemap: the schematic Maas and main roads, as on the dashboard's maps
        "context": [] if basemap.url else [
            {"naam": lijn.naam, "soort": lijn.soort, "punten": [list(p) for p in lijn.punten],
             "label": list(label_punt(lijn))} for lijn in LIJNEN],
        "contextKleur": {soort: "#{:02x}{:02x}{:02x}".format(*rgb) for soort, rgb in KLEUREN.items()},
    }
    return _json_in_pagina(json.dumps(cfg, ensure_ascii=False))


def _json_in_pagina(tekst: str) -> str:
    """JSON text for a ``<script type="application/json">`` element: every ``<`` escaped (it can only stand inside a
    string there), so no string can close the element or open a comment."""
    return tekst.replace("<", "\\u003c")


def herkomst(url: str) -> str:
    """``https://host[:port]`` of a URL, for the Content-Security-Policy (empty when there is none)."""
    deel = urlsplit(url or "")
    return f"{deel.scheme}://{deel.netloc}" if deel.scheme in ("http", "https") and deel.netloc else ""


def _eigen(naam: str) -> str:
    """Our own script or style (``kaart.js``, ``stijl.css``), as shipped in this package; a script without its
    comment lines and indentation (it goes to every first visit: about 1 kB less to the first paint, gzipped)."""
    tekst = resources.files(__package__).joinpath(naam).read_text(encoding="utf-8")
    return _zonder_commentaar(tekst) if naam.endswith(".js") else tekst


def _zonder_commentaar(js: str) -> str:
    """``js`` without whole-line comments (``// ...`` and ``/* ... */`` starting a line) and leading whitespace;
    code and comments after code stay as they are."""
    js = re.sub(r"^[ \t]*//[^\n]*\n", "", js, flags=re.M)
    js = re.sub(r"^[ \t]*/\*.*?\*/[ \t]*\n", "", js, flags=re.M | re.S)
    return re.sub(r"^[ \t]+", "", js, flags=re.M)


def _bundel(leaflet_js: str) -> tuple[str, str]:
    """``(path, text)`` of the pages' one script: Leaflet's followed by ours, named by its content (it changes name
    with either, so the long caching of ``vendor/`` never serves an old one). One file, run in one go: inline beside
    Leaflet, ours waited while the browser painted the page's top between the two (issue 27), and the Content-Security-
    Policy of every page and server had to carry its hash; now ``script-src 'self'`` holds."""
    tekst = leaflet_js.rstrip() + "\n;\n" + _eigen("kaart.js")
    return f"vendor/hkd-kaart-{hashlib.sha256(tekst.encode('utf-8')).hexdigest()[:12]}.js", tekst


def _csp(basemap: Basemap, geocoder: str = "") -> str:
    img = "'self' data:" + (f" https://{basemap.host} http://{basemap.host}" if basemap.host else "")
    connect = "'self'" + (f" {herkomst(geocoder)}" if herkomst(geocoder) else "")
    return ("default-src 'self'; script-src 'self'; "
            f"style-src 'self' 'unsafe-inline'; img-src {img}; "
            f"connect-src {connect}; object-src 'none'; base-uri 'none'; form-action 'none'")


def _leaflet_stijl(css: str) -> str:
    """Leaflet's style sheet for inside the page's ``<style>``: its images (layer control, default marker) are found
    where the site keeps them. Linked, it was a request the page waited for before running Leaflet's script, and the
    browser painted the page's top in between (issue 27)."""
    if "</" in css:
        raise ValueError("Leaflet's style sheet holds '</': not inlined in a page")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)  # its comments name outside addresses (and weigh 1 kB)
    return re.sub(r"\n\s*\n+", "\n", css).strip().replace("url(images/", "url(vendor/leaflet/images/")


def _kop(titel: str, basemap: Basemap, leaflet_css: str, script: str, geocoder: str = "") -> str:
    # What the first paint needs comes with the page or at once in parallel: Leaflet's style, our style and the first
    # view's layer inline, the script (Leaflet's and ours) preloaded (its tag sits after the map's element).
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{html.escape(_csp(basemap, geocoder))}">
<meta name="referrer" content="no-referrer">
<title>{html.escape(titel)}</title>
<link rel="icon" href="data:,">
<link rel="preload" href="{script}" as="script">
<style>{_leaflet_stijl(leaflet_css)}
{_eigen("stijl.css")}</style>
<noscript><style>.zoek{{display:none}}</style></noscript>
</head>"""


def _zoek_blok(geocoder: str) -> str:
    wat = "postcode, adres, wijk of buurt" if geocoder else "postcode, wijk of buurt"
    # Shown from the first layout (not unhidden by the script: that laid the page out again on the way to the map's
    # first paint, issue 27); without script the page's <noscript> style hides it, as it could not work.
    return f"""<form id="zoek" class="zoek" role="search" aria-label="Zoek op de kaart">
<label for="zoekterm">Zoek een {wat}</label>
<div class="zoekregel"><input id="zoekterm" name="q" type="search" autocomplete="off" spellcheck="false"
 enterkeyhint="search" maxlength="80" placeholder="Bijvoorbeeld 3072 of Bloemhof" aria-describedby="zoekhulp">
<button type="submit">Zoeken</button></div>
<p id="zoekhulp" class="zoekhulp">Een postcode van 4 cijfers{" of een adres" if geocoder else ""}, of de naam van een wijk of
buurt. De kaart zoomt in en toont de cijfers.</p>
<p id="zoekstatus" class="zoekstatus" role="status" aria-live="polite"></p>
<ul id="zoekresultaten" class="zoekresultaten"></ul>
</form>"""


SCHEMATISCH = ("Zonder achtergrondkaart: water (blauw) en hoofdwegen (bruin) zijn schematisch getekend, met hun "
               "namen; niet geschikt om een straat of adres te beoordelen.")


def _kaart_blok(config: str, laag: str, script: str, legenda_html: str, datum: str, attributie: str,
                geocoder: str = "", schematisch: bool = True) -> str:
    uitleg = f'<p class="schematisch"><small>{SCHEMATISCH}</small></p>' if schematisch else ""
    return f"""{_zoek_blok(geocoder)}
<div class="kaartvak">
<div id="kaart" class="kaart" role="region" aria-label="Kaart: aantal voorzieningen per postcodegebied. Dezelfde cijfers staan in de tabel op de pagina."></div>
<div class="zijvak">
<h2 class="klein">Aantal voorzieningen per postcodegebied</h2>
{legenda_html}
{uitleg}
<div id="details" class="details" aria-live="polite" tabindex="-1"><p>Beweeg over een gebied of klik erop voor de cijfers.</p></div>
</div></div>
<p class="stand">Stand van de cijfers: <time>{html.escape(datum)}</time>.</p>
<p class="bron"><small>{html.escape(attributie)}</small></p>
<script type="application/json" id="hkd-config">{config}</script>
<script type="application/json" id="hkd-laag">{_json_in_pagina(laag)}</script>
<script src="{script}"></script>"""


@dataclass(frozen=True)
class Tabel:
    """One of the site's tables: its file prefix, caption and column heads."""

    soort: str
    titel: str
    kolommen: tuple[str, ...]


TABELLEN = {
    "pc4": Tabel("pc4", "Voorzieningen en plaatsen per postcodegebied",
                 ("Postcode", "Plaats", "Voorzieningen", "Plaatsen")),
    "woonvorm": Tabel("woonvorm", "Voorzieningen en plaatsen per postcodegebied en woonvorm",
                      ("Postcode", "Woonvorm", "Voorzieningen", "Plaatsen")),
}


def _paginas(rijen: list[str]) -> list[str]:
    """Table rows (HTML) in pages of :data:`RIJEN_PER_PAGINA`; always at least one page."""
    return ["".join(rijen[i:i + RIJEN_PER_PAGINA]) for i in range(0, len(rijen), RIJEN_PER_PAGINA)] or [""]


def _pagina_naam(soort: str, n: int) -> str:
    return "index.html" if n == 1 else f"tabel-{soort}-{n}.html"


def _pager(tabel: Tabel, n: int, totaal: int) -> str:
    """Links to every page of a table (nothing when it fits on one page)."""
    if totaal <= 1:
        return ""
    huidig = ' aria-current="page"'
    links = " ".join(f'<a href="{_pagina_naam(tabel.soort, i)}"{huidig if i == n else ""}>{i}</a>'
                     for i in range(1, totaal + 1))
    return (f'<nav class="pager" aria-label="Pagina\'s van de tabel: {html.escape(tabel.titel.lower())}">'
            f"<p>Pagina {n} van {totaal} ({RIJEN_PER_PAGINA} rijen per pagina; de CSV-download bevat alles): "
            f"{links}</p></nav>")


def _tabel_pagina(tabel: Tabel, n: int, totaal: int, rijen: str) -> str:
    """A further page of a table: no script, no map, the same style and security policy as the map's page."""
    kop = "".join(f'<th scope="col">{html.escape(k)}</th>' for k in tabel.kolommen)
    csp = "default-src 'self'; script-src 'none'; style-src 'unsafe-inline'; object-src 'none'; base-uri 'none'; " \
          "form-action 'none'"
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">
<meta name="referrer" content="no-referrer">
<title>{html.escape(tabel.titel)}, pagina {n} van {totaal} | HKD Kaart Rotterdam</title>
<link rel="icon" href="data:,"><style>{_eigen("stijl.css")}</style>
</head>
<body><main><h1>{html.escape(tabel.titel)}</h1>
<p><a href="index.html">Terug naar de kaart</a></p>
{_pager(tabel, n, totaal)}
<div class="tabelvak" tabindex="0" role="region" aria-label="{html.escape(tabel.titel)}, pagina {n} (scrollbaar)"><table>
<caption>{html.escape(tabel.titel)}, pagina {n} van {totaal}</caption>
<thead><tr>{kop}</tr></thead>
<tbody>{rijen}</tbody></table></div>
{_pager(tabel, n, totaal)}
</main></body></html>
"""


def site_bestanden(data, datum: str, leaflet: Leaflet, basemap: Basemap | None = None,
                   geocoder: str = "") -> dict[str, bytes]:
    """Every file of the site except Leaflet's own (``data``: ``queries.publiek.OpenbareKaart``; ``datum``: the
    stand; ``leaflet``: Leaflet's style and script, which the pages carry; ``geocoder``: a PDOK-Locatieserver-compatible
    URL the search may ask for an address, empty = offline)."""
    basemap = basemap or Basemap(None)
    pc4 = data.pc4
    breaks, labels = count_classes([int(v) for v in pc4["voorzieningen"]])
    legenda, legenda_html = _legenda(labels)
    attributie = CREDIT + (f" Achtergrond: {basemap.attributie}." if basemap.url and basemap.attributie else "")
    box = _box(pc4)
    config = _config(breaks, legenda, basemap, attributie, geocoder, _omvang(box))

    tabel = pc4[pc4["voorzieningen"] > 0]
    per_pc4_csv = csv_tekst(["Postcode", "Plaats", "Voorzieningen", "Plaatsen"],
                            ([r.pc4, r.plaats, int(r.voorzieningen), _plaatsen(r.plaatsen)]
                             for r in tabel.itertuples()))
    wv = data.pc4_woonvorm
    per_wv_csv = csv_tekst(["Postcode", "Woonvorm", "Voorzieningen", "Plaatsen"],
                           ([r.pc4, r.woonvorm_naam, int(r.voorzieningen), _plaatsen(r.plaatsen)]
                            for r in wv.itertuples()))
    pc4_paginas = _paginas([
        f"<tr><th scope=\"row\">{html.escape(str(r.pc4))}</th><td>{html.escape(str(r.plaats))}</td>"
        f"<td>{int(r.voorzieningen)}</td><td>{_plaatsen(r.plaatsen)}</td></tr>"
        for r in tabel.itertuples()
    ])
    wv_paginas = _paginas([
        f"<tr><th scope=\"row\">{html.escape(str(r.pc4))}</th><td>{html.escape(str(r.woonvorm_naam))}</td>"
        f"<td>{int(r.voorzieningen)}</td><td>{_plaatsen(r.plaatsen)}</td></tr>"
        for r in wv.itertuples()
    ])
    rijen, wv_rijen = pc4_paginas[0], wv_paginas[0]
    regel = "".join(f"<li>{html.escape(z)}</li>" for z in data.regel.toelichting(data.vertrouwelijke_namen))
    vertrouwelijk = "".join(f"<li>{html.escape(z)}</li>" for z in vertrouwelijk_zinnen(data)) or "<li>Geen.</li>"
    script, script_tekst = _bundel(leaflet.js)
    kaart = _kaart_blok(config, _geojson(pc4, tolerantie(box)), script, legenda_html, datum, attributie, geocoder,
                        schematisch=not basemap.url)

    index = f"""{_kop(TITEL + " | HKD Kaart Rotterdam", basemap, leaflet.css, script, geocoder)}
<body><a class="skip" href="#tabel">Naar de tabel met cijfers</a>
<header><h1>{TITEL}</h1>
<p>Opvang- en woonvoorzieningen onder het Convenant Huisvesting Kwetsbare Doelgroepen (Rotterdam), geteld per
postcodegebied (4 cijfers). Adressen, precieze plekken en namen van voorzieningen staan nooit op deze kaart.</p>
</header>
<main>
{kaart}
<section class="later" aria-labelledby="regel-kop"><h2 id="regel-kop">Zo beschermen we adressen</h2><ul>{regel}</ul>
<h3>Vertrouwelijke woonvormen</h3><ul>{vertrouwelijk}</ul></section>
<section class="later" aria-labelledby="tabel-kop" id="tabel"><h2 id="tabel-kop">Cijfers per postcodegebied</h2>
<p>Alleen postcodegebieden met minstens één voorziening. "{VERBORGEN}": te weinig voorzieningen om het aantal
plaatsen te tonen.</p>
<p class="downloads"><a href="per_pc4.csv" download>Download per postcodegebied (CSV)</a>
<a href="per_pc4_woonvorm.csv" download>Download per postcodegebied en woonvorm (CSV)</a>
<a href="data/pc4.geojson" download>Download de kaartlaag (GeoJSON)</a></p>
<div class="tabelvak" tabindex="0" role="region" aria-label="Tabel per postcodegebied (scrollbaar)"><table><caption>Voorzieningen en plaatsen per postcodegebied</caption>
<thead><tr><th scope="col">Postcode</th><th scope="col">Plaats</th><th scope="col">Voorzieningen</th><th scope="col">Plaatsen</th></tr></thead>
<tbody>{rijen}</tbody></table></div>
{_pager(TABELLEN["pc4"], 1, len(pc4_paginas))}
<details><summary>Per postcodegebied en woonvorm</summary>
<div class="tabelvak" tabindex="0" role="region" aria-label="Tabel per postcodegebied en woonvorm (scrollbaar)"><table><caption>Voorzieningen en plaatsen per postcodegebied en woonvorm</caption>
<thead><tr><th scope="col">Postcode</th><th scope="col">Woonvorm</th><th scope="col">Voorzieningen</th><th scope="col">Plaatsen</th></tr></thead>
<tbody>{wv_rijen}</tbody></table></div>
{_pager(TABELLEN["woonvorm"], 1, len(wv_paginas))}</details>
</section>
<section class="later" aria-labelledby="embed-kop"><h2 id="embed-kop">Deze kaart op uw eigen website</h2>
<p>Neem de kaart op met een iframe naar <a href="embed.html">embed.html</a>, bijvoorbeeld:
<code>&lt;iframe src="…/embed.html" title="{TITEL}" width="100%" height="560"&gt;&lt;/iframe&gt;</code></p>
</section>
</main>
<footer class="later"><p><small>HKD Kaart, gemeente Rotterdam. Cijfers bijgewerkt bij elk besluit en elke wijziging van het
register.</small></p></footer>
</body></html>
"""
    embed = f"""{_kop(TITEL, basemap, leaflet.css, script, geocoder)}
<body class="embed"><main><h1 class="klein">{TITEL} (Rotterdam)</h1>
{kaart}
<p><a href="index.html" target="_blank" rel="noopener">Uitleg, tabellen en downloads</a></p>
</main></body></html>
"""
    files = {
        "index.html": index,
        "embed.html": embed,
        script: script_tekst,
        # also as files (in the pages above; kept for anyone who links them)
        "kaart.js": _eigen("kaart.js"),
        "stijl.css": _eigen("stijl.css"),
        "data/pc4.geojson": _geojson(pc4),
        "data/woonvormen.json": _woonvormen_json(wv),
        "data/gebieden.json": _gebieden_json(data.gebieden),
        "per_pc4.csv": per_pc4_csv,
        "per_pc4_woonvorm.csv": per_wv_csv,
        "robots.txt": "User-agent: *\nAllow: /\n",
    }
    for soort, paginas in (("pc4", pc4_paginas), ("woonvorm", wv_paginas)):
        for n, pagina in enumerate(paginas[1:], start=2):
            files[_pagina_naam(soort, n)] = _tabel_pagina(TABELLEN[soort], n, len(paginas), pagina)
    return {k: v.encode("utf-8") for k, v in files.items()}

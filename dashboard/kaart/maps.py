"""pydeck and folium map building blocks: the basemap from the one setting (``HKD_BASEMAP``, none by default:
offline and privacy-friendly), context from our own layers, and the notice that says which basemap is shown."""

from __future__ import annotations

import html
import json
import re

import pandas as pd
import pydeck as pdk
import streamlit as st

from clients.tiles import tile_reachable
from core.settings import get_settings
from geo.basemap import Basemap, BasemapError, raster_style, resolve
from geo.context import KLEUREN, LIJNEN, label_punt
from geo.view import Bounds, View, bounds_of, eerste_kader, fit, zonder_overlap
from reports.veilig import html_tekst

NO_BASEMAP = "__MAP_STYLE__"
ROTTERDAM_VIEW = pdk.ViewState(latitude=51.905, longitude=4.46, zoom=10.3, min_zoom=8, max_zoom=17)


EXPRESSIE = "@@="
"""@deck.gl/json's prefix for a function; pydeck puts it before every string prop it is given."""


def laag(soort: str, data=None, **props) -> pdk.Layer:
    """A pydeck layer whose props mean what they say.

    pydeck turns *every* string prop into a deck.gl expression (``"@@=" + value``): ``radius_units="meters"``
    reached the browser as the function ``meters`` (the radius was then read in pixels, the meldkaart became one
    solid block), and ``get_fill_color="@@=k == 0 ? ..."`` as ``"@@=@@=..."`` (``Unexpected "@"``). Here a string
    prop named ``get_...`` is an accessor (a column, ``properties.kleur`` or an expression such as
    ``"k == 0 ? [1, 2, 3] : [4, 5, 6]"``, never with the prefix) and every other string prop is a literal value.
    :func:`deck` refuses a layer that breaks this, so a layer built with ``pdk.Layer`` directly cannot slip through.
    """
    for naam, waarde in props.items():
        if isinstance(waarde, str) and waarde.startswith(EXPRESSIE):
            raise ValueError(f"{naam}: give the expression without {EXPRESSIE!r} (pydeck adds it)")
    letterlijk = {naam: pdk.types.String(waarde) if isinstance(waarde, str) and naam != "id"
                  and not naam.startswith("get_") else waarde for naam, waarde in props.items()}
    if isinstance(data, pd.DataFrame):  # rows through pandas' C writer (see records), not pydeck's to_dict
        data = records(data)
    return pdk.Layer(soort, data, **letterlijk)


def laag_fouten(layer: pdk.Layer) -> list[str]:
    """What in ``layer`` would not reach deck.gl as meant: a doubled expression prefix, or a prop that is not an
    accessor (``radius_units``, ``font_weight``, ...) turned into an expression."""
    fouten = []
    for naam, waarde in vars(layer).items():
        if not isinstance(waarde, str) or naam.startswith("_") or naam in ("type", "id", "data"):
            continue
        if waarde.startswith(EXPRESSIE * 2):
            fouten.append(f"{layer.id}.{naam}: {waarde[:40]!r} (expression prefix twice)")
        elif waarde.startswith(EXPRESSIE) and not naam.startswith("get_"):
            fouten.append(f"{layer.id}.{naam}: {waarde[:40]!r} (a value, sent as an expression)")
    return fouten


def outline_layer(geojson: dict, layer_id: str = "omtrek") -> pdk.Layer:
    """Thin grey outlines for orientation (gebieden, gemeente)."""
    return laag(
        "GeoJsonLayer", geojson, id=layer_id, stroked=True, filled=False, get_line_color=[90, 90, 90, 160],
        line_width_min_pixels=1, pickable=False,
    )


class CompactDeck(pdk.Deck):
    """A Deck that serialises without indentation, and knows the height its first view was fitted for.

    pydeck writes its JSON with ``indent=2``: every coordinate on its own indented line, which made the public
    PC4 map 5x larger on the wire than the GeoJSON it draws (410 kB against 77 kB).

    ``hoogte`` (set by :func:`deck`) is the height in pixels the first view was fitted for; :func:`show` draws the
    map at exactly that height. It never goes to the browser (pydeck's own ``height`` does not either: Streamlit
    draws the canvas at the element's height).
    """

    hoogte: int | None = None

    def to_json(self) -> str:
        # pydeck's own serialiser with indent=2 runs json's pure-python encoder (seconds for 10,000 points);
        # without indent the C encoder writes the same keys and values at once
        from pydeck.bindings.json_tools import default_serialize

        def serialise(o):
            attrs = default_serialize(o)
            if o is self and isinstance(attrs, dict):
                attrs.pop("hoogte", None)
            return attrs

        return json.dumps(self, sort_keys=True, default=serialise, separators=(",", ":"))


def basemap() -> Basemap:
    """The basemap of every map, from ``HKD_BASEMAP``; a setting that cannot be read means no basemap (the
    notice under the map says so) rather than a broken page."""
    try:
        return resolve(get_settings().basemap)
    except BasemapError:
        return Basemap(None, "")


@st.cache_data(ttl=300, show_spinner=False)
def _reachable(url: str) -> bool:
    return tile_reachable(Basemap(url))


MAP_WIDTH_PX = 900
"""The map width a first view is fitted to: maps take the full width of the page, about 940 px on a 1400 px laptop
and 1460 px on a 1920 px screen (the wider map shows more surroundings around the same frame)."""
MAP_WIDTH_TELEFOON_PX = 360
"""The same on a phone (its browser says ``Mobile``): narrower, so the data is not cut off at both sides."""
MAP_HEIGHT_PX = 460
"""The height of a map unless its caller gives another to :func:`deck` (which fits the first view to it and
hands it on to :func:`show`)."""
FIT_MARGIN = 0.06
CONTEXT_LAYER_IDS = ("context_water", "context_wegen", "context_namen")

WATER_RGB = KLEUREN["water"]
WEG_RGB = KLEUREN["weg"]


def coordinates(value):
    """Every (lon, lat) pair in a GeoJSON geometry/feature/collection (any nesting)."""
    if isinstance(value, dict):
        if "coordinates" in value:
            yield from coordinates(value["coordinates"])
        elif "geometry" in value:
            yield from coordinates(value["geometry"])
        elif "features" in value:
            for f in value["features"]:
                yield from coordinates(f)
    elif isinstance(value, list | tuple) and value:
        if isinstance(value[0], int | float) and len(value) >= 2:
            yield float(value[0]), float(value[1])
        else:
            for v in value:
                yield from coordinates(v)


_GETAL = re.compile(r"-?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?")


def geometrie_punten(teksten) -> list[tuple[float, float]]:
    """Every (lon, lat) pair of GeoJSON geometry texts (two-dimensional, as PostGIS writes them), read as numbers
    from the text: the same pairs as :func:`coordinates` of the parsed geometries, without building them (at national
    scale parsing 3,000 outlines and walking their 123,000 coordinates took most of a cold map)."""
    getallen = []
    for tekst in teksten:
        if isinstance(tekst, str) and '"coordinates"' in tekst:
            getallen.extend(map(float, _GETAL.findall(tekst, tekst.index('"coordinates"'))))
    return list(zip(getallen[0::2], getallen[1::2], strict=True))


def layer_points(layers: list[pdk.Layer], alleen_data: bool = True):
    """Every ``(lon, lat)`` the layers draw: GeoJSON coordinates and ``lon``/``lat`` rows. With ``alleen_data``
    only the data a person can point at (pickable layers): not the orientation outlines of whole gebieden, the
    focus areas or the schematic context, which would frame the whole municipality."""
    for layer in layers:
        if getattr(layer, "id", None) in CONTEXT_LAYER_IDS:
            continue
        if alleen_data and not getattr(layer, "pickable", False):
            continue
        data = layer.data
        if isinstance(data, dict):
            yield from coordinates(data)
        elif isinstance(data, list) and data and isinstance(data[0], dict) and "lon" in data[0]:
            yield from ((r.get("lon"), r.get("lat")) for r in data)


def layer_bounds(layers: list[pdk.Layer], alleen_data: bool = True) -> Bounds | None:
    """The box a first view frames around what the layers draw (:func:`layer_points`): with ``alleen_data`` the
    dense core of it, far outliers left out (:func:`geo.view.eerste_kader`), else all of it."""
    punten = [p for p in layer_points(layers, alleen_data) if p[0] is not None and p[1] is not None]
    return eerste_kader(punten) if alleen_data else bounds_of(punten)


def kaart_breedte() -> int:
    """The width first views are fitted to: :data:`MAP_WIDTH_TELEFOON_PX` on a phone, else :data:`MAP_WIDTH_PX`."""
    try:
        agent = st.context.headers.get("User-Agent") or ""
    except Exception:  # noqa: BLE001 - outside a browser session (tests, bare mode) there are no headers
        agent = ""
    return MAP_WIDTH_TELEFOON_PX if "Mobile" in agent else MAP_WIDTH_PX


def fitted_view(box: Bounds | None, height_px: int = MAP_HEIGHT_PX, min_metres: float = 500.0,
                width_px: int | None = None) -> pdk.ViewState:
    """The first view that frames ``box`` (at least ``min_metres`` around it) in a map of ``height_px`` high and
    ``width_px`` (default :func:`kaart_breedte`) wide."""
    if box is None:
        return ROTTERDAM_VIEW
    v = fit(box.padded(min_metres), width_px or kaart_breedte(), height_px, margin=FIT_MARGIN)
    return pdk.ViewState(latitude=round(v.latitude, 5), longitude=round(v.longitude, 5), zoom=v.zoom,
                         min_zoom=8, max_zoom=18)


def context_layers(labels: list[dict] | None = None, view: pdk.ViewState | None = None) -> list[pdk.Layer]:
    """Orientation without a basemap: the schematic Maas and main roads (:mod:`geo.context`), their names, and
    ``labels`` (``{"lon", "lat", "naam"}``, e.g. the gebied names). Never pickable: they are not data.

    With the first ``view``, a name that would cover another there is left out (:func:`geo.view.zonder_overlap`;
    the water and road names first, then ``labels`` in their order)."""
    paden = [{"naam": lijn.naam, "soort": lijn.soort, "pad": [list(p) for p in lijn.punten]} for lijn in LIJNEN]
    water = [p for p in paden if p["soort"] == "water"]
    wegen = [p for p in paden if p["soort"] == "weg"]
    namen = [{"lon": label_punt(lijn)[0], "lat": label_punt(lijn)[1], "naam": lijn.naam,
              "kleur": [*(WATER_RGB if lijn.soort == "water" else WEG_RGB), 255]} for lijn in LIJNEN]
    namen += [{"lon": round(float(r["lon"]), 5), "lat": round(float(r["lat"]), 5), "naam": str(r["naam"]),
               "kleur": [60, 60, 60, 255]} for r in (labels or [])]
    if view is not None:
        eerste = View(longitude=view.longitude, latitude=view.latitude, zoom=view.zoom)
        namen = [namen[i] for i in zonder_overlap([(n["lon"], n["lat"], n["naam"]) for n in namen], eerste)]
    return [
        laag("PathLayer", water, id="context_water", get_path="pad", get_color=[*WATER_RGB, 150],
                  get_width=220, width_min_pixels=3, width_max_pixels=14, cap_rounded=True, joint_rounded=True,
                  pickable=False),
        laag("PathLayer", wegen, id="context_wegen", get_path="pad", get_color=[*WEG_RGB, 170],
                  get_width=60, width_min_pixels=1.5, width_max_pixels=5, pickable=False),
        laag("TextLayer", namen, id="context_namen", get_position=["lon", "lat"], get_text="naam",
                  get_size=12, get_color="kleur", background=True, get_background_color=[255, 255, 255, 170],
                  background_padding=[2, 1], pickable=False),
    ]


def _with_context(layers: list[pdk.Layer], context: list[pdk.Layer]) -> list[pdk.Layer]:
    """Context goes over the areas and under the points and labels of the data."""
    for i, layer in enumerate(layers):
        if getattr(layer, "type", None) != "GeoJsonLayer":
            return [*layers[:i], *context, *layers[i:]]
    return [*layers, *context]


def gebied_namen() -> list[dict]:
    """The gebied (CBS wijk) names as map labels, read through the public view under the user's layer role."""
    from dashboard import db
    from queries.kaart import gebied_namen as namen_query

    return db.run_cached(namen_query, "gebied").to_dict("records")


def basemap_shown() -> bool:
    """Whether a basemap is configured and its tiles answer (else the map carries its own context)."""
    bm = basemap()
    return bool(bm.url) and _reachable(bm.url)


TOOLTIP_STIJL = {"fontSize": "13px", "maxWidth": "28em"}


def records(frame: pd.DataFrame) -> list[dict]:
    """A layer's rows as plain dicts, through pandas' C JSON writer: pydeck's own ``to_dict`` iterates Arrow-backed
    columns value by value (0.6 s for the 10,000 locations of the national meldkaart, on every rerun)."""
    return json.loads(frame.to_json(orient="records", date_format="iso"))


def tekst_tooltip(sjabloon: str) -> dict:
    """The tooltip of every pydeck map: plain text, ``{veld}`` filled in from the picked object, ``\\n`` a new line.

    Streamlit (every version) and deck.gl put a text tooltip in the page with ``innerText``: nothing in it is ever
    markup, so the values in the deck data stay exactly as typed (never ``html.escape``d: that would show
    ``&#x27;`` and ``&amp;``). An ``"html"`` tooltip would interpret markup in older Streamlit and escape every
    value itself in newer, so the app never uses one."""
    return {"text": sjabloon, "style": dict(TOOLTIP_STIJL)}


def deck(layers: list[pdk.Layer], tooltip: dict | None = None, view: pdk.ViewState | None = None, *,
         labels: list[dict] | None = None, bounds: Bounds | None = None, height: int = MAP_HEIGHT_PX,
         breedte: int | None = None) -> pdk.Deck:
    """A Deck with the configured basemap under its layers, framed on its data.

    The basemap is a raster map style (:func:`geo.basemap.raster_style`): the map library loads its tiles by
    itself, under the layers, and the layers never wait for them. Without a basemap nothing is requested from
    any other host. Without a (reachable) basemap, the schematic water and roads and the ``labels`` give context.
    ``view`` (default: fitted to ``bounds`` or to what the layers draw, with a margin) is the first view.
    ``tooltip`` is a :func:`tekst_tooltip`. ``height`` is the map's height in pixels: the first view is fitted to
    it and :func:`show` draws the map at it (one number, so the view and the element cannot disagree).
    ``breedte``: the width to fit to for a map in a column (default: the full width, :func:`kaart_breedte`).
    """
    if tooltip is not None and "html" in tooltip:
        raise ValueError("pydeck tooltips are text tooltips (dashboard.kaart.maps.tekst_tooltip), never HTML")
    if fouten := [f for layer in layers for f in laag_fouten(layer)]:
        raise ValueError("layer props that deck.gl would misread (build layers with dashboard.kaart.maps.laag): "
                         + "; ".join(fouten))
    if view is None:
        view = fitted_view(bounds or layer_bounds(layers), height, width_px=breedte)
    if not basemap_shown():
        layers = _with_context(layers, context_layers(labels, view))
    # Streamlit's deck.gl element falls back to a Carto basemap (a third-party request) when mapStyle is empty;
    # its own sentinel "__MAP_STYLE__" is removed by the frontend and suppresses that fallback. A style *object*
    # must be wrapped in a list: the element passes a string on, or else the first item of the list.
    d = CompactDeck(layers=layers, initial_view_state=view, map_provider=None, map_style=NO_BASEMAP,
                    tooltip=tooltip)
    style = raster_style(basemap())
    if style is not None:
        d.map_style = [style]
    d.hoogte = int(height)
    return d


def compact_json(value) -> str:
    """``value`` as JSON text without spaces (numpy scalars as Python numbers), as layer data is spliced in."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=_naar_python)


def _naar_python(o):
    if hasattr(o, "item"):  # a numpy scalar
        return o.item()
    raise TypeError(f"{type(o).__name__} is not JSON")


def features_json(geometries: pd.Series, props: pd.DataFrame) -> str:
    """A FeatureCollection as JSON text from the GeoJSON text PostGIS produced (never parsed) and one row of
    properties per geometry."""
    features = ",".join(f'{{"type":"Feature","geometry":{g},"properties":{compact_json(p)}}}'
                        for g, p in zip(geometries, props.to_dict("records"), strict=True))
    return f'{{"type":"FeatureCollection","features":[{features}]}}'


def spliced(kaart: pdk.Deck, data: dict[str, str]) -> pdk.Deck:
    """``kaart`` serialised once with the placeholder strings of ``data`` replaced by their JSON text (large layer
    data cached as text); ``st.pydeck_chart`` sends exactly this text."""
    spec = kaart.to_json()
    for token, text in data.items():
        spec = spec.replace(compact_json(token), text, 1)
    kaart.to_json = lambda: spec
    return kaart


def basemap_notice(offline_context: str = "de omtrekken", schematic: bool = True) -> None:
    """One line under a map: the basemap's attribution, or that it cannot be reached and what the map still
    shows. The probe is one tile with a short timeout, remembered for five minutes."""
    bm = basemap()
    setting = get_settings().basemap.strip()
    if bm.url is None:
        if setting.lower() not in ("", "geen", "none", "uit"):
            st.caption(f"Achtergrondkaart-instelling niet bruikbaar (HKD_BASEMAP); de kaart toont {offline_context}.")
        elif schematic:  # the scan map draws the same schematic lines
            st.caption("Zonder achtergrondkaart: water (blauw) en hoofdwegen (bruin) zijn schematisch getekend, "
                       "met hun namen; niet geschikt om een straat of adres te beoordelen.")
        return
    if _reachable(bm.url):
        if bm.attributie:
            st.caption(f"Achtergrondkaart: {html.escape(bm.attributie)}")
    else:
        st.caption(f":material/cloud_off: Achtergrondkaart niet bereikbaar ({html.escape(bm.host or '')}); "
                   f"de kaart toont {offline_context}, met water en hoofdwegen schematisch.")


def show(kaart: pdk.Deck, **kwargs):
    """``st.pydeck_chart`` at the height the deck's first view was fitted for, plus the basemap notice; returns
    what ``st.pydeck_chart`` returns (the selection).

    The height is the deck's (``deck(..., height=...)``), never given here: a map drawn lower than the height its
    first view was fitted for cuts off what that view was fitted to show (the Kaart 4-x maps were fitted for 600
    px and drawn at 520, the provider's PC4 map fitted for 560 and drawn at 420)."""
    if "height" in kwargs:
        raise TypeError("give a map's height to dashboard.kaart.maps.deck(..., height=...), which fits the first view "
                        "to it; show() draws the map at that height")
    hoogte = getattr(kaart, "hoogte", None)
    if hoogte is None:
        raise TypeError("show() draws a deck built by dashboard.kaart.maps.deck()")
    result = st.pydeck_chart(kaart, height=hoogte, **kwargs)
    basemap_notice(schematic=any(getattr(la, "id", None) == "context_water" for la in kaart.layers))
    return result


def legend_html(items: list[tuple[tuple[int, int, int], str]], naast: bool = False) -> str:
    """A legend: colour swatch plus text for each item (the text carries the meaning, the colour supports it).
    ``naast``: the items side by side, wrapping (a legend under a map that takes the full width).

    Labels are HTML (some carry ``<b>``): pass only the app's own text, or ``html.escape`` what came from a user."""
    marge = "margin:.15em 1.4em .15em 0" if naast else "margin:.15em 0"
    rows = "".join(
        f'<div role="listitem" style="display:flex;align-items:center;gap:.5em;{marge}">'
        f'<span aria-hidden="true" style="display:inline-block;width:1.1em;height:1.1em;border:1px solid #444;'
        f'background:rgb{tuple(rgb)}"></span><span>{label}</span></div>'
        for rgb, label in items
    )
    stijl = ' style="display:flex;flex-wrap:wrap"' if naast else ""
    return f'<div role="list" aria-label="Legenda"{stijl}>{rows}</div>'


# folium/Leaflet, served from this server (scripts/setup installs npm `leaflet` into dashboard/static/vendor/,
# Streamlit serves it under /app/static/). Never a CDN: privacy, and it must work offline.
LEAFLET_JS = "/app/static/vendor/leaflet/leaflet.js"
LEAFLET_CSS = "/app/static/vendor/leaflet/leaflet.css"


def leaflet_available() -> bool:
    """Whether the local Leaflet copy is installed (``./scripts/setup``)."""
    from pathlib import Path

    return (Path(__file__).resolve().parents[1] / "static" / "vendor" / "leaflet" / "leaflet.js").exists()


def local_folium_map(center: tuple[float, float], zoom: int = 14):
    """A folium map whose only scripts are the local Leaflet copy (no jQuery, Bootstrap or CDNs) and whose only
    tiles are the configured basemap's (none by default)."""
    import folium

    class LokaleKaart(folium.Map):
        default_js = [("leaflet", LEAFLET_JS)]
        default_css = [("leaflet_css", LEAFLET_CSS)]

    m = LokaleKaart(location=list(center), zoom_start=zoom, tiles=None, control_scale=True,
                    attributionControl=True, prefer_canvas=True)
    bm = basemap()
    if not basemap_shown():
        for lijn in LIJNEN:  # schematic water and main roads, as on the pydeck maps
            rgb = WATER_RGB if lijn.soort == "water" else WEG_RGB
            folium.PolyLine([(lat, lon) for lon, lat in lijn.punten], color="#{:02x}{:02x}{:02x}".format(*rgb),
                            weight=6 if lijn.soort == "water" else 2, opacity=0.6,
                            tooltip=f"{lijn.naam} (schematisch)").add_to(m)
    if bm.url:
        # the configured basemap only (never a default OpenStreetMap/CDN layer); Leaflet loads tiles on its own
        folium.TileLayer(tiles=bm.url, attr=html.escape(bm.attributie or bm.host or ""), name="Achtergrondkaart",
                         max_zoom=19, overlay=False, control=False).add_to(m)
    return m


def scan_folium(locaties, kandidaat: tuple[float, float] | None, ringen: tuple[int, ...], fase_kleuren: dict,
                outline: dict | None = None, center: tuple[float, float] | None = None):
    """The scan map: buurt outlines, each given location as a circle in its fase colour (code and fase in the
    tooltip), and the candidate with its rings. ``center`` (lat, lon) applies when there is no candidate."""
    import folium

    center = kandidaat or center or (51.905, 4.46)
    m = local_folium_map(center, zoom=14 if kandidaat else 12)
    if outline:
        folium.GeoJson(outline, name="wijken", style_function=lambda _f: {
            "color": "#777", "weight": 1, "fill": False}).add_to(m)
    for r in locaties.itertuples():
        rgb = fase_kleuren.get(r.fase, (150, 150, 150))
        folium.CircleMarker(
            [r.lat, r.lon], radius=6, weight=1, color="#222", fill=True, fill_opacity=0.9,
            fill_color="#{:02x}{:02x}{:02x}".format(*rgb),
            tooltip=html_tekst(f"{r.code} {r.naam}: fase {r.fase or '?'}, {r.woonvorm}, {r.plaatsen} plaatsen"),
        ).add_to(m)
    if kandidaat:
        for straal in ringen:
            folium.Circle(list(kandidaat), radius=straal, color="#00689d", weight=2, fill=False,
                          tooltip=f"{straal} m").add_to(m)
        folium.CircleMarker(list(kandidaat), radius=9, color="#000", weight=3, fill=True, fill_color="#ffffff",
                            fill_opacity=1, tooltip="Kandidaatlocatie").add_to(m)
    return m


# Focus areas (NPRZ, Rotterdams Goed Wonen) as an optional outline overlay on any map (issue 14). Okabe-Ito blue,
# thick and (in Leaflet) dashed, so it reads apart from the grey area outlines and from the fase colours.
FOCUS_KLEUR = (0, 114, 178)
FOCUS_LEGENDA = "Focusgebied NPRZ of RGW: dikke blauwe omlijning"


def focus_layer(geojson: dict, layer_id: str = "focusgebieden") -> pdk.Layer:
    """The focus areas as a pydeck outline layer (not pickable: it never takes the tooltip of the data below)."""
    return laag(
        "GeoJsonLayer", geojson, id=layer_id, stroked=True, filled=False, get_line_color=[*FOCUS_KLEUR, 255],
        line_width_min_pixels=3, pickable=False,
    )


def focus_folium(geojson: dict):
    """The focus areas as a folium layer: dashed blue outline, name and programme in the tooltip (properties
    ``naam`` and ``programmas`` must be HTML-escaped by the caller)."""
    import folium

    return folium.GeoJson(
        geojson, name="focusgebieden",
        style_function=lambda _f: {"color": "#0072b2", "weight": 3, "dashArray": "6 4", "fill": False},
        tooltip=folium.GeoJsonTooltip(fields=["naam", "programmas"], aliases=["Focusgebied", "Programma"]),
    )

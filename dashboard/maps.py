"""pydeck and folium map building blocks: the basemap from the one setting (``HKD_BASEMAP``, none by default:
offline and privacy-friendly), context from our own layers, and the notice that says which basemap is shown."""

from __future__ import annotations

import html
import json

import pydeck as pdk
import streamlit as st

from clients.tiles import tile_reachable
from core.settings import get_settings
from geo.basemap import Basemap, BasemapError, raster_style, resolve

NO_BASEMAP = "__MAP_STYLE__"
ROTTERDAM_VIEW = pdk.ViewState(latitude=51.905, longitude=4.46, zoom=10.3, min_zoom=8, max_zoom=17)


def outline_layer(geojson: dict, layer_id: str = "omtrek") -> pdk.Layer:
    """Thin grey outlines for orientation (gebieden, gemeente)."""
    return pdk.Layer(
        "GeoJsonLayer", geojson, id=layer_id, stroked=True, filled=False, get_line_color=[90, 90, 90, 160],
        line_width_min_pixels=1, pickable=False,
    )


class CompactDeck(pdk.Deck):
    """A Deck that serialises without indentation.

    pydeck writes its JSON with ``indent=2``: every coordinate on its own indented line, which made the public
    PC4 map 5x larger on the wire than the GeoJSON it draws (410 kB against 77 kB).
    """

    def to_json(self) -> str:
        # pydeck's own serialiser with indent=2 runs json's pure-python encoder (seconds for 10,000 points);
        # without indent the C encoder writes the same keys and values at once
        from pydeck.bindings.json_tools import default_serialize

        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def basemap() -> Basemap:
    """The basemap of every map, from ``HKD_BASEMAP``; a setting that cannot be read means no basemap (the
    notice under the map says so) rather than a broken page."""
    try:
        return resolve(get_settings().basemap)
    except BasemapError:
        return Basemap(None, "")


def deck(layers: list[pdk.Layer], tooltip: dict | None = None, view: pdk.ViewState = ROTTERDAM_VIEW) -> pdk.Deck:
    """A Deck with the configured basemap under its layers, or none.

    The basemap is a raster map style (:func:`geo.basemap.raster_style`): the map library loads its tiles by
    itself, under the layers, and the layers never wait for them. Without a basemap nothing is requested from
    any other host.
    """
    # Streamlit's deck.gl element falls back to a Carto basemap (a third-party request) when mapStyle is empty;
    # its own sentinel "__MAP_STYLE__" is removed by the frontend and suppresses that fallback. A style *object*
    # must be wrapped in a list: the element passes a string on, or else the first item of the list.
    d = CompactDeck(layers=layers, initial_view_state=view, map_provider=None, map_style=NO_BASEMAP,
                    tooltip=tooltip)
    style = raster_style(basemap())
    if style is not None:
        d.map_style = [style]
    return d


@st.cache_data(ttl=300, show_spinner=False)
def _reachable(url: str) -> bool:
    return tile_reachable(Basemap(url))


def basemap_notice(offline_context: str = "de omtrekken") -> None:
    """One line under a map: the basemap's attribution, or that it cannot be reached and what the map still
    shows. The probe is one tile with a short timeout, remembered for five minutes."""
    bm = basemap()
    setting = get_settings().basemap.strip()
    if bm.url is None:
        if setting.lower() not in ("", "geen", "none", "uit"):
            st.caption(f"Achtergrondkaart-instelling niet bruikbaar (HKD_BASEMAP); de kaart toont {offline_context}.")
        return
    if _reachable(bm.url):
        if bm.attributie:
            st.caption(f"Achtergrondkaart: {html.escape(bm.attributie)}")
    else:
        st.caption(f":material/cloud_off: Achtergrondkaart niet bereikbaar ({html.escape(bm.host or '')}); "
                   f"de kaart toont {offline_context}.")


def show(kaart: pdk.Deck, **kwargs):
    """``st.pydeck_chart`` plus the basemap notice; returns what ``st.pydeck_chart`` returns (the selection)."""
    result = st.pydeck_chart(kaart, **kwargs)
    basemap_notice()
    return result


def legend_html(items: list[tuple[tuple[int, int, int], str]]) -> str:
    """A legend: colour swatch plus text for each item (the text carries the meaning, the colour supports it)."""
    rows = "".join(
        f'<div role="listitem" style="display:flex;align-items:center;gap:.5em;margin:.15em 0">'
        f'<span aria-hidden="true" style="display:inline-block;width:1.1em;height:1.1em;border:1px solid #444;'
        f'background:rgb{tuple(rgb)}"></span><span>{label}</span></div>'
        for rgb, label in items
    )
    return f'<div role="list" aria-label="Legenda">{rows}</div>'


# folium/Leaflet, served from this server (scripts/setup installs npm `leaflet` into dashboard/static/vendor/,
# Streamlit serves it under /app/static/). Never a CDN: privacy, and it must work offline.
LEAFLET_JS = "/app/static/vendor/leaflet/leaflet.js"
LEAFLET_CSS = "/app/static/vendor/leaflet/leaflet.css"


def leaflet_available() -> bool:
    """Whether the local Leaflet copy is installed (``./scripts/setup``)."""
    from pathlib import Path

    return (Path(__file__).resolve().parent / "static" / "vendor" / "leaflet" / "leaflet.js").exists()


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
            tooltip=f"{r.code} {r.naam}: fase {r.fase or '?'}, {r.woonvorm}, {r.plaatsen} plaatsen",
        ).add_to(m)
    if kandidaat:
        for straal in ringen:
            folium.Circle(list(kandidaat), radius=straal, color="#00689d", weight=2, fill=False,
                          tooltip=f"{straal} m").add_to(m)
        folium.CircleMarker(list(kandidaat), radius=9, color="#000", weight=3, fill=True, fill_color="#ffffff",
                            fill_opacity=1, tooltip="Kandidaatlocatie").add_to(m)
    return m

"""pydeck map building blocks: no third-party basemap (offline and privacy-friendly); context from our own layers."""

from __future__ import annotations

import json

import pydeck as pdk

from reports.veilig import html_tekst

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


def deck(layers: list[pdk.Layer], tooltip: dict | None = None, view: pdk.ViewState = ROTTERDAM_VIEW) -> pdk.Deck:
    """A Deck without a basemap: tiles would come from a third party and do not load offline anyway."""
    # Streamlit's deck.gl element falls back to a Carto basemap (a third-party request) when mapStyle is empty;
    # its own sentinel "__MAP_STYLE__" is removed by the frontend and suppresses that fallback.
    return CompactDeck(layers=layers, initial_view_state=view, map_provider=None, map_style=NO_BASEMAP,
                       tooltip=tooltip)


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
    """A folium map without tiles whose only scripts are the local Leaflet copy (no jQuery, Bootstrap or CDNs)."""
    import folium

    class LokaleKaart(folium.Map):
        default_js = [("leaflet", LEAFLET_JS)]
        default_css = [("leaflet_css", LEAFLET_CSS)]

    return LokaleKaart(location=list(center), zoom_start=zoom, tiles=None, control_scale=True,
                       attributionControl=True, prefer_canvas=True)


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
    return pdk.Layer(
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

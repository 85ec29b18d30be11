"""pydeck map building blocks: no third-party basemap (offline and privacy-friendly); context from our own layers."""

from __future__ import annotations

import pydeck as pdk

ROTTERDAM_VIEW = pdk.ViewState(latitude=51.905, longitude=4.46, zoom=10.3, min_zoom=8, max_zoom=17)


def outline_layer(geojson: dict, layer_id: str = "omtrek") -> pdk.Layer:
    """Thin grey outlines for orientation (gebieden, gemeente)."""
    return pdk.Layer(
        "GeoJsonLayer", geojson, id=layer_id, stroked=True, filled=False, get_line_color=[90, 90, 90, 160],
        line_width_min_pixels=1, pickable=False,
    )


def deck(layers: list[pdk.Layer], tooltip: dict | None = None, view: pdk.ViewState = ROTTERDAM_VIEW) -> pdk.Deck:
    """A Deck without a basemap: tiles would come from a third party and do not load offline anyway."""
    return pdk.Deck(layers=layers, initial_view_state=view, map_provider=None, map_style=None, tooltip=tooltip)


def legend_html(items: list[tuple[tuple[int, int, int], str]]) -> str:
    """A legend: colour swatch plus text for each item (the text carries the meaning, the colour supports it)."""
    rows = "".join(
        f'<div style="display:flex;align-items:center;gap:.5em;margin:.15em 0">'
        f'<span style="display:inline-block;width:1.1em;height:1.1em;border:1px solid #444;'
        f'background:rgb{tuple(rgb)}"></span><span>{label}</span></div>'
        for rgb, label in items
    )
    return f'<div role="list" aria-label="Legenda">{rows}</div>'

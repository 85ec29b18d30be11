"""The PC4 choropleth used by the public map: counts per postcode area, legend with text for every class."""

from __future__ import annotations

import pandas as pd
import pydeck as pdk

from dashboard.maps import deck
from geo.colours import class_index, colour_for, count_classes
from queries.kaart import feature_collection


def pc4_count_deck(frame: pd.DataFrame, value: str, label: str) -> tuple[pdk.Deck, list]:
    """A choropleth of ``value`` per PC4 and its legend items ``[(rgb, text), ...]``."""
    breaks, labels = count_classes(frame[value].tolist())
    shaped = frame.copy()
    shaped["kleur"] = [list(colour_for(class_index(v, breaks))) for v in shaped[value]]
    layer = pdk.Layer(
        "GeoJsonLayer", feature_collection(shaped), id="pc4", stroked=True, filled=True, pickable=True,
        get_fill_color="properties.kleur", get_line_color=[60, 60, 60, 200], line_width_min_pixels=1,
        opacity=0.85,
    )
    tooltip = {"html": f"<b>Postcode {{pc4}}</b><br/>{label}: {{{value}}}"}
    legend = [(colour_for(i), text) for i, text in enumerate(labels)]
    return deck([layer], tooltip=tooltip), legend

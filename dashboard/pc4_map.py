"""The PC4 choropleths of the public and provider maps: a legend with text for every class, hidden values named."""

from __future__ import annotations

import pandas as pd
import pydeck as pdk

from dashboard.maps import deck, gebied_namen
from geo.colours import NO_DATA, class_index, colour_for, count_classes
from queries.kaart import feature_collection

HIDDEN_LABEL = "niet getoond (te weinig voorzieningen)"


def pc4_count_deck(frame: pd.DataFrame, value: str, label: str, extra_tooltip: str = "") -> tuple[pdk.Deck, list]:
    """A choropleth of ``value`` per PC4 and its legend items ``[(rgb, text), ...]``.

    Missing values (hidden by disclosure control) get the grey no-data colour and the legend says why.
    """
    values = [None if pd.isna(v) else int(v) for v in frame[value]]
    breaks, labels = count_classes(values)
    shaped = frame.copy()
    for column in shaped.columns:  # pd.NA does not serialise; hidden figures are named in words
        if column != "geometry" and shaped[column].isna().any():
            shaped[column] = [HIDDEN_LABEL if pd.isna(v) else v for v in shaped[column].astype(object)]
    shaped["kleur"] = [list(colour_for(class_index(v, breaks))) for v in values]
    layer = pdk.Layer(
        "GeoJsonLayer", feature_collection(shaped), id="pc4", stroked=True, filled=True, pickable=True,
        get_fill_color="properties.kleur", get_line_color=[60, 60, 60, 200], line_width_min_pixels=1,
        opacity=0.85,
    )
    tooltip = {"html": f"<b>Postcode {{pc4}}</b><br/>{label}: {{{value}}}{extra_tooltip}"}
    legend = [(colour_for(i), text) for i, text in enumerate(labels)]
    if any(v is None for v in values):
        legend.append((NO_DATA, HIDDEN_LABEL))
    return deck([layer], tooltip=tooltip, labels=gebied_namen(), height=560), legend

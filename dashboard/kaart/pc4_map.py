"""The PC4 choropleths of the public and provider maps: a legend with text for every class, hidden values named."""

from __future__ import annotations

import contextlib

import pandas as pd
import pydeck as pdk
import streamlit as st

from dashboard.kaart import zoeken
from dashboard.kaart.maps import (
    deck,
    features_json,
    gebied_namen,
    geometrie_punten,
    laag,
    layer_bounds,
    show,
    spliced,
    tekst_tooltip,
)
from dashboard.widgets import selectie
from geo.colours import NO_DATA, class_index, colour_for, count_classes
from geo.view import eerste_kader
from queries.kaart import feature_collection

HIDDEN_LABEL = "niet getoond (te weinig voorzieningen)"


def pc4_count_deck(frame: pd.DataFrame, value: str, label: str, extra_tooltip: str = "", *,
                   extra: list[pdk.Layer] | None = None, bounds=None, height: int = 560) -> tuple[pdk.Deck, list]:
    """A choropleth of ``value`` per PC4 and its legend items ``[(rgb, text), ...]``; ``extra_tooltip`` is more
    text tooltip template (``"\\nPlaatsen: {plaatsen}"``, see :func:`dashboard.kaart.maps.tekst_tooltip`).

    Missing values (hidden by disclosure control) get the grey no-data colour and the legend says why. ``extra``
    layers (a search highlight, the selection) go on top; ``bounds`` frames the first view (default: all areas).
    """
    areas, labels, verborgen, kader = _pc4_laag(frame, value)
    layer = laag(
        "GeoJsonLayer", _PC4, id="pc4", stroked=True, filled=True, pickable=True,
        get_fill_color="properties.kleur", get_line_color=[60, 60, 60, 200], line_width_min_pixels=1,
        opacity=0.85,
    )
    tooltip = tekst_tooltip(f"Postcode {{pc4}}\n{label}: {{{value}}}{extra_tooltip}")
    legend = [(colour_for(i), text) for i, text in enumerate(labels)]
    if verborgen:
        legend.append((NO_DATA, HIDDEN_LABEL))
    kaart = deck([layer, *(extra or [])], tooltip=tooltip, labels=gebied_namen(),
                 bounds=kader if bounds is None else bounds, height=height)
    return spliced(kaart, {_PC4: areas}), legend


_PC4 = "@@hkd_pc4@@"
"""Placeholder of the PC4 layer's data: the deck is serialised without the areas, then their cached JSON text is put
in its place (thousands of outlines are never parsed or serialised again on a rerun)."""


@st.cache_data(ttl=600, max_entries=16, show_spinner=False)
def _pc4_laag(frame: pd.DataFrame, value: str) -> tuple[str, list[str], bool, object]:
    """The areas as FeatureCollection JSON text (properties: the columns, hidden figures named in words, and the class
    colour), the class labels, whether a figure is hidden, and the first view's box (the areas with figures, a
    hidden figure is one); cached on the figures, so a rerun costs nothing."""
    values = [None if pd.isna(v) else int(v) for v in frame[value]]
    breaks, labels = count_classes(values)
    props = frame.drop(columns=["geometry"])
    for column in props.columns:  # pd.NA does not serialise; hidden figures are named in words
        if props[column].isna().any():
            props[column] = [HIDDEN_LABEL if pd.isna(v) else v for v in props[column].astype(object)]
    props["kleur"] = [list(colour_for(class_index(v, breaks))) for v in values]
    areas = features_json(frame["geometry"], props)
    kader = eerste_kader(geometrie_punten(frame["geometry"][[v is None or v > 0 for v in values]]))
    return areas, labels, any(v is None for v in values), kader


def pc4_kaart(frame: pd.DataFrame, value: str, label: str, extra_tooltip: str, key: str, height: int,
              locaties: bool = False, zoekvak=None) -> tuple[str | None, list]:
    """Search box, map and selection of a PC4 map: a search or a click selects an area (outlined, zoomed to),
    the URL carries it (``?pc4=3072``). Returns the selected PC4 (or ``None``) and the legend items.
    ``zoekvak``: the container to draw the search box in (default: above the map)."""
    codes = set(frame["pc4"].astype(str))
    with zoekvak if zoekvak is not None else contextlib.nullcontext():
        treffer = zoeken.zoekbalk(key, locaties=locaties, voorkeur=codes)
    gezocht = treffer.code if treffer is not None and treffer.code in codes else None
    klik = st.session_state.get(f"{key}_kaart")
    geklikt = None
    if klik and klik.get("selection", {}).get("objects", {}).get("pc4"):
        geklikt = str(klik["selection"]["objects"]["pc4"][0].get("properties", {}).get("pc4"))
    gekozen = selectie.kies("pc4", {"zoek": gezocht, "klik": geklikt}, codes, "postcodegebied", kaart=key)
    markering = zoeken.markering(treffer)
    bounds = treffer.bounds if treffer is not None else None
    if gekozen and treffer is None:
        rij = frame[frame["pc4"].astype(str) == gekozen]
        markering = [laag("GeoJsonLayer", feature_collection(rij[["pc4", "geometry"]]), id="selectie",
                               stroked=True, filled=False, get_line_color=[0, 0, 0, 255], line_width_min_pixels=4)]
        bounds = layer_bounds(markering, alleen_data=False)
    kaart, legend = pc4_count_deck(frame, value, label, extra_tooltip, extra=markering, bounds=bounds,
                                   height=height)
    # no on_select here: with a selection mode Streamlit 1.67's deck element did not paint in Chromium (e2e);
    # a PC4 is selected by search or link, its figures are in the table below the map
    show(kaart, key=f"{key}_kaart")
    return gekozen, legend

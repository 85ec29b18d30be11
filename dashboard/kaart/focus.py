"""The focus areas overlay for every map: a checkbox, the outlines (read by code from the facts table) and the
legend entry. A code that does not resolve to a loaded buurt is named in a warning; the map then has no overlay."""

from __future__ import annotations

import html

import streamlit as st

from dashboard import db
from dashboard.kaart.maps import FOCUS_KLEUR, FOCUS_LEGENDA
from data import focusgebieden
from queries.kaart import feature_collection


def focus_geojson() -> dict | None:
    """The focus areas as a FeatureCollection (names escaped), or ``None`` with a warning when codes do not resolve."""
    try:
        frame = db.run_cached(focusgebieden.omtrekken)
    except focusgebieden.FocusgebiedFout as exc:
        st.warning(f"Focusgebieden niet getoond. {exc}", icon="⚠️")
        return None
    frame = frame.assign(naam=frame["naam"].map(html.escape), programmas=frame["programmas"].map(html.escape))
    return feature_collection(frame)


def focus_keuze(key: str) -> dict | None:
    """A checkbox 'Focusgebieden tonen'; the outlines when ticked."""
    if st.checkbox("Focusgebieden tonen (NPRZ, Rotterdams Goed Wonen)", key=key,
                   help="Omlijnt de focuswijken van het Nationaal Programma Rotterdam Zuid en van Rotterdams Goed "
                        "Wonen, per CBS-buurt."):
        return focus_geojson()
    return None


def legenda_item() -> tuple[tuple[int, int, int], str]:
    """The legend entry ``(rgb, text)`` for :func:`dashboard.kaart.maps.legend_html`."""
    return FOCUS_KLEUR, FOCUS_LEGENDA

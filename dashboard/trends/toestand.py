"""The wijk selected on the Wijktrends page, shared by map, charts and tables through one session-state key.

Session-state keys (all prefixed ``wijktrends_``):

- ``wijktrends_gebied``: the code of the selected area (or ``None``); the selectbox "Gekozen gebied" is bound to it.
- ``wijktrends_kaart_*``, ``wijktrends_grafiek_*``, ``wijktrends_tabel_*``: the selection widgets; their
  callbacks copy a new selection into ``wijktrends_gebied``, so a click anywhere selects the area everywhere.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

SELECTIE = "wijktrends_gebied"


def selectie() -> str | None:
    """The code of the selected area, if any."""
    return st.session_state.get(SELECTIE)


def _state(key: str) -> dict:
    value = st.session_state.get(key)
    selection = getattr(value, "selection", None) if value is not None else None
    if selection is None and isinstance(value, dict):
        selection = value.get("selection")
    return selection or {}


def _set(code: str | None) -> None:
    if code:
        st.session_state[SELECTIE] = code


def kaart_callback(key: str) -> Callable[[], None]:
    """Callback for a pydeck chart: the clicked feature's ``code`` becomes the selection."""

    def on_select() -> None:
        objects = _state(key).get("objects") or {}
        for picked in objects.values():
            for obj in picked:
                props = obj.get("properties", obj) if isinstance(obj, dict) else {}
                if props.get("code"):
                    _set(props["code"])
                    return

    return on_select


def grafiek_callback(key: str) -> Callable[[], None]:
    """Callback for a plotly chart: the clicked point's ``customdata[0]`` (an area code) becomes the selection."""

    def on_select() -> None:
        for point in _state(key).get("points") or []:
            data = point.get("customdata")
            if data:
                _set(data[0] if isinstance(data, list | tuple) else data)
                return

    return on_select


def tabel_callback(key: str, codes: pd.Series) -> Callable[[], None]:
    """Callback for a dataframe: the selected row's code (from ``codes``, in row order) becomes the selection."""
    values = list(codes)

    def on_select() -> None:
        rows = _state(key).get("rows") or []
        if rows and rows[0] < len(values):
            _set(values[rows[0]])

    return on_select


def wis(*widget_keys: str) -> None:
    """Callback: clear the selected area and the given filter widgets, in one click."""
    st.session_state[SELECTIE] = None
    for key in widget_keys:
        st.session_state[key] = None

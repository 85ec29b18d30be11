"""Tables as people read them: Dutch headers, dates as DD-MM-YYYY, times on Rotterdam's clock, a dash for nothing.

Streamlit's grid draws a missing value as ``None``, an empty table as ``empty``, a date as ``2026-12-07`` and a
``timestamptz`` (which pandas reads as UTC) with ``+00:00``. :func:`toon` is ``st.dataframe`` without those: it
labels columns from a mapping (through ``column_config``, so the frame keeps its codes and types), formats every
date and time column, shows ``–`` where a cell has no value (the grid's ``placeholder``), and shows a Dutch sentence
instead of an empty grid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd
import streamlit as st

from core.kalender import TZ

LEEG = "–"
DATUM = "DD-MM-YYYY"
DATUM_TIJD = "DD-MM-YYYY HH:mm"


def _als_tijd(reeks: pd.Series) -> pd.Series | None:
    """A date or time column, a moment taken to Rotterdam's clock (naive); None when it is not one."""
    if isinstance(reeks.dtype, pd.DatetimeTZDtype):
        return reeks.dt.tz_convert(TZ).dt.tz_localize(None)
    if pd.api.types.is_datetime64_any_dtype(reeks):
        return reeks
    waarden = reeks.dropna()
    if reeks.dtype == object and not waarden.empty and all(isinstance(v, dt.date) for v in waarden):
        if any(isinstance(v, dt.datetime) and v.tzinfo is not None for v in waarden):
            return pd.to_datetime(reeks, utc=True).dt.tz_convert(TZ).dt.tz_localize(None)
        return reeks  # dates (or naive moments) as they are: the column config formats them
    return None


def weergave(frame: pd.DataFrame, kolommen: Mapping[str, str] | None = None,
             column_config: Mapping[str, object] | None = None) -> tuple[pd.DataFrame, dict]:
    """``(frame, column_config)`` as :func:`toon` shows them (pure apart from Streamlit's config objects)."""
    kolommen = dict(kolommen or {})
    config: dict = dict(column_config or {})
    out = frame.copy()
    for kol in out.columns:
        naam = str(kol)
        label = kolommen.get(naam)
        gegeven = naam in config
        reeks = out[kol]
        tijd = _als_tijd(reeks)
        if tijd is not None:
            heel = pd.to_datetime(tijd.dropna())
            alleen_dagen = heel.empty or bool((heel == heel.dt.normalize()).all())
            out[kol] = tijd
            if not gegeven:
                config[naam] = (st.column_config.DateColumn(label, format=DATUM) if alleen_dagen
                                else st.column_config.DatetimeColumn(label, format=DATUM_TIJD))
            continue
        if label and not gegeven:
            config[naam] = st.column_config.Column(label)
    return out, config


def gekozen(frame: pd.DataFrame, keuzes: Mapping[str, list]) -> pd.DataFrame:
    """The rows whose column holds one of the values chosen for it, for every column with a choice (an empty
    choice, as a multiselect left on "alle", keeps every row)."""
    for kolom, waarden in keuzes.items():
        if waarden:
            frame = frame[frame[kolom].isin(waarden)]
    return frame


def datums_als_tekst(frame: pd.DataFrame) -> pd.DataFrame:
    """For ``st.table`` (which has no column formats): every date or time column as DD-MM-YYYY [HH:MM] text on
    Rotterdam's clock, ``–`` where empty."""
    out = frame.copy()
    for kol in out.columns:
        tijd = _als_tijd(out[kol])
        if tijd is None:
            continue
        tijd = pd.to_datetime(tijd)
        heel = tijd.dropna()
        alleen_dagen = heel.empty or bool((heel == heel.dt.normalize()).all())
        out[kol] = tijd.dt.strftime("%d-%m-%Y" if alleen_dagen else "%d-%m-%Y %H:%M").fillna(LEEG)
    return out


def toon(frame: pd.DataFrame, *, kolommen: Mapping[str, str] | None = None, leeg: str = "Geen gegevens.",
         column_config: Mapping[str, object] | None = None, **kwargs):
    """``st.dataframe`` as people read it (see the module docstring); ``leeg``: the sentence for no rows."""
    if frame.empty and "on_select" not in kwargs:
        st.caption(leeg)
        return None
    shown, config = weergave(frame, kolommen, column_config)
    return st.dataframe(shown, column_config=config, placeholder=LEEG, **kwargs)

"""Plotly charts as people read them: a time axis with dates as DD-MM-YYYY, never plotly's own English ticks.

Plotly labels a date axis in English ("May 31, 2023") and, with one point, zooms to milliseconds
("23:59:59.9995"). :func:`datum_as` gives an axis Dutch ticks and hover text and at least a month of range.
"""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
import plotly.graph_objects as go

TICKS = "%d-%m-%Y"
MAAND_TICKS = "%m-%Y"


def datum_as(fig: go.Figure, x, *, per_maand: bool = False) -> go.Figure:
    """Give the x axis of ``fig`` (which plots dates ``x``) Dutch date ticks and a range of at least a month."""
    fmt = MAAND_TICKS if per_maand else TICKS
    fig.update_xaxes(type="date", tickformat=fmt, hoverformat=TICKS)
    datums = pd.to_datetime(pd.Series(list(x)), errors="coerce").dropna()
    if not datums.empty and datums.max() - datums.min() < timedelta(days=28):
        fig.update_xaxes(range=[datums.min() - timedelta(days=15), datums.max() + timedelta(days=15)])
    return fig

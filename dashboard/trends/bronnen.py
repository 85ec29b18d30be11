"""Wijktrends: the source line under every map, chart and table (dataset, publisher, years; demo data marked)."""

from __future__ import annotations

import streamlit as st

from dashboard.trends import indicatoren as views
from geo import herkomst


def bron_tekst(niveau: str, *indicatoren: str) -> str:
    """"Bron: ..." for the indicators a figure shows on a level, read from the loaded catalogue."""
    info = {(i.niveau, i.indicator): i for i in views.catalogus()}
    delen = []
    for ind in dict.fromkeys(indicatoren):
        gevonden = info.get((niveau, ind)) or info.get(("referentie", ind))
        if gevonden is not None:
            delen.append(herkomst.bron_zin(views.naam(ind), gevonden.bron, gevonden.jaren))
    if not delen:
        return ""
    demo = any(herkomst.DEMO_LABEL in d for d in delen)
    return ("**Demo, fictitief.** " if demo else "") + "Bron: " + "; ".join(delen) + "."


def csv_bron(niveau: str, *indicatoren: str, regels: tuple[str, ...] = ()) -> str:
    """The source (and rule origin) as plain text for the ``bron`` column of a CSV export."""
    tekst = bron_tekst(niveau, *indicatoren).replace("**", "")
    return " ".join(t for t in (tekst, herkomst.zin(*regels) if regels else "") if t)


def toon(niveau: str, *indicatoren: str) -> None:
    """Print the source line (nothing when none of the indicators is loaded)."""
    tekst = bron_tekst(niveau, *indicatoren)
    if tekst:
        st.caption(tekst)


def regel(*codes: str) -> None:
    """Print where the rule of a figure comes from (:mod:`geo.herkomst`)."""
    st.caption(herkomst.zin(*codes))

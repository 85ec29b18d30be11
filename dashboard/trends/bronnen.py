"""Wijktrends: the source line under every map, chart and table (dataset, publisher, years; demo data marked)."""

from __future__ import annotations

import streamlit as st

from dashboard.trends import indicatoren as views
from geo import herkomst
from geo.herkomst import Bron


def _delen(niveau: str, *indicatoren: str) -> list[str]:
    """One source sentence per indicator a figure shows on a level, read from the loaded catalogue."""
    info = {(i.niveau, i.indicator): i for i in views.catalogus()}
    delen = []
    for ind in dict.fromkeys(indicatoren):
        gevonden = info.get((niveau, ind)) or info.get(("referentie", ind))
        if gevonden is not None:
            delen.append(herkomst.bron_zin(views.naam(ind), gevonden.bron, gevonden.jaren))
    return delen


def bron_tekst(niveau: str, *indicatoren: str) -> str:
    """"Bron: ..." for the indicators a figure shows on a level, read from the loaded catalogue."""
    delen = _delen(niveau, *indicatoren)
    if not delen:
        return ""
    demo = any(herkomst.DEMO_LABEL in d for d in delen)
    return ("**Demo, fictitief.** " if demo else "") + "Bron: " + "; ".join(delen) + "."


def csv_bron(niveau: str, *indicatoren: str, regels: tuple[str, ...] = ()) -> Bron:
    """The source (and rule origin) of a CSV export, for its ``Bron`` column (:func:`reports.veilig.csv_bytes`);
    every indicator's source names its dataset, publisher and years, demo data marked."""
    delen = _delen(niveau, *indicatoren) or ["geen indicator geladen"]
    return Bron("; ".join(delen) + "." + (" " + herkomst.zin(*regels) if regels else ""))


def toon(niveau: str, *indicatoren: str) -> None:
    """Print the source line (nothing when none of the indicators is loaded)."""
    tekst = bron_tekst(niveau, *indicatoren)
    if tekst:
        st.caption(tekst)


def regel(*codes: str) -> None:
    """Print where the rule of a figure comes from (:mod:`geo.herkomst`)."""
    st.caption(herkomst.zin(*codes))

"""The source line under a map or table outside Wijktrends: where its numbers come from (demo data marked) and where
its rule comes from (read from the register :mod:`geo.herkomst`)."""

from __future__ import annotations

import streamlit as st

from dashboard import db
from geo import herkomst

REGISTER = "het locatieregister en de fasebesluiten in HKD Kaart (gemeente Rotterdam, afdeling HKD)"
MELDINGEN = "het meldingenregister in HKD Kaart (meldingen van omwonenden, politie, aanbieders en gemeente)"
GRENZEN = "grenzen CBS / Kadaster (CC BY 4.0)"


def tekst(data: str, *regels: str, demo: bool) -> str:
    """"Bron: ..." and, with ``regels``, "Herkomst van de regel: ..."; demo data visibly marked."""
    uit = ("**Demo, fictitief.** " if demo else "") + f"Bron: {data}" + (f" ({herkomst.DEMO_LABEL})" if demo else "")
    return uit + "." + (" " + herkomst.zin(*regels) if regels else "")


def toon(data: str, *regels: str) -> None:
    """Print the source line under a map or table."""
    st.caption(tekst(data, *regels, demo=db.demo_geladen()))

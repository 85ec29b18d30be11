"""The source line under a map or table outside Wijktrends: where its numbers come from (demo data marked) and where
its rule comes from (read from the register :mod:`geo.herkomst`). The CSV downloads write the same sources in their
``Bron`` column (:func:`actueel` hands them to :func:`reports.veilig.csv_bytes`)."""

from __future__ import annotations

import streamlit as st

from dashboard import db
from geo import herkomst
from geo.herkomst import Bron

HKD = "gemeente Rotterdam, afdeling HKD"
REGISTER = Bron("het locatieregister en de fasebesluiten in HKD Kaart", HKD, uit_demo=True)
MELDINGEN = Bron("het meldingenregister in HKD Kaart (meldingen van omwonenden, politie, aanbieders en gemeente)",
                 HKD, uit_demo=True)
GRENZEN = Bron("grenzen", "CBS / Kadaster (CC BY 4.0)")
KERNCIJFERS = Bron("inwoners per gebied uit de geladen kerncijfers", "CBS", uit_demo=True)
PLATFORM = Bron("de uitstroommonitor en het aanbod van het Platform HKD in HKD Kaart", HKD, uit_demo=True)
VOORBEELD = Bron("voorbeeldbestand van HKD Kaart (fictief)", HKD)


def actueel(*bronnen: Bron) -> tuple[Bron, ...]:
    """The sources as they stand: demo data marked when the demo is loaded."""
    demo = db.demo_geladen()
    return tuple(b.als_demo(demo) for b in bronnen)


def tekst(bronnen: tuple[Bron, ...], *regels: str) -> str:
    """"Bron: ..." and, with ``regels``, "Herkomst van de regel: ..."; demo data visibly marked."""
    demo = any(b.demo for b in bronnen)
    uit = ("**Demo, fictitief.** " if demo else "") + f"Bron: {herkomst.bronnen_tekst(bronnen)}"
    return uit + "." + (" " + herkomst.zin(*regels) if regels else "")


def toon(bronnen: tuple[Bron, ...], *regels: str) -> None:
    """Print the source line under a map or table."""
    st.caption(tekst(actueel(*bronnen), *regels))

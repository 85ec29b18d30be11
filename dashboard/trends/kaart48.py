"""Wijktrends weergave "Kaart 4-8": development of kwetsbare groepen against level and development of overlast."""

from __future__ import annotations

import streamlit as st

from dashboard.kaart.maps import show
from dashboard.trends import bronnen
from dashboard.trends import indicatoren as views
from dashboard.trends import lagen as maps
from dashboard.trends import toestand as state
from dashboard.trends.keuzes import Keuzes
from geo import herkomst

KOLOMMEN = ["gebied_code", "gebied", "focus", "klasse_nr", "klasse_naam", "kwetsbaar_van", "kwetsbaar_tot",
            "overlast_van", "overlast_tot", "overlast_z"]


def toon(k: Keuzes) -> None:
    """The bivariate map with its legend and the table of every area."""
    st.subheader(f"Ontwikkeling kwetsbare groepen × niveau en ontwikkeling overlast, {k.van}-{k.tot}")
    with st.spinner("Kaart tekenen..."):  # the map takes the full width, its legend under it
        show(maps.bivariaat_deck(k.vlakken, k.klassen, k.gekozen, k.extra, k.bron, k.zoom, hoogte=600),
             key="wijktrends_kaart_48", on_select=state.kaart_callback("wijktrends_kaart_48"),
             selection_mode="single-object")
    st.markdown("**Legenda Kaart 4-8** (cijfer op de kaart = klasse)")
    st.html(maps.bivariaat_legenda_html(k.klassen["klasse"].value_counts().to_dict()))
    bronnen.regel(*herkomst.FIGUUR_REGELS["4-8"])
    bronnen.toon(k.niveau, k.kw_ind, k.ov_ind)
    uitvoer = views.kaart48_tabel(k.klassen, k.namen)
    views.tabel(uitvoer[KOLOMMEN], uitvoer["gebied_code"], "wijktrends_tabel_48",
                f"hkd_kaart_4_8_{k.niveau}_{k.van}_{k.tot}.csv", k.gekozen,
                bronnen.csv_bron(k.niveau, k.kw_ind, k.ov_ind, regels=herkomst.FIGUUR_REGELS["4-8"]))

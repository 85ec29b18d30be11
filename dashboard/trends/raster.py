"""Wijktrends weergave "Raster 100 m": an indicator on the 100 m squares of RD New, level or development."""

from __future__ import annotations

import streamlit as st

from core.settings import get_settings
from dashboard.kaart.maps import legend_html, show
from dashboard.trends import bronnen
from dashboard.trends import indicatoren as views
from dashboard.trends import lagen as maps
from dashboard.trends.keuzes import Keuzes
from dashboard.widgets import downloads
from geo import analysegebied, herkomst
from geo import trends as tr
from geo import veerkracht as vk
from queries import trends
from reports.veilig import csv_bytes


def toon(k: Keuzes) -> None:
    """The squares of one indicator (the small-numbers rule applied in PostGIS), legend and CSV download."""
    van, tot = k.van, k.tot
    st.caption("Vierkanten van 100 bij 100 meter in RD, uitgelijnd als de CBS-vierkantstatistiek. Waar waarden per "
               "vierkant geladen zijn (niveau vierkant, bijvoorbeeld CBS-vierkantstatistieken), toont een vierkant "
               "zijn eigen waarde; elders de waarden van de gebieden, naar oppervlakte verdeeld: een vierkant laat "
               "dan zien wat de gebieden eronder hebben, geen eigen meting. Aantallen worden naar oppervlakte over de "
               "vierkanten verdeeld, aandelen en scores zijn het oppervlaktegewogen gemiddelde. Een vierkant met "
               f"minder dan {trends.MIN_WAARNEMINGEN} waarnemingen, of dat voor minder dan de helft onder gebieden "
               "met een waarde valt, wordt niet getoond. Het raster verandert niet als buurtgrenzen veranderen: de "
               "ontwikkeling wordt op dezelfde vierkanten berekend.")
    kernstad = get_settings().analyse_kernstad
    st.caption(analysegebied.uitleg(kernstad) + (" Vierkanten met hun midden daar worden niet getoond."
                                                 if kernstad else ""))
    bronnen.regel(*herkomst.FIGUUR_REGELS["raster"])
    welke = st.radio("Indicator", [k.kw_ind, k.ov_ind], format_func=views.naam, horizontal=True,
                     key="wijktrends_rasterind")
    bronnen.toon(k.niveau, welke)
    with st.spinner("Raster berekenen (enkele seconden, daarna bewaard)..."):
        cel_van, cel_tot = views.raster(k.niveau, welke, van), views.raster(k.niveau, welke, tot)
    if cel_tot.empty:
        st.info("Geen vierkanten met genoeg waarnemingen voor deze indicator.")
        st.stop()
    delta = cel_tot.set_index("code")["waarde"] - cel_van.set_index("code")["waarde"]
    beter = vk.HOGER_IS_BETER.get(welke, True)
    niveau_k, niveau_leg = tr.niveau_klassen(cel_tot.set_index("code")["waarde"], beter)
    ontw_k, ontw_leg = tr.ontwikkeling_klassen(delta, beter)
    toon_r = st.radio("Kaart", ["niveau", "ontwikkeling"], horizontal=True, key="wijktrends_raster_kaart",
                      format_func={"niveau": f"Niveau {tot}", "ontwikkeling": f"Ontwikkeling {van}-{tot}"}.get)
    with st.spinner("Kaart tekenen..."):  # the map takes the full width, its legend under it
        if toon_r == "niveau":
            kaart, leg = maps.raster_deck(cel_tot, niveau_k, tr.NIVEAU_KLEUREN, cel_tot.set_index("code")["waarde"],
                                          views.naam(welke), "raster_niveau", hoogte=560), niveau_leg
        else:
            kaart, leg = maps.raster_deck(cel_tot, ontw_k, tr.ONTWIKKELING_KLEUREN, delta, "Verandering",
                                          "raster_ontw", hoogte=560), ontw_leg
        show(kaart, key="wijktrends_raster")
    eigen = int(cel_tot["eigen"].sum())
    st.markdown(f"**{views.naam(welke)}**, {len(cel_tot)} vierkanten")
    st.caption(f"{eigen} van de {len(cel_tot)} vierkanten met een eigen waarde (niveau vierkant); de andere "
               "met de naar oppervlakte verdeelde waarde van de gebieden." if eigen else
               "Alle vierkanten met de naar oppervlakte verdeelde waarde van de gebieden (geen waarden per vierkant "
               "geladen voor deze indicator en dit jaar).")
    st.html(legend_html(leg, naast=True))
    uit = cel_tot[["cel_x", "cel_y", "waarde"]].assign(verandering=cel_tot["code"].map(delta))
    downloads.knop("Download het raster als CSV",
                   csv_bytes(uit, bronnen.csv_bron(k.niveau, welke, regels=herkomst.FIGUUR_REGELS["raster"])),
                   f"hkd_raster_100m_{welke}_{tot}.csv", "text/csv", key="wijktrends_raster_csv")

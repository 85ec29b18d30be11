"""Wijktrends weergave "Door de jaren": lines per area against the average, and Figuur 3-x per group against NL."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.taal import aantal
from dashboard.trends import bronnen
from dashboard.trends import indicatoren as views
from dashboard.trends import toestand as state
from dashboard.trends.keuzes import Keuzes
from dashboard.widgets import downloads
from geo import herkomst
from geo import trends as tr
from geo import veerkracht as vk
from reports.veilig import csv_bytes


def toon(k: Keuzes) -> None:
    """The line chart of the chosen areas (a click selects an area), then Figuur 3-x."""
    niveau, namen, gekozen = k.niveau, k.namen, k.gekozen
    ind = st.radio("Indicator", [k.kw_ind, k.ov_ind], format_func=views.naam, horizontal=True,
                   key="wijktrends_lijnind")
    data = views.reeks(niveau, ind)
    data = data[data["gebied_code"].isin(namen)]  # the analysis area
    standaard = [gekozen] if gekozen else [c for c in sorted(namen, key=namen.get) if namen[c] in vk.NPRZ][:3]
    keuze = st.multiselect("Gebieden in de grafiek", sorted(namen, key=namen.get), default=standaard,
                           format_func=namen.get, key=f"wijktrends_lijnen_{niveau}_{gekozen}",
                           placeholder="Kies een of meer gebieden")
    lijn = tr.gebieden_tegen_gemiddelde(data, keuze, namen)
    st.plotly_chart(views.lijn_grafiek(lijn, {c: namen[c] for c in keuze}, views.naam(ind), views.naam(ind), gekozen),
                    key="wijktrends_grafiek_lijn", on_select=state.grafiek_callback("wijktrends_grafiek_lijn"),
                    selection_mode="points")
    downloads.knop("Download als CSV", csv_bytes(lijn, bronnen.csv_bron(niveau, ind)),
                   f"hkd_{ind}_{niveau}_reeks.csv", "text/csv", key="wijktrends_lijn_csv")
    bronnen.toon(niveau, ind)
    _figuur_3(k, ind)


def _figuur_3(k: Keuzes, ind: str) -> None:
    niveau = k.niveau
    st.markdown("**Figuur 3-x: per eigendomstype en per aandeel corporatiebezit**")
    figuur_opties = [i for i in views.FIGUUR_3 if i in k.per_niveau[niveau]] or [ind]
    fig_ind = st.selectbox("Indicator (Figuur 3-1 tot 3-17)", figuur_opties, format_func=views.naam,
                           key="wijktrends_figuur_ind")
    fig_data = views.reeks(niveau, fig_ind)
    fig_data = fig_data[fig_data["gebied_code"].isin(k.namen)]  # the analysis area
    if weg := int(fig_data["waarde"].isna().sum()):  # withheld by the public view (footnote 6, CBS rule)
        st.caption(f"{aantal(weg, 'gebiedswaarde', 'gebiedswaarden')} van {views.naam(fig_ind)} niet getoond en in "
                   "geen gemiddelde meegeteld: te weinig waarnemingen (minder dan 10, voor inkomensgegevens minder "
                   "dan 100) of te weinig inwoners. Zie 'Openbaarmaking van indicatoren'.")
    nl_ref = views.referentie(fig_ind)
    score = tr.relatieve_vorm(fig_data) == "verschil"
    if score:  # Leefbaarometer scores: 0 is the Dutch mean by construction
        nl_ref = pd.Series(0.0, index=sorted(fig_data["jaar"].unique()))
    ref_naam = "Nederland" if score or not nl_ref.empty else "gemiddelde alle gebieden"
    st.caption("Ten opzichte van het gemiddelde in Nederland (" + ("0 = Nederland" if score else "100 = Nederland")
               + ")." if ref_naam == "Nederland" else "Geen Nederlands gemiddelde geladen voor deze indicator: "
               "ten opzichte van het gemiddelde van alle gebieden.")
    bronnen.regel(*herkomst.FIGUUR_REGELS["3-x"])
    bronnen.toon(niveau, fig_ind, "dominant_eigendom", "aandeel_corporatie")
    g1, g2 = st.columns(2)
    eig, corp = views.reeks(niveau, "dominant_eigendom"), views.reeks(niveau, "aandeel_corporatie")
    for kolom, groep_reeks, fn, volgorde, titel in (
        (g1, eig, tr.eigendom_klasse, list(tr.EIGENDOM.values()), "naar dominant eigendom"),
        (g2, corp, tr.corporatie_klasse, [c[0] for c in tr.CORPORATIE_KLASSEN], "naar aandeel corporatiebezit"),
    ):
        with kolom:
            if groep_reeks.empty:
                st.info(f"Geen gegevens om {titel} te groeperen op dit niveau.")
                continue
            laatste = groep_reeks[groep_reeks["jaar"] == groep_reeks["jaar"].max()]
            groep = laatste.set_index("gebied_code")["waarde"].map(fn)
            per = tr.per_groep(fig_data, groep, None if nl_ref.empty else nl_ref)
            st.plotly_chart(views.groep_grafiek(per, f"{views.naam(fig_ind)} {titel}", volgorde, ref_naam),
                            key=f"wt_groep_{titel}")
            downloads.knop("Download als CSV", csv_bytes(per, bronnen.csv_bron(
                niveau, fig_ind, regels=herkomst.FIGUUR_REGELS["3-x"])),
                           f"hkd_{fig_ind}_{titel.replace(' ', '_')}.csv", "text/csv", key=f"wt_groep_csv_{titel}")

"""The provider's view of the Platform page: aanbod and spreiding at the per-PC4 level of the provider layer
(aggregates of all providers, no addresses), and the city's uitstroom figures."""

from __future__ import annotations

import streamlit as st

from dashboard import db
from dashboard.kaart.maps import legend_html, show
from dashboard.kaart.pc4_map import pc4_count_deck
from dashboard.platform.view import uitstroom_koppen
from dashboard.widgets.tabel import toon as toon_tabel
from geo import herkomst
from queries import aanbieder, platform


def toon() -> None:
    """Aanbod per woonvorm now, spreiding per postcode area ranked, uitstroom per year."""
    st.write("Cijfers van alle aanbieders samen, per woonvorm en per postcodegebied (zoals op de Aanbiederskaart). "
             "De analyse per wijk tegen het inwonertal is er voor HKD.")
    with st.spinner("Cijfers laden..."):
        totaal = db.run_cached(aanbieder.pc4_totaal)
        per_woonvorm = db.run_cached(aanbieder.pc4_woonvorm)
        uitstroom = db.run_cached(platform.uitstroom, ttl="kort")
    st.subheader("Aanbod per woonvorm")
    toon_tabel(per_woonvorm.groupby("woonvorm", as_index=False)[["voorzieningen", "plaatsen"]].sum().rename(
        columns={"woonvorm": "Woonvorm", "voorzieningen": "Voorzieningen", "plaatsen": "Plaatsen"}),
        hide_index=True, width="stretch")
    st.subheader("Spreiding per postcodegebied")
    kaart, legenda = pc4_count_deck(totaal, "plaatsen", "Plaatsen", extra_tooltip="\nVoorzieningen: {voorzieningen}",
                                    height=480)
    show(kaart)
    st.html("<b>Plaatsen per postcodegebied</b>" + legend_html(legenda, naast=True))
    rang = totaal[totaal["voorzieningen"] > 0].sort_values("plaatsen", ascending=False)
    toon_tabel(rang[["pc4", "plaats", "voorzieningen", "plaatsen", "aantal_aanbieders"]].rename(columns={
        "pc4": "Postcode", "plaats": "Plaats", "voorzieningen": "Voorzieningen", "plaatsen": "Plaatsen",
        "aantal_aanbieders": "Aanbieders"}), hide_index=True, width="stretch")
    st.subheader("Uitstroom naar een corporatiewoning")
    stad = uitstroom[uitstroom["corporatie_code"].isna()]
    if stad.empty:
        st.info("Nog geen uitstroomcijfers.")
    else:
        toon_tabel(uitstroom_koppen(stad, ["jaar", "kwartaal", "uitstromers", "directe_bemiddeling",
                                           "reguliere_urgentie", "wachttijd_maanden"]),
                   hide_index=True, width="stretch")
        st.caption(herkomst.zin("wachttijd_norm"))

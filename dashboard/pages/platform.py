"""Platform HKD: vraag en aanbod, spreiding over de stad, uitstroom; the report for the Platform meeting."""

from datetime import timedelta

import streamlit as st

from core.kalender import vandaag
from dashboard.platform import view as pv
from dashboard.toegang.auth import require_role

st.title("Platform HKD: vraag en aanbod")
user = require_role("aanbieder", "hkd")

if user.rol == "aanbieder":
    from dashboard.platform import aanbieder as platform_aanbieder

    platform_aanbieder.toon()
    st.stop()

k1, k2 = st.columns(2)
peildatum = k1.date_input("Peildatum", value=vandaag(), min_value=pv.EERSTE_DATUM, max_value=vandaag(),
                          format="DD-MM-YYYY", key="platform_peildatum")
vorige = k2.date_input("Vergelijken met (vorige rapportage)", value=vandaag() - timedelta(days=365),
                       min_value=pv.EERSTE_DATUM, max_value=vandaag(), format="DD-MM-YYYY", key="platform_vorige")
if vorige >= peildatum:
    st.warning("De vergelijkingsdatum ligt niet voor de peildatum; vergeleken wordt met een jaar eerder.")
    vorige = max(pv.EERSTE_DATUM, peildatum - timedelta(days=365))
with st.spinner("Cijfers verzamelen..."):
    cijfers = pv.cijfers(peildatum, vorige)
pv.rapport_knop(cijfers, user.naam)
pv.ritme()

# Only the open tab runs (on_change="rerun"): the spreiding map of 3,000 gebieden and the Lorenz curves are not
# built and sent on every rerun of the Aanbod tab. The open tab is kept in st.session_state["platform_tab"].
aanbod, uitstroom, spreiding, doelen = st.tabs(["Aanbod", "Uitstroom", "Spreiding", "Doelen en partijen"],
                                               key="platform_tab", on_change="rerun")
with aanbod:
    if aanbod.open:
        pv.aanbod(cijfers)
with uitstroom:
    if uitstroom.open:
        pv.uitstroom(cijfers)
        pv.uitstroom_laden()
with spreiding:
    if spreiding.open:
        pv.spreiding(cijfers)
with doelen:
    if doelen.open:
        pv.doelen_beheer()

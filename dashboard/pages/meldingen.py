"""Meldingen: the meldingenregister and meldkaart per location; for HKD also commissies, verbeteracties, planning."""

from datetime import timedelta

import streamlit as st

from core.kalender import vandaag
from dashboard.kaart.kader import buiten_beeld_tekst
from dashboard.kaart.maps import show
from dashboard.meldingen import view as mv
from dashboard.toegang.auth import require_role
from dashboard.widgets import bron
from dashboard.widgets.tabel import toon as toon_tabel

st.title("Meldingen")
user = require_role("aanbieder", "hkd")
if bericht := st.session_state.pop(mv.BERICHT, None):
    st.success(bericht, icon=":material/check_circle:")

nrm = mv.normen()
k1, k2 = st.columns(2)
van = k1.date_input("Van", value=vandaag() - timedelta(days=90), max_value=vandaag(), format="DD-MM-YYYY",
                    key="meldingen_van")
tot = k2.date_input("Tot en met", value=vandaag(), max_value=vandaag(), format="DD-MM-YYYY",
                    key="meldingen_tot")
if van > tot:
    st.error("De begindatum ligt na de einddatum.")
    st.stop()
st.caption(mv.norm_tekst(nrm))

with st.spinner("Meldingen tellen..."):
    frame = mv.per_locatie(van, tot, nrm)
locaties = mv.locaties_keuze()

# keyed and tracked: a rerun after a registration or an upload stays on the tab the user works in
tab_kaart, tab_vastleggen, tab_commissies = st.tabs(["Meldkaart", "Vastleggen en inlezen", "Beheercommissies"],
                                                    key="meldingen_tab", on_change="rerun")
with tab_kaart:
    mv.log_meldkaart(frame, van, tot)
    kaart = show(mv.meldkaart(frame, nrm, hoogte=560), on_select="rerun", selection_mode="single-object",
                 key="meldkaart")
    if buiten := buiten_beeld_tekst(frame):
        st.caption(buiten)
    st.html(mv.meldkaart_legenda())
    bron.toon((bron.MELDINGEN, bron.REGISTER), "meldingen_ringen", "afhandel_norm")
    ringen = [f"ring_{s}" for s in nrm.ring_meters]
    tabel = frame[["code", "naam", "fase", "aantal", "buiten_norm", "open", "gem_afhandel_dagen", *ringen]].rename(
        columns={"code": "Code", "naam": "Locatie", "fase": "Fase", "aantal": "Meldingen",
                 "buiten_norm": f"Niet binnen {nrm.afhandel_norm_dagen} dagen", "open": "Open",
                 "gem_afhandel_dagen": "Gem. afhandeltijd (dagen)",
                 **{f"ring_{s}": f"Binnen {s} m" for s in nrm.ring_meters}})
    keuze = toon_tabel(tabel, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                       key="meldingen_tabel")
    gekozen = None
    if keuze and keuze.selection.rows:
        gekozen = frame.iloc[keuze.selection.rows[0]]
    elif kaart and kaart.selection.objects.get("meldingen"):
        gekozen_id = int(kaart.selection.objects["meldingen"][0]["id"])
        gekozen = frame[frame["id"] == gekozen_id].iloc[0]
    if gekozen is None:
        codes = dict(zip(frame["code"] + " " + frame["naam"], frame["id"], strict=True))
        naam = st.selectbox("Of kies een locatie", list(codes), index=None, placeholder="Kies een locatie",
                            key="meldingen_locatie",
                            help="Klik een regel of een cirkel op de kaart, of kies hier, voor de meldingen per maand.")
        if naam:
            gekozen = frame[frame["id"] == codes[naam]].iloc[0]
    if gekozen is not None:
        mv.locatie_detail(gekozen, van, tot, nrm)
    if user.rol == "hkd":
        st.subheader("Signalen voor de agenda van het Sturingsoverleg")
        mv.signalen_sectie(tot)

with tab_vastleggen:
    st.subheader("Melding vastleggen")
    mv.registreer_formulier(locaties)
    st.subheader("Meldingen inlezen uit een bestand")
    mv.import_sectie()

with tab_commissies:
    st.subheader("Beheercommissies")
    mv.commissie_sectie(vandaag(), locaties)
    if user.rol == "hkd":
        st.subheader("Verbeteracties (fase 3a)")
        mv.verbeteracties_sectie(vandaag())
        mv.status_formulier(vandaag())
        with st.expander("Nieuwe verbeteractie"):
            mv.verbeteractie_formulier(locaties)
        st.subheader("Extra inzet (fase 3b)")
        with st.expander("Extra inzet vastleggen (boa's, politie, camera)"):
            mv.extra_inzet_formulier(locaties)
        st.subheader("Planning van de inventarisatie")
        mv.planning_sectie(vandaag())

"""Initiatieven: new initiatives through the stappenplan (HKD: all, with scans and advice; provider: its own)."""


import streamlit as st

from core.taal import aantal
from dashboard import inzage
from dashboard.initiatieven import view as iv
from dashboard.kaart.maps import show
from dashboard.toegang.auth import require_role
from dashboard.widgets import tabel

st.title("Initiatieven")
user = require_role("hkd", "aanbieder")
hkd = user.rol == "hkd"
st.write("Nieuwe initiatieven doorlopen het stappenplan van het convenant: aangemeld, draagkrachtscan, bespreking "
         "in het Sturingsoverleg, advies, (bij beschermd wonen en opvang) collegebesluit, (bij een ruimtelijke "
         "procedure) die procedure, beheerafspraken en gerealiseerd. Elke stap staat vast met datum, wie en waarom.")
if melding := st.session_state.pop("initiatief_melding", None):
    st.success(melding, icon=":material/check_circle:")

with st.spinner("Initiatieven laden..."):
    lijst = iv.lijst(hkd)

# keyed and tracked: a rerun after saving a scan or an advice stays on the tab the user works in
tab_lijst, tab_detail, tab_voorstellen = st.tabs(
    ["Overzicht per stap", "Initiatief", "Voorstellen van aanbieders" if hkd else "Mijn voorstellen"],
    key="initiatieven_tab", on_change="rerun")

with tab_lijst:
    if not hkd:
        iv.indien_formulier(user)
    if lijst.empty:
        st.info("Er zijn nog geen initiatieven.")
    else:
        gefilterd = iv.filters(lijst)
        st.caption(f"{len(gefilterd)} van {aantal(len(lijst), 'initiatief', 'initiatieven')}, op volgorde van de stappen; 'Dagen in stap' is "
                   "hoe lang het initiatief al in zijn huidige stap staat.")
        tabel.toon(iv.lijst_tabel(gefilterd), leeg="Geen initiatieven met deze keuzes.", hide_index=True,
                   width="stretch")
        if hkd:
            st.markdown("**Kaart van de kandidaatadressen** (alleen HKD: dit zijn adressen)")
            if st.toggle("Toon de kaart", key="initiatieven_kaart"):
                punten = iv.alle_kandidaten()
                punten = punten[punten["initiatief_id"].isin(gefilterd["id"])]
                if not punten.empty:
                    inzage.vastleggen("initiatieven", "kaart van kandidaatadressen van initiatieven",
                                      {"kandidaten": punten["id"].tolist()},
                                      sleutel=("kaart", tuple(punten["id"].tolist())))
                    show(iv.kandidaten_deck(punten, hoogte=480))
                    st.html(iv.stap_legenda())

with tab_detail:
    if lijst.empty:
        st.caption("Kies een initiatief zodra er een is.")
    else:
        ids = lijst["id"].tolist()
        # A keyed widget keeps every choice (an unkeyed one whose index followed its own state lost every other
        # change); a write elsewhere on the page asks for another through iv.KIES. The browser keeps the chosen
        # option by its label, so a label never changes with the data: with the step in it, the first kept scan
        # (aangemeld -> draagkrachtscan) left the browser with a label no option had and the page jumped to the
        # first initiative on the next click. The step is in the heading below.
        if (volgende := st.session_state.pop(iv.KIES, None)) in ids:
            st.session_state["initiatief_keuze"] = volgende
        if st.session_state.get("initiatief_keuze") not in ids:
            st.session_state["initiatief_keuze"] = ids[0]
        namen = dict(zip(lijst["id"], lijst["naam"], strict=True))
        keuze = st.selectbox("Initiatief", ids, key="initiatief_keuze", format_func=lambda i: f"{i}: {namen[i]}")
        row = iv.initiatief(int(keuze))
        kandidaten = iv.kandidaten(int(keuze))
        iv.koptekst(row)
        st.markdown("**Stappen**")
        historie = iv.historie(int(keuze))
        tabel.toon(historie, hide_index=True, width="stretch")
        st.markdown("**Kandidaatadressen**")
        tabel.toon(kandidaten[["omschrijving", "bron", "buurt_code", "gebied_code"]].rename(columns={
            "omschrijving": "Kandidaat", "bron": "Bron", "buurt_code": "Buurt", "gebied_code": "Gebied"}),
            leeg="Nog geen kandidaatadressen.", hide_index=True, width="stretch")
        if hkd and not kandidaten.empty:
            inzage.vastleggen("initiatieven", "kandidaatadressen van een initiatief",
                              {"initiatief": int(keuze), "kandidaten": kandidaten["id"].tolist()},
                              sleutel=("detail", int(keuze)))
            show(iv.kandidaten_deck(kandidaten, kleur_kolom="kandidaat", hoogte=360))
            st.caption("Letters A, B, C: de kandidaten in de volgorde van de tabel.")
            iv.scans_sectie(row, kandidaten, user)
            iv.vergelijk_sectie(row, kandidaten)
            iv.ruimtelijk_formulier(row)
            iv.stap_formulier(row)
            iv.realiseren_formulier(row, kandidaten)
        elif not hkd:
            st.caption("HKD voert de draagkrachtscan uit en bespreekt het initiatief in het Sturingsoverleg; "
                       "u ziet hier elke stap zodra die is vastgelegd.")
            iv.intrek_formulier(row)

with tab_voorstellen:
    voorstellen = iv.voorstellen()
    if not hkd:
        iv.voorstel_formulier(user, iv.eigen_locaties())
    if voorstellen.empty:
        st.caption("Nog geen voorstellen.")
    else:
        tabel.toon(iv.voorstellen_tabel(voorstellen), hide_index=True, width="stretch")
    if hkd:
        iv.beoordeel_formulier(voorstellen)
        st.caption("Een voorstel is geen feit: pas een goedkeuring voegt één regel toe aan de beheerstatus (of "
                   "wijzigt het aantal plaatsen), met een verwijzing naar het voorstel.")

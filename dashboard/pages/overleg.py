"""Overleg: prepare, run and follow up a Sturingsoverleg or Platform meeting; every open screen follows live."""

import streamlit as st

from dashboard.ladder import view as lv
from dashboard.overleg import view as ov
from dashboard.toegang.auth import require_role

st.title("Overleg")
user = require_role("hkd")

v = ov.kies_vergadering()
presentatie = st.toggle("Presentatie (groot scherm)", key="overleg_presentatie",
                        help="Grote letters, één agendapunt tegelijk, zonder agendabeheer.")
if presentatie:
    st.html(ov.GROOT_SCHERM_CSS)
ov.toon_melding()

if v is None:
    st.info("Er is nog geen vergadering. Maak er een aan met 'Nieuwe vergadering'.")
    st.stop()

with st.spinner("Agenda ophalen..."):
    locaties = lv.locaties_op(v.datum)
    punten, stand = ov.agenda_en_stand(v)
ov.live_volgen(v, (v.id, stand.huidig_punt_id, stand.versie, stand.besluiten))

if not presentatie:
    st.caption(ov.plaats_en_deelnemers(v))
    ov.voorbereiding(v, punten, locaties)
    st.divider()

stap = ov.stapper(v, user, punten)
if stap is None:
    st.info("Er staat niets op de agenda. Voeg een punt toe of werk de voorstellen bij.")
else:
    row = ov.agendapunt(v, stap, punten, locaties)
    st.subheader("Besluit of actie vastleggen")
    ov.besluit_formulier(v, stap, punten, row, user)

if not presentatie:
    ov.status_knoppen(v)
    from dashboard.initiatieven import (
        overleg as initiatieven_overleg,  # advice on initiatives and approval of proposals (issue 12)
    )

    st.divider()
    initiatieven_overleg.sectie(v)
# keyed: a rerun that adds or drops an element above (a confirmation shown once) keeps it open or closed as it was
with st.expander("Besluitenlijst, actielijst en downloads", expanded=not presentatie,
                 key=f"overleg_downloads_{'groot' if presentatie else 'normaal'}"):
    ov.exports_sectie(v, punten)

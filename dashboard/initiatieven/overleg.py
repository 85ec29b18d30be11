"""A section of the Overleg page: initiatives waiting for advice and provider proposals waiting for approval.

The advice or approval is recorded live, on the meeting's date, and lands as a line in the meeting's own
besluitenlijst (with its PDF/Excel) together with the step in the stappenplan, in one transaction."""

from __future__ import annotations

import streamlit as st

from core.domain import ADVIEZEN, FASE_BY_CODE, FASE_CODES
from dashboard import db
from dashboard.initiatieven import view as iv
from geo.stappenplan import OngeldigeStap
from queries import initiatieven as q
from queries import vergaderingen as vg
from queries.vergaderingen import Vergadering
from reports.veilig import md_tekst


def sectie(v: Vergadering) -> None:
    voorstellen = db.run_query(q.agenda_voorstellen, v.datum)
    wachten = [x for x in voorstellen if x.bron == "initiatief"]
    st.subheader(f"Initiatieven en voorstellen ({len(voorstellen)})")
    for x in voorstellen:
        st.markdown(f"- **{md_tekst(x.titel)}**: " + "; ".join(md_tekst(r) for r in x.redenen))
    if wachten:
        with st.form("overleg_advies", clear_on_submit=True):
            st.markdown("**Advies vastleggen** (bewaarde scans staan bij het initiatief op de pagina Initiatieven)")
            keuze = st.selectbox("Initiatief", [x.sleutel for x in wachten],
                                 format_func=lambda s: next(x.titel for x in wachten if x.sleutel == s))
            advies = st.radio("Advies", list(ADVIEZEN), format_func=ADVIEZEN.get, horizontal=True)
            voorwaarden = st.text_area("Voorwaarden (verplicht bij voorwaardelijk)")
            fase = st.selectbox("Startfase", FASE_CODES, format_func=lambda c: f"Fase {c}: {FASE_BY_CODE[c].naam}")
            reden = st.text_area("Toelichting bij het advies")
            if st.form_submit_button("Advies vastleggen", type="primary"):
                ini = int(keuze.split(":")[1])
                try:
                    db.run_write(vg.leg_advies_vast, v.id, ini, advies, voorwaarden,
                                 None if advies == "negatief" else fase, reden)
                except OngeldigeStap as exc:
                    st.error(f"Niet vastgelegd: {exc}.")
                else:
                    st.session_state["overleg_melding"] = ("success", f"Advies over initiatief {ini} vastgelegd en "
                                                                     "in de besluitenlijst gezet.")
                    st.rerun()
    if any(x.bron == "voorstel" for x in voorstellen):
        iv.beoordeel_formulier(db.run_query(q.voorstellen), vergadering_id=v.id, key="overleg_voorstel")

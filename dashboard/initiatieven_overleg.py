"""A small section of the Overleg page: initiatives waiting for advice and proposals waiting for approval, the
advice or approval recorded live with the meeting date, and their besluitenlijst (PDF/Excel).

The meeting's own agenda (issue of the meetings developer) takes these items through
``queries.initiatieven.agenda_voorstellen``; until that is merged this section lists them itself."""

from __future__ import annotations

from datetime import date
from functools import partial

import streamlit as st

from core.domain import ADVIEZEN, FASE_BY_CODE, FASE_CODES
from dashboard import db
from dashboard import initiatieven_view as iv
from geo.stappenplan import OngeldigeStap
from queries import initiatieven as q
from reports import initiatieven_exports as ex

PDF, XLSX = "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def sectie(datum: date) -> None:
    voorstellen = db.run_query(q.agenda_voorstellen, datum)
    wachten = [v for v in voorstellen if v.bron == "initiatief"]
    st.subheader(f"Initiatieven en voorstellen ({len(voorstellen)})")
    for v in voorstellen:
        st.markdown(f"- **{v.titel}**: " + "; ".join(v.redenen))
    if wachten:
        with st.form("overleg_advies", clear_on_submit=True):
            st.markdown("**Advies vastleggen** (bewaarde scans staan bij het initiatief op de pagina Initiatieven)")
            keuze = st.selectbox("Initiatief", [v.sleutel for v in wachten],
                                 format_func=lambda s: next(v.titel for v in wachten if v.sleutel == s))
            advies = st.radio("Advies", list(ADVIEZEN), format_func=ADVIEZEN.get, horizontal=True)
            voorwaarden = st.text_area("Voorwaarden (verplicht bij voorwaardelijk)")
            fase = st.selectbox("Startfase", FASE_CODES, format_func=lambda c: f"Fase {c}: {FASE_BY_CODE[c].naam}")
            reden = st.text_area("Toelichting bij het advies")
            if st.form_submit_button("Advies vastleggen", type="primary"):
                ini = int(keuze.split(":")[1])
                try:
                    db.run_write(q.advies_vastleggen, ini, advies, voorwaarden, datum,
                                 None if advies == "negatief" else fase, reden)
                except OngeldigeStap as exc:
                    st.error(f"Niet vastgelegd: {exc}.")
                else:
                    st.session_state["overleg_melding"] = ("success", f"Advies over initiatief {ini} vastgelegd.")
                    st.rerun()
    if any(v.bron == "voorstel" for v in voorstellen):
        iv.beoordeel_formulier(db.run_query(q.voorstellen), overleg_datum=datum, key="overleg_voorstel")
    besluiten = db.run_query(q.besluiten_op, datum)
    if not besluiten.empty:
        st.markdown("**Besluiten over initiatieven en voorstellen in dit overleg**")
        st.dataframe(ex.besluiten_tabel(besluiten), hide_index=True, width="stretch")
        naam = f"{datum:%Y%m%d}"
        k1, k2 = st.columns(2)
        k1.download_button("Besluiten initiatieven (PDF)", partial(ex.besluitenlijst_pdf, datum, besluiten),
                           f"hkd_besluiten_initiatieven_{naam}.pdf", PDF, on_click="ignore")
        k2.download_button("Besluiten initiatieven (Excel)", partial(ex.besluitenlijst_xlsx, datum, besluiten),
                           f"hkd_besluiten_initiatieven_{naam}.xlsx", XLSX, on_click="ignore")

"""Overleg: run a Sturingsoverleg from the map: agenda by urgency, one item at a time, decisions recorded live."""

from datetime import date

import streamlit as st

from dashboard import ladder_view as lv
from dashboard import overleg_view as ov
from dashboard.auth import require_role

st.title("Overleg")
user = require_role("hkd")

kop_links, kop_rechts = st.columns([2, 1])
datum = kop_links.date_input("Datum van het overleg", value=date.today(), format="DD-MM-YYYY", key="overleg_datum")
presentatie = kop_rechts.toggle("Presentatie (groot scherm)", key="overleg_presentatie",
                                help="Grote letters, één agendapunt tegelijk, zonder agendabeheer.")
if presentatie:
    st.html(ov.GROOT_SCHERM_CSS)
if melding := st.session_state.pop("overleg_melding", None):
    st.success(melding, icon=":material/check_circle:")

with st.spinner("Agenda opbouwen..."):
    locaties = lv.locaties_op(datum)
    items = ov.agenda_items(datum, locaties)

if not presentatie:
    st.subheader(f"Agenda ({len(items)} punten)")
    st.caption("Op volgorde van urgentie: fase 3b, 3a en 2 eerst, dan locaties waarvan de fase sinds het vorige "
               "overleg veranderde, dan het aantal open beheeracties. Punten kunnen met de hand worden toegevoegd "
               "en verplaatst.")
    ov.agenda_beheer(datum, items, locaties)
    st.divider()

if not items:
    st.info("Er staat niets op de agenda voor deze datum. Voeg een locatie toe om een besluit vast te leggen.")
else:
    stap = ov.stapper(datum, items)
    item = items[stap]
    row = locaties[locaties["id"] == item.locatie_id].iloc[0]
    ov.agendapunt(item, row, locaties)
    st.subheader("Besluit vastleggen")
    ov.besluit_formulier(row, datum, user)

if not presentatie:
    from dashboard import initiatieven_overleg

    st.divider()
    initiatieven_overleg.sectie(datum)

with st.expander("Besluitenlijst en downloads", expanded=not presentatie):
    ov.exports_sectie(datum, items)

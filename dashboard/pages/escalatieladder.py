"""Escalatieladder: the fase of every location on a chosen date."""

from datetime import date

import streamlit as st

from dashboard import db
from hkd.domain import FASES, INVENTARISATIE_DATUM
from queries.besluiten import fase_counts
from queries.fasen import locaties_met_fase

st.title("Escalatieladder")
op = st.date_input("Stand per datum", value=date.today(), min_value=INVENTARISATIE_DATUM, format="DD-MM-YYYY")

counts = db.run_query(fase_counts, op)
for col, fase in zip(st.columns(len(FASES)), FASES, strict=True):
    col.metric(f"{fase.symbool} Fase {fase.code}", counts[fase.code], help=f"{fase.naam}: {fase.betekenis}")

lijst = db.run_query(locaties_met_fase, op)
st.dataframe(
    lijst[["code", "naam", "aanbieder", "woonvorm", "plaatsen", "buurt", "fase", "fase_sinds"]].rename(
        columns={"code": "Code", "naam": "Locatie", "aanbieder": "Aanbieder", "woonvorm": "Woonvorm",
                 "plaatsen": "Plaatsen", "buurt": "Wijk", "fase": "Fase", "fase_sinds": "Fase sinds"}
    ),
    hide_index=True,
    width="stretch",
)

"""Draagkrachtscan: how many places each wijk already carries, per 1,000 inhabitants."""

import streamlit as st

from dashboard import db
from queries.overzicht import plaatsen_per_buurt

st.title("Draagkrachtscan")
st.write("Plaatsen in voorzieningen per wijk (CBS-buurt), ook per 1.000 inwoners.")
tabel = db.run_query(plaatsen_per_buurt)
st.dataframe(
    tabel.drop(columns=["code"]).rename(
        columns={"buurt": "Wijk", "voorzieningen": "Voorzieningen", "plaatsen": "Plaatsen", "inwoners": "Inwoners",
                 "per_1000": "Plaatsen per 1.000 inwoners"}
    ),
    hide_index=True, width="stretch",
)

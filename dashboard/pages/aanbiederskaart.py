"""Aanbiederskaart: facilities per postcode area with extended information (woonvorm, places)."""

import streamlit as st

from dashboard import db
from queries.overzicht import woonvorm_per_pc4

st.title("Aanbiederskaart: voorzieningen per postcodegebied en woonvorm")
tabel = db.run_query(woonvorm_per_pc4)
st.dataframe(
    tabel.rename(columns={"pc4": "Postcode", "woonvorm": "Woonvorm", "voorzieningen": "Voorzieningen",
                          "plaatsen": "Plaatsen"}),
    hide_index=True, width="stretch",
)

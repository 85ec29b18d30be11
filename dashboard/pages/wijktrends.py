"""Wijktrends: the Veerkracht indicators per wijk (CBS buurt) and year."""

import streamlit as st

from dashboard import db
from queries.overzicht import indicator_jaren, indicator_per_gebied

INDICATOREN = {"kwetsbare_groepen": "Index kwetsbare groepen", "overlast_onveiligheid": "Overlast en onveiligheid"}

st.title("Wijktrends")
indicator = st.selectbox("Indicator", list(INDICATOREN), format_func=INDICATOREN.get)
jaren = db.run_query(indicator_jaren, indicator)
if not jaren:
    st.info("Voor deze indicator zijn nog geen cijfers geladen.")
    st.stop()
jaar = st.select_slider("Jaar", options=jaren, value=jaren[-1])
tabel = db.run_query(indicator_per_gebied, indicator, jaar)
st.dataframe(
    tabel.drop(columns=["geometry"]).rename(columns={"code": "Code", "naam": "Wijk", "waarde": INDICATOREN[indicator]}),
    hide_index=True, width="stretch",
)

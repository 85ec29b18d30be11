"""Openbare kaart: facilities per postcode area (PC4), for everyone, read-only."""

import streamlit as st

from dashboard import db
from dashboard.maps import legend_html
from dashboard.pc4_map import pc4_count_deck
from queries.kaart import pc4_telling

st.title("Openbare kaart: voorzieningen per postcodegebied")
st.write(
    "Opvang- en woonvoorzieningen onder het Convenant Huisvesting Kwetsbare Doelgroepen, geteld per "
    "postcodegebied (4 cijfers). Adressen worden op deze kaart nooit getoond."
)

with st.spinner("Kaart laden..."):
    telling = db.run_query(pc4_telling)

maat = st.radio("Kleur de kaart naar", ["Aantal voorzieningen", "Aantal plaatsen"], horizontal=True)
kolom = "voorzieningen" if maat == "Aantal voorzieningen" else "plaatsen"
kaart, legenda = pc4_count_deck(telling, kolom, maat)

links, rechts = st.columns([4, 1])
with links:
    st.pydeck_chart(kaart, height=560)
with rechts:
    st.markdown(f"**{maat} per postcodegebied**")
    st.html(legend_html(legenda))

tabel = telling.drop(columns=["geometry"]).rename(
    columns={"pc4": "Postcode", "plaats": "Plaats", "voorzieningen": "Voorzieningen", "plaatsen": "Plaatsen"}
)
st.dataframe(tabel, hide_index=True, width="stretch")
st.download_button(
    "Download als CSV", tabel.to_csv(index=False).encode("utf-8"), "hkd_voorzieningen_per_pc4.csv", "text/csv"
)

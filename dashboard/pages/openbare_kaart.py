"""Openbare kaart: facilities per postcode area (PC4), for everyone, read-only, disclosure-controlled."""


import pandas as pd
import streamlit as st

from core.kalender import vandaag
from core.settings import get_settings
from core.taal import aantal
from dashboard.kaart.maps import legend_html
from dashboard.kaart.pc4_map import HIDDEN_LABEL, pc4_kaart
from dashboard.lagen.publiek import openbare_kaart
from dashboard.widgets import bron
from geo.disclosure import controleer_kaart
from reports.openbare_kaart_html import CREDIT, statische_kaart, vertrouwelijk_zinnen
from reports.veilig import csv_bytes

st.title("Openbare kaart: voorzieningen per postcodegebied")
st.write("Opvang- en woonvoorzieningen onder het Convenant HKD, geteld per postcodegebied (4 cijfers). "
         "Adressen worden nooit getoond.")
with st.spinner("Kaart laden..."):
    data = openbare_kaart()

# Defence in depth: the public views already apply the rule; refuse to draw anything that breaks it anyway.
if controleer_kaart(data.pc4_woonvorm, data.pc4, data.regel, data.vertrouwelijke_namen):
    st.error("De cijfers voldoen niet aan de openbaarmakingsregel en worden daarom niet getoond.")
    st.stop()

# search and colour choice on one row, then the map at the full width: above the fold on a 1400x900 laptop
zoekvak, keuze = st.columns([3, 2], vertical_alignment="bottom")
maat = keuze.radio("Kleur de kaart naar", ["Aantal voorzieningen", "Aantal plaatsen"], horizontal=True)
kolom = "voorzieningen" if maat == "Aantal voorzieningen" else "plaatsen"
# the public map searches areas (and addresses) only, never a facility
gekozen, legenda = pc4_kaart(data.pc4, kolom, maat, "\nVoorzieningen: {voorzieningen}\nPlaatsen: {plaatsen}",
                             key="openbaar", height=500, locaties=False, zoekvak=zoekvak)
st.html(f"<b>{maat} per postcodegebied</b>" + legend_html(legenda, naast=True))
bron.toon((bron.REGISTER, bron.GRENZEN), "kaartlagen", "openbaarmaking_pc4")
# The public entry point is the published site (docs/publicatie.md); a button, not a grey caption link (contrast).
st.link_button("Deze kaart als openbare website (altijd de nieuwste cijfers)", get_settings().publicatie_url,
               icon=":material/public:")
if gekozen:
    rij = data.pc4[data.pc4["pc4"].astype(str) == gekozen].iloc[0]
    plaatsen = rij["plaatsen"] if pd.notna(rij["plaatsen"]) else HIDDEN_LABEL
    st.markdown(f"**Postcodegebied {gekozen}**: {aantal(int(rij['voorzieningen']), 'voorziening', 'voorzieningen')}, plaatsen: {plaatsen}. "
                "Klik een ander gebied of zoek opnieuw.")
st.caption(CREDIT)

with st.container(border=True):
    st.markdown("**Zo beschermen we adressen**")
    st.markdown("\n".join(f"- {zin}" for zin in data.regel.toelichting(data.vertrouwelijke_namen)))
    for zin in vertrouwelijk_zinnen(data):
        st.markdown(f"- {zin}")

tabel = data.pc4[data.pc4["voorzieningen"] > 0].drop(columns=["geometry"]).astype(object)
tabel["plaatsen"] = [HIDDEN_LABEL if str(v) == "<NA>" else str(v) for v in tabel["plaatsen"]]
tabel = tabel.rename(columns={"pc4": "Postcode", "plaats": "Plaats", "voorzieningen": "Voorzieningen",
                              "plaatsen": "Plaatsen"})
st.subheader("Per postcodegebied")
st.dataframe(tabel, hide_index=True, width="stretch")

per_woonvorm = data.pc4_woonvorm.drop(columns=["woonvorm"]).astype(object)
per_woonvorm["plaatsen"] = [HIDDEN_LABEL if str(v) == "<NA>" else str(v) for v in per_woonvorm["plaatsen"]]
per_woonvorm = per_woonvorm.rename(columns={"pc4": "Postcode", "woonvorm_naam": "Woonvorm",
                                            "voorzieningen": "Voorzieningen", "plaatsen": "Plaatsen"})
with st.expander("Per postcodegebied en woonvorm"):
    st.dataframe(per_woonvorm, hide_index=True, width="stretch")

c1, c2, c3 = st.columns(3)
c1.download_button("Download als CSV", csv_bytes(tabel, bron.actueel(bron.REGISTER)),
                   "hkd_voorzieningen_per_pc4.csv", "text/csv", on_click="ignore")  # a download changes nothing
c2.download_button("Download per woonvorm (CSV)", csv_bytes(per_woonvorm, bron.actueel(bron.REGISTER)),
                   "hkd_voorzieningen_per_pc4_woonvorm.csv", "text/csv", on_click="ignore")
c3.download_button("Download kaart om in te bedden (HTML)",
                   lambda: statische_kaart(data, vandaag().isoformat()).encode("utf-8"),  # built on click
                   "hkd_openbare_kaart.html", "text/html", on_click="ignore")

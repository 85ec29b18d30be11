"""Aanbiederskaart: per postcode area with extended information; the provider's own locations in detail."""

from functools import partial

import streamlit as st

from core.domain import BEHEERCOMMISSIE, BEHEERCONVENANT, FASE_BY_CODE
from core.taal import aantal
from dashboard import inzage
from dashboard.kaart.maps import legend_html
from dashboard.kaart.pc4_map import pc4_kaart
from dashboard.ladder import afspraken
from dashboard.lagen import aanbieder
from dashboard.toegang.auth import require_role
from dashboard.widgets import bron, downloads, tabel
from reports.veilig import csv_bytes

st.title("Aanbiederskaart: voorzieningen per postcodegebied en woonvorm")
user = require_role("aanbieder", "hkd")
st.write(
    "Alle voorzieningen onder het convenant per postcodegebied, met woonvorm, doelgroep, plaatsen en de "
    "aanbieders die er aanwezig zijn. Uw eigen locaties ziet u hieronder in detail. Deze kaart is niet openbaar."
)

with st.spinner("Kaart laden..."):
    totaal = aanbieder.pc4_totaal()
    per_woonvorm = aanbieder.pc4_woonvorm()

gekozen, legenda = pc4_kaart(totaal, "voorzieningen", "Voorzieningen",
                             "\nPlaatsen: {plaatsen}\nAanbieders: {aantal_aanbieders}",
                             key="aanbieder", height=560, locaties=True)
st.html("<b>Voorzieningen per postcodegebied</b>" + legend_html(legenda, naast=True))
if gekozen:
    rij = totaal[totaal["pc4"].astype(str) == gekozen].iloc[0]
    st.markdown(f"**Postcodegebied {gekozen}**: {aantal(int(rij['voorzieningen']), 'voorziening', 'voorzieningen')}.")
bron.toon((bron.REGISTER, bron.GRENZEN), "kaartlagen")

st.subheader("Per postcodegebied en woonvorm")
per_pc4_wv = per_woonvorm.rename(columns={
    "pc4": "Postcode", "woonvorm": "Woonvorm", "doelgroepen": "Doelgroepen", "voorzieningen": "Voorzieningen",
    "plaatsen": "Plaatsen", "aantal_aanbieders": "Aantal aanbieders", "aanbieders": "Aanbieders"})
tabel.toon(per_pc4_wv, hide_index=True, width="stretch")
downloads.knop("Download per postcodegebied en woonvorm (CSV)", partial(csv_bytes, per_pc4_wv, bron.actueel(bron.REGISTER)),
               "hkd_aanbieders_per_pc4.csv", "text/csv")  # made on the click

if user.rol == "aanbieder":
    besluiten = aanbieder.eigen_besluiten()  # row-level security: decisions about own locations
    with st.expander(f"Besluiten van het Sturingsoverleg en het Platform over uw locaties ({len(besluiten)})"):
        tabel.toon(besluiten.rename(columns={
            "soort": "Overleg", "datum": "Datum", "besluit_soort": "Soort besluit", "tekst": "Besluit",
            "code": "Code", "naam": "Locatie"}), leeg="Nog geen besluiten over uw locaties.",
                   hide_index=True, width="stretch")

st.subheader("Uw locaties" if user.rol == "aanbieder" else "Locaties per aanbieder")
eigen = aanbieder.mijn_locaties()
inzage.vastleggen("aanbiederskaart", "eigen locaties op adresniveau", {"locaties": eigen["code"].tolist()},
                  sleutel=tuple(eigen["code"]))
if user.rol == "hkd" and not eigen.empty:
    keuze = st.selectbox("Aanbieder", sorted(eigen["aanbieder"].unique()))
    eigen = eigen[eigen["aanbieder"] == keuze]
if eigen.empty:
    st.info("Er staan geen locaties op naam van uw organisatie.")
else:
    eigen = eigen.assign(
        fase=[f"{FASE_BY_CODE[f].symbool} fase {f}: {FASE_BY_CODE[f].naam}" if f in FASE_BY_CODE else "onbekend"
              for f in eigen["fase"]],
        beheercommissie=[BEHEERCOMMISSIE.get(v, "onbekend") for v in eigen["beheercommissie"]],
        beheerconvenant=[BEHEERCONVENANT.get(v, "onbekend") for v in eigen["beheerconvenant"]],
        meldingenregister=["ja" if v else "nee" for v in eigen["meldingenregister"]],
    )
    tabel.toon(
        eigen.drop(columns=["aanbieder_code"]).rename(columns={
            "code": "Code", "naam": "Naam", "aanbieder": "Aanbieder", "woonvorm": "Woonvorm",
            "doelgroep": "Doelgroep", "plaatsen": "Plaatsen", "straat": "Straat", "huisnummer": "Huisnummer",
            "postcode": "Postcode", "pc4": "PC4", "fase": "Fase", "fase_sinds": "Fase sinds",
            "beheercommissie": "Beheercommissie", "beheerconvenant": "Beheerconvenant",
            "convenant_datum": "Convenant van", "meldingenregister": "Meldingenregister",
            "beheer_sinds": "Beheerstatus sinds"}),
        hide_index=True, width="stretch",
    )
    st.caption("Het bekijken van locaties op adresniveau wordt vastgelegd (wie, wanneer, wat) voor de DPIA.")
    if user.rol == "aanbieder":
        with st.expander("Beheersafspraken met cliënten vastleggen (ondersteuningsplannen, huisregels)"):
            locaties = aanbieder.locatie_ids()
            namen = dict(zip(locaties["code"], locaties["naam"], strict=True))
            code = st.selectbox("Locatie", list(namen), format_func=lambda c: f"{c} {namen[c]}",
                                key="afspraak_locatie")
            locatie_id = int(locaties.loc[locaties["code"] == code, "id"].iloc[0])
            afspraken.formulier(locatie_id, code)
            afspraken.historie(locatie_id)

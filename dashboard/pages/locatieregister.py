"""Locatieregister: import the municipality's register (CSV or Excel); validate all, preview the diff, then apply."""

import hashlib

import pandas as pd
import streamlit as st

from core.domain import WOONVORM_NAMEN, WOONVORM_TERMIJNEN
from core.settings import PROJECT_ROOT
from dashboard.beheer import locatieregister as register
from dashboard.ladder import view as lv
from dashboard.toegang.auth import require_role
from dashboard.widgets import bron
from dashboard.widgets.upload import toon_problemen
from geo import herkomst
from geo.formaten import LOCATIES
from reports.veilig import csv_bytes

VOORBEELD = PROJECT_ROOT / "data" / "examples" / "locatieregister_voorbeeld"
PLAN_KEY = "register_plan"  # (sha256 of the uploaded file, ImportPlan): validate (and geocode) once per file
DONE_KEY = "register_klaar"  # one-off confirmation after applying

st.title("Locatieregister importeren")
require_role("hkd")
st.write(
    "Importeer het locatieregister van de gemeente uit CSV of Excel. Elke regel wordt gecontroleerd; er wordt "
    "pas iets geschreven als het hele bestand in orde is. Een nieuwe import werkt bestaande locaties bij op hun "
    "`code` en toont eerst wat er verandert."
)
with st.expander("Kolommen en voorbeeldbestand"):
    st.markdown(
        f"Verplicht: `{'`, `'.join(LOCATIES.verplichte_namen)}`. Optioneel: `{'`, `'.join(LOCATIES.optionele_namen)}`.  \n"
        "`aanbieder` en `woonvorm` mogen als code of als naam. Positie: `x`/`y` (RD) of `lat`/`lon` (WGS84); zonder "
        "coördinaten zoekt de geocoder het adres op (postcode + huisnummer). Zonder bereikbare geocoder wordt zo'n "
        "regel gemeld als niet te plaatsen, nooit geschat. Rijnummers in meldingen zijn spreadsheetrijen (kop = 1)."
    )
    st.markdown("**Woonvormen en hun termijn volgens het convenant**")
    st.dataframe(pd.DataFrame({"Code": list(WOONVORM_TERMIJNEN), "Woonvorm": [WOONVORM_NAMEN[c] for c in
                                                                         WOONVORM_TERMIJNEN],
                               "Termijn": [t.tekst for t in WOONVORM_TERMIJNEN.values()]}),
                 hide_index=True, width="stretch")
    st.caption(herkomst.herkomst_zin("woonvorm_termijnen"))
    a, b = st.columns(2)
    # as every CSV download: ; between cells, decimal comma, UTF-8 with BOM (it loads back as it is)
    a.download_button("Voorbeeld (CSV)", csv_bytes(pd.read_csv(VOORBEELD.with_suffix(".csv"), dtype={"huisnummer": str}), bron.VOORBEELD),
                      "locatieregister_voorbeeld.csv", "text/csv")
    b.download_button("Voorbeeld (Excel)", VOORBEELD.with_suffix(".xlsx").read_bytes(),
                      "locatieregister_voorbeeld.xlsx",
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

if klaar := st.session_state.pop(DONE_KEY, None):
    st.success(klaar, icon=":material/check_circle:")

bestand = st.file_uploader("Locatieregister (CSV of Excel)", type=["csv", "txt", "xlsx", "xls", "ods"],
                           key="register_bestand")
if bestand is None:
    st.session_state.pop(PLAN_KEY, None)
    st.stop()

inhoud = bestand.getvalue()
vingerafdruk = hashlib.sha256(inhoud).hexdigest()
bewaard = st.session_state.get(PLAN_KEY)
if bewaard is None or bewaard[0] != vingerafdruk:
    tabel = register.lees(bestand)
    if tabel is None:
        st.stop()
    with st.spinner("Regels controleren (en adressen opzoeken)..."):
        plan = register.plan(tabel)
    st.session_state[PLAN_KEY] = (vingerafdruk, plan)
    st.session_state[PLAN_KEY + "_meldingen"] = plan.meldingen
else:
    plan = bewaard[1]
for melding in st.session_state.get(PLAN_KEY + "_meldingen", []):
    st.text(f"Let op: {melding}")  # plain text: a sheet name is user input, never markdown

if plan.problemen:
    toon_problemen(plan.problemen, bestand.name)
    st.stop()

st.success(f"Alle {len(plan.regels)} regels zijn in orde.", icon=":material/task_alt:")
st.markdown(
    f"**{len(plan.nieuw)} nieuw** · **{len(plan.gewijzigd)} gewijzigd** · {len(plan.ongewijzigd)} ongewijzigd · "
    f"{len(plan.niet_in_bestand)} bestaande locaties staan niet in het bestand (die blijven ongewijzigd staan)."
)
nieuw_tab, gewijzigd_tab, ongewijzigd_tab = st.tabs(["Nieuw", "Gewijzigd", "Ongewijzigd"])
with nieuw_tab:
    st.dataframe(pd.DataFrame(plan.nieuw), hide_index=True, width="stretch")
with gewijzigd_tab:
    wijzigingen = [{"Code": r["code"], "Veld": veld, "Was": str(oud), "Wordt": str(nieuw)}
                   for r, velden in plan.gewijzigd for veld, (oud, nieuw) in velden.items()]
    st.dataframe(pd.DataFrame(wijzigingen, columns=["Code", "Veld", "Was", "Wordt"]), hide_index=True, width="stretch")
with ongewijzigd_tab:
    st.dataframe(pd.DataFrame([{"Code": r["code"], "Naam": r["naam"]} for r in plan.ongewijzigd]), hide_index=True,
                 width="stretch")

if not (plan.nieuw or plan.gewijzigd):
    st.info("Er is niets te wijzigen: het register is al gelijk aan dit bestand.")
elif st.button(f"Wijzigingen toepassen ({len(plan.nieuw)} nieuw, {len(plan.gewijzigd)} gewijzigd)", type="primary",
               key="register_toepassen"):
    if (uitkomst := register.toepassen(plan, bestand.name)) is None:
        st.stop()
    nieuw, gewijzigd = uitkomst
    lv.wis_cache()
    st.session_state.pop(PLAN_KEY, None)
    st.session_state[DONE_KEY] = f"Locatieregister bijgewerkt: {nieuw} nieuw, {gewijzigd} gewijzigd."
    st.rerun()

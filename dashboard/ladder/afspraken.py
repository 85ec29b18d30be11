"""Record a beheersafspraak of a location and read its history (seed 001, "Beheersafspraken rond voorzieningen").

Of the three kinds, two are recorded here (append-only, ``hkd.beheersafspraken``): provider-client (support plans,
house rules) and provider-gemeente (contracts); the third, among all parties, is the beheerconvenant kept on the
location. HKD records both kinds for any location (Escalatieladder); a provider records the provider-client kind for
its own locations (Aanbiederskaart). The database decides (row-level security, migration 500); the form says so
beforehand and checks the rest in Dutch.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from core.domain import BEHEERSAFSPRAAK_SOORTEN
from core.kalender import vandaag
from dashboard import db
from dashboard.toegang.auth import current_user
from dashboard.widgets.tabel import datums_als_tekst
from geo import herkomst, persoonsgegevens
from queries import monitoring
from reports.veilig import md_tekst

MAX_TEKENS = 300
SOORTEN_PER_ROL = {"hkd": ("client", "gemeente"), "aanbieder": ("client",)}
"""The kinds each layer records (the beheerconvenant, kind ``partijen``, is kept on the location itself)."""
BERICHT = "beheersafspraak_bericht"


def fouten(soort: str | None, datum: date | None, omschrijving: str, rol: str, *, op: date) -> list[str]:
    """Every reason the form's input cannot be recorded, in Dutch (empty: it can)."""
    uit = []
    if soort not in SOORTEN_PER_ROL.get(rol, ()):
        uit.append("Kies de soort afspraak." if soort is None else
                   f"{BEHEERSAFSPRAAK_SOORTEN.get(soort, 'Deze soort')} legt u niet vast in deze laag.")
    if datum is None:
        uit.append("Vul de datum in waarop de afspraak ingaat.")
    elif datum > op:
        uit.append(f"De datum {datum:%d-%m-%Y} ligt in de toekomst: leg een afspraak vast die al geldt.")
    tekst = omschrijving.strip()
    if not tekst:
        uit.append("Beschrijf kort wat er is afgesproken en waar het is vastgelegd (bijv. 'huisregels bijgewerkt, "
                   "ondertekend door alle bewoners').")
    elif len(tekst) > MAX_TEKENS:
        uit.append(f"De omschrijving is {len(tekst)} tekens; hoogstens {MAX_TEKENS}.")
    elif gevonden := persoonsgegevens.vondsten(tekst):
        uit.append(persoonsgegevens.melding("De omschrijving", gevonden) + ".")
    return uit


def formulier(locatie_id: int, sleutel: str) -> None:
    """The form that records one agreement for the location (the kinds the signed-in layer may record)."""
    rol = current_user().rol
    soorten = SOORTEN_PER_ROL.get(rol, ())
    if not soorten:
        return
    if bericht := st.session_state.pop(BERICHT, None):
        st.success(bericht, icon=":material/check_circle:")
    with st.form(f"beheersafspraak_{sleutel}"):
        st.markdown("**Beheersafspraak vastleggen**")
        soort = st.selectbox("Soort afspraak", soorten, format_func=BEHEERSAFSPRAAK_SOORTEN.get,
                             key=f"beheersafspraak_soort_{sleutel}")
        datum = st.date_input("Geldt vanaf", value=vandaag(), max_value=vandaag(), format="DD-MM-YYYY",
                              key=f"beheersafspraak_datum_{sleutel}")
        omschrijving = st.text_area("Wat is afgesproken, en waar staat het", max_chars=MAX_TEKENS,
                                    placeholder="bijv. huisregels bijgewerkt en met alle bewoners besproken",
                                    help="Geen persoonsgegevens: geen namen, adressen, telefoonnummers of "
                                         "e-mailadressen.", key=f"beheersafspraak_tekst_{sleutel}")
        if rol == "aanbieder":
            st.caption("Als aanbieder legt u de afspraken met cliënten vast (ondersteuningsplannen, huisregels); "
                       "het contract met de gemeente en het beheerconvenant legt HKD vast.")
        if not st.form_submit_button("Afspraak vastleggen", icon=":material/add:"):
            return
    problemen = fouten(soort, datum, omschrijving, rol, op=vandaag())
    for probleem in problemen:
        st.error(probleem, icon=":material/error:")
    if problemen:
        return
    try:
        db.run_write(monitoring.beheersafspraak_toevoegen, locatie_id, soort, datum, omschrijving.strip())
    except Exception as exc:  # the database refused (a check or row-level security): say why, in Dutch
        reden = str(getattr(exc, "orig", exc)).splitlines()[0]
        st.error(f"Niet vastgelegd: {md_tekst(reden)}", icon=":material/error:")
        return
    st.cache_data.clear()
    for veld in ("soort", "datum", "tekst"):  # an empty form for the next one
        st.session_state.pop(f"beheersafspraak_{veld}_{sleutel}", None)
    st.session_state[BERICHT] = (f"Vastgelegd: {BEHEERSAFSPRAAK_SOORTEN[soort].lower()}, geldt vanaf "
                                 f"{datum:%d-%m-%Y}.")
    st.rerun()


def historie_tabel(historie: pd.DataFrame) -> pd.DataFrame:
    """The recorded agreements as a Dutch table for ``st.table``: typed text shown literally, dates as text."""
    tabel = datums_als_tekst(pd.DataFrame({
        "Soort": historie["soort"].map(BEHEERSAFSPRAAK_SOORTEN).fillna("onbekend"),
        "Geldt vanaf": historie["datum"],
        "Wat is afgesproken": historie["omschrijving"].replace("", "–"),
        "Vastgelegd door": historie["vastgelegd_door"],
        "Vastgelegd op": historie["vastgelegd_op"],
    }))
    for kolom in ("Wat is afgesproken", "Vastgelegd door"):  # st.table renders markdown: typed text stays text
        tabel[kolom] = tabel[kolom].map(md_tekst)
    return tabel


def historie(locatie_id: int) -> None:
    """Every recorded agreement of the location, newest first."""
    data = db.run_query(monitoring.beheersafspraken_historie, locatie_id)
    st.markdown(f"**Vastgelegde beheersafspraken** ({len(data)})")
    if data.empty:
        st.caption("Nog geen beheersafspraken vastgelegd voor deze locatie.")
        return
    st.table(historie_tabel(data), hide_index=True)
    st.caption(herkomst.herkomst_zin("beheersafspraken"))

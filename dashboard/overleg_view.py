"""Meeting mode UI pieces: the agenda in session state, the big-screen item view, the decision form, exports.

Session state keys (all prefixed ``overleg_``):

- ``overleg_datum``: the meeting date (date input).
- ``overleg_volgorde``: ``{iso date: [locatie_id, ...]}``, the agenda order per meeting; built from the automatic
  agenda the first time a date is opened, then changed by hand (add, move, rebuild).
- ``overleg_handmatig``: ``{iso date: [locatie_id, ...]}``, items added by hand.
- ``overleg_stap``: ``{iso date: index}``, the agenda item shown.
- ``overleg_presentatie``: bool, the big-screen view (large type, no agenda management).
- ``overleg_soort``: which kind of decision the form records (fase or beheer-status).
- ``overleg_melding``: one-off confirmation shown after a decision was recorded.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial

import pandas as pd
import streamlit as st
from sqlalchemy.exc import DBAPIError

from core.domain import BEHEERCOMMISSIE, BEHEERCONVENANT, FASE_CODES
from dashboard import db, maps
from dashboard import ladder_view as lv
from dashboard.auth import User
from dashboard.paging import kies_pagina
from geo import agenda as agendaregels
from geo.agenda import AgendaItem
from queries import fasen, overleg
from queries.besluiten import BeheerStatus, FaseBesluit, append_beheer_status, append_fase_besluit
from reports import overleg_exports as exports

GROOT_SCHERM_CSS = """
<style>
[data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li,
[data-testid="stMainBlockContainer"] label, [data-testid="stMainBlockContainer"] button { font-size: 1.35rem !important; }
[data-testid="stMainBlockContainer"] h2 { font-size: 2.4rem !important; }
[data-testid="stMainBlockContainer"] h3 { font-size: 1.9rem !important; }
</style>
"""
PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SOORT_FASE = "Nieuwe fase"
SOORT_BEHEER = "Beheer-status wijzigen"
AGENDA_PER_PAGINA = 100
"""Agenda rows shown at once; the exports always hold the whole agenda."""


def automatische_agenda(datum: date) -> list[AgendaItem]:
    """The agenda the history proposes for ``datum`` (cached per role, cleared after every write)."""
    return db.run_cached(overleg.agenda, datum, ttl="kort")


def besluiten(datum: date) -> pd.DataFrame:
    """What the meeting on ``datum`` recorded (cached per role, cleared after every write)."""
    return db.run_cached(overleg.besluitenlijst, datum, ttl="kort")


def agenda_items(datum: date, locaties: pd.DataFrame) -> list[AgendaItem]:
    """The agenda as it stands in this session: the automatic one, plus hand edits kept per meeting date."""
    sleutel = datum.isoformat()
    auto = {item.locatie_id: item for item in automatische_agenda(datum)}
    volgordes = st.session_state.setdefault("overleg_volgorde", {})
    handmatig = st.session_state.setdefault("overleg_handmatig", {}).setdefault(sleutel, [])
    volgorde = volgordes.setdefault(sleutel, list(auto))
    per_id = locaties.set_index("id")
    met_de_hand = set(handmatig)
    items = []
    for locatie_id in volgorde:
        if locatie_id in auto:
            item = auto[locatie_id]
            items.append(replace(item, handmatig=True) if locatie_id in met_de_hand else item)
        elif locatie_id in per_id.index:
            row = per_id.loc[locatie_id]
            items.append(AgendaItem(locatie_id, row["code"], row["naam"], row["fase"],
                                            ("Handmatig toegevoegd",), handmatig=True))
    return items


def agenda_beheer(datum: date, items: list[AgendaItem], locaties: pd.DataFrame) -> None:
    """Add an item by hand, move an item, or rebuild the agenda from the history."""
    sleutel = datum.isoformat()
    volgorde = st.session_state["overleg_volgorde"][sleutel]
    start, stop = kies_pagina(len(items), AGENDA_PER_PAGINA, "overleg_agenda_pagina", "agendapunten")
    tabel = exports.agenda_tabel(items[start:stop])
    tabel["Nr"] += start
    st.dataframe(tabel, hide_index=True, width="stretch", height=300)
    a, b, c = st.columns([2, 2, 1])
    vrij = locaties[~locaties["id"].isin(set(volgorde))]  # vectorised: 10,000 locations at national scale
    opties = dict(zip((vrij["code"].astype(str) + " " + vrij["naam"].fillna("").astype(str)).tolist(),
                      vrij["id"].astype(int).tolist(), strict=True))
    toe = a.selectbox("Locatie toevoegen", list(opties), index=None, placeholder="Kies een locatie",
                      key="overleg_toevoegen")
    if a.button("Toevoegen aan agenda", disabled=toe is None, key="overleg_toevoegen_knop"):
        volgorde.append(opties[toe])
        st.session_state["overleg_handmatig"][sleutel].append(opties[toe])
        st.rerun()
    labels = {f"{i}. {it.code} {it.naam}": it.locatie_id for i, it in enumerate(items, start=1)}
    verplaats = b.selectbox("Agendapunt verplaatsen", list(labels), index=None, key="overleg_verplaats",
                            placeholder="Kies een agendapunt")
    positie = c.number_input("naar plaats", min_value=1, max_value=max(1, len(items)), value=1, key="overleg_positie")
    if b.button("Verplaatsen", disabled=verplaats is None, key="overleg_verplaats_knop"):
        st.session_state["overleg_volgorde"][sleutel] = agendaregels.verplaats(volgorde, labels[verplaats], int(positie) - 1)
        st.rerun()
    if c.button("Agenda opnieuw opbouwen", key="overleg_herbouw"):
        st.session_state["overleg_volgorde"].pop(sleutel, None)
        st.session_state["overleg_handmatig"].pop(sleutel, None)
        st.rerun()


def _stap(sleutel: str, delta: int) -> None:
    stappen = st.session_state.setdefault("overleg_stap", {})
    stappen[sleutel] = max(0, stappen.get(sleutel, 0) + delta)


def stapper(datum: date, items: list[AgendaItem]) -> int:
    """Vorige/Volgende through the agenda (callbacks, so both buttons know the new position); returns the index."""
    stappen = st.session_state.setdefault("overleg_stap", {})
    sleutel = datum.isoformat()
    stap = min(stappen.get(sleutel, 0), len(items) - 1)
    stappen[sleutel] = stap
    links, midden, rechts = st.columns([1, 4, 1])
    links.button("◀ Vorige", disabled=stap <= 0, key="overleg_vorige", width="stretch", on_click=_stap,
                 args=(sleutel, -1))
    rechts.button("Volgende ▶", disabled=stap >= len(items) - 1, key="overleg_volgende", width="stretch",
                  on_click=_stap, args=(sleutel, 1))
    midden.markdown(f"### Agendapunt {stap + 1} van {len(items)}")
    return stap


def agendapunt(item: AgendaItem, row: pd.Series, locaties: pd.DataFrame) -> None:
    """One item on the big screen: map zoomed to the location, checklist and reasons beside it."""
    st.header(f"{item.code} {item.naam}")
    kaart, info = st.columns([3, 2])
    with kaart:
        # only the surroundings: the map is zoomed to the item, drawing every location of the country is waste
        buren = agendaregels.omgeving(locaties, float(row["lon"]), float(row["lat"]))
        maps.show(lv.fase_deck(buren, focus=row, hoogte=460), height=460, key="overleg_kaart")
    with info:
        st.markdown(f"**{lv.fase_label(row['fase'])}**")
        st.markdown("**Waarom op de agenda**\n" + "\n".join(f"- {r}" for r in item.redenen))
        st.markdown("**Beheersafspraken**")
        lv.checklist(row)
        st.markdown(f"{row['woonvorm']} · {row['plaatsen']} plaatsen · {row['aanbieder']} · {row['buurt'] or ''}")
        from dashboard import meldingen_view  # issue 13: meldingen and monitoring signals of this location

        if signalen := meldingen_view.locatie_signalen(int(row["id"]), date.today()):
            st.markdown("**Signalen uit meldingen en monitoring**\n" + "\n".join(f"- {r}" for r in signalen))
    with st.expander("Voor- en nameting leefbaarheid"):
        meldingen_view.voor_na_sectie(int(row["id"]), row["code"],
                                      row["fase_sinds"] if pd.notna(row["fase_sinds"]) else None, "overleg",
                                      download=False)


def _vastleggen(fn, entry, wat: str, code: str) -> None:
    try:
        nieuw_id = db.run_write(fn, entry)
    except DBAPIError as exc:
        st.error(f"Niet vastgelegd: de database weigerde dit {wat}. ({str(exc.orig).splitlines()[0]})")
        return
    lv.wis_cache()
    st.session_state["overleg_melding"] = f"{wat.capitalize()} {nieuw_id} vastgelegd voor {code}."
    st.rerun()


def besluit_formulier(row: pd.Series, datum: date, user: User) -> None:
    """Record a decision live: a new fase with a reason (or a correction), or a new beheer-status."""
    soort = st.radio("Besluit", [SOORT_FASE, SOORT_BEHEER], horizontal=True, key="overleg_soort")
    locatie_id = int(row["id"])
    if soort == SOORT_FASE:
        eerder = db.run_query(fasen.fase_tijdlijn, locatie_id, date.max)
        keuzes = {None: "geen (nieuw besluit)"} | {
            int(r.id): f"besluit {r.id}: {r.ingangsdatum:%d-%m-%Y} fase {r.fase}, {r.reden[:60]}" for r in eerder.itertuples()
        }
        with st.form(f"overleg_fase_{locatie_id}", clear_on_submit=True):
            huidig = FASE_CODES.index(row["fase"]) if row["fase"] in FASE_CODES else 0
            fase = st.selectbox("Nieuwe fase", FASE_CODES, index=huidig, format_func=lv.fase_label)
            reden = st.text_area("Reden", placeholder="Waarom deze fase? (verplicht)")
            ingang = st.date_input("Ingangsdatum", value=datum, format="DD-MM-YYYY")
            corrigeert = st.selectbox("Corrigeert een eerder besluit", list(keuzes), format_func=keuzes.get)
            if st.form_submit_button("Fasebesluit vastleggen", type="primary"):
                if not reden.strip():
                    st.error("Geef een reden op; een besluit zonder reden wordt niet vastgelegd.")
                    return
                _vastleggen(append_fase_besluit, FaseBesluit(
                    locatie_id=locatie_id, fase=fase, ingangsdatum=ingang, reden=reden.strip(),
                    vastgelegd_door=user.naam, overleg_datum=datum, corrigeert_id=corrigeert), "fasebesluit", row["code"])
        return
    with st.form(f"overleg_beheer_{locatie_id}", clear_on_submit=True):
        c1, c2 = st.columns(2)
        commissie = c1.selectbox("Beheercommissie", list(BEHEERCOMMISSIE), format_func=BEHEERCOMMISSIE.get,
                                 index=list(BEHEERCOMMISSIE).index(row["beheercommissie"] or "afwezig"))
        convenant = c2.selectbox("Beheerconvenant", list(BEHEERCONVENANT), format_func=BEHEERCONVENANT.get,
                                 index=list(BEHEERCONVENANT).index(row["beheerconvenant"] or "afwezig"))
        convenant_datum = c1.date_input("Convenant van", value=row["convenant_datum"] if pd.notna(
            row["convenant_datum"]) else datum, format="DD-MM-YYYY")
        register = c2.checkbox("Meldingenregister wordt bijgehouden", value=bool(row["meldingenregister"]))
        toelichting = st.text_input("Toelichting")
        if st.form_submit_button("Beheer-status vastleggen", type="primary"):
            _vastleggen(append_beheer_status, BeheerStatus(
                locatie_id=locatie_id, ingangsdatum=datum, beheercommissie=commissie, beheerconvenant=convenant,
                convenant_datum=None if convenant == "afwezig" else convenant_datum, meldingenregister=register,
                vastgelegd_door=user.naam, toelichting=toelichting.strip(), overleg_datum=datum), "beheer-status", row["code"])


def exports_sectie(datum: date, items: list[AgendaItem]) -> None:
    """The besluitenlijst on screen, and agenda and besluitenlijst as PDF and Excel."""
    lijst = besluiten(datum)
    st.dataframe(exports.besluiten_tabel(lijst), hide_index=True, width="stretch")
    naam = f"{datum:%Y%m%d}"
    # Deferred: each file is built only when its button is clicked (a PDF of thousands of agenda items takes
    # minutes), from the agenda and besluitenlijst as they stand on this rerun (bound now, so the file matches
    # the screen).
    agenda = tuple(items)
    knoppen = (
        ("Agenda (PDF)", partial(exports.agenda_pdf, datum, agenda), f"hkd_agenda_{naam}.pdf", PDF),
        ("Agenda (Excel)", partial(exports.agenda_xlsx, datum, agenda), f"hkd_agenda_{naam}.xlsx", XLSX),
        ("Besluitenlijst (PDF)", partial(exports.besluitenlijst_pdf, datum, lijst), f"hkd_besluitenlijst_{naam}.pdf",
         PDF),
        ("Besluitenlijst (Excel)", partial(exports.besluitenlijst_xlsx, datum, lijst),
         f"hkd_besluitenlijst_{naam}.xlsx", XLSX),
    )
    for kolom, (label, data, bestand, mime) in zip(st.columns(len(knoppen)), knoppen, strict=True):
        kolom.download_button(label, data, bestand, mime, on_click="ignore")  # no rerun: nothing changes

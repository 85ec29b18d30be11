"""Meeting pieces of the Overleg page: choose or create a meeting, prepare its agenda, run it live, record
decisions and actions, take the besluitenlijst and actielijst away.

Everything lives in the database (``hkd.vergaderingen`` and its tables), not in the browser session: the agenda,
its order, the hand-added items and the secretary's current item are the same on every open screen. Session state
keeps only what this screen shows:

- ``overleg_vergadering``: the id of the meeting chosen.
- ``overleg_presentatie``: bool, the big-screen view (large type, no agenda management).
- ``overleg_bijwerken``: the live line's button that redraws the page after decisions made on another screen.
- ``overleg_melding``: one-off confirmation or refusal shown after a write.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

import pandas as pd
import streamlit as st
from sqlalchemy.exc import DBAPIError

from core.domain import BEHEERCOMMISSIE, BEHEERCONVENANT, FASE_CODES
from core.kalender import nu, vandaag
from core.settings import get_settings
from dashboard import db, inzage
from dashboard.kaart import maps
from dashboard.ladder import view as lv
from dashboard.toegang.auth import User
from dashboard.widgets import downloads
from dashboard.widgets.tabel import toon as toon_tabel
from geo import agenda as agendaregels
from geo import herkomst
from geo.agenda import AgendaVoorstel
from queries import agenda_bronnen, fasen
from queries import vergaderingen as vg
from queries.besluiten import BeheerStatus, FaseBesluit, append_beheer_status
from reports import overleg_exports as exports
from reports.veilig import md_tekst as md

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
"""How often a screen asks the database whether the secretary moved on (one cheap row per screen per second)."""

SOORT_LABEL = {"sturingsoverleg": "Sturingsoverleg", "platform": "Platform HKD"}
STATUS_LABEL = {"in_voorbereiding": "in voorbereiding", "vastgesteld": "agenda vastgesteld", "gehouden": "gehouden",
                "verslag_verstuurd": "verslag verstuurd"}
PUNT_STATUS = {"voorgesteld": "voorgesteld", "aanvaard": "aanvaard", "reserve": "reserve (boven het maximum)",
               "verwijderd": "verwijderd"}
STANDAARD_DEELNEMERS = {
    "sturingsoverleg": (("Gemeente Rotterdam", "secretariaat"), ("Gemeente Rotterdam", "voorzitter"),
                        ("Politie Rotterdam", "teamchef wijkteam"), ("Woningcorporaties (Maaskoepel)", "manager wonen"),
                        ("Zorgaanbieders", "vertegenwoordiger")),
    "platform": (("Gemeente Rotterdam", "secretariaat"), ("Gemeente Rotterdam", "wethouder (voorzitter)"),
                 ("Politie Rotterdam", "districtschef"), ("Woningcorporaties (Maaskoepel)", "bestuurder"),
                 ("Zorgaanbieders", "bestuurder")),
}
CONFLICT = ("Niet opgeslagen: iemand anders heeft de agenda van deze vergadering intussen gewijzigd. "
            "Hieronder staat de agenda zoals die nu is; voer uw wijziging zo nodig opnieuw uit.")
GEEN_VOORZITTER = "Alleen de voorzitter verplaatst het huidige agendapunt. Neem eerst het voorzitterschap over."
SOORT_FASE, SOORT_BEHEER, SOORT_VRIJ, SOORT_ACTIE = "Nieuwe fase", "Beheer-status wijzigen", "Vrij besluit", "Actie"

def vergadering_label(r) -> str:
    return f"{SOORT_LABEL.get(r.soort, r.soort)} {r.datum:%d-%m-%Y} ({STATUS_LABEL.get(r.status, r.status)})"


def _melding(tekst: str, soort: str = "success") -> None:
    st.session_state["overleg_melding"] = (soort, tekst)


def toon_melding() -> None:
    """The confirmation or refusal of the last write, once, in a slot that is always there (so the elements below
    keep their place, and their open or closed state, on the next rerun)."""
    slot = st.container()
    if melding := st.session_state.pop("overleg_melding", None):
        soort, tekst = melding
        (slot.warning if soort == "warning" else slot.success)(tekst, icon=":material/info:")


def agenda_en_stand(v: vg.Vergadering) -> tuple[pd.DataFrame, vg.LiveStand | None]:
    """The meeting's agenda items and its live state (current item, version) as every open screen follows it."""
    return db.run_query(vg.agendapunten, v.id), db.run_query(vg.live_stand, v.id)


def plaats_en_deelnemers(v: vg.Vergadering) -> str:
    """The caption under the meeting's title: place and participating organisations (Markdown, escaped)."""
    deelnemers = db.run_query(vg.deelnemers, v.id)
    return ("Plaats: " + md(v.plaats) + " · " if v.plaats else "") + "Deelnemers: " + md(", ".join(
        f"{r.organisatie} ({r.rol})" if r.rol else r.organisatie for r in deelnemers.itertuples()))


def standaard_vergadering(lijst: pd.DataFrame) -> int | None:
    """The meeting to open first: the next one in preparation, else the latest."""
    if lijst.empty:
        return None
    open_ = lijst[lijst["status"].isin(["in_voorbereiding", "vastgesteld"])].sort_values("datum")
    return int((open_ if len(open_) else lijst).iloc[0]["id"])


def kies_vergadering() -> vg.Vergadering | None:
    """The meeting selector (and a form to plan a new one)."""
    lijst = db.run_query(vg.vergaderingen_lijst)
    labels = {int(r.id): vergadering_label(r) for r in lijst.itertuples()}
    if st.session_state.get("overleg_vergadering") not in labels:
        st.session_state["overleg_vergadering"] = standaard_vergadering(lijst)
    links, rechts = st.columns([3, 1])
    vid = links.selectbox("Vergadering", list(labels), format_func=labels.get, key="overleg_vergadering")
    with rechts.popover("Nieuwe vergadering", icon=":material/add:"):
        with st.form("overleg_nieuw"):
            soort = st.selectbox("Soort", list(SOORT_LABEL), format_func=SOORT_LABEL.get)
            datum = st.date_input("Datum", value=vandaag() + timedelta(days=14), format="DD-MM-YYYY")
            plaats = st.text_input("Plaats", max_chars=200)
            if st.form_submit_button("Vergadering aanmaken", type="primary"):
                if any(r.soort == soort and r.datum == datum for r in lijst.itertuples()):
                    st.error("Er is al een vergadering van deze soort op deze datum.")
                else:
                    nieuw = db.run_write(_maak, soort, datum, plaats.strip())
                    st.session_state["overleg_vergadering"] = nieuw
                    _melding(f"{SOORT_LABEL[soort]} van {datum:%d-%m-%Y} aangemaakt; de agenda is voorgesteld uit de "
                             "gegevens.")
                    st.rerun()
    return db.run_query(vg.vergadering, vid) if vid is not None else None


def _maak(conn, soort: str, datum: date, plaats: str) -> int:
    vid = vg.maak_vergadering(conn, soort, datum, plaats, STANDAARD_DEELNEMERS[soort])
    agenda_bronnen.vul_agenda(conn, vid, 1)
    return vid


def _bewerk(v: vg.Vergadering, fn, *args, melding: str = "") -> bool:
    """A version-checked agenda edit: refused (with :data:`CONFLICT`) when someone else edited first."""
    def tx(conn):
        vg.bewerk(conn, v.id, v.versie)
        fn(conn, v.id, *args)
    try:
        db.run_write(tx)
    except vg.VersieConflict:
        _melding(CONFLICT, "warning")
        return False
    if melding:
        _melding(melding)
    return True


def op_agenda(punten: pd.DataFrame) -> pd.DataFrame:
    """The items on the agenda (proposed or accepted), in order; hamerstukken last."""
    return punten[punten["status"].isin(["voorgesteld", "aanvaard"])]


def stappen(punten: pd.DataFrame) -> list[list[int]]:
    """The steps of the meeting: each agenda item alone, then all hamerstukken as one step (lists of item ids)."""
    agenda = op_agenda(punten)
    out = [[int(i)] for i in agenda.loc[~agenda["hamerstuk"], "id"]]
    hamer = [int(i) for i in agenda.loc[agenda["hamerstuk"], "id"]]
    return out + ([hamer] if hamer else [])


def _punt_label(p) -> str:
    hamer = " (hamerstuk)" if p.hamerstuk else ""
    return f"{p.titel}{hamer} · {PUNT_STATUS.get(p.status, p.status)}"


def agenda_tabel(punten: pd.DataFrame) -> pd.DataFrame:
    """The whole agenda as a table for the secretariaat, with status."""
    nr = {pid: i for i, stap in enumerate(stappen(punten), start=1) for pid in stap}
    return pd.DataFrame({
        "Nr": [str(nr.get(int(i), "")) for i in punten["id"]],
        "Agendapunt": punten["titel"],
        "Status": [PUNT_STATUS.get(s, s) + (" · hamerstuk" if h else "") for s, h in
                   zip(punten["status"], punten["hamerstuk"], strict=True)],
        "Waarom": ["; ".join(r) or t for r, t in zip(punten["redenen"], punten["tekst"], strict=True)],
        "Gewicht": punten["gewicht"],
    })


def voorbereiding(v: vg.Vergadering, punten: pd.DataFrame, locaties: pd.DataFrame) -> None:
    """Prepare the agenda: accept, remove, reorder, add by hand, refresh the proposals, fix the agenda."""
    agenda = op_agenda(punten)
    aantal = agendaregels.aantal_agendapunten(agenda["hamerstuk"])  # as the agenda PDF counts them
    st.subheader(f"Agenda: {aantal} {'punt' if aantal == 1 else 'punten'}")
    st.caption(
        f"Voorgesteld uit de gegevens, op gewicht: fase 3b, 3a en 2 eerst, dan fasen die veranderden sinds het vorige "
        f"gehouden overleg van deze soort, open acties (over tijd zwaarder), open beheeracties. Hoogstens "
        f"{agendaregels.AGENDA_MAX_PUNTEN} punten; de rest staat in reserve. Een beheerconvenant dat alleen ouder is "
        f"dan {agendaregels.CONVENANT_MAX_JAREN} jaar (periodieke actualisatie) is een hamerstuk: samen één agendapunt, "
        "zonder bespreking. " + herkomst.herkomst_zin("agenda_volgorde", "convenant_actualisatie"))
    toon_tabel(agenda_tabel(punten), hide_index=True, width="stretch", height=320,
                 column_config={"Gewicht": st.column_config.NumberColumn(help="Hoger is urgenter")})
    if v.status not in ("in_voorbereiding", "vastgesteld"):
        st.caption("Deze vergadering is gehouden; de agenda ligt vast.")
        return
    labels = {int(p.id): _punt_label(p) for p in punten.itertuples()}
    a, b, c = st.columns([3, 1, 1])
    keuze = a.selectbox("Agendapunt", list(labels), format_func=labels.get, index=None, key="overleg_punt",
                        placeholder="Kies een agendapunt")
    b.number_input("naar plaats", min_value=1, max_value=max(1, len(agenda)), value=1, key="overleg_positie")
    # Callbacks with the meeting as this screen drew it: an edit rests on the version the user saw, so an edit
    # made meanwhile by someone else makes it fail with a message instead of being overwritten.
    volgorde = [int(i) for i in agenda["id"]]
    knoppen = st.columns(5)
    knoppen[0].button("Aanvaarden", disabled=keuze is None, key="overleg_aanvaard", on_click=_punt_actie,
                      args=(v, "aanvaard"))
    knoppen[1].button("Verwijderen", disabled=keuze is None, key="overleg_verwijder", on_click=_punt_actie,
                      args=(v, "verwijderd"))
    knoppen[2].button("Verplaatsen", disabled=keuze is None, key="overleg_verplaats_knop", on_click=_verplaats,
                      args=(v, volgorde))
    knoppen[3].button("Voorstellen bijwerken", key="overleg_herbouw", on_click=_bewerk,
                      args=(v, lambda conn, vid: agenda_bronnen.vul_agenda(conn, vid, v.versie + 1)),
                      kwargs={"melding": "Voorstellen bijgewerkt."},
                      help="Nieuwe voorstellen uit de gegevens toevoegen; aanvaarde, verwijderde en met de hand "
                           "toegevoegde punten blijven zoals ze zijn.")
    knoppen[4].button("Agenda vaststellen", type="primary", key="overleg_vaststellen",
                      disabled=v.status != "in_voorbereiding", on_click=_bewerk, args=(v, vg.stel_vast),
                      kwargs={"melding": "Agenda vastgesteld."})
    with c.popover("Punt toevoegen", icon=":material/add:"):
        opties = dict(zip((locaties["code"].astype(str) + " " + locaties["naam"].fillna("").astype(str)).tolist(),
                          locaties["id"].astype(int).tolist(), strict=True))
        st.selectbox("Locatie (optioneel)", list(opties), index=None, key="overleg_toevoegen",
                     placeholder="Kies een locatie")
        st.text_input("Titel", key="overleg_toevoegen_titel", max_chars=200,
                      placeholder="Bijvoorbeeld: Rondvraag")
        st.text_area("Toelichting", key="overleg_toevoegen_tekst", max_chars=2000)
        # never disabled: a typed title reaches the server with the click itself (no Enter needed), while a
        # button disabled on the last rerun's state stayed grey until Enter was pressed
        st.button("Toevoegen aan agenda", key="overleg_toevoegen_knop", on_click=_voeg_toe, args=(v, opties))


def _punt_actie(v: vg.Vergadering, status: str) -> None:
    keuze = st.session_state.get("overleg_punt")
    if keuze is not None:
        _bewerk(v, vg.zet_punt_status, keuze, status, melding=f"Agendapunt {PUNT_STATUS[status]}.")


def _verplaats(v: vg.Vergadering, volgorde: list[int]) -> None:
    keuze = st.session_state.get("overleg_punt")
    if keuze is None:
        return
    nieuw = agendaregels.verplaats(volgorde, keuze, int(st.session_state.get("overleg_positie", 1)) - 1)

    def verplaats(conn, vid):
        vg.zet_punt_status(conn, vid, keuze, "aanvaard")
        vg.zet_volgorde(conn, vid, nieuw)
    _bewerk(v, verplaats, melding="Agendapunt verplaatst.")


def _voeg_toe(v: vg.Vergadering, opties: dict[str, int]) -> None:
    label = st.session_state.get("overleg_toevoegen")
    lid = opties.get(label) if label is not None else None
    titel = (st.session_state.get("overleg_toevoegen_titel") or "").strip()
    tekst = (st.session_state.get("overleg_toevoegen_tekst") or "").strip()
    if lid is None and not titel:
        _melding("Kies een locatie of typ een titel om een punt toe te voegen.", "warning")
        return
    voorstel = AgendaVoorstel(
        "hand", f"locatie:{lid}" if lid is not None else f"hand:{nu():%Y%m%d%H%M%S%f}",
        titel or label, ("Handmatig toegevoegd",), 0, lid)
    _bewerk(v, lambda conn, vid: vg.voeg_punt_toe(conn, vid, voorstel, status="aanvaard", handmatig=True,
                                                  tekst=tekst), melding="Agendapunt toegevoegd.")


def live_volgen(v: vg.Vergadering, gezien: tuple) -> None:
    """Every ``HKD_VOLG_SECONDEN`` (default 2), ask the database whether the meeting moved on.

    Only a new current item (the chair moved on) redraws the whole page, so every screen follows the meeting. A
    decision or agenda edit made on another screen never redraws the page under someone choosing in a list: a
    redraw shifts what stands above the list, the browser scrolls with it and the open list closes. The fragment
    keeps one line of the same height (a sentence and a "Bijwerken" button) and says there is news; the
    besluitenlijst and its downloads follow with the button (a live-redrawn download button loses its click)."""
    @st.fragment(run_every=get_settings().volg_seconden)
    def volg() -> None:
        stand = db.run_query(vg.live_stand, v.id)
        if stand is not None and stand.huidig_punt_id != gezien[1]:
            st.rerun()
        nieuw = stand is not None and (v.id, stand.huidig_punt_id, stand.versie, stand.besluiten) != gezien
        wie = f"voorzitter: {md(stand.voorzitter)}" if stand and stand.voorzitter else "nog geen voorzitter"
        links, rechts = st.columns([5, 1], vertical_alignment="center")
        links.caption(":material/update: Nieuwe besluiten of agendawijzigingen van een ander scherm; wat u invult "
                      "blijft staan." if nieuw else
                      f":material/sync: Live: dit scherm volgt het huidige agendapunt ({wie}).")
        if rechts.button("Bijwerken", key="overleg_bijwerken", icon=":material/refresh:", disabled=not nieuw,
                         help="De pagina opnieuw opbouwen met wat op andere schermen is vastgelegd."):
            st.rerun(scope="app")
    volg()


def _stap_naar(v: vg.Vergadering, punt_id: int) -> None:
    if db.run_write(vg.zet_huidig_punt, v.id, punt_id):
        return
    _melding(GEEN_VOORZITTER, "warning")


def stapper(v: vg.Vergadering, user: User, punten: pd.DataFrame) -> list[int] | None:
    """The current step (ids of its items) and, for the chair, Vorige/Volgende that move every screen."""
    alle = stappen(punten)
    if not alle:
        return None
    index = next((i for i, s in enumerate(alle) if v.huidig_punt_id in s), 0)
    voorzitter = v.voorzitter in (None, user.naam)
    links, midden, rechts = st.columns([1, 4, 1])
    if voorzitter:
        links.button("◀ Vorige", disabled=index <= 0, key="overleg_vorige", width="stretch", on_click=_stap_naar,
                     args=(v, alle[max(0, index - 1)][0]))
        rechts.button("Volgende ▶", disabled=index >= len(alle) - 1, key="overleg_volgende", width="stretch",
                      on_click=_stap_naar, args=(v, alle[min(len(alle) - 1, index + 1)][0]))
    else:
        rechts.button("Voorzitterschap overnemen", key="overleg_voorzitter", width="stretch",
                      on_click=lambda: db.run_write(vg.neem_voorzitterschap, v.id))
    midden.markdown(f"### Agendapunt {index + 1} van {len(alle)}")
    return alle[index]


def agendapunt(v: vg.Vergadering, stap: list[int], punten: pd.DataFrame, locaties: pd.DataFrame) -> pd.Series | None:
    """The current item on every screen: map zoomed to the location, checklist and reasons (or the hamerstukken).

    Returns the location row of the item, if it has one."""
    items = punten.set_index("id").loc[stap]
    if len(stap) > 1 or bool(items.iloc[0]["hamerstuk"]):
        st.header(f"Hamerstukken ({len(stap)})")
        st.markdown("Routine, zonder bespreking tenzij iemand erom vraagt:\n" + "\n".join(
            f"- {md(p.titel)}: {md('; '.join(p.redenen))}" for p in items.itertuples()))
        return None
    punt = items.iloc[0]
    st.header(md(punt["titel"]))
    redenen = list(punt["redenen"]) + ([punt["tekst"]] if punt["tekst"] else [])
    if pd.isna(punt["locatie_id"]) or int(punt["locatie_id"]) not in set(locaties["id"]):
        st.markdown("**Waarom op de agenda**\n" + "\n".join(f"- {md(r)}" for r in redenen))
        return None
    row = locaties[locaties["id"] == int(punt["locatie_id"])].iloc[0]
    inzage.vastleggen("overleg", f"agendapunt {row['code']} (kaart op adresniveau)",
                      {"vergadering_id": v.id, "locatie_id": int(row["id"])}, sleutel=("punt", v.id, int(row["id"])))
    kaart, info = st.columns([3, 2])
    with kaart:
        buren = agendaregels.omgeving(locaties, float(row["lon"]), float(row["lat"]))
        maps.show(lv.fase_deck(buren, focus=row, hoogte=460, breedte=lv.FOCUS_BREEDTE_PX), key="overleg_kaart")
    with info:
        st.markdown(f"**{lv.fase_label(row['fase'])}**")
        st.markdown("**Waarom op de agenda**\n" + "\n".join(f"- {md(r)}" for r in redenen))
        st.markdown("**Beheersafspraken**")
        lv.checklist(row)
        st.markdown(f"{md(row['woonvorm'])} · {row['plaatsen']} plaatsen · {md(row['aanbieder'])} · "
                    f"{md(row['buurt'] or '')}")
        from dashboard.meldingen import (
            view as meldingen_view,  # issue 13: meldingen and monitoring signals of this location
        )

        if signalen := meldingen_view.locatie_signalen(int(row["id"]), vandaag()):
            st.markdown("**Signalen uit meldingen en monitoring**\n" + "\n".join(f"- {r}" for r in signalen))
    with st.expander("Voor- en nameting leefbaarheid"):
        meldingen_view.voor_na_sectie(int(row["id"]), row["code"],
                                      row["fase_sinds"] if pd.notna(row["fase_sinds"]) else None, "overleg",
                                      download=False)
    return row


def _schrijf(fn, *args, wat: str) -> None:
    try:
        db.run_write(fn, *args)
    except DBAPIError as exc:
        st.error(db.db_fout(exc, f"Dit {wat} is niet vastgelegd"))
        return
    lv.wis_cache()
    _melding(f"{wat[:1].upper()}{wat[1:]} vastgelegd.")
    st.rerun()


def besluit_formulier(v: vg.Vergadering, stap: list[int], punten: pd.DataFrame, row: pd.Series | None,
                      user: User) -> None:
    """Record on the current item: a new fase (or a correction), a beheer-status, a free decision, an action."""
    punt_id = stap[0]
    punt = punten.set_index("id").loc[punt_id]
    soorten = ([SOORT_FASE, SOORT_BEHEER] if row is not None else []) + [SOORT_VRIJ, SOORT_ACTIE]
    soort = st.radio("Vastleggen", soorten, horizontal=True, key="overleg_soort")
    if punt["bron"] == "actie" and st.button("Actie gereed melden", key="overleg_actie_gereed"):
        actie_id = int(str(punt["sleutel"]).removeprefix("actie:"))
        _schrijf(_actie_gereed, v.id, punt_id, actie_id, punt["titel"], wat="actie gereed")
    if soort == SOORT_FASE and row is not None:
        locatie_id = int(row["id"])
        eerder = db.run_query(fasen.fase_tijdlijn, locatie_id, date.max)
        keuzes = {None: "geen (nieuw besluit)"} | {
            int(r.id): f"besluit {r.id}: {r.ingangsdatum:%d-%m-%Y} fase {r.fase}, {r.reden[:60]}" for r in eerder.itertuples()
        }
        with st.form(f"overleg_fase_{locatie_id}", clear_on_submit=True):
            huidig = FASE_CODES.index(row["fase"]) if row["fase"] in FASE_CODES else 0
            fase = st.selectbox("Nieuwe fase", FASE_CODES, index=huidig, format_func=lv.fase_label)
            reden = st.text_area("Reden", placeholder="Waarom deze fase? (verplicht)", max_chars=2000)
            ingang = st.date_input("Ingangsdatum", value=v.datum, format="DD-MM-YYYY")
            # keyed: the options are decision ids, and a decision added elsewhere must not reset the choice
            corrigeert = st.selectbox("Corrigeert een eerder besluit", list(keuzes), format_func=keuzes.get,
                                      key=f"overleg_corrigeert_{locatie_id}")
            if st.form_submit_button("Fasebesluit vastleggen", type="primary"):
                if not reden.strip():
                    st.error("Geef een reden op; een besluit zonder reden wordt niet vastgelegd.")
                    return
                _schrijf(vg.leg_fasebesluit_vast, v.id, punt_id, FaseBesluit(
                    locatie_id=locatie_id, fase=fase, ingangsdatum=ingang, reden=reden.strip(),
                    vastgelegd_door=user.naam, overleg_datum=v.datum, corrigeert_id=corrigeert),
                    wat=f"fasebesluit voor {row['code']}")
        return
    if soort == SOORT_BEHEER and row is not None:
        with st.form(f"overleg_beheer_{int(row['id'])}", clear_on_submit=True):
            c1, c2 = st.columns(2)
            commissie = c1.selectbox("Beheercommissie", list(BEHEERCOMMISSIE), format_func=BEHEERCOMMISSIE.get,
                                     index=list(BEHEERCOMMISSIE).index(row["beheercommissie"] or "afwezig"))
            convenant = c2.selectbox("Beheerconvenant", list(BEHEERCONVENANT), format_func=BEHEERCONVENANT.get,
                                     index=list(BEHEERCONVENANT).index(row["beheerconvenant"] or "afwezig"))
            convenant_datum = c1.date_input("Convenant van", value=row["convenant_datum"] if pd.notna(
                row["convenant_datum"]) else v.datum, format="DD-MM-YYYY")
            register = c2.checkbox("Meldingenregister wordt bijgehouden", value=bool(row["meldingenregister"]))
            toelichting = st.text_input("Toelichting", max_chars=500)
            if st.form_submit_button("Beheer-status vastleggen", type="primary"):
                _schrijf(_beheer, v.id, punt_id, BeheerStatus(
                    locatie_id=int(row["id"]), ingangsdatum=v.datum, beheercommissie=commissie,
                    beheerconvenant=convenant, convenant_datum=None if convenant == "afwezig" else convenant_datum,
                    meldingenregister=register, vastgelegd_door=user.naam, toelichting=toelichting.strip(),
                    overleg_datum=v.datum), wat=f"beheer-status voor {row['code']}")
        return
    if soort == SOORT_VRIJ:
        with st.form(f"overleg_vrij_{punt_id}", clear_on_submit=True):
            tekst = st.text_area("Besluit", max_chars=2000, placeholder="Wat heeft de vergadering besloten?")
            if st.form_submit_button("Besluit vastleggen", type="primary"):
                if not tekst.strip():
                    st.error("Schrijf het besluit op; een leeg besluit wordt niet vastgelegd.")
                    return
                lid = None if row is None else int(row["id"])
                _schrijf(vg.voeg_besluit_toe, v.id, "vrij", tekst.strip(), punt_id, lid, wat="besluit")
        return
    with st.form(f"overleg_actie_{punt_id}", clear_on_submit=True):
        omschrijving = st.text_input("Actie", max_chars=300, placeholder="Wat moet er gebeuren?")
        c1, c2 = st.columns(2)
        eigenaar = c1.text_input("Eigenaar (organisatie)", max_chars=200,
                                 value="" if row is None else str(row["aanbieder"]))
        deadline = c2.date_input("Deadline", value=v.datum + timedelta(days=56), format="DD-MM-YYYY")
        if st.form_submit_button("Actie vastleggen", type="primary"):
            if not omschrijving.strip() or not eigenaar.strip():
                st.error("Geef de actie en de eigenaar (een organisatie) op.")
                return
            lid = None if row is None else int(row["id"])
            _schrijf(vg.voeg_actie_toe, v.id, omschrijving.strip(), eigenaar.strip(), deadline, punt_id, lid,
                     wat="actie")


def _beheer(conn, vid: int, punt_id: int, status: BeheerStatus) -> None:
    append_beheer_status(conn, status)
    tekst = (f"Beheercommissie {BEHEERCOMMISSIE[status.beheercommissie].lower()}; beheerconvenant "
             f"{BEHEERCONVENANT[status.beheerconvenant].lower()}; meldingenregister "
             f"{'ja' if status.meldingenregister else 'nee'}" + (f" ({status.toelichting})" if status.toelichting else ""))
    vg.voeg_besluit_toe(conn, vid, "beheer", tekst, punt_id, status.locatie_id)


def _actie_gereed(conn, vid: int, punt_id: int, actie_id: int, titel: str) -> None:
    vg.zet_actie_status(conn, actie_id, "gereed", vid)
    vg.voeg_besluit_toe(conn, vid, "vrij", f"{titel}: gereed", punt_id)


def status_knoppen(v: vg.Vergadering) -> None:
    """Mark the meeting held, and the report sent."""
    a, b = st.columns(2)
    if v.status in ("in_voorbereiding", "vastgesteld"):
        a.button("Vergadering gehouden", key="overleg_gehouden", on_click=_bewerk, args=(v, vg.zet_status, "gehouden"),
                 kwargs={"melding": "Vergadering als gehouden vastgelegd."})
    if v.status == "gehouden":
        b.button("Verslag verstuurd", key="overleg_verstuurd", on_click=_bewerk,
                 args=(v, vg.zet_status, "verslag_verstuurd"), kwargs={"melding": "Verslag als verstuurd vastgelegd."})


def exports_sectie(v: vg.Vergadering, punten: pd.DataFrame) -> None:
    """Besluitenlijst and actielijst on screen; agenda, besluitenlijst and actielijst as PDF and Excel."""
    besluiten = db.run_query(vg.besluitenlijst, v.id)
    acties = db.run_query(vg.acties, v.id)
    st.markdown(f"**Besluitenlijst ({len(besluiten)})**")
    toon_tabel(exports.vergadering_besluiten_tabel(besluiten), leeg="Nog geen besluiten.", hide_index=True, width="stretch")
    st.markdown(f"**Actielijst ({len(acties)})**")
    toon_tabel(exports.acties_tabel(acties), leeg="Nog geen acties.", hide_index=True, width="stretch")
    naam = f"{v.soort}_{v.datum:%Y%m%d}"
    agenda = op_agenda(punten)
    demo = db.demo_geladen()  # the documents say so visibly (issue 22)

    def document(maak, *rijen: pd.DataFrame) -> partial:  # noqa: ANN001 - one of the exports' functions
        return partial(maak, v.soort, v.datum, v.plaats, *rijen, demo=demo)

    knoppen = (
        ("Agenda (PDF)", document(exports.vergadering_agenda_pdf, agenda, db.run_query(vg.deelnemers, v.id)),
         f"hkd_agenda_{naam}.pdf", PDF),
        ("Besluitenlijst (PDF)", document(exports.vergadering_besluiten_pdf, besluiten),
         f"hkd_besluitenlijst_{naam}.pdf", PDF),
        ("Besluitenlijst (Excel)", document(exports.vergadering_besluiten_xlsx, besluiten),
         f"hkd_besluitenlijst_{naam}.xlsx", XLSX),
        ("Actielijst (PDF)", document(exports.acties_pdf, acties), f"hkd_actielijst_{naam}.pdf", PDF),
        ("Actielijst (Excel)", document(exports.acties_xlsx, acties), f"hkd_actielijst_{naam}.xlsx", XLSX),
    )
    for kolom, (label, data, bestand, mime) in zip(st.columns(len(knoppen)), knoppen, strict=True):
        downloads.knop(label, data, bestand, mime, plek=kolom)

"""Nieuwe initiatieven: the register, the step history, saved scans, provider proposals, the meeting contract.

Every write appends (steps, scans, proposals, decisions); the database checks each step against the stappenplan
(``hkd.stap_overgangen``) and the layer role's row-level security decides whose rows a caller may touch. These
functions check the same rules first (``geo.stappenplan``) so that a page can say in Dutch what is wrong.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Connection

from core.domain import ADVIEZEN, FASE_CODES, STAPPEN, VOORSTEL_SOORTEN
from core.kalender import TZ, vandaag
from geo import persoonsgegevens, stappenplan
from geo.agenda import AgendaVoorstel
from geo.draagkracht import ScanResultaat
from geo.scan_archief import (
    Verschil,
    bewaarde_beoordelingen,
    invoer_json,
    naar_json,
    normen_versie,
    uit_json,
    verschillen,
)
from geo.scan_norms import Beoordeling
from geo.stappenplan import Context, OngeldigeStap, controleer, controleer_ruimtelijk
from queries.sqlfiles import sql

BRONNEN = ("adres", "kaart", "coördinaten")


@dataclass(frozen=True)
class NieuwInitiatief:
    """What a provider (or HKD on its behalf) submits."""

    naam: str
    woonvorm: str
    doelgroep: str
    plaatsen: int
    contact_rol: str
    startdatum: date | None = None
    contact_kanaal: str = ""
    context: str = ""
    ruimtelijke_procedure: bool = False


@dataclass(frozen=True)
class KandidaatAdres:
    """A candidate address: a point in RD New, geocoded ('adres') or placed ('kaart', 'coördinaten')."""

    omschrijving: str
    x: float
    y: float
    bron: str = "adres"


def fouten(ini: NieuwInitiatief, kandidaten: list[KandidaatAdres], woonvormen: set[str]) -> list[str]:
    """Every problem of a submission, in Dutch (empty when it is fine)."""
    out = []
    if not ini.naam.strip():
        out.append("Geef het initiatief een naam.")
    if len(ini.naam) > 200:
        out.append("De naam is te lang (hoogstens 200 tekens).")
    if ini.woonvorm not in woonvormen:
        out.append("Kies een woonvorm.")
    elif not stappenplan.gezamenlijk_traject(ini.woonvorm):
        out.append("Zelfstandig wonen doorloopt het stappenplan niet: het convenant volgt een gezamenlijk traject "
                   "voor alle woonvormen behalve zelfstandig wonen.")
    if not ini.doelgroep.strip():
        out.append("Geef de doelgroep op.")
    if not 1 <= ini.plaatsen <= 500:
        out.append("Het aantal plaatsen ligt tussen 1 en 500.")
    if not ini.contact_rol.strip():
        out.append("Geef de rol of functie van de contactpersoon op (geen naam nodig).")
    if len(ini.context) > 5000:
        out.append("De toelichting is te lang (hoogstens 5.000 tekens).")
    # the same check as the database's (migration 304): no personal data in the contact or the toelichting
    for tekst, label, toegestaan in ((ini.contact_rol, "De contactrol", ()),
                                     (ini.contact_kanaal, "Het functionele contactadres", (persoonsgegevens.EMAIL,)),
                                     (ini.context, "De toelichting", ())):
        gevonden = [s for s in persoonsgegevens.vondsten(tekst) if s not in toegestaan]
        if gevonden:
            out.append(persoonsgegevens.melding(label, gevonden) + ".")
    if not kandidaten:
        out.append("Geef minstens één kandidaatadres op.")
    for n, k in enumerate(kandidaten, 1):
        if not k.omschrijving.strip():
            out.append(f"Kandidaat {n}: geef een omschrijving of adres.")
        if k.bron not in BRONNEN:
            out.append(f"Kandidaat {n}: onbekende bron {k.bron!r}.")
    return out


def eigen_aanbieder_id(conn: Connection) -> int | None:
    return conn.execute(sql("initiatieven", "eigen_aanbieder")).scalar_one()


def aanbieder_id(conn: Connection, code: str) -> int | None:
    return conn.execute(sql("initiatieven", "aanbieder_id"), {"code": code}).scalar_one_or_none()


def indienen(conn: Connection, aanbieder_id: int, ini: NieuwInitiatief, kandidaten: list[KandidaatAdres]) -> int:
    """Submit an initiative with its candidate addresses, all or nothing; returns its id.

    Under the provider role the database refuses any ``aanbieder_id`` but the provider's own."""
    params = {**ini.__dict__, "aanbieder_id": aanbieder_id,
              "naam": ini.naam.strip(), "doelgroep": ini.doelgroep.strip(), "contact_rol": ini.contact_rol.strip()}
    nieuw = conn.execute(sql("initiatieven", "initiatief_invoegen"), params).scalar_one()
    for k in kandidaten:
        kandidaat_toevoegen(conn, nieuw, k)
    return nieuw


def kandidaat_toevoegen(conn: Connection, initiatief_id: int, k: KandidaatAdres) -> int:
    return conn.execute(sql("initiatieven", "kandidaat_invoegen"),
                        {"initiatief_id": initiatief_id, "omschrijving": k.omschrijving.strip(), "bron": k.bron,
                         "x": k.x, "y": k.y}).scalar_one()


def lijst(conn: Connection, datum: date | None = None, met_gebied: bool = True) -> pd.DataFrame:
    """Initiatives by step (order of the stappenplan), with days in the step; ``met_gebied`` for HKD only."""
    return pd.read_sql(sql("initiatieven", "lijst" if met_gebied else "lijst_aanbieder"), conn,
                       params={"datum": datum or vandaag()})


def initiatief(conn: Connection, initiatief_id: int):
    """One initiative (a Row with its current step and latest advice), None when absent or not visible."""
    return conn.execute(sql("initiatieven", "initiatief"), {"id": initiatief_id}).one_or_none()


def stappen(conn: Connection, initiatief_id: int) -> pd.DataFrame:
    return pd.read_sql(sql("initiatieven", "stappen"), conn, params={"id": initiatief_id})


def kandidaten(conn: Connection, initiatief_id: int) -> pd.DataFrame:
    return pd.read_sql(sql("initiatieven", "kandidaten"), conn, params={"id": initiatief_id})


def alle_kandidaten(conn: Connection) -> pd.DataFrame:
    return pd.read_sql(sql("initiatieven", "alle_kandidaten"), conn)


def _context(row) -> Context:
    return Context(row.woonvorm, bool(row.ruimtelijke_procedure), row.advies)


def stap_vastleggen(conn: Connection, initiatief_id: int, stap: str, datum: date, reden: str, *,
                    advies: str | None = None, voorwaarden: str = "", fase: str | None = None,
                    overleg_datum: date | None = None, locatie_id: int | None = None) -> int:
    """Append a step after checking it against the stappenplan (the database checks again); returns its id."""
    row = initiatief(conn, initiatief_id)
    if row is None:
        raise OngeldigeStap("onbekend initiatief")
    controleer(row.stap, stap, _context(row), advies)
    if not reden.strip():
        raise OngeldigeStap("geef een reden of toelichting")
    if advies == "voorwaardelijk" and not voorwaarden.strip():
        raise OngeldigeStap("een voorwaardelijk advies noemt de voorwaarden")
    if advies in ("positief", "voorwaardelijk") and fase not in FASE_CODES:
        raise OngeldigeStap("een positief of voorwaardelijk advies zegt in welke fase de locatie start")
    return conn.execute(sql("initiatieven", "stap_invoegen"), {
        "initiatief_id": initiatief_id, "stap": stap, "datum": datum, "reden": reden.strip(),
        "advies": advies, "voorwaarden": voorwaarden.strip(), "fase": fase if advies != "negatief" else None,
        "overleg_datum": overleg_datum, "locatie_id": locatie_id}).scalar_one()


def intrekken(conn: Connection, initiatief_id: int, reden: str) -> int:
    """Withdraw an initiative today with a reason (a provider its own, HKD any); returns the step's id."""
    row = initiatief(conn, initiatief_id)
    if row is None:
        raise OngeldigeStap("onbekend initiatief")
    controleer(row.stap, "ingetrokken", _context(row), None)
    if not reden.strip():
        raise OngeldigeStap("geef een reden voor het intrekken")
    return conn.execute(sql("initiatieven", "intrekken"), {"initiatief_id": initiatief_id,
                                                           "reden": reden.strip()}).scalar_one()


def ruimtelijk_wijzigen(conn: Connection, initiatief_id: int, ruimtelijk: bool, datum: date, reden: str) -> int:
    """HKD changes the ruimtelijke-procedure flag (appended with date, reason and who; the next steps follow the new
    value at once). Refused while the flag no longer decides the route. Returns the change's id."""
    row = initiatief(conn, initiatief_id)
    if row is None:
        raise OngeldigeStap("onbekend initiatief")
    controleer_ruimtelijk(row.stap, _context(row), ruimtelijk)
    if not reden.strip():
        raise OngeldigeStap("geef een reden voor de wijziging")
    if not row.ingediend_op.astimezone(TZ).date() <= datum <= vandaag():
        raise OngeldigeStap("de datum van de wijziging ligt tussen de indiening en vandaag")
    return conn.execute(sql("initiatieven", "ruimtelijk_wijzigen"), {
        "initiatief_id": initiatief_id, "ruimtelijk": ruimtelijk, "datum": datum, "reden": reden.strip()}).scalar_one()


def ruimtelijk_historie(conn: Connection, initiatief_id: int) -> pd.DataFrame:
    """The changes of the ruimtelijke-procedure flag (``vorige`` of the first is the value at submission)."""
    return pd.read_sql(sql("initiatieven", "ruimtelijk_historie"), conn, params={"id": initiatief_id})


def advies_vastleggen(conn: Connection, initiatief_id: int, advies: str, voorwaarden: str, overleg_datum: date,
                      fase: str | None = "0", reden: str = "") -> int:
    """Record the Sturingsoverleg's advice on ``overleg_datum`` (the meeting contract); returns the step's id.

    The discussion in the meeting is itself a step: an initiative still at 'draagkrachtscan' first gets
    'bespreking' on the meeting date. Each step is checked by the stappenplan."""
    if advies not in ADVIEZEN:
        raise OngeldigeStap("een advies is positief, voorwaardelijk of negatief")
    row = initiatief(conn, initiatief_id)
    if row is None:
        raise OngeldigeStap("onbekend initiatief")
    if row.stap == "draagkrachtscan":
        stap_vastleggen(conn, initiatief_id, "bespreking", overleg_datum, "Besproken in het Sturingsoverleg",
                        overleg_datum=overleg_datum)
    return stap_vastleggen(conn, initiatief_id, "advies", overleg_datum,
                           reden.strip() or f"Advies van het Sturingsoverleg: {ADVIEZEN[advies].lower()}",
                           advies=advies, voorwaarden=voorwaarden, fase=fase, overleg_datum=overleg_datum)


@dataclass(frozen=True)
class Realisatie:
    """Where a realised initiative lands in the register: a new location, or an existing location code."""

    datum: date
    kandidaat_id: int | None = None
    code: str = ""
    naam: str = ""
    straat: str = ""
    huisnummer: str = ""
    postcode: str = ""
    bestaande_code: str | None = None


def realiseren(conn: Connection, initiatief_id: int, r: Realisatie) -> int:
    """The initiative becomes a location: the location (new or existing), its first fase decision (the fase the
    advice set) and the step 'gerealiseerd' pointing at it, in one transaction. Returns the location's id."""
    from queries.besluiten import FaseBesluit, append_fase_besluit

    row = initiatief(conn, initiatief_id)
    if row is None:
        raise OngeldigeStap("onbekend initiatief")
    controleer(row.stap, "gerealiseerd", _context(row))
    if r.bestaande_code:
        locatie_id = conn.execute(sql("initiatieven", "locatie_id"), {"code": r.bestaande_code}).scalar_one_or_none()
        if locatie_id is None:
            raise OngeldigeStap(f"onbekende locatiecode {r.bestaande_code!r}")
    else:
        locatie_id = conn.execute(sql("initiatieven", "locatie_invoegen"), {
            "initiatief_id": initiatief_id, "kandidaat_id": r.kandidaat_id, "code": r.code, "naam": r.naam,
            "straat": r.straat, "huisnummer": r.huisnummer, "postcode": r.postcode}).scalar_one_or_none()
        if locatie_id is None:
            raise OngeldigeStap("deze kandidaat hoort niet bij dit initiatief")
        append_fase_besluit(conn, FaseBesluit(
            locatie_id=locatie_id, fase=row.advies_fase or "0", ingangsdatum=r.datum,
            reden=f"Start na advies over initiatief {initiatief_id}", vastgelegd_door="initiatief"))
    stap_vastleggen(conn, initiatief_id, "gerealiseerd", r.datum, "Gerealiseerd: opgenomen in het locatieregister",
                    locatie_id=locatie_id)
    return locatie_id


# Saved scans -------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class BewaardeScan:
    """A saved scan as it was shown: the rebuilt result, its criteria as shown, and its metadata."""

    id: int
    initiatief_id: int
    kandidaat_id: int
    resultaat: ScanResultaat
    beoordelingen: list[Beoordeling]
    normen_versie: str
    data_datum: date
    grensset: str
    pdf: bytes | None
    vastgelegd_door: str


def scan_bewaren(conn: Connection, initiatief_id: int, kandidaat_id: int, res: ScanResultaat, pdf: bytes | None,
                 data_datum: date) -> int:
    """Keep a scan with every input and its result; the first kept scan moves 'aangemeld' to 'draagkrachtscan'."""
    grensset = conn.execute(sql("initiatieven", "grensset")).scalar_one()
    scan_id = conn.execute(sql("initiatieven", "scan_invoegen"), {
        "initiatief_id": initiatief_id, "kandidaat_id": kandidaat_id,
        "invoer": json.dumps(invoer_json(res), ensure_ascii=False), "normen_versie": normen_versie(res.config),
        "data_datum": data_datum, "grensset": grensset, "resultaat": json.dumps(naar_json(res), ensure_ascii=False),
        "pdf": pdf}).scalar_one()
    row = initiatief(conn, initiatief_id)
    if row is not None and row.stap == "aangemeld":
        stap_vastleggen(conn, initiatief_id, "draagkrachtscan", data_datum, f"Draagkrachtscan bewaard (scan {scan_id})")
    return scan_id


def scans(conn: Connection, initiatief_id: int) -> pd.DataFrame:
    return pd.read_sql(sql("initiatieven", "scans"), conn, params={"id": initiatief_id})


def scan_openen(conn: Connection, scan_id: int) -> BewaardeScan | None:
    """A saved scan exactly as stored (never recomputed from today's data)."""
    r = conn.execute(sql("initiatieven", "scan"), {"id": scan_id}).one_or_none()
    if r is None:
        return None
    return BewaardeScan(r.id, r.initiatief_id, r.kandidaat_id, uit_json(r.resultaat),
                        bewaarde_beoordelingen(r.resultaat), r.normen_versie, r.data_datum, r.grensset,
                        bytes(r.pdf) if r.pdf is not None else None, r.vastgelegd_door)


def vergelijk_met_nu(bewaard: BewaardeScan, nu: ScanResultaat) -> list[Verschil]:
    """What would change if the saved scan were run today (``nu``: the same inputs, today's data and norms)."""
    return verschillen(bewaard.beoordelingen, nu.beoordelingen())


# Spreading -------------------------------------------------------------------------------------------------------
def spreiding(conn: Connection, x: float, y: float, plaatsen: int) -> pd.DataFrame:
    """Buurt, wijk and city: facilities and places per 1,000 inhabitants now and after adding the candidate."""
    frame = pd.read_sql(sql("initiatieven", "spreiding"), conn, params={"x": x, "y": y})
    inw = frame["inwoners"].astype(float)
    ok = inw > 0
    frame["voorzieningen_na"] = frame["voorzieningen"] + 1  # the candidate lies in its buurt, wijk and city
    frame["plaatsen_na"] = frame["plaatsen"] + plaatsen
    for kol in ("voorzieningen", "voorzieningen_na", "plaatsen", "plaatsen_na"):
        frame[f"{kol}_per_1000"] = (frame[kol] * 1000 / inw).where(ok).round(2)
    return frame


# Provider proposals ----------------------------------------------------------------------------------------------
def voorstel_fouten(soort: str, plaatsen: int | None, toelichting: str) -> list[str]:
    out = []
    if soort not in VOORSTEL_SOORTEN:
        out.append("Kies wat er veranderd is.")
    if soort == "plaatsen" and (plaatsen is None or not 0 <= plaatsen <= 500):
        out.append("Het nieuwe aantal plaatsen ligt tussen 0 en 500.")
    if len(toelichting) > 2000:
        out.append("De toelichting is te lang (hoogstens 2.000 tekens).")
    return out


def voorstel_indienen(conn: Connection, aanbieder_id: int, locatie_id: int, soort: str, datum: date,
                      plaatsen: int | None = None, toelichting: str = "") -> int:
    """A provider proposes an update to its own location; the database refuses another provider's location."""
    return conn.execute(sql("initiatieven", "voorstel_invoegen"), {
        "aanbieder_id": aanbieder_id, "locatie_id": locatie_id, "soort": soort, "datum": datum,
        "plaatsen": plaatsen if soort == "plaatsen" else None, "toelichting": toelichting.strip()}).scalar_one()


def voorstellen(conn: Connection) -> pd.DataFrame:
    """The proposals the caller may see (a provider: its own), open ones first."""
    return pd.read_sql(sql("initiatieven", "voorstellen"), conn)


def voorstel_beoordelen(conn: Connection, voorstel_id: int, goedgekeurd: bool, reden: str,
                        overleg_datum: date | None) -> int:
    """HKD approves (one fact appended, pointing at the proposal) or rejects with a reason; returns the decision."""
    if not reden.strip():
        raise ValueError("geef een reden voor het besluit")
    return conn.execute(sql("initiatieven", "voorstel_beoordelen"), {
        "voorstel_id": voorstel_id, "goedgekeurd": goedgekeurd, "reden": reden.strip(),
        "overleg_datum": overleg_datum}).scalar_one()


# The meeting contract --------------------------------------------------------------------------------------------
def agenda_voorstellen(conn: Connection, datum: date) -> list[AgendaVoorstel]:
    """Initiatives waiting for advice (``bron="initiatief"``) and proposals waiting for approval (``"voorstel"``)."""
    out = []
    for r in conn.execute(sql("initiatieven", "wachten_op_advies"), {"datum": datum}):
        redenen = [f"Wacht op advies ({STAPPEN[r.stap].lower()} sinds {r.sinds:%d-%m-%Y})",
                   f"{r.plaatsen} plaatsen, {r.woonvorm}; {r.scans} bewaarde scan(s)"]
        out.append(AgendaVoorstel("initiatief", f"initiatief:{r.id}", f"Initiatief {r.naam} ({r.aanbieder})",
                                  tuple(redenen), gewicht=1))
    for r in conn.execute(sql("initiatieven", "open_voorstellen"), {"datum": datum}):
        wat = VOORSTEL_SOORTEN.get(r.soort, r.soort) + (f": {r.plaatsen}" if r.plaatsen is not None else "")
        out.append(AgendaVoorstel("voorstel", f"voorstel:{r.id}", f"Voorstel {r.code} {r.naam} ({r.aanbieder})",
                                  (f"{wat} (per {r.datum:%d-%m-%Y}); wacht op goedkeuring",), gewicht=0,
                                  locatie_id=r.locatie_id))
    return out


def eigen_locaties(conn: Connection) -> pd.DataFrame:
    """``id, code, naam, plaatsen`` of the locations the caller may see (a provider: its own)."""
    return pd.read_sql(sql("initiatieven", "eigen_locaties"), conn)

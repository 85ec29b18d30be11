"""Vergaderingen (Sturingsoverleg, Platform) as records: agenda, live current item, besluitenlijst, actielijst.

Agenda edits are guarded by the meeting's ``versie`` (optimistic concurrency): every edit names the version the
editor saw; when another edit came first the edit is refused with :class:`VersieConflict` and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Connection

from core.domain import ADVIEZEN, VOORSTEL_SOORTEN
from geo.agenda import AgendaVoorstel, actie_voorstel
from geo.stappenplan import OngeldigeStap
from queries.besluiten import FaseBesluit, append_fase_besluit
from queries.initiatieven import advies_vastleggen, initiatief, voorstel_beoordelen
from queries.sqlfiles import sql

SOORTEN = ("sturingsoverleg", "platform")
STATUSSEN = ("in_voorbereiding", "vastgesteld", "gehouden", "verslag_verstuurd")


class VersieConflict(Exception):
    """Another edit of this meeting came first: the edit based on an older version is refused."""


@dataclass(frozen=True)
class Vergadering:
    """One meeting."""

    id: int
    soort: str
    datum: date
    plaats: str
    status: str
    versie: int
    huidig_punt_id: int | None
    voorzitter: str | None


@dataclass(frozen=True)
class LiveStand:
    """What a following screen polls (one cheap row)."""

    huidig_punt_id: int | None
    versie: int
    voorzitter: str | None
    status: str
    besluiten: int


def maak_vergadering(conn: Connection, soort: str, datum: date, plaats: str = "",
                     deelnemers: tuple[tuple[str, str], ...] = ()) -> int:
    """Create a meeting in preparation with its attendees ``(organisatie, rol)``; returns its id."""
    vid = conn.execute(sql("vergaderingen", "maak_vergadering"),
                       {"soort": soort, "datum": datum, "plaats": plaats}).scalar_one()
    for organisatie, rol in deelnemers:
        voeg_deelnemer_toe(conn, vid, organisatie, rol)
    return vid


def voeg_deelnemer_toe(conn: Connection, vergadering_id: int, organisatie: str, rol: str = "",
                       aanwezig: bool = True) -> None:
    """Add an attendee: an organisation, a person by role only."""
    conn.execute(sql("vergaderingen", "voeg_deelnemer_toe"),
                 {"vergadering_id": vergadering_id, "organisatie": organisatie, "rol": rol, "aanwezig": aanwezig})


def deelnemers(conn: Connection, vergadering_id: int) -> pd.DataFrame:
    """The attendees of a meeting."""
    return pd.read_sql(sql("vergaderingen", "deelnemers"), conn, params={"vergadering_id": vergadering_id})


def vergadering(conn: Connection, vergadering_id: int) -> Vergadering | None:
    """One meeting (``None`` when unknown)."""
    row = conn.execute(sql("vergaderingen", "vergadering_op_id"), {"id": vergadering_id}).one_or_none()
    return Vergadering(**row._mapping) if row else None


def vergaderingen_lijst(conn: Connection) -> pd.DataFrame:
    """Every meeting, newest first."""
    return pd.read_sql(sql("vergaderingen", "vergaderingen_lijst"), conn)


def vorige_gehouden(conn: Connection, soort: str, datum: date) -> date | None:
    """The date of the previous held meeting of ``soort`` before ``datum``."""
    return conn.execute(sql("vergaderingen", "vorige_gehouden"), {"soort": soort, "datum": datum}).scalar_one()


def gehouden_data(conn: Connection, soort: str, datum: date) -> list[date]:
    """The dates of the held meetings of ``soort`` up to ``datum`` (inclusive), oldest first."""
    return list(conn.execute(sql("vergaderingen", "gehouden_data"), {"soort": soort, "datum": datum}).scalars())


def bewerk(conn: Connection, vergadering_id: int, versie: int) -> int:
    """Claim an edit of the meeting seen at ``versie``: returns the new version, or raises :class:`VersieConflict`.

    Call it first in the transaction of every agenda edit; the row lock makes a concurrent editor wait and then
    find the version moved on."""
    nieuw = conn.execute(sql("vergaderingen", "verhoog_versie"), {"id": vergadering_id, "versie": versie}
                         ).scalar_one_or_none()
    if nieuw is None:
        raise VersieConflict(vergadering_id)
    return nieuw


def voeg_punt_toe(conn: Connection, vergadering_id: int, voorstel: AgendaVoorstel, status: str = "voorgesteld",
                  volgorde: int | None = None, handmatig: bool = False, tekst: str = "") -> int | None:
    """Add an agenda item; ``None`` when an item with this source and key is already there (it stays)."""
    return conn.execute(sql("vergaderingen", "voeg_punt_toe"), {
        "vergadering_id": vergadering_id, "bron": voorstel.bron, "sleutel": voorstel.sleutel,
        "titel": voorstel.titel, "redenen": list(voorstel.redenen), "gewicht": voorstel.gewicht,
        "volgorde": volgorde, "status": status, "hamerstuk": voorstel.hamerstuk, "handmatig": handmatig,
        "tekst": tekst, "locatie_id": voorstel.locatie_id,
    }).scalar_one_or_none()


def agendapunten(conn: Connection, vergadering_id: int) -> pd.DataFrame:
    """The agenda items of a meeting: on the agenda first (in order), hamerstukken, then reserve and removed."""
    frame = pd.read_sql(sql("vergaderingen", "agendapunten"), conn, params={"vergadering_id": vergadering_id})
    frame["locatie_id"] = frame["locatie_id"].astype("Int64")
    return frame


def zet_punt_status(conn: Connection, vergadering_id: int, punt_id: int, status: str) -> None:
    """Accept (``aanvaard``), remove (``verwijderd``) or park (``reserve``) an item."""
    conn.execute(sql("vergaderingen", "zet_punt_status"),
                 {"vergadering_id": vergadering_id, "id": punt_id, "status": status})


def zet_volgorde(conn: Connection, vergadering_id: int, volgorde: list[int]) -> None:
    """Number the items ``volgorde`` (agendapunt ids) 1, 2, ... in that order."""
    conn.execute(sql("vergaderingen", "zet_punt_volgorde"),
                 [{"vergadering_id": vergadering_id, "id": pid, "volgorde": i} for i, pid in
                  enumerate(volgorde, start=1)])


def stel_vast(conn: Connection, vergadering_id: int) -> None:
    """Fix the agenda: proposed items become accepted, the meeting becomes ``vastgesteld``."""
    conn.execute(sql("vergaderingen", "aanvaard_voorgestelde"), {"vergadering_id": vergadering_id})
    zet_status(conn, vergadering_id, "vastgesteld")


def zet_status(conn: Connection, vergadering_id: int, status: str) -> None:
    """Set the status of a meeting (in voorbereiding, vastgesteld, gehouden, verslag verstuurd)."""
    conn.execute(sql("vergaderingen", "zet_status"), {"id": vergadering_id, "status": status})


def zet_huidig_punt(conn: Connection, vergadering_id: int, punt_id: int | None) -> bool:
    """Move the current item of the meeting; ``False`` when the user does not have the chair."""
    row = conn.execute(sql("vergaderingen", "zet_huidig_punt"), {"id": vergadering_id, "punt_id": punt_id}
                       ).one_or_none()
    return row is not None


def neem_voorzitterschap(conn: Connection, vergadering_id: int) -> None:
    """The current user takes the chair: from now on only they move the current item."""
    conn.execute(sql("vergaderingen", "neem_voorzitterschap"), {"id": vergadering_id})


def live_stand(conn: Connection, vergadering_id: int) -> LiveStand | None:
    """The current item, version and number of decisions: what a following screen polls every second."""
    row = conn.execute(sql("vergaderingen", "live_stand"), {"id": vergadering_id}).one_or_none()
    return LiveStand(**row._mapping) if row else None


def voeg_besluit_toe(conn: Connection, vergadering_id: int, soort: str, tekst: str, agendapunt_id: int | None = None,
                     locatie_id: int | None = None, fase_besluit_id: int | None = None) -> int:
    """Append a decision to the meeting's besluitenlijst; returns its id."""
    return conn.execute(sql("vergaderingen", "voeg_besluit_toe"), {
        "vergadering_id": vergadering_id, "agendapunt_id": agendapunt_id, "soort": soort, "tekst": tekst,
        "fase_besluit_id": fase_besluit_id, "locatie_id": locatie_id}).scalar_one()


def leg_fasebesluit_vast(conn: Connection, vergadering_id: int, agendapunt_id: int | None,
                         besluit: FaseBesluit) -> int:
    """A fase decision taken at the meeting: appended to the fase history and to the besluitenlijst, together."""
    fase_id = append_fase_besluit(conn, besluit)
    return voeg_besluit_toe(conn, vergadering_id, "fase", f"Fase {besluit.fase}: {besluit.reden}", agendapunt_id,
                            besluit.locatie_id, fase_id)


def leg_advies_vast(conn: Connection, vergadering_id: int, initiatief_id: int, advies: str, voorwaarden: str,
                    fase: str | None, reden: str = "") -> int:
    """Advice on an initiative taken at the meeting: a step in the stappenplan (on the meeting date) and a line in
    the meeting's besluitenlijst, in one transaction; returns the besluit's id."""
    v = vergadering(conn, vergadering_id)
    if v is None:
        raise OngeldigeStap("onbekende vergadering")
    advies_vastleggen(conn, initiatief_id, advies, voorwaarden, v.datum, fase, reden)
    naam = initiatief(conn, initiatief_id).naam
    delen = [f"Advies {ADVIEZEN[advies].lower()} over initiatief {naam}"]
    if voorwaarden.strip():
        delen.append(f"voorwaarden: {voorwaarden.strip()}")
    if fase is not None and advies != "negatief":
        delen.append(f"startfase {fase}")
    if reden.strip():
        delen.append(reden.strip())
    return voeg_besluit_toe(conn, vergadering_id, "advies", "; ".join(delen))


def leg_beoordeling_vast(conn: Connection, vergadering_id: int, voorstel_id: int, goedgekeurd: bool,
                         reden: str) -> int:
    """A provider's proposal approved or rejected at the meeting: the decision on the proposal (on the meeting
    date) and a line in the besluitenlijst about its location, in one transaction; returns the besluit's id."""
    v = vergadering(conn, vergadering_id)
    if v is None:
        raise ValueError("onbekende vergadering")
    voorstel_beoordelen(conn, voorstel_id, goedgekeurd, reden, v.datum)
    row = conn.execute(sql("vergaderingen", "voorstel_locatie"), {"id": voorstel_id}).one()
    wat = "goedgekeurd" if goedgekeurd else "afgewezen"
    return voeg_besluit_toe(conn, vergadering_id, "goedkeuring",
                            f"Voorstel {voorstel_id} ({VOORSTEL_SOORTEN.get(row.soort, row.soort)}) {wat}: "
                            f"{reden.strip()}", locatie_id=row.locatie_id)


def besluitenlijst(conn: Connection, vergadering_id: int) -> pd.DataFrame:
    """The besluitenlijst of a meeting (a provider sees only decisions about its own locations)."""
    frame = pd.read_sql(sql("vergaderingen", "besluitenlijst"), conn, params={"vergadering_id": vergadering_id})
    frame["corrigeert_id"] = frame["corrigeert_id"].astype("Int64")
    return frame


def eigen_besluiten(conn: Connection) -> pd.DataFrame:
    """Every decision the user's layer may see, with the meeting (for providers: their own locations only)."""
    return pd.read_sql(sql("vergaderingen", "eigen_besluiten"), conn)


def voeg_actie_toe(conn: Connection, vergadering_id: int, omschrijving: str, eigenaar: str,
                   deadline: date | None = None, agendapunt_id: int | None = None,
                   locatie_id: int | None = None) -> int:
    """Record an action item (owner organisation, deadline); it stays open until closed."""
    return conn.execute(sql("vergaderingen", "voeg_actie_toe"), {
        "vergadering_id": vergadering_id, "agendapunt_id": agendapunt_id, "omschrijving": omschrijving,
        "eigenaar": eigenaar, "deadline": deadline, "locatie_id": locatie_id}).scalar_one()


def zet_actie_status(conn: Connection, actie_id: int, status: str, vergadering_id: int | None = None) -> None:
    """Close an action (``gereed``, ``vervallen``) at a meeting, or reopen it (``open``)."""
    conn.execute(sql("vergaderingen", "zet_actie_status"),
                 {"id": actie_id, "status": status, "vergadering_id": vergadering_id})


def acties(conn: Connection, vergadering_id: int) -> pd.DataFrame:
    """The actielijst of a meeting."""
    return pd.read_sql(sql("vergaderingen", "acties"), conn, params={"vergadering_id": vergadering_id})


def agenda_voorstellen(conn: Connection, datum: date) -> list[AgendaVoorstel]:
    """Agenda source: the open action items of earlier meetings (they come back until done)."""
    rows = conn.execute(sql("vergaderingen", "open_acties"), {"datum": datum})
    return [actie_voorstel(r.id, r.omschrijving, r.eigenaar, r.deadline, r.vergadering_datum, datum, r.locatie_id)
            for r in rows]


def aantal_vergaderingen(conn: Connection) -> int:
    """How many meetings are recorded."""
    return conn.execute(sql("vergaderingen", "aantal_vergaderingen")).scalar_one()


def fase_besluiten_van_overleggen(conn: Connection) -> pd.DataFrame:
    """Fase decisions that name a meeting date, oldest first."""
    return pd.read_sql(sql("vergaderingen", "fase_besluiten_van_overleggen"), conn)

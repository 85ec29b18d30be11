"""Beheercommissie meetings, verbeteracties (fase 3a), extra inzet (fase 3b) and the planning of the inventory's
actions: append-only records, read back as the stand on a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Connection

from core.domain import INVENTARISATIE_DATUM
from geo.agenda import AgendaVoorstel
from geo.meldingen import (
    actie_over_tijd,
    commissie_reden,
    commissie_stand,
    planning_reden,
    planning_stand,
    verbeteracties_reden,
)
from queries.meldingen import normen
from queries.sqlfiles import sql


@dataclass(frozen=True)
class Vergadering:
    """One beheercommissie meeting."""

    locatie_id: int
    datum: date
    aanwezig: tuple[str, ...]
    verslag: str = ""


@dataclass(frozen=True)
class Verbeteractie:
    """One version of a verbeteractie; ``vervangt_id`` names the version it replaces (a status change)."""

    locatie_id: int
    actie: str
    eigenaar: str
    deadline: date
    status: str = "open"
    vervangt_id: int | None = None


@dataclass(frozen=True)
class ExtraInzet:
    """A period of extra inzet on toezicht and handhaving (fase 3b)."""

    locatie_id: int
    maatregel: str
    van: date
    tot: date | None = None
    toelichting: str = ""
    corrigeert_id: int | None = None


def vergadering_toevoegen(conn: Connection, v: Vergadering) -> int:
    """Append a meeting; return its id."""
    return conn.execute(sql("monitoring", "vergadering_toevoegen"), {
        "locatie_id": v.locatie_id, "datum": v.datum, "aanwezig": list(v.aanwezig), "verslag": v.verslag,
    }).scalar_one()


def vergaderingen(conn: Connection, locatie_id: int) -> pd.DataFrame:
    """The meetings of one location, newest first."""
    return pd.read_sql(sql("monitoring", "vergaderingen"), conn, params={"locatie_id": locatie_id})


def commissies_op(conn: Connection, op: date) -> pd.DataFrame:
    """Per visible location: fase, last meeting, rhythm, next due date and whether it is behind on ``op``."""
    nrm = normen(conn)
    frame = pd.read_sql(sql("monitoring", "laatste_vergaderingen"), conn, params={"op": op})
    standen = [
        commissie_stand(r.fase, r.laatste if pd.notna(r.laatste) else None, op, nrm, sinds=INVENTARISATIE_DATUM)
        for r in frame.itertuples(index=False)
    ]
    frame["laatste"] = [s.laatste for s in standen]
    frame["ritme_maanden"] = pd.array([s.ritme_maanden for s in standen], dtype="Int64")
    frame["volgende_uiterlijk"] = [s.volgende_uiterlijk for s in standen]
    frame["achter"] = [s.achter for s in standen]
    return frame


def verbeteractie_toevoegen(conn: Connection, a: Verbeteractie) -> int:
    """Append a verbeteractie (or a new version of one); return its id."""
    return conn.execute(sql("monitoring", "verbeteractie_toevoegen"), a.__dict__).scalar_one()


def verbeteracties(conn: Connection, op: date, locatie_id: int | None = None) -> pd.DataFrame:
    """The current version of every visible verbeteractie, with ``over_tijd`` on ``op``."""
    frame = pd.read_sql(sql("monitoring", "verbeteracties"), conn, params={"locatie_id": locatie_id})
    frame["over_tijd"] = [actie_over_tijd(d, s, op) for d, s in zip(frame["deadline"], frame["status"], strict=True)]
    return frame


def extra_inzet_toevoegen(conn: Connection, e: ExtraInzet) -> int:
    """Append a period of extra inzet; return its id."""
    return conn.execute(sql("monitoring", "extra_inzet_toevoegen"), e.__dict__).scalar_one()


def extra_inzet(conn: Connection, locatie_id: int) -> pd.DataFrame:
    """The extra inzet of one location, newest first."""
    return pd.read_sql(sql("monitoring", "extra_inzet"), conn, params={"locatie_id": locatie_id})


def planning_toevoegen(conn: Connection, locatie_id: int, soort: str, prioriteit: int, streefdatum: date) -> int:
    """Set the priority and target date of an inventory action (the latest entry counts)."""
    return conn.execute(sql("monitoring", "planning_toevoegen"), {
        "locatie_id": locatie_id, "soort": soort, "prioriteit": prioriteit, "streefdatum": streefdatum,
    }).scalar_one()


def planning(conn: Connection, op: date) -> pd.DataFrame:
    """The planned inventory actions with their state on ``op`` (``gereed, te_laat, binnenkort, op_schema``)."""
    frame = pd.read_sql(sql("monitoring", "planning"), conn, params={"sinds": INVENTARISATIE_DATUM})
    gereed = [g if pd.notna(g) else None for g in frame["gereed_op"]]
    frame["gereed_op"] = gereed
    frame["stand"] = [planning_stand(s, g, op) for s, g in zip(frame["streefdatum"], gereed, strict=True)]
    return frame


def agenda_voorstellen(conn: Connection, datum: date) -> list[AgendaVoorstel]:
    """Locations with a commissie behind its rhythm, overdue verbeteracties or a planned action past its target
    date on ``datum``, as agenda proposals (bron "monitoring", one per location with every reason)."""
    redenen: dict[int, list[str]] = {}
    titels: dict[int, str] = {}
    gewicht: dict[int, int] = {}
    nrm = normen(conn)
    for r in commissies_op(conn, datum).itertuples(index=False):
        if r.achter:
            stand = commissie_stand(r.fase, r.laatste, datum, nrm, sinds=INVENTARISATIE_DATUM)
            redenen.setdefault(r.id, []).append(commissie_reden(stand))
            titels[r.id] = f"{r.code} {r.naam}"
            gewicht[r.id] = gewicht.get(r.id, 0) + 1
    acties = verbeteracties(conn, datum)
    over_tijd = acties[acties["over_tijd"]] if not acties.empty else acties.iloc[0:0]
    for (loc, code, naam), groep in (over_tijd.groupby(["locatie_id", "code", "naam"]) if not over_tijd.empty
                                     else ()):
        redenen.setdefault(int(loc), []).append(verbeteracties_reden(len(groep)))
        titels[int(loc)] = f"{code} {naam}"
        gewicht[int(loc)] = gewicht.get(int(loc), 0) + 3 * len(groep)
    plan = planning(conn, datum)
    for r in (plan[plan["stand"] == "te_laat"].itertuples(index=False) if not plan.empty else ()):
        redenen.setdefault(int(r.locatie_id), []).append(planning_reden(r.soort, r.streefdatum))
        titels[int(r.locatie_id)] = f"{r.code} {r.naam}"
        gewicht[int(r.locatie_id)] = gewicht.get(int(r.locatie_id), 0) + 4 - int(r.prioriteit)
    voorstellen = [
        AgendaVoorstel(bron="monitoring", sleutel=f"locatie:{loc}", titel=titels[loc], redenen=tuple(rs),
                       gewicht=gewicht[loc], locatie_id=loc)
        for loc, rs in redenen.items()
    ]
    return sorted(voorstellen, key=lambda v: (-v.gewicht, v.titel))


def beheersafspraak_toevoegen(conn: Connection, locatie_id: int, soort: str, datum: date,
                              omschrijving: str = "") -> int:
    """Record that an agreement of ``soort`` (``client`` or ``gemeente``) is in place for a location from ``datum``,
    with what was agreed (``omschrijving``, no personal data: the database refuses it)."""
    return conn.execute(sql("monitoring", "beheersafspraak_toevoegen"),
                        {"locatie_id": locatie_id, "soort": soort, "datum": datum,
                         "omschrijving": omschrijving}).scalar_one()


def beheersafspraken_historie(conn: Connection, locatie_id: int) -> pd.DataFrame:
    """Every recorded agreement of one location (``id, soort, datum, omschrijving, vastgelegd_door,
    vastgelegd_op``), newest first; row-level security leaves a provider only its own locations'."""
    return pd.read_sql(sql("monitoring", "beheersafspraken_historie"), conn, params={"locatie_id": locatie_id})


def beheersafspraken_op(conn: Connection, locatie_id: int, op: date) -> dict[str, date]:
    """``{soort: sinds}`` of the recorded agreements of one location on ``op`` (kinds without a row are absent)."""
    return {r.soort: r.sinds for r in conn.execute(sql("monitoring", "beheersafspraken_op"),
                                                   {"locatie_id": locatie_id, "op": op})}

"""Fase decisions and beheer-status: append entries, derive the stand on a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection

from core.domain import FASE_CODES
from queries.sqlfiles import sql


@dataclass(frozen=True)
class FaseBesluit:
    """A decision to put a location in a fase from a date on."""

    locatie_id: int
    fase: str
    ingangsdatum: date
    reden: str
    vastgelegd_door: str
    overleg_datum: date | None = None
    corrigeert_id: int | None = None


@dataclass(frozen=True)
class BeheerStatus:
    """The management agreements of a location from a date on."""

    locatie_id: int
    ingangsdatum: date
    beheercommissie: str
    beheerconvenant: str
    convenant_datum: date | None
    meldingenregister: bool
    vastgelegd_door: str
    toelichting: str = ""
    overleg_datum: date | None = None


def append_fase_besluit(conn: Connection, besluit: FaseBesluit) -> int:
    """Append a decision; returns its id. The database refuses unknown fasen and empty reasons."""
    return conn.execute(sql("besluiten", "insert_fase_besluit"), besluit.__dict__).scalar_one()


def append_beheer_status(conn: Connection, status: BeheerStatus) -> int:
    """Append a beheer-status entry; returns its id."""
    return conn.execute(sql("besluiten", "insert_beheer_status"), status.__dict__).scalar_one()


def locaties_with_history(conn: Connection) -> set[int]:
    """Ids of locations that have at least one decision."""
    return {r[0] for r in conn.execute(sql("besluiten", "locaties_with_history"))}


def fase_counts(conn: Connection, op: date) -> dict[str, int]:
    """Number of locations per fase on date ``op``; every fase is present, zero where none."""
    counts = dict.fromkeys(FASE_CODES, 0)
    for row in conn.execute(sql("besluiten", "fase_counts_op"), {"datum": op}):
        counts[row.fase] = row.aantal
    return counts

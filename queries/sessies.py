"""Server-side sessions: OIDC sessions (migration 350) asked whether they may continue and ended on logout; named
sessions (migration 580) opened by the server, whose secret names the person of a layer's transaction."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import Connection

from queries.sqlfiles import sql

EINDES = ("uitgelogd", "inactief", "verlopen")


def gezien(conn: Connection, sleutel: str, inactief_minuten: int, verloopt_op: datetime) -> str | None:
    """``None`` while the session may continue (its last activity becomes now), else why it ended (:data:`EINDES`)."""
    return conn.execute(sql("sessies", "gezien"), {"sleutel": sleutel, "inactief_minuten": inactief_minuten,
                                                    "verloopt_op": verloopt_op}).scalar()


def beeindigen(conn: Connection, sleutel: str, verloopt_op: datetime) -> None:
    """End the session for good."""
    conn.execute(sql("sessies", "beeindigen"), {"sleutel": sleutel, "verloopt_op": verloopt_op})


def openen(conn: Connection, gebruiker: str, laag: str, inactief_minuten: int, verloopt_op: datetime) -> str:
    """Open a named session for ``gebruiker`` in the database role ``laag``; its secret (kept by the app only)."""
    return conn.execute(sql("sessies", "openen"), {"gebruiker": gebruiker, "laag": laag,
                                                   "inactief_minuten": inactief_minuten,
                                                   "verloopt_op": verloopt_op}).scalar_one()


def sleutel_van(geheim: str) -> str:
    """The key under which the database keeps a named session: the SHA-256 (hex) of its secret."""
    return hashlib.sha256(geheim.encode()).hexdigest()

"""Server-side OIDC sessions (migration 350): ask whether a session may continue, end one on logout."""

from __future__ import annotations

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

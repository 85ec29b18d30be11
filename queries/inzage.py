"""The inzage log: who looked at which address-level data, when (append-only, written by the database itself)."""

from __future__ import annotations

import json

from sqlalchemy import Connection

from queries.sqlfiles import sql


def log_inzage(conn: Connection, onderdeel: str, omschrijving: str, details: dict | None = None) -> int:
    """Write one entry of the inzage log in the caller's transaction; returns its id.

    Call it where a person deliberately opens a view (see ``dashboard.inzage``), never from a read function that
    reruns."""
    return conn.execute(
        sql("inzage", "log_inzage"),
        {"onderdeel": onderdeel, "omschrijving": omschrijving, "details": json.dumps(details or {})},
    ).scalar_one()

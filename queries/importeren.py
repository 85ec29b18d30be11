"""What every file load shares in the database: its one audit entry."""

from __future__ import annotations

import json

from sqlalchemy import Connection

from queries.sqlfiles import sql


def audit_laden(conn: Connection, tabel: str, gegevens: dict) -> None:
    """Write the one audit entry of a load of ``tabel`` (file name, format, counts) in the caller's transaction."""
    conn.execute(sql("importeren", "audit_laden"), {"tabel": tabel, "gegevens": json.dumps(gegevens,
                                                                                            ensure_ascii=False)})

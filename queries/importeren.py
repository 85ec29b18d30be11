"""What every file load shares in the database: its one audit entry."""

from __future__ import annotations

import json

from sqlalchemy import Connection, TextClause

from queries.sqlfiles import sql


def audit_laden(conn: Connection, tabel: str, gegevens: dict) -> None:
    """Write the one audit entry of a load of ``tabel`` (file name, format, counts) in the caller's transaction."""
    conn.execute(sql("importeren", "audit_laden"), {"tabel": tabel, "gegevens": json.dumps(gegevens,
                                                                                            ensure_ascii=False)})


def tel_upserts(conn: Connection, statement: TextClause, rows: list[dict]) -> tuple[int, int]:
    """Run an upsert that returns ``nieuw`` (and no row when nothing changed) per row: ``(new, changed)``."""
    nieuw = gewijzigd = 0
    for row in rows:
        uitkomst = conn.execute(statement, row).one_or_none()
        if uitkomst is not None:
            nieuw += bool(uitkomst.nieuw)
            gewijzigd += not uitkomst.nieuw
    return nieuw, gewijzigd

"""Corporatiebezit (Kaart 4-1): dwellings per woningcorporatie, area and year, and the dominant corporation."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection

from queries.importeren import tel_upserts
from queries.sqlfiles import sql


def dominante_corporatie(conn: Connection, niveau: str, jaar: int) -> pd.DataFrame:
    """``gebied_code, corporatie_code, corporatie, woningen, adressen, aandeel`` (share in %, NULL without
    addresses) of the dominant corporation per area; areas without corporatiebezit are absent."""
    return pd.read_sql(sql("corporatiebezit", "dominante_corporatie"), conn, params={"niveau": niveau, "jaar": jaar})


def corporatie_aandelen(conn: Connection, niveau: str, jaar: int) -> pd.DataFrame:
    """Every corporation with dwellings per area: ``gebied_code, corporatie_code, corporatie, woningen, adressen,
    aandeel, rang`` (rang 1 = dominant)."""
    return pd.read_sql(sql("corporatiebezit", "corporatie_aandelen"), conn, params={"niveau": niveau, "jaar": jaar})


def bezit_jaren(conn: Connection, niveau: str) -> list[int]:
    """The years with corporatiebezit on ``niveau``, ascending."""
    return [int(r.jaar) for r in conn.execute(sql("corporatiebezit", "bezit_jaren"), {"niveau": niveau})]


def corporatie_sleutels(conn: Connection) -> pd.DataFrame:
    """``id, code, naam`` of every corporation (HKD and providers may read them)."""
    return pd.read_sql(sql("corporatiebezit", "corporatie_sleutels"), conn)


def store_bezit(conn: Connection, rows: list[dict]) -> int:
    """Upsert ``jaar, niveau, gebied_code, corporatie`` (code), ``woningen, bron`` rows (the trigger audits each).

    Returns the number of rows given (each names an existing corporation: the importer checked)."""
    if rows:
        conn.execute(sql("corporatiebezit", "upsert_bezit"), rows)
    return len(rows)


def store_bezit_geteld(conn: Connection, rows: list[dict]) -> tuple[int, int]:
    """:func:`store_bezit` row by row: ``(new, changed)`` figures; the rest were stored before unchanged."""
    return tel_upserts(conn, sql("corporatiebezit", "upsert_bezit"), rows)


def raster_dominant(conn: Connection, niveau: str, jaar: int) -> pd.DataFrame:
    """``cel_x, cel_y, gebied_code, corporatie, aandeel, lon, lat`` (south-west corner, WGS84) of every 100 m square
    at least half covered by areas of ``niveau``; ``corporatie`` is empty where that area has no corporatiebezit."""
    return pd.read_sql(sql("corporatiebezit", "raster_dominant"), conn, params={"niveau": niveau, "jaar": jaar})

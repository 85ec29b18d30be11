"""The locations register: lookups for the import, the register as stored, inserts and updates by code."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import shapely
from sqlalchemy import Connection

from queries.sqlfiles import sql

REGISTER_VELDEN = ("naam", "aanbieder_code", "woonvorm", "doelgroep", "plaatsen", "straat", "huisnummer",
                   "postcode", "plaats")


def aanbieders(conn: Connection) -> pd.DataFrame:
    """Providers: ``id, code, naam``."""
    return pd.read_sql(sql("locaties", "register_aanbieders"), conn)


def woonvormen(conn: Connection) -> pd.DataFrame:
    """Housing forms: ``code, naam``."""
    return pd.read_sql(sql("locaties", "register_woonvormen"), conn)


def gemeente(conn: Connection) -> shapely.Geometry | None:
    """The municipality boundary in RD New, or ``None`` when none is loaded."""
    wkb = conn.execute(sql("locaties", "gemeente_wkb")).scalar_one()
    return shapely.from_wkb(bytes(wkb)) if wkb is not None else None


def register(conn: Connection) -> pd.DataFrame:
    """Every stored location with its register fields and RD ``x``/``y``, by code."""
    return pd.read_sql(sql("locaties", "register_locaties"), conn)


def _params(regels: Iterable[dict]) -> list[dict]:
    return [{k: r[k] for k in ("code", *REGISTER_VELDEN, "x", "y")} for r in regels]


def insert_locaties(conn: Connection, regels: Iterable[dict]) -> int:
    """Insert new locations (dicts with ``code``, the register fields and ``x``/``y``); returns the count."""
    params = _params(regels)
    if params:
        conn.execute(sql("locaties", "insert_locatie"), params)
    return len(params)


def update_locaties(conn: Connection, regels: Iterable[dict]) -> int:
    """Update existing locations by code; returns the count."""
    params = _params(regels)
    if params:
        conn.execute(sql("locaties", "update_locatie"), params)
    return len(params)

"""Areas (gebieden): replace a level in one transaction, report what is loaded."""

from __future__ import annotations

import json
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import shapely
from sqlalchemy import Connection

from geo.boundaries import DISPLAY_TOLERANCE_M
from queries.sqlfiles import sql


@dataclass(frozen=True)
class Geografie:
    """Which geography the database holds."""

    soort: str  # 'echt' or 'schematisch'
    omschrijving: str


def replace_level(
    conn: Connection, niveau: str, areas: gpd.GeoDataFrame, *, jaar: int, bron: str
) -> int:
    """Replace all areas of ``niveau`` by ``areas`` (normalised, RD New) inside the caller's transaction.

    The outgoing set is kept in ``hkd.gebieden_historie`` with its year (see :func:`grenssets`).
    """
    conn.execute(sql("gebieden", "archive_level"), {"niveau": niveau})
    conn.execute(sql("gebieden", "delete_level"), {"niveau": niveau})
    rows = [
        {
            "niveau": niveau,
            "code": code,
            "naam": naam,
            "parent_code": parent if isinstance(parent, str) and parent else None,
            "jaar": jaar,
            "bron": bron,
            "wkb": shapely.to_wkb(geom),
            "tolerance": DISPLAY_TOLERANCE_M,
        }
        for code, naam, parent, geom in zip(
            areas["code"], areas["naam"], areas["parent_code"], areas.geometry, strict=True
        )
    ]
    conn.execute(sql("gebieden", "insert_area"), rows)
    conn.execute(sql("gebieden", "rederive_locaties"))
    conn.execute(
        sql("gebieden", "audit_load"),
        {"tabel": "gebieden", "gegevens": json.dumps({"niveau": niveau, "aantal": len(rows), "bron": bron})},
    )
    return len(rows)


def set_geografie(conn: Connection, soort: str, omschrijving: str) -> None:
    """Record which geography is in use."""
    conn.execute(sql("gebieden", "set_geografie"), {"soort": soort, "omschrijving": omschrijving})




def count_per_level(conn: Connection) -> dict[str, int]:
    """Number of areas per level."""
    return {r.niveau: r.n for r in conn.execute(sql("gebieden", "count_per_level"))}


def jaren_per_niveau(conn: Connection) -> dict[str, int]:
    """The boundary year of every loaded level."""
    return {r.niveau: r.jaar for r in conn.execute(sql("gebieden", "jaren_per_niveau"))}


def locaties_met_gebied(conn: Connection, niveau: str) -> pd.DataFrame:
    """Locations that lie in an area of ``niveau`` now: ``code, naam, x, y`` (RD New)."""
    return pd.read_sql(sql("gebieden", "locaties_met_gebied"), conn, params={"niveau": niveau})


def codes_met_cijfers(conn: Connection, niveau: str) -> pd.DataFrame:
    """Area codes of ``niveau`` holding indicator values: ``code, waarden, van, tot``."""
    return pd.read_sql(sql("gebieden", "codes_met_cijfers"), conn, params={"niveau": niveau})


def gemeente_code(conn: Connection) -> str | None:
    """The code of the loaded gemeente (``GM0599``), or ``None``."""
    return conn.execute(sql("gebieden", "gemeente_code")).scalar_one()


def grenssets(conn: Connection) -> pd.DataFrame:
    """Every boundary set per level and year, latest (``actueel``) and kept earlier ones."""
    return pd.read_sql(sql("gebieden", "grenssets"), conn)


def vierkanten_van_buurten(conn: Connection, codes: list[str]) -> pd.DataFrame:
    """``buurt_code, vierkant, x, y``: the CBS 100 m squares whose centre lies in one of the buurten ``codes``
    (``x, y`` the south-west corner in RD), sorted by buurt and square."""
    return pd.read_sql(sql("gebieden", "vierkanten_van_buurten"), conn, params={"codes": list(codes)})

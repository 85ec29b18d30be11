"""Overviews for the pages that the later issues deepen: per PC4, per buurt, per indicator, the audit log."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection

from queries.sqlfiles import sql


def woonvorm_per_pc4(conn: Connection) -> pd.DataFrame:
    """Facilities and places per PC4 and woonvorm."""
    return pd.read_sql(sql("overzicht", "woonvorm_per_pc4"), conn)


def plaatsen_per_buurt(conn: Connection) -> pd.DataFrame:
    """Places per buurt and per 1,000 inhabitants."""
    return pd.read_sql(sql("overzicht", "plaatsen_per_buurt"), conn)


def indicator_per_gebied(conn: Connection, indicator: str, jaar: int, niveau: str = "buurt") -> pd.DataFrame:
    """One indicator in one year for every area of a level (NaN where missing), with outline."""
    return pd.read_sql(
        sql("overzicht", "indicator_per_buurt"), conn, params={"indicator": indicator, "jaar": jaar, "niveau": niveau}
    )


def indicator_jaren(conn: Connection, indicator: str) -> list[int]:
    """The years for which ``indicator`` has values."""
    return [r[0] for r in conn.execute(sql("overzicht", "indicator_jaren"), {"indicator": indicator})]


def recente_audit(conn: Connection, n: int = 50) -> pd.DataFrame:
    """The latest ``n`` audit entries."""
    return pd.read_sql(sql("overzicht", "recente_audit"), conn, params={"n": n})


def gebieden_per_niveau(conn: Connection) -> pd.DataFrame:
    """Areas loaded per level, with year and source."""
    return pd.read_sql(sql("overzicht", "gebieden_per_niveau"), conn)

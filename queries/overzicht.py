"""Overviews for the Beheer page: the areas loaded per level and the latest entries of the audit log."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection

from queries.sqlfiles import sql


def recente_audit(conn: Connection, n: int = 50) -> pd.DataFrame:
    """The latest ``n`` audit entries."""
    return pd.read_sql(sql("overzicht", "recente_audit"), conn, params={"n": n})


def gebieden_per_niveau(conn: Connection) -> pd.DataFrame:
    """Areas loaded per level, with year and source."""
    return pd.read_sql(sql("overzicht", "gebieden_per_niveau"), conn)

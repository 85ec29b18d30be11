"""Locations with their fase on a date."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Connection

from queries.sqlfiles import sql


def locaties_met_fase(conn: Connection, op: date) -> pd.DataFrame:
    """Every location with its fase (and since when) on date ``op``."""
    return pd.read_sql(sql("fasen", "locaties_met_fase_op"), conn, params={"datum": op})

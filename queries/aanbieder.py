"""The provider layer: extended figures per PC4 for all providers, and the provider's own locations in detail."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection

from queries.sqlfiles import sql


def pc4_totaal(conn: Connection) -> pd.DataFrame:
    """``pc4, plaats, voorzieningen, plaatsen, aantal_aanbieders, geometry`` for every PC4."""
    return pd.read_sql(sql("aanbieder", "pc4_totaal"), conn)


def pc4_woonvorm(conn: Connection) -> pd.DataFrame:
    """``pc4, woonvorm, doelgroepen, voorzieningen, plaatsen, aantal_aanbieders, aanbieders``."""
    return pd.read_sql(sql("aanbieder", "pc4_woonvorm"), conn)


def mijn_locaties(conn: Connection) -> pd.DataFrame:
    """The locations the database lets this transaction see in detail (own ones for a provider)."""
    return pd.read_sql(sql("aanbieder", "mijn_locaties"), conn)

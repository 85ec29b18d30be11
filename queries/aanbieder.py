"""The provider layer: extended figures per PC4 for all providers, and the provider's own locations in detail."""

from __future__ import annotations

import json

import pandas as pd
from sqlalchemy import Connection

from queries.sqlfiles import sql


def log_inzage(conn: Connection, onderdeel: str, omschrijving: str, details: dict | None = None) -> int:
    """Write one entry of the inzage log (who saw which address-level data, when) in the caller's transaction."""
    return conn.execute(
        sql("aanbieder", "log_inzage"),
        {"onderdeel": onderdeel, "omschrijving": omschrijving, "details": json.dumps(details or {})},
    ).scalar_one()


def pc4_totaal(conn: Connection) -> pd.DataFrame:
    """``pc4, plaats, voorzieningen, plaatsen, aantal_aanbieders, geometry`` for every PC4."""
    return pd.read_sql(sql("aanbieder", "pc4_totaal"), conn)


def pc4_woonvorm(conn: Connection) -> pd.DataFrame:
    """``pc4, woonvorm, doelgroepen, voorzieningen, plaatsen, aantal_aanbieders, aanbieders``."""
    return pd.read_sql(sql("aanbieder", "pc4_woonvorm"), conn)


def mijn_locaties(conn: Connection) -> pd.DataFrame:
    """The locations the database lets this transaction see in detail (own ones for a provider), logged."""
    frame = pd.read_sql(sql("aanbieder", "mijn_locaties"), conn)
    log_inzage(conn, "aanbiederskaart", "eigen locaties op adresniveau",
               {"locaties": frame["code"].tolist()})
    return frame

"""The map search: areas for every layer (public view), locations for the signed-in layers (row-level security)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection

from geo.search import Zoekvraag
from queries.sqlfiles import sql

MAX_TREFFERS = 8


def gebieden(conn: Connection, vraag: Zoekvraag, maximum: int = MAX_TREFFERS) -> pd.DataFrame:
    """Areas matching ``vraag``: a PC4 (also for a PC6) by code, else names containing the text or an exact code.

    Columns ``niveau, code, naam, min_lon, min_lat, max_lon, max_lat, geometry`` (GeoJSON text)."""
    code = vraag.pc4 if vraag.pc4 else vraag.tekst
    patroon = "" if vraag.pc4 else vraag.patroon  # a postcode is looked up by code only ('' matches no name)
    begin = "" if vraag.pc4 else vraag.begin_patroon
    return pd.read_sql(sql("zoeken", "gebieden"), conn,
                       params={"patroon": patroon, "code": code, "begin": begin, "max": maximum})


def locaties(conn: Connection, vraag: Zoekvraag, maximum: int = MAX_TREFFERS) -> pd.DataFrame:
    """Locations matching ``vraag`` by code, name or PC6 (+ house number); ``id, code, naam, postcode,
    huisnummer, lon, lat``. Under ``hkd_publiek`` the database refuses (no grant): never call it for the public."""
    postcode = vraag.soort == "pc6"
    return pd.read_sql(sql("zoeken", "locaties"), conn, params={
        "code": vraag.tekst, "patroon": "" if postcode else vraag.patroon,
        "pc6": vraag.pc6 if postcode else None, "huisnummer": vraag.huisnummer if postcode else None,
        "max": maximum})

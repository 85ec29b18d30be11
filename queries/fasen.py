"""Locations with their fase on a date."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Connection

from geo.agenda import CONVENANT_MAX_JAREN, convenant_grens
from queries.sqlfiles import sql


def locaties_kaart(conn: Connection, op: date, max_jaren: int = CONVENANT_MAX_JAREN) -> pd.DataFrame:
    """Every location on ``op`` with fase, beheer-status, open beheer actions (``actie_*`` and ``open_acties``),
    areas and ``lon``/``lat`` (HKD role only: this frame holds addresses and points)."""
    frame = pd.read_sql(
        sql("fasen", "locaties_kaart_op"), conn, params={"datum": op, "convenant_grens": convenant_grens(op, max_jaren)}
    )
    frame["open_acties"] = frame[["actie_commissie", "actie_convenant", "actie_meldingenregister"]].sum(axis=1)
    return frame


def fase_tijdlijn(conn: Connection, locatie_id: int, op: date) -> pd.DataFrame:
    """The fase decisions of one location up to ``op``, oldest first, with ``corrigeert_id``/``gecorrigeerd_door_id``."""
    return pd.read_sql(sql("fasen", "fase_tijdlijn"), conn, params={"locatie_id": locatie_id, "datum": op})




def wijkprofiel_indices(conn: Connection, wijkprofiel_code: str | None, jaar: int) -> pd.DataFrame:
    """Wijkprofiel indices (veiligheid, sociaal, fysiek) of a wijk in the latest year up to ``jaar``; empty if none."""
    if not wijkprofiel_code:
        return pd.DataFrame(columns=["indicator", "jaar", "waarde", "bron"])
    return pd.read_sql(sql("fasen", "wijkprofiel_indices"), conn, params={"code": wijkprofiel_code, "jaar": jaar})


def inventaris_voortgang(conn: Connection, inventarisatie: date, tot: date) -> pd.DataFrame:
    """Done/open of the inventory's three actions on every date something changed between the two dates."""
    return pd.read_sql(
        sql("fasen", "inventaris_voortgang"), conn, params={"inventarisatie": inventarisatie, "tot": tot}
    )


def gebied_omtrekken(conn: Connection, codes: tuple[str, ...]) -> pd.DataFrame:
    """``code, naam, geometry`` (GeoJSON text, WGS84, simplified) of the gebieden with the given codes."""
    return pd.read_sql(sql("fasen", "gebied_omtrekken"), conn, params={"codes": list(codes)})

"""Wijktrends queries: indicator catalogue and series, area outlines, facilities at the resolution a role allows."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection

from geo.disclosure import IndicatorRule
from queries.sqlfiles import sql


@dataclass(frozen=True)
class IndicatorInfo:
    """One loaded indicator on one level."""

    niveau: str
    indicator: str
    jaren: tuple[int, ...]
    gebieden: int
    bron: str


def indicator_catalogus(conn: Connection) -> list[IndicatorInfo]:
    """Every loaded (level, indicator) with its years, number of areas and source(s)."""
    return [
        IndicatorInfo(r.niveau, r.indicator, tuple(int(j) for j in r.jaren), r.gebieden, r.bron or "")
        for r in conn.execute(sql("trends", "indicator_catalogus"))
    ]


def indicator_reeks(conn: Connection, niveau: str, indicator: str) -> pd.DataFrame:
    """Long series ``gebied_code, jaar, waarde`` of one indicator on one level (every year)."""
    frame = pd.read_sql(sql("trends", "indicator_reeks"), conn, params={"niveau": niveau, "indicator": indicator})
    return frame.astype({"jaar": int, "waarde": float})


def indicator_jaren(conn: Connection, niveau: str, indicator: str, van: int, tot: int) -> pd.DataFrame:
    """``gebied_code, jaar, waarde`` of one indicator on one level in the years ``van`` and ``tot`` only."""
    frame = pd.read_sql(sql("trends", "indicator_jaren"), conn,
                        params={"niveau": niveau, "indicator": indicator, "van": van, "tot": tot})
    return frame.astype({"jaar": int, "waarde": float})


def referentie_reeks(conn: Connection, indicator: str, code: str = "NL") -> pd.DataFrame:
    """Reference values ``jaar, waarde, bron`` of one indicator (``NL``, ``G4`` or ``GM0599``), every year."""
    frame = pd.read_sql(sql("trends", "referentie_reeks"), conn, params={"code": code, "indicator": indicator})
    return frame.astype({"jaar": int, "waarde": float})


def gebied_vlakken(conn: Connection, niveau: str) -> pd.DataFrame:
    """Areas of a level: ``code, naam, parent_code, jaar, geometry`` (GeoJSON text) and label point ``lon, lat``."""
    return pd.read_sql(sql("trends", "gebied_vlakken"), conn, params={"niveau": niveau})


def gebied_codes(conn: Connection, niveau: str) -> pd.DataFrame:
    """Codes, names and boundary year of the areas of a level."""
    return pd.read_sql(sql("trends", "gebied_codes"), conn, params={"niveau": niveau})


def vierkanten_in_buurten(conn: Connection, codes: list[str]) -> pd.DataFrame:
    """``code, naam, jaar`` of the CBS square codes whose centre lies in a loaded buurt (name and boundary year of
    that buurt); the other codes are absent."""
    return pd.read_sql(sql("trends", "vierkanten_in_buurten"), conn, params={"codes": list(codes)})


def vierkanten_periode(conn: Connection, kw: str, ov: str, van: int, tot: int) -> pd.DataFrame:
    """Per CBS 100 m square in a buurt: ``vierkant, buurt_code, kw_van, kw_tot, ov_van, ov_tot`` (NaN where a value
    is missing or withheld), for Kaart 4-8 and Tabel 4-2/4-3 on parts of buurten."""
    frame = pd.read_sql(sql("trends", "vierkanten_periode"), conn,
                        params={"kw": kw, "ov": ov, "van": van, "tot": tot})
    return frame.astype({c: float for c in ("kw_van", "kw_tot", "ov_van", "ov_tot")})


def audit_indicator_load(conn: Connection, gegevens: dict) -> None:
    """The ONE audit entry of an indicator load (what, from which file, how many values new, changed, skipped)."""
    conn.execute(sql("trends", "audit_indicator_load"), {"gegevens": json.dumps(gegevens, ensure_ascii=False)})


def voorzieningen_pc4(conn: Connection) -> pd.DataFrame:
    """Public resolution: facilities per PC4 (``pc4, voorzieningen, lon, lat`` of a point inside the PC4 area)."""
    return pd.read_sql(sql("trends", "voorzieningen_pc4"), conn)


def voorzieningen_punten(conn: Connection) -> pd.DataFrame:
    """HKD resolution only: every facility as a point (``code, naam, woonvorm, plaatsen, lon, lat``)."""
    return pd.read_sql(sql("trends", "voorzieningen_punten"), conn)


MIN_WAARNEMINGEN = 10
"""Small-numbers rule of the grid: a square with a count under this is withheld (Veerkracht, footnote 6)."""


def raster_100m(conn: Connection, niveau: str, indicator: str, jaar: int, aantal: bool,
                minimum: float = MIN_WAARNEMINGEN, buiten: tuple[str, ...] = ()) -> pd.DataFrame:
    """``cel_x, cel_y, waarde, dekking, lon, lat, eigen`` (south-west corner, WGS84) of the 100 m squares shown;
    ``eigen``: the square's own value (level vierkant), else the areas' values spread by area. Squares whose centre
    lies in one of the CBS wijken ``buiten`` (outside the analysis area) are left out."""
    return pd.read_sql(sql("trends", "raster_100m"), conn, params={
        "niveau": niveau, "indicator": indicator, "jaar": jaar, "aantal": aantal, "minimum": minimum,
        "buiten": list(buiten)})


def interpoleer(conn: Connection, van_niveau: str, naar_niveau: str, indicator: str, jaar: int,
                aantal: bool) -> pd.DataFrame:
    """``gebied_code, waarde, dekking`` of ``indicator`` moved from ``van_niveau`` to ``naar_niveau`` by area."""
    return pd.read_sql(sql("trends", "interpoleer"), conn, params={
        "van_niveau": van_niveau, "naar_niveau": naar_niveau, "indicator": indicator, "jaar": jaar,
        "aantal": aantal})
def indicator_regel(conn: Connection) -> IndicatorRule:
    """The disclosure rule of the public indicators as the database applies it."""
    r = conn.execute(sql("trends", "indicator_regel")).one()
    return IndicatorRule(r.min_waarnemingen, r.min_inwoners_buurt, tuple(r.percentage_indicatoren))


def achtergehouden(conn: Connection) -> pd.DataFrame:
    """Counts of withheld values: ``niveau, indicator, jaar, reden, waarden``."""
    return pd.read_sql(sql("trends", "achtergehouden"), conn)

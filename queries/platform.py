"""Platform HKD: aanbod per woonvorm over time against targets, corporations, uitstroom, spreiding, focus areas."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Connection

from queries.sqlfiles import sql


def aanbod_per_jaar(conn: Connection, van: int, tot: int, peildatum: date) -> pd.DataFrame:
    """``jaar, op, woonvorm, woonvorm_naam, volgorde, voorzieningen, plaatsen, instroom`` for every year and
    woonvorm: the stand at the end of the year (at ``peildatum`` in its own year) from the in-use dates, and the
    places that came into use during the year. Row-level security of the caller applies."""
    return pd.read_sql(sql("platform", "aanbod_per_jaar"), conn,
                       params={"van": van, "tot": tot, "peildatum": peildatum})


def doelen(conn: Connection) -> pd.DataFrame:
    """``woonvorm, woonvorm_naam, jaar, soort, plaatsen, bron, vastgesteld_door, vastgesteld_op``."""
    return pd.read_sql(sql("platform", "doelen"), conn)


def zet_doel(conn: Connection, woonvorm: str, jaar: int, plaatsen: int, bron: str, soort: str = "stand") -> None:
    """Set or change one target (HKD)."""
    conn.execute(sql("platform", "zet_doel"),
                 {"woonvorm": woonvorm, "jaar": jaar, "soort": soort, "plaatsen": plaatsen, "bron": bron})


def upsert_corporatie(conn: Connection, code: str, naam: str) -> None:
    """Add a woningcorporatie or rename it, by code."""
    conn.execute(sql("platform", "upsert_corporatie"), {"code": code, "naam": naam})


def corporaties(conn: Connection) -> pd.DataFrame:
    """``id, code, naam, eigenaar_van, verhuurder_van`` (links to locations the caller may see)."""
    return pd.read_sql(sql("platform", "corporaties"), conn)


def koppel_corporatie(conn: Connection, locatie_code: str, corporatie_code: str, rol: str) -> int:
    """Link a location to a corporation as ``eigenaar`` or ``verhuurder``; returns the rows written (0 or 1)."""
    return conn.execute(sql("platform", "koppel_corporatie"),
                        {"locatie": locatie_code, "corporatie": corporatie_code, "rol": rol}).rowcount


def zet_in_gebruik(conn: Connection, locatie_code: str, sinds: date | None, tot: date | None = None) -> int:
    """Set when a location came into use (and went out of use); returns the rows changed."""
    return conn.execute(sql("platform", "zet_in_gebruik"),
                        {"code": locatie_code, "sinds": sinds, "tot": tot}).rowcount


def upsert_uitstroom(conn: Connection, rows: list[dict]) -> None:
    """Write periods of the uitstroom monitor (keys: jaar, kwartaal, corporatie code or None, figures, bron)."""
    if rows:
        conn.execute(sql("platform", "upsert_uitstroom"), rows)


def uitstroom(conn: Connection) -> pd.DataFrame:
    """The uitstroom series: ``jaar, kwartaal, corporatie_code, corporatie, uitstromers, directe_bemiddeling,
    reguliere_urgentie, wachttijd_maanden, bron, geladen_op`` (corporatie NULL: all together)."""
    return pd.read_sql(sql("platform", "uitstroom"), conn)


def spreiding_buurt(conn: Connection, op: date) -> pd.DataFrame:
    """Per CBS buurt: ``code, naam, gebied_code, voorzieningen, plaatsen, inwoners, inwoners_jaar`` on ``op``."""
    return pd.read_sql(sql("platform", "spreiding_buurt"), conn, params={"op": op})


def spreiding(conn: Connection, niveau: str, op: date) -> pd.DataFrame:
    """Per ``buurt`` or ``gebied``: ``code, naam, voorzieningen, plaatsen, inwoners`` on ``op`` (all woonvormen
    the caller may see; areas without facilities included)."""
    buurten = spreiding_buurt(conn, op)
    if niveau == "buurt":
        return buurten
    if niveau != "gebied":
        raise ValueError(f"onbekend niveau {niveau!r}")
    namen = pd.read_sql(sql("platform", "gebied_namen"), conn)
    per = (buurten.groupby("gebied_code", as_index=False)
           .agg(voorzieningen=("voorzieningen", "sum"), plaatsen=("plaatsen", "sum"),
                inwoners=("inwoners", lambda s: s.sum(min_count=1)), inwoners_jaar=("inwoners_jaar", "max"))
           .rename(columns={"gebied_code": "code"}))
    return namen.merge(per, on="code", how="left").fillna({"voorzieningen": 0, "plaatsen": 0}).astype(
        {"voorzieningen": int, "plaatsen": int})


def omtrekken(conn: Connection, niveau: str) -> pd.DataFrame:
    """``code, naam, geometry`` (GeoJSON text, WGS84) of every area of ``niveau``."""
    return pd.read_sql(sql("platform", "omtrekken"), conn, params={"niveau": niveau})


def focus_omtrekken(conn: Connection, codes: tuple[str, ...]) -> pd.DataFrame:
    """``code, naam, geometry`` of the given CBS buurten (read through the public view: every layer may draw them)."""
    return pd.read_sql(sql("platform", "focus_omtrekken"), conn, params={"codes": list(codes)})


def fase_telling(conn: Connection, op: date) -> dict[str, int]:
    """Locations per fase on ``op``."""
    return {r.fase: r.n for r in conn.execute(sql("platform", "fase_telling"), {"op": op})}


def initiatieven_per_stap(conn: Connection) -> dict[str, int] | None:
    """Initiatives per step when ``hkd.initiatieven`` exists and is readable (another feature adds it), else ``None``."""
    if not conn.execute(sql("platform", "tabel_bestaat"), {"naam": "hkd.initiatieven"}).scalar_one():
        return None
    try:
        with conn.begin_nested():
            return {r.stap: r.n for r in conn.execute(sql("platform", "initiatieven_per_stap"))}
    except Exception:  # a table of another shape than expected: leave the section out rather than fail
        return None


def publiek_spreiding_gebied(conn: Connection) -> pd.DataFrame:
    """The disclosure-controlled spreiding per gebied: ``code, naam, voorzieningen, plaatsen`` (public layer)."""
    return pd.read_sql(sql("platform", "publiek_spreiding_gebied"), conn)


@dataclass(frozen=True)
class Bron:
    """A data source and its date."""

    bron: str
    datum: date | None


def bronnen(conn: Connection) -> list[Bron]:
    """The data sources of the platform figures with their dates (where known)."""
    return [Bron(r.bron, r.datum) for r in conn.execute(sql("platform", "bronnen")) if r.bron]

"""The public layer: disclosure-controlled aggregates per PC4 from the views in schema ``publiek`` only."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Connection

from geo.disclosure import DisclosureRule
from queries.gebieden import Geografie
from queries.sqlfiles import sql


def geografie(conn: Connection) -> Geografie | None:
    """The geography in use, or None before any load."""
    row = conn.execute(sql("publiek", "geografie")).first()
    return Geografie(row.soort, row.omschrijving) if row else None


def demo_geladen(conn: Connection) -> bool:
    """Whether the loaded figures include the demo's (sources starting with "Demo")."""
    return bool(conn.execute(sql("publiek", "demo_geladen")).scalar_one())


def regel(conn: Connection) -> DisclosureRule:
    """The disclosure rule configured in the database."""
    row = conn.execute(sql("publiek", "regel")).one()
    return DisclosureRule(row.min_voorzieningen, row.afronding, row.vertrouwelijk_niveau)


def pc4(conn: Connection) -> pd.DataFrame:
    """``pc4, plaats, voorzieningen, plaatsen (NaN = hidden), geometry (GeoJSON text)`` for every PC4."""
    frame = pd.read_sql(sql("publiek", "pc4"), conn)
    frame["plaatsen"] = frame["plaatsen"].astype("Int64")
    return frame


def pc4_woonvorm(conn: Connection) -> pd.DataFrame:
    """``pc4, woonvorm, woonvorm_naam, voorzieningen, plaatsen (NA = hidden)``."""
    frame = pd.read_sql(sql("publiek", "pc4_woonvorm"), conn)
    frame["plaatsen"] = frame["plaatsen"].astype("Int64")
    return frame


def vertrouwelijk(conn: Connection) -> pd.DataFrame:
    """Confidential woonvormen at the allowed level (NA where below the threshold)."""
    frame = pd.read_sql(sql("publiek", "vertrouwelijk"), conn)
    for col in ("voorzieningen", "plaatsen"):
        frame[col] = frame[col].astype("Int64")
    return frame


def zoekgebieden(conn: Connection) -> pd.DataFrame:
    """``niveau, code, naam, west, zuid, oost, noord, lon, lat, rand (GeoJSON or None), pc4s`` of every CBS wijk
    (``gebied``) and buurt: what the published map searches and names when zoomed in."""
    return pd.read_sql(sql("publiek", "zoekgebieden"), conn)


@dataclass(frozen=True)
class OpenbareKaart:
    """Everything the public map shows, read in one transaction."""

    regel: DisclosureRule
    pc4: pd.DataFrame
    pc4_woonvorm: pd.DataFrame
    vertrouwelijk: pd.DataFrame
    vertrouwelijke_namen: tuple[str, ...]
    gebieden: pd.DataFrame = field(default_factory=pd.DataFrame)  # zoekgebieden(); empty where not needed


def openbare_kaart(conn: Connection, met_gebieden: bool = False) -> OpenbareKaart:
    """The public map's data (rule, per PC4, per PC4 and woonvorm, confidential woonvormen; with ``met_gebieden``
    also the wijken and buurten the published site searches)."""
    namen = tuple(r[0].lower() for r in conn.execute(sql("publiek", "vertrouwelijke_woonvormen")))
    return OpenbareKaart(regel(conn), pc4(conn), pc4_woonvorm(conn), vertrouwelijk(conn), namen,
                         zoekgebieden(conn) if met_gebieden else pd.DataFrame())

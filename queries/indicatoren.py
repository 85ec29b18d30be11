"""The indicator catalogue in the database and the writing of indicator values (``queries/indicatoren.sql``)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection

from core.indicatoren import CATALOGUS, Indicator
from queries.sqlfiles import sql


def _definitie(i: Indicator) -> dict:
    return {"code": i.code, "label": i.label, "eenheid": i.eenheid, "hoger_beter": i.hoger_beter, "soort": i.soort,
            "bereik_min": float(i.bereik[0]), "bereik_max": float(i.bereik[1]),
            "min_waarnemingen": i.min_waarnemingen, "waarnemingen_uit": i.waarnemingen_uit,
            "cbs_buurtregel": i.cbs_buurtregel, "reeks": i.reeks, "bron_dataset": i.bron.dataset,
            "bron_uitgever": i.bron.uitgever}


def verwachte_definities() -> pd.DataFrame:
    """The catalogue as ``hkd.indicator_definities`` must hold it (one row per indicator, by code)."""
    return pd.DataFrame([_definitie(CATALOGUS[c]) for c in sorted(CATALOGUS)])


def synchroniseer_definities(conn: Connection) -> None:
    """Make ``hkd.indicator_definities`` equal to the catalogue (run after every migrate, as the owner)."""
    conn.execute(sql("indicatoren", "upsert_definitie"), [_definitie(i) for i in CATALOGUS.values()])
    conn.execute(sql("indicatoren", "verwijder_definities_behalve"), {"codes": sorted(CATALOGUS)})


def definities(conn: Connection) -> pd.DataFrame:
    """``hkd.indicator_definities`` as stored."""
    return pd.read_sql(sql("indicatoren", "definities"), conn)


def upsert_geteld(conn: Connection, rows: pd.DataFrame) -> tuple[int, int]:
    """Store ``niveau, gebied_code, jaar, indicator, waarde, bron, waarnemingen`` rows: ``(new, changed)``; the
    other rows were loaded before as they are and are left alone."""
    if rows.empty:
        return 0, 0
    params = {
        "niveau": rows["niveau"].tolist(), "gebied_code": rows["gebied_code"].tolist(),
        "jaar": [int(j) for j in rows["jaar"]], "indicator": rows["indicator"].tolist(),
        "waarde": [float(w) for w in rows["waarde"]], "bron": rows["bron"].tolist(),
        "waarnemingen": [None if pd.isna(n) else int(n) for n in rows["waarnemingen"]],
    }
    nieuw = [r.nieuw for r in conn.execute(sql("indicatoren", "upsert_indicatoren_geteld"), params)]
    return sum(nieuw), len(nieuw) - sum(nieuw)

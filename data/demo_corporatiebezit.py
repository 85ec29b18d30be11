"""Demo data of Kaart 4-1: addresses per buurt and the dwellings of the demo's (fictitious) woningcorporaties.

Derived from the demo's buurt series (:func:`data.demo_indicatoren.buurt_series`), so the maps agree: a buurt's
number of addresses follows its inhabitants (about 1.9 per address), and the corporations together own the share
of those addresses that the indicator ``aandeel_corporatie`` gives. Each CBS wijk has a "home" corporation, drawn
from the first six demo corporations, that owns most of the corporation dwellings in its buurten (as the report's
Kaart 4-1 shows large areas of one corporation); one to three others own the rest. Ownership shares stay the same
over the years, the totals follow the buurt. Deterministic; loading twice changes nothing (upserts).
"""

from __future__ import annotations

import random

import pandas as pd
from sqlalchemy import Connection

from data.demo_platform import CORPORATIES
from queries import corporatiebezit
from queries.sqlfiles import sql

SEED = 41  # Kaart 4-1
BRON = "Demo (fictieve woningcorporaties, gevormd naar Kaart 4-1 van Veerkracht in Rotterdam)"
INWONERS_PER_ADRES = 1.9


def adressen(buurt_series: pd.DataFrame) -> pd.DataFrame:
    """The indicator ``adressen`` per buurt and year (``niveau, gebied_code, jaar, indicator, waarde, bron``)."""
    inw = buurt_series[(buurt_series["indicator"] == "inwoners") & (buurt_series["niveau"] == "buurt")]
    return pd.DataFrame({
        "niveau": "buurt", "gebied_code": inw["gebied_code"].to_numpy(), "jaar": inw["jaar"].to_numpy(),
        "indicator": "adressen", "waarde": (inw["waarde"] / INWONERS_PER_ADRES).round().to_numpy(), "bron": BRON,
    })


def _verdeling(code: str) -> list[tuple[str, float]]:
    """``(corporatie, fraction)`` of a buurt's corporation dwellings, the home corporation of its wijk first."""
    codes = [c for c, _ in CORPORATIES]
    thuis = random.Random(f"{SEED}:wijk:{code[:8]}").choice(codes[:6])
    rng = random.Random(f"{SEED}:buurt:{code}")
    anderen = rng.sample([c for c in codes if c != thuis], rng.randint(1, 3))
    hoofd = rng.uniform(0.5, 0.85)
    rest = [rng.uniform(0.2, 1.0) for _ in anderen]
    return [(thuis, hoofd), *((c, (1 - hoofd) * r / sum(rest)) for c, r in zip(anderen, rest, strict=True))]


def bezit(buurt_series: pd.DataFrame) -> list[dict]:
    """Rows ``jaar, niveau, gebied_code, corporatie, woningen, bron`` for every buurt and year with corporatiebezit."""
    adres = adressen(buurt_series).set_index(["gebied_code", "jaar"])["waarde"]
    aandeel = buurt_series[buurt_series["indicator"] == "aandeel_corporatie"]
    rows = []
    for code, jaar, pct in sorted(zip(aandeel["gebied_code"], aandeel["jaar"], aandeel["waarde"], strict=True)):
        totaal = round(adres.get((code, jaar), 0) * pct / 100)
        if totaal <= 0:
            continue
        for corporatie, deel in _verdeling(code):
            rows.append({"jaar": int(jaar), "niveau": "buurt", "gebied_code": code, "corporatie": corporatie,
                         "woningen": round(totaal * deel), "bron": BRON})
    return rows


def load(conn: Connection, buurt_series: pd.DataFrame) -> int:
    """Upsert the addresses and the corporatiebezit (after the corporations exist); returns the bezit rows."""
    conn.execute(sql("indicatoren", "upsert_indicator"), adressen(buurt_series).to_dict("records"))
    rows = bezit(buurt_series)
    return corporatiebezit.store_bezit(conn, rows)

"""Demo data of the Kaart 4-4 overlay: placements via directe bemiddeling (uitstroom maatschappelijke opvang).

Counts per buurt and year as the indicator ``directe_bemiddeling`` (never an address: the report draws them as
places, HKD Kaart aggregates them to the buurt). Placements go where corporation homes are: about 0.4 % of a
buurt's corporation dwellings a year; in 2016 and 2018 more where kwetsbare groepen rose (as the report notes:
directe bemiddeling concentrated in buurten where vulnerable groups increased), by 15 % per index point of rise
over the previous two years. In the years the demo's uitstroom monitor covers (:func:`data.demo_platform.uitstroom`)
the city total is scaled to its number of placements via directe bemiddeling, so the Platform and Wijktrends pages
agree. Many buurten stay under 10 a year: those counts are withheld for everyone outside the database
(publiek.indicator_waarden, migration 183). Deterministic.
"""

from __future__ import annotations

import random

import pandas as pd

from data import demo_platform

BRON = "Demo (gevormd naar Veerkracht in Rotterdam, Kaart 4-4: plaatsingen via directe bemiddeling)"
SEED = 44
BASIS = 0.004
PIEKJAREN = (2016, 2018)


def monitor_totalen() -> dict[int, int]:
    """Placements via directe bemiddeling per year in the demo's uitstroom monitor (whole city)."""
    return {r["jaar"]: r["directe_bemiddeling"] for r in demo_platform.uitstroom()
            if r["kwartaal"] is None and r["corporatie"] is None}


def directe_bemiddeling(buurt_series: pd.DataFrame) -> pd.DataFrame:
    """``niveau, gebied_code, jaar, indicator, waarde, bron`` of ``directe_bemiddeling`` per buurt and year."""
    breed = buurt_series[buurt_series["niveau"] == "buurt"].pivot_table(
        index=["gebied_code", "jaar"], columns="indicator", values="waarde").sort_index()
    verwacht = {}
    for (code, jaar), r in breed.iterrows():
        woningen = r["inwoners"] / 1.9 * r["aandeel_corporatie"] / 100
        v = woningen * BASIS
        if jaar in PIEKJAREN and (code, jaar - 2) in breed.index:
            stijging = r["kwetsbare_groepen"] - breed.loc[(code, jaar - 2), "kwetsbare_groepen"]
            v *= 1 + 0.15 * max(0.0, stijging)
        verwacht[(code, int(jaar))] = v
    totalen = monitor_totalen()
    per_jaar = pd.Series(verwacht).groupby(level=1).sum()
    schaal = {j: totalen[j] / per_jaar[j] for j in per_jaar.index if j in totalen and per_jaar[j] > 0}
    rows = []
    for (code, jaar), v in verwacht.items():
        rng = random.Random(f"{SEED}:{code}:{jaar}")
        aantal = max(0, round(v * schaal.get(jaar, 1.0) * rng.uniform(0.7, 1.3)))
        rows.append(("buurt", code, jaar, "directe_bemiddeling", float(aantal), BRON))
    return pd.DataFrame(rows, columns=["niveau", "gebied_code", "jaar", "indicator", "waarde", "bron"])

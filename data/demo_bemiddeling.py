"""Demo data of the Kaart 4-4 overlay: placements via directe bemiddeling (uitstroom maatschappelijke opvang).

Counts per buurt and year as the indicator ``directe_bemiddeling`` (never an address: the report draws them as
places, HKD Kaart aggregates them to the buurt). Placements go where corporation homes are: about 0.6 % of a
buurt's corporation dwellings a year; in 2016 and 2018 more where kwetsbare groepen rose (as the report notes:
directe bemiddeling concentrated in buurten where vulnerable groups increased), by 15 % per index point of rise
over the previous two years. Many buurten stay under 10 a year: those counts are withheld for everyone outside
the database (publiek.indicator_waarden, migration 183). Deterministic.
"""

from __future__ import annotations

import random

import pandas as pd

BRON = "Demo (gevormd naar Veerkracht in Rotterdam, Kaart 4-4: plaatsingen via directe bemiddeling)"
SEED = 44
BASIS = 0.006
PIEKJAREN = (2016, 2018)


def directe_bemiddeling(buurt_series: pd.DataFrame) -> pd.DataFrame:
    """``niveau, gebied_code, jaar, indicator, waarde, bron`` of ``directe_bemiddeling`` per buurt and year."""
    breed = buurt_series[buurt_series["niveau"] == "buurt"].pivot_table(
        index=["gebied_code", "jaar"], columns="indicator", values="waarde")
    rows = []
    for (code, jaar), r in breed.sort_index().iterrows():
        rng = random.Random(f"{SEED}:{code}:{jaar}")
        woningen = r["inwoners"] / 1.9 * r["aandeel_corporatie"] / 100
        verwacht = woningen * BASIS
        if jaar in PIEKJAREN and (code, jaar - 2) in breed.index:
            stijging = r["kwetsbare_groepen"] - breed.loc[(code, jaar - 2), "kwetsbare_groepen"]
            verwacht *= 1 + 0.15 * max(0.0, stijging)
        rows.append(("buurt", code, int(jaar), "directe_bemiddeling",
                     float(max(0, round(verwacht * rng.uniform(0.7, 1.3)))), BRON))
    return pd.DataFrame(rows, columns=["niveau", "gebied_code", "jaar", "indicator", "waarde", "bron"])

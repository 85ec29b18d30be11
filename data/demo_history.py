"""The demo's decision history and beheer-status history, as plain records keyed by location code."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date

from core.domain import INVENTARISATIE_DATUM
from data.demo_locaties import OVERLEG_DATA, SEED


@dataclass(frozen=True)
class FaseRecord:
    """One fase decision of the demo; ``corrigeert`` points at an earlier record by index."""

    locatie: str
    fase: str
    ingangsdatum: date
    reden: str
    overleg_datum: date | None
    corrigeert: int | None = None


@dataclass(frozen=True)
class BeheerRecord:
    """One beheer-status snapshot of the demo."""

    locatie: str
    ingangsdatum: date
    beheercommissie: str
    beheerconvenant: str
    convenant_datum: date | None
    meldingenregister: bool
    toelichting: str
    overleg_datum: date | None


def _meeting(i: int) -> date:
    return OVERLEG_DATA[i]


TERUG_NAAR_FASE_1 = date(2023, 6, 12)
"""The fase 3a location (HKD-078) is back in fase 1 the day before the convenant's presentation of 13-6-2023."""


def fase_history(initial: dict[str, str]) -> list[FaseRecord]:
    """All fase decisions: the inventory, the 3a location back to 1, two swaps and one corrected mistake."""
    inv = INVENTARISATIE_DATUM
    records = [
        FaseRecord(code, fase, inv, "Inventarisatie 78 locaties: beheerfase vastgesteld", inv)
        for code, fase in sorted(initial.items())
    ]
    by_fase: dict[str, list[str]] = {}
    for code, fase in sorted(initial.items()):
        by_fase.setdefault(fase, []).append(code)
    drie_a = by_fase["3a"][0]
    twee = by_fase["2"]
    een = by_fase["1"]
    nul = by_fase["0"]
    m = _meeting
    records += [
        # Seed 001 (presentation of 13-6-2023): fase 3a has "1 locatie die inmiddels terug is naar fase 1". The
        # inventory overleg of 1-6 closed its verbetertraject; the return took effect before the presentation.
        FaseRecord(drie_a, "1", TERUG_NAAR_FASE_1,
                   "Verbetertraject afgerond, deadlines gehaald; terug naar actief basisregime", inv),
        FaseRecord(een[0], "2", m(3), "Toename meldingen overlast rond de locatie; extra controle middelengebruik", m(3)),
        FaseRecord(twee[0], "1", m(3), "Maatregelen verscherpt regime effectief; meldingen teruggelopen", m(3)),
        FaseRecord(nul[0], "1", m(10), "Nieuwe bewoners, buurt vraagt om periodiek overleg", m(10)),
        FaseRecord(een[1], "0", m(10), "Al een jaar geen meldingen; slapend regime volstaat", m(10)),
    ]
    wrong_index = len(records)
    records.append(FaseRecord(een[2], "2", m(12), "Meldingen buurtbewoners (ingevoerd bij verkeerde locatie)", m(12)))
    records.append(
        FaseRecord(een[2], "1", m(12), "Correctie: besluit was voor een andere locatie bedoeld", m(12),
                   corrigeert=wrong_index)
    )
    return records


def beheer_history(initial: dict[str, str]) -> list[BeheerRecord]:
    """Beheer-status at the inventory and the follow-up: 15 commissies (re)started, 31 convenanten updated."""
    rng = random.Random(SEED + 2)
    codes = sorted(initial)
    urgent = [c for c in codes if initial[c] in ("2", "3a")]
    others = [c for c in codes if c not in urgent]
    rng.shuffle(others)
    commissie_set = set(urgent[:5] + others[:10])  # 15
    convenant_set = set(urgent + others[10:34][: 31 - len(urgent)])  # 31
    inv = INVENTARISATIE_DATUM
    current: dict[str, BeheerRecord] = {}
    records: list[BeheerRecord] = []
    for code in codes:
        old = date(rng.randint(2012, 2018), rng.randint(1, 12), 1)
        recent = date(rng.randint(2019, 2022), rng.randint(1, 12), 1)
        rec = BeheerRecord(
            locatie=code,
            ingangsdatum=inv,
            beheercommissie="opstart" if code in commissie_set else "actief",
            beheerconvenant="in_actualisatie" if code in convenant_set else "actueel",
            convenant_datum=old if code in convenant_set else recent,
            meldingenregister=code not in convenant_set,
            toelichting="Stand bij de inventarisatie",
            overleg_datum=inv,
        )
        current[code] = rec
        records.append(rec)
    # Follow-up: most actions done since, spread over the meetings; some still open today.
    for i, code in enumerate(sorted(commissie_set)[:11]):
        when = _meeting(1 + i % 8)
        rec = replace(current[code], ingangsdatum=when, beheercommissie="actief", overleg_datum=when,
                      toelichting="Beheercommissie (opnieuw) gestart")
        current[code] = rec
        records.append(rec)
    for i, code in enumerate(sorted(convenant_set)[:23]):
        when = _meeting(2 + i % 10)
        rec = replace(current[code], ingangsdatum=when, beheerconvenant="actueel", convenant_datum=when,
                      meldingenregister=True, overleg_datum=when,
                      toelichting="Beheerconvenant geactualiseerd, met meldingenregister en meldkaart")
        current[code] = rec
        records.append(rec)
    records.sort(key=lambda r: (r.ingangsdatum, r.locatie))
    return records



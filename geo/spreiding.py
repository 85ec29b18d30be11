"""Spreiding: places per 1,000 inhabitants and how concentrated the places are over the city. Pure maths.

Two concentration measures, both over areas (buurten):

- ``aandeel_top``: the share of all places that lies in the 20 % of areas with the most places (rounded up to
  whole areas). With places spread evenly it is 0.2; with all places in a few areas it approaches 1.
- ``gini`` with its Lorenz curve: areas sorted by places per unit of weight (inhabitants, or 1 per area), the
  cumulative share of weight against the cumulative share of places. 0 = places exactly in proportion to the
  weight, towards 1 = all places in one area.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


def _onbekend(v: float | None) -> bool:
    return v is None or not math.isfinite(float(v))


def per_1000(plaatsen: float, inwoners: float | None) -> float | None:
    """Places per 1,000 inhabitants, one decimal; ``None`` without a (positive) population."""
    if _onbekend(inwoners) or _onbekend(plaatsen) or inwoners <= 0:
        return None
    return round(plaatsen * 1000 / inwoners, 1)


def index_tov_stad(waarde: float | None, stad: float | None) -> float | None:
    """An area's figure against the city's (100 = the city), rounded to whole numbers; ``None`` when unknown."""
    if _onbekend(waarde) or _onbekend(stad) or stad <= 0:
        return None
    return round(100 * waarde / stad)


def aandeel_top(plaatsen: Sequence[float], fractie: float = 0.2) -> float | None:
    """Share (0-1) of all places in the ``fractie`` of areas with the most places; ``None`` without places."""
    if not 0 < fractie <= 1:
        raise ValueError("fractie moet tussen 0 en 1 liggen")
    waarden = sorted((float(p) for p in plaatsen), reverse=True)
    totaal = sum(waarden)
    if not waarden or totaal <= 0:
        return None
    k = max(1, math.ceil(fractie * len(waarden) - 1e-9))
    return sum(waarden[:k]) / totaal


def _lorenz_arrays(plaatsen: Sequence[float], gewichten: Sequence[float] | None) -> tuple[np.ndarray, np.ndarray]:
    """Cumulative shares ``(weight, places)`` without the (0, 0) start; empty arrays when there is no curve."""
    p = np.asarray(plaatsen, dtype=float)
    w = np.ones(len(p)) if gewichten is None else np.asarray(
        [np.nan if g is None else g for g in gewichten], dtype=float)
    if len(w) != len(p):
        raise ValueError("plaatsen en gewichten moeten even lang zijn")
    houden = np.isfinite(w) & (w > 0)
    p, w = p[houden], w[houden]
    if len(p) == 0 or p.sum() <= 0:
        return np.empty(0), np.empty(0)
    volgorde = np.argsort(p / w, kind="stable")  # vectorised: 14,000 buurten per year at national scale
    cw, cp = np.cumsum(w[volgorde]), np.cumsum(p[volgorde])
    return cw / cw[-1], cp / cp[-1]


def lorenz(plaatsen: Sequence[float], gewichten: Sequence[float] | None = None) -> list[tuple[float, float]]:
    """The Lorenz curve as points ``(cumulative share of weight, cumulative share of places)`` from (0, 0) to (1, 1).

    Areas with zero or unknown weight are left out (a place where nobody lives cannot be weighed)."""
    x, y = _lorenz_arrays(plaatsen, gewichten)
    if len(x) == 0:
        return []
    return [(0.0, 0.0), *zip(x.tolist(), y.tolist(), strict=True)]


def dun_uit(punten: Sequence[tuple[float, float]], hoogstens: int) -> list[tuple[float, float]]:
    """At most ``hoogstens`` of ``punten``, evenly spread, the first and the last always kept (to draw a curve)."""
    if hoogstens < 2:
        raise ValueError("hoogstens moet minstens 2 zijn")
    n = len(punten)
    if n <= hoogstens:
        return list(punten)
    stap = (n - 1) / (hoogstens - 1)
    return [punten[round(i * stap)] for i in range(hoogstens)]


def gini(plaatsen: Sequence[float], gewichten: Sequence[float] | None = None) -> float | None:
    """Gini coefficient of places over areas (1 minus twice the area under the Lorenz curve); ``None`` without places."""
    x, y = _lorenz_arrays(plaatsen, gewichten)
    if len(x) == 0:
        return None
    x, y = np.concatenate(([0.0], x)), np.concatenate(([0.0], y))
    oppervlak = float(np.sum(np.diff(x) * (y[:-1] + y[1:]) / 2))
    return max(0.0, 1 - 2 * oppervlak)


@dataclass(frozen=True)
class Concentratie:
    """The concentration of places over the city on one date."""

    plaatsen: int
    gebieden: int
    per_1000_stad: float | None
    aandeel_top20: float | None
    gini_gebieden: float | None  # every area weighs the same
    gini_inwoners: float | None  # areas weighed by inhabitants: places against where people live


def concentratie(plaatsen: Sequence[float], inwoners: Sequence[float | None]) -> Concentratie:
    """All concentration figures of one distribution (one value per residential area)."""
    gewichten = [0.0 if w is None else float(w) for w in inwoners]
    return Concentratie(
        plaatsen=int(sum(plaatsen)), gebieden=len(plaatsen),
        per_1000_stad=per_1000(sum(plaatsen), sum(gewichten)),
        aandeel_top20=aandeel_top(plaatsen), gini_gebieden=gini(plaatsen), gini_inwoners=gini(plaatsen, gewichten),
    )


KLASSEN_TOV_STAD: tuple[str, ...] = (
    "geen plaatsen",
    "minder dan de helft van de stad",
    "half tot even veel als de stad",
    "tot twee keer de stad",
    "meer dan twee keer de stad",
)


def klasse_tov_stad(plaatsen: float, index: float | None) -> int | None:
    """Class (index into :data:`KLASSEN_TOV_STAD`) of an area by its places per 1,000 against the city (index,
    city = 100); ``None`` when the area has places but no known population."""
    if not plaatsen:
        return 0
    if index is None:
        return None
    if index < 50:
        return 1
    if index <= 100:
        return 2
    if index <= 200:
        return 3
    return 4

"""Aanbod against targets: the target that applies to a year and the gap to it. Pure rules."""

from __future__ import annotations

from dataclasses import dataclass

WACHTTIJD_NORM_MAANDEN = 3.0  # agreed norm: urgency to offer of a home at most 3 months (seed 001)
ALLEEN_DIRECTE_BEMIDDELING_VANAF = 2024
"""From this year uitstroom to zelfstandig wonen goes only via directe bemiddeling (seed 001, Plan van aanpak)."""


IJKPUNT_AANDEEL_VRIJKOMEND = 0.25
"""Ijkpunt: at most this share of the vrijkomende corporatiewoningen goes to uitstroom (seed 001, zelfstandig wonen)."""
VRIJKOMENDE_WONINGEN: dict[int, int] = {2023: 4_900}
"""Vrijkomende betaalbare sociale huurwoningen per year (seed 001: "4.900 woningen in 2023 (prognose)")."""


def ijkpunt(jaar: int, uitstromers: int) -> tuple[int, float] | None:
    """``(ijkpunt in homes, uitstroom as a share of the vrijkomende homes)`` for a year with a known supply.

    >>> ijkpunt(2023, 1190)
    (1225, 0.24285714285714285)
    >>> ijkpunt(2026, 1000) is None
    True
    """
    vrij = VRIJKOMENDE_WONINGEN.get(jaar)
    if not vrij:
        return None
    return round(vrij * IJKPUNT_AANDEEL_VRIJKOMEND), uitstromers / vrij


def reguliere_urgenties_na_afspraak(jaren: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(jaar, reguliere urgenties)`` of the yearly totals that break the 100 %-directe-bemiddeling rule.

    >>> reguliere_urgenties_na_afspraak([(2023, 452), (2024, 0), (2025, 3)])
    [(2025, 3)]
    """
    return [(j, n) for j, n in jaren if j >= ALLEEN_DIRECTE_BEMIDDELING_VANAF and n > 0]


@dataclass(frozen=True)
class Doel:
    """One target: places of a woonvorm in a year ('stand' at year end, or 'instroom' during the year)."""

    woonvorm: str
    jaar: int
    plaatsen: int
    soort: str = "stand"


def doelreeks(begin: tuple[int, int], eind: tuple[int, int]) -> dict[int, int]:
    """Targets for every year from ``(jaar, plaatsen)`` to ``(jaar, plaatsen)``, linear in between, rounded.

    >>> doelreeks((2023, 900), (2030, 1235))[2030]
    1235
    """
    (j0, p0), (j1, p1) = begin, eind
    if j1 < j0:
        raise ValueError("eindjaar voor beginjaar")
    if j1 == j0:
        return {j0: p1}
    return {j: round(p0 + (p1 - p0) * (j - j0) / (j1 - j0)) for j in range(j0, j1 + 1)}


@dataclass(frozen=True)
class Gat:
    """Realised against target for one woonvorm and year."""

    gerealiseerd: int
    doel: int | None

    @property
    def verschil(self) -> int | None:
        """Realised minus target (negative: short of the target)."""
        return None if self.doel is None else self.gerealiseerd - self.doel

    @property
    def percentage(self) -> float | None:
        """Realised as a percentage of the target, one decimal."""
        if self.doel is None or self.doel <= 0:
            return None
        return round(100 * self.gerealiseerd / self.doel, 1)


def boven_norm(wachttijd: float | None, norm: float = WACHTTIJD_NORM_MAANDEN) -> bool | None:
    """Whether an average waiting time exceeds the norm (``None`` when unknown)."""
    return None if wachttijd is None else wachttijd > norm

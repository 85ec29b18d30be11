"""The demo's 23 fictitious providers and 78 fictitious locations, with their history. Deterministic.

No real organisation appears here: providers are named after the NATO alphabet, streets are invented.
At the inventory date the fasen are 41/30/6/1/0; the fase-3a location later returns to fase 1 (41/31/6/0/0).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from core.domain import INVENTARISATIE_DATUM

SEED = 20230414  # the day the convenant was signed
PROVIDER_WORDS = (
    "Alfa", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett", "Kilo", "Lima",
    "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo", "Sierra", "Tango", "Uniform", "Victor", "Whiskey",
)
PROVIDER_FORMS = ("Stichting {} Zorg", "{} Wonen en Begeleiding", "Zorggroep {}", "{} Herstel")
STREETS = (
    "Proefstraat", "Voorbeeldkade", "Oefenweg", "Demohof", "Schetsplein", "Modelstraat", "Ontwerpkade",
    "Conceptlaan", "Maquettesingel", "Blauwdrukweg", "Kladstraat", "Schemadijk",
)
# (woonvorm, number of locations, places range, doelgroepen)
WOONVORM_MIX = (
    ("beschermd_wonen", 30, (8, 36), ("GGZ", "LVB", "GGZ en verslaving")),
    ("opvang", 12, (12, 70), ("Dak- en thuislozen", "Jongeren 18-27", "Gezinnen")),
    ("doorstroom", 18, (6, 28), ("GGZ", "Dak- en thuislozen", "Jongeren 18-27")),
    ("flexwonen", 8, (20, 110), ("Mix kwetsbaar en regulier", "Statushouders en regulier")),
    ("wonen_eerst", 6, (1, 10), ("Dak- en thuislozen met complexe problematiek",)),
    ("zelfstandig_zorg", 4, (4, 20), ("GGZ", "LVB")),
)
# Meetings of the Sturingsoverleg in the demo (the inventory date counts as the first).
OVERLEG_DATA = (
    INVENTARISATIE_DATUM, date(2023, 9, 14), date(2023, 11, 16), date(2024, 1, 18), date(2024, 3, 14),
    date(2024, 5, 16), date(2024, 9, 12), date(2024, 11, 14), date(2025, 1, 16), date(2025, 3, 13),
    date(2025, 5, 15), date(2025, 9, 11), date(2025, 11, 13), date(2026, 1, 15), date(2026, 3, 12),
    date(2026, 5, 14), date(2026, 9, 10), date(2026, 11, 12),
)
DEMO_USER = "demo (inventarisatie)"


@dataclass(frozen=True)
class DemoLocatie:
    """A fictitious location before it is placed on the map."""

    code: str
    naam: str
    aanbieder_code: str
    woonvorm: str
    doelgroep: str
    plaatsen: int
    straat: str
    huisnummer: str


def providers() -> list[tuple[str, str]]:
    """``(code, naam)`` of the 23 fictitious providers."""
    return [
        (word.lower(), PROVIDER_FORMS[i % len(PROVIDER_FORMS)].format(word)) for i, word in enumerate(PROVIDER_WORDS)
    ]


def locaties() -> list[DemoLocatie]:
    """The 78 fictitious locations in a fixed order."""
    rng = random.Random(SEED)
    codes = [code for code, _ in providers()]
    out: list[DemoLocatie] = []
    n = 0
    for woonvorm, count, (lo, hi), doelgroepen in WOONVORM_MIX:
        for _ in range(count):
            n += 1
            # every provider gets at least three locations, the rest spread at random
            aanbieder = codes[(n - 1) % len(codes)] if n <= 69 else rng.choice(codes)
            street = rng.choice(STREETS)
            out.append(
                DemoLocatie(
                    code=f"HKD-{n:03d}",
                    naam=f"{street.replace('straat', '').replace('kade', '').replace('weg', '')} {n:02d}".strip(),
                    aanbieder_code=aanbieder,
                    woonvorm=woonvorm,
                    doelgroep=rng.choice(doelgroepen),
                    plaatsen=rng.randint(lo, hi),
                    straat=street,
                    huisnummer=str(rng.randint(1, 240)),
                )
            )
    return out


def initial_fasen(codes: list[str]) -> dict[str, str]:
    """Fase per location code at the inventory: 41 x 0, 30 x 1, 6 x 2, 1 x 3a."""
    rng = random.Random(SEED + 1)
    shuffled = codes[:]
    rng.shuffle(shuffled)
    plan = ["3a"] + ["2"] * 6 + ["1"] * 30 + ["0"] * 41
    return dict(zip(shuffled, plan, strict=True))

"""Demo data of the Platform HKD: in-use dates of the 78 demo locations, ten fictitious woningcorporaties linked to
locations, the targets of seed 001 and an uitstroom series around the seed's 2022 figures. Deterministic.

Every demo location is in use before the inventory date (the demo's fase history starts there for all 78), so
the aanbod grows from 2010 to 2023 and is level afterwards. No real corporation appears: the names are invented.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import Connection

from core.domain import INVENTARISATIE_DATUM
from data import demo_locaties
from geo.aanbod import doelreeks
from queries import platform

SEED = 20230613  # the date of the convenant presentation (seed 001)
DOEL_BRON = "Convenant HKD, presentatie 13-6-2023 (Plan van aanpak Wonen en Zorg 2030)"
UITSTROOM_BRON = "Demo, gevormd naar de HKD uitstroommonitor 2022"
EERSTE_DAG = date(2010, 1, 1)

CORPORATIES: tuple[tuple[str, str], ...] = (
    ("amber", "Amber Wonen"), ("basalt", "Woonstichting Basalt"), ("cederhout", "Cederhout Woongroep"),
    ("duinzand", "Duinzand Wonen"), ("eikenhof", "Woningstichting Eikenhof"), ("fluweel", "Fluweel Woondiensten"),
    ("graniet", "Graniet Wonen"), ("hazelaar", "Hazelaar Woonstichting"), ("ijsvogel", "IJsvogel Woningen"),
    ("jasmijn", "Jasmijn Wonen"),
)


def doelen() -> list[dict]:
    """Targets of seed 001: BW about 1,100, doorstroom about 900, zelfstandig wonen 900 towards 1,235 in 2030,
    Housing First 50 homes a year (instroom), for 2023-2030."""
    rows = []
    for jaar in range(2023, 2031):
        rows.append({"woonvorm": "beschermd_wonen", "jaar": jaar, "soort": "stand", "plaatsen": 1100})
        rows.append({"woonvorm": "doorstroom", "jaar": jaar, "soort": "stand", "plaatsen": 900})
        rows.append({"woonvorm": "wonen_eerst", "jaar": jaar, "soort": "instroom", "plaatsen": 50})
    for jaar, plaatsen in doelreeks((2023, 900), (2030, 1235)).items():
        rows.append({"woonvorm": "zelfstandig_zorg", "jaar": jaar, "soort": "stand", "plaatsen": plaatsen})
    return [{**r, "bron": DOEL_BRON} for r in rows]


def in_gebruik_sinds() -> dict[str, date]:
    """The first day in use of every demo location, between 2010 and a month before the inventory."""
    rng = random.Random(SEED)
    span = (INVENTARISATIE_DATUM - timedelta(days=31) - EERSTE_DAG).days
    return {loc.code: EERSTE_DAG + timedelta(days=rng.randrange(span)) for loc in demo_locaties.locaties()}


def corporatie_koppelingen() -> list[tuple[str, str, str]]:
    """``(locatie, corporatie, rol)``: about two in three non-opvang locations are owned by a corporation; the
    doorstroom locations are also let by it (intermediaire verhuur)."""
    rng = random.Random(SEED + 1)
    codes = [c for c, _ in CORPORATIES]
    out = []
    for loc in demo_locaties.locaties():
        if loc.woonvorm == "opvang" or rng.random() > 0.67:
            continue
        corporatie = rng.choice(codes)
        out.append((loc.code, corporatie, "eigenaar"))
        if loc.woonvorm in ("doorstroom", "zelfstandig_zorg"):
            out.append((loc.code, corporatie, "verhuurder"))
    return out


def uitstroom() -> list[dict]:
    """Yearly totals 2021-2025 (2022 as the seed: about 1,150 of whom 56 % by directe bemiddeling, waiting time
    3.6 months in January to 4.4 in December), the quarters of 2022, and 2025 per corporation. From 2024 every
    uitstromer is placed by directe bemiddeling (seed 001: "vanaf 2024 100 % directe bemiddeling"), so the regular
    urgencies are 0 from then on."""
    rows = []

    def rij(jaar, kwartaal, corporatie, n, db, wacht):
        rows.append({"jaar": jaar, "kwartaal": kwartaal, "corporatie": corporatie, "uitstromers": n,
                     "directe_bemiddeling": db, "reguliere_urgentie": n - db, "wachttijd_maanden": wacht,
                     "bron": UITSTROOM_BRON})

    for jaar, n, db, wacht in ((2021, 1080, 540, 3.4), (2022, 1150, 644, 4.0), (2023, 1190, 738, 4.3),
                               (2024, 1180, 1180, 4.1), (2025, 1220, 1220, 3.8)):
        rij(jaar, None, None, n, db, wacht)
    for kw, n, db, wacht in ((1, 280, 157, 3.6), (2, 290, 162, 3.9), (3, 285, 160, 4.1), (4, 295, 165, 4.4)):
        rij(2022, kw, None, n, db, wacht)
    rng = random.Random(SEED + 2)
    aandelen = [rng.uniform(0.5, 1.5) for _ in CORPORATIES]
    rest = 1220
    for i, (code, _naam) in enumerate(CORPORATIES):
        n = rest if i == len(CORPORATIES) - 1 else round(1220 * aandelen[i] / sum(aandelen))
        rest -= n
        rij(2025, None, code, n, n, round(rng.uniform(2.8, 4.8), 1))
    return rows


def load(conn: Connection) -> None:
    """Write the platform demo data inside the caller's transaction; running it twice changes nothing."""
    for code, sinds in in_gebruik_sinds().items():
        platform.zet_in_gebruik(conn, code, sinds)
    for code, naam in CORPORATIES:
        platform.upsert_corporatie(conn, code, naam)
    for locatie, corporatie, rol in corporatie_koppelingen():
        platform.koppel_corporatie(conn, locatie, corporatie, rol)
    for d in doelen():
        platform.zet_doel(conn, d["woonvorm"], d["jaar"], d["plaatsen"], d["bron"], d["soort"])
    platform.upsert_uitstroom(conn, uitstroom())

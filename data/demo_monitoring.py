"""The demo's meldingen, beheercommissie meetings, the fase 3a verbeterplan and the planning targets (fictitious).

Meldingen follow the fase of their location over time: locations in fase 2 get several a month, fase 1 a few a
year, most fase 0 locations none. The meldingen run up to the day of loading (``anker``) so that the agenda signal
of the last months means something on any day; their shape (counts, offsets) is fixed by the seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.domain import INVENTARISATIE_DATUM
from data.demo_history import FaseRecord
from data.demo_locaties import SEED
from geo.meldingen import maanden_terug, maanden_verder

TZ = ZoneInfo("Europe/Amsterdam")
MAANDEN_TERUG = 36
PER_MAAND = {"0": 0.03, "1": 0.35, "2": 3.2, "3a": 5.0, "3b": 6.0}
JOURNEY_LOCATIE = "HKD-047"
"""Alfa's fase 2 location: exactly one melding short of the signal in the last period (the browser journey)."""
JOURNEY_MARGE_DAGEN = 14
"""Its meldingen start this many days into the period, so it stays one short for two weeks after the demo is loaded
(a demo database, or a test run, that crosses midnight still tells the same story)."""
BRONNEN = ("omwonende", "omwonende", "omwonende", "politie", "aanbieder", "gemeente", "anders")
CATEGORIEEN = ("geluid", "geluid", "vervuiling", "agressie", "drugs_alcohol", "drugs_alcohol", "anders")
OMSCHRIJVINGEN = {
    "geluid": "Geluidsoverlast in de avond", "vervuiling": "Afval naast de container",
    "agressie": "Verbale agressie op straat", "drugs_alcohol": "Gebruik van alcohol bij de ingang",
    "anders": "Overlast in het portiek",
}


@dataclass(frozen=True)
class DemoMelding:
    """One demo melding (``extern_id`` keeps a reload from duplicating it)."""

    locatie: str
    extern_id: str
    ontvangen_op: datetime
    bron: str
    categorie: str
    omschrijving: str
    afgehandeld_op: datetime | None
    afhandeling: str | None
    melder_tevreden: bool | None


def fase_op(history: list[FaseRecord], initial: dict[str, str], code: str, op: date) -> str:
    """The fase of ``code`` on ``op`` in the demo history (before the inventory: its inventory fase)."""
    fase = initial[code]
    for rec in history:
        if rec.locatie == code and rec.ingangsdatum <= op:
            fase = rec.fase
    return fase


def _melding(rng: random.Random, code: str, n: int, dag: date, fase: str, nu: datetime,
             laat: bool | None = None) -> DemoMelding:
    ontvangen = datetime.combine(dag, time(rng.randint(8, 22), rng.choice((0, 15, 30, 45))), TZ)
    categorie = rng.choice(CATEGORIEEN)
    laat = rng.random() < (0.35 if fase in ("2", "3a", "3b") else 0.1) if laat is None else laat
    dagen = rng.uniform(15, 40) if laat else rng.uniform(0.2, 12)
    afgehandeld = ontvangen + timedelta(days=dagen)
    if afgehandeld > nu:
        afgehandeld_op, hoe, tevreden = None, None, None
    else:
        afgehandeld_op = afgehandeld
        hoe = rng.choices(("afgehandeld", "doorverwezen", "niet_op_te_lossen"), (8, 2, 1))[0]
        tevreden = None if rng.random() < 0.4 else rng.random() < (0.45 if laat else 0.8)
    return DemoMelding(code, f"demo-{code}-{n}", ontvangen, rng.choice(BRONNEN), categorie,
                       OMSCHRIJVINGEN[categorie], afgehandeld_op, hoe, tevreden)


def meldingen(codes: list[str], initial: dict[str, str], history: list[FaseRecord], anker: date,
              signaal_min: int = 8, periode_maanden: int = 3) -> list[DemoMelding]:
    """All demo meldingen up to ``anker``, by location and month, following each location's fase."""
    rng = random.Random(SEED + 13)
    nu = datetime.combine(anker, time(0), TZ)
    start = maanden_terug(anker.replace(day=1), MAANDEN_TERUG)
    periode_start = maanden_terug(anker, periode_maanden) + timedelta(days=1)
    stil = set(sorted(c for c in codes if initial[c] == "0")[5:])  # most fase-0 locations: none at all
    out: list[DemoMelding] = []
    for code in sorted(codes):
        n = 0
        maand = start
        while maand < anker:
            fase = fase_op(history, initial, code, maand)
            rate = 0.0 if code in stil else PER_MAAND[fase]
            aantal = int(rate) + (1 if rng.random() < rate - int(rate) else 0)
            volgende = maanden_verder(maand, 1)
            for _ in range(aantal):
                dag = maand + timedelta(days=rng.randrange((volgende - maand).days))
                if dag >= anker or (code == JOURNEY_LOCATIE and dag >= periode_start):
                    continue
                n += 1
                out.append(_melding(rng, code, n, dag, fase, nu))
            maand = volgende
        if code == JOURNEY_LOCATIE:  # one short of the threshold, all but one handled in time
            eerste = periode_start + timedelta(days=JOURNEY_MARGE_DAGEN)
            dagen = max((anker - eerste).days, 1)
            for i in range(signaal_min - 1):
                n += 1
                dag = eerste + timedelta(days=(i * dagen) // signaal_min)
                out.append(_melding(rng, code, n, dag, "2", nu, laat=(i == 0)))
    return out


def vergaderingen(codes: list[str], initial: dict[str, str], history: list[FaseRecord], commissie_gestart: dict[
        str, date], anker: date) -> list[tuple[str, date, tuple[str, ...], str]]:
    """Commissie meetings ``(code, datum, aanwezig, verslag)`` following the fase rhythm; a few lag behind."""
    rng = random.Random(SEED + 14)
    ritme = {"0": 12, "1": 3, "2": 2, "3a": 1, "3b": 1}
    achterblijvers = set(rng.sample(sorted(codes), 6))
    out = []
    for code in sorted(codes):
        dag = commissie_gestart.get(code, INVENTARISATIE_DATUM)
        laatste_toegestaan = maanden_terug(anker, 8) if code in achterblijvers else anker
        while dag <= laatste_toegestaan and dag < anker:
            aanwezig = ("aanbieder", "gemeente", "omwonenden") + (("politie",) if rng.random() < 0.4 else ())
            out.append((code, dag, aanwezig, f"Verslag {dag:%Y-%m-%d}"))
            stap = ritme[fase_op(history, initial, code, dag)]
            dag = maanden_verder(dag, stap) - timedelta(days=rng.randrange(0, 10))
    return out


def verbeterplan(history: list[FaseRecord]) -> tuple[str, list[tuple[str, str, date, list[tuple[str, date]]]]]:
    """The fase 3a plan of the location that was 3a at the inventory: ``(code, [(actie, eigenaar, deadline,
    [(status, per)])])``: every action done before it went back to fase 1, one after its deadline."""
    drie_a = next(r for r in history if r.fase == "3a")
    code = drie_a.locatie
    terug = next(r.ingangsdatum for r in history if r.locatie == code and r.fase == "1")
    start = terug - timedelta(days=150)  # the verbetertraject ran before the inventory
    acties = [
        ("Huisregels herzien en met bewoners bespreken", "aanbieder", start + timedelta(days=30),
         [("loopt", start + timedelta(days=7)), ("gereed", start + timedelta(days=28))]),
        ("Extra avondtoezicht door boa's in de straat", "gemeente", start + timedelta(days=45),
         [("loopt", start + timedelta(days=10)), ("gereed", start + timedelta(days=60))]),
        ("Buurtbijeenkomst organiseren met omwonenden", "wijkteam", start + timedelta(days=60),
         [("gereed", start + timedelta(days=55))]),
        ("Individuele aanpak twee bewoners met overlastgedrag", "aanbieder", terug - timedelta(days=14),
         [("loopt", start + timedelta(days=20)), ("gereed", terug - timedelta(days=20))]),
    ]
    return code, acties


PRIORITEIT_STREEF = {1: date(2023, 12, 31), 2: date(2024, 6, 30), 3: date(2024, 12, 31)}
"""Target date per priority: the most urgent locations first (seed 001: "we starten met de meest urgente")."""


def planning(inventaris: dict, initial: dict[str, str]) -> list[tuple[str, str, int, date]]:
    """Priority and target date of the inventory's actions ``(code, soort, prioriteit, streefdatum)``: priority 1
    for locations in fase 2 or 3a at the inventory, 2 for fase 1, 3 for fase 0."""
    out = []
    for code, b in sorted(inventaris.items()):
        prioriteit = {"3a": 1, "2": 1, "1": 2}.get(initial[code], 3)
        if b.beheercommissie != "actief":
            out.append((code, "commissie", prioriteit, PRIORITEIT_STREEF[prioriteit]))
        if b.beheerconvenant != "actueel":
            out.append((code, "convenant", prioriteit, PRIORITEIT_STREEF[prioriteit]))
    return out

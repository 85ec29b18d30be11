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
from data import demo_history
from data.demo_history import FaseRecord
from data.demo_locaties import SEED
from geo.meldingen import maanden_terug, maanden_verder

TZ = ZoneInfo("Europe/Amsterdam")
MELDINGEN_VANAF = date(2022, 6, 1)
"""The demo's meldingen start a year before the inventory: fixed history, the same on any load day."""
PER_MAAND = {"0": 0.03, "1": 0.35, "2": 3.2, "3a": 5.0, "3b": 6.0}
JOURNEY_LOCATIE = "HKD-047"
"""Alfa's fase 2 location: exactly one melding short of the signal in the last period (the browser journey)."""
JOURNEY_GELDIG_DAGEN = 14
"""How long after loading the journey location's story holds: a demo database, or a test run, that crosses
midnight still tells the same story."""
JOURNEY_MARGE_DAGEN = JOURNEY_GELDIG_DAGEN + 7
"""Its meldingen start this many days into the signal period: the period's start moves by up to three days more
than the calendar does (months differ in length), so the first one stays inside it for ``JOURNEY_GELDIG_DAGEN``."""
JOURNEY_AFGEHANDELD_DAGEN = 14
"""Its last melding is this many days before the load day and every one is handled before it: none is open, so none
passes the handling norm while the demo is in use."""
BRONNEN = ("omwonende", "omwonende", "omwonende", "politie", "aanbieder", "gemeente", "anders")
CATEGORIEEN = ("geluid", "geluid", "vervuiling", "agressie", "drugs_alcohol", "drugs_alcohol", "anders")
OMSCHRIJVINGEN = {
    "geluid": "Geluidsoverlast in de avond", "vervuiling": "Afval naast de container",
    "agressie": "Verbale agressie op straat", "drugs_alcohol": "Gebruik van alcohol bij de ingang",
    "anders": "Overlast in het portiek",
}


MONITORING_SIGNALEN = (
    ("HKD-019", date(2024, 3, 14), "contractmanagement", "anders",
     "Contractgesprek: HKD-afspraken besproken, huisregels over bezoek aangescherpt"),
    ("HKD-039", date(2024, 9, 19), "ozv", "drugs_alcohol",
     "Overleg Zorg en Veiligheid: gebruik van alcohol rond de ingang gesignaleerd"),
    ("HKD-041", date(2025, 2, 13), "contractmanagement", "anders",
     "Contractgesprek: meldingen van omwonenden niet binnen de afgesproken tijd beantwoord"),
    ("HKD-060", date(2025, 6, 12), "ozv", "agressie", "Overleg Zorg en Veiligheid: spanningen op straat besproken"),
)
"""Seed 001, monitoring beheersafspraken: what contractmanagement and the Overleg Zorg en Veiligheid signalled
about a location, recorded as meldingen with that source. Fixed history (the same on any load day), handled in a
week, at fase-2 locations of the inventory."""


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


def _melding(rng: random.Random, code: str, sleutel: str, dag: date, fase: str, nu: datetime,
             laat: bool | None = None, max_dagen: float | None = None) -> DemoMelding:
    """One melding on ``dag``. Every draw is made whatever the outcome, so that ``rng`` gives the same melding on
    any load day: only whether it is handled yet depends on ``nu``."""
    ontvangen = datetime.combine(dag, time(rng.randint(8, 22), rng.choice((0, 15, 30, 45))), TZ)
    categorie = rng.choice(CATEGORIEEN)
    bron = rng.choice(BRONNEN)
    kans_laat = rng.random()
    laat = kans_laat < (0.35 if fase in ("2", "3a", "3b") else 0.1) if laat is None else laat
    dagen = rng.uniform(15, 40) if laat else rng.uniform(0.2, 12 if max_dagen is None else max_dagen)
    hoe = rng.choices(("afgehandeld", "doorverwezen", "niet_op_te_lossen"), (8, 2, 1))[0]
    geen_oordeel, oordeel = rng.random() < 0.4, rng.random()
    afgehandeld = ontvangen + timedelta(days=dagen)
    if afgehandeld > nu:
        return DemoMelding(code, f"demo-{code}-{sleutel}", ontvangen, bron, categorie, OMSCHRIJVINGEN[categorie],
                           None, None, None)
    tevreden = None if geen_oordeel else oordeel < (0.45 if laat else 0.8)
    return DemoMelding(code, f"demo-{code}-{sleutel}", ontvangen, bron, categorie, OMSCHRIJVINGEN[categorie],
                       afgehandeld, hoe, tevreden)


def meldingen(codes: list[str], initial: dict[str, str], history: list[FaseRecord], anker: date,
              signaal_min: int = 8, periode_maanden: int = 3) -> list[DemoMelding]:
    """All demo meldingen from ``MELDINGEN_VANAF`` up to ``anker`` (the load day), following each location's fase.

    Two kinds of story, each true by construction:

    - **History** (before the current signal period): every month of every location draws from its own seeded
      generator (``SEED``, code, month), so a month's meldingen are the same whatever the load day; a later load only
      adds the months since. Counts before and after a past decision (the 3a location's verbetertraject) are
      therefore fixed once both windows lie in the past.
    - **Today's signal**: the journey location gets exactly ``signaal_min - 1`` meldingen inside the last
      ``periode_maanden``, placed relative to ``anker`` (see ``JOURNEY_MARGE_DAGEN``), all handled before ``anker``
      and all but one within the norm, so it stays one short of the signal for ``JOURNEY_GELDIG_DAGEN`` after
      loading.
    """
    nu = datetime.combine(anker, time(0), TZ)
    periode_start = maanden_terug(anker, periode_maanden) + timedelta(days=1)
    stil = set(sorted(c for c in codes if initial[c] == "0")[5:])  # most fase-0 locations: none at all
    out: list[DemoMelding] = []
    for code in sorted(codes):
        maand = MELDINGEN_VANAF
        while maand < anker:
            rng = random.Random(f"{SEED}:melding:{code}:{maand:%Y-%m}")
            fase = fase_op(history, initial, code, maand)
            rate = 0.0 if code in stil else PER_MAAND[fase]
            aantal = int(rate) + (1 if rng.random() < rate - int(rate) else 0)
            volgende = maanden_verder(maand, 1)
            for i in range(aantal):
                dag = maand + timedelta(days=rng.randrange((volgende - maand).days))
                melding = _melding(rng, code, f"{maand:%Y%m}-{i}", dag, fase, nu)
                if dag >= anker or (code == JOURNEY_LOCATIE and dag >= periode_start):
                    continue
                out.append(melding)
            maand = volgende
        if code == JOURNEY_LOCATIE:
            out.extend(_journey(code, anker, periode_start, signaal_min, nu))
    out.extend(monitoring_signalen(anker))
    return out


def monitoring_signalen(anker: date) -> list[DemoMelding]:
    """:data:`MONITORING_SIGNALEN` as meldingen (those before ``anker``), each handled seven days later."""
    uit = []
    for i, (code, dag, bron, categorie, tekst) in enumerate(MONITORING_SIGNALEN):
        ontvangen = datetime.combine(dag, time(10), TZ)
        if dag < anker:
            uit.append(DemoMelding(code, f"demo-{code}-monitoring-{i}", ontvangen, bron, categorie, tekst,
                                   ontvangen + timedelta(days=7), "afgehandeld", None))
    return uit


def _journey(code: str, anker: date, periode_start: date, signaal_min: int, nu: datetime) -> list[DemoMelding]:
    """The journey location's ``signaal_min - 1`` meldingen of the current period: from ``JOURNEY_MARGE_DAGEN`` into
    the period until ``JOURNEY_AFGEHANDELD_DAGEN`` before ``anker``, each handled before ``anker`` (the first one
    late, the others within the norm), so that no open melding ages past the norm in the days after loading."""
    rng = random.Random(f"{SEED}:journey:{code}")
    eerste = periode_start + timedelta(days=JOURNEY_MARGE_DAGEN)
    laatste = anker - timedelta(days=JOURNEY_AFGEHANDELD_DAGEN)
    span = max((laatste - eerste).days, 1)
    out = []
    for i in range(signaal_min - 1):
        dag = eerste + timedelta(days=(i * span) // max(signaal_min - 2, 1))
        out.append(_melding(rng, code, f"signaal-{i}", dag, "2", nu, laat=(i == 0),
                            max_dagen=JOURNEY_AFGEHANDELD_DAGEN - 2))
    return out


def commissies(initial: dict[str, str]) -> tuple[list[str], dict[str, date]]:
    """The locations with an active beheercommissie (at the inventory or later) and when each later one started."""
    beheer = demo_history.beheer_history(initial)
    inventaris = {b.locatie: b for b in beheer if b.ingangsdatum == INVENTARISATIE_DATUM}
    gestart = {b.locatie: b.ingangsdatum for b in beheer
               if b.beheercommissie == "actief" and b.ingangsdatum > INVENTARISATIE_DATUM}
    actief = {c for c, b in inventaris.items() if b.beheercommissie == "actief"} | set(gestart)
    return sorted(actief), gestart


def vergaderingen(codes: list[str], initial: dict[str, str], history: list[FaseRecord], commissie_gestart: dict[
        str, date], anker: date) -> list[tuple[str, date, tuple[str, ...], str]]:
    """Commissie meetings ``(code, datum, aanwezig, verslag)`` following the fase rhythm, up to ``anker``.

    True on any load day by construction: each location's meetings come from its own seeded generator (the history
    is the same whatever the load day); the six ``achterblijvers`` stop meeting more than their current rhythm
    before ``anker``, so they are behind on the load day and stay behind; every other commissie has met within its
    current rhythm (a meeting is added in the last weeks when the fase became stricter since the last one)."""
    ritme = {"0": 12, "1": 3, "2": 2, "3a": 1, "3b": 1}
    achterblijvers = set(random.Random(SEED + 14).sample(sorted(codes), 6))
    out = []
    for code in sorted(codes):
        rng = random.Random(f"{SEED}:commissie:{code}")
        nu_ritme = ritme[fase_op(history, initial, code, anker)]
        grens = maanden_terug(anker, nu_ritme + 1) if code in achterblijvers else anker
        dag = commissie_gestart.get(code, INVENTARISATIE_DATUM)
        laatste = None
        while dag < grens:
            out.append((code, dag, _aanwezig(rng), f"Verslag {dag:%Y-%m-%d}"))
            laatste = dag
            stap = ritme[fase_op(history, initial, code, dag)]
            dag = maanden_verder(dag, stap) - timedelta(days=rng.randrange(0, 10))
        if code not in achterblijvers and (laatste is None or maanden_verder(laatste, nu_ritme) <= anker):
            extra = max(anker - timedelta(days=7 + rng.randrange(0, 14)), laatste or INVENTARISATIE_DATUM)
            if extra != laatste:
                out.append((code, extra, _aanwezig(rng), f"Verslag {extra:%Y-%m-%d}"))
    return out


def _aanwezig(rng: random.Random) -> tuple[str, ...]:
    return ("aanbieder", "gemeente", "omwonenden") + (("politie",) if rng.random() < 0.4 else ())


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

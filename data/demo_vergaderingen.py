"""The demo's meetings: the Sturingsoverleg on every demo meeting date, the Platform twice a year, their agendas,
decisions (linked to the existing fase history) and actions (following the beheer history), and one meeting in
preparation. Deterministic; loaded once (running the demo again adds nothing)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection

from core.domain import INVENTARISATIE_DATUM
from data import demo_history, demo_locaties
from data.demo_locaties import OVERLEG_DATA
from geo.agenda import AgendaVoorstel
from queries import agenda_bronnen
from queries import vergaderingen as vg

PLATFORM_DATA = (
    date(2023, 10, 5), date(2024, 4, 11), date(2024, 10, 10), date(2025, 4, 10), date(2025, 10, 9),
    date(2026, 4, 9), date(2026, 10, 8),
)
PLATFORM_INTERVAL = timedelta(weeks=17)
"""After the fixed history the Platform meets every 17 weeks (a Thursday, three times a year: more than the
convenant's minimum of two), up to the load day."""
PLATFORM_RITME_GELDIG_DAGEN = 60
"""The demo Platform keeps its rhythm (two meetings in twelve months) for at least this many days after loading.
Once every 17 weeks the meeting before the last is less than 238 days back (126 days of margin); the narrowest
case is the load day 03-02-2027, the day before the first meeting after the fixed history, when 09-04-2026 is the
meeting before the last and the rhythm holds until 08-04-2027 (64 days)."""
VOORBEREIDING_DAGEN = 14
"""The meeting in preparation is at least this many days after the load day: there is time to prepare its agenda."""
PLAATS = "Stadhuis Rotterdam, Coolsingel 40"  # a public building, not a facility

DEELNEMERS_STURING = (
    ("Gemeente Rotterdam", "secretariaat"), ("Gemeente Rotterdam", "voorzitter"),
    ("Politie Rotterdam", "teamchef wijkteam"), ("Woningcorporaties (Maaskoepel)", "manager wonen"),
    ("Zorgaanbieders", "vertegenwoordiger maatschappelijke opvang"),
    ("Zorgaanbieders", "vertegenwoordiger beschermd wonen"),
)
DEELNEMERS_PLATFORM = (
    ("Gemeente Rotterdam", "secretariaat"), ("Gemeente Rotterdam", "wethouder (voorzitter)"),
    ("Politie Rotterdam", "districtschef"), ("Woningcorporaties (Maaskoepel)", "bestuurder"),
    ("Zorgaanbieders", "bestuurder"),
)


@dataclass(frozen=True)
class DemoActie:
    """An action of the demo: opened at one meeting, done at another (or still open)."""

    locatie: str
    omschrijving: str
    geopend: date
    deadline: date
    gereed: date | None


def acties(initial: dict[str, str]) -> list[DemoActie]:
    """One action per beheer task found at the inventory; done at the meeting the beheer history records it."""
    history = demo_history.beheer_history(initial)
    inv = [b for b in history if b.ingangsdatum == INVENTARISATIE_DATUM]
    later = [b for b in history if b.ingangsdatum != INVENTARISATIE_DATUM]
    out = []
    for b in inv:
        if b.beheercommissie == "opstart":
            klaar = next((x.overleg_datum for x in later if x.locatie == b.locatie and x.beheercommissie == "actief"),
                         None)
            out.append(DemoActie(b.locatie, "Beheercommissie (opnieuw) opstarten", INVENTARISATIE_DATUM,
                                 OVERLEG_DATA[2], klaar))
        if b.beheerconvenant == "in_actualisatie":
            klaar = next((x.overleg_datum for x in later if x.locatie == b.locatie and x.beheerconvenant == "actueel"),
                         None)
            out.append(DemoActie(b.locatie, "Beheerconvenant actualiseren, met meldingenregister",
                                 INVENTARISATIE_DATUM, OVERLEG_DATA[4], klaar))
    return out


def platform_data(anker: date) -> tuple[date, ...]:
    """The Platform's held meetings on load day ``anker``: the fixed history (:data:`PLATFORM_DATA`, twice a year
    up to 08-10-2026), then every 17 weeks while not after ``anker``. The meeting before the last is then less than
    238 days before the load day (once past the fixed history), so the Platform keeps its rhythm (at least twice
    in twelve months) on any load day and :data:`PLATFORM_RITME_GELDIG_DAGEN` days after it."""
    data = list(PLATFORM_DATA)
    while data[-1] + PLATFORM_INTERVAL <= anker:
        data.append(data[-1] + PLATFORM_INTERVAL)
    return tuple(data)


def volgend_sturingsoverleg(anker: date) -> date:
    """The Sturingsoverleg in preparation on load day ``anker``: the demo meets on the second Thursday of the month,
    so the first second Thursday at least ``VOORBEREIDING_DAGEN`` after ``anker`` and after the last held meeting
    (14-01-2027 when loaded on 07-12-2026). Relative to the load day, so the demo has a meeting to prepare on any
    day it is loaded."""
    vroegst = max(anker + timedelta(days=VOORBEREIDING_DAGEN), OVERLEG_DATA[-1] + timedelta(days=1))
    jaar, maand = vroegst.year, vroegst.month
    while True:
        eerste = date(jaar, maand, 1)
        tweede_donderdag = eerste + timedelta(days=(3 - eerste.weekday()) % 7 + 7)
        if tweede_donderdag >= vroegst:
            return tweede_donderdag
        jaar, maand = (jaar + 1, 1) if maand == 12 else (jaar, maand + 1)


def laad(conn: Connection, ids: dict[str, int], anker: date) -> int:
    """Load the demo meetings once; returns how many meetings were added (0 when they are there already).
    ``anker`` is the load day: the meeting in preparation follows it (``volgend_sturingsoverleg``)."""
    if vg.aantal_vergaderingen(conn):
        return 0
    codes = [loc.code for loc in demo_locaties.locaties()]
    initial = demo_locaties.initial_fasen(codes)
    namen = {loc.code: loc.naam for loc in demo_locaties.locaties()}
    aanbieders = dict(demo_locaties.providers())
    aanbieder_van = {loc.code: aanbieders[loc.aanbieder_code] for loc in demo_locaties.locaties()}
    per_id = {v: k for k, v in ids.items()}

    sturing = {d: vg.maak_vergadering(conn, "sturingsoverleg", d, PLAATS, DEELNEMERS_STURING) for d in OVERLEG_DATA}
    platform = {d: vg.maak_vergadering(conn, "platform", d, PLAATS, DEELNEMERS_PLATFORM) for d in platform_data(anker)}

    # Fase decisions of the history belong to the Sturingsoverleg of their meeting date.
    fase = vg.fase_besluiten_van_overleggen(conn)
    inventaris = vg.voeg_punt_toe(conn, sturing[INVENTARISATIE_DATUM], AgendaVoorstel(
        "vrij", "inventarisatie", "Inventarisatie: beheerfase van 78 locaties vaststellen",
        ("Start van het convenant",)), status="aanvaard", volgorde=1)
    punten: dict[tuple[int, int], int] = {}
    for r in fase.itertuples():
        vid = sturing.get(r.overleg_datum)
        if vid is None:
            continue
        code = per_id[r.locatie_id]
        if r.overleg_datum == INVENTARISATIE_DATUM:
            punt = inventaris
        elif (vid, r.locatie_id) in punten:
            punt = punten[(vid, r.locatie_id)]
        else:
            punt = punten[(vid, r.locatie_id)] = vg.voeg_punt_toe(conn, vid, AgendaVoorstel(
                "fase", f"locatie:{r.locatie_id}", f"{code} {namen[code]}", ("Fasebesluit",), 10,
                r.locatie_id), status="aanvaard")
        vg.voeg_besluit_toe(conn, vid, "fase", f"Fase {r.fase}: {r.reden}", punt, int(r.locatie_id), int(r.id))

    # Beheer tasks: an action from the inventory until the meeting that recorded them done.
    for a in acties(initial):
        locatie_id = ids[a.locatie]
        aid = vg.voeg_actie_toe(conn, sturing[a.geopend], f"{a.locatie}: {a.omschrijving}", aanbieder_van[a.locatie],
                                a.deadline, inventaris, locatie_id)
        if a.gereed is not None:
            vid = sturing[a.gereed]
            vg.zet_actie_status(conn, aid, "gereed", vid)
            punt = vg.voeg_punt_toe(conn, vid, AgendaVoorstel(
                "actie", f"actie:{aid}", f"Actie: {a.locatie}: {a.omschrijving}", ("Open actie",), 3, locatie_id),
                status="aanvaard")
            if punt is not None:
                vg.voeg_besluit_toe(conn, vid, "beheer", f"{a.omschrijving}: gereed", punt, locatie_id)

    for d, vid in platform.items():
        punt = vg.voeg_punt_toe(conn, vid, AgendaVoorstel(
            "vrij", "halfjaarrapportage", "Halfjaarrapportage escalatieladder en voorzieningen",
            ("Vast agendapunt van het Platform",)), status="aanvaard")
        vg.voeg_besluit_toe(conn, vid, "vrij", f"Halfjaarrapportage tot {d:%d-%m-%Y} vastgesteld", punt)
    for vid in list(sturing.values()) + list(platform.values()):
        vg.zet_status(conn, vid, "verslag_verstuurd")

    volgend = vg.maak_vergadering(conn, "sturingsoverleg", volgend_sturingsoverleg(anker), PLAATS, DEELNEMERS_STURING)
    agenda_bronnen.vul_agenda(conn, volgend, 1)
    return len(sturing) + len(platform) + 1

"""Fictitious demo initiatives in different steps of the stappenplan, and one open provider proposal.

Consistent with the other demo data: providers are the demo's NATO-alphabet providers, candidate points lie next
to demo locations, and the realised initiative became an EXISTING demo location (HKD-070, bravo, wonen eerst), so
the register keeps its 78 locations and the fase counts of the demo history stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection

from queries import initiatieven as q
from queries.sqlfiles import sql


@dataclass(frozen=True)
class DemoInitiatief:
    aanbieder: str
    naam: str
    woonvorm: str
    doelgroep: str
    plaatsen: int
    ingediend: date
    kandidaten: tuple[tuple[str, str, int, int], ...]  # (omschrijving, near location code, dx, dy)
    stappen: tuple[tuple[str, date, str, dict], ...]   # (stap, datum, reden, extra keyword arguments)
    ruimtelijk: bool = False
    startdatum: date | None = None
    context: str = ""


INITIATIEVEN: tuple[DemoInitiatief, ...] = (
    DemoInitiatief(
        "alfa", "Flexwonen Maashaven", "flexwonen", "jongeren uit de jeugdhulp en starters", 24, date(2026, 9, 14),
        (("Kandidaat Maashaven (kavel noord)", "HKD-001", 120, 80), ("Kandidaat Katendrecht (oude school)",
                                                                    "HKD-024", -90, 60)),
        (("draagkrachtscan", date(2026, 10, 5), "Draagkrachtscan voor beide kandidaten gemaakt", {}),),
        startdatum=date(2027, 9, 1), context="Gemengd wonen: de helft van de plaatsen voor starters uit de wijk."),
    DemoInitiatief(
        "charlie", "Beschermd wonen Kralingen", "beschermd_wonen", "volwassenen met psychiatrische problematiek", 12,
        date(2026, 6, 2), (("Kandidaat Kralingse Plaslaan", "HKD-003", 70, -40),),
        (("draagkrachtscan", date(2026, 6, 20), "Scan gemaakt", {}),
         ("bespreking", date(2026, 7, 8), "Besproken in het Sturingsoverleg", {"overleg_datum": date(2026, 7, 8)}),
         ("advies", date(2026, 7, 8), "Positief advies: past in de wijk",
          {"advies": "positief", "fase": "0", "overleg_datum": date(2026, 7, 8)})),
        startdatum=date(2027, 3, 1)),
    DemoInitiatief(
        "delta", "Doorstroomhuis Zuidplein", "doorstroom", "dakloze volwassenen", 30, date(2026, 3, 9),
        (("Kandidaat Zuidplein (kantoorpand)", "HKD-004", -60, -60),),
        (("draagkrachtscan", date(2026, 3, 30), "Scan gemaakt", {}),
         ("bespreking", date(2026, 4, 15), "Besproken", {"overleg_datum": date(2026, 4, 15)}),
         ("advies", date(2026, 4, 15), "Negatief advies: al drie voorzieningen in fase 2 binnen 500 m",
          {"advies": "negatief", "overleg_datum": date(2026, 4, 15)}),
         ("afgewezen", date(2026, 4, 15), "Afgewezen na negatief advies", {}))),
    DemoInitiatief(
        "echo", "Opvang Noord (sloop/nieuwbouw)", "opvang", "dak- en thuislozen", 16, date(2026, 11, 2),
        (("Kandidaat Noord (nieuwbouwblok)", "HKD-005", 50, 50),), (), ruimtelijk=True,
        context="Onderdeel van de herontwikkeling van het blok: de ruimtelijke procedure is leidend."),
    DemoInitiatief(
        "bravo", "Wonen Eerst Oost", "wonen_eerst", "dakloze volwassenen met complexe problematiek", 6,
        date(2022, 9, 12), (("Kandidaat Oost", "HKD-070", 0, 0),),
        (("draagkrachtscan", date(2022, 10, 3), "Scan gemaakt", {}),
         ("bespreking", date(2022, 11, 9), "Besproken", {"overleg_datum": date(2022, 11, 9)}),
         ("advies", date(2022, 11, 9), "Voorwaardelijk positief",
          {"advies": "voorwaardelijk", "voorwaarden": "Beheercommissie vóór de opening; meldingenregister",
           "fase": "1", "overleg_datum": date(2022, 11, 9)}),
         ("beheerafspraken", date(2023, 1, 16), "Beheercommissie en beheerconvenant vastgelegd", {}))),
)
GEREALISEERD = ("Wonen Eerst Oost", "HKD-070", date(2023, 3, 1))


def load(conn: Connection) -> int:
    """Add the demo initiatives once (by name); returns how many were added now."""
    bestaand = {r[0] for r in conn.execute(sql("initiatieven", "bestaande_namen"))}
    nieuw = 0
    for d in INITIATIEVEN:
        if d.naam in bestaand:
            continue
        ini = conn.execute(sql("initiatieven", "demo_initiatief_invoegen"), {
            "aanbieder": d.aanbieder, "naam": d.naam, "woonvorm": d.woonvorm, "doelgroep": d.doelgroep,
            "plaatsen": d.plaatsen, "startdatum": d.startdatum, "contact_rol": "coördinator nieuwe locaties",
            "contact_kanaal": f"initiatieven@{d.aanbieder}.example", "context": d.context,
            "ruimtelijke_procedure": d.ruimtelijk, "ingediend_op": d.ingediend}).scalar_one()
        for omschrijving, code, dx, dy in d.kandidaten:
            x, y = conn.execute(sql("initiatieven", "demo_punt"), {"code": code, "dx": dx, "dy": dy}).one()
            q.kandidaat_toevoegen(conn, ini, q.KandidaatAdres(omschrijving, x, y, "kaart"))
        for stap, datum, reden, extra in d.stappen:
            q.stap_vastleggen(conn, ini, stap, datum, reden, **extra)
        if d.naam == GEREALISEERD[0]:
            q.realiseren(conn, ini, q.Realisatie(GEREALISEERD[2], bestaande_code=GEREALISEERD[1]))
        nieuw += 1
    conn.execute(sql("initiatieven", "demo_voorstel"), {"datum": date(2026, 11, 1)})
    return nieuw

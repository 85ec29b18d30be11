"""The convenant's vocabulary: fasen of the escalatieladder, beheer states, key dates. Pure data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Fase:
    """One step of the escalatieladder."""

    code: str
    naam: str
    betekenis: str
    symbool: str  # shown next to the colour so that meaning never rests on colour alone


FASES: tuple[Fase, ...] = (
    Fase("0", "Slapend regime", "Geen overlast, korte lijnen; beheercommissie komt minstens één keer per jaar bijeen.", "○"),
    Fase("1", "Actief basisregime", "Beheercommissie komt periodiek bijeen; klachten worden snel en goed opgepakt.", "◔"),
    Fase("2", "Verscherpt regime", "Extra maatregelen: meer controle op regels en middelengebruik, individuele aanpak, "
         "overplaatsen van cliënten die overlast veroorzaken.", "◑"),
    Fase("3a", "Multidisciplinaire aanpak met verbetertraject", "Een multidisciplinaire werkgroep stelt een verbeterplan "
         "met deadlines op en monitort het.", "◕"),
    Fase("3b", "Bij uitzondering: extra toezicht en handhaving", "Bovenop 3a: meer inzet van BOA's en politie, in "
         "uitzonderlijke gevallen cameratoezicht.", "●"),
)
FASE_CODES: tuple[str, ...] = tuple(f.code for f in FASES)
FASE_BY_CODE = {f.code: f for f in FASES}

# Okabe-Ito based, colour-blind safe, ordered from calm to urgent (RGB).
FASE_KLEUREN: dict[str, tuple[int, int, int]] = {
    "0": (0, 158, 115),    # bluish green
    "1": (86, 180, 233),   # sky blue
    "2": (230, 159, 0),    # orange
    "3a": (213, 94, 0),    # vermillion
    "3b": (204, 121, 167),  # reddish purple
}

BEHEERCOMMISSIE = {"actief": "Actief", "opstart": "Wordt (opnieuw) opgestart", "afwezig": "Geen"}
BEHEERCONVENANT = {
    "actueel": "Actueel",
    "in_actualisatie": "Wordt geactualiseerd",
    "verouderd": "Verouderd",
    "afwezig": "Geen",
}

# The three kinds of beheersafspraken (seed 001, "Beheersafspraken rond voorzieningen"), each with where it is
# recorded. "client" and "gemeente" are kept in hkd.beheersafspraken (migration 492); "partijen" is the
# beheerconvenant (BEHEERCONVENANT, on the location and its beheer history).
BEHEERSAFSPRAAK_SOORTEN: dict[str, str] = {
    "client": "Tussen zorgaanbieder en cliënt (ondersteuningsplannen en huisregels)",
    "gemeente": "Tussen zorgaanbieder en gemeente (contract)",
    "partijen": "Tussen omwonenden, politie, zorgaanbieder en andere betrokkenen (beheerconvenant)",
}

CONVENANT_IN_WERKING = date(2023, 4, 1)
# The convenant's own history (seed 001, "Besluit"): adopted, in force, signed.
CONVENANT_BESLUITEN: tuple[tuple[date, str], ...] = (
    (date(2023, 2, 8), "door het college vastgesteld"),
    (date(2023, 2, 23), "door het Platform vastgesteld"),
    (CONVENANT_IN_WERKING, "in werking getreden"),
    (date(2023, 4, 14), "formeel ondertekend"),
)
INVENTARISATIE_DATUM = date(2023, 6, 1)

# Focus areas (names of Rotterdam wijken = CBS buurten; compare with hyphens and spaces treated alike).
# Nationaal Programma Rotterdam Zuid.
NPRZ: tuple[str, ...] = (
    "Afrikaanderwijk", "Bloemhof", "Carnisse", "Oud-Charlois", "Feijenoord", "Hillesluis", "Tarwewijk",
)
# Rotterdams Goed Wonen; its "Pendrecht-Zuidwijk" is the two CBS buurten Pendrecht and Zuidwijk.
RGW: tuple[str, ...] = ("Bloemhof", "Carnisse", "Hillesluis", "Pendrecht", "Zuidwijk", "Tarwewijk")

# Stappenplan for a new initiative (seed 001: "Van procedure naar stappenplan en draagkrachtscan"). ONE place: the
# steps, their order and the allowed transitions, as data. geo/stappenplan.py reads it; migration 120 holds the
# same rows in hkd.stap_overgangen so the database refuses an illegal step too (a test keeps both equal).
STAPPEN: dict[str, str] = {
    "aangemeld": "Aangemeld",
    "draagkrachtscan": "Draagkrachtscan",
    "bespreking": "Bespreking in het Sturingsoverleg",
    "advies": "Advies",
    "collegebesluit": "Collegebesluit",
    "ruimtelijke_procedure": "Ruimtelijke procedure (leidend)",
    "beheerafspraken": "Beheerafspraken vastgelegd",
    "gerealiseerd": "Gerealiseerd",
    "ingetrokken": "Ingetrokken",
    "afgewezen": "Afgewezen",
}
EINDSTAPPEN: tuple[str, ...] = ("gerealiseerd", "ingetrokken", "afgewezen")
ADVIEZEN: dict[str, str] = {"positief": "Positief", "voorwaardelijk": "Voorwaardelijk", "negatief": "Negatief"}
# Only for beschermd wonen and opvang the college is asked to decide separately (seed 001).
COLLEGEBESLUIT_WOONVORMEN: tuple[str, ...] = ("beschermd_wonen", "opvang")
# "Voor alle woonvormen, m.u.v. zelfstandig wonen, wordt een gezamenlijk traject doorlopen" (seed 001, Scope van het
# convenant): an initiative of these woonvormen does not enter the stappenplan (migration 490 refuses it too).
ZONDER_GEZAMENLIJK_TRAJECT: tuple[str, ...] = ("zelfstandig_zorg",)


@dataclass(frozen=True)
class Termijn:
    """The convenant's term of a woonvorm (seed 001, "Wonen en zorg in Rotterdam"): the words of the seed and, where
    the seed gives one, the span in months (``None`` where it gives no bound)."""

    tekst: str
    min_maanden: int | None = None
    max_maanden: int | None = None


# Codes and names as in hkd.woonvormen (migration 001); a test keeps both equal.
WOONVORM_NAMEN: dict[str, str] = {
    "opvang": "Opvang", "beschermd_wonen": "Beschermd wonen", "doorstroom": "Doorstroomvoorziening",
    "flexwonen": "Flexwonen", "wonen_eerst": "Wonen eerst (Housing First)",
    "zelfstandig_zorg": "Zelfstandig wonen met huur-zorgovereenkomst",
}
WOONVORM_TERMIJNEN: dict[str, Termijn] = {
    "opvang": Termijn("Doel hoogstens 3 maanden verblijf", None, 3),
    "beschermd_wonen": Termijn("Gemiddelde verblijfsduur 3 tot 5 jaar", 36, 60),
    "doorstroom": Termijn("Gemiddelde verblijfsduur 9 tot 16 maanden", 9, 16),
    "flexwonen": Termijn("Tijdelijk huurcontract van een jaar", 12, 12),
    "wonen_eerst": Termijn("Geen termijn genoemd (50 woningen per jaar)"),
    "zelfstandig_zorg": Termijn("Huurzorgovereenkomst voor 1 jaar (directe bemiddeling)", 12, 12),
}


@dataclass(frozen=True)
class Overgang:
    """An allowed step ``van`` -> ``naar``; each condition is None (any), True or False.

    ``college``: the woonvorm needs a collegebesluit; ``ruimtelijk``: the initiative is part of an area development
    or sloop/nieuwbouw (ruimtelijke procedure leidend); ``negatief``: the latest advice was negatief."""

    van: str
    naar: str
    college: bool | None = None
    ruimtelijk: bool | None = None
    negatief: bool | None = None


OVERGANGEN: tuple[Overgang, ...] = (
    Overgang("aangemeld", "draagkrachtscan"),
    Overgang("draagkrachtscan", "bespreking"),
    Overgang("bespreking", "advies"),
    Overgang("advies", "afgewezen", negatief=True),
    Overgang("advies", "collegebesluit", college=True, negatief=False),
    Overgang("advies", "ruimtelijke_procedure", college=False, ruimtelijk=True, negatief=False),
    Overgang("advies", "beheerafspraken", college=False, ruimtelijk=False, negatief=False),
    Overgang("collegebesluit", "ruimtelijke_procedure", ruimtelijk=True),
    Overgang("collegebesluit", "beheerafspraken", ruimtelijk=False),
    Overgang("collegebesluit", "afgewezen"),
    Overgang("ruimtelijke_procedure", "beheerafspraken"),
    Overgang("ruimtelijke_procedure", "afgewezen"),
    Overgang("beheerafspraken", "gerealiseerd"),
    # withdrawing is possible from every step that is not an end
    *(Overgang(s, "ingetrokken") for s in STAPPEN if s not in EINDSTAPPEN),
)

# What a provider may propose for its own location (a proposal is not a fact until HKD approves it).
VOORSTEL_SOORTEN: dict[str, str] = {
    "beheercommissie": "Beheercommissie is bijeengekomen",
    "beheerconvenant": "Beheerconvenant vernieuwd",
    "meldingenregister": "Meldingenregister wordt bijgehouden",
    "plaatsen": "Aantal plaatsen gewijzigd",
}
# Meldingenregister (issue 13): codes as stored, labels as shown. No personal data of reporters is kept.
# Contractmanagement and the Overleg Zorg en Veiligheid are monitoring sources of the convenant (seed 001,
# "Monitoring beheersafspraken"): what they signal about a location is recorded as a melding with that source.
MELDING_BRONNEN = {"omwonende": "Omwonende", "politie": "Politie", "aanbieder": "Aanbieder",
                   "gemeente": "Gemeente/wijkteam", "contractmanagement": "Contractmanagement (gemeente)",
                   "ozv": "Overleg Zorg en Veiligheid", "anders": "Anders"}
MELDING_CATEGORIEEN = {"geluid": "Geluid", "vervuiling": "Vervuiling", "agressie": "Agressie",
                       "drugs_alcohol": "Drugs/alcohol", "anders": "Anders"}
MELDING_AFHANDELING = {"afgehandeld": "Afgehandeld", "doorverwezen": "Doorverwezen",
                       "niet_op_te_lossen": "Niet op te lossen"}
COMMISSIE_PARTIJEN = {"aanbieder": "Aanbieder", "gemeente": "Gemeente", "politie": "Politie",
                      "omwonenden": "Omwonenden", "woningcorporatie": "Woningcorporatie", "wijkteam": "Wijkteam",
                      "anders": "Anders"}
EXTRA_INZET_MAATREGELEN = {"boa": "Boa's", "politie": "Politie", "camera": "Cameratoezicht", "anders": "Anders"}
VERBETERACTIE_STATUS = {"open": "Open", "loopt": "Loopt", "gereed": "Gereed", "vervallen": "Vervallen"}

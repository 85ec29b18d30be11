"""Demo indicator series shaped like the Veerkracht findings (2012-2018 and on), per CBS buurt and Wijkprofiel wijk.

Indicators (all per year):
- ``kwetsbare_groepen``: index of the combined presence of LVB, bijstand, psychiatrie and residents from refugee
  countries; Rotterdam 2012 = 100, higher = more vulnerable residents.
- ``overlast_onveiligheid``: the Leefbaarometer dimension score, relative to the Dutch mean (0); negative = more
  overlast and onveiligheid than average, as in the Leefbaarometer itself.
- ``inwoners``: a demo population per buurt (for places per 1,000 inhabitants).
- ``aandeel_corporatie``: share of corporatiebezit in % (constant over the years), ``dominant_eigendom``: the
  dominant ownership as a code 1-4 (corporatiehuur, goedkope particuliere huur, overige particuliere huur, koop).
- ``wijkprofiel_veiligheid``, ``wijkprofiel_sociaal``, ``wijkprofiel_fysiek`` per Wijkprofiel wijk (100 = Rotterdam 2014).
- the components of Figuur 3-1..3-17 as shares of the residents in %: ``laagste_inkomens``, ``pct_bijstand``,
  ``vluchtelingenlanden``, ``lvb``, ``psychiatrie``, ``chronisch_meervoudig``; and the Leefbaarometer scores
  ``lbm_totaal`` (leefbaarheid) and ``lbm_bewoners`` (the dimension bewoners), 0 = the Dutch mean;
- reference values for Nederland (level ``referentie``, code ``NL``) of every share, so that the charts can index
  against the Dutch average (100 = NL) as the report does. All demo values are fictitious, shaped by the findings.

The lists below come from the report (Tabel 4-1, Tabel 4-2, the highest-overlast list and the dark-green
exceptions of Kaart 4-8).
"""

from __future__ import annotations

import random

import pandas as pd

from geo.trends import corporatie_klasse

SEED = 2018
JAREN = (2012, 2014, 2016, 2018, 2020, 2022, 2024)
WIJKPROFIEL_JAREN = (2014, 2016, 2018, 2020, 2022, 2024)
BRON = "Demo (gevormd naar Veerkracht in Rotterdam, 2012-2018)"

HOOGSTE_OVERLAST = ("Middelland", "Bospolder", "Cool", "Feijenoord", "Hillesluis", "Afrikaanderwijk", "Pendrecht")
# Tabel 4-1 of the report: the 20 buurten with a high concentration of vulnerable groups (2018). In the demo exactly
# these reach the top band of Kaart 4-3 (index at least 130, Nederland = 100) in 2018.
TABEL_4_1 = (
    "Schiebroek", "Ommoord", "Oud Crooswijk", "Rubroek", "Oude Westen", "Spangen", "Tussendijken", "Bospolder",
    "Schiemond", "Het Lage Land", "Feijenoord", "Bloemhof", "Afrikaanderwijk", "Vreewijk", "Lombardijen",
    "Groot IJsselmonde", "Zuidwijk", "Pendrecht", "Hoogvliet Noord", "Hoogvliet Zuid",
)
# Tabel 4-3 of the report (7 buurten): more vulnerable residents, less overlast where it was high (dark green).
DONKERGROEN = ("Bloemhof", "Schiebroek", "Zevenkamp", "Vreewijk", "Spangen", "Hoogvliet Zuid", "Beverwaard")
# Tabel 4-2 of the report: its 26 rows as CBS buurten (both IJsselmonde rows are Groot IJsselmonde; the row "Oud
# Mathenesse/Witte Dorp" is two buurten). The report lists Bloemhof, Vreewijk (north) and Zevenkamp (centre) in
# both Tabel 4-2 and 4-3, for different parts of the buurt. As whole buurten the demo follows the report's remarks
# on those three ("overwegend positief", "in de omringende gebieden een afname"): dark green (Tabel 4-3); their
# parts in class 1 come from their CBS 100 m squares (data/demo_vierkanten.py), which put them in Tabel 4-2 too.
TABEL_4_2_RAPPORT = (
    "Afrikaanderwijk", "Agniesebuurt", "Bloemhof", "Bospolder", "Delfshaven", "Feijenoord", "Het Lage Land",
    "Oude Noorden", "Hillesluis", "Hoogvliet Noord", "Groot IJsselmonde", "Kop van Zuid - Entrepot", "Lombardijen",
    "Middelland", "Noordereiland", "Oosterflank", "Oud Crooswijk", "Oud Mathenesse", "Witte Dorp", "Oude Westen",
    "Pendrecht", "Tarwewijk", "Tussendijken", "Vreewijk", "Zevenkamp", "Zuidwijk",
)
IN_BEIDE_TABELLEN = ("Bloemhof", "Vreewijk", "Zevenkamp")
TABEL_4_2 = tuple(n for n in TABEL_4_2_RAPPORT if n not in IN_BEIDE_TABELLEN)
# The Wijkprofiel demo keeps its original low-scoring list, so that its values stay as they were.
_WIJKPROFIEL_LAAG = (
    "Afrikaanderwijk", "Agniesebuurt", "Bloemhof", "Bospolder", "Delfshaven", "Feijenoord", "Het Lage Land",
    "Oude Noorden", "Hillesluis", "Hoogvliet Noord", "Groot IJsselmonde", "Kop van Zuid - Entrepot", "Lombardijen",
    "Middelland", "Noordereiland", "Oosterflank", "Oud Crooswijk", "Oud Mathenesse", "Witte Dorp", "Oude Westen",
    "Pendrecht", "Tarwewijk",
)
# Dominant eigendom (Figuur 3-x): most buurten are corporatiehuur; these follow the report's other types.
GOEDKOPE_PARTICULIERE_HUUR = (
    "Oud Mathenesse", "Carnisse", "Tarwewijk", "Oud Charlois", "Nieuwe Westen", "Bergpolder", "Liskwartier",
)
OVERIGE_PARTICULIERE_HUUR = (
    "Stadsdriehoek", "Cool", "Cs Kwartier", "Nieuwe Werk", "Dijkzigt", "Kralingen West", "Kop van Zuid",
    "Katendrecht", "Struisenburg", "Provenierswijk",
)
KOOP = (
    "Nesselande", "Prinsenland", "'s Gravenland", "Molenlaankwartier", "Hillegersberg Noord", "Hillegersberg Zuid",
    "Terbregge", "Kralingen Oost", "Kralingse Bos", "Blijdorp", "Blijdorpsepolder", "Kralingseveer", "Dorp",
    "Strand en Duin", "Pernis", "Zestienhoven", "Schieveen", "Noord Kethel", "Landzicht", "Rijnpoort",
    "Oud IJsselmonde", "Heijplaat",
)
NIET_WOONGEBIED = (
    "Spaanse Polder", "Nieuw Mathenesse", "Waalhaven", "Eemhaven", "Waalhaven Zuid", "Vondelingenplaat", "Botlek",
    "Europoort", "Maasvlakte", "Bedrijvenpark Noord-West", "Rivium", "Bedrijventerrein Schieveen", "Noordzeeweg",
)


def _profile(name: str, rng: random.Random) -> tuple[float, float, float, float]:
    """(kwetsbaar 2012, kwetsbaar change per 2 years, overlast 2012, overlast change per 2 years).

    The index is "Rotterdam 2012 = 100"; the Dutch value is about 82 in 2018 (:data:`NL_INDEX`), so Kaart 4-3's top
    band (130 or more against Nederland) starts near 107: the buurten of Tabel 4-1 lie well above it in 2018, every
    other buurt well below. Every branch draws exactly four numbers, so that the later draws (population, noise)
    stay the same for every buurt whatever its profile.
    """
    hoog = name in TABEL_4_1
    if name in DONKERGROEN:
        # more vulnerable residents, but overlast improved where it was high (Kaart 4-8, dark green; Tabel 4-3)
        k0, dk = (rng.uniform(125, 145), rng.uniform(3, 6)) if hoog else (rng.uniform(78, 84), rng.uniform(2, 4))
        return k0, dk, rng.uniform(-0.30, -0.22), rng.uniform(0.025, 0.04)
    if name in TABEL_4_2:
        # more vulnerable residents and more overlast where it was already high (dark red/brown; Tabel 4-2). Where
        # the report finds vulnerable groups limited (Middelland, Oud Mathenesse, Tarwewijk, ...) the index stays
        # under the top band.
        level = rng.uniform(-0.36, -0.30) if name in HOOGSTE_OVERLAST else rng.uniform(-0.28, -0.20)
        k0, dk = (rng.uniform(125, 150), rng.uniform(3, 7)) if hoog else (rng.uniform(74, 82), rng.uniform(2.5, 5.5))
        return k0, dk, level, -rng.uniform(0.02, 0.035)
    if name in HOOGSTE_OVERLAST:  # Cool: overlast from nightlife, few vulnerable residents (no rise)
        return rng.uniform(80, 95), -rng.uniform(0.5, 2), rng.uniform(-0.36, -0.30), -rng.uniform(0.005, 0.015)
    if hoog:
        # Tabel 4-1 without Tabel 4-2/4-3 (Ommoord, Rubroek, Schiemond): a high concentration, rising, where
        # overlast stays under the Rotterdam mean and improves (bright green)
        return rng.uniform(125, 145), rng.uniform(1, 3), rng.uniform(0.02, 0.08), rng.uniform(0.004, 0.012)
    if name in GOEDKOPE_PARTICULIERE_HUUR:
        # cheap private rent: limited vulnerable groups, falling (Kaart 4-5: Tarwewijk, Oud-Charlois, Carnisse);
        # overlast high; these buurten improve a little, so that with Oud Mathenesse and Tarwewijk (Tabel 4-2,
        # worsening) overlast in cheap private rent as a whole is stable since 2014 (Figuur 3-16)
        return rng.uniform(70, 82), -rng.uniform(1, 3), rng.uniform(-0.30, -0.22), rng.uniform(0.008, 0.014)
    # elsewhere: limited vulnerability and overlast; vulnerable groups fall where they were low, overlast mostly
    # improves (bright green where vulnerable groups still rose; a few light-red exceptions)
    return rng.uniform(55, 92), rng.uniform(-3, 2.5), rng.uniform(0.0, 0.18), rng.uniform(-0.006, 0.02)


def eigendom(name: str, code: str) -> tuple[int, float]:
    """(dominant eigendom code as in :data:`geo.trends.EIGENDOM`, share of corporatiebezit in %) of a buurt."""
    rng = random.Random(f"{SEED}:eigendom:{code}")
    if name in GOEDKOPE_PARTICULIERE_HUUR:
        return 2, round(rng.uniform(15, 45))
    if name in OVERIGE_PARTICULIERE_HUUR:
        return 3, round(rng.uniform(4, 35))
    if name in KOOP:
        return 4, 0.0 if rng.random() < 0.4 else round(rng.uniform(1, 25))
    if name in TABEL_4_2 or name in HOOGSTE_OVERLAST:
        return 1, round(rng.uniform(60, 85))
    if name in DONKERGROEN or name in TABEL_4_1:
        return 1, round(rng.uniform(52, 75))
    return 1, round(rng.uniform(40, 66))


def buurt_series(buurten: pd.DataFrame) -> pd.DataFrame:
    """Series per buurt for every year in :data:`JAREN`.

    Parameters
    ----------
    buurten
        Columns ``code``, ``name``, ``area_km2`` (the buurt facts table).

    Returns
    -------
    pandas.DataFrame
        Long format: ``niveau, gebied_code, jaar, indicator, waarde, bron``.
    """
    rows = []
    for code, name, area in sorted(zip(buurten["code"], buurten["name"], buurten["area_km2"], strict=True)):
        rng = random.Random(f"{SEED}:{code}")
        if name in NIET_WOONGEBIED:
            continue
        k0, dk, o0, do = _profile(name, rng)
        density = rng.uniform(5_000, 14_000) if area < 2 else rng.uniform(1_500, 5_000)
        inwoners0 = max(300, round(area * density, -1))
        dominant, corporatie = eigendom(name, code)
        for step, jaar in enumerate(JAREN):
            slowdown = 1.0 if jaar <= 2018 else 0.5  # trends flatten after the report period
            t = min(step, 3) + max(0, step - 3) * slowdown
            k = round(k0 + dk * t + rng.uniform(-0.8, 0.8), 1)
            o = round(o0 + do * t + rng.uniform(-0.004, 0.004), 3)
            # a separate stream, so that adding components never changes the index series above
            extra = componenten(k0 + 0.3 * (k - k0), o0, dominant, corporatie, jaar,
                                random.Random(f"{SEED}:{code}:{jaar}:componenten"))
            rows += [("buurt", code, jaar, ind, float(v)) for ind, v in extra.items()]
            rows += [
                ("buurt", code, jaar, "kwetsbare_groepen", k),
                ("buurt", code, jaar, "overlast_onveiligheid", o),
                ("buurt", code, jaar, "inwoners", float(round(inwoners0 * (1 + 0.006 * step), -1))),
                ("buurt", code, jaar, "aandeel_corporatie", float(corporatie)),
                ("buurt", code, jaar, "dominant_eigendom", float(dominant)),
            ]
    out = pd.DataFrame(rows, columns=["niveau", "gebied_code", "jaar", "indicator", "waarde"])
    out["bron"] = BRON
    return out


# Dutch averages of the component shares (%) in 2012 and their yearly drift; fictitious but of the right size.
NL_REFERENTIE: dict[str, tuple[float, float]] = {
    "laagste_inkomens": (22.0, 0.03),  # Nederland: a slowly rising share (Figuur 3-1's reference)
    "pct_bijstand": (4.0, 0.03),
    "vluchtelingenlanden": (1.6, 0.03),
    "lvb": (6.5, 0.0),
    "psychiatrie": (0.8, 0.01),
    "chronisch_meervoudig": (6.0, 0.08),  # landelijk groeit deze groep (Figuur 3-11)
}
# The kwetsbare-groepen index (Rotterdam 2012 = 100) for Nederland: Rotterdam lies well above the Dutch average.
NL_INDEX: dict[str, tuple[float, float]] = {"kwetsbare_groepen": (80.0, 0.4)}
BRON_REFERENTIE = "Demo: Nederlands gemiddelde (fictief, van de juiste orde van grootte)"

# The components per dominant eigendom (code 1-4: corporatiehuur, goedkope particuliere huur, overige particuliere
# huur, koop), shaped by chapter 3 of the report:
# - BASIS: the share (%) in 2012 in a corporatiehuur buurt of index 100, sized so that the city totals of 2018 come
#   out as the report's (laagste inkomens ruim 178.000, psychiatrie ruim 8.000, chronisch ruim 51.000 personen;
#   LVB bijna 10 % in corporatiehuur);
# - TYPE: the share relative to corporatiehuur (bijstand: 83 % of recipients live in corporatiegebieden);
# - GROEI: the yearly change (fraction) per type before and after 2016 (Figuur 3-1: lowest incomes rose to 2016
#   and fell everywhere after; 3-5: refugees rise most in corporatiehuur; 3-7: LVB rose in corporatiehuur, fell
#   elsewhere; 3-9: psychiatric problems rise steadily in corporatiehuur, faster in cheap private rent after 2016,
#   fall in koop and overige particuliere huur; 3-11: chronic conditions fall).
COMPONENT_BASIS: dict[str, float] = {
    "laagste_inkomens": 29.0, "pct_bijstand": 10.0, "vluchtelingenlanden": 2.6, "lvb": 8.4, "psychiatrie": 1.26,
    "chronisch_meervoudig": 7.75,
}
COMPONENT_TYPE: dict[str, tuple[float, float, float, float]] = {
    "laagste_inkomens": (1.0, 0.85, 0.6, 0.45),
    "pct_bijstand": (1.0, 0.6, 0.25, 0.18),
    "vluchtelingenlanden": (1.0, 0.35, 0.25, 0.15),
    "lvb": (1.0, 0.6, 0.4, 0.3),
    "psychiatrie": (1.0, 0.6, 0.45, 0.35),
    "chronisch_meervoudig": (1.0, 0.85, 0.7, 0.75),
}
COMPONENT_GROEI: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {
    "laagste_inkomens": ((0.015, 0.015, 0.005, 0.005), (-0.03, -0.03, -0.03, -0.03)),
    "pct_bijstand": ((0.02, 0.01, 0.0, 0.0), (-0.02, -0.02, -0.02, -0.02)),
    "vluchtelingenlanden": ((0.05, 0.02, 0.01, 0.01), (0.05, 0.02, 0.01, 0.01)),
    "lvb": ((0.025, -0.01, -0.01, -0.01), (-0.01, -0.01, -0.01, -0.01)),
    "psychiatrie": ((0.03, 0.01, -0.005, -0.005), (0.03, 0.04, -0.015, -0.015)),
    "chronisch_meervoudig": ((-0.01, -0.005, -0.01, -0.005), (-0.015, -0.005, -0.01, -0.005)),
}
# Leefbaarometer per type, on top of the overlast score (0 = the Dutch mean): every type lies below the Dutch
# average, cheap private rent lowest ("ruim 4 klassen onder het gemiddelde", Figuur 3-13 and 3-15).
LBM_TYPE: dict[int, float] = {1: 0.0, 2: -0.16, 3: -0.12, 4: -0.17}
BEWONERS_TYPE: dict[int, float] = {1: -0.02, 2: -0.14, 3: -0.05, 4: -0.05}
# The Leefbaarometer's drift against Nederland per year up to 2018 (its level follows the buurt's overlast in 2012),
# by dominant type (Figuur 3-13: cheap private rent worsens, duurdere particuliere huur improves from 2014, koop a
# little less) plus by class of corporatiebezit (Figuur 3-14: a continuing fall above two thirds, a small relative
# fall between 10 and 67 %, the national trend below 10 %).
LBM_TREND_TYPE: dict[int, float] = {1: 0.0, 2: -0.002, 3: 0.004, 4: 0.0015}
LBM_TREND_KLASSE: dict[str, float] = {"0%": 0.0, "1-10%": 0.0, "10-50%": -0.002, "50-67%": -0.001, ">67%": -0.004}


def _pad(ind: str, dominant: int, jaar: int) -> float:
    """The time path of a component share relative to 2012 (after 2018 the trend halves, as the index does)."""
    voor, na = (g[dominant - 1] for g in COMPONENT_GROEI[ind])
    jaren_voor = min(jaar, 2016) - JAREN[0]
    jaren_na = max(0, min(jaar, 2018) - 2016) + 0.5 * max(0, jaar - 2018)
    return (1 + voor) ** jaren_voor * (1 + na) ** jaren_na


def componenten(k: float, o0: float, dominant: int, corporatie: float, jaar: int,
                rng: random.Random) -> dict[str, float]:
    """The component shares (%) and Leefbaarometer scores of one buurt-year.

    ``k`` is the buurt's level of vulnerability (the index, Rotterdam 2012 = 100, mostly its 2012 value), ``o0`` its
    overlast score in 2012, ``dominant`` its dominant eigendom (1-4), ``corporatie`` its share of corporatiebezit (%):
    a higher index means larger shares; the dominant type sets the share's size relative to corporatiehuur and its
    time path (:data:`COMPONENT_GROEI`); type and corporatiebezit set the Leefbaarometer's drift.
    """
    niveau = 0.55 + 0.45 * max(0.2, k / 100.0)
    out = {ind: round(basis * niveau * COMPONENT_TYPE[ind][dominant - 1] * _pad(ind, dominant, jaar)
                      * rng.uniform(0.95, 1.05), 2)
           for ind, basis in COMPONENT_BASIS.items()}
    drift = LBM_TREND_TYPE[dominant] + LBM_TREND_KLASSE[corporatie_klasse(corporatie)]
    out["lbm_totaal"] = round(o0 * 0.8 - 0.05 * (k / 100.0 - 1) + LBM_TYPE[dominant]
                              + drift * (min(jaar, 2018) - JAREN[0]) + rng.uniform(-0.01, 0.01), 3)
    verslechtering = -0.005 * (min(jaar, 2018) - JAREN[0]) if dominant == 2 else 0.0
    out["lbm_bewoners"] = round(-0.12 * (k / 100.0 - 1) + BEWONERS_TYPE[dominant] + verslechtering
                                + rng.uniform(-0.01, 0.01), 3)
    return out


def referentie_series() -> pd.DataFrame:
    """Dutch averages per year for the component shares (level ``referentie``, code ``NL``)."""
    rows = [("referentie", "NL", jaar, ind, round(nl + drift * (jaar - JAREN[0]), 2))
            for ind, (nl, drift) in {**NL_REFERENTIE, **NL_INDEX}.items() for jaar in JAREN]
    out = pd.DataFrame(rows, columns=["niveau", "gebied_code", "jaar", "indicator", "waarde"])
    out["bron"] = BRON_REFERENTIE
    return out


def wijkprofiel_series(wijken: pd.DataFrame) -> pd.DataFrame:
    """Wijkprofiel-like indices (veiligheid, sociaal, fysiek) per Wijkprofiel wijk, 2014-2024."""
    rows = []
    for code, name in sorted(zip(wijken["code"], wijken["name"], strict=True)):
        rng = random.Random(f"{SEED}:wp:{code}")
        low = any(n.lower() in name.lower() for n in HOOGSTE_OVERLAST + _WIJKPROFIEL_LAAG)
        base = {
            "wijkprofiel_veiligheid": rng.uniform(65, 88) if low else rng.uniform(92, 125),
            "wijkprofiel_sociaal": rng.uniform(70, 90) if low else rng.uniform(92, 120),
            "wijkprofiel_fysiek": rng.uniform(75, 95) if low else rng.uniform(95, 125),
        }
        trend = {k: rng.uniform(-1.5, 2.5) for k in base}
        for step, jaar in enumerate(WIJKPROFIEL_JAREN):
            for key, value in base.items():
                rows.append(("wijkprofiel", code, jaar, key, float(round(value + trend[key] * step))))
    out = pd.DataFrame(rows, columns=["niveau", "gebied_code", "jaar", "indicator", "waarde"])
    out["bron"] = "Demo (Wijkprofiel-achtig; 100 = Rotterdam 2014)"
    return out

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

SEED = 2018
JAREN = (2012, 2014, 2016, 2018, 2020, 2022, 2024)
WIJKPROFIEL_JAREN = (2014, 2016, 2018, 2020, 2022, 2024)
BRON = "Demo (gevormd naar Veerkracht in Rotterdam, 2012-2018)"

HOOGSTE_OVERLAST = ("Middelland", "Bospolder", "Cool", "Feijenoord", "Hillesluis", "Afrikaanderwijk", "Pendrecht")
TABEL_4_1 = (
    "Schiebroek", "Ommoord", "Oud Crooswijk", "Rubroek", "Oude Westen", "Spangen", "Tussendijken", "Bospolder",
    "Schiemond", "Het Lage Land", "Feijenoord", "Bloemhof", "Afrikaanderwijk", "Vreewijk", "Lombardijen",
    "Groot IJsselmonde", "Zuidwijk", "Pendrecht", "Hoogvliet Noord", "Hoogvliet Zuid",
)
TABEL_4_2 = (
    "Afrikaanderwijk", "Agniesebuurt", "Bloemhof", "Bospolder", "Delfshaven", "Feijenoord", "Het Lage Land",
    "Oude Noorden", "Hillesluis", "Hoogvliet Noord", "Groot IJsselmonde", "Kop van Zuid - Entrepot", "Lombardijen",
    "Middelland", "Noordereiland", "Oosterflank", "Oud Crooswijk", "Oud Mathenesse", "Witte Dorp", "Oude Westen",
    "Pendrecht", "Tarwewijk", "Tussendijken", "Zuidwijk",
)
# The report also lists Vreewijk (north) and Zevenkamp (centre) in Tabel 4-2 for parts of the buurt; as a whole
# both appear in Tabel 4-3 (improving overlast), which is what the demo follows.
DONKERGROEN = ("Bloemhof", "Schiebroek", "Zevenkamp", "Vreewijk", "Spangen", "Hoogvliet Zuid", "Beverwaard")
# The Wijkprofiel demo keeps its original low-scoring list (Tabel 4-2 before Tussendijken and Zuidwijk were added),
# so that its values stay as they were.
_WIJKPROFIEL_LAAG = tuple(n for n in TABEL_4_2 if n not in ("Tussendijken", "Zuidwijk"))
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

    Every branch draws exactly four numbers, so that the later draws (population, noise) stay the same for every
    buurt whatever its profile.
    """
    if name in DONKERGROEN:
        # more vulnerable residents, but overlast improved where it was high (Kaart 4-8, dark green)
        return rng.uniform(130, 160), rng.uniform(3, 6), rng.uniform(-0.30, -0.22), rng.uniform(0.025, 0.04)
    if name in TABEL_4_2:
        # more vulnerable residents and more overlast where it was already high (dark red/brown)
        level = rng.uniform(-0.36, -0.30) if name in HOOGSTE_OVERLAST else rng.uniform(-0.28, -0.20)
        return rng.uniform(135, 175), rng.uniform(3, 7), level, -rng.uniform(0.02, 0.035)
    if name in HOOGSTE_OVERLAST:  # Cool: overlast from nightlife, few vulnerable residents
        return rng.uniform(80, 100), rng.uniform(-1, 1), rng.uniform(-0.36, -0.30), -rng.uniform(0.005, 0.015)
    if name in TABEL_4_1:
        # high concentration, rising slowly; overlast above average and slowly worsening
        return rng.uniform(130, 160), rng.uniform(1, 4), rng.uniform(-0.18, -0.10), -rng.uniform(0.004, 0.012)
    # elsewhere: limited vulnerability and overlast; vulnerable groups fall where they were low, overlast mostly
    # improves (bright green where vulnerable groups still rose; a few light-red exceptions)
    return rng.uniform(55, 105), rng.uniform(-3, 2.5), rng.uniform(0.0, 0.18), rng.uniform(-0.006, 0.02)


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
            extra = componenten(k, o, random.Random(f"{SEED}:{code}:{jaar}:componenten"))
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
    "laagste_inkomens": (40.0, -0.15),
    "pct_bijstand": (4.0, 0.05),
    "vluchtelingenlanden": (1.6, 0.12),
    "lvb": (2.4, 0.02),
    "psychiatrie": (3.1, 0.04),
    "chronisch_meervoudig": (11.0, 0.15),
}
# The kwetsbare-groepen index (Rotterdam 2012 = 100) for Nederland: Rotterdam lies well above the Dutch average.
NL_INDEX: dict[str, tuple[float, float]] = {"kwetsbare_groepen": (80.0, 0.4)}
BRON_REFERENTIE = "Demo: Nederlands gemiddelde (fictief, van de juiste orde van grootte)"


def componenten(k: float, o: float, rng: random.Random) -> dict[str, float]:
    """The component shares (%) and Leefbaarometer scores of one buurt-year, from its index ``k`` (Rotterdam 2012
    = 100) and overlast score ``o``: higher index, larger shares relative to the Dutch average."""
    factor = max(0.2, k / 100.0)
    out = {ind: round(nl * (0.55 + 0.75 * factor) * rng.uniform(0.92, 1.08), 2)
           for ind, (nl, _) in NL_REFERENTIE.items()}
    out["lbm_totaal"] = round(o * 0.8 - 0.05 * (factor - 1) + rng.uniform(-0.01, 0.01), 3)
    out["lbm_bewoners"] = round(-0.12 * (factor - 1) + rng.uniform(-0.01, 0.01), 3)
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

"""The Veerkracht classification (Kaart 4-8, Tabel 4-2, Tabel 4-3): pure, documented, thresholds configurable.

Kaart 4-8 of *Veerkracht in Rotterdam* crosses three things per area over a period ``van → tot``:

1. the development of vulnerable groups (did the kwetsbare-groepen index rise?),
2. the level of overlast en onveiligheid at the start of the period (was it already high?),
3. the development of overlast en onveiligheid (did it get worse?).

Every area with data for both indicators in both years gets exactly one :class:`Klasse`; areas without complete
data get :data:`GEEN_GEGEVENS`. Levels are judged relative to the mean over the areas in the start year (as Kaart 4-6
judges against the Rotterdam mean), in standard deviations, so the same rule works for a Leefbaarometer score
(around 0) and for a Wijkprofiel index (around 100).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.domain import NPRZ, RGW  # focus areas (names of CBS buurten)
from core.indicatoren import CATALOGUS

# For each indicator: is a higher value better for the neighbourhood? From the indicator catalogue (Leefbaarometer:
# negative = more overlast; Wijkprofiel: 100 = Rotterdam 2014, higher = safer; kwetsbare groepen: higher = more
# vulnerable residents).
HOGER_IS_BETER: dict[str, bool] = {c: i.hoger_beter for c, i in CATALOGUS.items() if i.hoger_beter is not None}


@dataclass(frozen=True)
class Klasse:
    """One class of the bivariate change map.

    ``code`` is stable (used in tables, CSV and tests), ``label`` is the short mark drawn on the map next to the
    colour (meaning never rests on colour alone), ``kleur`` the report's colour name, ``zin`` the legend sentence.
    """

    code: str
    label: str
    naam: str
    kleur: str
    rgb: tuple[int, int, int]
    zin: str


# Colours follow the report's names (red/brown, light red, dark green, bright green) but are taken from the
# colour-blind-safe ColorBrewer BrBG scheme: brown versus blue-green stays distinguishable for the common
# colour-vision deficiencies, and the labels 1-6 carry the meaning as well.
KLASSEN: tuple[Klasse, ...] = (
    Klasse("donkerrood", "1", "Toename kwetsbaar, meer overlast, overlast al hoog", "donkerrood/bruin", (140, 81, 10),
           "Meer kwetsbare bewoners én meer overlast en onveiligheid, in een buurt waar de overlast al hoog was."),
    Klasse("lichtrood", "2", "Toename kwetsbaar, meer overlast, overlast beperkt", "lichtrood", (223, 160, 90),
           "Meer kwetsbare bewoners én meer overlast en onveiligheid, in een buurt waar de overlast nog beperkt was."),
    Klasse("donkergroen", "3", "Toename kwetsbaar, minder overlast, overlast hoog", "donkergroen", (1, 102, 94),
           "Meer kwetsbare bewoners maar minder overlast en onveiligheid, in een buurt waar de overlast hoog was: "
           "de belangrijke uitzondering op de regel."),
    Klasse("heldergroen", "4", "Toename kwetsbaar, minder overlast, overlast beperkt", "heldergroen", (128, 205, 193),
           "Meer kwetsbare bewoners en minder overlast en onveiligheid, in een buurt waar de overlast beperkt was."),
    Klasse("afname_meer_overlast", "5", "Geen toename kwetsbaar, meer overlast", "lila", (178, 171, 210),
           "Niet meer kwetsbare bewoners (gelijk of minder), maar wel meer overlast en onveiligheid."),
    Klasse("afname_minder_overlast", "6", "Geen toename kwetsbaar, minder overlast", "lichtgrijs", (232, 232, 232),
           "Niet meer kwetsbare bewoners (gelijk of minder) en niet meer overlast en onveiligheid."),
)
GEEN_GEGEVENS = Klasse("geen_gegevens", "–", "Geen gegevens", "wit", (255, 255, 255),
                       "Voor deze buurt ontbreekt een van beide indicatoren in het begin- of eindjaar.")
ALLE_KLASSEN: tuple[Klasse, ...] = (*KLASSEN, GEEN_GEGEVENS)
KLASSE_BY_CODE: dict[str, Klasse] = {k.code: k for k in ALLE_KLASSEN}


@dataclass(frozen=True)
class Drempels:
    """The configurable thresholds of the classification (shown on the page).

    Attributes
    ----------
    kwetsbaar_toename
        A rise of the kwetsbaar indicator counts as *toename* when ``tot - van`` is strictly greater than this
        (indicator units; 0 = any rise).
    overlast_verslechtering
        Overlast counts as *worse* when the score moved in the bad direction by strictly more than this
        (indicator units; 0 = any worsening). Equal or better counts as *not worse*.
    overlast_hoog_sd
        Overlast counts as *hoog* at the start when the score is worse than the mean over all areas in the start
        year by more than this many standard deviations (0 = worse than the mean).
    """

    kwetsbaar_toename: float = 0.0
    overlast_verslechtering: float = 0.0
    overlast_hoog_sd: float = 0.0

    def __post_init__(self) -> None:
        for name in ("kwetsbaar_toename", "overlast_verslechtering"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} mag niet negatief zijn")


def _richting(indicator: str) -> float:
    """+1 when higher is better for the neighbourhood, -1 when higher is worse."""
    return 1.0 if HOGER_IS_BETER.get(indicator, True) else -1.0


def _mean_sd(values: pd.Series) -> tuple[float, float]:
    """Mean and population standard deviation, summed exactly so that row order can never change a class."""
    vals = sorted(float(v) for v in values if pd.notna(v))
    if not vals:
        return math.nan, math.nan
    mean = math.fsum(vals) / len(vals)
    return mean, math.sqrt(math.fsum((v - mean) ** 2 for v in vals) / len(vals))


def periode_waarden(reeks: pd.DataFrame, van: int, tot: int) -> pd.DataFrame:
    """Values at the start and end of a period per area.

    Parameters
    ----------
    reeks
        Long format with columns ``gebied_code, jaar, waarde`` (one indicator).
    van, tot
        Start and end year.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``gebied_code`` with columns ``van`` and ``tot`` (NaN where a year is missing).
    """
    if van >= tot:
        raise ValueError(f"het beginjaar ({van}) moet voor het eindjaar ({tot}) liggen")
    wide = reeks[reeks["jaar"].isin([van, tot])].pivot_table(
        index="gebied_code", columns="jaar", values="waarde", aggfunc="mean"
    )
    out = pd.DataFrame(index=wide.index)
    out["van"] = wide[van] if van in wide.columns else np.nan
    out["tot"] = wide[tot] if tot in wide.columns else np.nan
    return out.sort_index()


def classificeer(
    kwetsbaar: pd.DataFrame,
    overlast: pd.DataFrame,
    *,
    drempels: Drempels = Drempels(),
    overlast_indicator: str = "overlast_onveiligheid",
    kwetsbaar_indicator: str = "kwetsbare_groepen",
    overlast_referentie: pd.Series | None = None,
) -> pd.DataFrame:
    """Assign every area exactly one class of Kaart 4-8.

    Parameters
    ----------
    kwetsbaar, overlast
        Per area (index ``gebied_code``) the columns ``van`` and ``tot``, as from :func:`periode_waarden`.
    drempels
        The thresholds; see :class:`Drempels`.
    overlast_indicator, kwetsbaar_indicator
        Names of the indicators, to know their direction (:data:`HOGER_IS_BETER`).
    overlast_referentie
        The start values against whose mean and standard deviation "overlast al hoog" is judged; default the
        areas' own. Squares (parts of buurten) are judged against the buurten, as the map they refine.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``gebied_code`` (the union of both inputs, sorted), with ``kwetsbaar_van, kwetsbaar_tot,
        kwetsbaar_delta, overlast_van, overlast_tot, overlast_delta, overlast_z, toename_kwetsbaar,
        meer_overlast, overlast_hoog, klasse`` (a code of :data:`ALLE_KLASSEN`). The result depends only on the
        values per area, not on the order of the rows.

    Examples
    --------
    Bloemhof in the report: more vulnerable residents, overlast high but improving:

    >>> k = pd.DataFrame({"van": [150.0, 80.0], "tot": [165.0, 78.0]}, index=["bloemhof", "elders"])
    >>> o = pd.DataFrame({"van": [-0.28, 0.10], "tot": [-0.18, 0.12]}, index=["bloemhof", "elders"])
    >>> classificeer(k, o)["klasse"].tolist()
    ['donkergroen', 'afname_minder_overlast']
    """
    codes = kwetsbaar.index.union(overlast.index).sort_values()
    k = kwetsbaar.reindex(codes)
    o = overlast.reindex(codes)
    out = pd.DataFrame(index=codes)
    out.index.name = "gebied_code"
    out["kwetsbaar_van"], out["kwetsbaar_tot"] = k["van"].astype(float), k["tot"].astype(float)
    out["overlast_van"], out["overlast_tot"] = o["van"].astype(float), o["tot"].astype(float)
    out["kwetsbaar_delta"] = out["kwetsbaar_tot"] - out["kwetsbaar_van"]
    out["overlast_delta"] = out["overlast_tot"] - out["overlast_van"]

    # "worse" expressed as a positive number whatever the direction of the indicator
    k_richting, o_richting = _richting(kwetsbaar_indicator), _richting(overlast_indicator)
    kwetsbaarder = -k_richting * out["kwetsbaar_delta"]
    slechter = -o_richting * out["overlast_delta"]
    start = out["overlast_van"]
    mean, sd = _mean_sd(start if overlast_referentie is None else overlast_referentie)
    out["overlast_z"] = -o_richting * (start - mean) / sd if sd > 0 else 0.0 * start

    compleet = out[["kwetsbaar_van", "kwetsbaar_tot", "overlast_van", "overlast_tot"]].notna().all(axis=1)
    out["toename_kwetsbaar"] = kwetsbaarder > drempels.kwetsbaar_toename
    out["meer_overlast"] = slechter > drempels.overlast_verslechtering
    out["overlast_hoog"] = out["overlast_z"] > drempels.overlast_hoog_sd

    conditions = [
        ~compleet,
        out["toename_kwetsbaar"] & out["meer_overlast"] & out["overlast_hoog"],
        out["toename_kwetsbaar"] & out["meer_overlast"],
        out["toename_kwetsbaar"] & out["overlast_hoog"],
        out["toename_kwetsbaar"],
        out["meer_overlast"],
    ]
    choices = ["geen_gegevens", "donkerrood", "lichtrood", "donkergroen", "heldergroen", "afname_meer_overlast"]
    out["klasse"] = np.select(conditions, choices, default="afname_minder_overlast")
    for col in ("toename_kwetsbaar", "meer_overlast", "overlast_hoog"):
        out[col] = out[col].where(compleet, False).astype(bool)
    return out




def focus(naam: str) -> str:
    """The focus programmes an area belongs to, as text: ``"NPRZ, RGW"``, ``"NPRZ"`` or ``""``."""
    norm = _norm(naam)
    return ", ".join(label for label, names in _FOCUS if norm in names)


def _norm(naam: str) -> str:
    return naam.replace("-", " ").strip().lower()


_FOCUS = (("NPRZ", frozenset(map(_norm, NPRZ))), ("RGW", frozenset(map(_norm, RGW))))


def drempel_uitleg(drempels: Drempels) -> list[str]:
    """Dutch sentences that state the thresholds in use (shown next to the map)."""
    def n(x: float) -> str:
        return f"{x:g}".replace(".", ",")

    return [
        f"Toename kwetsbare groepen: de index steeg met meer dan {n(drempels.kwetsbaar_toename)}.",
        f"Meer overlast: de score verslechterde met meer dan {n(drempels.overlast_verslechtering)}.",
        "Overlast al hoog: in het beginjaar slechter dan het gemiddelde van alle buurten"
        + (f" met meer dan {n(drempels.overlast_hoog_sd)} standaardafwijking." if drempels.overlast_hoog_sd
           else "."),
    ]


def opmerking(kw_van: float, kw_tot: float, overlast_z: float, inwoners: float | None = None) -> str:
    """The "opmerkingen" column of Tabel 4-2/4-3, derived from the data (the report's remarks were written by
    hand): how strong the rise of vulnerable groups was, how far overlast lies from the mean, small buurten."""
    delen = []
    if inwoners is not None and not math.isnan(inwoners) and inwoners < 2_000:
        delen.append("kleine buurt")
    if not (math.isnan(kw_van) or math.isnan(kw_tot)):
        delta = kw_tot - kw_van
        delen.append("sterke toename kwetsbare groepen" if delta > 10 else
                     "toename kwetsbare groepen" if delta > 0 else "geen toename kwetsbare groepen")
    if not math.isnan(overlast_z):
        delen.append("overlast ver boven het gemiddelde" if overlast_z > 1 else
                     "overlast boven het gemiddelde" if overlast_z > 0 else "overlast onder het gemiddelde")
    return ", ".join(delen)

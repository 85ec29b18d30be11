"""Trend series for the Figuur 3-x charts: city average, groups by dominant eigendom and by corporatiebezit."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

# Dominant ownership, coded 1-4 in the indicator ``dominant_eigendom`` (Veerkracht, chapter 3).
EIGENDOM: dict[int, str] = {
    1: "Corporatiehuur",
    2: "Goedkope particuliere huur",
    3: "Overige particuliere huur",
    4: "Koop",
}
# Share of corporatiebezit (indicator ``aandeel_corporatie``, %), the report's five classes: (label, lower, upper],
# with 0 % its own class.
CORPORATIE_KLASSEN: tuple[tuple[str, float, float], ...] = (
    ("0%", -math.inf, 0.0),
    ("1-10%", 0.0, 10.0),
    ("10-50%", 10.0, 50.0),
    ("50-67%", 50.0, 67.0),
    (">67%", 67.0, math.inf),
)


def corporatie_klasse(aandeel: float | None) -> str | None:
    """The corporatiebezit class of a share in percent (``None`` for missing).

    >>> [corporatie_klasse(x) for x in (0, 5, 10, 50.5, 67, 80)]
    ['0%', '1-10%', '1-10%', '50-67%', '50-67%', '>67%']
    """
    if aandeel is None or (isinstance(aandeel, float) and math.isnan(aandeel)):
        return None
    for label, lower, upper in CORPORATIE_KLASSEN:
        if lower < aandeel <= upper:
            return label
    return None


def eigendom_klasse(code: float | None) -> str | None:
    """The dominant-eigendom label of a code 1-4 (``None`` for missing or unknown codes)."""
    if code is None or (isinstance(code, float) and math.isnan(code)):
        return None
    return EIGENDOM.get(int(round(code)))


def stadsgemiddelde(reeks: pd.DataFrame) -> pd.Series:
    """Mean over all areas per year of a long series (``gebied_code, jaar, waarde``), unweighted."""
    return reeks.groupby("jaar")["waarde"].mean().sort_index()


def relatief(waarde: pd.Series | float, gemiddelde: pd.Series | float, vorm: str) -> pd.Series | float:
    """A value relative to the average: ``"index"`` (average = 100) or ``"verschil"`` (value minus average)."""
    if vorm == "index":
        return waarde / gemiddelde * 100.0
    if vorm == "verschil":
        return waarde - gemiddelde
    raise ValueError(f"onbekende vorm {vorm!r}")


def relatieve_vorm(reeks: pd.DataFrame) -> str:
    """``"index"`` when every value is positive (an index or a share), else ``"verschil"`` (a score around 0); a
    withheld value (NaN, disclosure control) says nothing about the form."""
    waarden = reeks["waarde"].dropna()
    return "index" if len(waarden) and bool((waarden > 0).all()) else "verschil"


def per_groep(reeks: pd.DataFrame, groep: pd.Series, referentie: pd.Series | None = None) -> pd.DataFrame:
    """Mean per group and year relative to a reference, for the Figuur 3-x charts.

    The reference is the Dutch average per year when ``referentie`` is given (index ``jaar``; the report's
    "t.o.v. gemiddelde in Nederland", 100 = NL), otherwise the unweighted mean of all areas. Scores around 0
    (Leefbaarometer, where 0 is the Dutch mean) are shown as a difference instead of an index.

    Parameters
    ----------
    reeks
        Long series ``gebied_code, jaar, waarde`` of one indicator.
    groep
        The group label per area (index ``gebied_code``); areas without a group are left out.

    Returns
    -------
    pandas.DataFrame
        Columns ``groep, jaar, waarde, relatief, gebieden, vorm``: the group mean, that mean relative to the
        reference in the same year (index 100 or difference, see :func:`relatieve_vorm`) and the number of areas in
        the group (with a shown value: a withheld value counts in no mean). Sorted by group and year. Years without
        a reference value are left out.
    """
    vorm = relatieve_vorm(reeks)
    gemiddelde = stadsgemiddelde(reeks) if referentie is None else referentie.astype(float)
    joined = reeks.assign(groep=reeks["gebied_code"].map(groep)).dropna(subset=["groep", "waarde"])
    out = joined.groupby(["groep", "jaar"]).agg(waarde=("waarde", "mean"), gebieden=("gebied_code", "nunique"))
    out = out.reset_index()
    out["relatief"] = relatief(out["waarde"], out["jaar"].map(gemiddelde), vorm)
    out["vorm"] = vorm
    out = out.dropna(subset=["relatief"])
    return out.sort_values(["groep", "jaar"]).reset_index(drop=True)


def index_tegen(reeks: pd.DataFrame, referentie: pd.Series) -> pd.Series:
    """Every area's value as an index against the reference of its year (100 = the reference), index
    ``gebied_code`` for one year's rows; NaN where the reference is missing or zero."""
    ref = reeks["jaar"].map(referentie.astype(float))
    out = reeks["waarde"].astype(float) / ref.where(ref != 0) * 100.0
    return pd.Series(out.to_numpy(), index=reeks["gebied_code"].to_numpy())


def gebieden_tegen_gemiddelde(reeks: pd.DataFrame, codes: list[str], namen: dict[str, str]) -> pd.DataFrame:
    """The series of chosen areas plus the city average, long format ``naam, jaar, waarde, soort``."""
    gekozen = reeks[reeks["gebied_code"].isin(codes)].assign(
        naam=lambda f: f["gebied_code"].map(namen).fillna(f["gebied_code"]), soort="gebied"
    )
    gem = stadsgemiddelde(reeks).rename("waarde").reset_index().assign(naam="Gemiddelde alle gebieden",
                                                                       soort="gemiddelde")
    cols = ["naam", "jaar", "waarde", "soort"]
    return pd.concat([gem[cols], gekozen[cols]], ignore_index=True).astype({"jaar": int})


def ontwikkeling(reeks: pd.DataFrame, van: int, tot: int) -> pd.Series:
    """Change ``tot - van`` per area (NaN where a year is missing), index ``gebied_code``."""
    wide = reeks[reeks["jaar"].isin([van, tot])].pivot_table(
        index="gebied_code", columns="jaar", values="waarde", aggfunc="mean"
    )
    if van not in wide.columns or tot not in wide.columns:
        return pd.Series(np.nan, index=wide.index, dtype=float)
    return (wide[tot] - wide[van]).rename("ontwikkeling")


# Choropleth classes ------------------------------------------------------------------------------------------------
# ColorBrewer YlOrBr (sequential, colour-blind safe): darker = more of a problem.
NIVEAU_KLEUREN: tuple[tuple[int, int, int], ...] = (
    (255, 255, 212), (254, 217, 142), (254, 153, 41), (217, 95, 14), (153, 52, 4),
)
# ColorBrewer BrBG (diverging, colour-blind safe): brown = worse, blue-green = better.
ONTWIKKELING_KLEUREN: tuple[tuple[int, int, int], ...] = ((166, 97, 26), (223, 194, 125), (128, 205, 193), (1, 133, 113))
ONTWIKKELING_LABELS = ("Sterke verslechtering", "Lichte verslechtering", "Gelijk of lichte verbetering",
                       "Sterke verbetering")


def _fmt(x: float) -> str:
    return f"{x:.3g}".replace(".", ",")


def niveau_klassen(waarden: pd.Series, hoger_is_beter: bool) -> tuple[pd.Series, list[tuple[tuple[int, int, int], str]]]:
    """Five quantile classes of a level, ordered from least to most problematic.

    Returns ``(class index per area (NaN where missing), legend items [(rgb, Dutch label)])``; class 4 is the worst
    fifth (the lowest scores when higher is better, the highest otherwise).
    """
    slecht = -waarden if hoger_is_beter else waarden
    valid = slecht.dropna()
    if valid.empty:
        return pd.Series(np.nan, index=waarden.index), []
    ranks = valid.rank(method="first")
    idx = np.minimum((ranks - 1) * 5 // len(valid), 4).astype(int)
    out = pd.Series(np.nan, index=waarden.index)
    out[valid.index] = idx
    legend = []
    for i in range(5):
        members = waarden[out == i]
        if members.empty:
            continue
        lo, hi = members.min(), members.max()
        wording = ("minst problematisch" if i == 0 else "meest problematisch" if i == 4 else f"klasse {i + 1}")
        legend.append((NIVEAU_KLEUREN[i], f"{_fmt(lo)} t/m {_fmt(hi)} ({wording})"))
    return out, legend


def ontwikkeling_klassen(delta: pd.Series, hoger_is_beter: bool) -> tuple[pd.Series, list]:
    """Four classes of a development: strong/light worsening, equal or light/strong improvement.

    The split between light and strong is the median size of the worsenings (resp. improvements), so that each
    side shows where the change was largest. Returns ``(class index per area, legend items)``.
    """
    slechter = -delta if hoger_is_beter else delta
    out = pd.Series(np.nan, index=delta.index)
    worse, better = slechter[slechter > 0], -slechter[slechter <= 0]
    w_med = worse.median() if len(worse) else 0.0
    b_med = better.median() if len(better) else 0.0
    out[worse.index] = np.where(worse > w_med, 0, 1)
    out[better.index] = np.where(better > b_med, 3, 2)
    legend = [(ONTWIKKELING_KLEUREN[i], ONTWIKKELING_LABELS[i]) for i in range(4)]
    return out, legend

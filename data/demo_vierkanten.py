"""Demo values on CBS 100 m squares for the parts of buurten that Tabel 4-2 and 4-3 of the report name.

*Veerkracht in Rotterdam* lists Bloemhof, Vreewijk and Zevenkamp in both Tabel 4-2 and 4-3, for different parts:
Bloemhof "verslechtering in noordelijk deel" (4-2) and "deel verbetering" (4-3), "Vreewijk, noordelijk deel" (4-2)
and an improvement elsewhere (4-3), Zevenkamp's centre (4-2) and its surroundings (4-3). The demo gives the squares
of those buurten (their centre in the buurt) the two inputs of Kaart 4-8 and the inhabitants, per year of
:data:`data.demo_indicatoren.JAREN`:

- the part (:data:`DELEN`: the northern :data:`AANDEEL_DEEL` of the squares, or the squares nearest the buurt's
  centre) gets more overlast over 2012-2018 (class 1 of Kaart 4-8), the other squares less (class 3);
- every square has more vulnerable residents, as its buurt; overlast starts where the buurt's does (high);
- the inhabitants of the squares add up to the buurt's, and the buurt's value is the inhabitant-weighted mean of its
  squares' values (up to rounding), so the buurt tables (Tabel 4-1, the whole-buurt classes) stay as they were;
- a few squares have fewer than 10 inhabitants: the database withholds them for every layer, as it would real ones.

Deterministic (seeded per square code), independent of the load day.
"""

from __future__ import annotations

import math
import random

import pandas as pd

from data.demo_indicatoren import JAREN, SEED

BRON = "Demo per CBS-vierkant van 100 m (fictief, gevormd naar Kaart 4-8 en Tabel 4-2/4-3 van Veerkracht in Rotterdam)"
DELEN = {"Bloemhof": "noord", "Vreewijk": "noord", "Zevenkamp": "centrum"}
"""The buurten with squares, and which part of each has more overlast (the report's part in Tabel 4-2)."""
AANDEEL_DEEL = 0.4
"""The share of a buurt's squares that form its part in Tabel 4-2."""
KLEIN = 0.08
"""About this share of the squares has fewer than 10 inhabitants (withheld by the small-numbers rule)."""
VERSLECHTERING = 0.03
"""How much the part's overlast score falls over 2012-2018 (the rest improves so that the buurt's mean holds)."""


def deel(vierkanten: pd.DataFrame, soort: str) -> set[str]:
    """The squares of one buurt that form its part: the northern ones, or those nearest its centre."""
    n = math.ceil(AANDEEL_DEEL * len(vierkanten))
    if soort == "noord":
        volgorde = vierkanten.sort_values(["y", "x"], ascending=[False, True])
    else:
        mx, my = vierkanten["x"].mean(), vierkanten["y"].mean()
        afstand = (vierkanten["x"] - mx) ** 2 + (vierkanten["y"] - my) ** 2
        volgorde = vierkanten.assign(_a=afstand).sort_values(["_a", "vierkant"])
    return set(volgorde["vierkant"].head(n))


def _verdeel(totaal: int, gewichten: dict[str, float]) -> dict[str, int]:
    """``totaal`` over the keys in proportion to the weights, summing exactly (largest remainder)."""
    som = sum(gewichten.values())
    ruw = {k: totaal * g / som for k, g in gewichten.items()}
    uit = {k: math.floor(v) for k, v in ruw.items()}
    rest = totaal - sum(uit.values())
    for k in sorted(ruw, key=lambda k: (uit[k] - ruw[k], k))[:rest]:
        uit[k] += 1
    return uit


def _gewogen(waarden: dict[str, float], gewichten: dict[str, int]) -> float:
    return sum(waarden[k] * gewichten[k] for k in waarden) / sum(gewichten.values())


def buurt_vierkanten(vierkanten: pd.DataFrame, buurt: pd.DataFrame, soort: str) -> pd.DataFrame:
    """The square rows of one buurt.

    Parameters
    ----------
    vierkanten
        ``vierkant, x, y`` of the buurt's squares.
    buurt
        The buurt's series: ``jaar, indicator, waarde`` (at least ``inwoners``, ``kwetsbare_groepen`` and
        ``overlast_onveiligheid`` in every year of :data:`JAREN`).
    soort
        ``"noord"`` or ``"centrum"`` (:data:`DELEN`).

    Returns
    -------
    pandas.DataFrame
        ``niveau, gebied_code, jaar, indicator, waarde, bron, waarnemingen`` (observations: the square's inhabitants).
    """
    reeks = buurt.set_index(["indicator", "jaar"])["waarde"]
    codes = sorted(vierkanten["vierkant"])
    rng = {c: random.Random(f"{SEED}:vierkant:{c}") for c in codes}
    klein = {c: rng[c].randint(3, 9) for c in codes if rng[c].random() < KLEIN}
    gewicht = {c: rng[c].uniform(0.5, 1.5) for c in codes if c not in klein}
    k_off = {c: rng[c].uniform(-3.0, 3.0) for c in codes}
    o_off = {c: rng[c].uniform(-0.01, 0.01) for c in codes}
    in_deel = deel(vierkanten, soort)

    inwoners = {j: {**klein, **_verdeel(int(reeks[("inwoners", j)]) - sum(klein.values()), gewicht)} for j in JAREN}
    verbetering = reeks[("overlast_onveiligheid", 2018)] - reeks[("overlast_onveiligheid", 2012)]
    w18 = inwoners[2018]
    w_deel = sum(w18[c] for c in in_deel)
    c_deel = -(verbetering + VERSLECHTERING)
    c_rest = -c_deel * w_deel / (sum(w18.values()) - w_deel)
    helling = {c: c_deel if c in in_deel else c_rest for c in codes}

    rows = []
    for jaar in JAREN:
        w = inwoners[jaar]
        f = min(jaar - JAREN[0], 6) / 6
        ov = {c: o_off[c] + helling[c] * f for c in codes}
        mk, mo = _gewogen(k_off, w), _gewogen(ov, w)  # centred: the buurt's value is the weighted mean
        for c in codes:
            k = round(reeks[("kwetsbare_groepen", jaar)] + k_off[c] - mk, 1)
            o = round(reeks[("overlast_onveiligheid", jaar)] + ov[c] - mo, 3)
            rows += [(c, jaar, "kwetsbare_groepen", k, w[c]), (c, jaar, "overlast_onveiligheid", o, w[c]),
                     (c, jaar, "inwoners", float(w[c]), w[c])]
    out = pd.DataFrame(rows, columns=["gebied_code", "jaar", "indicator", "waarde", "waarnemingen"])
    return out.assign(niveau="vierkant", bron=BRON)[
        ["niveau", "gebied_code", "jaar", "indicator", "waarde", "bron", "waarnemingen"]]


def vierkant_series(vierkanten: pd.DataFrame, buurten: pd.DataFrame, namen: dict[str, str]) -> pd.DataFrame:
    """The square rows of every buurt of :data:`DELEN`.

    ``vierkanten``: ``buurt_code, vierkant, x, y``; ``buurten``: the buurt series (``gebied_code, jaar, indicator,
    waarde``); ``namen``: buurt code to name.
    """
    delen = []
    for code, groep in vierkanten.groupby("buurt_code"):
        soort = DELEN.get(namen.get(code, ""))
        if soort is not None and len(groep) >= 2:
            delen.append(buurt_vierkanten(groep, buurten[buurten["gebied_code"] == code], soort))
    return pd.concat(delen, ignore_index=True) if delen else pd.DataFrame()

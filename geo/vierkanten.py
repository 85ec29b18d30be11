"""CBS 100 m squares (vierkantstatistieken) and the page rule of Tabel 4-2/4-3 on parts of buurten. Pure.

**The code of a square** (CBS, *Statistische gegevens per vierkant*, "Codering vierkant"): ``E`` and the RD x of
the square's south-west corner in whole hectometres, ``N`` and its RD y in hectometres, each in four digits with
leading zeros; the grid is aligned on the RD origin (EPSG:28992). ``E0912N4366`` is the square from x 91,200 /
y 436,600 to x 91,300 / y 436,700. CBS names the column after the grid, ``crs28992res100m``; a code written with
that prefix (``CRS28992RES100mE0912N4366``) is read as the same square.

**Tabel 4-2 and 4-3 on squares.** The report reads these tables off Kaart 4-8 drawn on 100 m squares, and lists
Bloemhof, Vreewijk and Zevenkamp in both for different parts. Where squares with values exist, the page applies
:func:`tabelrijen`: a buurt is in Tabel 4-2 when class 1 of Kaart 4-8 covers at least :data:`AANDEEL_TABEL_4_2` of
its squares (or the whole buurt is class 1), in Tabel 4-3 when class 3 covers some of its squares (or the whole
buurt is class 3); a row names the part when only part of the squares qualifies.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from geo import veerkracht as vk

AANDEEL_TABEL_4_2 = 0.25
"""The share of a buurt's squares in class 1 of Kaart 4-8 from which the buurt is in Tabel 4-2 ("op vrij grote
schaal", the report; the number is a choice of HKD Kaart)."""

_CODE = re.compile(r"(?:CRS28992RES100M)?E(\d{4})N(\d{4})")
E_BEREIK = (0, 2999)
N_BEREIK = (3000, 6299)
"""The hectometres CBS uses in the Netherlands: x 0 to 300 km, y 300 to 630 km."""


def lees_code(code: str) -> tuple[int, int] | None:
    """The RD x and y (metres) of the south-west corner of the square ``code``, or ``None`` when it is no CBS
    100 m square code in the Netherlands.

    >>> lees_code("E0912N4366")
    (91200, 436600)
    >>> lees_code("crs28992res100mE0912N4366"), lees_code("E912N4366"), lees_code("E0912N1366")
    ((91200, 436600), None, None)
    """
    m = _CODE.fullmatch(code.strip().upper())
    if not m:
        return None
    e, n = int(m[1]), int(m[2])
    if not (E_BEREIK[0] <= e <= E_BEREIK[1] and N_BEREIK[0] <= n <= N_BEREIK[1]):
        return None
    return e * 100, n * 100


def code(x: float, y: float) -> str:
    """The CBS code of the 100 m square that holds the RD point ``(x, y)``.

    >>> code(91_250.0, 436_699.9)
    'E0912N4366'
    """
    return f"E{math.floor(x / 100):04d}N{math.floor(y / 100):04d}"


def normaliseer(code_: str) -> str:
    """The short form of a valid square code (``E0912N4366``); raises ``ValueError`` otherwise."""
    hoek = lees_code(code_)
    if hoek is None:
        raise ValueError(code_)
    return code(*hoek)


def klassen(periode: pd.DataFrame, buurt_overlast_van: pd.Series, *, drempels: vk.Drempels | None = None,
            kwetsbaar_indicator: str = "kwetsbare_groepen",
            overlast_indicator: str = "overlast_onveiligheid") -> pd.DataFrame:
    """Kaart 4-8 per square: ``vierkant, buurt_code, klasse``.

    ``periode`` has per square ``vierkant, buurt_code, kw_van, kw_tot, ov_van, ov_tot`` (NaN where withheld: class
    "geen_gegevens"); "overlast al hoog" is judged against the buurten's start values ``buurt_overlast_van``, the
    map the squares refine, so a square's class means what its buurt's would.
    """
    if periode.empty:
        return pd.DataFrame(columns=["vierkant", "buurt_code", "klasse"])
    p = periode.set_index("vierkant")
    kw = p[["kw_van", "kw_tot"]].set_axis(["van", "tot"], axis=1)
    ov = p[["ov_van", "ov_tot"]].set_axis(["van", "tot"], axis=1)
    k = vk.classificeer(kw, ov, drempels=drempels or vk.Drempels(), kwetsbaar_indicator=kwetsbaar_indicator,
                        overlast_indicator=overlast_indicator, overlast_referentie=buurt_overlast_van)
    return pd.DataFrame({"vierkant": k.index, "buurt_code": p.loc[k.index, "buurt_code"].to_numpy(),
                         "klasse": k["klasse"].to_numpy()})


@dataclass(frozen=True)
class Tabelrij:
    """One buurt in Tabel 4-2 or 4-3: ``deel`` is the share of its squares in the class (``None``: judged on the
    whole buurt, no squares)."""

    gebied_code: str
    deel: float | None

    def naam(self, gebied: str) -> str:
        """The buurt's name, with the part when only part of its squares qualifies."""
        if self.deel is None or self.deel >= 1:
            return gebied
        return f"{gebied} (deel: {round(self.deel * 100):.0f} % van de vierkanten)"


def tabelrijen(buurt_klasse: pd.Series, vierkanten: pd.DataFrame, klasse: str,
               aandeel: float | None) -> list[Tabelrij]:
    """The buurten of one table with the share of their squares in ``klasse``.

    Parameters
    ----------
    buurt_klasse
        Class of Kaart 4-8 per buurt (index ``gebied_code``), on the whole buurt.
    vierkanten
        Per square ``buurt_code`` and ``klasse`` (of Kaart 4-8 on the square's own values); squares without a
        class ("geen_gegevens", e.g. withheld) do not count.
    klasse
        ``"donkerrood"`` (Tabel 4-2) or ``"donkergroen"`` (Tabel 4-3).
    aandeel
        The least share of the squares in ``klasse``; ``None`` means some (at least one square).

    Returns
    -------
    list of Tabelrij
        Sorted by code: every buurt whose whole is in ``klasse``, and every buurt with squares that reach the share.
        A buurt with squares is judged on them; ``deel`` is then the share of its squares in ``klasse``.
    """
    gemeten = vierkanten[vierkanten["klasse"] != "geen_gegevens"]
    deel = (gemeten["klasse"] == klasse).groupby(gemeten["buurt_code"]).mean()
    rijen = {c: Tabelrij(c, float(d)) for c, d in deel.items()
             if d > 0 and (aandeel is None or d >= aandeel)}
    for c, k in buurt_klasse.items():
        if k == klasse and c not in rijen:
            rijen[c] = Tabelrij(c, float(deel[c]) if c in deel.index and deel[c] > 0 else None)
    return [rijen[c] for c in sorted(rijen)]

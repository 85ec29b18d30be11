"""Kaart 4-3 to 4-7 of *Veerkracht in Rotterdam*: level and development classes with stated thresholds. Pure.

The report draws these maps without printing its class limits. Where it states the rule we follow it; where it
does not, the project's choice is written here and shown on the page (:func:`uitleg`):

- **Kaart 4-3** (index kwetsbare groepen, one year): the index relative to the Dutch average (100 = Nederland),
  in the five bands the municipality uses for its Wijkprofiel (< 70, 70-90, 90-110, 110-130, >= 130), from
  "ver onder" to "ver boven" the Dutch average. Lower bounds are inclusive.
- **Kaart 4-4** (development of the index, van → tot): the change in index points, in five classes: sterke afname
  (< -10), afname (-10 to -2), stabiel (-2 to 2, inclusive), toename (2 to 10), sterke toename (> 10).
- **Kaart 4-5** (increasing concentration): the report's definition — a large share (Kaart 4-3: at least 110,
  "boven") *and* an increase (Kaart 4-4: more than +2). The darkest class has both the largest share (>= 130)
  and the strongest increase (> 10).
- **Kaart 4-6** (overlast en onveiligheid, one year): relative to the Rotterdam mean, as the report does; the bands
  in standard deviations are the project's: veel beter (< -1), beter (-1 to -0.25), gemiddeld (-0.25 to 0.25), slechter (0.25 to 1),
  veel slechter (> 1), "worse" counted in the direction that is bad for the indicator.
- **Kaart 4-7** (development of overlast): the change in standard deviations of the start year: sterke
  verslechtering (> 0.5 sd worse), verslechtering (> 0.1), gelijk (within ±0.1), verbetering, sterke verbetering.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Klasse:
    """One class of a map: index ``nr`` (0 = the calmest), a Dutch label, a colour (colour-blind safe)."""

    nr: int
    label: str
    rgb: tuple[int, int, int]


# ColorBrewer YlOrBr (sequential) for levels; BrBG (diverging) for developments: both colour-blind safe, and the
# class number is printed on the map as well.
_NIVEAU = ((255, 255, 212), (254, 217, 142), (254, 153, 41), (217, 95, 14), (153, 52, 4))
_ONTW = ((1, 133, 113), (128, 205, 193), (245, 245, 245), (223, 194, 125), (166, 97, 26))

KAART_4_3 = tuple(Klasse(i, t, _NIVEAU[i]) for i, t in enumerate((
    "ver onder het Nederlandse gemiddelde (< 70)", "onder het gemiddelde (70-90)", "rond het gemiddelde (90-110)",
    "boven het gemiddelde (110-130)", "ver boven het gemiddelde (130 of meer)")))
GRENZEN_4_3 = (70.0, 90.0, 110.0, 130.0)

KAART_4_4 = tuple(Klasse(i, t, _ONTW[i]) for i, t in enumerate((
    "sterke afname (meer dan 10 punten)", "afname (2 tot 10 punten)", "stabiel (binnen 2 punten)",
    "toename (2 tot 10 punten)", "sterke toename (meer dan 10 punten)")))
GRENZEN_4_4 = (-10.0, -2.0, 2.0, 10.0)

KAART_4_5 = (
    Klasse(0, "geen toenemende concentratie", (245, 245, 245)),
    Klasse(1, "groot aandeel (110+) en toename (> 2 punten)", (254, 153, 41)),
    Klasse(2, "groot aandeel en sterke toename (> 10) of zeer groot aandeel (130+) en toename", (217, 95, 14)),
    Klasse(3, "zeer groot aandeel (130+) én sterke toename (> 10 punten)", (153, 52, 4)),
)

KAART_4_6 = tuple(Klasse(i, t, _NIVEAU[i]) for i, t in enumerate((
    "veel minder overlast dan gemiddeld in Rotterdam (> 1 sd)", "minder dan gemiddeld (0,25-1 sd)",
    "rond het Rotterdamse gemiddelde (binnen 0,25 sd)", "meer dan gemiddeld (0,25-1 sd)",
    "veel meer overlast dan gemiddeld (> 1 sd)")))
GRENZEN_4_6 = (-1.0, -0.25, 0.25, 1.0)

KAART_4_7 = tuple(Klasse(i, t, _ONTW[i]) for i, t in enumerate((
    "sterke verbetering (> 0,5 sd)", "verbetering (0,1-0,5 sd)", "gelijk (binnen 0,1 sd)",
    "verslechtering (0,1-0,5 sd)", "sterke verslechtering (> 0,5 sd)")))
GRENZEN_4_7 = (-0.5, -0.1, 0.1, 0.5)


def _bands(values: pd.Series, grenzen: Sequence[float], *, lower_inclusive: bool) -> pd.Series:
    """Class index per value: band ``i`` lies between ``grenzen[i-1]`` and ``grenzen[i]`` (NaN stays NaN).

    ``lower_inclusive``: a value on a limit belongs to the band above it (``>=``); otherwise to the band below
    (``<=``), which keeps a symmetric "stable" band closed on both sides."""
    v = values.astype(float)
    out = pd.Series(np.nan, index=values.index)
    ok = v.notna()
    side = "right" if lower_inclusive else "left"
    out[ok] = np.searchsorted(np.asarray(grenzen, dtype=float), v[ok].to_numpy(), side=side)
    return out


def _stable_bands(values: pd.Series, grenzen: Sequence[float]) -> pd.Series:
    """Five development classes around 0 with a closed middle band: ``[-g, g]`` is stable."""
    v = values.astype(float)
    lo2, lo1, hi1, hi2 = grenzen
    conds = [v < lo2, v < lo1, v <= hi1, v <= hi2]
    out = pd.Series(np.select(conds, [0, 1, 2, 3], default=4), index=values.index, dtype=float)
    return out.where(v.notna())


def kaart_4_3(index_nl: pd.Series) -> pd.Series:
    """Kaart 4-3 class per area of the kwetsbare-groepen index relative to NL (100 = Nederland)."""
    return _bands(index_nl, GRENZEN_4_3, lower_inclusive=True)


def kaart_4_4(delta: pd.Series) -> pd.Series:
    """Kaart 4-4 class per area of the change in index points (tot - van)."""
    return _stable_bands(delta, GRENZEN_4_4)


def kaart_4_5(index_nl_tot: pd.Series, delta: pd.Series) -> pd.Series:
    """Kaart 4-5: 0 none; 1 large share and increase; 2 one of both strong; 3 both strong (darkest)."""
    idx = index_nl_tot.reindex(index_nl_tot.index.union(delta.index)).astype(float)
    d = delta.reindex(idx.index).astype(float)
    groot, zeer_groot = idx >= GRENZEN_4_3[2], idx >= GRENZEN_4_3[3]
    toename, sterk = d > GRENZEN_4_4[2], d > GRENZEN_4_4[3]
    klasse = np.select([groot & toename & zeer_groot & sterk, groot & toename & (zeer_groot | sterk),
                        groot & toename], [3, 2, 1], default=0)
    out = pd.Series(klasse, index=idx.index, dtype=float)
    return out.where(idx.notna() & d.notna())


def z_scores(values: pd.Series, hoger_is_beter: bool) -> pd.Series:
    """How much worse than the mean of all areas, in (population) standard deviations; positive = worse."""
    vals = sorted(float(v) for v in values if pd.notna(v))
    if len(vals) < 2:
        return pd.Series(np.nan, index=values.index)
    mean = math.fsum(vals) / len(vals)
    sd = math.sqrt(math.fsum((v - mean) ** 2 for v in vals) / len(vals))
    if sd == 0:
        return values.astype(float) * 0.0
    richting = -1.0 if hoger_is_beter else 1.0
    return richting * (values.astype(float) - mean) / sd


def kaart_4_6(overlast: pd.Series, hoger_is_beter: bool = True) -> pd.Series:
    """Kaart 4-6 class per area: overlast relative to the Rotterdam mean (0 = much less ... 4 = much more)."""
    z = z_scores(overlast, hoger_is_beter)
    return _stable_bands(z, GRENZEN_4_6)


def kaart_4_7(van: pd.Series, tot: pd.Series, hoger_is_beter: bool = True) -> pd.Series:
    """Kaart 4-7 class per area: change of overlast in standard deviations of the start year (4 = much worse)."""
    vals = sorted(float(v) for v in van if pd.notna(v))
    if len(vals) < 2:
        return pd.Series(np.nan, index=van.index)
    mean = math.fsum(vals) / len(vals)
    sd = math.sqrt(math.fsum((v - mean) ** 2 for v in vals) / len(vals))
    richting = -1.0 if hoger_is_beter else 1.0
    slechter = richting * (tot.reindex(van.index).astype(float) - van.astype(float)) / (sd if sd > 0 else 1.0)
    return _stable_bands(slechter, GRENZEN_4_7)


def tabel_4_1(index_nl: pd.Series) -> pd.Series:
    """Tabel 4-1 (hoge concentratie kwetsbare groepen): Kaart 4-3's top band, index at least 130 (NL = 100)."""
    return (index_nl.astype(float) >= GRENZEN_4_3[3]).fillna(False)


def uitleg() -> dict[str, str]:
    """The rule of every map and table in Dutch, to print above it."""
    return {
        "3-1": "Dominante eigendomsvorm per gebied: het grootste segment van de woningvoorraad (code 1-4 uit de "
               "indicator dominant_eigendom).",
        "3-2": "Aandeel corporatiebezit in de woningvoorraad, in de klassen van het rapport: 0 %, 1-10 %, 10-50 %, "
               "50-67 %, meer dan 67 %.",
        "4-3": "Index kwetsbare groepen ten opzichte van het Nederlandse gemiddelde (100 = Nederland), in de vijf "
               "banden van het Wijkprofiel: onder 70, 70-90, 90-110, 110-130, 130 of meer (keuze van HKD Kaart; "
               "het rapport noemt geen grenzen).",
        "4-4": "Verandering van de index in punten tussen begin- en eindjaar: stabiel binnen 2 punten, sterk bij "
               "meer dan 10 (keuze van HKD Kaart).",
        "4-5": "Toenemende concentratie, zoals het rapport haar omschrijft: een groot aandeel kwetsbare groepen "
               "(Kaart 4-3) én een toename (Kaart 4-4), het donkerst waar het aandeel het grootst en de toename het "
               "sterkst is. De grenzen zijn een keuze van HKD Kaart: groot aandeel 110 of meer, toename meer dan 2 "
               "punten, het donkerst bij 130 of meer én meer dan 10 punten.",
        "4-6": "Overlast en onveiligheid ten opzichte van het Rotterdamse gemiddelde, waartegen ook het rapport "
               "afzet. De banden in standaardafwijkingen zijn een keuze van HKD Kaart (het rapport noemt geen "
               "grenzen): gemiddeld binnen 0,25; veel meer of minder bij meer dan 1.",
        "4-7": "Verandering van overlast en onveiligheid in standaardafwijkingen van het beginjaar: gelijk binnen "
               "0,1; sterk bij meer dan 0,5 (keuze van HKD Kaart).",
        "4-1": "Dominante woningcorporatie per gebied: de corporatie met het grootste aandeel van de adressen "
               "(woningen van de corporatie gedeeld door alle adressen in het gebied). Bij gelijke aantallen gaat "
               "de corporatie voor waarvan de naam alfabetisch eerst komt (keuze van HKD Kaart). Grijs: geen "
               "corporatiebezit.",
        "4-4b": "Directe bemiddeling: plaatsingen vanuit de maatschappelijke opvang per buurt en jaar, als cirkel op "
                "een punt binnen de buurt (nooit een adres); de oppervlakte van de cirkel is evenredig met het "
                "aantal.",
        "4-1t": "Tabel 4-1: buurten in de hoogste band van Kaart 4-3 (index kwetsbare groepen 130 of meer, "
                "Nederland = 100) in het eindjaar.",
        "4-2t": "Tabel 4-2: buurten in klasse 1 van Kaart 4-8 (toename kwetsbare groepen én meer overlast, waar de "
                "overlast al hoog was).",
        "4-3t": "Tabel 4-3: buurten in klasse 3 van Kaart 4-8 (toename kwetsbare groepen maar minder overlast, waar "
                "de overlast hoog was: de uitzondering op de regel).",
    }


# Kaart 3-1 and 3-2 (chapter 3): dominant ownership (categorical, Okabe-Ito) and share of corporatiebezit.
KAART_3_1 = (
    Klasse(0, "corporatiehuur", (0, 114, 178)),
    Klasse(1, "goedkope particuliere huur", (230, 159, 0)),
    Klasse(2, "overige particuliere huur", (204, 121, 167)),
    Klasse(3, "koop", (0, 158, 115)),
)
KAART_3_2 = tuple(Klasse(i, t, rgb) for i, (t, rgb) in enumerate((
    ("geen corporatiebezit (0 %)", (240, 249, 232)), ("1-10 %", (186, 228, 188)), ("10-50 %", (123, 204, 196)),
    ("50-67 %", (67, 162, 202)), ("meer dan 67 %", (8, 104, 172)))))


def kaart_3_1(dominant: pd.Series) -> pd.Series:
    """Kaart 3-1 class per area from the code 1-4 of ``dominant_eigendom`` (NaN for missing or unknown)."""
    code = dominant.astype(float).round()
    return (code - 1).where(code.between(1, 4))


def kaart_3_2(aandeel: pd.Series) -> pd.Series:
    """Kaart 3-2 class per area from the share of corporatiebezit in %: 0 %, (0, 10], (10, 50], (50, 67], > 67."""
    v = aandeel.astype(float)
    out = pd.Series(np.select([v <= 0, v <= 10, v <= 50, v <= 67], [0, 1, 2, 3], default=4), index=v.index,
                    dtype=float)
    return out.where(v.notna())


# Kaart 4-1 (chapter 4): the dominant woningcorporatie per area, a categorical map. Okabe-Ito without black (the
# class number is printed on the map and the name is in the tooltip and the table, so colour is never alone).
OKABE_ITO = ((230, 159, 0), (86, 180, 233), (0, 158, 115), (240, 228, 66), (0, 114, 178), (213, 94, 0),
             (204, 121, 167))
OVERIGE_CORPORATIE = (255, 255, 255)
GEEN_CORPORATIEBEZIT = (200, 200, 200)


def kaart_4_1(dominant: pd.Series, codes: Sequence[str]) -> tuple[pd.Series, tuple[Klasse, ...]]:
    """Kaart 4-1 classes per area and the legend.

    ``dominant`` maps area code to the name of its dominant corporation (areas without corporatiebezit absent);
    ``codes`` are all areas of the map. The corporations that dominate most areas (ties: by name) get the seven
    Okabe-Ito colours in that order; any further corporations share the class "overige corporatie" (their name
    stays in the tooltip and the table); every area of ``codes`` without a dominant corporation gets the last
    class, "geen corporatiebezit" (grey).
    """
    telling = dominant.value_counts()
    volgorde = sorted(telling.index, key=lambda naam: (-telling[naam], naam))
    eigen = volgorde[:len(OKABE_ITO)]
    legenda = [Klasse(i, naam, OKABE_ITO[i]) for i, naam in enumerate(eigen)]
    if len(volgorde) > len(eigen):
        legenda.append(Klasse(len(legenda), "overige corporatie (naam in de tabel)", OVERIGE_CORPORATIE))
    legenda.append(Klasse(len(legenda), "geen corporatiebezit", GEEN_CORPORATIEBEZIT))
    nr = {naam: i for i, naam in enumerate(eigen)}
    overig = len(eigen) if len(volgorde) > len(eigen) else None
    klasse = pd.Series([float(nr.get(dominant[c], overig)) if c in dominant.index else float(legenda[-1].nr)
                        for c in codes], index=list(codes), dtype=float)
    return klasse, tuple(legenda)


# Kaart 4-4 overlay: placements via directe bemiddeling as circles whose AREA is proportional to the count.
CIRKEL_BASIS_M = 110.0
"""Radius in metres of the circle of 10 placements (the smallest count the public may see)."""
CIRKEL_LEGENDA = (10, 25, 50)


def cirkel_straal(aantal: float) -> float:
    """Radius in metres: area proportional to the count (10 placements = :data:`CIRKEL_BASIS_M`)."""
    return CIRKEL_BASIS_M * math.sqrt(max(float(aantal), 0.0) / 10.0)

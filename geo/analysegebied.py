"""The analysis area of Wijktrends: the core city, as *Veerkracht in Rotterdam* chose it. Pure.

The report limits its maps and tables to "de kern Rotterdam, inclusief Pernis en Hoogvliet": Rozenburg and Hoek van
Holland are left out (other problems, other corporations). HKD Kaart does the same by default, so that they count
neither in the Rotterdam mean and standard deviation nor in the tables; ``HKD_ANALYSE_KERNSTAD=0`` takes them in.
"""

from __future__ import annotations

import pandas as pd

BUITEN_KERNSTAD: dict[str, str] = {"WK059917": "Hoek van Holland", "WK059927": "Rozenburg"}
"""CBS wijken outside the report's core city; a buurt or Wijkprofiel wijk is outside when its parent is one."""


def in_analysegebied(codes: pd.Series, parents: pd.Series, kernstad: bool) -> pd.Series:
    """Which areas belong to the analysis area (a boolean per row): all of them, or the core city only.

    >>> codes = pd.Series(["BU05991701", "BU05990110", "WK059927"])
    >>> in_analysegebied(codes, pd.Series(["WK059917", "WK059901", "GM0599"]), kernstad=True).tolist()
    [False, True, False]
    """
    if not kernstad:
        return pd.Series(True, index=codes.index)
    buiten = set(BUITEN_KERNSTAD)
    return ~(codes.isin(buiten) | parents.isin(buiten))


def uitleg(kernstad: bool) -> str:
    """The analysis area in one Dutch sentence, for above the maps."""
    if kernstad:
        return ("Analysegebied: de kernstad, zoals in het rapport (inclusief Pernis en Hoogvliet); "
                f"{' en '.join(sorted(BUITEN_KERNSTAD.values()))} tellen niet mee in gemiddelden, klassen en tabellen.")
    return "Analysegebied: de hele gemeente, ook Hoek van Holland en Rozenburg (anders dan het rapport)."

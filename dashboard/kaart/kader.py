"""What a map's first view leaves out, in words: the points of its data outside the frame of their dense core
(:func:`geo.view.eerste_kader`), named under the map so that no location is hidden without a word (issue 26)."""

from __future__ import annotations

import pandas as pd

from core.taal import aantal
from geo.view import buiten, eerste_kader
from reports.veilig import md_tekst


def buiten_beeld_tekst(frame: pd.DataFrame, per: str | None = None) -> str:
    """``"4 locaties buiten beeld (Hoek van Holland 3, Rozenburg 1): zoom uit"`` for the rows of ``frame`` (one
    location each, ``lon``/``lat``) outside the box the map's first view frames, counted per value of the column
    ``per`` when given (markdown-safe); empty when every location is in the frame."""
    punten = list(zip(frame["lon"], frame["lat"], strict=True))
    rijen = frame.iloc[buiten(punten, eerste_kader(punten))]
    if rijen.empty:
        return ""
    waar = ""
    if per is not None:
        telling = rijen[per].fillna("onbekend").astype(str).value_counts()
        waar = " (" + ", ".join(f"{md_tekst(naam)} {n}" for naam, n in sorted(telling.items())) + ")"
    return f"{aantal(len(rijen), 'locatie', 'locaties')} buiten beeld{waar}: zoom uit"

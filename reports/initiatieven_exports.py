"""The besluitenlijst of initiatives and provider proposals of one meeting, as PDF and Excel (rendered from data)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from core.domain import ADVIEZEN
from reports.overleg_exports import KOP, tabel_pdf, tabel_xlsx

BREEDTES = (22, 70, 45, 30, 70, 40)
_FORMULE = ("=", "+", "-", "@", "\t", "\r")


def veilig(waarde):
    """A text cell that a spreadsheet never evaluates: a leading = + - @ tab or CR gets an apostrophe."""
    if isinstance(waarde, str) and waarde.startswith(_FORMULE):
        return "'" + waarde
    return waarde


def besluiten_tabel(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns for people: what, about what, provider, outcome, conditions/reason, who."""
    def uitkomst(r) -> str:
        if r.soort == "initiatief":
            tekst = f"Advies {ADVIEZEN.get(r.uitkomst, r.uitkomst).lower()}"
            return tekst + (f", startfase {r.fase}" if isinstance(r.fase, str) and r.fase else "")
        return f"Voorstel {r.uitkomst}"

    return pd.DataFrame({
        "Soort": ["Initiatief" if s == "initiatief" else "Voorstel aanbieder" for s in frame["soort"]],
        "Onderwerp": frame["onderwerp"], "Aanbieder": frame["aanbieder"],
        "Besluit": [uitkomst(r) for r in frame.itertuples()],
        "Voorwaarden / reden": [" · ".join(x for x in (v, t) if isinstance(x, str) and x)
                                for v, t in zip(frame["voorwaarden"], frame["toelichting"], strict=True)],
        "Vastgelegd door": frame["vastgelegd_door"]})


def _ondertitel(datum: date, n: int) -> str:
    return f"Overleg van {datum:%d-%m-%Y} · {n} besluiten over initiatieven en voorstellen"


def besluitenlijst_pdf(datum: date, frame: pd.DataFrame) -> bytes:
    tabel = besluiten_tabel(frame)
    return tabel_pdf(f"{KOP}: besluiten over initiatieven en voorstellen", _ondertitel(datum, len(tabel)), tabel,
                     BREEDTES)


def besluitenlijst_xlsx(datum: date, frame: pd.DataFrame) -> bytes:
    tabel = besluiten_tabel(frame).map(veilig)
    return tabel_xlsx(f"{KOP}: besluiten over initiatieven en voorstellen", _ondertitel(datum, len(tabel)), tabel,
                      "Initiatieven")

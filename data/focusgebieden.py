"""Focus areas (NPRZ, Rotterdams Goed Wonen) by area CODE from the facts table ``data/facts/focusgebieden.csv``.

The codes are CBS buurten of 2015 (Rotterdam's wijken). They are matched by code, never by name, and must all
resolve to loaded areas: a code the database does not know is refused with a message, not silently skipped.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from queries import platform

FACTS = Path(__file__).resolve().parent / "facts" / "focusgebieden.csv"
PROGRAMMAS = {"NPRZ": "Nationaal Programma Rotterdam Zuid", "RGW": "Rotterdams Goed Wonen"}


@dataclass(frozen=True)
class Focusgebied:
    """One focus area of a programme: a CBS buurt by code."""

    programma: str
    code: str
    naam: str


class FocusgebiedFout(ValueError):
    """The facts table names codes that are not loaded (or is malformed)."""


def lees(pad: Path = FACTS) -> list[Focusgebied]:
    """The focus areas of the facts table, in file order (a buurt may belong to more than one programme)."""
    with pad.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for i, r in enumerate(rows, start=2):
        programma, code = (r.get("programma") or "").strip(), (r.get("code") or "").strip()
        if programma not in PROGRAMMAS or not code:
            raise FocusgebiedFout(f"{pad.name} rij {i}: programma moet NPRZ of RGW zijn en code mag niet leeg zijn")
        out.append(Focusgebied(programma, code, (r.get("naam") or "").strip()))
    return out


def omtrekken(conn: Connection, gebieden: list[Focusgebied] | None = None):
    """``code, naam, geometry, programmas`` of every focus area; refuses with :class:`FocusgebiedFout` when a code
    is not among the loaded buurten."""
    gebieden = lees() if gebieden is None else gebieden
    codes = tuple(sorted({g.code for g in gebieden}))
    frame = platform.focus_omtrekken(conn, codes)
    ontbreekt = sorted(set(codes) - set(frame["code"]))
    if ontbreekt:
        raise FocusgebiedFout(
            "Deze codes van focusgebieden horen niet bij een geladen buurt: " + ", ".join(ontbreekt)
            + ". Laad de CBS-buurten van 2015 of werk data/facts/focusgebieden.csv bij.")
    per_code: dict[str, list[str]] = {}
    for g in gebieden:
        per_code.setdefault(g.code, []).append(g.programma)
    frame["programmas"] = [" en ".join(sorted(set(per_code[c]))) for c in frame["code"]]
    return frame

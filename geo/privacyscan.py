"""Scan files that go to the public for anything that pins down a facility: its coordinates (WGS84 at several
roundings, in either order, and RD New), its name, its street, its postcode with letters. Pure: files and
locations in, findings out. Used by the tests of the published site (with a positive control on an HKD payload)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

ROUNDINGS = (6, 5, 4, 3)  # decimals of degrees: about 0.1 m, 1 m, 10 m, 100 m
GAP = r"[^\d]{1,24}?"  # between the two numbers of a pair: ", " or '","lat":' and the like, never another number


@dataclass(frozen=True)
class Locatie:
    """What must never be published of one facility."""

    naam: str
    straat: str
    postcode: str  # '3061 TA'
    lon: float
    lat: float
    x: float  # RD New
    y: float


def _trunc(v: float, d: int) -> str:
    q = 10 ** d
    return f"{math.trunc(v * q) / q:.{d}f}"


def _num(v: float, d: int, langer: bool) -> str:
    """A number at ``d`` decimals, rounded or truncated; with ``langer`` also printed with more digits after it.

    The finest rounding matches longer prints (the full-precision point, truncated); a coarse rounding matches only
    numbers printed at that precision: a PC4 boundary vertex printed at 5 decimals that happens to lie within 10 m
    of a facility is public boundary data, while a point rounded to 4 decimals is the facility.
    """
    vormen = sorted({f"{v:.{d}f}", _trunc(v, d)})
    return r"(?<![\d.])(?:" + "|".join(re.escape(s) for s in vormen) + (r")\d*" if langer else r")(?![\d])")


def patronen(loc: Locatie) -> list[tuple[str, re.Pattern]]:
    """``(what, pattern)`` for every way ``loc`` could leak."""
    out: list[tuple[str, re.Pattern]] = []
    # Each number at any of the roundings (a payload may round longitude and latitude differently), in either order.
    lon = "(?:" + "|".join(_num(loc.lon, d, d == ROUNDINGS[0]) for d in ROUNDINGS) + ")"
    lat = "(?:" + "|".join(_num(loc.lat, d, d == ROUNDINGS[0]) for d in ROUNDINGS) + ")"
    out.append((f"WGS84 ({'/'.join(map(str, ROUNDINGS))} decimalen)", re.compile(lon + GAP + lat + "|" + lat + GAP + lon)))
    x = "(?:" + "|".join(_num(loc.x, d, d == 1) for d in (0, 1)) + ")"
    y = "(?:" + "|".join(_num(loc.y, d, d == 1) for d in (0, 1)) + ")"
    out.append(("RD", re.compile(x + GAP + y + "|" + y + GAP + x)))
    for wat, tekst in (("naam", loc.naam), ("straat", loc.straat)):
        if tekst.strip():
            out.append((wat, re.compile(r"(?<!\w)" + re.escape(tekst.strip()) + r"(?!\w)", re.IGNORECASE)))
    cijfers, _, letters = loc.postcode.partition(" ")
    if letters:
        out.append(("postcode", re.compile(re.escape(cijfers) + r"\s?" + re.escape(letters) + r"(?![A-Za-z])",
                                            re.IGNORECASE)))
    return out


def scan(bestanden: Mapping[str, bytes], locaties: Iterable[Locatie]) -> list[str]:
    """Every finding as ``'<file>: <what> of <location name>'`` (empty: nothing pins a facility down)."""
    teksten = {naam: inhoud.decode("utf-8", errors="replace") if not naam.endswith(".png")
               else inhoud.decode("latin-1") for naam, inhoud in bestanden.items()}
    found = []
    for loc in locaties:
        for wat, patroon in patronen(loc):
            for naam, tekst in teksten.items():
                if patroon.search(tekst):
                    found.append(f"{naam}: {wat} van {loc.naam}")
    return found

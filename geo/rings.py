"""Distance rings around a candidate location (RD New, metres): parsing, counts before/after, circle outlines."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from pyproj import Transformer

DEFAULT_RINGEN: tuple[int, ...] = (250, 500, 1000)
MAX_STRAAL = 5000
_TO_WGS84 = Transformer.from_crs(28992, 4326, always_xy=True)
_TO_RD = Transformer.from_crs(4326, 28992, always_xy=True)


KAART_MIN_STRAAL = 2000
"""The scan map draws locations and buurt outlines within at least this many metres of the candidate."""
KAART_OVERZICHT_STRAAL = 5000
"""Before a candidate is chosen the scan map draws this many metres around the middle of the start view."""


def kaart_straal(ringen: tuple[int, ...]) -> int:
    """How far around the candidate (metres) the scan map draws: twice the largest ring, at least 2 km."""
    return max(KAART_MIN_STRAAL, 2 * max(ringen, default=0))


def parse_ringen(text: str) -> tuple[int, ...]:
    """Parse ``"250, 500, 1000"`` into sorted unique radii in metres (1..5000); a Dutch ValueError otherwise."""
    out = set()
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= MAX_STRAAL:
            raise ValueError(f"ongeldige straal {part!r}: geef hele meters van 1 tot en met {MAX_STRAAL}")
        out.add(int(part))
    if not out:
        raise ValueError("geef minstens één straal op")
    return tuple(sorted(out))


@dataclass(frozen=True)
class RingTelling:
    """Facilities and places within ``straal`` metres of the candidate, before and after adding it."""

    straal: int
    voorzieningen: int
    plaatsen: int
    voorzieningen_na: int
    plaatsen_na: int


def met_kandidaat(tellingen: list[tuple[int, int, int]], plaatsen: int) -> list[RingTelling]:
    """Add the candidate (at distance 0, so inside every ring) to ``(straal, voorzieningen, plaatsen)`` counts."""
    return [RingTelling(r, n, p, n + 1, p + plaatsen) for r, n, p in sorted(tellingen)]


def circle(x: float, y: float, straal: float, n: int = 72) -> list[tuple[float, float]]:
    """A closed circle outline around ``(x, y)`` in the same metric CRS."""
    pts = [(x + straal * math.cos(2 * math.pi * i / n), y + straal * math.sin(2 * math.pi * i / n)) for i in range(n)]
    return [*pts, pts[0]]


@lru_cache(maxsize=4096)  # pyproj sets up a transformer per thread (~0.2 s): every Streamlit rerun is a new thread
def rd_to_lonlat(x: float, y: float) -> tuple[float, float]:
    """RD New (EPSG:28992) to WGS84 lon/lat."""
    lon, lat = _TO_WGS84.transform(x, y)
    return float(lon), float(lat)


@lru_cache(maxsize=4096)
def lonlat_to_rd(lon: float, lat: float) -> tuple[float, float]:
    """WGS84 lon/lat to RD New (EPSG:28992)."""
    x, y = _TO_RD.transform(lon, lat)
    return float(x), float(y)

"""The overview of a map layer: every area's outline simplified for the first view, which shows the whole layer in one
window (pure functions).

In that view a pixel spans many of an outline's vertices: at national scale (4,000 postcode areas of about 45 vertices
each) a browser spent most of the first draw converting, projecting and simplifying points it then drew within one
pixel. The overview keeps each area and its figures and drops what no pixel of the first view shows; the full layer
is fetched when the reader zooms in (issue 27). Areas are simplified one by one (topology kept within each area), so
two neighbours may part or overlap by at most the tolerance: less than a pixel in the first view.

Outlines change only with a new boundary set, while the figures change with every publication: the simplified outline
and the box of each geometry are kept per process (``functools.lru_cache`` on the pure functions below), so a
publisher that keeps running works them out once per boundary set (nationally 1.3 s and 0.5 s per publication).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterator

from shapely.geometry import mapping, shape

from geo.view import Bounds, bounds_of

BREEDSTE_VENSTER_PX = 2000
"""The widest window the first view is drawn in: the tolerance stays below one of its pixels."""


def tolerantie(box: Bounds | None, breedte_px: int = BREEDSTE_VENSTER_PX) -> float:
    """Degrees of longitude one pixel spans when ``box`` fills a window ``breedte_px`` wide (0 without a box)."""
    if box is None:
        return 0.0
    return max(box.max_lon - box.min_lon, box.max_lat - box.min_lat) / breedte_px


def decimalen(tolerantie_graden: float) -> int:
    """Decimals that keep the rounding within a quarter of the tolerance (4 to 6: at least 11 m, at most 0.1 m)."""
    if tolerantie_graden <= 0:
        return 6
    return min(6, max(4, math.ceil(-math.log10(tolerantie_graden / 4))))


def _afgerond(coords, n: int):
    if coords and isinstance(coords[0], int | float):
        return [round(float(coords[0]), n), round(float(coords[1]), n)]
    return [_afgerond(c, n) for c in coords]


@functools.lru_cache(maxsize=65_536)
def vereenvoudigd(geojson: str, tolerantie_graden: float) -> str:
    """``geojson`` (one geometry) with its outline simplified to ``tolerantie_graden`` (topology kept within the
    geometry: no ring crosses itself or another of the same area) and rounded to :func:`decimalen`; the geometry as it
    was when that would empty it or make it invalid (an area smaller than the rounding), or the tolerance is 0."""
    if tolerantie_graden <= 0:
        return geojson
    vorm = shape(json.loads(geojson))
    uit = mapping(vorm.simplify(tolerantie_graden, preserve_topology=True))
    kleiner = {"type": uit["type"], "coordinates": _afgerond(uit["coordinates"], decimalen(tolerantie_graden))}
    getoetst = shape(kleiner)
    if getoetst.is_empty or not getoetst.is_valid or (vorm.area > 0 and getoetst.area <= 0):
        return geojson
    return json.dumps(kleiner, separators=(",", ":"))


def punten(coords) -> Iterator[tuple[float, float]]:
    """Every ``(lon, lat)`` of a GeoJSON geometry's (nested) coordinates."""
    if coords and isinstance(coords[0], int | float):
        yield coords[0], coords[1]
    else:
        for c in coords or ():
            yield from punten(c)


@functools.lru_cache(maxsize=65_536)
def omlijning(geojson: str) -> Bounds | None:
    """The box around one GeoJSON geometry (``None`` without coordinates)."""
    return bounds_of(punten(json.loads(geojson).get("coordinates")))


def hoekpunten(geojson: str) -> int:
    """The number of vertices of one GeoJSON geometry (for tests and figures)."""
    return sum(1 for _ in punten(json.loads(geojson).get("coordinates")))

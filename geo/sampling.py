"""Deterministic sampling of points inside polygons (for demo data and generated benchmark data)."""

from __future__ import annotations

import random

import shapely
from shapely.geometry import Point


def point_inside(polygon: shapely.Geometry, rng: random.Random, *, inset: float = 40.0, tries: int = 500) -> Point:
    """Return a point inside ``polygon`` at least ``inset`` map units from its edge, drawn with ``rng``.

    Falls back to a point on the surface when the inset polygon is empty or no draw lands inside.
    """
    core = polygon.buffer(-inset)
    target = core if not core.is_empty else polygon
    minx, miny, maxx, maxy = target.bounds
    prepared = shapely.prepared.prep(target)
    for _ in range(tries):
        p = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        if prepared.contains(p):
            return p
    return target.representative_point()

"""A first view that fits: the Web Mercator centre and zoom that frame a bounding box with a margin.

Pure: the dashboard collects the bounds of what a map draws (GeoJSON coordinates, point columns) and asks here
for the view. Zoom follows the deck.gl / Web Mercator convention (256 px tiles: zoom 0 shows the world in 512 px
for deck.gl's 512-px world, so ``zoom = log2(scale)`` with the world 512 px wide).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

WORLD_PX = 512.0
"""deck.gl's world width at zoom 0."""


@dataclass(frozen=True)
class Bounds:
    """A lon/lat box (WGS84)."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    def contains(self, lon: float, lat: float) -> bool:
        return self.min_lon <= lon <= self.max_lon and self.min_lat <= lat <= self.max_lat

    def union(self, other: Bounds | None) -> Bounds:
        if other is None:
            return self
        return Bounds(min(self.min_lon, other.min_lon), min(self.min_lat, other.min_lat),
                      max(self.max_lon, other.max_lon), max(self.max_lat, other.max_lat))

    def padded(self, metres: float) -> Bounds:
        """At least ``metres`` around every side (so one point or a short line still gets surroundings)."""
        dlat = metres / 111_320.0
        dlon = metres / (111_320.0 * max(math.cos(math.radians((self.min_lat + self.max_lat) / 2)), 0.01))
        return Bounds(self.min_lon - dlon, self.min_lat - dlat, self.max_lon + dlon, self.max_lat + dlat)


@dataclass(frozen=True)
class View:
    longitude: float
    latitude: float
    zoom: float


def bounds_of(points: Iterable[tuple[float, float]]) -> Bounds | None:
    """The box around ``(lon, lat)`` points; ``None`` when there are none (or none that are finite)."""
    lons, lats = [], []
    for lon, lat in points:
        if lon is None or lat is None:
            continue
        lon, lat = float(lon), float(lat)
        if math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -85 <= lat <= 85:
            lons.append(lon)
            lats.append(lat)
    if not lons:
        return None
    return Bounds(min(lons), min(lats), max(lons), max(lats))


KERN_ROTTERDAM = Bounds(4.33, 51.84, 4.62, 51.99)
"""The core city as the Veerkracht analysis draws its maps: Rotterdam with Pernis and Hoogvliet, without the port
area, Rozenburg and Hoek van Holland (seed 002, section 4.1)."""


def kern(box: Bounds | None, kern_box: Bounds = KERN_ROTTERDAM) -> Bounds | None:
    """``box`` narrowed to the core city where the two overlap, for the first view of a city-wide map.

    Everything outside stays drawn, a pan or zoom away; a box that does not overlap the core (a search result in
    Hoek van Holland, data of another city) comes back unchanged."""
    if box is None:
        return None
    binnen = Bounds(max(box.min_lon, kern_box.min_lon), max(box.min_lat, kern_box.min_lat),
                    min(box.max_lon, kern_box.max_lon), min(box.max_lat, kern_box.max_lat))
    if binnen.min_lon >= binnen.max_lon or binnen.min_lat >= binnen.max_lat:
        return box
    return binnen


KERN_KWANTIEL = 0.1
"""The dense core of a map's points spans, per axis, from this quantile to its complement (10th to 90th
percentile): up to a tenth of the points on either side may lie far away without pulling the frame out."""
KERN_MIN_PUNTEN = 10
"""With fewer points than this there is no core to speak of: the first view frames them all."""
KERN_SPELING = 0.75
"""A point lies in the first view when it is within this share of the core's span beyond it, per axis."""
KERN_SPELING_M = 2000.0
"""... or within this many metres of the core's span: a point near the others is never framed out, however tight
the core (all but one on one street)."""


def _kwantiel(gesorteerd: list[float], q: float) -> float:
    """The ``q``-th quantile of sorted values, linearly interpolated between the two nearest (numpy's default)."""
    plek = q * (len(gesorteerd) - 1)
    onder = math.floor(plek)
    boven = min(onder + 1, len(gesorteerd) - 1)
    return gesorteerd[onder] + (gesorteerd[boven] - gesorteerd[onder]) * (plek - onder)


def eerste_kader(punten: Iterable[tuple[float, float]], kwantiel: float = KERN_KWANTIEL,
                 speling: float = KERN_SPELING, speling_m: float = KERN_SPELING_M,
                 min_punten: int = KERN_MIN_PUNTEN) -> Bounds | None:
    """The box a map's first view frames: around the points of its data that lie in or near their dense core.

    Per axis the core spans from the ``kwantiel`` to the ``1 - kwantiel`` quantile of the points; a point farther
    beyond that span than ``speling`` times the span (and than ``speling_m`` metres) is an outlier, left out of the
    box. Rotterdam's locations reach from Hoek van Holland and the Maasvlakte to Nesselande: framed whole, the 60 in
    the city crowd into a quarter of the map. The outliers stay drawn, a zoom out away; a page names how many
    (:func:`buiten`). Fewer than ``min_punten`` points, one point or points all in one place have no outliers: the
    box is then around all of them (a single point or one place is a box without size; :func:`fit` callers pad it).
    ``None`` when there are no (finite) points. The margin around the box is the map's (:func:`fit`)."""
    alle = [(float(lon), float(lat)) for lon, lat in punten if lon is not None and lat is not None
            and math.isfinite(float(lon)) and math.isfinite(float(lat))]
    box = bounds_of(alle)
    if box is None or len(alle) < min_punten:
        return box
    m_per_graad_lat = 111_320.0
    m_per_graad_lon = m_per_graad_lat * max(math.cos(math.radians((box.min_lat + box.max_lat) / 2)), 0.01)
    grenzen = []
    for as_, m_per_graad in ((0, m_per_graad_lon), (1, m_per_graad_lat)):
        waarden = sorted(p[as_] for p in alle)
        laag, hoog = _kwantiel(waarden, kwantiel), _kwantiel(waarden, 1 - kwantiel)
        ruimte = max(speling * (hoog - laag), speling_m / m_per_graad)
        grenzen.append((laag - ruimte, hoog + ruimte))
    (lon_min, lon_max), (lat_min, lat_max) = grenzen
    return bounds_of(p for p in alle if lon_min <= p[0] <= lon_max and lat_min <= p[1] <= lat_max)


def buiten(punten: Iterable[tuple[float, float]], box: Bounds | None) -> list[int]:
    """The indexes of the ``(lon, lat)`` points that lie outside ``box`` (none without a box)."""
    if box is None:
        return []
    return [i for i, (lon, lat) in enumerate(punten) if lon is not None and lat is not None
            and not box.contains(float(lon), float(lat))]


def _merc_y(lat: float) -> float:
    """Web Mercator y in [0, 1] (0 = north)."""
    r = math.radians(lat)
    return (1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2


def fit(bounds: Bounds, width_px: float, height_px: float, margin: float = 0.08, max_zoom: float = 16.0,
        min_zoom: float = 3.0) -> View:
    """The view that shows all of ``bounds`` in a ``width_px`` x ``height_px`` map with ``margin`` (a share of
    each side) left free."""
    x0, x1 = (bounds.min_lon + 180) / 360, (bounds.max_lon + 180) / 360
    y0, y1 = _merc_y(bounds.max_lat), _merc_y(bounds.min_lat)
    usable_w = max(width_px * (1 - 2 * margin), 1.0)
    usable_h = max(height_px * (1 - 2 * margin), 1.0)
    span_x, span_y = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
    zoom = math.log2(min(usable_w / (span_x * WORLD_PX), usable_h / (span_y * WORLD_PX)))
    zoom = max(min(zoom, max_zoom), min_zoom)
    cy = (y0 + y1) / 2
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * cy))))
    return View(longitude=(bounds.min_lon + bounds.max_lon) / 2, latitude=lat, zoom=round(zoom, 2))


def visible(view: View, width_px: float, height_px: float) -> Bounds:
    """The box a view shows in a map of that size (the inverse of :func:`fit`, for tests and checks)."""
    scale = WORLD_PX * 2**view.zoom
    cx = (view.longitude + 180) / 360
    cy = _merc_y(view.latitude)
    dx, dy = width_px / 2 / scale, height_px / 2 / scale

    def lat_of(y: float) -> float:
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))

    return Bounds((cx - dx) * 360 - 180, lat_of(cy + dy), (cx + dx) * 360 - 180, lat_of(cy - dy))


def pixel(view: View, lon: float, lat: float) -> tuple[float, float]:
    """Where ``(lon, lat)`` lands relative to the map's centre, in pixels (x east, y south), at ``view``'s zoom."""
    scale = WORLD_PX * 2**view.zoom
    return (((lon + 180) / 360 - (view.longitude + 180) / 360) * scale,
            (_merc_y(lat) - _merc_y(view.latitude)) * scale)


def zonder_overlap(labels: list[tuple[float, float, str]], view: View, teken_px: float = 7.5,
                   regel_px: float = 17.0) -> list[int]:
    """The labels ``(lon, lat, text)`` that can be written at ``view`` without touching one written before them:
    their indexes, in the order given (the order is the priority).

    A label is a box of ``len(text) * teken_px`` by ``regel_px`` centred on its point (the app's labels are 12 px
    monospace with a little background). At the city-wide first view a name that would cover another is left out;
    a closer view (a search result, the surroundings of one location) keeps more of them."""
    cel = 64.0  # placed boxes are kept per grid cell of this many pixels: a label is compared with its neighbours
    rooster: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}
    uit = []
    for i, (lon, lat, tekst) in enumerate(labels):
        x, y = pixel(view, lon, lat)
        half_b, half_h = len(tekst) * teken_px / 2 + 2, regel_px / 2
        box = (x - half_b, y - half_h, x + half_b, y + half_h)
        cellen = [(cx, cy) for cx in range(math.floor(box[0] / cel), math.floor(box[2] / cel) + 1)
                  for cy in range(math.floor(box[1] / cel), math.floor(box[3] / cel) + 1)]
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
               for c in cellen for b in rooster.get(c, ())):
            continue
        for c in cellen:
            rooster.setdefault(c, []).append(box)
        uit.append(i)
    return uit

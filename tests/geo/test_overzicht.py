"""The overview layer's outlines (issue 27): simplified to under a pixel of the first view, each area kept whole and
valid, the geometry as it was when simplifying would lose it."""

import json
import math

from shapely.geometry import shape

from geo.overzicht import decimalen, hoekpunten, omlijning, tolerantie, vereenvoudigd
from geo.view import Bounds


def _cirkel(n: int, x: float = 4.48, y: float = 51.92, r: float = 0.01) -> str:
    """A ring of ``n`` vertices (a detailed outline), as GeoJSON."""
    ring = [[x + r * math.cos(2 * math.pi * i / n), y + r * math.sin(2 * math.pi * i / n)] for i in range(n)]
    return json.dumps({"type": "Polygon", "coordinates": [ring + [ring[0]]]})


def test_the_tolerance_is_one_pixel_of_the_widest_window_showing_the_whole_box():
    nederland = Bounds(3.3, 50.7, 7.3, 53.6)
    assert tolerantie(nederland) == 4.0 / 2000
    assert tolerantie(nederland, 1000) == 4.0 / 1000
    assert tolerantie(None) == 0.0


def test_decimals_keep_the_rounding_within_a_quarter_of_the_tolerance():
    assert decimalen(0.002) == 4          # national: 4 decimals (11 m) against a tolerance of about 140 m
    assert decimalen(0.0002) == 5         # a city
    assert decimalen(0.0) == 6
    for t in (0.002, 0.0002, 0.00002):
        assert 10 ** -decimalen(t) / 2 <= t / 4


def test_a_detailed_outline_loses_what_no_pixel_shows_and_stays_the_same_area():
    detail = _cirkel(400)
    kleiner = vereenvoudigd(detail, 0.0002)
    assert hoekpunten(kleiner) < hoekpunten(detail) / 4
    a, b = shape(json.loads(detail)), shape(json.loads(kleiner))
    assert b.is_valid and b.geom_type == "Polygon"
    assert a.symmetric_difference(b).area < 0.05 * a.area
    assert a.hausdorff_distance(b) <= 0.0002 + 1e-9


def test_holes_and_parts_are_kept_and_nothing_is_emptied():
    buiten = json.loads(_cirkel(200, r=0.02))["coordinates"][0]
    gat = json.loads(_cirkel(200, r=0.005))["coordinates"][0][::-1]
    eiland = json.loads(_cirkel(200, x=4.60, r=0.004))["coordinates"]
    multi = json.dumps({"type": "MultiPolygon", "coordinates": [[buiten, gat], eiland]})
    uit = shape(json.loads(vereenvoudigd(multi, 0.0005)))
    assert uit.is_valid and len(uit.geoms) == 2 and len(uit.geoms[0].interiors) == 1
    # an area smaller than the tolerance keeps its outline rather than vanishing from the map
    klein = _cirkel(8, r=0.00001)
    assert shape(json.loads(vereenvoudigd(klein, 0.01))).area > 0
    assert vereenvoudigd(klein, 0.0) == klein


def test_an_outline_and_its_box_are_worked_out_once_per_process():
    """Outlines change only with a new boundary set: a publisher that keeps running simplifies and measures each
    outline once, and every later publication gets the same text back."""
    vierkant = json.dumps({"type": "Polygon", "coordinates": [[[4.4, 51.9], [4.45, 51.9001], [4.5, 51.9], [4.5, 52.0],
                                                               [4.4, 52.0], [4.4, 51.9]]]})
    vereenvoudigd.cache_clear()
    omlijning.cache_clear()
    eerst = vereenvoudigd(vierkant, 0.001), omlijning(vierkant)
    assert (vereenvoudigd(vierkant, 0.001), omlijning(vierkant)) == eerst
    assert vereenvoudigd.cache_info().hits == 1 and omlijning.cache_info().hits == 1
    assert eerst[1] == Bounds(4.4, 51.9, 4.5, 52.0)

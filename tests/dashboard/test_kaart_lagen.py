"""Layer props reach deck.gl as meant: a value stays a value, an accessor an accessor, an expression is prefixed once.

pydeck turns every string prop into a deck.gl expression: ``radius_units="meters"`` became the function ``meters``
(the meldkaart one solid block, Kaart 4-4 with directe bemiddeling all black) and ``get_fill_color="@@=..."``
became ``"@@=@@=..."`` (``Unexpected "@"`` on both 100 m grids). The browser test reads the pixels; these read the
JSON the browser gets, without a database."""

from __future__ import annotations

import json

import pandas as pd
import pydeck as pdk
import pytest

from dashboard.initiatieven.view import kandidaten_deck
from dashboard.kaart.maps import deck, laag
from dashboard.meldingen.view import meldkaart
from dashboard.trends.lagen import bemiddeling_layer, raster_deck, raster_klassen_deck, voorziening_layers
from geo.meldingen import MeldingNormen


def _lagen(d: pdk.Deck) -> dict[str, dict]:
    return {la["id"]: la for la in json.loads(d.to_json())["layers"]}


def _geen_dubbele_expressie(d: pdk.Deck) -> None:
    assert "@@=@@=" not in d.to_json()


def test_meldkaart_circles_are_sized_in_metres():
    frame = pd.DataFrame({"id": [1, 2], "code": ["HKD-001", "HKD-002"], "naam": ["A", "B"], "lon": [4.47, 4.48],
                          "lat": [51.92, 51.91], "aantal": [3, 0], "buiten_norm": [1, 0], "open": [0, 0],
                          "fase": ["1", None], "ring_100": [0, 0], "ring_250": [1, 0], "ring_500": [2, 1]})
    laag_json = _lagen(meldkaart(frame, MeldingNormen()))["meldingen"]
    assert laag_json["radiusUnits"] == "meters"
    assert laag_json["getRadius"] == "@@=straal" and laag_json["getFillColor"] == "@@=kleur"


def test_directe_bemiddeling_circles_are_sized_in_metres():
    punten = pd.DataFrame({"lon": [4.47], "lat": [51.92], "naam": ["Feijenoord"], "aantal": [12]})
    laag_json = _lagen(deck([bemiddeling_layer(punten, 2018)]))["directe_bemiddeling"]
    assert laag_json["radiusUnits"] == "meters"


@pytest.mark.parametrize("bouw", ["raster", "klassen"])
def test_grid_colours_are_one_expression(bouw):
    cellen = pd.DataFrame({"lon": [4.47, 4.48], "lat": [51.92, 51.92], "code": ["a", "b"], "gebied_code": ["a", "b"]})
    kleuren = ((10, 20, 30), (40, 50, 60))
    if bouw == "raster":
        d = raster_deck(cellen, pd.Series({"a": 0, "b": 1}), kleuren, pd.Series({"a": 1.0, "b": 2.0}), "x", "r")
    else:
        d = raster_klassen_deck(cellen, pd.Series([0, 1]), kleuren, pd.Series(["t1", "t2"]), "r")
    _geen_dubbele_expressie(d)
    assert _lagen(d)["r"]["getFillColor"] == "@@=k == 0 ? [10, 20, 30] : k == 1 ? [40, 50, 60] : [230, 230, 230]"


def test_candidate_dots_stay_in_pixels_and_labels_bold():
    frame = pd.DataFrame({"omschrijving": ["Kandidaat A"], "lon": [4.47], "lat": [51.92]})
    lagen = _lagen(kandidaten_deck(frame, kleur_kolom="kandidaat"))
    assert lagen["kandidaten"]["radiusUnits"] == "pixels"


def test_facility_counts_are_bold_text():
    pc4 = pd.DataFrame({"pc4": ["3072"], "lon": [4.49], "lat": [51.90], "voorzieningen": [3]})
    lagen = _lagen(deck(voorziening_layers("publiek", pc4, None)))
    assert lagen["voorzieningen_pc4_aantal"]["fontWeight"] == "bold"


def test_a_value_sent_as_an_expression_is_refused():
    # the positive control: exactly the two broken forms of issue 26, built the old way
    with pytest.raises(ValueError, match="radius_units"):
        deck([pdk.Layer("ScatterplotLayer", [], id="x", radius_units="meters")])
    with pytest.raises(ValueError, match="twice"):
        deck([pdk.Layer("GridCellLayer", [], id="y", get_fill_color="@@=k == 0 ? [1, 2, 3] : [4, 5, 6]")])
    with pytest.raises(ValueError, match="without"):
        laag("GridCellLayer", [], id="z", get_fill_color="@@=k == 0 ? [1, 2, 3] : [4, 5, 6]")


def test_geometry_points_read_from_the_text_are_the_parsed_coordinates():
    """The first view's frame reads the outlines' points from their GeoJSON text (no parsing of 3,000 outlines): the
    same pairs in the same order as walking the parsed geometries, for every shape PostGIS writes."""
    from dashboard.kaart.maps import coordinates, geometrie_punten

    teksten = [
        '{"type":"Polygon","coordinates":[[[4.1,51.9],[4.25,51.9],[4.25,52],[4.1,51.9]]]}',
        '{"type":"MultiPolygon","coordinates":[[[[-0.5,51.2],[1e-05,51.3],[0.5,51.2],[-0.5,51.2]]],'
        '[[[3,50],[3.5,50],[3.5,50.5],[3,50]]]]}',
        '{"type":"Point","crs":{"type":"name","properties":{"name":"EPSG:4326"}},"coordinates":[4.47917,51.92250]}',
        None,
    ]
    verwacht = [p for t in teksten if t for p in coordinates(json.loads(t))]
    assert geometrie_punten(teksten) == verwacht
    assert geometrie_punten(pd.Series(teksten[:1])) == [(4.1, 51.9), (4.25, 51.9), (4.25, 52.0), (4.1, 51.9)]

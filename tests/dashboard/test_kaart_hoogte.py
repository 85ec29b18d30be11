"""A map's first view and the height it is drawn at are one number: ``dashboard.kaart.maps.deck(..., height=)`` fits the
view to it and ``dashboard.kaart.maps.show`` draws the map at exactly that height.

The candidate map of an initiative was the case: a fixed zoom 12 around the candidates' mean in a map 360 px high
put two candidates 4.7 km apart outside the map (one below it, one above it)."""

from __future__ import annotations

import ast
import json
import math
from pathlib import Path

import pandas as pd
import pydeck as pdk
import pytest

from dashboard.initiatieven.view import KANDIDAAT_STIP_PX, kandidaten_deck
from dashboard.kaart.maps import MAP_WIDTH_PX, deck, show
from geo.view import WORLD_PX

# the two candidates of the browser journey: 40 m east and 30 m south of the demo's HKD-010 and HKD-020
JOURNEY = [(4.54073, 51.88475), (4.50820, 51.92737)]


def _kandidaten(punten: list[tuple[float, float]]) -> pd.DataFrame:
    return pd.DataFrame({"omschrijving": [f"Kandidaat {chr(65 + i)}" for i in range(len(punten))],
                         "lon": [p[0] for p in punten], "lat": [p[1] for p in punten]})


def _pixels(view: dict, lon: float, lat: float, breedte: float, hoogte: float) -> tuple[float, float]:
    """Where a point lands in a map of ``breedte`` x ``hoogte`` pixels (Web Mercator, deck.gl's 512-px world)."""
    schaal = WORLD_PX * 2 ** view["zoom"]

    def y(b: float) -> float:
        r = math.radians(b)
        return (1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2

    x = ((lon - view["longitude"]) / 360) * schaal + breedte / 2
    return x, (y(lat) - y(view["latitude"])) * schaal + hoogte / 2


@pytest.mark.parametrize("hoogte", [360, 480])
@pytest.mark.parametrize("punten", [JOURNEY, [JOURNEY[0]], [(4.29, 51.87), (4.60, 51.95), (4.47, 51.91)]],
                         ids=["journey", "one", "city"])
def test_every_candidate_is_inside_the_map_with_room_for_its_letter(punten, hoogte):
    """At the narrowest width a map is fitted for, every dot lies whole inside the map, with its letter (above
    it) inside too; the height is the deck's, the one ``show`` draws it at."""
    d = kandidaten_deck(_kandidaten(punten), kleur_kolom="kandidaat", hoogte=hoogte)
    assert d.hoogte == hoogte
    view = json.loads(d.to_json())["initialViewState"]
    letter_px = KANDIDAAT_STIP_PX + 3 + 20  # offset above the dot plus a 16 px letter on its background
    for lon, lat in punten:
        x, y = _pixels(view, lon, lat, MAP_WIDTH_PX, hoogte)
        assert KANDIDAAT_STIP_PX < x < MAP_WIDTH_PX - KANDIDAAT_STIP_PX, (lon, lat, x, view)
        assert letter_px < y < hoogte - KANDIDAAT_STIP_PX, (lon, lat, y, view)


def test_one_candidate_opens_on_its_street_not_on_the_city():
    view = json.loads(kandidaten_deck(_kandidaten([JOURNEY[0]]), "kandidaat", hoogte=360).to_json())[
        "initialViewState"]
    assert 13.5 <= view["zoom"] <= 15.5, view
    assert (view["longitude"], view["latitude"]) == pytest.approx(JOURNEY[0], abs=1e-4)


def test_show_draws_a_map_at_the_height_its_view_was_fitted_for():
    laag = pdk.Layer("ScatterplotLayer", [{"lon": 4.47, "lat": 51.91}], id="p", get_position=["lon", "lat"])
    d = deck([laag], height=360)
    assert d.hoogte == 360
    assert "hoogte" not in d.to_json()  # never sent to the browser: Streamlit draws at the element's height
    with pytest.raises(TypeError, match="deck"):
        show(d, height=480)  # a second height would let the view and the element disagree again
    with pytest.raises(TypeError, match="deck"):
        show(pdk.Deck(layers=[laag]))  # a deck that does not say what height it was fitted for


def test_maps_are_drawn_only_through_show():
    """``st.pydeck_chart`` is called in one place (``dashboard.kaart.maps.show``), which takes the height from the deck;
    no caller passes a height to ``show`` (it would raise when that page runs)."""
    root = Path(__file__).resolve().parents[2]
    pydeck_chart, show_met_hoogte, shows = [], [], 0
    for pad in sorted((root / "dashboard").rglob("*.py")):
        for node in ast.walk(ast.parse(pad.read_text())):
            if not isinstance(node, ast.Call):
                continue
            naam = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            waar = f"{pad.relative_to(root).as_posix()}:{node.lineno}"
            if naam == "pydeck_chart":
                pydeck_chart.append(waar)
            elif naam == "show":
                shows += 1
                if any(k.arg == "height" for k in node.keywords):
                    show_met_hoogte.append(waar)
    assert [w.split(":")[0] for w in pydeck_chart] == ["dashboard/kaart/maps.py"], pydeck_chart
    assert shows >= 10, shows  # every map page's map
    assert show_met_hoogte == [], show_met_hoogte

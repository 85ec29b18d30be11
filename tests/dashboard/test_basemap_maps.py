"""Every map takes its basemap from the one setting (AppTest payload), has none with ``geen``, and says so when
the configured tile server cannot be reached."""

from __future__ import annotations

import json

import pytest

from dashboard.toegang.auth import User
from tests.tiles import tile_server

HKD = User("beleid", "hkd")
ALFA = User("alfa", "aanbieder", "alfa")

# page, session, number of pydeck maps it shows at first
MAPS = [
    ("openbare_kaart", {}),
    ("aanbiederskaart", {"hkd_user": ALFA}),
    ("escalatieladder", {"hkd_user": HKD}),
    ("overleg", {"hkd_user": HKD}),
    ("wijktrends", {}),
]


def _decks(at) -> list[dict]:
    return [json.loads(d.proto.json) for d in at.get("deck_gl_json_chart")]


@pytest.fixture
def tiles():
    with tile_server() as server:
        yield server


@pytest.mark.parametrize(("page", "session"), MAPS, ids=[m[0] for m in MAPS])
def test_basemap_comes_from_the_configured_url(app, monkeypatch, tiles, page, session):
    monkeypatch.setenv("HKD_BASEMAP", f"{tiles.template}|© Testkaart")
    at = app(page, **session)
    assert not at.exception, at.exception
    decks = _decks(at)
    assert decks, f"{page} shows no map"
    for spec in decks:
        (style,) = spec["mapStyle"]
        source = style["sources"]["achtergrond"]
        assert source["tiles"] == [tiles.template] and source["attribution"] == "© Testkaart"
        assert style["layers"][0]["type"] == "raster"  # drawn by the map under every deck.gl layer
        # nothing else: no other host in the payload
        blob = json.dumps(spec)
        assert "carto" not in blob.lower() and "mapbox" not in blob.lower()
    captions = " ".join(c.value for c in at.caption)
    assert "Achtergrondkaart: © Testkaart" in captions


@pytest.mark.parametrize(("page", "session"), MAPS, ids=[m[0] for m in MAPS])
def test_no_basemap_with_geen(app, monkeypatch, page, session):
    monkeypatch.setenv("HKD_BASEMAP", "geen")
    at = app(page, **session)
    assert not at.exception, at.exception
    for spec in _decks(at):
        assert spec.get("mapStyle") in (None, "__MAP_STYLE__")
        assert "http" not in json.dumps(spec.get("mapStyle"))
    assert not any("Achtergrondkaart:" in c.value for c in at.caption)
    # context instead: the schematic Maas and main roads, said so under the map
    for spec in _decks(at):
        ids = [layer["id"] for layer in spec["layers"]]
        assert {"context_water", "context_wegen", "context_namen"} <= set(ids)
        namen = {r["naam"] for r in next(la for la in spec["layers"] if la["id"] == "context_namen")["data"]}
        assert "Nieuwe Maas" in namen
    assert any("schematisch" in c.value for c in at.caption)


def test_unreachable_basemap_is_said_once_and_the_outlines_stay(app, monkeypatch):
    with tile_server() as server:
        dead = server.template  # the port is closed once the server stops
    monkeypatch.setenv("HKD_BASEMAP", dead)
    at = app("openbare_kaart")
    assert not at.exception, at.exception
    notices = [c.value for c in at.caption if "niet bereikbaar" in c.value]
    assert len(notices) == 1 and "127.0.0.1" in notices[0]
    (spec,) = _decks(at)
    assert spec["layers"] and spec["layers"][0]["data"]["features"]  # the areas are still drawn


def test_a_broken_setting_does_not_break_the_page(app, monkeypatch):
    monkeypatch.setenv("HKD_BASEMAP", "javascript:alert(1)")
    at = app("openbare_kaart")
    assert not at.exception, at.exception
    assert "http" not in json.dumps(_decks(at)[0].get("mapStyle"))
    assert any("niet bruikbaar" in c.value for c in at.caption)


def test_scan_map_uses_the_configured_tiles_only(monkeypatch, tiles):
    from dashboard.kaart.maps import local_folium_map

    monkeypatch.setenv("HKD_BASEMAP", f"{tiles.template}|<b>Test</b> & co")
    page = local_folium_map((51.9, 4.46), 12).get_root().render()
    assert tiles.template in page
    # the attribution is HTML in Leaflet: escaped (and JSON-encoded by folium), never live markup
    assert "<b>Test" not in page and "\\u0026lt;b\\u0026gt;Test" in page
    assert "openstreetmap" not in page.lower() and "cdn" not in page.lower()
    monkeypatch.setenv("HKD_BASEMAP", "geen")
    assert "tileLayer" not in local_folium_map((51.9, 4.46), 12).get_root().render()


def _all_coordinates(spec: dict, skip=("context_water", "context_wegen", "context_namen"), alleen_data=False):
    from dashboard.kaart.maps import coordinates

    for layer in spec["layers"]:
        if layer["id"] in skip or (alleen_data and not layer.get("pickable")):
            continue
        data = layer.get("data")
        if isinstance(data, dict):
            yield from coordinates(data)
        elif isinstance(data, list):
            yield from ((r["lon"], r["lat"]) for r in data if "lon" in r)


@pytest.mark.parametrize(("page", "session", "height"), [
    ("openbare_kaart", {}, 560), ("aanbiederskaart", {"hkd_user": ALFA}, 560),
    ("escalatieladder", {"hkd_user": HKD}, 560), ("wijktrends", {}, 600)])
def test_first_view_frames_the_data_in_the_city_not_the_whole_municipality(app, page, session, height):
    """Every map opens framed on the data it shows (locations, areas with figures), with a margin: on the part in
    the core city when most of it lies there (issue 26: the Escalatieladder opened from the Maasvlakte to Prins
    Alexander, 60 locations crowded in a quarter of the map). What lies outside is drawn, a zoom out away."""
    from dashboard.kaart.maps import MAP_WIDTH_PX
    from geo.view import KERN_ROTTERDAM, View, visible

    at = app(page, **session)
    assert not at.exception, at.exception
    spec = _decks(at)[0]
    v = spec["initialViewState"]
    shown = visible(View(v["longitude"], v["latitude"], v["zoom"]), MAP_WIDTH_PX, height)
    assert min(p[0] for p in _all_coordinates(spec)) < 4.2  # the harbour area is drawn ...
    assert not shown.contains(4.1, 51.95), "... but the first view is not the whole municipality"
    if page in ("openbare_kaart", "aanbiederskaart"):  # the areas with figures, not every PC4
        from dashboard.kaart.maps import coordinates

        pc4 = next(la for la in spec["layers"] if la["id"] == "pc4")["data"]
        points = [p for f in pc4["features"] if f["properties"]["voorzieningen"] != 0 for p in coordinates(f)]
    else:
        points = list(_all_coordinates(spec, alleen_data=True))
    points = [p for p in points if KERN_ROTTERDAM.contains(*p)]
    assert points, page
    outside = [p for p in points if not shown.contains(*p)]
    # the Wijktrends maps are fitted to the label points plus 1.5 km: outlines may reach a little further
    allowed = 0.02 if page == "wijktrends" else 0.0
    assert len(outside) <= allowed * len(points), f"{len(outside)} of {len(points)} points outside the first view"
    # framed, not lost in space: the data in the city spans most of the view's width or height
    breed = (max(p[0] for p in points) - min(p[0] for p in points)) / (shown.max_lon - shown.min_lon)
    hoog = (max(p[1] for p in points) - min(p[1] for p in points)) / (shown.max_lat - shown.min_lat)
    assert max(breed, hoog) > 0.6, f"the data fills only {breed:.0%} x {hoog:.0%} of the first view"


def test_overleg_map_shows_the_surroundings_of_its_location(app):
    from dashboard.ladder.view import FOCUS_BREEDTE_PX
    from geo.view import View, visible

    at = app("overleg", hkd_user=HKD)
    assert not at.exception, at.exception
    spec = _decks(at)[0]
    v = spec["initialViewState"]
    focus = next(la for la in spec["layers"] if la["id"] == "focus")["data"][0]
    shown = visible(View(v["longitude"], v["latitude"], v["zoom"]), FOCUS_BREEDTE_PX, 460)
    assert shown.contains(focus["lon"], focus["lat"])
    breed_m = (shown.max_lon - shown.min_lon) * 111_320 * 0.62
    assert 1_200 < breed_m < 6_000, f"the overleg map shows {breed_m:.0f} m across"

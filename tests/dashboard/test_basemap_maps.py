"""Every map takes its basemap from the one setting (AppTest payload), has none with ``geen``, and says so when
the configured tile server cannot be reached."""

from __future__ import annotations

import json

import pytest

from dashboard.auth import User
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
    assert not any("Achtergrondkaart" in c.value for c in at.caption)


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
    from dashboard.maps import local_folium_map

    monkeypatch.setenv("HKD_BASEMAP", f"{tiles.template}|<b>Test</b> & co")
    page = local_folium_map((51.9, 4.46), 12).get_root().render()
    assert tiles.template in page
    # the attribution is HTML in Leaflet: escaped (and JSON-encoded by folium), never live markup
    assert "<b>Test" not in page and "\\u0026lt;b\\u0026gt;Test" in page
    assert "openstreetmap" not in page.lower() and "cdn" not in page.lower()
    monkeypatch.setenv("HKD_BASEMAP", "geen")
    assert "tileLayer" not in local_folium_map((51.9, 4.46), 12).get_root().render()

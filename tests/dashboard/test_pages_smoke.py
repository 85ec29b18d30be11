"""Every page opens on the demo without an exception and shows real data from PostGIS."""

import json

import pytest

PAGES = ["openbare_kaart", "aanbiederskaart", "escalatieladder", "draagkrachtscan", "wijktrends", "beheer"]


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_error(app, page):
    at = app(page)
    assert not at.exception, at.exception
    assert at.title, "every page has a heading"
    assert not at.error


def test_public_map_counts_the_78_locations_per_pc4(app):
    at = app("openbare_kaart")
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    features = spec["layers"][0]["data"]["features"]
    # the 12 opvang locations (a confidential woonvorm) are counted only for the whole gemeente, never per PC4
    assert sum(f["properties"]["voorzieningen"] for f in features) == 78 - 12
    assert {f["geometry"]["type"] for f in features} <= {"Polygon", "MultiPolygon"}


def test_escalatieladder_shows_todays_counts(app):
    from dashboard.toegang.auth import User

    at = app("escalatieladder", hkd_user=User("test", "hkd"))  # the database serves decisions to HKD only
    assert [m.value for m in at.metric] == ["41", "31", "6", "0", "0"]

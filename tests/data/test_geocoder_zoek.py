"""The free search of the map search box against a real HTTP server on 127.0.0.1 shaped like PDOK's Locatieserver."""

from __future__ import annotations

import urllib.parse

import pytest

from clients.geocoder import GeocoderUnavailable, Suggestie, zoek
from tests.stubserver import StubHandler, serveer

DOCS = [
    {"type": "adres", "weergavenaam": "Coolsingel 40, 3011AD Rotterdam", "centroide_ll": "POINT(4.4777 51.9225)"},
    {"type": "weg", "weergavenaam": "<img src=x onerror=alert(1)>", "centroide_ll": "POINT(4.48 51.92)"},
    {"type": "adres", "weergavenaam": "zonder punt"},
    {"type": "adres", "weergavenaam": "onmogelijk", "centroide_ll": "POINT(999 51.9)"},
]


@pytest.fixture
def server():
    asked: list[dict] = []

    class Handler(StubHandler):
        def do_GET(self):  # noqa: N802
            url = urllib.parse.urlparse(self.path)
            asked.append(urllib.parse.parse_qs(url.query))
            self.antwoord(b"geen json" if "kapot" in url.path else {"response": {"numFound": len(DOCS), "docs": DOCS}},
                          content_type=None)

    with serveer(Handler) as base:
        yield base, asked


def test_free_search_returns_points_and_skips_broken_docs(server):
    base, asked = server
    found = zoek("Coolsingel 40", base_url=base)
    assert found[0] == Suggestie("adres", "Coolsingel 40, 3011AD Rotterdam", 4.4777, 51.9225)
    assert len(found) == 2  # no point, impossible point: skipped; the hostile name is data (escaped where shown)
    assert asked[0]["q"] == ["Coolsingel 40"] and "gemeentenaam:Rotterdam" in asked[0]["fq"]


def test_unreachable_or_garbage_is_unavailable(server):
    base, _ = server
    with pytest.raises(GeocoderUnavailable):
        zoek("x", base_url=base + "/kapot")
    with pytest.raises(GeocoderUnavailable):
        zoek("x", base_url="http://127.0.0.1:9")
    with pytest.raises(GeocoderUnavailable):
        zoek("x", base_url="")

"""The geocoder client against a real HTTP server on 127.0.0.1 that answers like the PDOK Locatieserver."""

import urllib.parse

import pytest

from clients.geocoder import AddressNotFound, GeocodeResult, GeocoderUnavailable, geocode
from tests.stubserver import StubHandler, serveer

ADRESSEN = {("3011AB", "12"): (92701.5, 437402.25, "Voorbeeldkade 12, 3011AB Rotterdam")}


class PdokLike(StubHandler):
    """Answers /free?q=POSTCODE HUISNUMMER&fq=type:adres with a PDOK-shaped JSON document."""

    requests: list[dict] = []

    def do_GET(self):  # noqa: N802 (http.server API)
        url = urllib.parse.urlparse(self.path)
        params = urllib.parse.parse_qs(url.query)
        PdokLike.requests.append({"path": url.path, **params})
        if "/kapot/" in url.path:
            self.antwoord(b"<html>geen json</html>", content_type=None)
            return
        pc, _, nummer = params.get("q", [""])[0].partition(" ")
        hit = ADRESSEN.get((pc, nummer)) if params.get("fq") == ["type:adres"] else None
        docs = [{"weergavenaam": hit[2], "postcode": pc, "centroide_rd": f"POINT({hit[0]} {hit[1]})",
                 "centroide_ll": "POINT(4.47 51.92)"}] if hit else []
        self.antwoord({"response": {"numFound": len(docs), "start": 0, "docs": docs}})


@pytest.fixture
def pdok():
    PdokLike.requests = []
    with serveer(PdokLike) as base:
        yield f"{base}/bzk/locatieserver/search/v3_1"


def test_finds_an_address_and_returns_its_rd_centroid(pdok):
    result = geocode("3011 ab", "12", base_url=pdok)
    assert result == GeocodeResult(92701.5, 437402.25, "Voorbeeldkade 12, 3011AB Rotterdam")
    assert PdokLike.requests[0]["path"].endswith("/free")
    assert PdokLike.requests[0]["fq"] == ["type:adres"]


def test_unknown_address_is_not_found(pdok):
    with pytest.raises(AddressNotFound):
        geocode("3011 AB", "999", base_url=pdok)


def test_settings_url_is_used_when_no_url_is_given(pdok, monkeypatch):
    monkeypatch.setenv("HKD_GEOCODER_URL", pdok + "/")
    assert geocode("3011AB", "12").x_rd == 92701.5


def test_offline_or_unset_geocoder_is_unavailable(monkeypatch):
    monkeypatch.setenv("HKD_GEOCODER_URL", "")
    with pytest.raises(GeocoderUnavailable):
        geocode("3011AB", "12")
    # a port where nothing listens: connection refused, reported as unavailable, never guessed
    with pytest.raises(GeocoderUnavailable):
        geocode("3011AB", "12", base_url="http://127.0.0.1:9", timeout=2)


def test_garbage_answer_is_unavailable(pdok):
    with pytest.raises(GeocoderUnavailable):
        geocode("3011AB", "12", base_url=pdok + "/kapot")

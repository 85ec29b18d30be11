"""The published site behind Debian's real nginx: gzip as served, caching headers, the atomic switch seen live."""

import gzip
import json
import urllib.error
import urllib.request

import pytest

from ops import nginx
from ops import publicatie as pub


def _get(url: str, gz: bool = True):
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gz else {})
    with urllib.request.urlopen(req, timeout=10) as r:
        body = r.read()
        return r.status, dict(r.headers), gzip.decompress(body) if r.headers.get("Content-Encoding") == "gzip" \
            else body, len(body)


def test_nginx_serves_the_live_site_compressed_and_cached(fresh_demo, tmp_path):
    root = tmp_path / "pub"
    first = pub.publiceer(fresh_demo, root, "tester")
    with nginx.running(pub.actueel(root), tmp_path / "nginx") as base:
        status, headers, body, sent = _get(base + "/")
        assert status == 200 and b"Voorzieningen per postcodegebied" in body
        assert headers["Content-Encoding"] == "gzip" and "max-age=60" in headers["Cache-Control"]
        assert headers["X-Content-Type-Options"] == "nosniff"

        status, headers, body, sent = _get(base + "/data/pc4.geojson")
        assert headers["Content-Type"].startswith("application/geo+json")
        assert headers["Content-Encoding"] == "gzip" and sent < len(body) / 3
        assert len(json.loads(body)["features"]) == 76

        _, headers, _, _ = _get(base + "/vendor/leaflet/leaflet.js")
        assert "max-age=86400" in headers["Cache-Control"]
        _, headers, body, _ = _get(base + "/per_pc4.csv", gz=False)
        assert headers["Content-Type"].startswith("text/csv") and body.startswith(b"Postcode,Plaats")

        for path in ("/../../etc/passwd", "/nietbestaand.html"):
            with pytest.raises(urllib.error.HTTPError) as err:
                _get(base + path)
            assert err.value.code in (400, 404)

        second = pub.publiceer(fresh_demo, root, "tester", altijd=True)
        _, _, body, _ = _get(base + "/versie.json")
        assert second.map != first.map
        assert json.loads(body)["gepubliceerd"] in second.map.name, "nginx serves the new release at once"

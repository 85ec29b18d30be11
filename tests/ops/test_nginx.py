"""The published site behind Debian's real nginx: gzip as served, caching headers, the atomic switch seen live."""

import functools
import gzip
import http.server
import json
import re
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from core.settings import PROJECT_ROOT
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


# --- security headers on every answer, no folder listings (issue 23) ------------------------------------------------


SOORTEN = ["/", "/index.html", "/embed.html", "/data/pc4.geojson", "/per_pc4.csv", "/versie.json",
           "/vendor/leaflet/leaflet.js", "/vendor/leaflet/leaflet.css", "/MANIFEST.sha256", "/nietbestaand.html",
           "/data/", "/vendor/", "/vendor/leaflet/", "/data", "/vendor"]
MAPPEN = ["/data/", "/vendor/", "/vendor/leaflet/", "/data", "/vendor"]


def _antwoord(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


def _ontbrekend(base: str) -> dict[str, list[str]]:
    """Per path: the security headers missing or different from ``nginx.kopregels()``."""
    mis = {}
    for pad in SOORTEN:
        _, headers, _ = _antwoord(base + pad)
        fout = [k for k, v in nginx.kopregels().items() if headers.get(k.lower()) != v]
        if fout:
            mis[pad] = fout
    return mis


def _lijsten(base: str) -> list[str]:
    """Paths whose answer lists a folder (a 200 naming a file inside it)."""
    gelist = []
    for pad in MAPPEN:
        status, _, body = _antwoord(base + pad)
        if status == 200 or b"Index of" in body or b"pc4.geojson" in body or b"leaflet.js" in body:
            gelist.append(pad)
    return gelist


def _locaties_zonder_snippet(blok: str) -> list[str]:
    """Every ``location`` block of an nginx text that does not include the header snippet."""
    return [m.group(1).strip() for m in re.finditer(r"location\s+([^{]*)\{([^}]*)\}", blok)
            if "hkd-kopregels.conf" not in m.group(2)]


def test_every_location_includes_the_header_snippet_in_code_and_docs():
    prod = (PROJECT_ROOT / "docs" / "publicatie.md").read_text(encoding="utf-8")
    assert nginx.snippet() in prod, "docs/publicatie.md shows another snippet than ops.nginx"
    block = prod[prod.index("server {"):]
    block = block[:block.index("```")]
    getest = nginx.SERVER_BLOCK.format(listen="1", root="/x", kopregels="/p/hkd-kopregels.conf")
    for tekst in (getest, block):
        assert len(re.findall(r"location\s", tekst)) >= 3
        assert _locaties_zonder_snippet(tekst) == []
        assert "autoindex off;" in tekst
    # positive control: a location with its own add_header and no include is found
    assert _locaties_zonder_snippet('location /x/ { add_header Cache-Control "a" always; }') == ["/x/"]


def test_every_answer_of_nginx_has_the_headers_and_no_folder_is_listed(fresh_demo, tmp_path, monkeypatch):
    root = tmp_path / "pub"
    pub.publiceer(fresh_demo, root, "tester")
    with nginx.running(pub.actueel(root), tmp_path / "nginx") as base:
        assert _antwoord(base + "/")[0] == 200 and _antwoord(base + "/nietbestaand.html")[0] == 404
        assert _ontbrekend(base) == {}
        assert _lijsten(base) == []
        assert "nginx/" not in _antwoord(base + "/nietbestaand.html")[1].get("server", "")
    # positive controls: the checks fire on the two mistakes they guard against
    zonder = nginx.SERVER_BLOCK.replace("            include {kopregels};\n            add_header Cache-Control "
                                        '"public, max-age=86400"', '            add_header Cache-Control '
                                        '"public, max-age=86400"').replace("autoindex off;", "autoindex on;")
    assert zonder != nginx.SERVER_BLOCK and "autoindex on;" in zonder
    monkeypatch.setattr(nginx, "SERVER_BLOCK", zonder)
    with nginx.running(pub.actueel(root), tmp_path / "nginx-fout") as base:
        mis = _ontbrekend(base)
        assert "/vendor/leaflet/leaflet.js" in mis and "Referrer-Policy" in mis["/vendor/leaflet/leaflet.js"]
        assert "/" not in mis
        assert "/data/" in _lijsten(base)


def test_the_local_site_server_sends_the_same_headers_and_lists_nothing(fresh_demo, tmp_path):
    root = tmp_path / "pub"
    pub.publiceer(fresh_demo, root, "tester")
    server = pub.site_server(root, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        assert _antwoord(base + "/")[0] == 200
        assert _ontbrekend(base) == {}
        assert _lijsten(base) == []
    finally:
        server.shutdown()
        server.server_close()
    # positive control: the stdlib handler this server is built on does list a folder
    plain = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(Path(pub.actueel(root)).resolve())))
    threading.Thread(target=plain.serve_forever, daemon=True).start()
    try:
        assert "/data/" in _lijsten(f"http://127.0.0.1:{plain.server_port}")
    finally:
        plain.shutdown()
        plain.server_close()


# --- the dashboard behind nginx: Secure on Streamlit's cookies, headers (issue 23) ----------------------------------

class _Streamlitachtig(http.server.BaseHTTPRequestHandler):
    """Sets cookies as Streamlit's auth callback does (no Secure), plus one cookie of something else."""

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.send_response(200)
        for c in ("_streamlit_user=abc; HttpOnly; Path=/; SameSite=lax; Max-Age=2592000",
                  "_streamlit_user_1=def; HttpOnly; Path=/; SameSite=lax; Max-Age=2592000",
                  "_streamlit_user_tokens=ghi; HttpOnly; Path=/; SameSite=lax; Max-Age=2592000",
                  "_streamlit_xsrf=2|aa|bb|1; Path=/; SameSite=Lax", "ander=1; Path=/"):
            self.send_header("Set-Cookie", c)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def _set_cookies(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url, timeout=10) as r:
        return {c.split("=", 1)[0]: c for c in r.headers.get_all("Set-Cookie")}, dict(r.headers)


def test_the_dashboard_proxy_marks_every_streamlit_cookie_secure(tmp_path):
    upstream = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Streamlitachtig)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    try:
        direct, _ = _set_cookies(f"http://127.0.0.1:{upstream.server_port}/oauth2callback")
        # positive control: as Streamlit sends them, the cookies carry no Secure flag
        assert len(direct) == 5 and not any("secure" in c.lower() for c in direct.values())
        with nginx.dashboard_proxy(f"127.0.0.1:{upstream.server_port}", tmp_path / "proxy") as base:
            via, headers = _set_cookies(base + "/oauth2callback")
        for naam in ("_streamlit_user", "_streamlit_user_1", "_streamlit_user_tokens", "_streamlit_xsrf"):
            assert "; secure" in via[naam].lower(), via[naam]
            assert via[naam].split(";")[0] == direct[naam].split(";")[0]
        assert "httponly" in via["_streamlit_user"].lower()
        for k, v in nginx.KOPREGELS_DASHBOARD.items():
            assert headers.get(k) == v, k
    finally:
        upstream.shutdown()
        upstream.server_close()


def test_the_docs_show_the_tested_dashboard_proxy_verbatim():
    doc = (PROJECT_ROOT / "docs" / "sessies.md").read_text(encoding="utf-8")
    assert nginx.snippet_dashboard() in doc
    assert nginx.dashboard_block_productie() in doc
    assert "proxy_cookie_flags ~^_streamlit_ secure;" in nginx.dashboard_block_productie()

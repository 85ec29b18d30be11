"""Attacks on the Signalen client from a hostile Signalen server (real sockets on loopback, threads in the test).

Each class has a positive control: the same server, behaving, is read, so a refusal is the client's doing.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pyproj import Transformer
from sqlalchemy import text

from clients import signalen as sc
from clients.signalen import SignalenUnavailable, json_diepte, map_signal, signalen_paginas
from core.kalender import nu
from data import signalen_import
from ops.cli import main
from queries.lagen import as_layer

PAD = sc.LIST_PATH


def _pagina(results: list | None = None, volgende: str | None = None) -> bytes:
    return json.dumps({"_links": {"next": {"href": volgende}}, "count": 0, "results": results or []}).encode()


class _Vijand(BaseHTTPRequestHandler):
    """Answers as ``self.server.gedrag(handler)`` says; records every Authorization header it sees."""

    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.server.gezien.append((self.path, self.headers.get("Authorization", "")))
        try:
            self.server.gedrag(self)
        except (BrokenPipeError, ConnectionResetError):
            self.server.afgebroken.set()

    def stuur(self, body: bytes, status: int = 200, **kop: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in kop.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Vijand)
        self.gezien: list[tuple[str, str]] = []
        self.afgebroken = threading.Event()
        self.verstuurd = 0
        self.gedrag = lambda h: h.stuur(_pagina())

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_port}"


@pytest.fixture
def vijand() -> Iterator[_Server]:
    servers: list[_Server] = []

    def start() -> _Server:
        s = _Server()
        threading.Thread(target=s.serve_forever, daemon=True).start()
        servers.append(s)
        return s

    yield start
    for s in servers:
        s.shutdown()
        s.server_close()


def _lees(base: str, token: str = "geheim", **kw) -> list[list[dict]]:
    return list(signalen_paginas(base, token, **kw))


# --- redirects: never followed, the token never travels ------------------------------------------------------------

def test_redirect_to_another_port_is_not_followed_and_the_token_stays_home(vijand):
    buit, thuis = vijand(), vijand()
    # positive control: the capturing server does record a bearer token it is sent
    _lees(buit.base)
    assert buit.gezien == [(f"{PAD}?ordering=created_at&page_size=100", "Bearer geheim")]
    buit.gezien.clear()
    attempts = 0
    for status in (301, 302, 303, 307, 308):
        thuis.gedrag = lambda h, s=status: h.stuur(b"", s, Location=f"{buit.base}{PAD}")
        with pytest.raises(SignalenUnavailable, match="doorverwijzingen worden niet gevolgd"):
            _lees(thuis.base)
        attempts += 1
    # a redirect to the same origin is not followed either: no token on any redirect
    thuis.gedrag = lambda h: h.stuur(b"", 302, Location=f"{thuis.base}{PAD}?page=2")
    with pytest.raises(SignalenUnavailable, match="doorverwijzingen"):
        _lees(thuis.base)
    assert [p for p, _ in thuis.gezien] == [f"{PAD}?ordering=created_at&page_size=100"] * 6
    # and the next link to another port is refused before it is requested
    thuis.gedrag = lambda h: h.stuur(_pagina(volgende=f"{buit.base}{PAD}?page=2"))
    with pytest.raises(SignalenUnavailable, match="andere server"):
        _lees(thuis.base)
    assert buit.gezien == [], "the other origin saw a request"
    assert attempts == 5


# --- deadlines: by the wall clock, per request and per import -------------------------------------------------------

def _druppel_body(h: _Vijand) -> None:
    body = _pagina()
    h.send_response(200)
    h.send_header("Content-Type", "application/json")
    h.send_header("Content-Length", str(len(body) + 10_000))
    h.end_headers()
    h.wfile.write(b" ")
    for _ in range(10_000):  # one byte every 0.4 s: each read is far inside any per-read timeout
        h.wfile.flush()
        time.sleep(0.4)
        h.wfile.write(b" ")


def _druppel_kop(h: _Vijand) -> None:
    h.wfile.write(b"HTTP/1.1 200 OK\r\n")
    for _ in range(10_000):
        h.wfile.write(b"X-Druppel: a\r\n")
        h.wfile.flush()
        time.sleep(0.4)


@pytest.mark.parametrize("druppel", [_druppel_body, _druppel_kop], ids=["body", "kop"])
def test_a_trickling_server_cannot_hold_the_import(vijand, druppel):
    s = vijand()
    # positive control: the same server, answering at once, is read
    assert _lees(s.base, timeout=2) == [[]]
    s.gedrag = druppel
    start = time.monotonic()
    with pytest.raises(SignalenUnavailable, match="te traag"):
        _lees(s.base, timeout=2)
    assert time.monotonic() - start < 3.5


@pytest.mark.parametrize("schema", ["http", "https"])
def test_a_server_that_accepts_and_says_nothing_cannot_hold_the_import(schema):
    """A connection accepted and then left silent (also during the TLS handshake) ends at the deadline."""
    import socket

    luister = socket.create_server(("127.0.0.1", 0))
    open_: list[socket.socket] = []
    threading.Thread(target=lambda: open_.append(luister.accept()[0]), daemon=True).start()
    try:
        start = time.monotonic()
        with pytest.raises(SignalenUnavailable, match="te traag"):
            _lees(f"{schema}://127.0.0.1:{luister.getsockname()[1]}", timeout=2)
        assert time.monotonic() - start < 3.5
        assert open_, "the client never connected (the refusal would not be the deadline's)"
    finally:
        for c in open_:
            c.close()
        luister.close()


def test_the_import_as_a_whole_has_a_deadline(vijand):
    s = vijand()

    def traag_eindeloos(h: _Vijand) -> None:  # every page in time, but there is always a next one
        time.sleep(0.3)
        h.stuur(_pagina(volgende=f"{s.base}{PAD}?page={len(s.gezien)}"))

    s.gedrag = traag_eindeloos
    start = time.monotonic()
    with pytest.raises(SignalenUnavailable, match="tijd .* is op|te traag"):
        _lees(s.base, timeout=2, import_seconds=2)
    assert time.monotonic() - start < 3.0
    assert 3 <= len(s.gezien) <= 8


# --- size: a page is streamed and dropped beyond the cap ------------------------------------------------------------

def _groot(h: _Vijand, met_lengte: bool) -> None:
    blok = b"[" + b"1," * 32_767 + b"1]"  # 64 kB of valid JSON, 1024 times = 64 MB
    h.send_response(200)
    h.send_header("Content-Type", "application/json")
    if met_lengte:
        h.send_header("Content-Length", str(len(blok) * 1024 + 20))
    else:
        h.send_header("Connection", "close")
    h.end_headers()
    h.wfile.write(b'{"results": [')
    for i in range(1024):
        h.wfile.write(blok + (b"," if i < 1023 else b""))
        h.server.verstuurd += len(blok)
    h.wfile.write(b"]}")


@pytest.mark.parametrize("met_lengte", [True, False], ids=["content-length", "gestreamd"])
def test_a_64_mb_page_is_not_read_whole(vijand, met_lengte):
    s = vijand()
    # positive control: a 1 MB page of the same shape is read
    s.gedrag = lambda h: h.stuur(b'{"results": [' + b",".join([b'{"id": 1}'] * 100_000) + b"]}")
    assert len(_lees(s.base)[0]) == 100_000
    s.gedrag = lambda h: _groot(h, met_lengte)
    with pytest.raises(SignalenUnavailable, match="groter dan 4 MB"):
        _lees(s.base)
    time.sleep(0.3)
    assert s.verstuurd < 16 * 1024 * 1024, f"the client read {s.verstuurd} bytes"


# --- JSON nesting: a Dutch refusal, never a traceback ----------------------------------------------------------------

DIEP = 200_000


@pytest.mark.parametrize("body", [
    b"[" * DIEP + b"]" * DIEP,
    b'{"results": [' + b'{"a":' * DIEP + b"1" + b"}" * DIEP + b"]}",
    b'{"results": [' + b"[" * DIEP,  # never closed
    b'{"x": "' + b"[" * 50 + b'", "results": [' + b"[" * 40 + b"]" * 40 + b"]}",  # brackets in a string do not count
], ids=["lijst", "object", "open", "in-tekst"])
def test_deep_json_is_refused_in_dutch(vijand, body):
    s = vijand()
    s.gedrag = lambda h: h.stuur(body)
    with pytest.raises(SignalenUnavailable, match="dieper genest dan 32 niveaus"):
        _lees(s.base)


def test_json_depth_counts_like_the_parser():
    assert json_diepte(b'{"a": [1, {"b": "[[[{"}]}') == 3
    assert json_diepte(b'["\\"[", ["]"]]') == 2
    # positive control: a Signalen-shaped page (depth 6: page, results, signal, location, geometrie, coordinates)
    page = {"_links": {"next": {"href": None}}, "results": [{"location": {"geometrie": {"coordinates": [4, 52]}}}]}
    assert json_diepte(json.dumps(page).encode()) == 6


def test_the_command_refuses_deep_json_without_a_traceback(vijand, demo_url, monkeypatch, capsys):
    s = vijand()
    monkeypatch.setenv("DATABASE_URL", demo_url)
    monkeypatch.setenv("HKD_SIGNALEN_URL", s.base)
    monkeypatch.setenv("HKD_SIGNALEN_TOKEN", "geheim")
    # positive control: an empty list from the same server is a normal run
    assert main(["meldingen", "signalen"]) == 0
    assert "0 signalen gelezen" in capsys.readouterr().out
    s.gedrag = lambda h: h.stuur(b"[" * DIEP + b"]" * DIEP)
    assert main(["meldingen", "signalen"]) != 0
    uit = capsys.readouterr()
    assert "dieper genest" in uit.out + uit.err and "Traceback" not in uit.out + uit.err


# --- the token goes over https only ---------------------------------------------------------------------------------

@pytest.mark.parametrize("adres", ["http://signalen.example", "http://10.255.255.1:8000", "http://[fe80::1]:80",
                                   "http://127.0.0.1.nip.io", "ftp://127.0.0.1", "http://gebruiker:ww@127.0.0.1"])
def test_no_token_over_plain_http(adres):
    start = time.monotonic()
    with pytest.raises(SignalenUnavailable, match="https://|http\\(s\\)|wachtwoord"):
        _lees(adres)
    assert time.monotonic() - start < 0.5  # refused before any connection is tried


def test_https_and_loopback_http_are_allowed(vijand):
    # positive controls: https is tried (and fails to connect, with another message), loopback http is read
    with pytest.raises(SignalenUnavailable, match="niet bereikbaar|te traag") as exc:
        _lees("https://127.0.0.1:9", timeout=1)
    assert "https://" not in str(exc.value)
    s = vijand()
    assert _lees(s.base.replace("127.0.0.1", "localhost")) == [[]]
    assert s.gezien[-1][1] == "Bearer geheim"


# --- only the documented fields: reporter data in any other field never reaches the register -------------------------

_TO_WGS = Transformer.from_crs(28992, 4326, always_xy=True)
GEPLANT = ["Piet de Vries", "0612345678", "piet@example.org", "Kerkstraat 12", "1234AB", "123456782"]


def _besmet(i: int, lon: float, lat: float) -> dict:
    created = (nu() - timedelta(days=3)).isoformat()
    return {
        "id": i, "id_display": "Piet de Vries 0612345678", "source": "online piet@example.org",
        "text": "Piet de Vries, 0612345678", "text_extra": "Kerkstraat 12, 1234AB",
        "status": {"state": "o", "state_display": "Piet de Vries", "created_at": created, "text": "piet@example.org"},
        "location": {"geometrie": {"type": "Point", "coordinates": [lon, lat]}, "address_text": "Kerkstraat 12",
                     "address": {"postcode": "1234AB", "huisnummer": 12}},
        "category": {"main": "Piet de Vries", "main_slug": "geluid-0612345678", "sub": "piet@example.org",
                     "sub_slug": "piet@example.org", "departments": "123456782"},
        "reporter": {"email": "piet@example.org", "phone": "0612345678", "sharing_allowed": True},
        "extra_properties": [{"id": "naam", "answer": "Piet de Vries"}], "melder": "Piet de Vries",
        "created_at": created, "updated_at": created,
    }


def test_reporter_data_in_unexpected_fields_is_not_mapped(fresh_demo, vijand):
    with fresh_demo.connect() as conn:
        x, y = conn.execute(text("SELECT ST_X(geom), ST_Y(geom) FROM hkd.locaties ORDER BY code LIMIT 1")).one()
    lon, lat = _TO_WGS.transform(x + 20, y + 20)
    schoon = _besmet(1, lon, lat) | {"category": {"main_slug": "overlast", "sub_slug": "geluidsoverlast-muziek"},
                                     "source": "politie"}
    s = vijand()
    s.gedrag = lambda h: h.stuur(_pagina([schoon, _besmet(2, lon, lat)]))
    with as_layer(fresh_demo, "hkd", "signalen") as conn:
        r = signalen_import.importeer(conn, s.base, "geheim")
    assert (r.gelezen, r.nieuw) == (2, 2)
    with fresh_demo.connect() as conn:
        rows = conn.execute(text("SELECT extern_id, bron, categorie, omschrijving, to_jsonb(m)::text AS alles "
                                 "FROM hkd.meldingen m WHERE systeem = 'signalen' ORDER BY extern_id")).all()
    # positive control: the documented fields of the clean signal do arrive
    assert (rows[0].extern_id, rows[0].bron, rows[0].categorie, rows[0].omschrijving) == (
        "SIG-1", "politie", "geluid", "Signalen: Geluid")
    assert rows[1].extern_id == "SIG-2" and rows[1].categorie == "anders"
    for row in rows:
        for geplant in GEPLANT:
            assert geplant.lower() not in row.alles.lower(), (geplant, row.alles)
    assert "piet" not in (rows[0].alles + rows[1].alles).lower()


@pytest.mark.parametrize("wijziging", [
    {"id": "Piet"}, {"id": True}, {"id": 10**15}, {"created_at": "2026-01-01T10:00:00+01:00 Piet de Vries 06123456"},
    {"location": {"geometrie": {"coordinates": [float("nan"), 52]}}},
    {"location": {"geometrie": {"coordinates": [1e308, 52]}}},
])
def test_map_signal_refuses_fields_out_of_their_type(wijziging):
    goed = _besmet(7, 4.5, 51.9)
    assert map_signal(goed) is not None  # positive control
    assert map_signal(goed | wijziging) is None

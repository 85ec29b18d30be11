"""Publish the public layer as a static site, switch it atomically, republish on every change, serve the folder.

Layout of the publication folder (``HKD_PUBLICATIE_DIR``, default ``<state_dir>/publicatie``)::

    publicatie/
      actueel -> releases/20261129T190312Z-3f2a9c1e0b7d4a11   (symlink; the web server's document root)
      releases/<stamp>-<data version>/                         (the newest few are kept)

A new publication is written completely beside the old one, then ``actueel`` is switched with one ``rename(2)`` of
a fresh symlink over the old one: a reader gets either the old site or the new one, never a mix. A failure at any
step leaves ``actueel`` as it was and is logged (``hkd.publicaties``, status ``mislukt``), which the Beheer page
shows.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import http.server
import json
import os
import shutil
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg
import psycopg.sql
from sqlalchemy import Engine

from core.settings import PROJECT_ROOT, get_settings
from geo.basemap import Basemap, resolve
from geo.disclosure import controleer_kaart
from ops.nginx import kopregels
from queries.db import acting_as
from queries.lagen import as_layer
from queries.publicatie import KANAAL, log_publicatie
from queries.publiek import openbare_kaart
from reports.publicatie import LEAFLET_BESTANDEN, Leaflet, data_versie, site_bestanden

LEAFLET_DIR = PROJECT_ROOT / "dashboard" / "static" / "vendor" / "leaflet"
ACTUEEL = "actueel"
BEWAREN = 3  # releases kept (the live one and two before it, for a quick manual rollback)
TZ = ZoneInfo("Europe/Amsterdam")
GZIP = (".html", ".js", ".css", ".geojson", ".json", ".csv", ".txt")


class PublicatieFout(RuntimeError):
    """A publication that was refused or failed; the previous site stays live."""


@dataclass(frozen=True)
class Resultaat:
    """A successful publication."""

    map: Path
    data_versie: str
    checksum: str
    bestanden: int
    bytes: int
    duur_ms: int
    nieuw: bool = True  # False: nothing public changed, the live release was kept and nothing was written


def publicatie_dir() -> Path:
    """The publication folder from the settings."""
    return get_settings().publicatie_dir


def actueel(root: Path) -> Path:
    """The live site (the symlink the web server serves)."""
    return root / ACTUEEL


def _hashes(bestanden: dict[str, bytes]) -> dict[str, str]:
    """``{path: sha256}`` of every file."""
    return {naam: hashlib.sha256(inhoud).hexdigest() for naam, inhoud in bestanden.items()}


def _checksum(bestanden: dict[str, bytes], hashes: dict[str, str] | None = None) -> tuple[str, str]:
    """``(sha256 over the manifest, manifest text)``: one line ``<sha256>  <path>`` per file, sorted (``hashes``: the
    files' :func:`_hashes` when already worked out)."""
    hashes = hashes or _hashes(bestanden)
    manifest = "".join(f"{hashes[naam]}  {naam}\n" for naam in sorted(bestanden))
    return hashlib.sha256(manifest.encode()).hexdigest(), manifest


def _leaflet() -> dict[str, bytes]:
    out = {}
    for naam in LEAFLET_BESTANDEN:
        pad = LEAFLET_DIR / naam
        if not pad.exists():
            raise PublicatieFout(f"Leaflet ontbreekt ({pad}); draai ./scripts/setup")
        out[f"vendor/leaflet/{naam}"] = pad.read_bytes()
    for pad in sorted((LEAFLET_DIR / "images").glob("*.png")):
        out[f"vendor/leaflet/images/{pad.name}"] = pad.read_bytes()
    return out


def _stempel(nu: datetime | None) -> str:
    """The stand the site states (Rotterdam's time, to the minute)."""
    return (nu or datetime.now(UTC)).astimezone(TZ).strftime("%d-%m-%Y %H:%M")


def inhoud_versie(bestanden: dict[str, bytes], stempel: str) -> str:
    """sha256 (16 hex) over every file with the stated stand left out: equal exactly when a reader would see the same
    site apart from its time stamp (the figures, and also the page, script and style of a new release of HKD Kaart)."""
    zonder = {naam: inhoud.replace(stempel.encode(), b"") for naam, inhoud in bestanden.items()}
    return _checksum(zonder)[0][:16]


def live_inhoud_versie(root: Path) -> str | None:
    """The content version of the live release (``versie.json``), or ``None`` without one."""
    try:
        return json.loads((actueel(root) / "versie.json").read_text(encoding="utf-8")).get("inhoud_versie")
    except (OSError, ValueError):
        return None


def render(engine: Engine, door: str, basemap: Basemap | None = None, nu: datetime | None = None) -> dict[str, bytes]:
    """Every file of the site, read ONLY through the publiek views under the public role."""
    basemap = resolve(get_settings().basemap) if basemap is None else basemap
    with as_layer(engine, "publiek", door) as conn:
        data = openbare_kaart(conn, met_gebieden=True)
    # Defence in depth: the views apply the rule; refuse to publish anything that breaks it anyway.
    fouten = controleer_kaart(data.pc4_woonvorm, data.pc4, data.regel, data.vertrouwelijke_namen)
    if fouten:
        raise PublicatieFout("de cijfers voldoen niet aan de openbaarmakingsregel: " + "; ".join(map(str, fouten[:3])))
    if data.pc4.empty:
        raise PublicatieFout("er zijn geen postcodegebieden geladen")
    leaflet = _leaflet()
    bron = Leaflet(css=leaflet["vendor/leaflet/leaflet.css"].decode("utf-8"),
                   js=leaflet["vendor/leaflet/leaflet.js"].decode("utf-8"))
    bestanden = site_bestanden(data, _stempel(nu), bron, basemap, get_settings().geocoder_url)
    bestanden.update(leaflet)
    return bestanden


def schrijf(root: Path, bestanden: dict[str, bytes], nu: datetime | None = None,
            inhoudsversie: str | None = None) -> tuple[Path, str, str]:
    """Write a new release beside the live one and switch ``actueel`` to it atomically; returns
    ``(release folder, data version, checksum)``. ``inhoudsversie`` (:func:`inhoud_versie`) is recorded in ``versie.json``
    so that the next publication can tell whether anything changed."""
    versie = data_versie(bestanden)
    hashes = _hashes(bestanden)
    checksum, manifest = _checksum(bestanden, hashes)
    stamp = (nu or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    releases = root / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    naam = f"{stamp}-{versie}"
    tmp = releases / f".{naam}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    live, live_sha = _live_bestanden(root)
    for rel, inhoud in bestanden.items():
        pad = tmp / rel
        pad.parent.mkdir(parents=True, exist_ok=True)
        twin = pad.suffix in GZIP and len(inhoud) >= 512
        # A file the live release holds unchanged (by its sha256 in the manifest) is linked to it, its twin too: the
        # boundaries, the search index and Leaflet are neither written nor compressed again (nationally 0.5 s).
        if live_sha.get(rel) == hashes[rel] and _gekoppeld(live / rel, pad, inhoud, twin):
            continue
        pad.write_bytes(inhoud)
        os.chmod(pad, 0o644)
        if twin:
            # Pre-compressed twin for nginx's gzip_static (deterministic: no name, no time in the header).
            gz = pad.with_name(pad.name + ".gz")
            gz.write_bytes(gzip.compress(inhoud, 9, mtime=0))
            os.chmod(gz, 0o644)
    (tmp / "versie.json").write_text(json.dumps({"data_versie": versie, "checksum": checksum, "inhoud_versie": inhoudsversie,
                                                 "gepubliceerd": stamp}, indent=1) + "\n", encoding="utf-8")
    (tmp / "MANIFEST.sha256").write_text(manifest, encoding="utf-8")
    for d in [tmp, *[p for p in tmp.rglob("*") if p.is_dir()]]:
        os.chmod(d, 0o755)
    release = releases / naam
    tmp.rename(release)
    # Atomic switch: a new symlink under a temporary name, renamed over the old one (rename(2) replaces atomically).
    link_tmp = root / f".{ACTUEEL}.{os.getpid()}.{threading.get_ident()}"
    with contextlib.suppress(FileNotFoundError):
        link_tmp.unlink()
    link_tmp.symlink_to(Path("releases") / naam)
    os.replace(link_tmp, actueel(root))
    _opruimen(releases, release)
    return release, versie, checksum


def _live_bestanden(root: Path) -> tuple[Path, dict[str, str]]:
    """The live release's folder and ``{path: sha256}`` from its manifest (empty without a live release or manifest)."""
    live = actueel(root).resolve()
    try:
        regels = (live / "MANIFEST.sha256").read_text(encoding="utf-8").splitlines()
    except OSError:
        return live, {}
    return live, {pad: sha for sha, _, pad in (r.partition("  ") for r in regels) if sha and pad}


def _gekoppeld(bron: Path, doel: Path, inhoud: bytes, twin: bool) -> bool:
    """``doel`` (and with ``twin`` its ``.gz``) as hard links to ``bron``'s, once they are read back and hold exactly
    ``inhoud`` (the twin decompressed): a live file changed or lost since its manifest is never carried over. False,
    with nothing left behind, when they do not or the file system does not link: then the files are written anew."""
    paren = [(bron, doel, False)]
    if twin:
        paren.append((bron.with_name(bron.name + ".gz"), doel.with_name(doel.name + ".gz"), True))
    try:
        for van, _, gz in paren:
            if van.is_symlink() or not van.is_file():
                return False
            gelezen = van.read_bytes()
            if (gzip.decompress(gelezen) if gz else gelezen) != inhoud:
                return False
        for van, naar, _ in paren:
            os.link(van, naar)
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error):
        for _, naar, _ in paren:
            naar.unlink(missing_ok=True)
        return False
    return True


def _opruimen(releases: Path, live: Path) -> None:
    oud = sorted((p for p in releases.iterdir() if p.is_dir() and not p.name.startswith(".")), reverse=True)
    for p in oud[BEWAREN:]:
        if p != live:
            shutil.rmtree(p, ignore_errors=True)


def publiceer(engine: Engine, root: Path, door: str, aanleiding: str = "handmatig",
              basemap: Basemap | None = None, altijd: bool = False) -> Resultaat:
    """Render, write, switch and log one publication. On any failure the live site stays as it was, the failure
    is logged (status ``mislukt``) and :class:`PublicatieFout` is raised.

    When the rendered site equals the live one apart from its time stamp (a fase decision, a register field the
    public never sees), nothing is written or logged and the live release is returned with ``nieuw=False``; with
    ``altijd`` a new release is written anyway."""
    t0 = time.perf_counter()
    nu = datetime.now(UTC)
    try:
        bestanden = render(engine, door, basemap, nu)
        inhoudsversie = inhoud_versie(bestanden, _stempel(nu))
        if not altijd and inhoudsversie == live_inhoud_versie(root):
            live = actueel(root).resolve()
            vorig = json.loads((live / "versie.json").read_text(encoding="utf-8"))
            return Resultaat(live, vorig["data_versie"], vorig["checksum"], len(bestanden),
                             sum(len(b) for b in bestanden.values()), int((time.perf_counter() - t0) * 1000),
                             nieuw=False)
        release, versie, checksum = schrijf(root, bestanden, nu, inhoudsversie)
    except Exception as exc:  # noqa: BLE001 - every failure is logged and reported; the old site stays
        melding = str(exc) if isinstance(exc, PublicatieFout) else f"{type(exc).__name__}: {exc}"
        with contextlib.suppress(Exception), acting_as(engine, door) as conn:
            log_publicatie(conn, status="mislukt", aanleiding=aanleiding, fout=melding[:2000],
                           duur_ms=int((time.perf_counter() - t0) * 1000))
        raise PublicatieFout(melding) from exc
    duur = int((time.perf_counter() - t0) * 1000)
    grootte = sum(len(b) for b in bestanden.values())
    with acting_as(engine, door) as conn:
        log_publicatie(conn, status="gepubliceerd", aanleiding=aanleiding, data_versie=versie, checksum=checksum,
                       map=release.name, bestanden=len(bestanden), bytes=grootte, duur_ms=duur)
    return Resultaat(release, versie, checksum, len(bestanden), grootte, duur)


def dsn_van(engine: Engine) -> str:
    """A libpq connection string for ``engine`` (for the LISTEN connection, outside SQLAlchemy's pool)."""
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


def volg(engine: Engine, root: Path, door: str = "hkd publiceer", debounce: float = 1.0,
         max_wachten: float = 10.0, opnieuw_na: float = 60.0, stop: threading.Event | None = None,
         melden: Callable[[str], None] = print) -> None:
    """Publish now, then republish after every change signal (``LISTEN hkd_publiek_gewijzigd``), debounced: a burst
    of writes gives one publication, ``debounce`` s after the last signal (at most ``max_wachten`` s after the first).
    Runs until ``stop`` is set. A failed publication leaves the old site, is logged, and is retried on the next
    signal or after ``opnieuw_na`` seconds."""
    stop = stop or threading.Event()
    laatste = [0.0, True]  # monotonic time of the last attempt, and whether it succeeded

    def een(aanleiding: str) -> None:
        laatste[0] = time.monotonic()
        try:
            r = publiceer(engine, root, door, aanleiding)
            laatste[1] = True
            if r.nieuw:
                melden(f"Gepubliceerd: {r.map.name} ({r.bestanden} bestanden, {r.bytes // 1024} kB, {r.duur_ms} ms)")
            else:
                melden(f"Niets openbaars gewijzigd ({aanleiding}); {r.map.name} blijft staan ({r.duur_ms} ms)")
        except Exception as exc:  # noqa: BLE001 - the publisher keeps running; the old site stays live
            laatste[1] = False
            melden(f"Publicatie mislukt (de vorige blijft staan): {exc}")

    while not stop.is_set():
        try:
            with psycopg.connect(dsn_van(engine), autocommit=True) as conn:
                conn.execute(psycopg.sql.SQL("LISTEN {}").format(psycopg.sql.Identifier(KANAAL)))
                # Publish after LISTEN: a change committed while we start up is then either in this publication or
                # signalled to us, never lost.
                een("start" if laatste[0] == 0.0 else "opnieuw verbonden")
                while not stop.is_set():
                    tabellen = {n.payload for n in conn.notifies(timeout=0.5, stop_after=1)}
                    if not tabellen:
                        if not laatste[1] and time.monotonic() - laatste[0] >= opnieuw_na:
                            een("opnieuw na fout")
                        continue
                    eerste = time.monotonic()
                    while time.monotonic() - eerste < max_wachten and not stop.is_set():
                        meer = {n.payload for n in conn.notifies(timeout=debounce, stop_after=1)}
                        if not meer:
                            break
                        tabellen |= meer
                    een("wijziging in " + ", ".join(sorted(tabellen)))
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            melden(f"Verbinding voor wijzigingssignalen verbroken ({exc}); opnieuw over 5 s")
            stop.wait(5)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files of the live site over HTTP/1.1 (keep-alive): the pre-compressed ``.gz`` twin the publisher wrote
    when the browser accepts gzip (as nginx's ``gzip_static``), short caching for pages and data, a week for
    Leaflet; the security headers of ``ops.nginx.kopregels()`` on every answer; a folder without ``index.html`` is
    never listed. Without the twins and HTTP/1.1 the site as ``hkd run`` serves it sent 4.1x the bytes of nginx's."""

    protocol_version = "HTTP/1.1"
    # the headers and the body are two writes: with Nagle's algorithm the second waited for the first one's
    # (delayed) acknowledgement on a kept-alive connection
    disable_nagle_algorithm = True
    kopregels: dict[str, str] = {}  # the security headers, computed once per server (site_server)
    # with the character set, as nginx's ``charset utf-8`` sends it: the browser need not look for it in the bytes
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".geojson": "application/geo+json",
                      ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                      ".css": "text/css; charset=utf-8", ".json": "application/json", ".csv": "text/csv; charset=utf-8"}

    def send_head(self):
        pad = Path(self.translate_path(self.path))
        if pad.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            pad = pad / "index.html"
        twin = pad.with_name(pad.name + ".gz")
        if (pad.suffix not in GZIP or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not pad.is_file() or not twin.is_file()):
            return super().send_head()
        try:
            f = open(twin, "rb")  # noqa: SIM115 - handed to the base class, which copies and closes it
        except OSError:
            return super().send_head()
        stat = os.fstat(f.fileno())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(pad)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return f

    def end_headers(self) -> None:
        lang = "/vendor/" in self.path
        self.send_header("Cache-Control", "public, max-age=604800" if lang else "public, max-age=30")
        self.send_header("Vary", "Accept-Encoding")
        for naam, waarde in (self.kopregels or kopregels()).items():
            self.send_header(naam, waarde)
        super().end_headers()

    def list_directory(self, path):  # noqa: ANN001, ANN201 - the stdlib's signature
        self.send_error(404, "Niet gevonden")
        return None

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's signature
        pass


def site_server(root: Path, port: int, address: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    """A threading stdlib web server on ``root/actueel`` (resolved per request, so a switch is seen at once).
    For local use beside the dashboard; production uses nginx (docs/publicatie.md)."""
    # the headers once per server (they read the settings)
    klasse = type("_SiteHandler", (_Handler,), {"kopregels": kopregels()})
    handler = functools.partial(klasse, directory=str(actueel(root)))
    server = http.server.ThreadingHTTPServer((address, port), handler)
    server.daemon_threads = True
    return server

"""The published public site: drawn in Chromium against the static Leaflet reference (both behind the same nginx),
bytes as served (gzip) against the minimal GeoJSON, 1,000 concurrent readers against nginx, and the time from a
write to the new figures being live. Printed side by side in one run (``python -m bench --publicatie``)."""

from __future__ import annotations

import asyncio
import gzip
import json
import math
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import psycopg
from psycopg import sql as pgsql
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bench import browser
from ops import nginx
from ops import publicatie as pub
from queries.db import acting_as, make_engine

SITE_SELECTOR = "#kaart"
REFERENCE_SELECTOR = "#map"
# What a first-time reader's browser fetches to draw the map (the favicon is a data: URL; images only on a basemap).
# Our script, Leaflet's style and ours and the first view's layer are in the page; the per-woonvorm figures and the
# search index are asked for once the map is drawn, the full outlines only when the reader zooms in.
def draw_paths(base: str) -> tuple[str, ...]:
    """The page and the one script file it names (Leaflet's and ours, named by its content)."""
    with urllib.request.urlopen(base + "/", timeout=30) as r:
        script = re.search(r'<script src="([^"]+)"></script>', r.read().decode("utf-8"))
    return ("/",) + ((f"/{script.group(1)}",) if script else ())


NA_DE_KAART = ("/data/woonvormen.json", "/data/gebieden.json")  # asked for once the map is drawn


def reader_paths(base: str) -> tuple[str, ...]:
    return (*draw_paths(base), *NA_DE_KAART)


def mediaan_interval(n: int, betrouwbaarheid: float = 0.95) -> tuple[int, int] | None:
    """The 0-based ranks ``(i, j)`` of the sorted sample whose values bound the median with at least
    ``betrouwbaarheid`` (distribution-free: each draw falls below the median with probability 1/2, so the number below
    it is Binomial(n, 1/2)); ``None`` when ``n`` is too small for any interval at that level."""
    staart, k = 0.0, 0
    while True:  # the largest k with P(Binomial(n, 1/2) < k) <= (1 - betrouwbaarheid) / 2
        volgende = staart + math.comb(n, k) / 2 ** n
        if volgende > (1 - betrouwbaarheid) / 2:
            break
        staart, k = volgende, k + 1
    return None if k == 0 else (k - 1, n - k)


@dataclass(frozen=True)
class Verhouding:
    """Draw time of the site against the reference, measured in pairs: the median of the per-run ratios with its 95 %
    interval and the spread (the middle half and the extremes), so that a slow minute on a shared machine, which
    slows both pages of its run, does not decide the verdict."""

    ratios: tuple[float, ...]

    @property
    def mediaan(self) -> float:
        return statistics.median(self.ratios) if self.ratios else float("nan")

    @property
    def interval(self) -> tuple[float, float] | None:
        """The 95 % interval of the median ratio (:func:`mediaan_interval`), ``None`` with fewer than 6 runs."""
        rangen = mediaan_interval(len(self.ratios))
        if rangen is None:
            return None
        s = sorted(self.ratios)
        return s[rangen[0]], s[rangen[1]]

    def spreiding(self) -> str:
        if len(self.ratios) < 4:
            return ", ".join(f"{r:.2f}" for r in sorted(self.ratios))
        q1, _, q3 = statistics.quantiles(self.ratios, n=4)
        iv = self.interval
        return ((f"mediaan 95 %-interval {iv[0]:.2f}-{iv[1]:.2f}x, " if iv else "") +
                f"middelste helft {q1:.2f}-{q3:.2f}x, uitersten {min(self.ratios):.2f}-{max(self.ratios):.2f}x")

    def oordeel(self, doel: float) -> str:
        """Met when the median ratio is within ``doel`` with 95 % confidence (the interval's upper end is), missed
        when it is over ``doel`` with that confidence, otherwise undecided: the noise of this run is larger than the
        distance to the target; more runs narrow the interval."""
        iv = self.interval
        if iv is None:
            return "onbeslist (te weinig rondes)"
        if iv[1] <= doel:
            return "gehaald"
        return "niet gehaald" if iv[0] > doel else "onbeslist (ruis groter dan de marge)"


@dataclass
class SiteFigures:
    drawn_s: float
    reference_s: float
    layer_gz: int
    minimal_gz: int
    page_gz: int
    reference_page_gz: int
    publish_s: float
    lokaal_drawn_s: float = float("nan")  # the same site as ``hkd run`` serves it (ops.publicatie.site_server)
    lokaal_page_gz: int = 0
    visit_gz: int = 0  # the whole first visit (reader_paths), the map's later files included
    verhouding: Verhouding = Verhouding(())  # behind nginx, per run against the reference of the same run
    lokaal_verhouding: Verhouding = Verhouding(())  # as `hkd run` serves it, per run against the same reference


@dataclass
class ReaderLoad:
    readers: int
    seconds: float
    pages: list[float] = field(default_factory=list)
    requests: int = 0
    errors: list[str] = field(default_factory=list)

    def q(self, p: float) -> float:
        s = sorted(self.pages)
        return s[min(len(s) - 1, int(p * len(s)))] if s else float("nan")

    def summary(self) -> str:
        med = statistics.median(self.pages) if self.pages else float("nan")
        return (f"{self.readers} gelijktijdige lezers, {self.seconds:.0f} s: {len(self.pages)} volledige kaartpagina's "
                f"({self.requests} verzoeken, {self.requests / self.seconds:,.0f}/s), {len(self.errors)} fouten; "
                f"pagina + data mediaan {med * 1000:.0f} ms, p95 {self.q(0.95) * 1000:.0f} ms, "
                f"p99 {self.q(0.99) * 1000:.0f} ms")


def _served_bytes(base: str, paths) -> int:
    """Bytes on the wire for ``paths`` (body as served with ``Accept-Encoding: gzip``; headers not counted)."""
    total = 0
    for p in paths:
        req = urllib.request.Request(base + p, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(req, timeout=30) as r:
            total += len(r.read())
    return total


def _eerste_laag(pagina: str) -> bytes:
    """The first view's layer as the page carries it (the JSON of its ``#hkd-laag`` element)."""
    return pagina.split('id="hkd-laag">', 1)[1].split("</script>", 1)[0].encode()


def _reference_dir(geo: dict, work: Path) -> Path:
    ref = work / "reference"
    shutil.rmtree(ref, ignore_errors=True)
    ref.mkdir(parents=True)
    src = browser.leaflet_dir()
    for name in ("leaflet.js", "leaflet.css"):
        shutil.copy(src / name, ref / name)
    (ref / "index.html").write_text(browser.REFERENCE_HTML)
    (ref / "reference.js").write_text(browser.REFERENCE_JS)
    (ref / "robots.txt").write_text("User-agent: *\n")
    layer = json.dumps(geo, separators=(",", ":")).encode()
    (ref / "layer.geojson").write_bytes(layer)
    for name in ("index.html", "reference.js", "leaflet.js", "leaflet.css", "layer.geojson"):  # as the site: gzip_static
        (ref / (name + ".gz")).write_bytes(gzip.compress((ref / name).read_bytes(), 9, mtime=0))
    return ref


def draw_runs(chrome, targets: dict[str, tuple[str, str]], runs: int, n: int) -> dict[str, list[float]]:
    """Draw every target (name -> (url, selector)) once per run, in a rotating order (each target goes first as often
    as the others: no page always meets the browser's first or last minute of a run), each in a fresh context (no
    cache) with the same viewport; the seconds until the first frame with the layer's ``n`` areas
    (:func:`bench.browser.time_to_painted`) per target, one per run, in run order."""
    namen = list(targets)
    out: dict[str, list[float]] = {naam: [] for naam in namen}
    for i in range(runs):
        volgorde = namen[i % len(namen):] + namen[:i % len(namen)]
        for naam in volgorde:
            url, selector = targets[naam]
            ctx = chrome.new_context(viewport={"width": 1400, "height": 1000})
            out[naam].append(browser.time_to_painted(ctx.new_page(), url, selector, n))
            ctx.close()
    return out


def measure_site(url: str, geo: dict, work: Path, runs: int = 9) -> tuple[SiteFigures, Path]:
    """Publish into ``work/site`` and measure it against the reference (behind nginx) and as ``hkd run`` serves it
    (the publisher's own server, in a process of its own as there, not in this one, where the browser's driver holds
    the GIL): the three drawn in every run, so each ratio compares pages drawn in the same minute."""
    engine = make_engine(url)
    t0 = time.perf_counter()
    pub.publiceer(engine, work / "site", "bench", "bench")
    publish_s = time.perf_counter() - t0
    engine.dispose()
    ref = _reference_dir(geo, work)
    minimal_gz = len(gzip.compress(json.dumps(geo, separators=(",", ":")).encode(), 6))
    lokaal_url, lokaal = _lokale_server(work / "site")
    try:
        with nginx.running(pub.actueel(work / "site"), work / "nginx-site") as site, \
                nginx.running(ref, work / "nginx-ref") as ref_url, browser.chromium() as chrome:
            layer_gz = len(gzip.compress(_eerste_laag((pub.actueel(work / "site") / "index.html").read_text()), 6))
            teken = draw_paths(site)
            page_gz = _served_bytes(site, teken)
            visit_gz = page_gz + _served_bytes(site, NA_DE_KAART)
            lokaal_gz = _served_bytes(lokaal_url, draw_paths(lokaal_url))
            ref_page_gz = _served_bytes(ref_url, ["/index.html", "/reference.js", "/leaflet.js", "/leaflet.css",
                                                  "/layer.geojson"])
            t = draw_runs(chrome, {"site": (site + "/", SITE_SELECTOR),
                                   "referentie": (ref_url + "/index.html", REFERENCE_SELECTOR),
                                   "lokaal": (lokaal_url + "/", SITE_SELECTOR)}, runs, len(geo["features"]))
    finally:
        lokaal.terminate()
        lokaal.wait(timeout=10)
    per_run = list(zip(t["site"], t["referentie"], t["lokaal"], strict=True))
    return SiteFigures(statistics.median(t["site"]), statistics.median(t["referentie"]), layer_gz, minimal_gz,
                       page_gz, ref_page_gz, publish_s, statistics.median(t["lokaal"]), lokaal_gz, visit_gz,
                       Verhouding(tuple(s / r for s, r, _ in per_run)),
                       Verhouding(tuple(lo / r for _, r, lo in per_run))), work / "site"


def _lokale_server(root: Path) -> tuple[str, subprocess.Popen]:
    """``ops.publicatie.site_server`` on ``root`` in a process of its own; its URL once it answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = ("import sys; from pathlib import Path; from ops.publicatie import site_server; "
            "site_server(Path(sys.argv[1]), int(sys.argv[2])).serve_forever()")
    proc = subprocess.Popen([sys.executable, "-c", code, str(root), str(port)], cwd=browser.ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/robots.txt", timeout=2).close()
            return url, proc
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                raise
            time.sleep(0.1)


async def _fetch(reader, writer, host: str, path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: gzip\r\nUser-Agent: hkd-bench\r\n\r\n"
                 .encode())
    await writer.drain()
    status = int((await reader.readline()).split()[1])
    length, chunked = 0, False
    while (line := await reader.readline()) not in (b"\r\n", b""):
        k, _, v = line.decode("latin-1").partition(":")
        if k.lower() == "content-length":
            length = int(v)
        elif k.lower() == "transfer-encoding" and "chunked" in v.lower():
            chunked = True
    if chunked:
        while (size := int((await reader.readline()).strip() or b"0", 16)):
            await reader.readexactly(size + 2)
        await reader.readline()
    else:
        await reader.readexactly(length)
    return status


async def _reader(host: str, port: int, paden: tuple[str, ...], until: float, result: ReaderLoad,
                  timeout: float) -> None:
    conn = None
    while time.perf_counter() < until:
        t0 = time.perf_counter()
        try:
            if conn is None:
                conn = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
            for path in paden:
                status = await asyncio.wait_for(_fetch(*conn, f"{host}:{port}", path), timeout)
                result.requests += 1
                if status != 200:
                    raise RuntimeError(f"HTTP {status} op {path}")
            result.pages.append(time.perf_counter() - t0)
        except Exception as exc:  # every failure counts
            result.errors.append(f"{type(exc).__name__}: {exc}"[:160])
            if conn is not None:
                conn[1].close()
            conn = None
    if conn is not None:
        conn[1].close()


def run_readers(base: str, readers: int = 1000, seconds: float = 60, timeout: float = 30) -> ReaderLoad:
    """``readers`` concurrent readers, each on its own keep-alive connection, fetching page + data again and
    again like a first visit (no cache) for ``seconds`` (loopback only; bounded in count and time)."""
    u = urlparse(base)
    if u.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError("load tests only target this machine (loopback)")
    result = ReaderLoad(readers, seconds)
    paden = reader_paths(base)

    async def main() -> None:
        until = time.perf_counter() + seconds
        await asyncio.gather(*(_reader(u.hostname, u.port, paden, until, result, timeout) for _ in range(readers)))

    asyncio.run(main())
    return result


def _clone(url: str, suffix: str) -> str:
    """A private copy of the benchmark database (the latency measurement writes a decision)."""
    base = make_url(url)
    name = f"{base.database}_{suffix}"
    with psycopg.connect(host=base.host, port=base.port, user=base.username, password=base.password,
                         dbname="postgres", autocommit=True) as conn:
        conn.execute(pgsql.SQL("DROP DATABASE IF EXISTS {}").format(pgsql.Identifier(name)))
        # a template must have no sessions: the pools the bench's pages left open in this process (its own database)
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                     "AND pid <> pg_backend_pid()", (base.database,))
        conn.execute(pgsql.SQL("CREATE DATABASE {} TEMPLATE {}").format(pgsql.Identifier(name),
                                                                      pgsql.Identifier(base.database)))
    return base.set(database=name).render_as_string(hide_password=False)


def _drop(url: str) -> None:
    base = make_url(url)
    with psycopg.connect(host=base.host, port=base.port, user=base.username, password=base.password,
                         dbname="postgres", autocommit=True) as conn:
        conn.execute(pgsql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(pgsql.Identifier(base.database)))


def time_to_live(url: str, work: Path, rounds: int = 3) -> list[tuple[str, float]]:
    """Seconds from a committed write to nginx serving the new publication: a fase decision (a new release) and a
    register change (a new data version), with the real publisher (LISTEN/NOTIFY, debounce 1 s)."""
    clone = _clone(url, "live")
    engine = make_engine(clone)
    root = work / "live"
    shutil.rmtree(root, ignore_errors=True)
    stop = threading.Event()
    t = threading.Thread(target=pub.volg, args=(engine, root), kwargs={"stop": stop, "melden": lambda m: None},
                         daemon=True)
    t.start()
    out = []
    try:
        deadline = time.monotonic() + 300
        while not pub.actueel(root).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        with nginx.running(pub.actueel(root), work / "nginx-live") as base:
            def versie() -> dict:
                with urllib.request.urlopen(base + "/versie.json", timeout=10) as r:
                    return json.load(r)

            for i in range(rounds):
                for soort, stmt in (
                    ("fasebesluit", "INSERT INTO hkd.fase_besluiten (locatie_id, fase, ingangsdatum, reden, "
                                    "vastgelegd_door) SELECT min(id), '1', current_date, 'bench', 'bench' "
                                    "FROM hkd.locaties"),
                    # every location: a change the public figures show (rounded to 5, some woonvormen hidden)
                    ("registerwijziging", "UPDATE hkd.locaties SET plaatsen = plaatsen + 5"),
                ):
                    before = versie()
                    with acting_as(engine, "bench") as conn:
                        conn.execute(text(stmt))
                    t0 = time.perf_counter()
                    # A fase decision changes no public figure: the publisher keeps the live release. Measured as
                    # -1 when nothing new was published within the wait (the wanted outcome), else the time.
                    wacht = 6.0 if soort == "fasebesluit" else 120.0
                    while versie()["gepubliceerd"] == before["gepubliceerd"]:
                        if time.perf_counter() - t0 > wacht:
                            if soort == "fasebesluit":
                                break
                            raise TimeoutError(f"{soort}: niet live na 120 s")
                        time.sleep(0.02)
                    nieuw = versie()["gepubliceerd"] != before["gepubliceerd"]
                    out.append((soort, time.perf_counter() - t0 if nieuw else -1.0))
                    time.sleep(1.5 if i < rounds - 1 else 0)
    finally:
        stop.set()
        t.join(timeout=30)
        engine.dispose()
        _drop(clone)
    return out


def report(scale: str, sf: SiteFigures, load: ReaderLoad | None, streamlit_load=None,
           live: list[tuple[str, float]] | None = None) -> str:
    lines = [f"### Gepubliceerde site, schaal: {scale}", "",
             f"- Gepubliceerde kaart getekend in Chromium achter nginx (eerste beeld met alle vlakken, op de klok van "
             f"de pagina vanaf het begin van de navigatie): mediaan {sf.drawn_s:.2f} s; statische "
             f"Leaflet-pagina met dezelfde laag (zelfde nginx): mediaan {sf.reference_s:.2f} s; verhouding per ronde "
             f"(mediaan van {len(sf.verhouding.ratios)}) **{sf.verhouding.mediaan:.2f}x** (doel <= 1.1x: "
             f"{sf.verhouding.oordeel(1.1)}; {sf.verhouding.spreiding()})",
             f"- Kaartlaag van het eerste beeld, in de pagina (gzip): {sf.layer_gz / 1024:,.1f} kB; minimale GeoJSON (gzip): "
             f"{sf.minimal_gz / 1024:,.1f} kB; verhouding **{sf.layer_gz / sf.minimal_gz:.2f}x** (doel <= 1.1x)",
             f"- Alles om de kaart te tekenen (pagina, scripts, stijl, data; gzip): {sf.page_gz / 1024:,.1f} kB; "
             f"referentiepagina: {sf.reference_page_gz / 1024:,.1f} kB; "
             f"verhouding **{sf.page_gz / sf.reference_page_gz:.2f}x** (doel <= 1.1x); met wat na de kaart komt "
             f"(cijfers per woonvorm, zoekindex): {sf.visit_gz / 1024:,.1f} kB",
             f"- Zoals `hkd run` de site serveert (eigen server, HTTP/1.1, .gz-tweelingen): getekend in mediaan "
             f"{sf.lokaal_drawn_s:.2f} s; verhouding per ronde tegen de referentie achter nginx "
             f"**{sf.lokaal_verhouding.mediaan:.2f}x** ({sf.lokaal_verhouding.oordeel(1.1)}; "
             f"{sf.lokaal_verhouding.spreiding()}); "
             f"alles om te tekenen {sf.lokaal_page_gz / 1024:,.1f} kB "
             f"(**{sf.lokaal_page_gz / sf.reference_page_gz:.2f}x**)",
             f"- Publiceren (lezen als hkd_publiek, renderen, schrijven, omschakelen, loggen): {sf.publish_s:.2f} s"]
    if load:
        lines.append(f"- nginx: {load.summary()}")
        if load.errors:
            lines.append(f"  - eerste fout: {load.errors[0]}")
    if streamlit_load:
        lines.append(f"- Streamlit openbare kaart ter vergelijking: {streamlit_load.summary()}")
    for soort, s in live or []:
        lines.append(f"- Van {soort} tot live in de site (nginx): {s:.2f} s" if s >= 0 else
                     f"- Na {soort}: geen nieuwe publicatie (geen openbaar cijfer gewijzigd)")
    return "\n".join(lines)

"""Browser figures: time until the map has drawn and bytes over the websocket, against a static Leaflet page."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from PIL import Image

from ops.serve import running

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def serve_app(database_url: str, log_dir: Path):
    """The real dashboard against ``database_url`` (see :func:`ops.serve.running`)."""
    return running(database_url, log_dir)


@contextlib.contextmanager
def chromium():
    """Headless Chromium from the distribution, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def coloured_share(png: bytes) -> float:
    """Share of clearly coloured pixels (not white or grey) in a screenshot."""
    img = Image.open(io.BytesIO(png)).convert("RGB").resize((160, 120))
    px = list(img.getdata())
    return sum(1 for p in px if max(p) - min(p) > 30) / len(px)


def time_to_drawn(page, url: str, selector: str, minimum: float = 0.005, timeout_s: float = 120) -> float:
    """Seconds from navigation until the element ``selector`` shows a drawn coloured layer that has settled.

    Drawn means: some colour (more than ``minimum`` of the pixels, so a blank or grey canvas is not drawn) and the
    next screenshot within 10 % of it (the layer is there, not still coming in); the time of the first of those two.
    A fixed share of coloured pixels (the old 8 %) depends on how much of the element the layer covers: the national
    Streamlit map was painted at 6 s with 6.6 % coloured and never counted as drawn."""
    t0 = time.perf_counter()
    page.goto(url)
    deadline = t0 + timeout_s
    vorige: tuple[float, float] | None = None  # (time, share) of the last coloured screenshot
    while time.perf_counter() < deadline:
        el = page.locator(selector).first
        if el.count() and el.is_visible():
            share = None
            with contextlib.suppress(Exception):
                nu = time.perf_counter()
                share = coloured_share(el.screenshot(timeout=2000))
            if share is not None and share > minimum:
                if vorige is not None and abs(share - vorige[1]) <= 0.1 * max(share, vorige[1]):
                    return vorige[0] - t0
                vorige = (nu, share)
            elif share is not None:
                vorige = None
        time.sleep(0.05)
    raise TimeoutError(f"{url}: nothing drawn in {selector} after {timeout_s:.0f} s")


# Installed in every page before its own scripts (Playwright's init script, not subject to the page's CSP): the moment
# the browser has produced the first frame after the map's element holds ``n`` vector paths, on the page's own clock.
_GETEKEND_JS = """(() => {
  const [selector, n] = %s;
  const kijk = () => {
    if (window.__hkdGetekend !== undefined || !document.querySelector(selector)) { return; }
    if (document.querySelectorAll(selector + ' .leaflet-overlay-pane path').length >= n) {
      window.__hkdGetekend = null;
      requestAnimationFrame(() => setTimeout(() => { window.__hkdGetekend = performance.now(); }, 0));
    }
  };
  new MutationObserver(kijk).observe(document, {subtree: true, childList: true});
})();"""


def time_to_painted(page, url: str, selector: str, n: int, timeout_s: float = 120) -> float:
    """Seconds from the start of navigation until the first frame after the Leaflet map in ``selector`` holds ``n``
    vector paths (the layer's areas), measured by the page's own clock (``performance.now()``, from navigation start).

    The same definition for the product and the reference, without the screenshot loop of :func:`time_to_drawn`
    (a screenshot takes 0.1-0.3 s on a loaded machine: a draw of 0.5 s was measured in steps of that size, and a page
    whose main thread was busy right after its paint was measured late by a whole step)."""
    page.add_init_script(_GETEKEND_JS % json.dumps([selector, n]))
    page.goto(url)
    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline:  # polled from here: the product's CSP forbids the page evaluating strings
        if (t := page.evaluate("() => window.__hkdGetekend")):
            return t / 1000
        time.sleep(0.02)
    raise TimeoutError(f"{url}: not {n} areas in {selector} after {timeout_s:.0f} s")


def leaflet_dir() -> Path:
    """Leaflet's dist folder: the one served by the app if installed, else installed from npm into .hkd/npm."""
    for candidate in (ROOT / "dashboard" / "static" / "vendor" / "leaflet", ROOT / ".hkd" / "npm" / "node_modules"
                      / "leaflet" / "dist"):
        if (candidate / "leaflet.js").exists():
            return candidate
    target = ROOT / ".hkd" / "npm"
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(["npm", "install", "--silent", "--prefix", str(target), "leaflet@1.9"], check=True,
                   capture_output=True)
    return target / "node_modules" / "leaflet" / "dist"


# The reference's script is a file of its own: the product's nginx sends a Content-Security-Policy that allows only
# the site's own inline script (by its hash) and scripts from the site itself, so an inline script never ran there.
REFERENCE_HTML = """<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="leaflet.css">
<style>html,body,#map{height:100%;margin:0}</style></head><body><div id="map"></div>
<script src="leaflet.js"></script><script src="reference.js"></script></body></html>"""
REFERENCE_JS = """const map = L.map('map', {zoomControl: true}).setView([51.905, 4.46], 11);
fetch('layer.geojson').then(r => r.json()).then(d => {
  const layer = L.geoJSON(d, {style: f => ({color: '#3c3c3c', weight: 1, fillColor: '#41b6c4', fillOpacity: 0.85})});
  layer.addTo(map); map.fitBounds(layer.getBounds());
});
"""


@contextlib.contextmanager
def serve_reference(geojson: dict, work_dir: Path, extra: dict[str, str] | None = None) -> Iterator[str]:
    """Serve a static Leaflet page that draws ``geojson`` from a local file (and ``extra`` files); yield its URL."""
    work_dir.mkdir(parents=True, exist_ok=True)
    src = leaflet_dir()
    for name in ("leaflet.js", "leaflet.css"):
        shutil.copy(src / name, work_dir / name)
    (work_dir / "index.html").write_text(REFERENCE_HTML)
    (work_dir / "reference.js").write_text(REFERENCE_JS)
    (work_dir / "layer.geojson").write_text(json.dumps(geojson, separators=(",", ":")))
    for name, content in (extra or {}).items():
        (work_dir / name).write_text(content)
    handler = partial(_QuietHandler, directory=str(work_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    finally:
        server.shutdown()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: D102
        pass


def websocket_bytes(page) -> dict:
    """Start counting bytes Streamlit sends over its websocket; returns the live counter dict."""
    counter = {"bytes": 0}

    def on_ws(ws):
        ws.on("framereceived", lambda payload: counter.__setitem__(
            "bytes", counter["bytes"] + (len(payload) if isinstance(payload, bytes | str) else 0)))

    page.on("websocket", on_ws)
    return counter

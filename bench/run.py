"""Run the benchmark and print one table per scale, with the targets and where each stands."""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from bench import browser, datasets, server
from core.settings import get_settings
from queries.db import make_engine

MAP_SELECTOR = '[data-testid="stDeckGlJsonChart"]'
REFERENCE_SELECTOR = "#map"
AANBIEDER = {"demo": "alfa", "nationaal": "a0000"}


@dataclass
class BrowserFigures:
    """The public map in a real browser, against the static Leaflet reference and the static export."""

    drawn_s: float
    reference_s: float
    export_s: float
    ws_bytes: int
    minimal_geojson_bytes: int
    frames_after_pan: int


def minimal_geojson(url: str) -> dict:
    """The public PC4 layer as small as it can be: simplified in PostGIS, 6 decimals, code and count only."""
    engine = make_engine(url)
    with engine.connect() as conn:
        doc = conn.execute(text(
            "SELECT json_build_object('type','FeatureCollection','features', json_agg(json_build_object("
            "'type','Feature','geometry', ST_AsGeoJSON(g.geom_display, 6)::json,"
            "'properties', json_build_object('pc4', g.code, 'n', (SELECT count(*) FROM hkd.locaties l "
            "WHERE l.pc4 = g.code))))) FROM hkd.gebieden g WHERE g.niveau = 'pc4'")).scalar_one()
    engine.dispose()
    return doc


def static_export(url: str) -> str:
    """The embeddable public map (``hkd export openbare-kaart``) as the public role produces it."""
    from queries.lagen import as_layer
    from queries.publiek import openbare_kaart
    from reports.openbare_kaart_html import statische_kaart

    engine = make_engine(url)
    with as_layer(engine, "publiek", "bench") as conn:
        html = statische_kaart(openbare_kaart(conn), time.strftime("%Y-%m-%d"))
    engine.dispose()
    return html


def measure_browser(url: str, work: Path, runs: int = 3) -> BrowserFigures:
    geo = minimal_geojson(url)
    geo_bytes = len(json.dumps(geo, separators=(",", ":")).encode())
    with browser.chromium() as chrome, browser.serve_app(url, work) as base, \
            browser.serve_reference(geo, work / "reference", {"export.html": static_export(url)}) as ref_url:
        export_url = ref_url.replace("index.html", "export.html")
        drawn, reference, exported, ws = [], [], [], []
        frames_after_pan = 0
        for i in range(runs):
            ctx = chrome.new_context(viewport={"width": 1400, "height": 1000})
            page = ctx.new_page()
            counter = browser.websocket_bytes(page)
            drawn.append(browser.time_to_drawn(page, base, MAP_SELECTOR))
            page.wait_for_timeout(800)
            ws.append(counter["bytes"])
            if i == 0:  # pan and zoom the map: the script must not rerun (no frames from the server)
                before = counter["bytes"]
                box = page.locator(MAP_SELECTOR).bounding_box()
                cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
                page.mouse.move(cx, cy)
                page.mouse.down()
                page.mouse.move(cx + 120, cy + 60, steps=8)
                page.mouse.up()
                page.mouse.wheel(0, -300)
                page.wait_for_timeout(1500)
                frames_after_pan = counter["bytes"] - before
            ctx.close()
            ctx = chrome.new_context(viewport={"width": 1400, "height": 1000})
            reference.append(browser.time_to_drawn(ctx.new_page(), ref_url, REFERENCE_SELECTOR))
            exported.append(browser.time_to_drawn(ctx.new_page(), export_url, "svg"))
            ctx.close()
    return BrowserFigures(statistics.median(drawn), statistics.median(reference), statistics.median(exported),
                          int(statistics.median(ws)), geo_bytes, frames_after_pan)


def _kb(n: int) -> str:
    return f"{n / 1024:,.0f} kB"


def report(scale: str, rows: list[server.ServerFigures], bf: BrowserFigures | None) -> str:
    lines = [f"### Schaal: {scale}", "",
             "| pagina | rol | koud (s) | warm (s) | SQL koud (s) | SQL warm (s) | warm / SQL koud | elementen |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        ratio = r.warm_s / max(r.sql_cold_s, 0.001)
        flag = f" FOUT: {r.error}" if r.error else ""
        lines.append(f"| {r.page} | {r.rol} | {r.cold_s:.3f} | {r.warm_s:.3f} | {r.sql_cold_s:.3f} | "
                     f"{r.sql_warm_s:.3f} | {ratio:.1f}x | {_kb(r.element_bytes)}{flag} |")
    if bf:
        lines += [
            "",
            f"- Openbare kaart getekend in Chromium: {bf.drawn_s:.2f} s; statische Leaflet-pagina met dezelfde laag: "
            f"{bf.reference_s:.2f} s; verhouding **{bf.drawn_s / bf.reference_s:.2f}x** (doel <= 1.5x)",
            f"- De statische export (`hkd export openbare-kaart`, inline SVG) getekend: {bf.export_s:.2f} s; "
            f"verhouding **{bf.export_s / bf.reference_s:.2f}x**",
            f"- Bytes over de websocket bij openen: {_kb(bf.ws_bytes)}; minimale GeoJSON van de laag: "
            f"{_kb(bf.minimal_geojson_bytes)}; verhouding **{bf.ws_bytes / bf.minimal_geojson_bytes:.2f}x** (doel <= 1.2x)",
            f"- Bytes van de server na pannen en zoomen: {bf.frames_after_pan} (doel: 0, geen rerun)",
        ]
    worst_warm = max((r.warm_s for r in rows), default=0)
    lines.append(f"- Traagste warme rerun: {worst_warm:.3f} s (doel nationaal: < 2 s)")
    return "\n".join(lines)


def measure_publicatie(scale: str, url: str, work: Path, readers: int, seconds: float, rondes: int = 31) -> str:
    """The published site at this scale: drawn and bytes vs the reference, readers against nginx, Streamlit's
    public page with 50 sessions in the same run, time from a write to live."""
    from bench import publicatie
    from bench.load import run_load
    from ops import nginx
    from ops import publicatie as pub

    sf, site = publicatie.measure_site(url, minimal_geojson(url), work, rondes)
    load = streamlit_load = None
    if seconds > 0:
        print(f"== {scale}: {readers} lezers tegen nginx, {seconds:.0f} s", flush=True)
        with nginx.running(pub.actueel(site), work / "nginx-load", workers=2) as base:
            load = publicatie.run_readers(base, readers, seconds)
        print(f"== {scale}: Streamlit openbare kaart, 50 sessies, {seconds:.0f} s", flush=True)
        with browser.serve_app(url, work) as app:
            streamlit_load = run_load(app, 50, seconds, timeout=120)  # as the load test: slow, not failed
    print(f"== {scale}: van schrijven tot live", flush=True)
    live = publicatie.time_to_live(url, work)
    return publicatie.report(scale, sf, load, streamlit_load, live)


def main(scales: list[str], with_browser: bool, publicatie: bool = True, readers: int = 1000,
         seconds: float = 60, paginas: tuple[str, ...] = (), rondes: int = 31) -> int:
    """Measure every scale; with ``paginas`` only those pages, server side (no browser, no publication)."""
    out_dir = get_settings().state_dir / "bench"
    sections = [f"Benchmark HKD Kaart, {time.strftime('%Y-%m-%d %H:%M')}"]
    for scale in scales:
        print(f"== {scale}: database voorbereiden", flush=True)
        url = datasets.ensure(scale)
        print(f"== {scale}: pagina's meten (AppTest)", flush=True)
        journeys = tuple(j for j in server.JOURNEYS if not paginas or j[0] in paginas)
        rows = server.measure(url, AANBIEDER[scale], journeys)
        with_browser = with_browser and not paginas
        bf = None
        if with_browser:
            print(f"== {scale}: openbare kaart in Chromium", flush=True)
            # the Streamlit map takes a minute per draw at national scale: one draw there keeps the run short
            bf = measure_browser(url, out_dir / scale, runs=3 if scale == "demo" else 1)
        section = report(scale, rows, bf)
        if publicatie and with_browser:
            print(f"== {scale}: gepubliceerde site", flush=True)
            section += "\n\n" + measure_publicatie(scale, url, out_dir / scale / "publicatie", readers,
                                                    seconds if scale == "demo" else 0, rondes)
        print(section, flush=True)
        sections.append(section)
    out_dir.mkdir(parents=True, exist_ok=True)
    naam = "paginas.md" if paginas else "latest.md"
    (out_dir / naam).write_text("\n\n".join(sections) + "\n")
    print(f"\nTabel bewaard in {out_dir / naam}")
    return 0


def main_publicatie(scales: list[str], readers: int, seconds: float, rondes: int = 31) -> int:
    """Only the published site (``python -m bench --alleen-publicatie``)."""
    out_dir = get_settings().state_dir / "bench"
    sections = [f"Benchmark gepubliceerde site, {time.strftime('%Y-%m-%d %H:%M')}"]
    for scale in scales:
        print(f"== {scale}: database voorbereiden", flush=True)
        url = datasets.ensure(scale)
        section = measure_publicatie(scale, url, out_dir / scale / "publicatie", readers,
                                     seconds if scale == "demo" else 0, rondes)
        print(section, flush=True)
        sections.append(section)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "publicatie.md").write_text("\n\n".join(sections) + "\n")
    return 0

"""Benchmark of values on CBS 100 m squares at city scale: prints figures, asserts nothing.

    .venv/bin/python -m bench.vierkanten [--runs 3]

Writes into the database in use (years 2040 and 2046: use a scratch database): every 100 m square whose centre lies
in a loaded buurt gets the two Kaart 4-8 indicators in both years (a generic file, loaded by the importer). Then
times what Wijktrends reads for Tabel 4-2/4-3 (one row per square, as the public layer), the page rule in Python,
and the 100 m grid with and without square values.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import Engine, text

from core.settings import get_settings
from data.indicator_import import load_indicatoren
from geo import veerkracht as vk
from geo import vierkanten
from queries import gebieden, trends
from queries.db import make_engine
from queries.lagen import as_layer

JAREN = (2040, 2046)


def _ms(fn, runs: int) -> tuple[float, object]:
    tijden, uit = [], None
    for _ in range(runs):
        start = time.perf_counter()
        uit = fn()
        tijden.append((time.perf_counter() - start) * 1000)
    return statistics.median(tijden), uit


def bestand(engine: Engine, map_: Path) -> tuple[Path, int]:
    """A generic file with both indicators in both years for every square of every loaded buurt."""
    with engine.connect() as conn:
        codes = conn.execute(text("SELECT code FROM publiek.indicator_gebieden WHERE niveau = 'buurt'")).scalars()
        vk_ = gebieden.vierkanten_van_buurten(conn, list(codes))
    regels = ["gebied_code;jaar;indicator;waarde;waarnemingen"]
    for i, code in enumerate(vk_["vierkant"]):
        for jaar in JAREN:
            stap = jaar - JAREN[0]
            regels.append(f"{code};{jaar};kwetsbare_groepen;{90 + i % 40 + stap * (i % 3 - 1)};{5 + i % 60}")
            regels.append(f"{code};{jaar};overlast_onveiligheid;{(i % 50 - 25) / 100 + stap * (i % 5 - 2) / 200:.3f};"
                          f"{5 + i % 60}")
    path = map_ / "bench_vierkanten.csv"
    path.write_text("\n".join(regels) + "\n", encoding="utf-8")
    return path, len(vk_)


def meet(engine: Engine, runs: int) -> None:
    """Print the figures (see the module docstring)."""
    with tempfile.TemporaryDirectory() as tmp:
        path, n = bestand(engine, Path(tmp))
        start = time.perf_counter()
        r = load_indicatoren(engine, path, "generiek", gebruiker="bench")
        print(f"{n} squares in the loaded buurten; median of {runs} runs")
        print(f"  {'load (importer, ' + str(r.waarden) + ' values, all or nothing)':<56} "
              f"{(time.perf_counter() - start) * 1000:9.1f} ms")
    van, tot = JAREN

    def periode():
        with as_layer(engine, "publiek", "bench") as conn:
            return trends.vierkanten_periode(conn, "kwetsbare_groepen", "overlast_onveiligheid", van, tot)

    ms, rijen = _ms(periode, runs)
    print(f"  {f'trends.vierkanten_periode as publiek ({len(rijen)} rows)':<56} {ms:9.1f} ms")
    with engine.connect() as conn:
        ov = trends.indicator_jaren(conn, "buurt", "overlast_onveiligheid", 2012, 2018)
    start_buurt = vk.periode_waarden(ov, 2012, 2018)["van"]

    def regel():
        k = vierkanten.klassen(rijen, start_buurt)
        return [vierkanten.tabelrijen(k.groupby("buurt_code")["klasse"].first(), k, klasse, aandeel)
                for klasse, aandeel in (("donkerrood", vierkanten.AANDEEL_TABEL_4_2), ("donkergroen", None))]

    ms, tabellen = _ms(regel, runs)
    print(f"  {f'page rule (classes per square, Tabel 4-2 {len(tabellen[0])} / 4-3 {len(tabellen[1])} rows)':<56} "
          f"{ms:9.1f} ms")
    for jaar, wat in ((tot, "with square values"), (2018, "spread only")):
        def raster(jaar=jaar):
            with as_layer(engine, "publiek", "bench") as conn:
                return trends.raster_100m(conn, "buurt", "kwetsbare_groepen", jaar, False)

        ms, cellen = _ms(raster, runs)
        eigen = int(cellen["eigen"].sum())
        print(f"  {f'grid {jaar}, {wat} ({len(cellen)} cells, {eigen} own)':<56} {ms:9.1f} ms")


def main(argv: list[str] | None = None) -> None:
    """Command line: see the module docstring."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=3)
    a = p.parse_args(argv)
    meet(make_engine(get_settings().database_url), a.runs)


if __name__ == "__main__":
    main()

"""Benchmark of Kaart 4-1 and the directe-bemiddeling overlay on the database in use: prints medians, asserts nothing.

    .venv/bin/python -m bench.wijktrends_kaart4 [--runs 5] [--jaar 2018]
"""

from __future__ import annotations

import argparse
import statistics
import time

from core.settings import get_settings
from queries import corporatiebezit, trends
from queries.db import make_engine
from queries.lagen import as_layer


def _median_ms(fn, runs: int) -> tuple[float, int]:
    tijden, n = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        n = len(fn())
        tijden.append((time.perf_counter() - start) * 1000)
    return statistics.median(tijden), n


def main(argv: list[str] | None = None) -> None:
    """Time the Kaart 4-1 queries (areas and 100 m grid), the overlay series and the indicator grid, as the public."""
    parser = argparse.ArgumentParser(prog="python -m bench.wijktrends_kaart4")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jaar", type=int, default=2018)
    args = parser.parse_args(argv)
    engine = make_engine(get_settings().database_url)
    jaar = args.jaar
    gevallen = {
        "Kaart 4-1: dominante corporatie per buurt": lambda c: corporatiebezit.dominante_corporatie(c, "buurt", jaar),
        "Kaart 4-1: raster 100 m": lambda c: corporatiebezit.raster_dominant(c, "buurt", jaar),
        "Kaart 4-4: directe bemiddeling (reeks)": lambda c: trends.indicator_reeks(c, "buurt", "directe_bemiddeling"),
        "raster 100 m kwetsbare_groepen (migratie 183)": lambda c: trends.raster_100m(
            c, "buurt", "kwetsbare_groepen", jaar, False),
        "interpolatie buurt -> pc4, inwoners (migratie 183)": lambda c: trends.interpoleer(
            c, "buurt", "pc4", "inwoners", jaar, True),
    }
    print(f"median of {args.runs} runs, role publiek, year {jaar}")
    for naam, fn in gevallen.items():
        def run(fn=fn):
            with as_layer(engine, "publiek", "bench") as conn:
                return fn(conn)
        ms, n = _median_ms(run, args.runs)
        print(f"  {naam:<52} {ms:9.1f} ms  {n:6d} rows")


if __name__ == "__main__":
    main()

"""Benchmark of the indicator importer and the public indicator view: prints figures, asserts nothing.

    .venv/bin/python -m bench.indicatoren [--waarden 20000] [--runs 5] [--laden]

Reads and checks a generated generic file of ``--waarden`` values on the loaded buurten (no database write), and
times ``publiek.indicator_waarden`` (footnote 6 applied per value) per layer. With ``--laden`` the file is also
loaded twice into the database in use (years 2040 and on: use a scratch database): the first load and the no-op
re-load.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import Engine, text

from core.settings import get_settings
from data.indicator_import import load_indicatoren, read_generiek
from queries.db import make_engine
from queries.lagen import as_layer

INDICATOREN = ("lvb", "psychiatrie", "pct_bijstand", "laagste_inkomens", "personen_bijstand", "inwoners")


def _ms(fn, runs: int) -> float:
    tijden = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        tijden.append((time.perf_counter() - start) * 1000)
    return statistics.median(tijden)


def bestand(engine: Engine, waarden: int, map_: Path) -> Path:
    """A generic file of about ``waarden`` values on the loaded buurten, years from 2040."""
    with engine.connect() as conn:
        codes = conn.execute(text("SELECT code FROM publiek.indicator_gebieden WHERE niveau = 'buurt' "
                                  "ORDER BY code")).scalars().all()
    regels = ["gebied_code;jaar;indicator;waarde;waarnemingen"]
    jaar = 2040
    while len(regels) <= waarden:
        for i, code in enumerate(codes):
            for j, ind in enumerate(INDICATOREN):
                waarde = 800 + i if ind in ("inwoners", "personen_bijstand") else f"{(i + j) % 40},5"
                regels.append(f"{code};{jaar};{ind};{waarde};{'' if (i + j) % 3 else (i * 7) % 150}")
        jaar += 1
    path = map_ / "bench_indicatoren.csv"
    path.write_text("\n".join(regels[:waarden + 1]) + "\n", encoding="utf-8")
    return path


def meet(engine: Engine, waarden: int, runs: int, laden: bool) -> None:
    """Print the figures (see the module docstring)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = bestand(engine, waarden, Path(tmp))
        print(f"generic file of {waarden} values; median of {runs} runs")
        print(f"  {'read and check (engine + derivation)':<52} {_ms(lambda: read_generiek(path), runs):9.1f} ms")
        if laden:
            for keer in ("first load", "same file again (no-op)"):
                start = time.perf_counter()
                r = load_indicatoren(engine, path, "generiek", gebruiker="bench")
                ms = (time.perf_counter() - start) * 1000
                print(f"  {keer:<52} {ms:9.1f} ms  ({r.nieuw} nieuw, {r.gewijzigd} gewijzigd, "
                      f"{r.ongewijzigd} ongewijzigd)")
    with engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM hkd.indicatoren")).scalar()
    for rol, aanbieder in (("publiek", None), ("aanbieder", "alfa"), ("hkd", None)):
        def scan(rol=rol, aanbieder=aanbieder):
            with as_layer(engine, rol, "bench", aanbieder) as conn:
                conn.execute(text("SELECT count(*), count(achtergehouden) FROM publiek.indicator_waarden")).one()
        print(f"  {f'publiek.indicator_waarden, all {n} values ({rol})':<52} {_ms(scan, runs):9.1f} ms")


def main(argv: list[str] | None = None) -> None:
    """Command line: see the module docstring."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--waarden", type=int, default=20_000)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--laden", action="store_true", help="also load the file twice (use a scratch database)")
    args = p.parse_args(argv)
    meet(make_engine(get_settings().database_url), args.waarden, args.runs, args.laden)


if __name__ == "__main__":
    main()

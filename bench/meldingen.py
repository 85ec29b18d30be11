"""Benchmark of the meldingen monitoring queries on the database in use: prints medians, asserts nothing.

    .venv/bin/python -m bench.meldingen [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import timedelta

from sqlalchemy import text

from core import kalender
from core.settings import get_settings
from queries import meldingen as q
from queries import monitoring as mq
from queries.db import make_engine
from queries.lagen import as_layer


def _median_ms(fn, runs: int) -> float:
    tijden = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        tijden.append((time.perf_counter() - start) * 1000)
    return statistics.median(tijden)


def main(argv: list[str] | None = None) -> None:
    """Time the meldkaart counts, the agenda sources and a voor- en nameting per role."""
    args = _parser().parse_args(argv)
    engine = make_engine(get_settings().database_url)
    vandaag = kalender.vandaag()
    with engine.connect() as conn:
        n_meldingen = conn.execute(text("SELECT count(*) FROM hkd.meldingen")).scalar()
        n_locaties = conn.execute(text("SELECT count(*) FROM hkd.locaties")).scalar()
        loc = conn.execute(text("SELECT id FROM hkd.locaties ORDER BY code LIMIT 1")).scalar()
    print(f"{n_meldingen} meldingen, {n_locaties} locaties; median of {args.runs} runs")
    nrm = MeldingNormenCache(engine).get()
    gevallen = {
        "meldkaart per locatie, 1 jaar (hkd)": ("hkd", None, lambda c: q.per_locatie(c, vandaag - timedelta(365),
                                                                                   vandaag, nrm)),
        "meldkaart per locatie, 1 jaar (aanbieder alfa)": ("aanbieder", "alfa", lambda c: q.per_locatie(
            c, vandaag - timedelta(365), vandaag, nrm)),
        "agenda: meldingen-signalen": ("hkd", None, lambda c: q.agenda_voorstellen(c, vandaag)),
        "agenda: commissies, verbeteracties, planning": ("hkd", None, lambda c: mq.agenda_voorstellen(c, vandaag)),
        "voor- en nameting (3 ringen x 8 halfjaren)": ("hkd", None, lambda c: q.voor_na_meldingen(
            c, loc, vandaag - timedelta(365), nrm.ring_meters)),
    }
    for naam, (rol, aanbieder, fn) in gevallen.items():
        def run(fn=fn, rol=rol, aanbieder=aanbieder):
            with as_layer(engine, rol, "bench", aanbieder) as conn:
                fn(conn)
        print(f"  {naam:<50} {_median_ms(run, args.runs):8.1f} ms")


class MeldingNormenCache:
    """The norms read once."""

    def __init__(self, engine):
        self.engine = engine

    def get(self):
        with as_layer(self.engine, "hkd", "bench") as conn:
            return q.normen(conn)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="bench.meldingen")
    p.add_argument("--runs", type=int, default=7)
    return p


if __name__ == "__main__":
    main()

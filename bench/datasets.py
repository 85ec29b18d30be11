"""The benchmark databases: the demo and the generated national dataset, created once and reused."""

from __future__ import annotations

import time

import psycopg
from psycopg import sql as pgsql
from sqlalchemy import text
from sqlalchemy.engine import make_url

from core.settings import get_settings
from ops.cli.common import database_url
from queries.db import make_engine, migrate

DATABASES = {"demo": "hkd_bench_demo", "nationaal": "hkd_bench_nationaal"}


def _server_url() -> str:
    return database_url()


def ensure(scale: str, log=print) -> str:
    """Return the URL of the benchmark database for ``scale``, creating and loading it when needed."""
    base = make_url(_server_url())
    name = DATABASES[scale]
    url = base.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(host=base.host, port=base.port, user=base.username, password=base.password,
                         dbname=base.database, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(pgsql.SQL("CREATE DATABASE {}").format(pgsql.Identifier(name)))
    engine = make_engine(url)
    migrate(engine)
    with engine.connect() as conn:
        loaded = conn.execute(text("SELECT count(*) FROM hkd.locaties")).scalar_one()
    if not loaded:
        t0 = time.perf_counter()
        if scale == "demo":
            from data.demo import load_demo

            load_demo(engine, get_settings())
        else:
            from bench.national import load_national

            counts = load_national(engine)
            log(f"  nationale dataset: {counts}")
        log(f"  {name} geladen in {time.perf_counter() - t0:.1f} s")
    if scale == "nationaal":  # meetings, initiatives and meldingen (also added to a national set made before them)
        from bench.national import load_overleg

        t0 = time.perf_counter()
        if counts := load_overleg(engine):
            log(f"  overleg, initiatieven en meldingen: {counts} in {time.perf_counter() - t0:.1f} s")
    migrate(engine)  # again after loading: the login role of every provider the data brought (na_migratie)
    engine.dispose()
    return url

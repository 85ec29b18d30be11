"""Connections: create engines, attribute writes to a user, apply the migrations and today's objects.

Nothing here starts a server: the URL comes from :mod:`core.settings`, and starting the project-local cluster is
the job of :mod:`ops.localdb`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, text

from core.kalender import TZ
from queries.indicatoren import synchroniseer_definities
from queries.lagen import na_migratie, voor_migratie
from queries.sqlfiles import sql

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
OBJECTS_DIR = Path(__file__).resolve().parent / "objects"


def make_engine(url: str, **kwargs) -> Engine:
    """Create an engine with settings suited to a dashboard (small pool, pre-ping, short connect timeout).

    The session's time zone is Rotterdam's (``current_date`` is Rotterdam's day). JIT compilation is off: the
    dashboard's statements run in milliseconds to a few hundred, and at national scale PostgreSQL's JIT spent up to
    4 s compiling one of them (Wijktrends' indicator view), more than the query itself."""
    kwargs.setdefault("pool_pre_ping", True)
    if "poolclass" not in kwargs:  # a NullPool (or another class) takes no size
        kwargs.setdefault("pool_size", 5)
        kwargs.setdefault("max_overflow", 5)
    kwargs.setdefault("connect_args", {"connect_timeout": 5, "application_name": "hkd-kaart",
                                       "options": f"-c timezone={TZ.key} -c jit=off"})
    return create_engine(url, **kwargs)


@contextmanager
def acting_as(engine: Engine, gebruiker: str) -> Iterator[Connection]:
    """Open a transaction in which every write is attributed to ``gebruiker`` in the audit log (an administrator's
    engine: the owner or a superuser names a person without a session, migration 580)."""
    with engine.begin() as conn:
        conn.execute(sql("lagen", "zet_gebruiker_zonder_sessie"), {"gebruiker": gebruiker})  # bound (302)
        yield conn


def migration_files() -> list[Path]:
    """All migrations, in the order they apply (by their numeric prefix)."""
    return sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9]_*.sql"))


def object_files() -> list[Path]:
    """Today's views and functions, one file per domain, in the order they apply (by their numeric prefix)."""
    return sorted(OBJECTS_DIR.glob("[0-9][0-9]_*.sql"))


def migrate(engine: Engine) -> list[str]:
    """Apply the migrations not yet recorded in ``public.schema_migrations``, then re-apply every file of
    ``queries/objects/`` (views and functions with their grants, ``CREATE OR REPLACE``); return the migrations
    applied now.

    Tables live in the numbered migrations, applied once; a view's or function's current definition lives in one
    object file, applied on every run, so a fresh database and an old one end with the same definitions. All of it
    runs in one transaction, so a failing file leaves nothing behind; an advisory lock keeps two concurrent runs
    from applying the same file twice.
    """
    applied_now: list[str] = []
    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(4242001)"))
        voor_migratie(conn)  # the roles of core.rollen, which the grants below name
        conn.execute(
            text(
                "CREATE TABLE IF NOT EXISTS public.schema_migrations ("
                " versie text PRIMARY KEY, toegepast_op timestamptz NOT NULL DEFAULT now())"
            )
        )
        done = {r[0] for r in conn.execute(text("SELECT versie FROM public.schema_migrations"))}
        for path in migration_files():
            if path.stem in done:
                continue
            # The raw DB-API cursor takes a whole script (several statements, dollar quoting, literal %).
            conn.connection.cursor().execute(path.read_text(encoding="utf-8"))
            conn.execute(text("INSERT INTO public.schema_migrations (versie) VALUES (:v)"), {"v": path.stem})
            applied_now.append(path.stem)
        for path in object_files():
            conn.connection.cursor().execute(path.read_text(encoding="utf-8"))
        na_migratie(conn)  # provider login roles, and every object owned by hkd_eigenaar (issue 10)
        synchroniseer_definities(conn)  # hkd.indicator_definities = the catalogue (core/indicatoren.py)
    return applied_now

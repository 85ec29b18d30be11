"""Test fixtures: a real PostGIS (project-local test cluster, or the server of TEST_DATABASE_URL), throwaway
databases per run, the demo loaded once as a template and cloned for tests that write."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest
from psycopg import sql as pgsql
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from core.settings import SHARED_DATA, get_settings
from ops import localdb
from queries.db import make_engine, migrate
from queries.lagen import LOGIN_PUBLIEK, na_migratie

SHARED_AVAILABLE = (SHARED_DATA / "rotterdam_buurten_2015.geojson").exists()
needs_shared_data = pytest.mark.skipif(not SHARED_AVAILABLE, reason="../shared/data is not present on this machine")


class PgServer:
    """A PostgreSQL server on which tests may create and drop databases."""

    def __init__(self, admin_url: str):
        self.admin_url = make_url(admin_url)

    def url(self, dbname: str) -> str:
        return self.admin_url.set(database=dbname).render_as_string(hide_password=False)

    def _admin(self) -> psycopg.Connection:
        u = self.admin_url
        return psycopg.connect(host=u.host, port=u.port, user=u.username, password=u.password,
                               dbname=u.database or "postgres", autocommit=True)

    def create(self, name: str, template: str | None = None) -> str:
        with self._admin() as conn:
            if template:
                conn.execute(pgsql.SQL("CREATE DATABASE {} TEMPLATE {}").format(pgsql.Identifier(name), pgsql.Identifier(template)))
            else:
                conn.execute(pgsql.SQL("CREATE DATABASE {}").format(pgsql.Identifier(name)))
            # A database's privileges are not copied from its template: as queries.lagen.na_migratie does.
            conn.execute(pgsql.SQL("REVOKE TEMPORARY ON DATABASE {} FROM PUBLIC").format(pgsql.Identifier(name)))
        return self.url(name)

    def drop(self, name: str) -> None:
        with self._admin() as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
            conn.execute(pgsql.SQL("DROP DATABASE IF EXISTS {}").format(pgsql.Identifier(name)))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The server the tests use: TEST_DATABASE_URL's, or a project-local test cluster started here."""
    settings = get_settings()
    if settings.test_database_url:
        yield PgServer(settings.test_database_url)
        return
    settings = replace(settings, local_port=settings.test_port, local_dbname="postgres")
    server = localdb.server_for(settings, name="test-pg")
    started_here = not localdb.is_running(server)
    localdb.start(server)
    yield PgServer(server.url("postgres"))
    if started_here:  # leave no server behind (a developer's already running one stays up)
        localdb.stop(server)


@pytest.fixture(scope="session")
def run_id() -> str:
    return uuid.uuid4().hex[:8]


@pytest.fixture(scope="session")
def demo_template(pg_server: PgServer, run_id: str) -> Iterator[str]:
    """Name of a database with the schema and the demo loaded (real boundaries when ../shared/data is present)."""
    from data.demo import load_demo

    name = f"hkd_test_{run_id}_demo"
    url = pg_server.create(name)
    engine = make_engine(url)
    migrate(engine)
    load_demo(engine, get_settings())
    with engine.begin() as conn:
        na_migratie(conn)  # a LOGIN role per demo provider (issue 10)
    engine.dispose()
    yield name
    pg_server.drop(name)


@pytest.fixture(scope="session")
def demo_url(pg_server: PgServer, demo_template: str, run_id: str) -> Iterator[str]:
    """A read-mostly copy of the demo shared by the whole run (tests must not write to it)."""
    name = f"hkd_test_{run_id}_shared"
    url = pg_server.create(name, template=demo_template)
    yield url
    pg_server.drop(name)


def as_login(url: str, login: str = LOGIN_PUBLIEK) -> str:
    """``url`` with another user name (and no password): how the app connects as a layer LOGIN role."""
    return make_url(url).set(username=login, password=None).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def demo_app_url(demo_url: str) -> str:
    """The shared demo as the app connects to it: the public layer's LOGIN role ``hkd_app_publiek``."""
    return as_login(demo_url)


@pytest.fixture(scope="session")
def demo_engine(demo_url: str) -> Iterator[Engine]:
    engine = make_engine(demo_url)
    yield engine
    engine.dispose()


@pytest.fixture
def fresh_demo(pg_server: PgServer, demo_template: str) -> Iterator[Engine]:
    """A private clone of the demo for a test that writes."""
    name = f"hkd_test_{uuid.uuid4().hex[:10]}"
    url = pg_server.create(name, template=demo_template)
    engine = make_engine(url)
    engine.hkd_url = url  # type: ignore[attr-defined]
    engine.hkd_app_url = as_login(url)  # type: ignore[attr-defined]
    yield engine
    engine.dispose()
    pg_server.drop(name)


@pytest.fixture
def empty_db(pg_server: PgServer) -> Iterator[Engine]:
    """A new database with the schema and nothing else."""
    name = f"hkd_test_{uuid.uuid4().hex[:10]}"
    url = pg_server.create(name)
    engine = make_engine(url)
    engine.hkd_url = url  # type: ignore[attr-defined]
    migrate(engine)
    yield engine
    engine.dispose()
    pg_server.drop(name)


@pytest.fixture
def project_root() -> Path:
    return Path(__file__).resolve().parent.parent

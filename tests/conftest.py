"""Test fixtures: a real PostGIS (project-local test cluster, or the server of TEST_DATABASE_URL), throwaway
databases per run, the demo loaded once as a template and cloned for tests that write."""

from __future__ import annotations

import contextlib
import fcntl
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest
from hypothesis import settings as hypothesis_settings
from psycopg import sql as pgsql
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from core.settings import SHARED_DATA, get_settings
from ops import localdb
from queries.db import make_engine, migrate
from queries.lagen import LOGIN_PUBLIEK, na_migratie

# Property tests assert behaviour, never speed: Hypothesis' per-example deadline (200 ms) fails them on a loaded
# machine or under a faked clock (scripts/sweep). Speed lives in the benchmarks.
hypothesis_settings.register_profile("hkd", deadline=None)
hypothesis_settings.load_profile("hkd")

SHARED_AVAILABLE = (SHARED_DATA / "rotterdam_buurten_2015.geojson").exists()
LOCK = Path(__file__).resolve().parent.parent / ".hkd" / "test-cluster.lock"
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

    def exists(self, name: str) -> bool:
        with self._admin() as conn:
            return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None

    def drop(self, name: str) -> None:
        with self._admin() as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
            conn.execute(pgsql.SQL("DROP DATABASE IF EXISTS {}").format(pgsql.Identifier(name)))


def _test_server_settings():
    return replace(get_settings(), local_port=get_settings().test_port, local_dbname="postgres")


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def _parallel_controller(config: pytest.Config) -> bool:
    return not _is_worker(config) and bool(getattr(config.option, "numprocesses", None))


def pytest_configure(config: pytest.Config) -> None:
    """With ``-n N`` (pytest-xdist) the controller starts the test cluster once, before any worker connects, and
    stops it after the last one; the workers share it and one demo template. Without workers, ``pg_server`` and
    ``demo_template`` do this lazily."""
    config.hkd_started_cluster = None  # type: ignore[attr-defined]
    config.hkd_run = uuid.uuid4().hex[:8]  # type: ignore[attr-defined]
    if not _parallel_controller(config) or get_settings().test_database_url:
        return
    server = localdb.server_for(_test_server_settings(), name="test-pg")
    if not localdb.is_running(server):
        localdb.start(server)
        config.hkd_started_cluster = server  # type: ignore[attr-defined]


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:
    """xdist: every worker gets the controller's run id, so that they share one demo template."""
    node.workerinput["hkd_run"] = node.config.hkd_run


def pytest_unconfigure(config: pytest.Config) -> None:
    if _parallel_controller(config):  # the shared template outlives the workers: drop it here
        url = get_settings().test_database_url or \
            localdb.server_for(_test_server_settings(), name="test-pg").url("postgres")
        with contextlib.suppress(Exception):
            PgServer(url).drop(_demo_name(config.hkd_run))
    server = getattr(config, "hkd_started_cluster", None)
    if server is not None:
        localdb.stop(server)


def _demo_name(run: str) -> str:
    return f"hkd_test_{run}_demo"


@pytest.fixture(scope="session")
def pg_server(request: pytest.FixtureRequest) -> Iterator[PgServer]:
    """The server the tests use: TEST_DATABASE_URL's, or a project-local test cluster (started here, or by the
    xdist controller when tests run in parallel workers)."""
    settings = get_settings()
    if settings.test_database_url:
        yield PgServer(settings.test_database_url)
        return
    server = localdb.server_for(_test_server_settings(), name="test-pg")
    if _is_worker(request.config):  # the controller started it and stops it
        yield PgServer(server.url("postgres"))
        return
    started_here = not localdb.is_running(server)
    localdb.start(server)
    yield PgServer(server.url("postgres"))
    if started_here:  # leave no server behind (a developer's already running one stays up)
        localdb.stop(server)


@pytest.fixture(scope="session")
def run_id(request: pytest.FixtureRequest) -> str:
    """Unique per run, and per worker under xdist (its databases never meet another worker's)."""
    worker = getattr(request.config, "workerinput", {}).get("workerid", "")
    return uuid.uuid4().hex[:8] + worker


@contextlib.contextmanager
def _cluster_lock() -> Iterator[None]:
    """One builder at a time across xdist workers: roles are cluster-wide, and two migrations that create the
    same role at once would collide. The first worker builds the demo (and so every role); the others wait."""
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def demo_template(pg_server: PgServer, request: pytest.FixtureRequest) -> Iterator[str]:
    """Name of a database with the schema and the demo loaded (real boundaries when ../shared/data is present).

    Built once per run: under xdist the first worker builds it, the others wait for the lock and clone the same
    one, and the controller drops it when all have finished."""
    from data.demo import load_demo

    workerinput = getattr(request.config, "workerinput", None)
    name = _demo_name(workerinput["hkd_run"] if workerinput else request.config.hkd_run)
    with _cluster_lock():
        if not pg_server.exists(name):
            url = pg_server.create(name)
            engine = make_engine(url)
            try:
                migrate(engine)
                load_demo(engine, get_settings())
                with engine.begin() as conn:
                    na_migratie(conn)  # a LOGIN role per demo provider (issue 10)
            except BaseException:
                engine.dispose()
                pg_server.drop(name)
                raise
            engine.dispose()
    yield name
    if workerinput is None:
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

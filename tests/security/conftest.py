"""Attack fixtures: raw psycopg connections as each LOGIN role of the app, with free SQL (as injected SQL would)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url

from queries.lagen import LOGIN_BEHEER, LOGIN_PUBLIEK, LOGIN_SESSIES, aanbieder_rol

# The app's logins: the three layers and the server's own login that opens named sessions (migration 595).
LOGINS = {"publiek": LOGIN_PUBLIEK, "alfa": aanbieder_rol("alfa"), "beheer": LOGIN_BEHEER, "sessies": LOGIN_SESSIES}


def _connect(url: str, user: str | None = None) -> psycopg.Connection:
    u = make_url(url)
    return psycopg.connect(host=u.host, port=u.port, user=user or u.username, password=None if user else u.password,
                           dbname=u.database, autocommit=True)


@pytest.fixture
def sql_as(demo_url: str) -> Iterator[Callable[[str], psycopg.Connection]]:
    """``sql_as("publiek" | "alfa" | "beheer" | "sessies" | "admin")``: a connection with free SQL as that login role."""
    opened: list[psycopg.Connection] = []

    def open_(who: str) -> psycopg.Connection:
        conn = _connect(demo_url, None if who == "admin" else LOGINS.get(who, who))
        opened.append(conn)
        return conn

    yield open_
    for c in opened:
        c.close()


@pytest.fixture
def fresh_sql_as(fresh_demo) -> Iterator[Callable[[str], psycopg.Connection]]:
    """As :func:`sql_as`, on a private clone of the demo (for attacks that need the owner to change something)."""
    opened: list[psycopg.Connection] = []

    def open_(who: str) -> psycopg.Connection:
        conn = _connect(fresh_demo.hkd_url, None if who == "admin" else LOGINS.get(who, who))
        opened.append(conn)
        return conn

    yield open_
    for c in opened:
        c.close()


def naamsessie(sessies: psycopg.Connection, naam: str, laag: str) -> str:
    """The secret of a named session for ``naam`` in the database role ``laag``, opened as the app's server opens
    one (on its sessions login ``hkd_app_sessies``, in a transaction that names nobody; migrations 580, 595)."""
    return sessies.execute("SELECT hkd.sessie_openen(%s, %s, 60, now() + interval '1 hour')", (naam, laag)).fetchone()[0]

"""The dashboard's database access: one cached engine, cached query results, a clear message when it is down."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from hkd.settings import get_settings
from queries import gebieden
from queries.db import acting_as, make_engine, migrate, resolve_url

DB_DOWN = (
    "De database is op dit moment niet bereikbaar. Probeer het over een minuut opnieuw; "
    "de pagina herstelt zich vanzelf zodra de database terug is."
)


@st.cache_resource(show_spinner=False)
def get_engine() -> Engine:
    """The engine for this server process (migrations applied once at start)."""
    engine = make_engine(resolve_url(get_settings()))
    migrate(engine)
    return engine


def run_query(fn: Callable[..., Any], *args: Any) -> Any:
    """Run ``fn(conn, *args)`` in a read transaction; on a lost database show :data:`DB_DOWN` and stop the page."""
    try:
        with get_engine().connect() as conn:
            return fn(conn, *args)
    except OperationalError:
        st.error(DB_DOWN, icon="⚠️")
        st.stop()


@st.cache_data(ttl=600, show_spinner=False)
def geografie() -> gebieden.Geografie | None:
    """Which geography is loaded (changes only with a new load)."""
    return run_query(gebieden.get_geografie)


def run_write(fn: Callable[..., Any], *args: Any) -> Any:
    """Run ``fn(conn, *args)`` in one write transaction attributed to the signed-in user (audit log)."""
    from dashboard.auth import current_user

    try:
        with acting_as(get_engine(), current_user().naam) as conn:
            return fn(conn, *args)
    except OperationalError:
        st.error(DB_DOWN, icon="⚠️")
        st.stop()

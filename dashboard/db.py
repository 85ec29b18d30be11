"""The dashboard's database access: one cached engine, every transaction under the signed-in user's layer role.

Every transaction of :func:`run_query` and :func:`run_write` runs on the LOGIN role of the user's layer
(``hkd_app_publiek``, ``hkd_app_beheer``, ``hkd_aanbieder_<code>``; one small pool each, see :func:`engine_for`)
and names the user, so that the database (grants and row-level security), not only the page, decides what the
user may read or write, and injected SQL has no other role to switch to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st
from psycopg import errors as pg_errors
from sqlalchemy import Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from core.settings import get_settings
from queries import publiek
from queries.db import make_engine
from queries.lagen import LOGIN_PUBLIEK, as_layer, login_rol

DB_DOWN = (
    "De database is op dit moment niet bereikbaar. Probeer het over een minuut opnieuw; "
    "de pagina herstelt zich vanzelf zodra de database terug is."
)
NO_ACCESS = (
    "Uw rol heeft geen toegang tot deze gegevens. Log in met een account dat er recht op heeft "
    "(de database weigert het verzoek)."
)


@st.cache_resource(show_spinner=False)
def get_engine() -> Engine:
    """The engine of the app's URL (``hkd run`` passes it; see ``Settings.app_database_url``).

    On the layer logins this is the public login ``hkd_app_publiek``. The dashboard never starts a server and
    never migrates: ``hkd run`` / ``hkd db migrate`` do that first."""
    return make_engine(get_settings().app_database_url)


@st.cache_resource(show_spinner=False, max_entries=64)
def _login_engine(login: str) -> Engine:
    """A small pool for one LOGIN role (created lazily: most server processes only ever need the public one)."""
    url = make_url(get_settings().app_database_url).set(username=login, password=None)
    return make_engine(url.render_as_string(hide_password=False), pool_size=2, max_overflow=3)


def engine_for(rol: str, aanbieder_code: str | None) -> Engine:
    """The engine a transaction of this user runs on.

    When the app's URL is the public layer login, every layer has its own LOGIN role and pool (a public connection
    has nothing to switch to); with any other URL (an administrator's, as in older set-ups) one engine switches
    with ``SET LOCAL ROLE``."""
    if make_url(get_settings().app_database_url).username != LOGIN_PUBLIEK:
        return get_engine()
    login = login_rol(rol, aanbieder_code)
    return get_engine() if login == LOGIN_PUBLIEK else _login_engine(login)


def _run(fn: Callable[..., Any], args: tuple) -> Any:
    from dashboard.inzage import merk_pagina
    from dashboard.toegang.auth import current_user

    merk_pagina()

    user = current_user()
    try:
        with as_layer(engine_for(user.rol, user.aanbieder_code), user.rol, user.naam, user.aanbieder_code) as conn:
            return fn(conn, *args)
    except OperationalError:
        st.error(DB_DOWN, icon="⚠️")
        st.stop()
    except Exception as exc:  # pandas wraps driver errors in its own DatabaseError: look down the chain
        if _refused(exc):
            st.warning(NO_ACCESS, icon=":material/lock:")
            st.stop()
        raise


def _refused(exc: BaseException | None) -> bool:
    """Whether the database refused for lack of privilege (anywhere in the exception chain)."""
    while exc is not None:
        if isinstance(exc, pg_errors.InsufficientPrivilege) or (
            isinstance(exc, DBAPIError) and isinstance(exc.orig, pg_errors.InsufficientPrivilege)
        ):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def run_query(fn: Callable[..., Any], *args: Any) -> Any:
    """Run ``fn(conn, *args)`` in one transaction under the user's layer role.

    The transaction commits, so that the log of address-level views (``hkd.inzage_log``) written by the query
    stays; a lost database shows :data:`DB_DOWN`, a refusal by the database a Dutch notice; both stop the page.
    """
    return _run(fn, args)


def run_write(fn: Callable[..., Any], *args: Any) -> Any:
    """Run ``fn(conn, *args)`` in one write transaction under the user's layer role, attributed to the user."""
    return _run(fn, args)


SERVER = "hkd-kaart-server"
"""The name the server writes under when it acts for itself (login events), not for the person signed in."""


def run_server_write(fn: Callable[..., Any], *args: Any) -> Any:
    """Run ``fn(conn, *args)`` as the server itself, on the HKD layer's login (issue 23).

    For what no layer the person is in may write: login events. The public login writes nothing, so a login
    event (also a failed one, before anyone is signed in) is written from here, never from the public pool."""
    try:
        with as_layer(engine_for("hkd", None), "hkd", SERVER) as conn:
            return fn(conn, *args)
    except OperationalError:
        st.error(DB_DOWN, icon="⚠️")
        st.stop()


@st.cache_data(ttl=600, show_spinner=False)
def _cached(_fn: Callable[..., Any], key: str, rol: str, aanbieder: str | None, args: tuple) -> Any:
    return _run(_fn, args)


@st.cache_data(ttl=60, show_spinner=False)
def _cached_short(_fn: Callable[..., Any], key: str, rol: str, aanbieder: str | None, args: tuple) -> Any:
    return _run(_fn, args)


def run_cached(fn: Callable[..., Any], *args: Any, ttl: str = "lang") -> Any:
    """:func:`run_query` with a cache keyed on the user's role and provider, so that no cached result ever crosses
    from one layer to another. ``ttl="lang"`` keeps results 10 minutes (areas, indicators, public counts),
    ``ttl="kort"`` one minute (decisions: other app servers see a new decision within a minute; the server that
    wrote it clears its cache at once). Never use it for queries that write the inzage log."""
    from dashboard.inzage import merk_pagina
    from dashboard.toegang.auth import current_user

    merk_pagina()  # every page reads through here or _run: where a page change is noticed for the inzage log
    user = current_user()
    cached = _cached if ttl == "lang" else _cached_short
    return cached(fn, f"{fn.__module__}.{fn.__qualname__}", user.rol, user.aanbieder_code, tuple(args))


def demo_geladen() -> bool:
    """Whether the demo's figures are loaded (public view, every role; cached per role)."""
    return run_cached(publiek.demo_geladen)


def geografie() -> publiek.Geografie | None:
    """Which geography is loaded (from the public view, so every role can read it; cached per role)."""
    return run_cached(publiek.geografie)

"""The pages' database access: every transaction under the signed-in user's layer role (:mod:`dashboard.verbinding`).

Three ways in, with different meanings: :func:`run_query` reads (a read-only transaction: the database refuses a
write), :func:`run_write` writes what the person just did (attributed to them), :func:`run_cached` reads through a
cache keyed on the user's layer. Each notes the page for the inzage log (:func:`dashboard.inzage.merk_pagina`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from dashboard.inzage import merk_pagina
from dashboard.toegang.auth import current_user
from dashboard.verbinding import DB_DOWN, NO_ACCESS, db_fout, engine_for, run_as, run_server_write
from queries import publiek

__all__ = ["DB_DOWN", "NO_ACCESS", "db_fout", "engine_for", "run_cached", "run_query", "run_server_write",
           "run_write", "demo_geladen", "geografie"]


def run_query(fn: Callable[..., Any], *args: Any) -> Any:
    """Run ``fn(conn, *args)`` in one read-only transaction under the user's layer role.

    A query that tries to write is refused by the database (the inzage log is written by
    :func:`dashboard.inzage.vastleggen`, where the person looks). A lost database shows :data:`DB_DOWN`, a refusal
    a Dutch notice; both stop the page."""
    merk_pagina()
    return run_as(current_user(), fn, args, lezen=True)


def run_write(fn: Callable[..., Any], *args: Any) -> Any:
    """Run ``fn(conn, *args)`` in one write transaction under the user's layer role, attributed to the user."""
    merk_pagina()
    return run_as(current_user(), fn, args)


@st.cache_data(ttl=600, show_spinner=False)
def _cached(_fn: Callable[..., Any], key: str, rol: str, aanbieder: str | None, args: tuple) -> Any:
    return run_as(current_user(), _fn, args, lezen=True)


@st.cache_data(ttl=60, show_spinner=False)
def _cached_short(_fn: Callable[..., Any], key: str, rol: str, aanbieder: str | None, args: tuple) -> Any:
    return run_as(current_user(), _fn, args, lezen=True)


def run_cached(fn: Callable[..., Any], *args: Any, ttl: str = "lang") -> Any:
    """:func:`run_query` with a cache keyed on the user's role and provider, so that no cached result ever crosses
    from one layer to another. ``ttl="lang"`` keeps results 10 minutes (areas, indicators, public counts),
    ``ttl="kort"`` one minute (decisions: other app servers see a new decision within a minute; the server that
    wrote it clears its cache at once)."""
    merk_pagina()  # every page reads through here or run_query: where a page change is noticed for the inzage log
    user = current_user()
    cached = _cached if ttl == "lang" else _cached_short
    return cached(fn, f"{fn.__module__}.{fn.__qualname__}", user.rol, user.aanbieder_code, tuple(args))


def demo_geladen() -> bool:
    """Whether the demo's figures are loaded (public view, every role; cached per role)."""
    return run_cached(publiek.demo_geladen)


def geografie() -> publiek.Geografie | None:
    """Which geography is loaded (from the public view, so every role can read it; cached per role)."""
    return run_cached(publiek.geografie)

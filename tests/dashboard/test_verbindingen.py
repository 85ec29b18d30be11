"""Connections held by the app against the login roles' limits (``rol_grenzen``: 10 for the sessions login, 20 for
the HKD layer's): the sessions login keeps none open, and an engine that leaves Streamlit's cache closes its pool.
CI once saw a page stop because the sessions login had hit its limit across two test workers (issue 27's stop)."""

from __future__ import annotations

import streamlit as st
from sqlalchemy import text

from dashboard.toegang.auth import User


def _verbindingen(engine, database: str) -> dict[str, int]:
    with engine.connect() as conn:
        rijen = conn.execute(text(
            "SELECT usename, count(*) FROM pg_stat_activity WHERE datname = :d AND usename LIKE 'hkd\\_app\\_%' "
            "GROUP BY usename"), {"d": database}).all()
    return {naam: int(n) for naam, n in rijen}


def test_a_signed_in_page_leaves_no_session_connection_and_a_cleared_cache_closes_the_pools(app_rw, fresh_demo):
    # a private database: the run's shared demo also serves the browser tests' app servers, whose pools stay open
    database = fresh_demo.url.database
    at = app_rw("overleg", User("t.tester", "hkd"))
    assert not at.exception and not at.error, [m.value for m in at.error]
    open_ = _verbindingen(fresh_demo, database)
    assert open_.get("hkd_app_beheer", 0) >= 1, open_  # the page read through the HKD layer's pool
    assert open_.get("hkd_app_sessies", 0) == 0, open_  # the session was opened on a connection closed at once
    st.cache_resource.clear()
    assert _verbindingen(fresh_demo, database) == {}

"""A page reads in a read-only transaction and writes in an attributed one (dashboard.verbinding, dashboard.db)."""

from __future__ import annotations

import pytest
import streamlit as st
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from dashboard import verbinding
from dashboard.toegang.auth import User
from queries.inzage import log_inzage

HKD = User("t.tester", "hkd")


@pytest.fixture
def app_url(fresh_demo, monkeypatch):
    """The app's connections on a private clone of the demo, as the layer logins (the public login's URL)."""
    monkeypatch.setenv("DATABASE_URL", fresh_demo.hkd_app_url)
    monkeypatch.delenv("HKD_APP_DATABASE_URL", raising=False)
    st.cache_resource.clear()
    yield fresh_demo
    st.cache_resource.clear()


def _inzage_regels(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM hkd.inzage_log WHERE gebruiker = 't.tester'")).scalar_one()


def test_a_read_that_writes_is_refused_and_leaves_nothing(app_url):
    with pytest.raises(DBAPIError, match="read-only transaction"):
        verbinding.run_as(HKD, log_inzage, ("escalatieladder", "poging in een lezende transactie", {}), lezen=True)
    assert _inzage_regels(app_url) == 0


def test_a_write_is_attributed_to_the_person_passed_in(app_url):
    # positive control: the same write in a write transaction lands, named after the user handed in
    verbinding.run_as(HKD, log_inzage, ("escalatieladder", "locatie HKD-001 bekeken", {}))
    assert _inzage_regels(app_url) == 1
    gelezen = verbinding.run_as(HKD, lambda conn: conn.execute(text("SELECT count(*) FROM hkd.locaties")).scalar_one(),
                                (), lezen=True)
    assert gelezen == 78

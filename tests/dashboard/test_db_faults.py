"""When the database goes away mid-session the page says so in Dutch, without a stack trace, and recovers."""

from __future__ import annotations

import shutil
import uuid
from dataclasses import replace

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from core.domain import INVENTARISATIE_DATUM
from core.settings import get_settings
from dashboard.db import DB_DOWN
from dashboard.toegang.auth import User
from data.demo import load_demo
from ops import localdb
from ops.serve import free_port
from queries.db import make_engine, migrate


@pytest.fixture
def own_server(project_root):
    """A private cluster this test may stop and start (the shared test cluster must stay up)."""
    settings = replace(get_settings(), state_dir=project_root / ".hkd", local_port=free_port(), local_dbname="hkd")
    server = localdb.server_for(settings, name=f"fault-pg-{uuid.uuid4().hex[:6]}")
    localdb.start(server)
    engine = make_engine(server.url())
    migrate(engine)
    load_demo(engine, get_settings())
    engine.dispose()
    yield server
    localdb.stop(server)
    shutil.rmtree(server.root, ignore_errors=True)


def test_page_reports_a_lost_database_and_recovers(own_server, monkeypatch, project_root):
    monkeypatch.setenv("DATABASE_URL", own_server.url())
    st.cache_resource.clear()
    st.cache_data.clear()
    at = AppTest.from_file(str(project_root / "dashboard" / "app.py"), default_timeout=60)
    at.session_state["hkd_user"] = User("t.tester", "hkd")  # decisions are served to the HKD role only
    at.run()
    at.switch_page("pages/escalatieladder.py").run()
    assert not at.exception and [m.value for m in at.metric][:2] == ["41", "31"]

    localdb.stop(own_server)
    at.date_input[0].set_value(INVENTARISATIE_DATUM).run()  # a new question, so no cache can answer it
    assert not at.exception, "no stack trace for the user"
    assert any(DB_DOWN in e.value for e in at.error)

    localdb.start(own_server)
    at.run()
    assert not at.exception and not at.error
    assert [m.value for m in at.metric][:4] == ["41", "30", "6", "1"]
    st.cache_resource.clear()
    st.cache_data.clear()

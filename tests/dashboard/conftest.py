"""AppTest fixtures: the real app against the demo database."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

APP = "dashboard/app.py"


@pytest.fixture
def app(demo_app_url, monkeypatch, project_root):
    """Return a function that opens a page of the real app, connected to the shared demo database as the app's
    LOGIN roles (``hkd_app_publiek``, ``hkd_app_beheer``, ``hkd_aanbieder_<code>``), never as an administrator."""
    monkeypatch.setenv("DATABASE_URL", demo_app_url)
    monkeypatch.delenv("HKD_APP_DATABASE_URL", raising=False)
    monkeypatch.chdir(project_root)
    st.cache_resource.clear()
    st.cache_data.clear()

    def open_page(page: str, **session) -> AppTest:
        at = AppTest.from_file(str(project_root / APP), default_timeout=60)
        for key, value in session.items():
            at.session_state[key] = value
        at.run()
        if page != "openbare_kaart":
            at.switch_page(f"pages/{page}.py").run()
        return at

    yield open_page
    st.cache_resource.clear()
    st.cache_data.clear()

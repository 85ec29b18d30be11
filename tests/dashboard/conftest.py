"""AppTest fixtures: the real app against the demo database, connected as the app's LOGIN roles (``hkd_app_publiek``,
``hkd_app_beheer``, ``hkd_aanbieder_<code>``), never as an administrator."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import streamlit as st
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from dashboard.toegang.auth import SESSION_KEY, User
from dashboard.verbinding import DB_DOWN

APP = "dashboard/app.py"
OpenPage = Callable[..., AppTest]


def _opener(url: str, monkeypatch, project_root) -> OpenPage:
    """A function that opens ``pages/<page>.py`` of the real app on ``url``, signed in as ``user`` if given."""
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("HKD_APP_DATABASE_URL", raising=False)
    monkeypatch.chdir(project_root)
    st.cache_resource.clear()
    st.cache_data.clear()

    def open_page(page: str, user: User | None = None, **session) -> AppTest:
        at = AppTest.from_file(str(project_root / APP), default_timeout=120)
        for key, value in session.items():
            at.session_state[key] = value
        if user is not None:
            at.session_state[SESSION_KEY] = user
        at.run()
        if page != "openbare_kaart":
            at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, at.exception
        # a page that stopped because the database was away says so here, not as a missing element further on
        assert not [m for m in at.error if m.value == DB_DOWN], f"{page}: the database was away"
        return at

    return open_page


@pytest.fixture
def app(demo_app_url, monkeypatch, project_root):
    """Open a page of the real app on the shared, read-only demo database."""
    yield _opener(demo_app_url, monkeypatch, project_root)
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def app_rw(fresh_demo, monkeypatch, project_root):
    """Like ``app``, on a private writable clone of the demo: pages that record something, tests that count rows."""
    yield _opener(fresh_demo.hkd_app_url, monkeypatch, project_root)
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def uitgestelde(monkeypatch):
    """The callables behind download buttons whose file is made on the click (``{file name: callable}``)."""
    gevangen: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def capture(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        gevangen[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", capture)
    return gevangen

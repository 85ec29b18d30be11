"""Login events: written only from the server side (HKD's login), only the fixed events, with the database's own
layer role; the public login cannot write them at all (issue 23)."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text

from tests.security.conftest import _connect


def _events(engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT gebruiker, db_rol, gegevens->>'gebeurtenis' FROM hkd.audit_log WHERE tabel = 'aanmelding' "
            "ORDER BY id"))]


def test_only_the_server_side_writes_login_events_and_only_the_fixed_ones(fresh_demo):
    publiek = _connect(fresh_demo.hkd_url, "hkd_app_publiek")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        publiek.execute("SELECT publiek.meld_aanmelding('x', 'mislukt')")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        publiek.execute("INSERT INTO hkd.audit_log (gebruiker, actie, tabel) VALUES ('x', 'x', 'x')")
    beheer = _connect(fresh_demo.hkd_url, "hkd_app_beheer")
    with pytest.raises(psycopg.errors.InvalidParameterValue):
        beheer.execute("SELECT publiek.meld_aanmelding('x', 'DELETE')")
    beheer.execute("SELECT publiek.meld_aanmelding(repeat('x', 1000), 'mislukt')")  # positive control: allowed
    assert _events(fresh_demo) == [("x" * 64, "hkd_app_beheer", "mislukt")]

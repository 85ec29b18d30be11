"""Login events: the public login role can write only the fixed events, with the database's own layer role."""

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


def test_the_public_login_can_only_write_the_fixed_events(fresh_demo):
    conn = _connect(fresh_demo.hkd_url, "hkd_app_publiek")
    with pytest.raises(psycopg.errors.InvalidParameterValue):
        conn.execute("SELECT publiek.meld_aanmelding('x', 'DELETE')")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("INSERT INTO hkd.audit_log (gebruiker, actie, tabel) VALUES ('x', 'x', 'x')")
    conn.execute("SELECT publiek.meld_aanmelding(repeat('x', 1000), 'mislukt')")  # positive control: allowed
    assert _events(fresh_demo) == [("x" * 64, "hkd_app_publiek", "mislukt")]

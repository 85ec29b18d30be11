"""OIDC sessions in the database (migration 350), attacked with free SQL as each layer login.

The app asks ``hkd.sessie_gezien`` on every request whether a session may continue and calls
``hkd.sessie_beeindigen`` on logout; nobody may read the table, un-end a session or keep it alive with a made-up
time. Every refusal has a positive control beside it."""

from __future__ import annotations

import hashlib

import psycopg
import pytest

SLEUTEL = hashlib.sha256(b"sessie-a").hexdigest()
ANDERE = hashlib.sha256(b"sessie-b").hexdigest()


def _gezien(conn: psycopg.Connection, sleutel: str, minuten: int = 60, uren: str = "2 hours") -> str | None:
    return conn.execute("SELECT hkd.sessie_gezien(%s, %s, now() + %s::interval)", (sleutel, minuten, uren)
                        ).fetchone()[0]


def test_a_session_continues_until_logout_and_stays_ended(fresh_sql_as):
    beheer, admin = fresh_sql_as("beheer"), fresh_sql_as("admin")
    assert _gezien(beheer, SLEUTEL) is None  # positive control: a new session may continue
    assert _gezien(beheer, SLEUTEL) is None
    beheer.execute("SELECT hkd.sessie_beeindigen(%s, now() + interval '2 hours')", (SLEUTEL,))
    assert _gezien(beheer, SLEUTEL) == "uitgelogd"
    # attempts to revive it: other idle minutes, a later end, a second logout, the same key again much later
    assert _gezien(beheer, SLEUTEL, minuten=1440, uren="6 days") == "uitgelogd"
    beheer.execute("SELECT hkd.sessie_beeindigen(%s, now() + interval '2 hours')", (SLEUTEL,))
    admin.execute("UPDATE hkd.sessies SET laatst_gezien = now() - interval '3 days' WHERE sleutel = %s", (SLEUTEL,))
    assert _gezien(beheer, SLEUTEL) == "uitgelogd"
    row = admin.execute("SELECT laag, reden FROM hkd.sessies WHERE sleutel = %s", (SLEUTEL,)).fetchone()
    assert row == ("hkd_app_beheer", "uitgelogd")  # the database records who asked


def test_a_cookie_ended_before_it_was_ever_seen_cannot_start(fresh_sql_as):
    alfa = fresh_sql_as("alfa")
    alfa.execute("SELECT hkd.sessie_beeindigen(%s, now() + interval '1 hour')", (ANDERE,))
    assert _gezien(alfa, ANDERE) == "uitgelogd"


def test_idle_and_absolute_expiry_by_the_databases_clock(fresh_sql_as):
    beheer, admin = fresh_sql_as("beheer"), fresh_sql_as("admin")
    assert _gezien(beheer, SLEUTEL, minuten=30) is None
    admin.execute("UPDATE hkd.sessies SET laatst_gezien = now() - interval '29 minutes' WHERE sleutel = %s",
                  (SLEUTEL,))
    assert _gezien(beheer, SLEUTEL, minuten=30) is None  # positive control: within the idle time
    admin.execute("UPDATE hkd.sessies SET laatst_gezien = now() - interval '31 minutes' WHERE sleutel = %s",
                  (SLEUTEL,))
    # the idle minutes of the first call hold: a caller asking with 1440 does not keep it alive
    assert _gezien(beheer, SLEUTEL, minuten=1440) == "inactief"
    assert _gezien(beheer, ANDERE) is None
    admin.execute("UPDATE hkd.sessies SET verloopt_op = now() - interval '1 second' WHERE sleutel = %s", (ANDERE,))
    assert _gezien(beheer, ANDERE, uren="5 days") == "verlopen"
    # an end in the past is refused at once; an end far away is capped at 7 days
    assert _gezien(beheer, hashlib.sha256(b"oud").hexdigest(), uren="-1 minute") == "verlopen"
    ver = hashlib.sha256(b"ver").hexdigest()
    assert _gezien(beheer, ver, uren="100 years") is None
    assert admin.execute("SELECT verloopt_op <= now() + interval '7 days' FROM hkd.sessies WHERE sleutel = %s",
                         (ver,)).fetchone()[0]


@pytest.mark.parametrize("wie", ["publiek", "alfa", "beheer"])
def test_no_login_reads_or_changes_the_table(fresh_sql_as, wie):
    conn, admin = fresh_sql_as(wie), fresh_sql_as("admin")
    admin.execute("SELECT hkd.sessie_beeindigen(%s, now() + interval '1 hour')", (SLEUTEL,))
    pogingen = [
        ("SELECT * FROM hkd.sessies", ()),
        ("SELECT count(*) FROM hkd.sessies", ()),
        ("UPDATE hkd.sessies SET beeindigd_op = NULL, reden = NULL WHERE sleutel = %s", (SLEUTEL,)),
        ("DELETE FROM hkd.sessies WHERE sleutel = %s", (SLEUTEL,)),
        ("INSERT INTO hkd.sessies (sleutel, laag, inactief_na, verloopt_op) VALUES "
         "(%s, 'x', '1 hour', now() + interval '1 day')", (ANDERE,)),
        ("TRUNCATE hkd.sessies", ()),
        ("EXPLAIN SELECT * FROM hkd.sessies WHERE laag = 'hkd_beheer'", ()),
        ("ALTER TABLE hkd.sessies DISABLE TRIGGER ALL", ()),
    ]
    # the public login is read-only by default (migration 301): a write may be refused for that before the grants
    geweigerd = (psycopg.errors.InsufficientPrivilege, psycopg.errors.ReadOnlySqlTransaction)
    for sql, params in pogingen:
        with pytest.raises(geweigerd):
            conn.execute(sql, params)
    assert admin.execute("SELECT reden FROM hkd.sessies WHERE sleutel = %s", (SLEUTEL,)).fetchone() == ("uitgelogd",)


def test_the_public_login_cannot_use_the_session_functions(sql_as):
    publiek = sql_as("publiek")
    for sql in ("SELECT hkd.sessie_gezien(%s, 60, now() + interval '1 hour')",
                "SELECT hkd.sessie_beeindigen(%s, now() + interval '1 hour')"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            publiek.execute(sql, (SLEUTEL,))


def test_a_malformed_key_is_refused(fresh_sql_as):
    beheer = fresh_sql_as("beheer")
    with pytest.raises(psycopg.errors.CheckViolation):
        _gezien(beheer, "'; DROP TABLE hkd.sessies; --")

"""The ruimtelijke-procedure flag of an initiative, attacked with free SQL as each LOGIN role: only HKD changes it,
and only by appending a dated, reasoned row to hkd.initiatief_ruimtelijk (migration 191)."""

from __future__ import annotations

import psycopg
import pytest

ATTACKS = [
    "INSERT INTO hkd.initiatief_ruimtelijk (initiatief_id, ruimtelijke_procedure, datum, reden) "
    "VALUES (%(i)s, NOT (SELECT ruimtelijke_procedure FROM hkd.initiatieven WHERE id = %(i)s), current_date, 'x')",
    "INSERT INTO hkd.initiatief_ruimtelijk (initiatief_id, ruimtelijke_procedure, datum, reden) "
    "VALUES (%(i)s, true, current_date, 'x')",
    "UPDATE hkd.initiatieven SET ruimtelijke_procedure = NOT ruimtelijke_procedure WHERE id = %(i)s",
    "UPDATE hkd.initiatief_ruimtelijk SET reden = 'x'",
    "DELETE FROM hkd.initiatief_ruimtelijk",
]


def _alfa_open_initiatief(admin: psycopg.Connection) -> tuple[int, bool]:
    """The demo's open initiative of provider alfa (Flexwonen Maashaven, at draagkrachtscan)."""
    return admin.execute(
        "SELECT i.id, i.ruimtelijke_procedure FROM hkd.initiatieven i JOIN hkd.aanbieders a ON a.id = i.aanbieder_id "
        "JOIN hkd.initiatief_stand s ON s.initiatief_id = i.id WHERE a.code = 'alfa' AND s.stap = 'draagkrachtscan' "
        "ORDER BY i.id LIMIT 1").fetchone()


@pytest.mark.parametrize("who", ["alfa", "publiek"])
@pytest.mark.parametrize("attack", ATTACKS)
def test_a_provider_or_the_public_cannot_change_the_flag(fresh_sql_as, who, attack):
    admin = fresh_sql_as("admin")
    ini, voor = _alfa_open_initiatief(admin)
    conn = fresh_sql_as(who)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(attack, {"i": ini})
    assert admin.execute("SELECT ruimtelijke_procedure FROM hkd.initiatieven WHERE id = %s", (ini,)).fetchone()[0] \
        is voor
    assert admin.execute("SELECT count(*) FROM hkd.initiatief_ruimtelijk").fetchone()[0] == 0


def test_alfa_reads_its_own_flag_history_only_and_hkd_login_may_append(fresh_sql_as):
    admin = fresh_sql_as("admin")
    ini, voor = _alfa_open_initiatief(admin)
    # positive control: the HKD login appends with the same statement the provider was refused, and it takes effect
    beheer = fresh_sql_as("beheer")
    beheer.execute(ATTACKS[0], {"i": ini})
    assert admin.execute("SELECT ruimtelijke_procedure FROM hkd.initiatieven WHERE id = %s", (ini,)).fetchone()[0] \
        is (not voor)
    door = admin.execute("SELECT vastgelegd_door FROM hkd.initiatief_ruimtelijk").fetchone()[0]
    assert door == "hkd_app_beheer"  # no name given: the login itself, never a value the caller chose
    alfa = fresh_sql_as("alfa")
    assert alfa.execute("SELECT count(*) FROM hkd.initiatief_ruimtelijk WHERE initiatief_id = %s",
                        (ini,)).fetchone()[0] == 1
    # another provider's change stays out of sight (echo's Opvang Noord, just submitted with the flag set)
    echo = admin.execute("SELECT i.id FROM hkd.initiatieven i JOIN hkd.aanbieders a ON a.id = i.aanbieder_id "
                         "WHERE a.code = 'echo'").fetchone()[0]
    beheer.execute(ATTACKS[0], {"i": echo})
    assert admin.execute("SELECT count(*) FROM hkd.initiatief_ruimtelijk").fetchone()[0] == 2
    assert alfa.execute("SELECT count(*) FROM hkd.initiatief_ruimtelijk").fetchone()[0] == 1
    # even HKD's login changes the value only through the history
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        beheer.execute("UPDATE hkd.initiatieven SET ruimtelijke_procedure = %s WHERE id = %s", (voor, ini))

"""Attacks on the app's LOGIN roles with free SQL: role escapes, settings tampering, temporary objects, TRUNCATE.

Every detector has a positive control: the same attack by an administrator's connection (the set-up before issue
10, where the app logged in as the superuser) succeeds, so the detector can fire.
"""

from __future__ import annotations

import psycopg
import pytest

from tests.security.conftest import LOGINS

ESCAPES = [
    "RESET ROLE",
    "SET ROLE hkd_beheer",
    "SET ROLE hkd_eigenaar",
    "SET ROLE postgres",
    "SET ROLE hkd_aanbieder_bravo",
    "SET SESSION AUTHORIZATION postgres",
    "SET SESSION AUTHORIZATION hkd_app_beheer",
    "SELECT set_config('role', 'hkd_beheer', false)",
    "SELECT set_config('role', 'hkd_eigenaar', false)",
    "SELECT set_config('session_authorization', 'postgres', false)",
    "RESET SESSION AUTHORIZATION",
    "SET LOCAL ROLE hkd_beheer",
]

# What each login may not read, and a detail only a higher layer sees.
FORBIDDEN = {
    "publiek": "SELECT count(*) FROM hkd.locaties",
    "alfa": "SELECT count(*) FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id WHERE a.code = 'bravo'",
}


def _leaks(conn: psycopg.Connection, who: str) -> bool:
    """Whether this connection now reads what its layer must not."""
    try:
        if who in ("publiek", "sessies"):
            return conn.execute("SELECT count(*) FROM hkd.locaties").fetchone()[0] > 0
        if who == "alfa":
            return conn.execute(FORBIDDEN["alfa"]).fetchone()[0] > 0
        # HKD may read everything but never write the disclosure rule or the inzage log directly.
        conn.execute("BEGIN")
        try:
            conn.execute("UPDATE hkd.openbaarmaking SET min_voorzieningen = min_voorzieningen")
            return True
        finally:
            conn.execute("ROLLBACK")
    except psycopg.errors.InsufficientPrivilege:
        return False


@pytest.mark.parametrize("who", list(LOGINS))
@pytest.mark.parametrize("attack", ESCAPES)
def test_a_login_role_cannot_escape_its_layer(sql_as, who, attack):
    conn = sql_as(who)
    assert not _leaks(conn, who)
    try:
        if attack.startswith("SET LOCAL"):
            conn.execute("BEGIN")
        conn.execute(attack)
    except psycopg.Error:
        conn.execute("ROLLBACK") if conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE else None
    assert not _leaks(conn, who), f"{who} escaped with {attack!r}"


@pytest.mark.parametrize("who", ["publiek", "alfa"])
def test_positive_control_the_escape_works_for_an_administrator_connection(sql_as, who):
    """The old set-up: a superuser login switched to a layer; RESET ROLE gave everything back."""
    conn = sql_as("admin")
    conn.execute("SET ROLE " + ("hkd_publiek" if who == "publiek" else "hkd_aanbieder_alfa"))
    assert not _leaks(conn, who)
    conn.execute("RESET ROLE")
    assert _leaks(conn, who)


@pytest.mark.parametrize("who", list(LOGINS))
def test_login_roles_own_nothing_and_hold_no_power(sql_as, who):
    conn = sql_as(who)
    row = conn.execute(
        "SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolreplication FROM pg_roles "
        "WHERE rolname = current_user"
    ).fetchone()
    assert row == (False, False, False, False, False)
    owned = conn.execute(
        "SELECT count(*) FROM pg_class WHERE relowner = current_user::regrole "
        "UNION ALL SELECT count(*) FROM pg_proc WHERE proowner = current_user::regrole "
        "UNION ALL SELECT count(*) FROM pg_namespace WHERE nspowner = current_user::regrole"
    ).fetchall()
    assert [r[0] for r in owned] == [0, 0, 0]
    member_of = [r[0] for r in conn.execute(
        "SELECT b.rolname FROM pg_auth_members m JOIN pg_roles b ON b.oid = m.roleid "
        "WHERE m.member = current_user::regrole"
    )]
    assert member_of == {"publiek": ["hkd_publiek"], "alfa": ["hkd_aanbieder"], "beheer": ["hkd_beheer"],
                         "sessies": []}[who]


def test_every_object_is_owned_by_the_owner_role_not_a_superuser(sql_as):
    conn = sql_as("admin")
    others = conn.execute(
        "SELECT c.oid::regclass::text, pg_get_userbyid(c.relowner) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('hkd', 'publiek') "
        "AND c.relkind IN ('r', 'v', 'm', 'S', 'p') AND pg_get_userbyid(c.relowner) <> 'hkd_eigenaar' "
        "UNION ALL SELECT p.oid::regprocedure::text, pg_get_userbyid(p.proowner) FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('hkd', 'publiek') "
        "AND pg_get_userbyid(p.proowner) <> 'hkd_eigenaar'"
    ).fetchall()
    assert others == []
    owner = conn.execute("SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = 'hkd_eigenaar'")
    assert owner.fetchone() == (False, False, False)


@pytest.mark.parametrize("who", list(LOGINS))
@pytest.mark.parametrize(
    "attack",
    ["CREATE TEMP TABLE x (a int)", "CREATE FUNCTION pg_temp.f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
     "CREATE TABLE public.x (a int)", "CREATE TABLE hkd.x (a int)", "CREATE SCHEMA x"],
)
def test_no_login_role_can_create_objects_to_stage_an_attack(sql_as, who, attack):
    conn = sql_as(who)
    # the public login's read-only default is a setting an attacker switches off first: the grants are the line
    conn.execute("SET default_transaction_read_only = off")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(attack)


def test_positive_control_an_administrator_can_create_a_temporary_table(sql_as):
    sql_as("admin").execute("CREATE TEMP TABLE x (a int)")


# Settings tampering: the provider is the role, not the setting ----------------------------------------------
def test_a_provider_cannot_become_another_by_changing_the_setting(sql_as):
    conn = sql_as("alfa")
    eigen = conn.execute("SELECT hkd.eigen_aanbieder_id(), count(*) FROM hkd.locaties").fetchone()
    assert eigen[1] > 0
    for attack in ("SELECT set_config('hkd.aanbieder', 'bravo', false)", "SET hkd.aanbieder = 'bravo'",
                   "SET hkd.aanbieder = ''"):
        conn.execute(attack)
        # positive control: the setting did change, the answer did not
        assert conn.execute("SELECT current_setting('hkd.aanbieder')").fetchone()[0] in ("bravo", "")
        assert conn.execute("SELECT hkd.eigen_aanbieder_id(), count(*) FROM hkd.locaties").fetchone() == eigen
        assert conn.execute(FORBIDDEN["alfa"]).fetchone()[0] == 0


def test_the_inzage_log_names_the_provider_the_database_knows(fresh_sql_as):
    conn = fresh_sql_as("alfa")
    conn.execute("SELECT set_config('hkd.aanbieder', 'bravo', false)")
    conn.execute("SELECT set_config('role', 'hkd_aanbieder', false)")  # allowed: its own group, which is no provider
    conn.execute("RESET ROLE")
    conn.execute("SELECT hkd.log_inzage('test', 'aanval')")
    row = fresh_sql_as("admin").execute("SELECT db_rol, aanbieder FROM hkd.inzage_log ORDER BY id DESC").fetchone()
    assert row == ("hkd_aanbieder_alfa", "alfa")


def test_the_group_role_of_providers_sees_no_provider_detail(sql_as):
    conn = sql_as("alfa")
    conn.execute("SET ROLE hkd_aanbieder")
    assert conn.execute("SELECT hkd.eigen_aanbieder_id(), count(*) FROM hkd.locaties").fetchone() == (None, 0)


# Append-only ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("who", ["beheer", "owner", "admin"])
def test_the_audit_log_refuses_truncate_even_by_its_owner(fresh_sql_as, who):
    conn = fresh_sql_as("admin" if who in ("owner", "admin") else who)
    if who == "owner":
        conn.execute("SET ROLE hkd_eigenaar")
    before = fresh_sql_as("admin").execute("SELECT count(*) FROM hkd.audit_log").fetchone()[0]
    assert before > 0
    with pytest.raises(psycopg.Error):
        conn.execute("TRUNCATE hkd.audit_log")
    assert fresh_sql_as("admin").execute("SELECT count(*) FROM hkd.audit_log").fetchone()[0] == before


def test_positive_control_truncate_works_on_a_table_without_the_trigger(fresh_sql_as):
    conn = fresh_sql_as("admin")
    conn.execute("SET ROLE hkd_eigenaar")
    conn.execute("TRUNCATE hkd.openbaarmaking")
    assert conn.execute("SELECT count(*) FROM hkd.openbaarmaking").fetchone()[0] == 0

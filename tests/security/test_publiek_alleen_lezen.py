"""The public login can only read, briefly (issue 23): no writing function, limits per login role, bounded heavy
functions; with positive controls (what the attack did before, what HKD may still do)."""

from __future__ import annotations

import time

import psycopg
import pytest

EVENTS = "SELECT count(*) FROM hkd.audit_log WHERE tabel = 'aanmelding'"


def _schrijvende_definer_functies(conn: psycopg.Connection) -> list[str]:
    """VOLATILE SECURITY DEFINER functions this login can call by name (only a volatile function can write;
    trigger functions cannot be called)."""
    return [r[0] for r in conn.execute(
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE p.prosecdef AND p.provolatile = 'v' AND p.prorettype <> 'trigger'::regtype "
        "AND has_function_privilege(p.oid, 'EXECUTE') AND has_schema_privilege(n.oid, 'USAGE')")]


def test_no_writing_security_definer_function_is_executable_by_the_public_login(sql_as):
    assert _schrijvende_definer_functies(sql_as("publiek")) == []
    # positive control: the detector sees HKD's own (login events are written by the server through HKD's pool)
    assert "publiek.meld_aanmelding(text,text)" in _schrijvende_definer_functies(sql_as("beheer"))


def test_forged_login_events_are_refused_for_the_public_and_providers(fresh_sql_as):
    admin = fresh_sql_as("admin")
    voor = admin.execute(EVENTS).fetchone()[0]
    for who in ("publiek", "alfa"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            fresh_sql_as(who).execute("SELECT publiek.meld_aanmelding('hkd', 'geblokkeerd')")
    assert admin.execute(EVENTS).fetchone()[0] == voor
    # positive control: the server side (HKD's login) writes them
    fresh_sql_as("beheer").execute("SELECT publiek.meld_aanmelding('hkd', 'ingelogd')")
    assert admin.execute(EVENTS).fetchone()[0] == voor + 1


def test_the_public_login_writes_nothing_in_any_table_or_sequence(sql_as):
    conn = sql_as("publiek")
    schrijf = conn.execute(
        "SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND c.relkind IN ('r', 'p', 'v', 'm', 'S') "
        "AND (has_table_privilege(c.oid, 'INSERT') OR has_table_privilege(c.oid, 'UPDATE') "
        "  OR has_table_privilege(c.oid, 'DELETE') OR has_table_privilege(c.oid, 'TRUNCATE') "
        "  OR (c.relkind = 'S' AND has_sequence_privilege(c.oid, 'USAGE')))").fetchall()
    assert schrijf == []
    assert conn.execute("SHOW default_transaction_read_only").fetchone()[0] == "on"


@pytest.mark.parametrize(("who", "timeout", "idle", "limiet"), [
    ("publiek", "30s", "30s", 40), ("alfa", "1min", "1min", 10), ("beheer", "5min", "1min", 20),
    ("sessies", "5s", "10s", 10)])
def test_every_login_role_has_a_statement_timeout_idle_timeout_and_connection_limit(sql_as, who, timeout, idle,
                                                                                     limiet):
    conn = sql_as(who)
    assert conn.execute("SHOW statement_timeout").fetchone()[0] == timeout
    assert conn.execute("SHOW idle_in_transaction_session_timeout").fetchone()[0] == idle
    assert conn.execute("SELECT rolconnlimit FROM pg_roles WHERE rolname = session_user").fetchone()[0] == limiet


def test_a_statement_of_the_public_login_is_ended_by_its_timeout(sql_as):
    conn = sql_as("publiek")
    conn.execute("SET statement_timeout = '1s'")  # the role's 30 s, shortened to keep the test quick
    begin = time.monotonic()
    with pytest.raises(psycopg.errors.QueryCanceled):
        conn.execute("SELECT count(*) FROM generate_series(1, 10000000000)")
    assert time.monotonic() - begin < 10


HEAVY = [
    "SELECT count(*) FROM publiek.raster_100m('buurt', 'inwoners', 2018, true)",
    "SELECT count(*) FROM publiek.raster_dominante_corporatie('buurt', 2018)",
    "SELECT count(*) FROM publiek.interpoleer('buurt', 'pc4', 'inwoners', 2018, true)",
]


@pytest.mark.parametrize("call", HEAVY)
def test_heavy_public_functions_refuse_to_run_without_a_timeout(sql_as, call):
    conn = sql_as("publiek")
    conn.execute("SET statement_timeout = 0")  # what an attacker would do first
    with pytest.raises(psycopg.errors.QueryCanceled, match="tijdslimiet"):
        conn.execute(call)
    # positive control: with the role's timeout in force the same call answers
    conn.execute("RESET statement_timeout")
    assert conn.execute(call).fetchone()[0] > 0


@pytest.mark.parametrize("call", [
    "SELECT count(*) FROM publiek.raster_100m('gemeente', 'inwoners', 2018, true)",
    "SELECT count(*) FROM publiek.raster_100m(repeat('x', 10000), 'inwoners', 2018, true)",
    "SELECT count(*) FROM publiek.raster_100m('buurt', 'inwoners', 99999, true)",
    "SELECT count(*) FROM publiek.raster_100m('buurt', 'inwoners', 2018, true, -1)",
    "SELECT count(*) FROM publiek.raster_100m('buurt', 'inwoners', 2018, true, 'NaN')",
    "SELECT count(*) FROM publiek.raster_100m('buurt', 'inwoners', 2018, true, 0)",  # under the small-numbers rule
    "SELECT count(*) FROM publiek.raster_100m('buurt', 'inwoners', 2018, true, 9.99)",
    "SELECT count(*) FROM publiek.raster_dominante_corporatie('gemeente', 2018)",
    "SELECT count(*) FROM publiek.interpoleer('buurt', 'gemeente', 'inwoners', 2018, true)",
    "SELECT count(*) FROM publiek.interpoleer('buurt', 'pc4', repeat('x', 100), 2018, true)",
])
def test_heavy_public_functions_refuse_arguments_outside_their_bounds_at_once(sql_as, call):
    conn = sql_as("publiek")
    begin = time.monotonic()
    with pytest.raises(psycopg.errors.InvalidParameterValue):
        conn.execute(call)
    assert time.monotonic() - begin < 2


@pytest.mark.parametrize("wie", ["publiek", "alfa", "beheer"])
def test_no_login_gets_a_square_under_the_small_numbers_threshold(sql_as, wie):
    """Veerkracht footnote 6: fewer than 10 is never shown. No login can lower the threshold of the grid."""
    conn = sql_as(wie)
    for minimum in (0, 1, 9.999999):
        with pytest.raises(psycopg.errors.InvalidParameterValue):
            conn.execute("SELECT count(*) FROM publiek.raster_100m('buurt', 'inwoners', 2018, true, %s)", (minimum,))
    klein = conn.execute("SELECT count(*) FROM publiek.raster_100m('buurt', 'inwoners', 2018, true) "
                         "WHERE waarde < 10").fetchone()[0]
    assert klein == 0
    # positive control: the grid has such squares; only the owner's unbounded function shows them
    admin = sql_as("admin")
    assert admin.execute("SELECT count(*) FROM hkd.raster_100m_onbegrensd('buurt', 'inwoners', 2018, true, 0) "
                         "WHERE waarde < 10").fetchone()[0] > 0


def test_the_public_login_sees_no_relation_of_schema_hkd_through_privilege_functions(sql_as):
    conn = sql_as("publiek")
    zichtbaar = conn.execute(
        "SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'hkd' AND c.relkind IN ('r', 'p', 'v', 'm') "
        "AND (has_table_privilege(c.oid, 'SELECT') OR has_any_column_privilege(c.oid, 'SELECT'))").fetchall()
    assert zichtbaar == []
    assert conn.execute("SELECT has_schema_privilege('hkd', 'USAGE')").fetchone()[0] is False
    # positive control: a provider reads its tables there
    assert sql_as("alfa").execute("SELECT has_table_privilege('hkd.meldingen', 'SELECT')").fetchone()[0] is True


TELLERS = [
    "SELECT reltuples FROM pg_class WHERE relname = 'meldingen'",
    "SELECT relpages FROM pg_class WHERE relname = 'vergadering_besluiten'",
    "SELECT * FROM pg_class WHERE relname = 'meldingen'",
    "SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = 'meldingen'",
    "SELECT n_tup_ins FROM pg_stat_all_tables WHERE relname = 'vergadering_besluiten'",
    "SELECT pg_stat_get_live_tuples((SELECT oid FROM pg_class WHERE relname = 'meldingen'))",
    "SELECT pg_stat_get_tuples_inserted((SELECT oid FROM pg_class WHERE relname = 'meldingen'))",
    "SELECT pg_relation_size((SELECT oid FROM pg_class WHERE relname = 'meldingen'))",
    "SELECT pg_total_relation_size((SELECT oid FROM pg_class WHERE relname = 'initiatieven'))",
    "SELECT tup_inserted FROM pg_stat_database WHERE datname = current_database()",
]


@pytest.mark.parametrize("who", ["publiek", "alfa"])
@pytest.mark.parametrize("attack", TELLERS)
def test_row_counts_of_tables_are_not_the_layers_business(sql_as, who, attack):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        sql_as(who).execute(attack)


def test_positive_control_the_catalog_still_answers_what_clients_need_and_admins_see_the_counts(fresh_sql_as):
    admin = fresh_sql_as("admin")
    admin.execute("ANALYZE hkd.meldingen")
    assert admin.execute("SELECT reltuples FROM pg_class WHERE relname = 'meldingen'").fetchone()[0] > 1000
    publiek = fresh_sql_as("publiek")
    assert publiek.execute("SELECT relkind FROM pg_class WHERE relname = 'meldingen'").fetchone()[0] == "r"
    assert publiek.execute("SELECT count(*) FROM geometry_columns").fetchone()[0] >= 0
    assert publiek.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'publiek'").fetchone()[0] >= 0

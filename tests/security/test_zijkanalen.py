"""Side channels: statistics and extent functions, planner estimates and catalog views, as each LOGIN role.

The allow-list (``functies_allowlist.txt``) names every function outside ``pg_catalog``/``information_schema``
that a layer login may execute; a function that becomes executable without being added there fails the test
(regenerate deliberately with ``HKD_ALLOWLIST_SCHRIJVEN=1``, reviewing the diff).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from tests.security.conftest import LOGINS

ALLOWLIST = Path(__file__).with_name("functies_allowlist.txt")

STAT_FUNCTIONS = [
    "SELECT ST_EstimatedExtent('hkd', 'locaties', 'geom')",
    "SELECT ST_EstimatedExtent('hkd', 'locaties', 'geom', true)",
    "SELECT ST_EstimatedExtent('locaties', 'geom')",
    "SELECT _postgis_stats('hkd.locaties'::regclass, 'geom')",
    "SELECT _postgis_stats((SELECT oid FROM pg_class WHERE relname = 'locaties'), 'geom', '2')",
    "SELECT _postgis_index_extent((SELECT oid FROM pg_class WHERE relname = 'locaties'), 'geom')",
    "SELECT _postgis_selectivity((SELECT oid FROM pg_class WHERE relname = 'locaties'), 'geom', "
    "ST_MakeEnvelope(90000, 430000, 95000, 440000, 28992))",
    "SELECT _postgis_join_selectivity('hkd.locaties'::regclass, 'geom', 'hkd.gebieden'::regclass, 'geom')",
    "SELECT ST_FindExtent('hkd', 'locaties', 'geom')",
]


@pytest.mark.parametrize("who", ["publiek", "alfa"])
@pytest.mark.parametrize("attack", STAT_FUNCTIONS)
def test_statistics_and_extent_functions_are_refused(sql_as, who, attack):
    with pytest.raises((psycopg.errors.InsufficientPrivilege, psycopg.errors.UndefinedTable,
                        psycopg.errors.InvalidSchemaName)):
        sql_as(who).execute(attack)


def test_positive_control_the_extent_is_a_facility_coordinate_for_an_administrator(fresh_sql_as):
    conn = fresh_sql_as("admin")
    conn.execute("ALTER TABLE hkd.locaties ALTER COLUMN geom SET STATISTICS 100")
    conn.execute("ANALYZE hkd.locaties")
    box = conn.execute("SELECT ST_EstimatedExtent('hkd', 'locaties', 'geom')::text").fetchone()[0]
    assert box and box.startswith("BOX(")
    index_box = conn.execute("SELECT _postgis_index_extent('hkd.locaties'::regclass, 'geom')::text").fetchone()[0]
    assert index_box is None or index_box.startswith("BOX(")


def _estimate(conn: psycopg.Connection, straat: str) -> int:
    plan = conn.execute("EXPLAIN SELECT * FROM hkd.locaties WHERE straat = %s", (straat,)).fetchall()
    return int(re.search(r"rows=(\d+)", plan[0][0]).group(1))


@pytest.mark.parametrize("who", ["alfa", "beheer"])
def test_planner_estimates_say_nothing_of_other_providers_streets(sql_as, who):
    conn = sql_as(who)
    # Proefstraat holds 10 demo facilities (one of bravo's, none of alfa's); the estimate equals a street that
    # does not exist, even for HKD (whose policy filters nothing): no statistics of the column are kept.
    assert _estimate(conn, "Proefstraat") == _estimate(conn, "Nergensstraat-xyz")
    for column in ("naam", "straat", "postcode", "geom"):
        rows = conn.execute("SELECT count(*) FROM pg_stats WHERE tablename = 'locaties' AND attname = %s",
                            (column,)).fetchone()[0]
        assert rows == 0


def test_positive_control_with_statistics_the_planner_tells(fresh_sql_as):
    admin = fresh_sql_as("admin")
    admin.execute("ALTER TABLE hkd.locaties ALTER COLUMN straat SET STATISTICS 100")
    admin.execute("ANALYZE hkd.locaties")
    conn = fresh_sql_as("beheer")
    assert _estimate(conn, "Proefstraat") > _estimate(conn, "Nergensstraat-xyz")


STATS_VIEWS = ("pg_stats", "pg_stats_ext", "pg_stats_ext_exprs")


@pytest.mark.parametrize("who", ["publiek", "alfa"])
def test_catalog_statistics_views_show_nothing_of_hidden_tables(fresh_sql_as, who):
    # Statistics exist wherever they can before looking (not only where autovacuum happened to analyse a table
    # another test wrote to): the check no longer depends on timing, on a private clone.
    admin = fresh_sql_as("admin")
    admin.execute("ANALYZE")
    hidden = {r[0] for r in admin.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'hkd' AND c.relkind IN ('r', 'p', 'm') "
        "AND (c.relrowsecurity OR NOT has_any_column_privilege(%s, c.oid, 'SELECT'))", (LOGINS[who],))}
    assert "locaties" in hidden and "meldingen" in hidden
    # positive control: the administrator sees statistics of hidden tables, so a leak would show
    assert admin.execute("SELECT count(*) FROM pg_stats WHERE schemaname = 'hkd' AND tablename = ANY(%s)",
                         (sorted(hidden),)).fetchone()[0] > 0
    conn = fresh_sql_as(who)
    for view in STATS_VIEWS:
        seen = {r[0] for r in conn.execute(sql.SQL("SELECT DISTINCT tablename FROM {} WHERE schemaname = 'hkd'").format(
            sql.Identifier("pg_catalog", view)))}
        assert seen & hidden == set(), view
        if who == "publiek":
            assert seen == set(), view


def test_publiek_cannot_read_any_base_table_or_function_of_schema_hkd(sql_as):
    conn = sql_as("publiek")
    tables = conn.execute(
        "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'hkd' AND c.relkind IN ('r', 'v', 'm', 'p')").fetchall()
    assert tables
    for schema, naam in tables:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(sql.SQL("SELECT 1 FROM {} LIMIT 1").format(sql.Identifier(schema, naam)))


def _executable(conn: psycopg.Connection) -> set[str]:
    return {r[0] for r in conn.execute(
        "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "AND has_function_privilege(p.oid, 'EXECUTE')")}


def _read_allowlist() -> dict[str, set[str]]:
    allowed: dict[str, set[str]] = {w: set() for w in LOGINS}
    for line in ALLOWLIST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            who, sig = line.split(" ", 1)
            for w in (LOGINS if who == "alle" else [who]):
                allowed[w].add(sig)
    return allowed


def test_every_function_a_layer_login_can_execute_is_on_the_allowlist(sql_as):
    found = {w: _executable(sql_as(w)) for w in LOGINS}
    if os.environ.get("HKD_ALLOWLIST_SCHRIJVEN"):
        common = set.intersection(*found.values())
        lines = ["# Functions (outside pg_catalog) each layer LOGIN role may execute; see test_zijkanalen.py."]
        lines += [f"alle {s}" for s in sorted(common)]
        lines += [f"{w} {s}" for w in LOGINS for s in sorted(found[w] - common)]
        ALLOWLIST.write_text("\n".join(lines) + "\n", encoding="utf-8")
    allowed = _read_allowlist()
    for w in LOGINS:
        assert found[w] - allowed[w] == set(), f"new functions executable by {w}"
    # positive control: the detector sees a revoked side channel if it came back
    assert "st_estimatedextent(text,text,text)" not in found["publiek"]
    assert "st_asgeojson(geometry,integer,integer)" in found["publiek"]


def test_positive_control_the_allowlist_catches_a_new_function(fresh_sql_as):
    admin = fresh_sql_as("admin")
    admin.execute("CREATE FUNCTION public.hkd_nieuw_lek() RETURNS int LANGUAGE sql AS 'SELECT 1'")
    found = _executable(fresh_sql_as("publiek"))
    assert "hkd_nieuw_lek()" in found - _read_allowlist()["publiek"]


@pytest.mark.parametrize("who", list(LOGINS))
@pytest.mark.parametrize("fn", ["pg_read_file(text)", "pg_ls_dir(text)", "pg_stat_file(text)", "lo_import(text)",
                                "pg_read_binary_file(text)", "pg_reload_conf()"])
def test_server_file_and_admin_functions_are_not_executable(sql_as, who, fn):
    assert sql_as(who).execute("SELECT has_function_privilege(%s, 'EXECUTE')", (fn,)).fetchone()[0] is False

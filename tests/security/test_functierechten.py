"""Who may execute the product's own functions (schemas hkd and publiek): declared once, held from the catalogue.

No function there is executable by PUBLIC, and each LOGIN role executes exactly the functions
``functies_allowlist.txt`` names for it (a function left open, or a grant that disappeared, fails). Trigger
functions need no EXECUTE grant for the triggering user, so no login can call one directly.
"""

from __future__ import annotations

import secrets

import psycopg
import pytest

from tests.security.conftest import LOGINS
from tests.security.test_zijkanalen import _read_allowlist

PRODUCT = ("hkd", "publiek")

OPEN_TO_PUBLIC = """
SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = ANY(%s)
  AND (p.proacl IS NULL  -- no ACL at all means the default: EXECUTE for PUBLIC
       OR EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE'))
ORDER BY 1
"""

EXECUTABLE_BY = """
SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = ANY(%s) AND has_function_privilege(%s, p.oid, 'EXECUTE')
"""

TRIGGER_FUNCTIONS = """
SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = ANY(%s) AND p.prorettype = 'trigger'::regtype ORDER BY 1
"""


def _rows(conn: psycopg.Connection, query: str, *args) -> list[str]:
    return [r[0] for r in conn.execute(query, args).fetchall()]


def test_no_product_function_is_executable_by_public(sql_as):
    admin = sql_as("admin")
    assert _rows(admin, TRIGGER_FUNCTIONS, list(PRODUCT)), "the catalogue query sees the product's functions"
    assert _rows(admin, OPEN_TO_PUBLIC, list(PRODUCT)) == []


@pytest.mark.parametrize("who", list(LOGINS))
def test_each_login_executes_exactly_the_declared_product_functions(sql_as, who):
    found = set(_rows(sql_as("admin"), EXECUTABLE_BY, list(PRODUCT), LOGINS[who]))
    declared = {s for s in _read_allowlist()[who] if s.startswith(tuple(f"{n}." for n in PRODUCT))}
    assert sorted(found - declared) == [], f"executable by {who} but not declared"
    assert sorted(declared - found) == [], f"declared for {who} but not executable"


def test_no_trigger_function_is_declared_for_a_login(sql_as):
    triggers = set(_rows(sql_as("admin"), TRIGGER_FUNCTIONS, list(PRODUCT)))
    for who in LOGINS:
        assert triggers & _read_allowlist()[who] == set(), who


def test_a_new_function_of_the_owner_starts_closed_and_is_caught(fresh_sql_as):
    admin = fresh_sql_as("admin")
    admin.execute("SET ROLE hkd_eigenaar")
    admin.execute("CREATE FUNCTION hkd.nieuw_lek() RETURNS int LANGUAGE sql AS 'SELECT 1'")
    admin.execute("CREATE FUNCTION publiek.nieuw_open() RETURNS int LANGUAGE sql AS 'SELECT 1'")
    admin.execute("GRANT EXECUTE ON FUNCTION publiek.nieuw_open() TO PUBLIC")  # as a careless hand would
    admin.execute("RESET ROLE")
    assert _rows(admin, OPEN_TO_PUBLIC, list(PRODUCT)) == ["publiek.nieuw_open()"]
    for who in LOGINS:
        assert "hkd.nieuw_lek()" not in _rows(admin, EXECUTABLE_BY, list(PRODUCT), LOGINS[who])
        assert "publiek.nieuw_open()" in _rows(admin, EXECUTABLE_BY, list(PRODUCT), LOGINS[who])


@pytest.mark.parametrize("who", list(LOGINS))
def test_no_login_can_call_a_trigger_function_directly(sql_as, who):
    conn = sql_as(who)
    triggers = _rows(sql_as("admin"), TRIGGER_FUNCTIONS, list(PRODUCT))
    for fn in triggers:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f"SELECT {fn}")  # a regprocedure text of the catalogue, never user input


# Security-definer functions called by a layer they are not for, with another layer's arguments.
ANDERMANS = [
    ("publiek", "SELECT hkd.zet_gebruiker('hkd')"),
    ("publiek", "SELECT hkd.audit_laden('locaties', '{}'::jsonb)"),
    ("publiek", "SELECT hkd.log_inzage('scan', 'adres bekeken', '{}'::jsonb)"),
    ("publiek", "SELECT hkd.eigen_aanbieder_id()"),
    ("publiek", "SELECT hkd.sessie_beeindigen('andermans-sleutel', now())"),
    ("publiek", "SELECT publiek.meld_aanmelding('hkd', 'ingelogd')"),
    ("alfa", "SELECT publiek.meld_aanmelding('hkd', 'geblokkeerd')"),
    ("alfa", "SELECT hkd.voorstel_beoordelen(1, true, 'goedgekeurd door alfa zelf', current_date)"),
    ("alfa", "SELECT * FROM hkd.raster_100m_onbegrensd('buurt', 'inwoners', 2018, true, 0)"),
    ("alfa", "SELECT * FROM hkd.raster_dominante_corporatie_onbegrensd('buurt', 2018)"),
    ("beheer", "SELECT * FROM hkd.interpoleer_onbegrensd('buurt', 'pc4', 'inwoners', 2018, true)"),
    ("beheer", "SELECT hkd.sessie_openen('a.jansen', 'hkd_aanbieder_alfa', 60, now() + interval '1 hour')"),
    ("sessies", "SELECT hkd.zet_gebruiker('geheim')"),
    ("sessies", "SELECT hkd.current_gebruiker()"),
    ("sessies", "SELECT hkd.laag_rol()"),
    ("sessies", "SELECT publiek.meld_aanmelding('hkd', 'ingelogd')"),
]


@pytest.mark.parametrize(("who", "attack"), ANDERMANS)
def test_security_definer_functions_refuse_another_layers_call(sql_as, who, attack):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        sql_as(who).execute(attack)


def test_positive_control_the_same_calls_work_for_the_layer_they_are_for(sql_as):
    beheer = sql_as("beheer")
    beheer.execute("SET ROLE hkd_beheer")
    assert beheer.execute("SELECT hkd.eigen_aanbieder_id()").fetchone()[0] is None
    alfa = sql_as("alfa")
    assert alfa.execute("SELECT hkd.eigen_aanbieder_id()").fetchone()[0] is not None
    assert alfa.execute("SELECT hkd.laag_rol()").fetchone()[0] == LOGINS["alfa"]


def test_a_layer_cannot_end_or_continue_another_layers_session(fresh_sql_as):
    sleutel = secrets.token_hex(32)
    gezien = "SELECT coalesce(hkd.sessie_gezien(%s, 60, now() + interval '1 hour'), 'loopt')"
    beheer, alfa = fresh_sql_as("beheer"), fresh_sql_as("alfa")
    assert beheer.execute(gezien, (sleutel,)).fetchone()[0] == "loopt"
    alfa.execute("SELECT hkd.sessie_beeindigen(%s, now())", (sleutel,))  # as if alfa had learnt the cookie
    assert alfa.execute(gezien, (sleutel,)).fetchone()[0] == "verlopen"
    assert beheer.execute(gezien, (sleutel,)).fetchone()[0] == "loopt"
    # positive control: the session's own layer ends it
    beheer.execute("SELECT hkd.sessie_beeindigen(%s, now())", (sleutel,))
    assert beheer.execute(gezien, (sleutel,)).fetchone()[0] == "uitgelogd"

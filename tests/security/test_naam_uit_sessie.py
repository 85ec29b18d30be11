"""A provider's login with free SQL can act only as a person whose session secret it holds (migration 580).

``hkd.zet_gebruiker`` takes the secret of a named session the server opened (``hkd.sessie_openen``, on the server's
own login ``hkd_app_sessies`` only, migration 595) and binds that session's person, if the session is live, not idle
longer than its idle minutes and of the caller's own layer. A name, a made-up secret, another layer's secret, an
expired, ended or idle session: refused, and nothing is written in the name asked for.
"""

from __future__ import annotations

import hashlib
import secrets

import psycopg
import pytest

from tests.security.conftest import LOGINS, naamsessie

ALFA = "hkd_aanbieder_alfa"
ALFA_LOC = ("SELECT l.id FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id WHERE a.code = 'alfa' "
            "ORDER BY l.id LIMIT 1")
MELDING = ("INSERT INTO hkd.meldingen (locatie_id, ontvangen_op, bron, categorie, omschrijving) "
           "VALUES (%s, now() - interval '1 hour', 'omwonende', 'geluid', 'Test') RETURNING id")


def _schrijf_als(alfa: psycopg.Connection, geheim: str) -> tuple[str, str]:
    """Name the transaction with ``geheim`` and record a melding; (vastgelegd_door, audit name) of it."""
    loc = alfa.execute(ALFA_LOC).fetchone()[0]
    with alfa.transaction():
        alfa.execute("SELECT hkd.zet_gebruiker(%s)", (geheim,))
        mid = alfa.execute(MELDING, (loc,)).fetchone()[0]
        return alfa.execute("SELECT vastgelegd_door, hkd.current_gebruiker() FROM hkd.meldingen WHERE id = %s",
                            (mid,)).fetchone()


def _geweigerd(alfa: psycopg.Connection, geheim: str) -> None:
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="geen lopende sessie"):
        _schrijf_als(alfa, geheim)


def test_positive_control_the_own_live_session_names_its_person(fresh_sql_as):
    geheim = naamsessie(fresh_sql_as("sessies"), "a.jansen", ALFA)
    assert _schrijf_als(fresh_sql_as("alfa"), geheim) == ("a.jansen", "a.jansen")


@pytest.mark.parametrize("naam", ["hkd", "t.tester", "a.jansen"])
def test_a_provider_cannot_name_a_person_by_name(fresh_sql_as, naam):
    naamsessie(fresh_sql_as("sessies"), naam, ALFA)  # even when that person has a live session in this layer
    _geweigerd(fresh_sql_as("alfa"), naam)


def test_a_made_up_secret_names_no_one(fresh_sql_as):
    _geweigerd(fresh_sql_as("alfa"), secrets.token_hex(32))


def test_an_oidc_check_row_the_provider_made_itself_names_no_one(fresh_sql_as):
    """``hkd.sessie_gezien`` (open to the provider) records an unknown key: such a row carries no person."""
    alfa, geheim = fresh_sql_as("alfa"), secrets.token_hex(32)
    sleutel = hashlib.sha256(geheim.encode()).hexdigest()
    assert alfa.execute("SELECT hkd.sessie_gezien(%s, 60, now() + interval '1 hour')", (sleutel,)).fetchone()[0] is None
    _geweigerd(alfa, geheim)


def test_another_layers_secret_is_refused(fresh_sql_as):
    admin, beheer, alfa = fresh_sql_as("admin"), fresh_sql_as("beheer"), fresh_sql_as("alfa")
    sessies = fresh_sql_as("sessies")
    ander = admin.execute("SELECT code FROM hkd.aanbieders WHERE code <> 'alfa' ORDER BY code LIMIT 1").fetchone()[0]
    _geweigerd(alfa, naamsessie(sessies, "t.tester", "hkd_beheer"))
    _geweigerd(alfa, naamsessie(sessies, "b.collega", f"hkd_aanbieder_{ander}"))
    # and the HKD layer cannot use a provider's
    provider = naamsessie(sessies, "a.jansen", ALFA)
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="geen lopende sessie"), beheer.transaction():
        beheer.execute("SET LOCAL ROLE hkd_beheer")
        beheer.execute("SELECT hkd.zet_gebruiker(%s)", (provider,))


def test_an_expired_or_ended_session_is_refused(fresh_sql_as):
    admin, sessies, alfa = fresh_sql_as("admin"), fresh_sql_as("sessies"), fresh_sql_as("alfa")
    verlopen, uitgelogd = naamsessie(sessies, "a.jansen", ALFA), naamsessie(sessies, "a.jansen", ALFA)
    admin.execute("UPDATE hkd.sessies SET verloopt_op = now() - interval '1 minute' WHERE sleutel = %s",
                  (hashlib.sha256(verlopen.encode()).hexdigest(),))  # its end has passed
    alfa.execute("SELECT hkd.sessie_beeindigen(%s, now())", (hashlib.sha256(uitgelogd.encode()).hexdigest(),))
    _geweigerd(alfa, verlopen)
    _geweigerd(alfa, uitgelogd)


def _sleutel(geheim: str) -> str:
    return hashlib.sha256(geheim.encode()).hexdigest()


def test_an_idle_session_is_refused_and_a_use_keeps_it_alive(fresh_sql_as):
    """The idle minutes passed at the opening (60 here, the app's HKD_SESSIE_MINUTEN) are held by the database."""
    admin, alfa = fresh_sql_as("admin"), fresh_sql_as("alfa")
    geheim = naamsessie(fresh_sql_as("sessies"), "a.jansen", ALFA)
    terug = "UPDATE hkd.sessies SET laatst_gezien = now() - %s::interval WHERE sleutel = %s"
    admin.execute(terug, ("59 minutes", _sleutel(geheim)))  # nearly idle: still live
    assert _schrijf_als(alfa, geheim) == ("a.jansen", "a.jansen")
    gezien = admin.execute("SELECT now() - laatst_gezien FROM hkd.sessies WHERE sleutel = %s",
                           (_sleutel(geheim),)).fetchone()[0]
    assert gezien.total_seconds() < 10 * 60  # the use moved its last activity to now
    admin.execute(terug, ("61 minutes", _sleutel(geheim)))  # idle longer than its 60 minutes
    _geweigerd(alfa, geheim)


@pytest.mark.parametrize("who", ["alfa", "publiek", "beheer"])
def test_no_layer_login_opens_a_named_session(fresh_sql_as, who):
    """Free SQL on any layer's login, on a connection of its own (naming nobody), cannot open a session for anyone:
    hkd.sessie_openen belongs to the server's sessions login (migration 595)."""
    with pytest.raises((psycopg.errors.InsufficientPrivilege, psycopg.errors.InvalidSchemaName)):
        fresh_sql_as(who).execute("SELECT hkd.sessie_openen('hkd', %s, 60, now() + interval '1 hour')", (ALFA,))
    with pytest.raises((psycopg.errors.InsufficientPrivilege, psycopg.errors.InvalidSchemaName)):
        fresh_sql_as(who).execute("SELECT hkd.sessie_openen('t.tester', 'hkd_beheer', 60, now() + interval '1 hour')")
    # nothing was opened: the sessions table holds no named session (the demo opens none)
    assert fresh_sql_as("admin").execute("SELECT count(*) FROM hkd.sessies WHERE gebruiker IS NOT NULL").fetchone()[0] == 0


def test_positive_control_the_sessions_login_opens_one(fresh_sql_as):
    naamsessie(fresh_sql_as("sessies"), "a.jansen", ALFA)
    assert fresh_sql_as("admin").execute("SELECT count(*) FROM hkd.sessies WHERE gebruiker = 'a.jansen'").fetchone()[0] == 1


LEZEN = ["SELECT count(*) FROM hkd.sessies", "SELECT count(*) FROM hkd.locaties", "SELECT count(*) FROM hkd.aanbieders",
         "SELECT count(*) FROM hkd.audit_log", "SELECT count(*) FROM hkd.mijn_locaties",
         "SELECT count(*) FROM hkd.transactie_gebruiker", "SELECT count(*) FROM publiek.indicator_waarden"]


@pytest.mark.parametrize("attack", LEZEN)
def test_the_sessions_login_reads_no_table_or_view(sql_as, attack):
    with pytest.raises((psycopg.errors.InsufficientPrivilege, psycopg.errors.InvalidSchemaName)):
        sql_as("sessies").execute(attack)


def test_the_sessions_login_can_select_nothing_of_the_product(sql_as):
    """Per the catalogue: no relation in any schema of the product (or elsewhere, but PostGIS's public reference
    tables, which every login reads) is readable by the sessions login; the layers are the positive control."""
    lesbaar = """SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%%'
                   AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                   AND has_table_privilege(%s, c.oid, 'SELECT')"""
    admin = sql_as("admin")
    sessies = {r[0] for r in admin.execute(lesbaar, (LOGINS["sessies"],))}
    assert sessies <= {"spatial_ref_sys", "geometry_columns", "geography_columns"}, sessies
    assert any(r[0].startswith("publiek.") for r in admin.execute(lesbaar, (LOGINS["publiek"],)))


def test_the_sessions_login_cannot_name_anyone_with_a_secret_it_opened(sql_as):
    """It holds the secrets it opens, but cannot use one: zet_gebruiker is not its function."""
    sessies = sql_as("sessies")
    geheim = naamsessie(sessies, "t.tester", "hkd_beheer")
    for attack in ("SELECT hkd.zet_gebruiker(%s)", "SELECT hkd.zet_gebruiker_zonder_sessie(%s)",
                   "SELECT hkd.sessie_gezien(%s, 60, now() + interval '1 hour')",
                   "SELECT hkd.sessie_beeindigen(%s, now())", "SELECT hkd.log_inzage('x', %s)",
                   "SELECT publiek.meld_aanmelding(%s, 'ingelogd')"):
        with pytest.raises((psycopg.errors.InsufficientPrivilege, psycopg.errors.InvalidSchemaName)):
            sessies.execute(attack, (geheim,))


@pytest.mark.parametrize("who", ["alfa", "beheer"])
def test_no_layer_may_use_the_administrators_path(sql_as, who):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        sql_as(who).execute("SELECT hkd.zet_gebruiker_zonder_sessie('hkd')")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        sql_as(who).execute("SELECT hkd.gebruiker_binden('hkd')")


def test_the_administrators_path_names_and_the_audit_shows_their_role(fresh_sql_as):
    admin = fresh_sql_as("admin")
    with admin.transaction():
        admin.execute("SELECT hkd.zet_gebruiker_zonder_sessie('cli-gebruiker')")
        admin.execute("INSERT INTO hkd.aanbieders (code, naam) VALUES ('testcli', 'Test CLI')")
    gebruiker, rol = admin.execute("SELECT gebruiker, db_rol FROM hkd.audit_log WHERE tabel = 'aanbieders' "
                                   "ORDER BY id DESC LIMIT 1").fetchone()
    assert gebruiker == "cli-gebruiker" and not rol.startswith(("hkd_aanbieder", "hkd_beheer", "hkd_app"))

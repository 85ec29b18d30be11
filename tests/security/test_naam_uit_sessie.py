"""A provider's login with free SQL can act only as a person whose session secret it holds (migration 580).

``hkd.zet_gebruiker`` takes the secret of a named session the server opened (``hkd.sessie_openen``, HKD layer only)
and binds that session's person, if the session is live and of the caller's own layer. A name, a made-up secret,
another layer's secret, an expired or ended session: refused, and nothing is written in the name asked for.
"""

from __future__ import annotations

import hashlib
import secrets

import psycopg
import pytest

from tests.security.conftest import naamsessie

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
    geheim = naamsessie(fresh_sql_as("beheer"), "a.jansen", ALFA)
    assert _schrijf_als(fresh_sql_as("alfa"), geheim) == ("a.jansen", "a.jansen")


@pytest.mark.parametrize("naam", ["hkd", "t.tester", "a.jansen"])
def test_a_provider_cannot_name_a_person_by_name(fresh_sql_as, naam):
    naamsessie(fresh_sql_as("beheer"), naam, ALFA)  # even when that person has a live session in this layer
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
    ander = admin.execute("SELECT code FROM hkd.aanbieders WHERE code <> 'alfa' ORDER BY code LIMIT 1").fetchone()[0]
    _geweigerd(alfa, naamsessie(beheer, "t.tester", "hkd_beheer"))
    _geweigerd(alfa, naamsessie(beheer, "b.collega", f"hkd_aanbieder_{ander}"))
    # and the HKD layer cannot use a provider's
    provider = naamsessie(beheer, "a.jansen", ALFA)
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="geen lopende sessie"), beheer.transaction():
        beheer.execute("SET LOCAL ROLE hkd_beheer")
        beheer.execute("SELECT hkd.zet_gebruiker(%s)", (provider,))


def test_an_expired_or_ended_session_is_refused(fresh_sql_as):
    admin, beheer, alfa = fresh_sql_as("admin"), fresh_sql_as("beheer"), fresh_sql_as("alfa")
    verlopen, uitgelogd = naamsessie(beheer, "a.jansen", ALFA), naamsessie(beheer, "a.jansen", ALFA)
    admin.execute("UPDATE hkd.sessies SET verloopt_op = now() - interval '1 minute' WHERE sleutel = %s",
                  (hashlib.sha256(verlopen.encode()).hexdigest(),))  # its end has passed
    alfa.execute("SELECT hkd.sessie_beeindigen(%s, now())", (hashlib.sha256(uitgelogd.encode()).hexdigest(),))
    _geweigerd(alfa, verlopen)
    _geweigerd(alfa, uitgelogd)


@pytest.mark.parametrize("who", ["alfa", "publiek"])
def test_only_the_server_opens_a_named_session(sql_as, who):
    with pytest.raises((psycopg.errors.InsufficientPrivilege, psycopg.errors.InvalidSchemaName)):
        sql_as(who).execute("SELECT hkd.sessie_openen('hkd', %s, 60, now() + interval '1 hour')", (ALFA,))


def test_the_server_opens_none_inside_a_persons_transaction(fresh_sql_as):
    """SQL injected into an HKD person's transaction (named first by the app) cannot open a session for another."""
    beheer = fresh_sql_as("beheer")
    geheim = naamsessie(beheer, "t.tester", "hkd_beheer")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="niet binnen de transactie"), beheer.transaction():
        beheer.execute("SET LOCAL ROLE hkd_beheer")  # as queries.lagen.enter_layer does
        beheer.execute("SELECT hkd.zet_gebruiker(%s)", (geheim,))
        beheer.execute("SELECT hkd.sessie_openen('a.jansen', %s, 60, now() + interval '1 hour')", (ALFA,))


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

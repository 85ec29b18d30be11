"""Names SQL cannot change, and owner-proof meldingen and initiatieven (issue 23), as each login with free SQL."""

from __future__ import annotations

from datetime import timedelta

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import text

from core import kalender
from queries import meldingen as q
from queries.lagen import as_layer
from tests.security.conftest import naamsessie

ALFA_LOC = ("SELECT l.id FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id WHERE a.code = 'alfa' "
            "ORDER BY l.id LIMIT 1")
NIEUW = ("INSERT INTO hkd.meldingen (locatie_id, ontvangen_op, bron, categorie, omschrijving) "
         "VALUES (%s, now() - interval '1 hour', 'omwonende', 'geluid', 'Test') RETURNING id")


def _door_en_audit(admin: psycopg.Connection, mid: int) -> tuple[str, str]:
    door = admin.execute("SELECT vastgelegd_door FROM hkd.meldingen WHERE id = %s", (mid,)).fetchone()[0]
    audit = admin.execute("SELECT gebruiker FROM hkd.audit_log WHERE tabel = 'meldingen' AND rij_id = %s "
                          "ORDER BY id DESC LIMIT 1", (str(mid),)).fetchone()[0]
    return door, audit


def test_set_config_inside_a_providers_transaction_no_longer_names_someone_else(fresh_sql_as):
    admin, alfa = fresh_sql_as("admin"), fresh_sql_as("alfa")
    geheim = naamsessie(fresh_sql_as("sessies"), "alfa-user", "hkd_aanbieder_alfa")
    loc = alfa.execute(ALFA_LOC).fetchone()[0]
    alfa.execute("BEGIN")
    alfa.execute("SELECT hkd.zet_gebruiker(%s)", (geheim,))  # what the app does first (queries.lagen.enter_layer)
    alfa.execute("SELECT set_config('hkd.gebruiker', 'mallory', true)")  # the attack of the suite
    mid = alfa.execute(NIEUW, (loc,)).fetchone()[0]
    inzage = alfa.execute("SELECT hkd.log_inzage('test', 'aanval')").fetchone()[0]
    alfa.execute("COMMIT")
    assert _door_en_audit(admin, mid) == ("alfa-user", "alfa-user")
    assert admin.execute("SELECT gebruiker, db_rol FROM hkd.inzage_log WHERE id = %s", (inzage,)).fetchone() == (
        "alfa-user", "hkd_aanbieder_alfa")


def test_a_second_name_in_the_same_transaction_is_refused(fresh_sql_as):
    alfa, sessies = fresh_sql_as("alfa"), fresh_sql_as("sessies")
    eigen = naamsessie(sessies, "alfa-user", "hkd_aanbieder_alfa")
    collega = naamsessie(sessies, "alfa-collega", "hkd_aanbieder_alfa")  # a live session of the same layer
    alfa.execute("BEGIN")
    alfa.execute("SELECT hkd.zet_gebruiker(%s)", (eigen,))
    alfa.execute("SELECT hkd.zet_gebruiker(%s)", (eigen,))  # the same name again is harmless
    alfa.execute("SAVEPOINT s")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="ligt al vast"):
        alfa.execute("SELECT hkd.zet_gebruiker(%s)", (collega,))
    alfa.execute("ROLLBACK TO SAVEPOINT s")  # a savepoint does not undo the binding made before it
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        alfa.execute("SELECT hkd.zet_gebruiker(%s)", (collega,))
    alfa.execute("ROLLBACK")


@pytest.mark.parametrize("attack", [
    "UPDATE hkd.transactie_gebruiker SET gebruiker = 'mallory'",
    "INSERT INTO hkd.transactie_gebruiker VALUES (pg_backend_pid(), pg_current_xact_id(), 'mallory')",
    "DELETE FROM hkd.transactie_gebruiker",
    "SELECT * FROM hkd.transactie_gebruiker",
])
@pytest.mark.parametrize("who", ["alfa", "beheer"])
def test_the_binding_table_is_closed_to_every_layer(sql_as, who, attack):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        sql_as(who).execute(attack)


def test_the_public_login_cannot_bind_a_name(sql_as):
    with pytest.raises((psycopg.errors.InsufficientPrivilege, psycopg.errors.InvalidSchemaName)):
        sql_as("publiek").execute("SELECT hkd.zet_gebruiker('mallory')")


def test_through_the_app_an_injected_set_config_changes_nothing(fresh_demo):
    with as_layer(fresh_demo, "aanbieder", "alfa-user", "alfa") as conn:
        loc = conn.execute(text(ALFA_LOC)).scalar_one()
        conn.execute(text("SELECT set_config('hkd.gebruiker', 'mallory', true)"))
        mid = q.registreer(conn, q.Melding(locatie_id=loc, ontvangen_op=kalender.nu() - timedelta(hours=1),
                                           bron="omwonende", categorie="geluid", omschrijving="Test"))
    with fresh_demo.connect() as conn:
        door = conn.execute(text("SELECT vastgelegd_door FROM hkd.meldingen WHERE id = :i"), {"i": mid}).scalar()
    assert door == "alfa-user"


def test_positive_control_without_the_apps_binding_the_login_names_itself(fresh_sql_as):
    """A transaction the app did not open carries the login role's own name, never the setting."""
    admin, alfa = fresh_sql_as("admin"), fresh_sql_as("alfa")
    loc = alfa.execute(ALFA_LOC).fetchone()[0]
    alfa.execute("BEGIN")
    alfa.execute("SELECT set_config('hkd.gebruiker', 'mallory', true)")
    mid = alfa.execute(NIEUW, (loc,)).fetchone()[0]
    alfa.execute("COMMIT")
    assert _door_en_audit(admin, mid) == ("hkd_aanbieder_alfa", "hkd_aanbieder_alfa")
    assert alfa.execute("SELECT current_setting('hkd.gebruiker', true)").fetchone()[0] in ("", None)


# -- owner-proof meldingen and initiatieven --------------------------------------------------------------------

@pytest.mark.parametrize("attack", [
    "UPDATE hkd.meldingen SET omschrijving = 'herschreven' WHERE id = (SELECT min(id) FROM hkd.meldingen)",
    "UPDATE hkd.meldingen SET locatie_id = locatie_id + 1 WHERE id = (SELECT min(id) FROM hkd.meldingen)",
    "UPDATE hkd.meldingen SET ontvangen_op = ontvangen_op - interval '1 year' "
    "WHERE id = (SELECT min(id) FROM hkd.meldingen)",
    "UPDATE hkd.meldingen SET vastgelegd_door = 'mallory' WHERE id = (SELECT min(id) FROM hkd.meldingen)",
    "DELETE FROM hkd.meldingen WHERE id = (SELECT min(id) FROM hkd.meldingen)",
    "UPDATE hkd.initiatieven SET naam = 'herschreven' WHERE id = (SELECT min(id) FROM hkd.initiatieven)",
    "UPDATE hkd.initiatieven SET aanbieder_id = aanbieder_id + 1 WHERE id = (SELECT min(id) FROM hkd.initiatieven)",
    "UPDATE hkd.initiatieven SET ingediend_door = 'mallory' WHERE id = (SELECT min(id) FROM hkd.initiatieven)",
    "DELETE FROM hkd.initiatieven WHERE id = (SELECT min(id) FROM hkd.initiatieven)",
])
@pytest.mark.parametrize("as_role", ["hkd_eigenaar", None])
def test_the_owner_cannot_change_what_was_reported_or_submitted(fresh_sql_as, attack, as_role):
    admin = fresh_sql_as("admin")
    if as_role:
        admin.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(as_role)))
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="alleen-toevoegen"):
        admin.execute(attack)


def test_positive_control_the_handling_of_a_melding_is_still_recorded(fresh_sql_as):
    admin = fresh_sql_as("admin")
    admin.execute("SET ROLE hkd_eigenaar")
    mid = admin.execute("SELECT min(id) FROM hkd.meldingen WHERE afgehandeld_op IS NULL").fetchone()[0]
    admin.execute("UPDATE hkd.meldingen SET afgehandeld_op = now(), afhandeling = 'afgehandeld', "
                  "melder_tevreden = true WHERE id = %s", (mid,))
    assert admin.execute("SELECT afhandeling FROM hkd.meldingen WHERE id = %s", (mid,)).fetchone()[0] == "afgehandeld"

"""The schema: migrations apply once, constraints reject impossible data, history cannot be rewritten."""

from __future__ import annotations

from datetime import date

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from queries.db import acting_as, migrate
from queries.lagen import LOGIN_BEHEER, LOGIN_PUBLIEK, aanbieder_rol
from tests.conftest import as_login


def test_migrate_twice_applies_nothing_the_second_time(empty_db):
    assert migrate(empty_db) == []
    with empty_db.connect() as conn:
        recorded = conn.execute(text("SELECT versie FROM public.schema_migrations ORDER BY versie")).scalars().all()
    assert recorded and recorded[0].startswith("001_")


def _locatie_params(conn, **overrides):
    aanbieder = conn.execute(text("SELECT id FROM hkd.aanbieders ORDER BY id LIMIT 1")).scalar_one()
    # a point in the middle of the city: the centroid of the first residential PC4
    x, y = conn.execute(
        text("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM hkd.gebieden "
             "WHERE niveau = 'pc4' AND code = '3011') s")
    ).one()
    params = dict(code="TEST-1", naam="Testlocatie", aanbieder_id=aanbieder, woonvorm="beschermd_wonen",
                  doelgroep="GGZ", plaatsen=10, straat="Proefstraat", huisnummer="1", postcode="3011 AB",
                  plaats="Rotterdam", x=x, y=y)
    params.update(overrides)
    return params


INSERT = text(
    "INSERT INTO hkd.locaties (code, naam, aanbieder_id, woonvorm, doelgroep, plaatsen, straat, huisnummer, "
    "postcode, plaats, geom) VALUES (:code, :naam, :aanbieder_id, :woonvorm, :doelgroep, :plaatsen, :straat, "
    ":huisnummer, :postcode, :plaats, ST_SetSRID(ST_MakePoint(:x, :y), 28992)) RETURNING id, pc4, buurt_code"
)


def test_location_areas_are_derived_spatially(fresh_demo):
    with acting_as(fresh_demo, "tester") as conn:
        row = conn.execute(INSERT, _locatie_params(conn)).one()
    assert row.pc4 == "3011"
    assert row.buurt_code.startswith("BU0599")


@pytest.mark.parametrize(
    ("override", "reason"),
    [
        ({"plaatsen": -1}, "negative places"),
        ({"postcode": "301 AB"}, "malformed postcode"),
        ({"postcode": "3011ab"}, "lower-case postcode"),
        ({"woonvorm": "kasteel"}, "unknown woonvorm"),
        ({"x": 155000.0, "y": 463000.0}, "outside the municipality (Utrecht)"),
    ],
)
def test_impossible_locations_are_rejected(fresh_demo, override, reason):
    with pytest.raises((IntegrityError, DBAPIError)):
        with acting_as(fresh_demo, "tester") as conn:
            conn.execute(INSERT, _locatie_params(conn, **override))


def test_unknown_fase_is_rejected(fresh_demo):
    with pytest.raises(IntegrityError):
        with acting_as(fresh_demo, "tester") as conn:
            conn.execute(
                text("INSERT INTO hkd.fase_besluiten (locatie_id, fase, ingangsdatum, reden, vastgelegd_door) "
                     "SELECT min(id), '4', current_date, 'x', 'tester' FROM hkd.locaties")
            )


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE hkd.fase_besluiten SET fase = '0'",
        "DELETE FROM hkd.fase_besluiten",
        "TRUNCATE hkd.fase_besluiten CASCADE",
        "UPDATE hkd.beheer_status SET meldingenregister = true",
        "DELETE FROM hkd.beheer_status",
        "DELETE FROM hkd.audit_log",
    ],
)
def test_history_cannot_be_rewritten(fresh_demo, statement):
    with pytest.raises(DBAPIError, match="alleen-toevoegen"):
        with fresh_demo.begin() as conn:
            conn.execute(text(statement))


def test_every_write_lands_in_the_audit_log_with_the_user(fresh_demo):
    with acting_as(fresh_demo, "j.jansen") as conn:
        new_id = conn.execute(
            text("INSERT INTO hkd.fase_besluiten (locatie_id, fase, ingangsdatum, reden, vastgelegd_door) "
                 "SELECT min(id), '1', :d, 'test', 'j.jansen' FROM hkd.locaties RETURNING id"),
            {"d": date(2026, 1, 1)},
        ).scalar_one()
    with fresh_demo.connect() as conn:
        entry = conn.execute(
            text("SELECT gebruiker, actie, gegevens->>'fase' AS fase FROM hkd.audit_log "
                 "WHERE tabel = 'fase_besluiten' AND rij_id = :id"),
            {"id": str(new_id)},
        ).one()
    assert (entry.gebruiker, entry.actie, entry.fase) == ("j.jansen", "INSERT", "1")


def test_the_audit_log_names_the_layer_role_of_the_write(fresh_demo):
    with acting_as(fresh_demo, "t.tester") as conn:
        conn.execute(text("SET LOCAL ROLE hkd_beheer"))
        new_id = conn.execute(
            text("INSERT INTO hkd.fase_besluiten (locatie_id, fase, ingangsdatum, reden, vastgelegd_door) "
                 "SELECT min(id), '1', current_date, 'test', 't.tester' FROM hkd.locaties RETURNING id")
        ).scalar_one()
    with fresh_demo.connect() as conn:
        rol = conn.execute(
            text("SELECT db_rol FROM hkd.audit_log WHERE tabel = 'fase_besluiten' AND rij_id = :id"), {"id": str(new_id)}
        ).scalar_one()
    assert rol == "hkd_beheer"



@pytest.mark.parametrize("login", [LOGIN_PUBLIEK, LOGIN_BEHEER, aanbieder_rol("alfa")])
def test_the_database_day_is_rotterdams_day_for_the_app_and_every_login(demo_engine, demo_url, login):
    # A commissie meeting held at 00:30 is "today" for the database too, not tomorrow (UTC is an hour behind):
    # the app's engine asks for Rotterdam's time zone, and each login role has it too (psql, the publisher).
    with demo_engine.connect() as conn:
        assert conn.execute(text("SHOW timezone")).scalar_one() == "Europe/Amsterdam"
    u = make_url(as_login(demo_url, login))
    with psycopg.connect(host=u.host, port=u.port, user=u.username, dbname=u.database) as raw:
        assert raw.execute("SHOW timezone").fetchone()[0] == "Europe/Amsterdam"


def test_the_app_plans_without_jit_and_knows_the_rule_table_holds_one_row(demo_engine):
    # At national scale JIT compiled for up to 4 s in one Wijktrends statement, because the planner took the one-row
    # rule table for 800 rows and the indicator view for 235 million: both are what makes a cold page slow.
    with demo_engine.connect() as conn:
        assert conn.execute(text("SHOW jit")).scalar_one() == "off"
        plan = conn.execute(text("EXPLAIN (FORMAT JSON) SELECT * FROM hkd.indicator_openbaarmaking")).scalar_one()
    assert plan[0]["Plan"]["Plan Rows"] == 1

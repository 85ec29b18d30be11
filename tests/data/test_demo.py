"""The demo: true to the convenant's numbers, deterministic, and idempotent."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import text

from core.domain import INVENTARISATIE_DATUM
from core.settings import get_settings
from data.demo import geography_layers, load_demo
from queries.besluiten import fase_counts


def _counts(engine, op):
    with engine.connect() as conn:
        return fase_counts(conn, op)


def test_fase_counts_at_inventory_and_today(demo_engine):
    assert _counts(demo_engine, INVENTARISATIE_DATUM) == {"0": 41, "1": 30, "2": 6, "3a": 1, "3b": 0}
    assert _counts(demo_engine, date(2026, 11, 23)) == {"0": 41, "1": 31, "2": 6, "3a": 0, "3b": 0}


def test_78_locations_of_23_fictitious_providers_all_placed(demo_engine):
    with demo_engine.connect() as conn:
        n_loc, n_prov, unplaced = conn.execute(
            text("SELECT count(*), count(DISTINCT aanbieder_id), count(*) FILTER (WHERE pc4 IS NULL "
                 "OR buurt_code IS NULL OR gebied_code IS NULL) FROM hkd.locaties")
        ).one()
        woonvormen = dict(conn.execute(text("SELECT woonvorm, count(*) FROM hkd.locaties GROUP BY 1")).all())
        # the postcode on the address matches the PC4 area the point lies in
        mismatched = conn.execute(text("SELECT count(*) FROM hkd.locaties WHERE left(postcode, 4) <> pc4")).scalar()
    assert (n_loc, n_prov, unplaced, mismatched) == (78, 23, 0, 0)
    assert set(woonvormen) >= {"beschermd_wonen", "opvang", "doorstroom", "flexwonen", "wonen_eerst"}


def test_beheer_actions_from_the_inventory(demo_engine):
    with demo_engine.connect() as conn:
        at_inventory = conn.execute(
            text("SELECT count(*) FILTER (WHERE beheercommissie = 'opstart'), "
                 "count(*) FILTER (WHERE beheerconvenant = 'in_actualisatie') FROM hkd.beheer_op(:d)"),
            {"d": INVENTARISATIE_DATUM},
        ).one()
        today = conn.execute(
            text("SELECT count(*) FILTER (WHERE beheercommissie = 'opstart'), "
                 "count(*) FILTER (WHERE beheerconvenant = 'in_actualisatie') FROM hkd.beheer_op(:d)"),
            {"d": date(2026, 11, 23)},
        ).one()
    assert tuple(at_inventory) == (15, 31)
    assert 0 < today[0] < 15 and 0 < today[1] < 31  # some done since, some still open


def _fingerprint(engine) -> list:
    with engine.connect() as conn:
        return [
            conn.execute(text(q)).all()
            for q in (
                "SELECT code, naam, woonvorm, plaatsen, postcode, round(ST_X(geom)::numeric, 2), pc4, buurt_code "
                "FROM hkd.locaties ORDER BY code",
                "SELECT l.code, b.fase, b.ingangsdatum, b.reden FROM hkd.fase_besluiten b "
                "JOIN hkd.locaties l ON l.id = b.locatie_id ORDER BY l.code, b.id",
                "SELECT count(*), sum(waarde::numeric) FROM hkd.indicatoren",  # exact: no float summing order
                "SELECT niveau, code, md5(ST_AsBinary(geom)) FROM hkd.gebieden ORDER BY niveau, code",
            )
        ]


def test_demo_twice_duplicates_nothing(fresh_demo):
    before = _fingerprint(fresh_demo)
    summary = load_demo(fresh_demo, get_settings())
    assert summary.nieuwe_besluiten == 0
    assert _fingerprint(fresh_demo) == before


def test_demo_is_the_same_on_every_fresh_load(empty_db, demo_engine):
    load_demo(empty_db, get_settings())
    assert _fingerprint(empty_db) == _fingerprint(demo_engine)


def test_schematic_geography_without_real_boundaries(empty_db):
    settings = replace(get_settings(), boundary_source=None)
    soort, _, layers, _ = geography_layers(settings)
    assert soort == "schematisch"
    assert {k: len(v) for k, v in layers.items()} == {"gemeente": 1, "gebied": 22, "buurt": 92, "wijkprofiel": 70,
                                                      "pc4": 76}
    summary = load_demo(empty_db, settings)
    assert summary.geografie == "schematisch" and summary.locaties == 78
    assert _counts(empty_db, INVENTARISATIE_DATUM) == {"0": 41, "1": 30, "2": 6, "3a": 1, "3b": 0}

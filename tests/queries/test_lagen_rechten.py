"""The database itself enforces the three layers: grants, row-level security, disclosure control, inzage log."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from geo.disclosure import DisclosureRule, RawCell, controleer_kaart, publish_cells, publish_totals, violations
from queries import aanbieder, publiek, scan
from queries.inzage import log_inzage
from queries.lagen import as_layer
from tests.sqlnamen import alles_uit

BASE_TABLES = ["hkd.locaties", "hkd.aanbieders", "hkd.fase_besluiten", "hkd.beheer_status", "hkd.gebieden",
               "hkd.indicatoren", "hkd.audit_log", "hkd.inzage_log", "hkd.wijk_notities", "hkd.woonvormen",
               "hkd.mijn_locaties", "hkd.aanbieder_pc4", "hkd.openbaarmaking"]


def _refused(engine, rol, statement, params=None, aanbieder_code=None):
    with pytest.raises((ProgrammingError, DBAPIError)) as err:
        with as_layer(engine, rol, "aanvaller", aanbieder_code) as conn:
            conn.execute(text(statement) if isinstance(statement, str) else statement, params or {})
    assert "permission denied" in str(err.value) or "row-level security" in str(err.value), err.value


@pytest.mark.parametrize("table", BASE_TABLES)
def test_public_role_cannot_select_any_base_table(demo_engine, table):
    _refused(demo_engine, "publiek", alles_uit(table).limit(1))


def test_public_role_cannot_call_address_functions_or_write(demo_engine):
    _refused(demo_engine, "publiek", "SELECT * FROM hkd.fase_op(current_date)")
    _refused(demo_engine, "publiek", "SELECT hkd.log_inzage('x', 'y', '{}'::jsonb)")
    _refused(demo_engine, "publiek", "UPDATE hkd.openbaarmaking SET min_voorzieningen = 1")


def test_public_views_carry_no_names_addresses_or_points(demo_engine):
    with as_layer(demo_engine, "publiek", "t") as conn:
        cols = {r[0]: set() for r in conn.execute(text(
            "SELECT table_name FROM information_schema.views WHERE table_schema = 'publiek'"))}
        for row in conn.execute(text(
                "SELECT table_name, column_name, udt_name FROM information_schema.columns "
                "WHERE table_schema = 'publiek'")):
            cols.setdefault(row.table_name, set()).add((row.column_name, row.udt_name))
    names = {c for v in cols.values() for c, _ in v}
    assert not names & {"naam_locatie", "straat", "huisnummer", "postcode", "x", "y", "lon", "lat", "code_locatie"}
    geom_columns = sorted((v, c) for v, cs in cols.items() for c, t in cs if t == "geometry")
    assert ("pc4", "geom") in geom_columns
    with as_layer(demo_engine, "publiek", "t") as conn:
        for view, column in geom_columns:  # identifiers from the catalogue, not from input
            kinds = {r[0] for r in conn.execute(text(
                f'SELECT DISTINCT ST_GeometryType("{column}") FROM publiek."{view}"'))}
            assert kinds <= {"ST_MultiPolygon", "ST_Polygon", None}, (view, kinds)  # areas only, never a point


def _raw_cells(engine):
    with engine.connect() as conn:  # as the owner: the unprotected truth
        rows = conn.execute(text(
            "SELECT pc4, woonvorm, count(*)::int, sum(plaatsen)::int FROM hkd.locaties GROUP BY 1, 2")).all()
        pc4s = [r[0] for r in conn.execute(text("SELECT code FROM hkd.gebieden WHERE niveau = 'pc4'"))]
        secret = {r[0] for r in conn.execute(text("SELECT code FROM hkd.woonvormen WHERE vertrouwelijk"))}
    return [RawCell(*r) for r in rows], pc4s, secret


def test_sql_views_apply_exactly_the_python_rule(demo_engine):
    cells, pc4s, secret = _raw_cells(demo_engine)
    with as_layer(demo_engine, "publiek", "t") as conn:
        data = publiek.openbare_kaart(conn)
    rule = data.regel
    assert rule == DisclosureRule()  # the defaults of geo/disclosure.py are the defaults of migration 020
    expected_cells = publish_cells(cells, rule, secret)
    got_cells = sorted((r.pc4, r.woonvorm, int(r.voorzieningen), None if str(r.plaatsen) == "<NA>" else int(r.plaatsen))
                       for r in data.pc4_woonvorm.itertuples())
    assert got_cells == [(c.pc4, c.woonvorm, c.voorzieningen, c.plaatsen) for c in expected_cells]
    expected_totals = publish_totals(cells, rule, secret, pc4s)
    got_totals = {r.pc4: (int(r.voorzieningen), None if str(r.plaatsen) == "<NA>" else int(r.plaatsen))
                  for r in data.pc4.itertuples()}
    assert got_totals == expected_totals
    assert controleer_kaart(data.pc4_woonvorm, data.pc4, data.regel, data.vertrouwelijke_namen) == []
    assert violations(expected_cells, expected_totals, rule, secret) == []
    assert "opvang" not in set(data.pc4_woonvorm["woonvorm"])
    # confidential woonvormen only for the whole gemeente
    assert set(data.vertrouwelijk["niveau"]) == {"gemeente"}


def test_provider_sees_only_own_locations_in_detail(demo_engine):
    with demo_engine.connect() as conn:
        own = {r[0] for r in conn.execute(text(
            "SELECT l.code FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id WHERE a.code = 'alfa'"))}
    with as_layer(demo_engine, "aanbieder", "alfa", "alfa") as conn:
        mine = aanbieder.mijn_locaties(conn)
        direct = {r[0] for r in conn.execute(text("SELECT code FROM hkd.locaties"))}
        besluiten = conn.execute(text("SELECT count(DISTINCT locatie_id) FROM hkd.fase_besluiten")).scalar_one()
        status = conn.execute(text("SELECT count(DISTINCT locatie_id) FROM hkd.beheer_status")).scalar_one()
        extended = aanbieder.pc4_woonvorm(conn)
    assert set(mine["code"]) == own == direct and len(own) >= 3
    assert set(mine["aanbieder_code"]) == {"alfa"}
    assert besluiten == status == len(own)
    # every provider at PC4 level, except confidential woonvormen (opvang): only HKD sees those per area (issue 10)
    with demo_engine.connect() as conn:
        niet_vertrouwelijk = conn.execute(text(
            "SELECT count(*) FROM hkd.locaties l JOIN hkd.woonvormen w ON w.code = l.woonvorm "
            "WHERE NOT w.vertrouwelijk AND l.pc4 IS NOT NULL")).scalar_one()
    assert extended["voorzieningen"].sum() == niet_vertrouwelijk < 78
    assert not {"straat", "huisnummer", "postcode", "naam"} & set(extended.columns)


@pytest.mark.parametrize("attack", [
    "SELECT code FROM hkd.locaties WHERE aanbieder_id = (SELECT id FROM hkd.aanbieders WHERE code = 'bravo')",
    "SELECT code FROM hkd.mijn_locaties WHERE aanbieder_code = 'bravo'",
    "SELECT l.code FROM hkd.locaties l WHERE l.id IN (SELECT locatie_id FROM hkd.fase_besluiten)"
    " AND l.aanbieder_id <> hkd.eigen_aanbieder_id()",
    "SELECT f.locatie_id FROM hkd.fase_op(current_date) f JOIN hkd.locaties l ON l.id = f.locatie_id"
    " WHERE l.aanbieder_id <> hkd.eigen_aanbieder_id()",
    "SELECT locatie_id FROM hkd.beheer_op(current_date) WHERE locatie_id NOT IN"
    " (SELECT id FROM hkd.locaties)",
])
def test_provider_a_cannot_reach_provider_b_by_any_query(demo_engine, attack):
    with as_layer(demo_engine, "aanbieder", "alfa", "alfa") as conn:
        assert conn.execute(text(attack)).all() == []


def test_provider_b_details_by_id_are_invisible_and_writes_refused(demo_engine):
    with demo_engine.connect() as conn:
        bravo_id = conn.execute(text(
            "SELECT l.id FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id "
            "WHERE a.code = 'bravo' LIMIT 1")).scalar_one()
    with as_layer(demo_engine, "aanbieder", "alfa", "alfa") as conn:
        for table in ("hkd.locaties", "hkd.mijn_locaties"):
            assert conn.execute(alles_uit(table, id=bravo_id)).all() == []
        for table in ("hkd.fase_besluiten", "hkd.beheer_status"):
            assert conn.execute(alles_uit(table, locatie_id=bravo_id)).all() == []
    _refused(demo_engine, "aanbieder", "UPDATE hkd.locaties SET plaatsen = 1 WHERE id = :i", {"i": bravo_id}, "alfa")
    _refused(demo_engine, "aanbieder", "INSERT INTO hkd.fase_besluiten (locatie_id, fase, ingangsdatum, reden, "
             "vastgelegd_door) VALUES (:i, '0', current_date, 'x', 'x')", {"i": bravo_id}, "alfa")
    _refused(demo_engine, "aanbieder", "SELECT * FROM hkd.audit_log", None, "alfa")
    _refused(demo_engine, "aanbieder", "SELECT * FROM hkd.indicatoren", None, "alfa")


def test_provider_without_a_named_provider_sees_nothing(demo_engine):
    with as_layer(demo_engine, "aanbieder", "niemand", None) as conn:
        assert conn.execute(text("SELECT count(*) FROM hkd.locaties")).scalar_one() == 0


def test_hkd_sees_everything_and_views_are_logged(fresh_demo):
    with as_layer(fresh_demo, "hkd", "beleid@rotterdam") as conn:
        frame = scan.locaties_adres(conn)
        assert len(frame) == 78
        log_inzage(conn, "draagkrachtscan", "alle locaties op adresniveau (kaart)", {"aantal": len(frame)})
    with fresh_demo.connect() as conn:
        row = conn.execute(text("SELECT gebruiker, db_rol, onderdeel, details FROM hkd.inzage_log")).one()
    assert (row.gebruiker, row.db_rol, row.onderdeel) == ("beleid@rotterdam", "hkd_beheer", "draagkrachtscan")
    assert row.details == {"aantal": 78}
    _refused(fresh_demo, "hkd", "DELETE FROM hkd.inzage_log")
    with pytest.raises(DBAPIError):
        with fresh_demo.begin() as conn:  # even the owner cannot rewrite the log
            conn.execute(text("UPDATE hkd.inzage_log SET gebruiker = 'iemand anders'"))


def test_wijk_notes_are_append_only_and_signed_by_the_session_user(fresh_demo):
    with fresh_demo.connect() as conn:
        buurt = conn.execute(text("SELECT code FROM hkd.gebieden WHERE niveau = 'buurt' LIMIT 1")).scalar_one()
    with as_layer(fresh_demo, "hkd", "wijkregisseur@rotterdam") as conn:
        scan.notitie_toevoegen(conn, buurt, "MO", "Veel onrust rond het winkelcentrum.")
        notes = scan.notities(conn, buurt)
    assert [(n.cluster, n.auteur) for n in notes] == [("MO", "wijkregisseur@rotterdam")]
    _refused(fresh_demo, "hkd", "UPDATE hkd.wijk_notities SET tekst = 'anders'")
    _refused(fresh_demo, "aanbieder", "SELECT * FROM hkd.wijk_notities", None, "alfa")
    with pytest.raises(ValueError):
        with as_layer(fresh_demo, "hkd", "x") as conn:
            scan.notitie_toevoegen(conn, buurt, "XX", "tekst")


def test_hkd_role_grants_cover_the_import_and_decisions(fresh_demo):
    with as_layer(fresh_demo, "hkd", "beheerder") as conn:
        loc = conn.execute(text("SELECT id FROM hkd.locaties ORDER BY id LIMIT 1")).scalar_one()
        conn.execute(text("UPDATE hkd.locaties SET plaatsen = plaatsen + 1 WHERE id = :i"), {"i": loc})
        conn.execute(text("INSERT INTO hkd.fase_besluiten (locatie_id, fase, ingangsdatum, reden, vastgelegd_door) "
                          "VALUES (:i, '1', current_date, 'test', 'beheerder')"), {"i": loc})
    _refused(fresh_demo, "hkd", "DELETE FROM hkd.locaties")


def test_ring_counts_match_a_direct_st_dwithin_query(demo_engine):
    with demo_engine.connect() as conn:
        points = conn.execute(text("SELECT ST_X(geom), ST_Y(geom) FROM hkd.locaties ORDER BY code LIMIT 5")).all()
        for x, y in points:
            for dx, dy in ((0, 0), (137, -88), (-400, 260)):
                cx, cy = x + dx, y + dy
                with as_layer(demo_engine, "hkd", "t") as hkd_conn:
                    got = scan.ring_tellingen(hkd_conn, cx, cy, (250, 500, 1000))
                for straal, n, p in got:
                    want = conn.execute(text(
                        "SELECT count(*), coalesce(sum(plaatsen), 0) FROM hkd.locaties "
                        "WHERE ST_DWithin(geom, ST_SetSRID(ST_MakePoint(:x, :y), 28992), :r)"),
                        {"x": cx, "y": cy, "r": straal}).one()
                    assert (n, p) == tuple(want)
                    # and by plain Euclidean distance in RD metres, outside PostGIS
                    all_pts = conn.execute(text("SELECT ST_X(geom), ST_Y(geom), plaatsen FROM hkd.locaties")).all()
                    near = [q for q in all_pts if ((q[0] - cx) ** 2 + (q[1] - cy) ** 2) ** 0.5 <= straal]
                    assert n == len(near) and p == sum(q[2] for q in near)

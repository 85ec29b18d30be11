"""One statistics rule for every table (issue 23): what each login can reach, derived from the catalog, and the
planner oracles on hkd.meldingen and hkd.vergadering_besluiten, with their positive controls.

The enumeration below is the test's own (from the login's side: column privileges, the views it may read and the
tables under them, foreign keys), independent of the rule in ``queries/roles.sql`` (``statistiek_uit``). A new
table that refers to a facility or a provider and that a provider or the public can reach fails here until the
rule covers it.
"""

from __future__ import annotations

import re

import psycopg
import pytest

from queries.lagen import na_migratie
from tests.security.conftest import naamsessie

LOGINS_ZONDER_ALLES = ("publiek", "alfa")  # the logins that must not see every row
IDENTIFICEREND_TYPE = {"geometry", "geography", "text", "varchar", "bpchar", "citext", "json", "jsonb", "name"}
IDENTIFICERENDE_NAMEN = {"huisnummer", "postcode", "pc4", "locatie_id", "aanbieder_id"}


def _leesbaar(conn: psycopg.Connection) -> set[int]:
    """Oids of the tables this login reaches: directly (any column it may SELECT, EXPLAIN included) or under a
    view it may read (the planner estimates a view's query from its base tables' statistics)."""
    direct = {r[0] for r in conn.execute(
        "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND c.relkind IN ('r', 'p', 'v', 'm') "
        "AND has_schema_privilege(n.oid, 'USAGE') AND (has_table_privilege(c.oid, 'SELECT') OR EXISTS ("
        "  SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
        "  AND has_column_privilege(c.oid, a.attnum, 'SELECT')))")}
    onder = {r[0] for r in conn.execute(
        "WITH RECURSIVE dep(rel) AS ("
        "  SELECT unnest(%s::oid[])"
        "  UNION SELECT d.refobjid FROM dep JOIN pg_rewrite r ON r.ev_class = dep.rel"
        "  JOIN pg_depend d ON d.objid = r.oid AND d.classid = 'pg_rewrite'::regclass"
        "   AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class)"
        "SELECT rel FROM dep", (list(direct),))}
    return {r[0] for r in conn.execute(
        "SELECT oid FROM pg_class WHERE oid = ANY(%s) AND relkind IN ('r', 'p')", (list(direct | onder),))}


def _facility_tabellen(conn: psycopg.Connection) -> set[int]:
    """hkd.locaties, hkd.aanbieders and every table with a foreign key chain to either."""
    tabellen = {r[0] for r in conn.execute(
        "SELECT 'hkd.locaties'::regclass::oid UNION SELECT 'hkd.aanbieders'::regclass::oid")}
    fks = conn.execute("SELECT conrelid, confrelid FROM pg_constraint WHERE contype = 'f'").fetchall()
    while True:
        meer = {van for van, naar in fks if naar in tabellen} - tabellen
        if not meer:
            return tabellen
        tabellen |= meer


def _identificerend(conn: psycopg.Connection, tabel: int) -> list[tuple[str, int, str]]:
    """(column, attstattarget, why) of the columns of ``tabel`` that can name or point at a facility/provider."""
    rijen = conn.execute(
        "SELECT a.attname, a.attstattarget, t.typname, "
        " EXISTS (SELECT 1 FROM pg_constraint f WHERE f.conrelid = a.attrelid AND f.contype = 'f'"
        "         AND a.attnum = ANY (f.conkey)) AS fk, "
        " EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary"
        "         AND a.attnum = ANY (i.indkey)) AS pk "
        "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
        "WHERE a.attrelid = %s AND a.attnum > 0 AND NOT a.attisdropped", (tabel,)).fetchall()
    uit = []
    for naam, doel, typ, fk, pk in rijen:
        if pk:
            continue
        reden = ("verwijzing" if fk else "type " + typ if typ in IDENTIFICEREND_TYPE
                 else "naam" if naam in IDENTIFICERENDE_NAMEN else None)
        if reden:
            uit.append((naam, doel, reden))
    return uit


def _niet_gedekt(conn_login: psycopg.Connection, admin: psycopg.Connection) -> list[str]:
    bereikt = _leesbaar(conn_login)
    facility = _facility_tabellen(admin)
    fouten = []
    for tabel in sorted(bereikt & facility):
        naam = admin.execute("SELECT %s::regclass::text", (tabel,)).fetchone()[0]
        for kolom, doel, reden in _identificerend(admin, tabel):
            stats = admin.execute(
                "SELECT count(*) FROM pg_statistic s JOIN pg_attribute a ON a.attrelid = s.starelid "
                "AND a.attnum = s.staattnum WHERE s.starelid = %s AND a.attname = %s", (tabel, kolom)).fetchone()[0]
            if doel != 0 or stats:
                fouten.append(f"{naam}.{kolom} ({reden}; target {doel}, {stats} statistics rows)")
        # what else keeps statistics of the table: expression columns of its indexes, extended statistics
        for (idx,) in admin.execute(
                "SELECT s.starelid::regclass::text FROM pg_index i JOIN pg_statistic s ON s.starelid = i.indexrelid "
                "WHERE i.indrelid = %s", (tabel,)).fetchall():
            fouten.append(f"{idx} (index expression statistics)")
        for (stx,) in admin.execute(
                "SELECT x.stxname FROM pg_statistic_ext x JOIN pg_statistic_ext_data d ON d.stxoid = x.oid "
                "WHERE x.stxrelid = %s", (tabel,)).fetchall():
            fouten.append(f"{stx} (extended statistics)")
    return fouten


@pytest.mark.parametrize("who", LOGINS_ZONDER_ALLES + ("bravo",))
def test_every_identifying_column_a_login_can_reach_has_no_statistics(fresh_sql_as, who):
    admin = fresh_sql_as("admin")
    admin.execute("ANALYZE")  # whatever ANALYZE (or autovacuum) gathers, the rule's columns stay empty
    login = fresh_sql_as("hkd_aanbieder_bravo" if who == "bravo" else who)
    bereikt = _leesbaar(login)
    assert "hkd.meldingen" in {admin.execute("SELECT %s::regclass::text", (t,)).fetchone()[0] for t in bereikt} \
        or who == "publiek"
    assert _niet_gedekt(login, admin) == []


def test_the_enumeration_covers_what_it_must(sql_as):
    """The reach of each login as the issue lists it: the public reaches hkd.locaties only under its views; a
    provider reaches meldingen, vergadering_besluiten and initiatieven directly."""
    admin = sql_as("admin")
    namen = {w: {admin.execute("SELECT %s::regclass::text", (t,)).fetchone()[0] for t in _leesbaar(sql_as(w))}
             for w in LOGINS_ZONDER_ALLES}
    assert "hkd.locaties" in namen["publiek"] and "hkd.meldingen" not in namen["publiek"]
    assert {"hkd.meldingen", "hkd.vergadering_besluiten", "hkd.initiatieven", "hkd.initiatief_kandidaten",
            "hkd.locaties"} <= namen["alfa"]
    # every table with row-level security a provider reaches is a facility table (else the chain misses one)
    facility = _facility_tabellen(admin)
    for t in _leesbaar(sql_as("alfa")):
        if admin.execute("SELECT relrowsecurity FROM pg_class WHERE oid = %s", (t,)).fetchone()[0]:
            assert t in facility, admin.execute("SELECT %s::regclass::text", (t,)).fetchone()[0]


def test_positive_control_a_new_table_with_a_location_reference_fails_until_the_rule_runs(fresh_sql_as, fresh_demo):
    admin = fresh_sql_as("admin")
    admin.execute("CREATE TABLE hkd.nieuw_register (id bigserial PRIMARY KEY, "
                  "locatie_id integer REFERENCES hkd.locaties (id), plek geometry(Point, 28992), notitie text)")
    admin.execute("ALTER TABLE hkd.nieuw_register ENABLE ROW LEVEL SECURITY")
    admin.execute("GRANT SELECT ON hkd.nieuw_register TO hkd_aanbieder")
    admin.execute("INSERT INTO hkd.nieuw_register (locatie_id, plek, notitie) SELECT id, geom, naam FROM hkd.locaties")
    admin.execute("CREATE INDEX nieuw_register_notitie ON hkd.nieuw_register (lower(notitie))")
    admin.execute("CREATE STATISTICS hkd.nieuw_register_samen ON locatie_id, notitie FROM hkd.nieuw_register")
    admin.execute("ANALYZE hkd.nieuw_register")
    fouten = _niet_gedekt(fresh_sql_as("alfa"), admin)
    assert {f.split(" ")[0] for f in fouten} == {"hkd.nieuw_register.locatie_id", "hkd.nieuw_register.plek",
                                                 "hkd.nieuw_register.notitie", "hkd.nieuw_register_notitie",
                                                 "nieuw_register_samen"}
    with fresh_demo.begin() as conn:  # what every migration run does afterwards
        na_migratie(conn)
    admin.execute("ANALYZE hkd.nieuw_register")  # and whatever ANALYZE gathers next
    assert _niet_gedekt(fresh_sql_as("alfa"), admin) == []


# -- the planner oracles of the attack suite -------------------------------------------------------------------

def _schatting(conn: psycopg.Connection, query: str, *args) -> int:
    """The largest row estimate in the plan (the scan under the row-level security filter is the oracle)."""
    plan = conn.execute("EXPLAIN " + query, args).fetchall()
    return max(int(m.group(1)) for (line,) in plan for m in re.finditer(r"rows=(\d+)", line))


def _drukste_locatie_van_een_ander(admin: psycopg.Connection) -> tuple[int, int, int]:
    """(busiest location of another provider than alfa, its meldingen, a location without any)."""
    drukste, aantal = admin.execute(
        "SELECT m.locatie_id, count(*) FROM hkd.meldingen m JOIN hkd.locaties l ON l.id = m.locatie_id "
        "JOIN hkd.aanbieders a ON a.id = l.aanbieder_id WHERE a.code <> 'alfa' "
        "GROUP BY 1 ORDER BY 2 DESC LIMIT 1").fetchone()
    leeg = admin.execute("SELECT l.id FROM hkd.locaties l WHERE NOT EXISTS "
                         "(SELECT 1 FROM hkd.meldingen m WHERE m.locatie_id = l.id) ORDER BY l.id LIMIT 1").fetchone()[0]
    return drukste, aantal, leeg


def test_explain_on_meldingen_per_location_says_nothing_of_other_providers(fresh_sql_as):
    admin = fresh_sql_as("admin")
    admin.execute("ANALYZE hkd.meldingen")
    drukste, aantal, leeg = _drukste_locatie_van_een_ander(admin)
    assert aantal >= 50
    alfa = fresh_sql_as("alfa")
    q = "SELECT * FROM hkd.meldingen WHERE locatie_id = %s"
    assert _schatting(alfa, q, drukste) == _schatting(alfa, q, leeg)
    assert alfa.execute(q.replace("*", "count(*)"), (drukste,)).fetchone()[0] == 0  # row-level security holds


def test_positive_control_with_statistics_explain_counts_other_providers_meldingen(fresh_sql_as):
    admin = fresh_sql_as("admin")
    admin.execute("ALTER TABLE hkd.meldingen ALTER COLUMN locatie_id SET STATISTICS 100")
    admin.execute("ANALYZE hkd.meldingen")
    drukste, aantal, leeg = _drukste_locatie_van_een_ander(admin)
    alfa = fresh_sql_as("alfa")
    q = "SELECT * FROM hkd.meldingen WHERE locatie_id = %s"
    assert _schatting(alfa, q, drukste) > 5 * _schatting(alfa, q, leeg)
    assert abs(_schatting(alfa, q, drukste) - aantal) <= aantal // 5  # the leak of the attack suite


def _bravo_besluiten(admin: psycopg.Connection) -> tuple[int, int, int]:
    bravo, alfa = (admin.execute("SELECT id FROM hkd.aanbieders WHERE code = %s", (c,)).fetchone()[0]
                   for c in ("bravo", "alfa"))
    # enough decisions about bravo to tell them from nothing (HKD records them; the demo has few)
    n = admin.execute("SELECT count(*) FROM hkd.vergadering_besluiten WHERE aanbieder_id = %s", (bravo,)).fetchone()[0]
    if n < 40:
        admin.execute(
            "INSERT INTO hkd.vergadering_besluiten (vergadering_id, soort, tekst, aanbieder_id) "
            "SELECT (SELECT min(id) FROM hkd.vergaderingen), 'vrij', 'Besluit ' || g, %s "
            "FROM generate_series(1, %s) g", (bravo, 40 - n))
        n = 40
    return bravo, n, alfa


def test_explain_on_decisions_does_not_count_bravos_decisions(fresh_sql_as):
    admin = fresh_sql_as("admin")
    bravo, n, _ = _bravo_besluiten(admin)
    admin.execute("ANALYZE hkd.vergadering_besluiten")
    alfa = fresh_sql_as("alfa")
    q = "SELECT * FROM hkd.vergadering_besluiten WHERE aanbieder_id = %s"
    assert _schatting(alfa, q, bravo) == _schatting(alfa, q, 999999)


def test_positive_control_with_statistics_explain_counts_bravos_decisions(fresh_sql_as):
    admin = fresh_sql_as("admin")
    bravo, n, _ = _bravo_besluiten(admin)
    admin.execute("ALTER TABLE hkd.vergadering_besluiten ALTER COLUMN aanbieder_id SET STATISTICS 100")
    admin.execute("ANALYZE hkd.vergadering_besluiten")
    alfa = fresh_sql_as("alfa")
    q = "SELECT * FROM hkd.vergadering_besluiten WHERE aanbieder_id = %s"
    assert _schatting(alfa, q, bravo) > _schatting(alfa, q, 999999)


def test_meldingen_carry_no_copy_of_the_facility_point(fresh_sql_as):
    admin = fresh_sql_as("admin")
    kopie = admin.execute("SELECT count(*) FROM hkd.meldingen m JOIN hkd.locaties l ON l.id = m.locatie_id "
                          "WHERE m.geom ~= l.geom").fetchone()[0]
    assert kopie == 0 and admin.execute("SELECT count(*) FROM hkd.meldingen").fetchone()[0] > 1000
    # a melding recorded with its facility's point (any layer, any system but Signalen's own) keeps none
    beheer = fresh_sql_as("beheer")
    geheim = naamsessie(fresh_sql_as("sessies"), "test", "hkd_beheer")
    beheer.execute("BEGIN")
    beheer.execute("SET LOCAL ROLE hkd_beheer")  # as queries.lagen.enter_layer does
    beheer.execute("SELECT hkd.zet_gebruiker(%s)", (geheim,))
    loc, x, y = beheer.execute("SELECT id, ST_X(geom), ST_Y(geom) FROM hkd.locaties ORDER BY id LIMIT 1").fetchone()
    for systeem in ("handmatig", "import", "signalen"):
        beheer.execute(
            "INSERT INTO hkd.meldingen (locatie_id, ontvangen_op, bron, categorie, omschrijving, geom, systeem, "
            "extern_id) VALUES (%s, now() - interval '1 day', 'omwonende', 'geluid', 'Test', "
            "ST_SetSRID(ST_MakePoint(%s, %s), 28992), %s, 'x-' || %s)", (loc, x, y, systeem, systeem))
    beheer.execute("COMMIT")
    assert admin.execute("SELECT count(geom) FROM hkd.meldingen WHERE extern_id LIKE 'x-%'").fetchone()[0] == 0
    # positive control: a Signalen signal 40 m away keeps its own point (where it was reported)
    beheer.execute("BEGIN")
    beheer.execute("SET LOCAL ROLE hkd_beheer")  # as queries.lagen.enter_layer does
    beheer.execute("SELECT hkd.zet_gebruiker(%s)", (geheim,))
    beheer.execute(
        "INSERT INTO hkd.meldingen (locatie_id, ontvangen_op, bron, categorie, omschrijving, geom, systeem, "
        "extern_id) VALUES (%s, now() - interval '1 day', 'omwonende', 'geluid', 'Test', "
        "ST_SetSRID(ST_MakePoint(%s, %s), 28992), 'signalen', 'y-1')", (loc, x + 40, y))
    beheer.execute("COMMIT")
    assert admin.execute("SELECT count(geom) FROM hkd.meldingen WHERE extern_id = 'y-1'").fetchone()[0] == 1


def test_explain_on_the_point_of_meldingen_finds_no_facility(fresh_sql_as):
    admin = fresh_sql_as("admin")
    admin.execute("ANALYZE hkd.meldingen")
    x, y = admin.execute("SELECT ST_X(l.geom), ST_Y(l.geom) FROM hkd.locaties l JOIN hkd.aanbieders a "
                         "ON a.id = l.aanbieder_id WHERE a.code = 'bravo' LIMIT 1").fetchone()
    alfa = fresh_sql_as("alfa")
    q = "SELECT * FROM hkd.meldingen WHERE geom && ST_MakeEnvelope(%s, %s, %s, %s, 28992)"
    hier = _schatting(alfa, q, x - 50, y - 50, x + 50, y + 50)
    nergens = _schatting(alfa, q, 0, 0, 100, 100)
    assert hier == nergens


"""Platform queries on the demo: aanbod per year against a direct count, targets, corporations, spreiding, the
public view's disclosure, focus areas by code."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

import pytest
from sqlalchemy import text

from core.kalender import vandaag
from data import demo_platform, focusgebieden
from data.focusgebieden import Focusgebied, FocusgebiedFout
from geo.spreiding import concentratie
from queries import platform
from queries.db import acting_as
from queries.lagen import as_layer

PEIL = date(2026, 11, 23)


def test_aanbod_per_year_matches_a_direct_count_over_the_history(demo_engine):
    with as_layer(demo_engine, "hkd", "test") as conn:
        aanbod = platform.aanbod_per_jaar(conn, 2010, 2026, PEIL)
        for jaar in (2012, 2018, 2022, 2026):
            op = min(date(jaar, 12, 31), PEIL)
            direct = dict(conn.execute(text(
                "SELECT woonvorm, sum(plaatsen) FROM hkd.locaties WHERE in_gebruik_sinds <= :op "
                "AND (buiten_gebruik_sinds IS NULL OR buiten_gebruik_sinds > :op) GROUP BY woonvorm"), {"op": op}).all())
            rij = aanbod[aanbod["jaar"] == jaar].set_index("woonvorm")["plaatsen"].to_dict()
            assert {k: v for k, v in rij.items() if v} == {k: int(v) for k, v in direct.items()}
            nieuw = conn.execute(text(
                "SELECT coalesce(sum(plaatsen), 0) FROM hkd.locaties WHERE in_gebruik_sinds BETWEEN :b AND :op"),
                {"b": date(jaar, 1, 1), "op": op}).scalar_one()
            assert aanbod[aanbod["jaar"] == jaar]["instroom"].sum() == nieuw
        totaal = conn.execute(text("SELECT sum(plaatsen) FROM hkd.locaties")).scalar_one()
    # every demo location is in use before the inventory: level since 2023, growing before
    assert aanbod[aanbod["jaar"] == 2026]["plaatsen"].sum() == totaal
    assert aanbod[aanbod["jaar"] == 2012]["plaatsen"].sum() < aanbod[aanbod["jaar"] == 2020]["plaatsen"].sum()


def test_closing_a_location_takes_it_out_of_the_stand_from_that_day(fresh_demo):
    with as_layer(fresh_demo, "hkd", "test") as conn:
        code, plaatsen, woonvorm = conn.execute(text(
            "SELECT code, plaatsen, woonvorm FROM hkd.locaties ORDER BY code LIMIT 1")).one()
        voor = platform.aanbod_per_jaar(conn, 2025, 2025, PEIL).set_index("woonvorm")["plaatsen"][woonvorm]
        assert platform.zet_in_gebruik(conn, code, date(2015, 1, 1), date(2025, 7, 1)) == 1
        na = platform.aanbod_per_jaar(conn, 2025, 2025, PEIL).set_index("woonvorm")["plaatsen"][woonvorm]
        assert voor - na == plaatsen
        audit = conn.execute(text("SELECT gebruiker, db_rol FROM hkd.audit_log WHERE tabel = 'locaties' "
                                  "ORDER BY id DESC LIMIT 1")).one()
    assert tuple(audit) == ("test", "hkd_beheer")


def test_targets_are_the_seed_figures_and_only_hkd_sets_them(demo_engine, fresh_demo):
    with as_layer(demo_engine, "hkd", "test") as conn:
        doelen = platform.doelen(conn)
    stand = doelen[doelen["soort"] == "stand"].set_index(["woonvorm", "jaar"])["plaatsen"]
    assert stand[("beschermd_wonen", 2026)] == 1100 and stand[("doorstroom", 2026)] == 900
    assert stand[("zelfstandig_zorg", 2023)] == 900 and stand[("zelfstandig_zorg", 2030)] == 1235
    instroom = doelen[doelen["soort"] == "instroom"]
    assert set(instroom["woonvorm"]) == {"wonen_eerst"} and set(instroom["plaatsen"]) == {50}
    with as_layer(fresh_demo, "hkd", "beleid") as conn:
        platform.zet_doel(conn, "beschermd_wonen", 2027, 1150, "Platform 2026")
        assert platform.doelen(conn).set_index(["woonvorm", "jaar", "soort"]).loc[
            ("beschermd_wonen", 2027, "stand"), "vastgesteld_door"] == "beleid"
    with pytest.raises(Exception, match="permission denied"), as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as c:
        platform.zet_doel(c, "beschermd_wonen", 2027, 1, "x")


def test_ten_corporations_linked_to_locations_with_row_level_security(demo_engine):
    with as_layer(demo_engine, "hkd", "test") as conn:
        corp = platform.corporaties(conn)
        links_alle = conn.execute(text("SELECT count(*) FROM hkd.locatie_corporaties")).scalar_one()
    assert len(corp) == 10 and corp["eigenaar_van"].sum() > 20
    assert links_alle == len(demo_platform.corporatie_koppelingen())
    with as_layer(demo_engine, "aanbieder", "alfa", "alfa") as conn:
        vreemd = conn.execute(text(
            "SELECT count(*) FROM hkd.locatie_corporaties lc JOIN hkd.locaties l ON l.id = lc.locatie_id "
            "JOIN hkd.aanbieders a ON a.id = l.aanbieder_id WHERE a.code <> 'alfa'")).scalar_one()
        zichtbaar = conn.execute(text("SELECT count(*) FROM hkd.locatie_corporaties")).scalar_one()
    assert vreemd == 0 and zichtbaar < links_alle


def test_spreiding_per_gebied_adds_up_and_public_view_applies_the_disclosure_rule(demo_engine):
    with as_layer(demo_engine, "hkd", "test") as conn:
        buurt = platform.spreiding(conn, "buurt", PEIL)
        gebied = platform.spreiding(conn, "gebied", PEIL)
        totaal = conn.execute(text("SELECT sum(plaatsen) FROM hkd.locaties")).scalar_one()
        echt = dict(conn.execute(text(
            "SELECT l.gebied_code, count(*) FROM hkd.locaties l JOIN hkd.woonvormen w ON w.code = l.woonvorm "
            "WHERE NOT w.vertrouwelijk GROUP BY 1")).all())
    assert buurt["plaatsen"].sum() == gebied["plaatsen"].sum() == totaal
    assert buurt["inwoners"].notna().sum() > 50
    with as_layer(demo_engine, "publiek", "publiek") as conn:
        pub = platform.publiek_spreiding_gebied(conn)
        with pytest.raises(Exception, match="permission denied"):
            with conn.begin_nested():
                conn.execute(text("SELECT count(*) FROM hkd.locaties"))
    for r in pub.itertuples():
        assert r.voorzieningen == echt.get(r.code, 0)
        if 0 < r.voorzieningen < 3:
            assert r.plaatsen is None or r.plaatsen != r.plaatsen  # NULL below the threshold
        elif r.voorzieningen >= 3:
            assert r.plaatsen % 5 == 0
    assert set(pub.columns) == {"code", "naam", "voorzieningen", "plaatsen"}


def test_focus_area_codes_all_resolve_and_an_unknown_code_is_refused(demo_engine):
    gebieden = focusgebieden.lees()
    assert {g.programma for g in gebieden} == {"NPRZ", "RGW"}
    with as_layer(demo_engine, "publiek", "publiek") as conn:
        frame = focusgebieden.omtrekken(conn, gebieden)
        assert len(frame) == len({g.code for g in gebieden}) == 9
        assert frame.set_index("naam").loc["Bloemhof", "programmas"] == "NPRZ en RGW"
        with pytest.raises(FocusgebiedFout, match="BU0000XXXX"):
            focusgebieden.omtrekken(conn, [*gebieden, Focusgebied("RGW", "BU0000XXXX", "Nergens")])


def test_uitstroom_demo_holds_the_seed_2022_figures(demo_engine):
    with as_layer(demo_engine, "aanbieder", "alfa", "alfa") as conn:
        u = platform.uitstroom(conn)
    jaar = u[u["kwartaal"].isna() & u["corporatie_code"].isna()].set_index("jaar")
    assert round(100 * jaar.loc[2022, "directe_bemiddeling"] / jaar.loc[2022, "uitstromers"]) == 56
    assert 1100 <= jaar.loc[2022, "uitstromers"] <= 1200
    kw = u[(u["jaar"] == 2022) & u["kwartaal"].notna()].sort_values("kwartaal")["wachttijd_maanden"].tolist()
    assert kw[0] == 3.6 and kw[-1] == 4.4
    per_corp = u[(u["jaar"] == 2025) & u["corporatie_code"].notna()]
    assert len(per_corp) == 10 and per_corp["uitstromers"].sum() == jaar.loc[2025, "uitstromers"]


def test_a_location_added_later_counts_from_the_day_it_is_added(fresh_demo):
    from queries.sqlfiles import sql

    with as_layer(fresh_demo, "hkd", "test") as conn:
        x, y = conn.execute(text("SELECT ST_X(geom), ST_Y(geom) FROM hkd.locaties WHERE code = 'HKD-001'")).one()
        conn.execute(sql("locaties", "insert_locatie"), {
            "code": "NIEUW-1", "naam": "Nieuw", "aanbieder_code": "alfa", "woonvorm": "beschermd_wonen",
            "doelgroep": "GGZ", "plaatsen": 12, "straat": "Proefstraat", "huisnummer": "1", "postcode": "3011 AB",
            "plaats": "Rotterdam", "x": x, "y": y})
        sinds = conn.execute(text("SELECT in_gebruik_sinds FROM hkd.locaties WHERE code = 'NIEUW-1'")).scalar_one()
        vorig_jaar = platform.aanbod_per_jaar(conn, vandaag().year - 1, vandaag().year, vandaag())
    assert sinds == vandaag()
    per_jaar = vorig_jaar[vorig_jaar["woonvorm"] == "beschermd_wonen"].set_index("jaar")
    assert per_jaar.loc[vandaag().year, "plaatsen"] - per_jaar.loc[vandaag().year - 1, "plaatsen"] == 12
    assert per_jaar.loc[vandaag().year, "instroom"] == 12


# The statement spreiding_buurt replaced (one sort over every buurt's every year): the reference for its rule.
_INWONERS_DOOR_SORTEREN = """
SELECT DISTINCT ON (gebied_code) gebied_code AS code, waarde AS inwoners, jaar AS inwoners_jaar
FROM hkd.indicatoren
WHERE niveau = 'buurt' AND indicator = 'inwoners'
ORDER BY gebied_code, (jaar <= extract(year FROM CAST(:op AS date))) DESC,
         abs(jaar - extract(year FROM CAST(:op AS date)))
"""


@pytest.mark.parametrize("op", [date(2005, 6, 1), date(2019, 12, 31), PEIL])
def test_spreiding_per_buurt_takes_the_latest_inhabitants_up_to_the_date_else_the_earliest(demo_engine, op):
    with as_layer(demo_engine, "hkd", "test") as conn:
        buurt = platform.spreiding(conn, "buurt", op).set_index("code")
        echt = {r.code: (r.inwoners, r.inwoners_jaar)
                for r in conn.execute(text(_INWONERS_DOOR_SORTEREN), {"op": op})}
    met = buurt[buurt["inwoners"].notna()]
    assert len(met) == len(echt) > 50
    for code, r in met.iterrows():
        assert (r["inwoners"], r["inwoners_jaar"]) == echt[code]


def test_a_committed_inhabitants_year_counts_for_the_spreiding_and_series_at_once(fresh_demo):
    """The inhabitants that count per year are kept by the database (migration 570) and follow every committed
    change of the indicator values; only the HKD layer reads them."""
    with as_layer(fresh_demo, "hkd", "test") as conn:
        voor = platform.spreiding_buurt(conn, PEIL).set_index("code")
    code = voor[voor["inwoners"].notna()].index[0]
    nieuw_jaar = int(voor["inwoners_jaar"].max()) + 1
    with acting_as(fresh_demo, "test") as conn:
        conn.execute(text("INSERT INTO hkd.indicatoren (niveau, gebied_code, jaar, indicator, waarde, bron) "
                          "VALUES ('buurt', :c, :j, 'inwoners', 12345, 'test')"), {"c": code, "j": nieuw_jaar})
    op = date(nieuw_jaar, 6, 30)
    with as_layer(fresh_demo, "hkd", "test") as conn:
        na = platform.spreiding_buurt(conn, op).set_index("code")
        eerder = platform.spreiding_buurt(conn, date(nieuw_jaar - 1, 12, 31)).set_index("code")
        reeks = platform.concentratie_reeks(conn, [op])
    assert (na.loc[code, "inwoners"], na.loc[code, "inwoners_jaar"]) == (12345, nieuw_jaar)
    assert (eerder.loc[code, "inwoners"], eerder.loc[code, "inwoners_jaar"]) == (
        voor.loc[code, "inwoners"], voor.loc[code, "inwoners_jaar"])  # the year before still counts its own
    woon = na[na["inwoners"].notna() & (na["inwoners"] > 0)]
    assert asdict(reeks[op]) == pytest.approx(asdict(concentratie(woon["plaatsen"].tolist(),
                                                                  woon["inwoners"].tolist())), abs=1e-12)
    for laag, aanbieder in (("publiek", None), ("aanbieder", "alfa")):
        with as_layer(fresh_demo, laag, "test", aanbieder) as conn, pytest.raises(Exception, match="permission denied"):
            conn.execute(text("SELECT count(*) FROM hkd.inwoners_buurt_bepaald"))


def test_concentration_series_in_one_statement_equals_the_figures_per_date(demo_engine):
    data = [date(2010, 12, 31), date(2018, 12, 31), date(2022, 12, 31), PEIL]
    with as_layer(demo_engine, "hkd", "test") as conn:
        reeks = platform.concentratie_reeks(conn, data)
        los = {op: platform.concentratie_op(conn, op) for op in data}
    assert list(reeks) == data
    for op in data:  # the same rows in another order: equal up to the last bits of a float sum
        assert asdict(reeks[op]) == pytest.approx(asdict(los[op]), abs=1e-12)
    assert reeks[PEIL].plaatsen > 0 and reeks[PEIL].gini_inwoners is not None

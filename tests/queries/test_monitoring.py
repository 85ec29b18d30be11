"""Commissie meetings, verbeteracties, extra inzet and planning on a real PostGIS: rhythm and overdue per fase,
append-only histories, provider isolation, the demo's plan and its agenda proposals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from core import kalender
from core.domain import INVENTARISATIE_DATUM
from geo.meldingen import MeldingNormen, commissie_stand
from queries import monitoring as mq
from queries.lagen import as_layer
from tests.sqlnamen import alles_weg


def _id(engine, code: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT id FROM hkd.locaties WHERE code = :c"), {"c": code}).scalar_one()


def _eigen(engine, aanbieder: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text(
            "SELECT l.id FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id WHERE a.code = :a "
            "ORDER BY l.code LIMIT 1"), {"a": aanbieder}).scalar_one()


def test_commissie_rhythm_in_the_database_matches_the_pure_rule(demo_engine):
    vandaag = kalender.vandaag()
    with as_layer(demo_engine, "hkd", "test") as conn:
        stand = mq.commissies_op(conn, vandaag)
        direct = dict(conn.execute(text(
            "SELECT locatie_id, max(datum) FROM hkd.commissie_vergaderingen WHERE datum <= :op GROUP BY locatie_id"),
            {"op": vandaag}).all())
    assert len(stand) == 78
    for r in stand.itertuples():
        assert r.laatste == direct.get(r.id)
        verwacht = commissie_stand(r.fase, direct.get(r.id), vandaag, MeldingNormen(), sinds=INVENTARISATIE_DATUM)
        assert r.achter == verwacht.achter
    assert 0 < stand["achter"].sum() < 30  # some commissies lag behind, most keep their rhythm


def test_demo_planning_holds_the_inventory_actions(demo_engine):
    with as_layer(demo_engine, "hkd", "test") as conn:
        plan = mq.planning(conn, kalender.vandaag())
    assert (plan["soort"] == "commissie").sum() == 15
    assert (plan["soort"] == "convenant").sum() == 31
    assert {"gereed", "te_laat"} <= set(plan["stand"])
    assert plan[plan["prioriteit"] == 1]["streefdatum"].max() < plan[plan["prioriteit"] == 3]["streefdatum"].min()


def test_demo_verbeterplan_of_the_3a_location_is_done(demo_engine):
    with as_layer(demo_engine, "hkd", "test") as conn:
        acties = mq.verbeteracties(conn, kalender.vandaag())
    assert len(acties) == 4 and set(acties["code"]) == {"HKD-078"}
    assert (acties["status"] == "gereed").all() and not acties["over_tijd"].any()


def test_history_tables_are_append_only(fresh_demo):
    loc = _id(fresh_demo, "HKD-001")
    with as_layer(fresh_demo, "hkd", "test") as conn:
        a = mq.verbeteractie_toevoegen(conn, mq.Verbeteractie(loc, "Camera ophangen", "gemeente",
                                                             kalender.vandaag() - timedelta(days=1)))
        mq.extra_inzet_toevoegen(conn, mq.ExtraInzet(loc, "boa", kalender.vandaag(), None, "Avonddienst"))
    for tabel in ("verbeteracties", "extra_inzet", "commissie_vergaderingen", "planning_acties"):
        with pytest.raises(DBAPIError, match="alleen-toevoegen"):
            with fresh_demo.begin() as conn:  # even the owner cannot change the history
                conn.execute(alles_weg(f"hkd.{tabel}"))
    with as_layer(fresh_demo, "hkd", "test") as conn:
        acties = mq.verbeteracties(conn, kalender.vandaag(), loc)
        assert acties.loc[acties["id"] == a, "over_tijd"].item()
        voorstellen = {v.locatie_id: v for v in mq.agenda_voorstellen(conn, kalender.vandaag())}
        # the status change is a new row that replaces the old one: no longer overdue
        mq.verbeteractie_toevoegen(conn, mq.Verbeteractie(loc, "Camera ophangen", "gemeente",
                                                          kalender.vandaag() - timedelta(days=1), "gereed", a))
        assert not mq.verbeteracties(conn, kalender.vandaag(), loc)["over_tijd"].any()
        assert mq.extra_inzet(conn, loc)["maatregel"].tolist() == ["boa"]
    assert "1 verbeteractie over de deadline" in voorstellen[loc].redenen


@pytest.mark.parametrize("fout", [
    {"tot": date(2020, 1, 1), "van": date(2021, 1, 1)},
    {"maatregel": "leger"},
])
def test_extra_inzet_is_validated(fresh_demo, fout):
    loc = _id(fresh_demo, "HKD-001")
    with pytest.raises(DBAPIError, match="check"):
        with as_layer(fresh_demo, "hkd", "test") as conn:
            mq.extra_inzet_toevoegen(conn, mq.ExtraInzet(**{"locatie_id": loc, "maatregel": "boa",
                                                            "van": date(2024, 1, 1), **fout}))


def test_provider_records_meetings_of_its_own_commissies_only(fresh_demo):
    eigen, ander = _eigen(fresh_demo, "alfa"), _eigen(fresh_demo, "bravo")
    with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
        mq.vergadering_toevoegen(conn, mq.Vergadering(eigen, kalender.vandaag(), ("aanbieder", "omwonenden"), "V-1"))
        zichtbaar = set(conn.execute(text("SELECT DISTINCT locatie_id FROM hkd.commissie_vergaderingen")).scalars())
        assert set(mq.commissies_op(conn, kalender.vandaag())["id"]) <= {eigen} | zichtbaar | set(
            conn.execute(text("SELECT id FROM hkd.locaties")).scalars())
    with fresh_demo.connect() as conn:
        alfa_ids = set(conn.execute(text(
            "SELECT l.id FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id WHERE a.code = 'alfa'"
        )).scalars())
    assert zichtbaar <= alfa_ids
    with pytest.raises(DBAPIError, match="row-level security"):
        with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
            mq.vergadering_toevoegen(conn, mq.Vergadering(ander, kalender.vandaag(), ("aanbieder",)))
    with pytest.raises(DBAPIError, match="toekomst"):
        with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
            mq.vergadering_toevoegen(conn, mq.Vergadering(eigen, kalender.vandaag() + timedelta(days=3), ("aanbieder",)))
    with pytest.raises(DBAPIError, match="check"):
        with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
            mq.vergadering_toevoegen(conn, mq.Vergadering(eigen, kalender.vandaag(), ("de buurman",)))
    for stmt in ("INSERT INTO hkd.verbeteracties (locatie_id, actie, eigenaar, deadline, status) "
                 "VALUES (:l, 'x', 'aanbieder', current_date, 'open')",
                 "INSERT INTO hkd.planning_acties (locatie_id, soort, prioriteit, streefdatum) "
                 "VALUES (:l, 'commissie', 1, current_date)"):
        with pytest.raises(ProgrammingError, match="permission denied"):
            with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
                conn.execute(text(stmt), {"l": eigen})
    with pytest.raises(ProgrammingError, match="permission denied"):
        with as_layer(fresh_demo, "publiek", "anoniem") as conn:
            conn.execute(text("SELECT count(*) FROM hkd.commissie_vergaderingen"))


def test_monitoring_agenda_proposals_name_their_reasons(demo_engine):
    with as_layer(demo_engine, "hkd", "test") as conn:
        voorstellen = mq.agenda_voorstellen(conn, kalender.vandaag())
    assert voorstellen and all(v.bron == "monitoring" and v.redenen for v in voorstellen)
    alle = " ".join(r for v in voorstellen for r in v.redenen)
    assert "Beheercommissie achter op ritme" in alle and "Planning:" in alle

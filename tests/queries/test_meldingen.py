"""The meldingenregister on a real PostGIS: validation in the database, provider isolation, ring counts, signals."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from core import kalender
from geo.meldingen import MeldingNormen, binnen_norm, maanden_terug, melding_signaal
from queries import meldingen as q
from queries.lagen import as_layer


def _locatie(engine, aanbieder: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text(
            "SELECT l.id FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id "
            "WHERE a.code = :a ORDER BY l.code LIMIT 1"), {"a": aanbieder}).scalar_one()


def _melding(locatie_id: int, **kw) -> q.Melding:
    base = dict(locatie_id=locatie_id, ontvangen_op=kalender.nu() - timedelta(days=3), bron="omwonende",
                categorie="geluid", omschrijving="Harde muziek")
    return q.Melding(**{**base, **kw})


def test_demo_has_meldingen_following_the_fasen(demo_engine):
    with demo_engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT f.fase, count(DISTINCT l.id) AS locaties, count(m.id) AS meldingen "
            "FROM hkd.locaties l JOIN hkd.fase_op(current_date) f ON f.locatie_id = l.id "
            "LEFT JOIN hkd.meldingen m ON m.locatie_id = l.id AND m.ontvangen_op > now() - interval '1 year' "
            "GROUP BY f.fase")).all()
        zonder = conn.execute(text(
            "SELECT count(*) FROM hkd.locaties l JOIN hkd.fase_op(current_date) f ON f.locatie_id = l.id "
            "WHERE f.fase = '0' AND NOT EXISTS (SELECT 1 FROM hkd.meldingen m WHERE m.locatie_id = l.id)")).scalar()
    per_locatie = {r.fase: r.meldingen / r.locaties for r in rows}
    assert per_locatie["2"] > 5 * per_locatie["1"] > 0
    assert zonder >= 30  # most fase 0 locations have none at all


def test_provider_records_and_reads_only_its_own(fresh_demo):
    eigen, ander = _locatie(fresh_demo, "alfa"), _locatie(fresh_demo, "bravo")
    with as_layer(fresh_demo, "aanbieder", "alfa-user", "alfa") as conn:
        nieuw = q.registreer(conn, _melding(eigen))
        zichtbaar = conn.execute(text("SELECT DISTINCT locatie_id FROM hkd.meldingen")).scalars().all()
        alle = conn.execute(text("SELECT count(*) FROM hkd.meldingen")).scalar()
    with fresh_demo.connect() as conn:
        eigen_totaal = conn.execute(text(
            "SELECT count(*) FROM hkd.meldingen m JOIN hkd.locaties l ON l.id = m.locatie_id "
            "JOIN hkd.aanbieders a ON a.id = l.aanbieder_id WHERE a.code = 'alfa'")).scalar()
        door = conn.execute(text("SELECT vastgelegd_door FROM hkd.meldingen WHERE id = :i"), {"i": nieuw}).scalar()
    assert alle == eigen_totaal and set(zichtbaar) <= set(_eigen_ids(fresh_demo, "alfa"))
    assert door == "alfa-user"
    # attack: record a melding for another provider's location
    with pytest.raises(DBAPIError, match="row-level security"):
        with as_layer(fresh_demo, "aanbieder", "alfa-user", "alfa") as conn:
            q.registreer(conn, _melding(ander))
    # attack: set the handling of another provider's melding (invisible: nothing changes)
    with fresh_demo.connect() as conn:
        vreemd = conn.execute(text("SELECT id FROM hkd.meldingen WHERE locatie_id = :l LIMIT 1"), {"l": ander}
                              ).scalar()
    if vreemd is not None:
        with as_layer(fresh_demo, "aanbieder", "alfa-user", "alfa") as conn:
            assert not q.afhandeling(conn, vreemd, kalender.nu(), "afgehandeld", True)
    # attack: move a melding to another provider's location, delete one, choose the recorder
    for stmt in ("UPDATE hkd.meldingen SET locatie_id = :ander WHERE id = :id",
                 "DELETE FROM hkd.meldingen WHERE id = :id",
                 "UPDATE hkd.meldingen SET vastgelegd_door = 'iemand' WHERE id = :id"):
        with pytest.raises(ProgrammingError, match="permission denied"):
            with as_layer(fresh_demo, "aanbieder", "alfa-user", "alfa") as conn:
                conn.execute(text(stmt), {"ander": ander, "id": nieuw})
    # attack: a provider without a provider code sees nothing
    with as_layer(fresh_demo, "aanbieder", "x", None) as conn:
        assert conn.execute(text("SELECT count(*) FROM hkd.meldingen")).scalar() == 0


def _eigen_ids(engine, aanbieder: str) -> list[int]:
    with engine.connect() as conn:
        return conn.execute(text(
            "SELECT l.id FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id WHERE a.code = :a"),
            {"a": aanbieder}).scalars().all()


def test_public_layer_reads_no_melding_and_no_figure(demo_engine):
    with pytest.raises(ProgrammingError, match="permission denied"):
        with as_layer(demo_engine, "publiek", "anoniem") as conn:
            conn.execute(text("SELECT count(*) FROM hkd.meldingen"))
    with demo_engine.connect() as conn:
        afgeleid = conn.execute(text(
            "SELECT count(*) FROM pg_views WHERE schemaname = 'publiek' AND definition ILIKE '%meldingen%'")).scalar()
    assert afgeleid == 0


@pytest.mark.parametrize("wijziging, fout", [
    ({"ontvangen_op": kalender.nu() + timedelta(days=2)}, "toekomst"),
    ({"afgehandeld_op": kalender.nu() - timedelta(days=5), "afhandeling": "afgehandeld"}, "check"),
    ({"afgehandeld_op": kalender.nu() + timedelta(days=1), "afhandeling": "afgehandeld"}, "toekomst"),
    ({"categorie": "inbraak"}, "check"),
    ({"bron": "buurman Jan"}, "check"),
    ({"omschrijving": "   "}, "check"),
    ({"omschrijving": "x" * 301}, "check"),
    ({"afgehandeld_op": kalender.nu(), "afhandeling": None}, "check"),
    ({"melder_tevreden": True}, "check"),
])
def test_database_refuses_bad_meldingen(fresh_demo, wijziging, fout):
    eigen = _locatie(fresh_demo, "alfa")
    with pytest.raises(DBAPIError, match=fout):
        with as_layer(fresh_demo, "hkd", "hkd-user") as conn:
            q.registreer(conn, _melding(eigen, **wijziging))


def test_ring_counts_match_st_dwithin(demo_engine):
    nrm = MeldingNormen()
    van, tot = kalender.vandaag() - timedelta(days=365), kalender.vandaag()
    with as_layer(demo_engine, "hkd", "test") as conn:
        frame = q.per_locatie(conn, van, tot, nrm)
        for row in frame.head(10).itertuples():
            for straal in nrm.ring_meters:
                direct = conn.execute(text(
                    "SELECT count(*) FROM hkd.meldingen m JOIN hkd.locaties ml ON ml.id = m.locatie_id, "
                    "hkd.locaties l WHERE l.id = :l AND ST_DWithin(coalesce(m.geom, ml.geom), l.geom, :r) "
                    "AND m.ontvangen_op >= :van AND m.ontvangen_op < :tot"),
                    {"l": row.id, "r": straal, "van": q._grenzen(van, tot)[0], "tot": q._grenzen(van, tot)[1]}
                ).scalar()
                assert getattr(row, f"ring_{straal}") == direct
    assert frame["ring_500"].ge(frame["ring_100"]).all()
    assert frame["aantal"].sum() > 0


def test_buiten_norm_in_sql_matches_the_pure_rule(demo_engine):
    nrm = MeldingNormen()
    with as_layer(demo_engine, "hkd", "test") as conn:
        frame = q.lijst(conn, kalender.vandaag() - timedelta(days=400), kalender.vandaag(), nrm.afhandel_norm_dagen)
    nu = kalender.nu()
    for row in frame.head(300).itertuples():
        afgehandeld = row.afgehandeld_op.to_pydatetime() if row.afgehandeld_op is not None and \
            str(row.afgehandeld_op) != "NaT" else None
        verwacht = binnen_norm(row.ontvangen_op.to_pydatetime(), afgehandeld, nrm.afhandel_norm_dagen, nu)
        assert (None if row.binnen_norm is None else bool(row.binnen_norm)) == verwacht


def test_agenda_voorstellen_follow_the_threshold(fresh_demo):
    vandaag = kalender.vandaag()
    with as_layer(fresh_demo, "hkd", "test") as conn:
        nrm = q.normen(conn)
        voor = {v.locatie_id: v for v in q.agenda_voorstellen(conn, vandaag)}
    journey = _journey_locatie(fresh_demo)
    assert journey not in voor  # one short of the threshold
    assert voor and all(v.bron == "meldingen" and "meldingen in 3 maanden" in v.redenen[0] for v in voor.values())
    # alfa records one more melding for its own location: the location surfaces with the reason
    with as_layer(fresh_demo, "aanbieder", "alfa-user", "alfa") as conn:
        q.registreer(conn, _melding(journey, ontvangen_op=kalender.nu() - timedelta(hours=2)))
    with as_layer(fresh_demo, "hkd", "test") as conn:
        na = {v.locatie_id: v for v in q.agenda_voorstellen(conn, vandaag)}
    assert journey in na
    assert na[journey].redenen[0].startswith(f"{nrm.signaal_min_meldingen} meldingen in 3 maanden")
    for v in na.values():  # every proposal is justified by the pure rule
        aantal = int(v.redenen[0].split()[0])
        assert aantal >= nrm.signaal_min_meldingen or "niet binnen de norm" in v.redenen[0]
        assert melding_signaal(aantal, 0, nrm) is not None or "niet binnen" in v.redenen[0]


def _journey_locatie(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT id FROM hkd.locaties WHERE code = 'HKD-047'")).scalar_one()


def test_provider_sees_signals_only_of_its_own(demo_engine):
    with as_layer(demo_engine, "aanbieder", "alfa-user", "alfa") as conn:
        frame = q.per_locatie(conn, kalender.vandaag() - timedelta(days=365), kalender.vandaag(), MeldingNormen())
    assert set(frame["id"]) == set(_eigen_ids(demo_engine, "alfa"))


def test_normen_are_configurable_in_the_database(fresh_demo):
    with fresh_demo.begin() as conn:
        conn.execute(text("UPDATE hkd.monitoring_normen SET signaal_min_meldingen = 1000, "
                          "signaal_min_buiten_norm = 1000"))
    with as_layer(fresh_demo, "hkd", "test") as conn:
        assert q.normen(conn).signaal_min_meldingen == 1000
        assert q.agenda_voorstellen(conn, kalender.vandaag()) == []


def test_voor_na_meldingen_match_direct_sql(demo_engine):
    nrm = MeldingNormen()
    with demo_engine.connect() as conn:
        loc, ref = conn.execute(text(
            "SELECT locatie_id, ingangsdatum FROM hkd.fase_besluiten WHERE fase = '1' AND reden LIKE 'Verbeter%'")
        ).one()
    with as_layer(demo_engine, "hkd", "test") as conn:
        frame = q.voor_na_meldingen(conn, loc, ref, nrm.ring_meters, maanden=6, aantal=3)
        assert len(frame) == 6 * len(nrm.ring_meters)
        for row in frame.itertuples():
            direct = conn.execute(text(
                "SELECT count(*) FROM hkd.meldingen m JOIN hkd.locaties ml ON ml.id = m.locatie_id, hkd.locaties l "
                "WHERE l.id = :l AND ST_DWithin(coalesce(m.geom, ml.geom), l.geom, :r)"
                " AND m.ontvangen_op >= :b AND m.ontvangen_op < :e"),
                {"l": loc, "r": row.straal, "b": row.begin, "e": row.eind}).scalar()
            assert row.aantal == direct
        indicatoren = q.voor_na_indicatoren(conn, loc, ref)
    voor = frame[(frame["periode"] < 0) & (frame["straal"] == 500)]["aantal"].sum()
    na = frame[(frame["periode"] >= 0) & (frame["straal"] == 500)]["aantal"].sum()
    assert voor > na  # the 3a location calmed down after its verbetertraject
    assert set(indicatoren["niveau"]) == {"buurt", "wijkprofiel"}
    assert indicatoren["jaar"].between(ref.year - 4, ref.year + 4).all()


def test_contractmanagement_and_ozv_are_monitoring_sources(fresh_demo):
    """Seed 001, Monitoring beheersafspraken: contractmanagement and the Overleg Zorg en Veiligheid monitor the
    leefbaarheid around the facilities. HKD records what they signal as a melding with that source (the same codes
    in the database as in core.domain); an unknown source is still refused."""
    from core.domain import MELDING_BRONNEN

    with fresh_demo.connect() as conn:
        check = conn.execute(text("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                                  "WHERE conname = 'meldingen_bron_check'")).scalar_one()
    assert set(re.findall(r"'(\w+)'", check)) == set(MELDING_BRONNEN)
    loc = _locatie(fresh_demo, "alfa")
    with as_layer(fresh_demo, "hkd", "hkd-user") as conn:
        ids = [q.registreer(conn, _melding(loc, bron=bron, categorie="anders",
                                           omschrijving="Besproken: meer overlast in de avond"))
               for bron in ("contractmanagement", "ozv")]
        bronnen = conn.execute(text("SELECT bron FROM hkd.meldingen WHERE id = ANY(:ids) ORDER BY id"),
                               {"ids": ids}).scalars().all()
    assert bronnen == ["contractmanagement", "ozv"]
    with pytest.raises(DBAPIError, match="meldingen_bron_check"):
        with as_layer(fresh_demo, "hkd", "hkd-user") as conn:
            q.registreer(conn, _melding(loc, bron="buurman"))


def test_the_demo_holds_what_contractmanagement_and_the_ozv_signalled(demo_engine):
    """Seed 001: contractmanagement puts HKD on its agenda and the Overleg Zorg en Veiligheid discusses the
    leefbaarheid around the facilities; the demo holds what both signalled (fixed history, the same on any load day),
    handled, at locations that were in fase 2 at the inventory."""
    with demo_engine.connect() as conn:
        rijen = conn.execute(text(
            "SELECT l.code, m.bron, m.ontvangen_op::date AS dag, m.afgehandeld_op IS NOT NULL AS af "
            "FROM hkd.meldingen m JOIN hkd.locaties l ON l.id = m.locatie_id "
            "WHERE m.bron IN ('contractmanagement', 'ozv') ORDER BY m.ontvangen_op")).all()
    assert [(r.code, r.bron, r.dag.isoformat(), r.af) for r in rijen] == [
        ("HKD-019", "contractmanagement", "2024-03-14", True), ("HKD-039", "ozv", "2024-09-19", True),
        ("HKD-041", "contractmanagement", "2025-02-13", True), ("HKD-060", "ozv", "2025-06-12", True)]


def test_agenda_signal_counts_are_the_meldkaarts_counts(demo_engine):
    """The agenda's own count statement (no rings, no points) proposes exactly the locations the meldkaart's
    counts over the same period would, with the same weight."""
    vandaag = kalender.vandaag()
    with as_layer(demo_engine, "hkd", "test") as conn:
        nrm = q.normen(conn)
        voorstellen = q.agenda_voorstellen(conn, vandaag)
        kaart = q.per_locatie(conn, maanden_terug(vandaag, nrm.signaal_periode_maanden) + timedelta(days=1),
                              vandaag, nrm)
    verwacht = {int(r.id): int(r.aantal) + 2 * int(r.buiten_norm) for r in kaart.itertuples()
                if melding_signaal(int(r.aantal), int(r.buiten_norm), nrm) is not None}
    assert verwacht, "the demo has locations over the threshold"
    assert {v.locatie_id: v.gewicht for v in voorstellen} == verwacht

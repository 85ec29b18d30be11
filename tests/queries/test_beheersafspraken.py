"""The three kinds of beheersafspraken of seed 001 ("Beheersafspraken rond voorzieningen") on a real PostGIS: the
database holds the convenant's kinds, the demo records them at the inventory, providers read only their own, and
the history is append-only."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from core.domain import BEHEERSAFSPRAAK_SOORTEN, INVENTARISATIE_DATUM
from queries import monitoring
from queries.lagen import as_layer


def test_the_database_holds_the_convenant_s_kinds_besides_the_beheerconvenant(demo_engine):
    with demo_engine.connect() as conn:
        check = conn.execute(text("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                                  "WHERE conrelid = 'hkd.beheersafspraken'::regclass AND contype = 'c' AND conname = "
                                  "'beheersafspraken_soort_check'")).scalar_one()
    # the third kind, among all parties, is the beheerconvenant kept on the location
    assert set(re.findall(r"'(\w+)'", check)) == set(BEHEERSAFSPRAAK_SOORTEN) - {"partijen"}


def test_the_demo_records_both_kinds_for_every_location_at_the_inventory(demo_engine):
    with as_layer(demo_engine, "hkd", "test") as conn:
        ids = conn.execute(text("SELECT id FROM hkd.locaties ORDER BY id")).scalars().all()
        op = {i: monitoring.beheersafspraken_op(conn, i, INVENTARISATIE_DATUM) for i in ids}
        ervoor = monitoring.beheersafspraken_op(conn, ids[0], INVENTARISATIE_DATUM - timedelta(days=1))
    assert len(ids) >= 78
    assert sum(v == {"client": INVENTARISATIE_DATUM, "gemeente": INVENTARISATIE_DATUM} for v in op.values()) == 78
    assert ervoor == {}, "nothing is in place before it was recorded"


def test_a_provider_reads_only_its_own_and_the_public_nothing(demo_engine):
    with as_layer(demo_engine, "aanbieder", "alfa-user", "alfa") as conn:
        gezien = conn.execute(text("SELECT count(*), count(DISTINCT locatie_id) FROM hkd.beheersafspraken")).one()
        eigen = conn.execute(text(
            "SELECT count(*) FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id "
            "WHERE a.code = 'alfa'")).scalar_one()
    assert 0 < eigen < 78 and tuple(gezien) == (2 * eigen, eigen)
    with pytest.raises(ProgrammingError, match="permission denied"):
        with as_layer(demo_engine, "publiek", "iemand") as conn:
            conn.execute(text("SELECT count(*) FROM hkd.beheersafspraken"))


def test_an_agreement_is_appended_never_changed(fresh_demo):
    with as_layer(fresh_demo, "hkd", "hkd-user") as conn:
        loc = conn.execute(text("SELECT id FROM hkd.locaties ORDER BY id LIMIT 1")).scalar_one()
        nieuw = monitoring.beheersafspraak_toevoegen(conn, loc, "gemeente", INVENTARISATIE_DATUM + timedelta(days=400))
        door = conn.execute(text("SELECT vastgelegd_door FROM hkd.beheersafspraken WHERE id = :i"),
                            {"i": nieuw}).scalar_one()
    assert door == "hkd-user"
    for stmt in ("UPDATE hkd.beheersafspraken SET datum = current_date WHERE id = :i",
                 "DELETE FROM hkd.beheersafspraken WHERE id = :i"):
        with pytest.raises((ProgrammingError, DBAPIError)):
            with fresh_demo.begin() as conn:
                conn.execute(text(stmt), {"i": nieuw})
    with pytest.raises(DBAPIError, match="beheersafspraken_soort_check"):
        with as_layer(fresh_demo, "hkd", "hkd-user") as conn:
            monitoring.beheersafspraak_toevoegen(conn, loc, "partijen", INVENTARISATIE_DATUM)


def _eigen_en_vreemde_locatie(engine) -> tuple[int, int]:
    with engine.connect() as conn:
        return tuple(conn.execute(text(
            "SELECT (SELECT min(l.id) FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id "
            "        WHERE a.code = 'alfa'), "
            "       (SELECT min(l.id) FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id "
            "        WHERE a.code <> 'alfa')")).one())


def test_a_provider_records_the_client_kind_for_its_own_locations_only(fresh_demo):
    """Seed 001: agreements with clients (support plans, house rules) are the provider's own; the contract with the
    gemeente and other providers' locations are not (row-level security, migration 500)."""
    eigen, vreemd = _eigen_en_vreemde_locatie(fresh_demo)
    dag = INVENTARISATIE_DATUM + timedelta(days=30)
    with as_layer(fresh_demo, "aanbieder", "alfa-user", "alfa") as conn:
        nieuw = monitoring.beheersafspraak_toevoegen(conn, eigen, "client", dag, "huisregels bijgewerkt")
        historie = monitoring.beheersafspraken_historie(conn, eigen)
    assert historie.iloc[0][["id", "soort", "omschrijving", "vastgelegd_door"]].tolist() == [
        nieuw, "client", "huisregels bijgewerkt", "alfa-user"]
    for locatie, soort in ((eigen, "gemeente"), (vreemd, "client")):
        with pytest.raises(ProgrammingError, match="row-level security"):
            with as_layer(fresh_demo, "aanbieder", "alfa-user", "alfa") as conn:
                monitoring.beheersafspraak_toevoegen(conn, locatie, soort, dag, "x")
    with as_layer(fresh_demo, "aanbieder", "alfa-user", "alfa") as conn:
        assert monitoring.beheersafspraken_historie(conn, vreemd).empty  # nor does it read another's


def test_the_text_keeps_a_hostile_string_verbatim_and_refuses_personal_data(fresh_demo):
    eigen, _ = _eigen_en_vreemde_locatie(fresh_demo)
    vijandig = '<script>alert(1)</script> =HYPERLINK("http://x";"klik") **vet** @SUM(1)'
    with as_layer(fresh_demo, "hkd", "hkd-user") as conn:
        monitoring.beheersafspraak_toevoegen(conn, eigen, "gemeente", INVENTARISATIE_DATUM, vijandig)
        assert monitoring.beheersafspraken_historie(conn, eigen)["omschrijving"].iloc[0] == vijandig
    for tekst, fout in (("bel 06-12345678 voor de huisregels", "persoonsgegevens"), ("x" * 301, "check")):
        with pytest.raises(DBAPIError, match=fout):
            with as_layer(fresh_demo, "hkd", "hkd-user") as conn:
                monitoring.beheersafspraak_toevoegen(conn, eigen, "gemeente", INVENTARISATIE_DATUM, tekst)

"""Personal data checks in the database (migration 304): the same answers as geo.persoonsgegevens on the shared
corpus and on generated text, and refusals with a Dutch message in every entry point (form functions, raw SQL)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from core import kalender
from geo import persoonsgegevens as pg
from queries import initiatieven as qi
from queries import meldingen as q
from queries.lagen import as_layer
from tests.geo.test_persoonsgegevens import CORPUS


def _sql(conn, tekst: str) -> tuple[str, ...]:
    return tuple(conn.execute(text("SELECT hkd.persoonsgegevens(:t)"), {"t": tekst}).scalar_one())


def test_sql_and_python_agree_on_the_shared_corpus(demo_engine):
    with demo_engine.connect() as conn:
        for tekst, verwacht in CORPUS:
            assert _sql(conn, tekst) == verwacht == pg.vondsten(tekst), tekst


_DELEN = st.sampled_from(["06-12345678", "010 123 45 67", "+31 6 1234 5678", "111222333", "123456789",
                          "1112.22.333", "3011 AB 12", "3011ab", "Coolsingel 40, 3011 AD", "a@b.nl", "@", "2024",
                          " ", ", ", "-", ".", "abc", "AB", "0", "12", "(0)"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_DELEN, st.text(max_size=6)), max_size=8).map("".join))
def test_sql_and_python_agree_on_generated_text(demo_engine, tekst):
    tekst = tekst.replace("\x00", "")
    with demo_engine.connect() as conn:
        assert _sql(conn, tekst) == pg.vondsten(tekst)


def _locatie(engine, aanbieder: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text(
            "SELECT l.id FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id "
            "WHERE a.code = :a ORDER BY l.code LIMIT 1"), {"a": aanbieder}).scalar_one()


def _melding(locatie_id: int, omschrijving: str) -> q.Melding:
    return q.Melding(locatie_id=locatie_id, ontvangen_op=kalender.nu() - timedelta(days=2), bron="omwonende",
                     categorie="geluid", omschrijving=omschrijving)


@pytest.mark.parametrize(("omschrijving", "wat"), [
    ("Melder belde vanaf 06-12345678", "een telefoonnummer"),
    ("Reactie naar jan@voorbeeld.nl gestuurd", "een e-mailadres"),
    ("Buurman op 3011 AB 12 klaagt", "een postcode met huisnummer"),
    ("BSN 111222333 doorgegeven", "een burgerservicenummer (BSN)"),
])
def test_a_melding_with_personal_data_is_refused_in_dutch(fresh_demo, omschrijving, wat):
    loc = _locatie(fresh_demo, "alfa")
    with pytest.raises(DBAPIError, match=rf"De omschrijving bevat persoonsgegevens \({wat.replace('(', '.').replace(')', '.')}\)"):
        with as_layer(fresh_demo, "aanbieder", "alfa-user", "alfa") as conn:
            q.registreer(conn, _melding(loc, omschrijving))
    # positive control: the same melding without the personal data is recorded
    with as_layer(fresh_demo, "aanbieder", "alfa-user", "alfa") as conn:
        assert q.registreer(conn, _melding(loc, "Melder belde over harde muziek"))


def test_raw_sql_and_an_update_meet_the_same_check(fresh_demo):
    loc = _locatie(fresh_demo, "alfa")
    with pytest.raises(DBAPIError, match="bevat persoonsgegevens"):
        with fresh_demo.begin() as conn:  # the owner's way in, as an importer would write
            conn.execute(text(
                "INSERT INTO hkd.meldingen (locatie_id, ontvangen_op, bron, categorie, omschrijving, systeem) "
                "VALUES (:l, now(), 'politie', 'agressie', 'Aangifte door 0612345678', 'import')"), {"l": loc})
    with fresh_demo.begin() as conn:
        mid = conn.execute(text("SELECT id FROM hkd.meldingen ORDER BY id LIMIT 1")).scalar_one()
    with pytest.raises(DBAPIError, match="insufficient_privilege|alleen-toevoegen|bevat persoonsgegevens"):
        with fresh_demo.begin() as conn:
            conn.execute(text("UPDATE hkd.meldingen SET omschrijving = 'mail a@b.nl' WHERE id = :i"), {"i": mid})


def _initiatief(**kw) -> qi.NieuwInitiatief:
    base = dict(naam="Flexwonen Noord", woonvorm="flexwonen", doelgroep="Dak- en thuislozen", plaatsen=8,
                contact_rol="Teamleider wonen", contact_kanaal="initiatieven@alfa.example", context="Toelichting")
    return qi.NieuwInitiatief(**{**base, **kw})


def _aanbieder_id(engine, code: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT id FROM hkd.aanbieders WHERE code = :c"), {"c": code}).scalar_one()


@pytest.mark.parametrize(("veld", "waarde", "label"), [
    ("contact_rol", "Jan, 06-12345678", "De contactrol"),
    ("contact_kanaal", "06-12345678", "Het functionele contactadres"),
    ("context", "Bel de buurman op 010-1234567 of mail piet@voorbeeld.nl", "De toelichting"),
    ("context", "Cliënt met BSN 1112.22.333", "De toelichting"),
])
def test_an_initiative_with_personal_data_is_refused_in_dutch(fresh_demo, veld, waarde, label):
    alfa = _aanbieder_id(fresh_demo, "alfa")
    with pytest.raises(DBAPIError, match=f"{label} bevat persoonsgegevens"):
        with as_layer(fresh_demo, "aanbieder", "alfa-user", "alfa") as conn:
            qi.indienen(conn, alfa, _initiatief(**{veld: waarde}), [])


def test_positive_control_a_functional_e_mail_address_is_the_contact_the_form_asks_for(fresh_demo):
    alfa = _aanbieder_id(fresh_demo, "alfa")
    with as_layer(fresh_demo, "aanbieder", "alfa-user", "alfa") as conn:
        assert qi.indienen(conn, alfa, _initiatief(), []) > 0

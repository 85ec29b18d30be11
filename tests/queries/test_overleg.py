"""Meeting mode on the real demo: agenda content and order, decisions appended (never updated), role refusals."""

from datetime import date

import pandas as pd
import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from core import kalender
from dashboard.widgets.paging import pagina
from geo import agenda
from queries import fasen, overleg
from queries.besluiten import BeheerStatus, FaseBesluit, append_beheer_status, append_fase_besluit, fase_counts
from queries.lagen import as_layer
from queries.sqlfiles import sql

OVERLEG = date(2025, 9, 11)  # a demo meeting; the previous one (15-05-2025) changed two fasen
VORIGE = date(2025, 5, 15)


def test_previous_meeting_and_meeting_dates(demo_engine):
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        data = overleg.overleg_data(conn)
        assert overleg.vorig_overleg(conn, OVERLEG) == VORIGE
        assert overleg.vorig_overleg(conn, date(2023, 6, 1)) is None
    assert data[0] == date(2023, 6, 1) and OVERLEG in data and data == sorted(data)


def test_agenda_content_and_order_by_urgency(demo_engine):
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        items = overleg.agenda(conn, OVERLEG)
        kaart = fasen.locaties_kaart(conn, OVERLEG).set_index("id")
        voor = fasen.locaties_kaart(conn, date(2025, 5, 14)).set_index("id")
    ids = [i.locatie_id for i in items]
    assert len(ids) == len(set(ids))
    # who must be on it: fase 2+, a changed fase, or an open beheer action; nobody else
    urgent = set(kaart.index[kaart["fase"].isin(["2", "3a", "3b"])])
    gewijzigd = set(kaart.index[kaart["fase"] != voor["fase"]])
    open_acties = set(kaart.index[kaart["open_acties"] > 0])
    assert len(urgent) == 6 and len(gewijzigd) == 2
    assert set(ids) == urgent | gewijzigd | open_acties
    # the order: the six in fase 2 first, then the two changed fasen, then by number of open actions
    assert set(ids[:6]) == urgent
    assert set(ids[6:8]) == gewijzigd
    rest = [int(kaart.loc[i, "open_acties"]) for i in ids[8:]]
    assert rest == sorted(rest, reverse=True) and rest[-1] >= 1
    assert any("gewijzigd sinds vorig overleg" in r for r in items[6].redenen)
    assert all(i.redenen for i in items)


def test_the_first_meeting_has_no_changed_fasen(demo_engine):
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        items = overleg.agenda(conn, date(2023, 6, 1))
    assert items and not any("gewijzigd" in r for i in items for r in i.redenen)


def _frame(rows):
    base = {"actie_commissie": False, "actie_convenant": False, "actie_meldingenregister": False,
            "beheercommissie": "actief", "beheerconvenant": "actueel", "convenant_datum": date(2024, 1, 1),
            "meldingenregister": True}
    return pd.DataFrame([{**base, **r} for r in rows])


def test_bouw_agenda_orders_3b_3a_2_changed_then_open_actions():
    frame = _frame([
        {"id": 1, "code": "A", "naam": "a", "fase": "0", "actie_commissie": True, "actie_meldingenregister": True,
         "beheercommissie": "afwezig", "meldingenregister": False},
        {"id": 2, "code": "B", "naam": "b", "fase": "2"},
        {"id": 3, "code": "C", "naam": "c", "fase": "3b"},
        {"id": 4, "code": "D", "naam": "d", "fase": "1"},  # nothing to discuss
        {"id": 5, "code": "E", "naam": "e", "fase": "3a"},
        {"id": 6, "code": "F", "naam": "f", "fase": "0"},
        {"id": 7, "code": "G", "naam": "g", "fase": "1", "actie_convenant": True, "convenant_datum": date(2015, 1, 1)},
    ])
    items = agenda.bouw_agenda(frame, {6: ("1", "0")}, grens=date(2020, 1, 1))
    assert [i.code for i in items] == ["C", "E", "B", "F", "A", "G"]
    assert items[3].redenen == ("Fase gewijzigd sinds vorig overleg (1 → 0)",)
    assert items[5].redenen == ("Beheerconvenant over tijd (van 01-01-2015)",)


def test_verplaats_moves_and_clamps():
    assert agenda.verplaats([1, 2, 3, 4], 4, 0) == [4, 1, 2, 3]
    assert agenda.verplaats([1, 2, 3, 4], 1, 99) == [2, 3, 4, 1]
    assert agenda.verplaats([1, 2, 3], 5, 1) == [1, 5, 2, 3]


def test_omgeving_keeps_only_the_locations_around_a_point():
    locaties = pd.DataFrame({"id": [1, 2, 3, 4], "lon": [4.46, 4.50, 4.46, 5.20], "lat": [51.90, 51.92, 51.95, 51.90]})
    assert agenda.omgeving(locaties, 4.46, 51.90)["id"].tolist() == [1, 2]
    assert agenda.omgeving(locaties, 4.46, 51.90, (0.06, 0.8))["id"].tolist() == [1, 2, 3, 4]


def test_pagina_slices_and_clamps():
    assert pagina(250, 100, 1) == (0, 100)
    assert pagina(250, 100, 3) == (200, 250)
    assert pagina(250, 100, 9) == (200, 250)
    assert pagina(250, 100, 0) == (0, 100)
    assert pagina(0, 100, 1) == (0, 0)


def test_a_decision_is_appended_with_meeting_and_user_and_shows_everywhere(fresh_demo):
    vandaag = kalender.vandaag()
    with as_layer(fresh_demo, "hkd", "t.tester") as conn:
        kaart = fasen.locaties_kaart(conn, vandaag)
        locatie = kaart[kaart["fase"] == "0"].iloc[0]
        voor = fase_counts(conn, vandaag)
        nieuw_id = append_fase_besluit(conn, FaseBesluit(
            locatie_id=int(locatie["id"]), fase="2", ingangsdatum=vandaag, reden="Overlast rond de locatie",
            vastgelegd_door="t.tester", overleg_datum=vandaag))
        status_id = append_beheer_status(conn, BeheerStatus(
            locatie_id=int(locatie["id"]), ingangsdatum=vandaag, beheercommissie="opstart",
            beheerconvenant="actueel", convenant_datum=vandaag, meldingenregister=True, vastgelegd_door="t.tester",
            toelichting="Commissie opnieuw opstarten", overleg_datum=vandaag))
    with as_layer(fresh_demo, "hkd", "t.tester") as conn:
        na = fase_counts(conn, vandaag)
        lijst = overleg.besluitenlijst(conn, vandaag)
        tijdlijn = fasen.fase_tijdlijn(conn, int(locatie["id"]), vandaag)
        audit = conn.execute(text("SELECT gebruiker, tabel FROM hkd.audit_log WHERE rij_id = :id "
                                  "AND tabel = 'fase_besluiten'"), {"id": str(nieuw_id)}).one()
        eerste = fase_counts(conn, date(2023, 6, 1))
    assert na["0"] == voor["0"] - 1 and na["2"] == voor["2"] + 1
    assert list(eerste.values()) == [41, 30, 6, 1, 0], "the past stand is untouched"
    assert list(lijst["id"]) == [nieuw_id, status_id] and list(lijst["soort"]) == ["fase", "beheer"]
    assert (lijst["vastgelegd_door"] == "t.tester").all()
    assert tijdlijn.iloc[-1]["id"] == nieuw_id and tijdlijn.iloc[-1]["overleg_datum"] == vandaag
    assert tuple(audit) == ("t.tester", "fase_besluiten"), "every write is in the audit log, with the user"


def test_a_correction_is_a_new_entry_and_the_original_stays(fresh_demo):
    vandaag = kalender.vandaag()
    with as_layer(fresh_demo, "hkd", "t.tester") as conn:
        locatie_id = int(fasen.locaties_kaart(conn, vandaag)["id"].iloc[0])
        fout = append_fase_besluit(conn, FaseBesluit(locatie_id, "3a", vandaag, "Verkeerde locatie", "t.tester",
                                                     vandaag))
        goed = append_fase_besluit(conn, FaseBesluit(locatie_id, "1", vandaag, "Correctie: andere locatie bedoeld",
                                                     "t.tester", vandaag, corrigeert_id=fout))
    with as_layer(fresh_demo, "hkd", "t.tester") as conn:
        tijdlijn = fasen.fase_tijdlijn(conn, locatie_id, vandaag).set_index("id")
        nu = fasen.locaties_kaart(conn, vandaag).set_index("id").loc[locatie_id, "fase"]
    assert tijdlijn.loc[fout, "fase"] == "3a" and tijdlijn.loc[fout, "gecorrigeerd_door_id"] == goed
    assert tijdlijn.loc[goed, "corrigeert_id"] == fout and nu == "1"


@pytest.mark.parametrize("statement", [
    "UPDATE hkd.fase_besluiten SET reden = 'anders' WHERE id = (SELECT min(id) FROM hkd.fase_besluiten)",
    "DELETE FROM hkd.fase_besluiten WHERE id = (SELECT min(id) FROM hkd.fase_besluiten)",
    "UPDATE hkd.beheer_status SET toelichting = 'anders' WHERE id = (SELECT min(id) FROM hkd.beheer_status)",
])
@pytest.mark.parametrize("rol", ["hkd", None])
def test_the_database_refuses_to_change_history_even_for_hkd_and_the_owner(fresh_demo, statement, rol):
    with pytest.raises(DBAPIError) as err:
        if rol:
            with as_layer(fresh_demo, rol, "t.tester") as conn:
                conn.execute(text(statement))
        else:
            with fresh_demo.begin() as conn:
                conn.execute(text(statement))
    assert isinstance(err.value.orig, psycopg.errors.InsufficientPrivilege)


@pytest.mark.parametrize("db_rol", ["hkd_aanbieder", "hkd_publiek"])
@pytest.mark.parametrize("tabel", ["fase_besluiten", "beheer_status"])
def test_provider_and_public_roles_cannot_write_decisions(fresh_demo, db_rol, tabel):
    insert = {
        "fase_besluiten": "INSERT INTO hkd.fase_besluiten (locatie_id, fase, ingangsdatum, reden, vastgelegd_door) "
                          "VALUES (1, '3b', current_date, 'poging', 'indringer')",
        "beheer_status": "INSERT INTO hkd.beheer_status (locatie_id, ingangsdatum, beheercommissie, beheerconvenant, "
                         "meldingenregister, vastgelegd_door) VALUES (1, current_date, 'afwezig', 'afwezig', false, 'x')",
    }[tabel]
    with pytest.raises(DBAPIError) as err, fresh_demo.begin() as conn:
        conn.execute(sql("lagen", "zet_rol"), {"rol": db_rol})
        conn.execute(text(insert))
    assert isinstance(err.value.orig, psycopg.errors.InsufficientPrivilege)
    with fresh_demo.connect() as conn:
        geschreven = {"fase_besluiten": "SELECT count(*) FROM hkd.fase_besluiten WHERE vastgelegd_door = 'indringer'",
                      "beheer_status": "SELECT count(*) FROM hkd.beheer_status WHERE vastgelegd_door = 'x'"}[tabel]
        assert conn.execute(text(geschreven)).scalar_one() == 0


def test_hkd_role_can_write_decisions_at_the_database_level(fresh_demo):
    with fresh_demo.begin() as conn:
        conn.execute(text("SET LOCAL ROLE hkd_beheer"))
        conn.execute(text("INSERT INTO hkd.fase_besluiten (locatie_id, fase, ingangsdatum, reden, vastgelegd_door) "
                          "VALUES (1, '1', current_date, 'test', 't.tester')"))

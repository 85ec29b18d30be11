"""AppTest of the HKD pages: escalatieladder, overleg (recording a decision), locatieregister, beheer."""

import json
import re
from datetime import date

import pytest
from sqlalchemy import text
from streamlit.testing.v1 import AppTest

from core.domain import INVENTARISATIE_DATUM
from dashboard.ladder import view as lv
from dashboard.toegang.auth import User
from geo.formaten import LOCATIES
from queries.lagen import as_layer
from tests.demo_dagen import in_voorbereiding

HKD = User(naam="t.tester", rol="hkd")


def _knop(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)




@pytest.mark.parametrize("page", ["escalatieladder", "overleg", "locatieregister", "beheer"])
def test_hkd_pages_are_closed_to_the_public_and_to_providers(app, page):
    for session in ({}, {"hkd_user": User(naam="alfa", rol="aanbieder", aanbieder_code="alfa")}):
        at = app(page, **session)
        assert not at.exception, at.exception
        assert at.warning and "alleen beschikbaar" in at.warning[0].value
        assert not at.metric and not at.get("deck_gl_json_chart") and not at.dataframe


def test_escalatieladder_map_legend_counts_and_stand_per_datum(app):
    at = app("escalatieladder", hkd_user=HKD)
    assert not at.exception, at.exception
    assert [m.value for m in at.metric] == ["41", "31", "6", "0", "0"]
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    lagen = {layer["id"]: layer for layer in spec["layers"]}
    assert lagen["locaties"]["@@type"] == "ScatterplotLayer" and len(lagen["locaties"]["data"]) == 78
    assert "straat" not in lagen["locaties"]["data"][0]  # compact: only what the dots and the tooltip show
    gebieden = {f["properties"]["code"] for f in lagen["gebieden"]["data"]["features"]}
    assert 1 < len(gebieden) <= lv.MAX_OMTREKKEN  # the outlines of the gebieden the locations lie in
    labels = sorted({d["label"] for d in lagen["fase_labels"]["data"]})
    assert lagen["fase_labels"]["@@type"] == "TextLayer" and labels == ["0", "1", "2"]
    legenda = " ".join(h.proto.body for h in at.get("html"))
    for naam in ("Slapend regime", "Actief basisregime", "Verscherpt regime", "Multidisciplinaire aanpak",
                 "extra toezicht en handhaving"):
        assert naam in legenda
    assert at.get("plotly_chart"), "the inventory progress chart"
    assert any("11 van 15 gedaan" in m.value for m in at.markdown)
    at.date_input(key="ladder_datum").set_value(INVENTARISATIE_DATUM).run()
    assert [m.value for m in at.metric] == ["41", "30", "6", "1", "0"]
    assert any("0 van 15 gedaan" in m.value for m in at.markdown)


def test_escalatieladder_table_pages_a_long_list_while_the_csv_stays_complete(app, monkeypatch):
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    csv: list[bytes] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def capture(self, path_or_data, mimetype, kind, filename=None):
        if filename and filename.endswith(".csv"):
            csv.append(path_or_data.encode() if isinstance(path_or_data, str) else path_or_data)
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", capture)
    uitgesteld: dict[str, object] = {}
    add_deferred = MediaFileManager.add_deferred

    def onthoud(self, data_callable, *args, **kwargs):
        file_id = add_deferred(self, data_callable, *args, **kwargs)
        uitgesteld[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", onthoud)
    monkeypatch.setattr(lv, "TABEL_PAGINA", 30)
    at = app("escalatieladder", hkd_user=HKD)
    assert not at.exception, at.exception
    assert len(at.dataframe[0].value) == 30
    assert any("Locaties 1 tot en met 30 van 78" in c.value and "alle 78 locaties" in c.value for c in at.caption)
    at.number_input(key="ladder_pagina").set_value(3).run()
    derde = at.dataframe[0].value
    assert len(derde) == 18 and any("Locaties 61 tot en met 78 van 78" in c.value for c in at.caption)
    # the CSV is made on the click (dashboard.widgets.downloads): nothing at /media/ before it; click it as the browser would
    knop = next(b for b in at.get("download_button") if b.proto.label == "Download lijst als CSV")
    assert knop.proto.deferred_file_id and not knop.proto.url
    csv.append(uitgesteld[knop.proto.deferred_file_id]())
    assert len(csv[-1].decode().strip().splitlines()) == 1 + 78


def test_escalatieladder_filters_and_location_detail(app):
    at = app("escalatieladder", hkd_user=HKD)
    at.multiselect(key="ladder_fase").set_value(["2"]).run()
    assert [m.value for m in at.metric] == ["0", "0", "6", "0", "0"]
    at.multiselect(key="ladder_fase").set_value([]).run()
    at.checkbox(key="ladder_open").check().run()
    assert sum(int(m.value) for m in at.metric) < 78
    keuze = next(o for o in at.selectbox(key="ladder_locatie").options if o.startswith("HKD-006"))
    at.selectbox(key="ladder_locatie").set_value(keuze).run()
    assert not at.exception, at.exception
    assert at.subheader[0].value.startswith("HKD-006")
    tijdlijn = at.table[0].value
    assert {"Ingangsdatum", "Fase", "Reden", "Overleg", "Vastgelegd door", "Correctie"} <= set(tijdlijn.columns)
    assert tijdlijn["Correctie"].str.startswith("correctie van besluit").sum() == 1
    tekst = " ".join(m.value for m in at.markdown)
    assert "Beheercommissie" in tekst and "Meldingenregister" in tekst and "Wijkprofiel" in tekst
    assert "Veiligheid:" in tekst and "Plaatsen:" in tekst
    # seed 001: the three kinds of beheersafspraken, and the woonvorm's term per the convenant
    assert "Tussen zorgaanbieder en cliënt (ondersteuningsplannen en huisregels): vastgelegd sinds 01-06-2023" in tekst
    assert "Tussen zorgaanbieder en gemeente (contract): vastgelegd sinds 01-06-2023" in tekst
    assert "(beheerconvenant):" in tekst and ", convenant)" in tekst


def _kies(at: AppTest, label: str):
    return next(s for s in at.selectbox if s.label == label)


def _tekst(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def _volgend(engine) -> date:
    """The demo's Sturingsoverleg in preparation (placed after the day the demo was loaded)."""
    with engine.connect() as conn:
        return in_voorbereiding(conn)


def test_overleg_steps_through_the_agenda_and_records_a_decision(app_rw, fresh_demo):
    volgend = _volgend(fresh_demo)
    at = app_rw("overleg", hkd_user=HKD)
    assert not at.exception, at.exception
    assert f"{volgend:%d-%m-%Y} (in voorbereiding)" in _kies(at, "Vergadering").format_func(at.session_state["overleg_vergadering"])
    assert at.subheader[0].value.startswith("Agenda: ")
    eerste = at.header[0].value
    at.button(key="overleg_volgende").click().run()
    tweede = at.header[0].value
    assert tweede != eerste and "Agendapunt 2 van" in _tekst(at)
    assert _tekst(at).count("Agendapunt 2 van") == 1
    with fresh_demo.connect() as conn:  # the current item is in the database, for every other screen
        huidig = conn.execute(text("SELECT p.titel, v.voorzitter FROM hkd.vergaderingen v JOIN hkd.agendapunten p "
                                   "ON p.id = v.huidig_punt_id WHERE v.datum = :d"), {"d": volgend}).one()
    assert tuple(huidig) == (tweede.replace("\\", ""), "t.tester")
    at.button(key="overleg_vorige").click().run()
    assert at.header[0].value == eerste
    at.toggle(key="overleg_presentatie").set_value(True).run()
    assert at.get("dataframe") == [] or len(at.dataframe) == 2  # agenda management hidden; lists folded
    at.button(key="overleg_volgende").click().run()
    code = at.header[0].value.split()[0]
    _kies(at, "Nieuwe fase").set_value("3a")
    at.text_area[0].input("Verbeterplan nodig na meldingen")
    _knop(at, "Fasebesluit vastleggen").click().run()
    assert not at.exception, at.exception
    assert at.success and code in at.success[0].value and "vastgelegd" in at.success[0].value
    with fresh_demo.connect() as conn:
        rij = conn.execute(text(
            "SELECT b.fase, b.reden, b.overleg_datum, b.vastgelegd_door, vb.soort FROM hkd.fase_besluiten b "
            "JOIN hkd.locaties l ON l.id = b.locatie_id JOIN hkd.vergadering_besluiten vb ON vb.fase_besluit_id = b.id "
            "WHERE l.code = :c ORDER BY b.id DESC LIMIT 1"), {"c": code}).one()
    assert tuple(rij) == ("3a", "Verbeterplan nodig na meldingen", volgend, "t.tester", "fase")
    at.toggle(key="overleg_presentatie").set_value(False).run()
    besluiten = next(d.value for d in reversed(at.dataframe) if "Besluit" in d.value.columns)
    assert any("Nog geen acties." in c.value for c in at.caption)  # an empty list is a sentence, not a grid
    assert any(code in str(x) for x in besluiten["Locatie"])
    assert [b.label for b in at.get("download_button")] == [
        "Agenda (PDF)", "Besluitenlijst (PDF)", "Besluitenlijst (Excel)", "Actielijst (PDF)", "Actielijst (Excel)"]


def test_overleg_refuses_a_decision_without_reason(app_rw, fresh_demo):
    at = app_rw("overleg", hkd_user=HKD)
    _knop(at, "Fasebesluit vastleggen").click().run()
    assert at.error and "reden" in at.error[0].value
    with fresh_demo.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM hkd.fase_besluiten WHERE vastgelegd_door = 't.tester'")
                            ).scalar_one() == 0


def test_overleg_agenda_items_can_be_added_and_moved(app_rw, fresh_demo):
    at = app_rw("overleg", hkd_user=HKD)
    voor = len(at.dataframe[0].value)
    keuze = at.selectbox(key="overleg_toevoegen").options[-1]
    at.selectbox(key="overleg_toevoegen").set_value(keuze).run()
    at.button(key="overleg_toevoegen_knop").click().run()
    assert not at.exception, at.exception
    assert len(at.dataframe[0].value) == voor + 1
    with fresh_demo.connect() as conn:
        nieuw = conn.execute(text("SELECT id FROM hkd.agendapunten WHERE handmatig")).scalar_one()
    at.selectbox(key="overleg_punt").set_value(nieuw)
    at.number_input(key="overleg_positie").set_value(1).run()
    at.button(key="overleg_verplaats_knop").click().run()
    assert at.header[0].value.split()[0] == keuze.split()[0], "the moved item is now first"
    assert "Handmatig toegevoegd" in _tekst(at)
    # removing an item takes it off the steps of the meeting
    stappen = _tekst(at).split("Agendapunt 1 van ")[1].split()[0]
    at.selectbox(key="overleg_punt").set_value(nieuw)
    at.button(key="overleg_verwijder").click().run()
    assert int(_tekst(at).split("Agendapunt 1 van ")[1].split()[0]) == int(stappen) - 1


def test_overleg_add_button_takes_a_typed_title_without_enter(app_rw, fresh_demo):
    # The button was disabled until a rerun saw the title, i.e. until Enter was pressed: now it is always usable,
    # the title typed goes with the click, and a click with nothing chosen says what is missing.
    at = app_rw("overleg", hkd_user=HKD)
    knop = at.button(key="overleg_toevoegen_knop")
    assert not knop.disabled
    knop.click().run()
    assert any("titel" in w.value for w in at.warning)
    at.text_input(key="overleg_toevoegen_titel").input("Rondvraag")  # typed, no Enter: no rerun of its own
    at.button(key="overleg_toevoegen_knop").click().run()
    assert not at.exception, at.exception
    with fresh_demo.connect() as conn:
        assert conn.execute(text("SELECT titel FROM hkd.agendapunten WHERE handmatig")).scalars().all() == [
            "Rondvraag"]


def test_overleg_long_agenda_is_capped_and_routine_items_bundled(app):
    at = app("overleg", hkd_user=HKD)
    assert not at.exception, at.exception
    tabel = at.dataframe[0].value
    op_agenda = tabel[tabel["Nr"] != ""]
    hamer = tabel[tabel["Status"].str.contains("hamerstuk")]
    assert len(hamer) > 5 and hamer["Nr"].nunique() == 1, "all hamerstukken are one agenda item"
    stappen = int(at.subheader[0].value.split(": ")[1].split()[0])
    assert stappen == op_agenda["Nr"].nunique() <= 13
    assert (tabel["Status"].str.startswith("reserve")).any(), "what is beyond the cap waits in reserve"
    assert len(at.selectbox(key="overleg_punt").options) == len(tabel), "every item can still be accepted or moved"
    assert any("Hoogstens 12 punten" in c.value and "hamerstuk" in c.value for c in at.caption)


def test_overleg_two_editors_never_overwrite_each_other(app_rw, fresh_demo):
    volgend = _volgend(fresh_demo)
    a = app_rw("overleg", hkd_user=HKD)
    b = app_rw("overleg", hkd_user=User(naam="b.collega", rol="hkd"))
    with fresh_demo.connect() as conn:
        eerste, tweede = conn.execute(text("SELECT p.id FROM hkd.agendapunten p JOIN hkd.vergaderingen v "
                                           "ON v.id = p.vergadering_id WHERE v.datum = :d ORDER BY p.volgorde LIMIT 2"),
                                      {"d": volgend}).scalars()
    b.selectbox(key="overleg_punt").set_value(tweede).run()  # b's screen shows the agenda as it is now ...
    a.selectbox(key="overleg_punt").set_value(eerste).run()
    a.button(key="overleg_verwijder").click().run()  # ... then a removes an item
    assert a.success and "verwijderd" in a.success[0].value
    b.button(key="overleg_verwijder").click().run()  # b's edit rests on the old version: refused, not lost
    assert b.warning and "iemand anders heeft de agenda" in b.warning[0].value
    with fresh_demo.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM hkd.agendapunten WHERE status = 'verwijderd'")).scalar_one() == 1
    b.selectbox(key="overleg_punt").set_value(tweede).run()  # b now sees the new version: the edit goes through
    b.button(key="overleg_verwijder").click().run()
    assert b.success and not b.warning
    with fresh_demo.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM hkd.agendapunten WHERE status = 'verwijderd'")).scalar_one() == 2


def test_a_second_screen_follows_the_chair_and_cannot_move_it(app_rw, fresh_demo):
    a = app_rw("overleg", hkd_user=HKD)
    b = app_rw("overleg", hkd_user=User(naam="b.collega", rol="hkd"), overleg_presentatie=True)
    a.button(key="overleg_volgende").click().run()
    b.run()  # what the live fragment does when the database moved on
    assert b.header[0].value == a.header[0].value and "Agendapunt 2 van" in _tekst(b)
    assert not [x for x in b.button if x.key == "overleg_volgende"], "only the chair moves the meeting"
    assert any(x.key == "overleg_voorzitter" for x in b.button)


def test_locatieregister_page_explains_the_columns(app):
    at = app("locatieregister", hkd_user=HKD)
    assert not at.exception, at.exception
    assert [b.label for b in at.get("download_button")] == ["Voorbeeld (CSV)", "Voorbeeld (Excel)"]
    uitleg = next(m.value for m in at.markdown if m.value.startswith("Verplicht:"))
    verplicht, optioneel = uitleg.split("\n", 1)[0].split("Optioneel:")
    assert tuple(re.findall(r"`([a-z_]+)`", verplicht)) == LOCATIES.verplichte_namen  # read from the declaration
    assert tuple(re.findall(r"`([a-z_]+)`", optioneel)) == LOCATIES.optionele_namen


def test_a_provider_sees_the_decisions_about_its_own_locations_only(app, demo_engine):
    at = app("aanbiederskaart", hkd_user=User(naam="alfa", rol="aanbieder", aanbieder_code="alfa"))
    assert not at.exception, at.exception
    with demo_engine.connect() as conn:
        eigen = {r[0] for r in conn.execute(text(
            "SELECT l.code FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id WHERE a.code = 'alfa'"))}
    tabel = next(d.value for d in at.dataframe if "Soort besluit" in d.value.columns)
    assert len(tabel) and set(tabel["Code"]) <= eigen
    assert any(e.label.startswith("Besluiten van het Sturingsoverleg") for e in at.expander)


def test_the_chosen_correction_stays_when_a_decision_is_added_elsewhere(app_rw, fresh_demo):
    """The "Corrigeert een eerder besluit" choice is a decision's id and the widget keeps its identity when a decision
    recorded meanwhile on another screen adds an option: the browser keeps the pending choice of a form's widget only
    while its identity stays (an unkeyed selectbox is identified by its labels, so a new one reset the choice)."""
    from queries.besluiten import FaseBesluit, append_fase_besluit

    at = app_rw("overleg", hkd_user=HKD)
    code = at.header[0].value.split()[0]
    voor = _kies(at, "Corrigeert een eerder besluit")
    with as_layer(fresh_demo, "hkd", "b.collega") as conn:  # earlier than every other: first in the list
        locatie = conn.execute(text("SELECT id FROM hkd.locaties WHERE code = :c"), {"c": code}).scalar_one()
        nieuw = append_fase_besluit(conn, FaseBesluit(locatie, "2", date(2020, 1, 1), "Eerder besluit, later ingevoerd",
                                                      "b.collega"))
    at.run()
    assert not at.exception, at.exception
    na = _kies(at, "Corrigeert een eerder besluit")
    assert len(na.options) == len(voor.options) + 1 and na.options[1].startswith(f"besluit {nieuw}:")
    assert na.id == voor.id
    # submitted, the chosen id is what the decision corrects
    eerder = int(na.options[-1].split()[1].rstrip(":"))
    na.set_value(eerder)
    next(t for t in at.text_area if t.label == "Reden").input("Correctie van het vorige besluit")
    _knop(at, "Fasebesluit vastleggen").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    with fresh_demo.connect() as conn:
        assert conn.execute(text("SELECT corrigeert_id FROM hkd.fase_besluiten WHERE reden = 'Correctie van het "
                                 "vorige besluit'")).scalar_one() == eerder

"""Search on the maps per role, and the selection in the URL: the public never finds a facility, a provider only
its own, a link with a foreign or tampered selection is refused calmly."""

from __future__ import annotations

import json

import pandas as pd
import pytest
import streamlit as st
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError
from streamlit.testing.v1 import AppTest

from dashboard.toegang.auth import User
from geo.search import lees
from queries import zoeken
from queries.lagen import as_layer

HKD = User("beleid", "hkd")
ALFA = User("alfa", "aanbieder", "alfa")


@pytest.fixture(scope="module")
def demo_locaties(demo_engine) -> pd.DataFrame:
    with demo_engine.connect() as conn:
        return pd.read_sql(text("SELECT l.code, l.naam, replace(l.postcode, ' ', '') AS pc6, l.huisnummer, a.code AS "
                                "aanbieder FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id "
                                "ORDER BY l.code"), conn)


def _decks(at) -> list[dict]:
    return [json.loads(d.proto.json) for d in at.get("deck_gl_json_chart")]


def _zoek(at, key: str, tekst: str):
    at.text_input(key=f"{key}_zoek").input(tekst).run()
    assert not at.exception, at.exception
    return at


def _layer_ids(at) -> list[str]:
    return [layer["id"] for layer in _decks(at)[0]["layers"]]


# --- the queries, under the layer roles (the database decides) ---

def test_public_role_cannot_search_locations_at_all(demo_engine, demo_locaties):
    vraag = lees(demo_locaties["code"].iloc[0])
    with pytest.raises((ProgrammingError, pd.errors.DatabaseError), match="permission denied"), \
            as_layer(demo_engine, "publiek", "anoniem") as conn:
        zoeken.locaties(conn, vraag)


def test_area_search_as_public_finds_areas_only(demo_engine, demo_locaties):
    with as_layer(demo_engine, "publiek", "anoniem") as conn:
        for tekst in (demo_locaties["naam"].iloc[0], demo_locaties["code"].iloc[0], "Feijenoord", "3072",
                      f"{demo_locaties['pc6'].iloc[0]} {demo_locaties['huisnummer'].iloc[0]}"):
            found = zoeken.gebieden(conn, lees(tekst))
            assert set(found.columns) == {"niveau", "code", "naam", "min_lon", "min_lat", "max_lon", "max_lat",
                                          "geometry"}
            assert set(found["niveau"]) <= {"pc4", "gebied", "wijkprofiel", "buurt"}
            assert not set(found["code"]) & set(demo_locaties["code"])
        assert "3072" in set(zoeken.gebieden(conn, lees("3072"))["code"])
        assert any("Feijenoord" in n for n in zoeken.gebieden(conn, lees("feijenoord"))["naam"])
        # hostile text is a literal pattern: no error, no match-all
        assert zoeken.gebieden(conn, lees("%' OR 1=1 --")).empty
        assert zoeken.gebieden(conn, lees("_%")).empty


def test_provider_finds_only_its_own_locations(demo_engine, demo_locaties):
    eigen = demo_locaties[demo_locaties["aanbieder"] == "alfa"].iloc[0]
    ander = demo_locaties[demo_locaties["aanbieder"] != "alfa"].iloc[0]
    with as_layer(demo_engine, "aanbieder", "alfa", "alfa") as conn:
        assert list(zoeken.locaties(conn, lees(eigen["code"]))["code"]) == [eigen["code"]]
        assert zoeken.locaties(conn, lees(ander["code"])).empty
        assert zoeken.locaties(conn, lees(ander["naam"]))["code"].isin(
            demo_locaties.loc[demo_locaties["aanbieder"] == "alfa", "code"]).all()
        pc = zoeken.locaties(conn, lees(f"{eigen['pc6']} {eigen['huisnummer']}"))
        assert eigen["code"] in set(pc["code"])
    with as_layer(demo_engine, "hkd", "beleid") as conn:
        assert list(zoeken.locaties(conn, lees(ander["code"]))["code"]) == [ander["code"]]


# --- the pages ---

def test_public_map_search_zooms_to_a_postcode_and_puts_it_in_the_url(app):
    at = app("openbare_kaart")
    voor = _decks(at)[0]["initialViewState"]
    _zoek(at, "openbaar", "3072")
    spec = _decks(at)[0]
    assert "zoekresultaat" in _layer_ids(at)
    assert spec["initialViewState"]["zoom"] > voor["zoom"] + 1
    assert at.query_params.get("pc4") in ("3072", ["3072"])
    assert any("Postcodegebied 3072" in m.value for m in at.markdown)


def test_public_map_never_offers_a_facility(app, demo_locaties):
    at = app("openbare_kaart")
    for tekst in (demo_locaties["code"].iloc[0], demo_locaties["naam"].iloc[0]):
        _zoek(at, "openbaar", tekst)
        shown = " ".join([c.value for c in at.caption] + [str(o) for s in at.selectbox for o in s.options])
        assert "Locatie " not in shown
        assert demo_locaties["code"].iloc[0] not in json.dumps(_decks(at))


def test_wijk_name_search_zooms_there(app):
    at = app("openbare_kaart")
    _zoek(at, "openbaar", "Feijenoord")
    assert "zoekresultaat" in _layer_ids(at)
    assert _decks(at)[0]["initialViewState"]["zoom"] > 11


def _open(project_root, demo_url, monkeypatch, page: str, params: dict, **session) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", demo_url)
    monkeypatch.chdir(project_root)
    st.cache_data.clear()
    at = AppTest.from_file(str(project_root / "dashboard/app.py"), default_timeout=60)
    for key, value in session.items():
        at.session_state[key] = value
    at.query_params.update(params)
    at.run()
    if page != "openbare_kaart":
        at.query_params.update(params)  # as a link straight to the page
        at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def test_pc4_link_round_trip(project_root, demo_url, monkeypatch):
    at = _open(project_root, demo_url, monkeypatch, "openbare_kaart", {"pc4": "3072"})
    assert any("Postcodegebied 3072" in m.value for m in at.markdown)
    assert "selectie" in _layer_ids(at)


@pytest.mark.parametrize("tampered", ["9999", "<script>", "3072' OR '1'='1"])
def test_tampered_pc4_link_is_refused_calmly(project_root, demo_url, monkeypatch, tampered):
    at = _open(project_root, demo_url, monkeypatch, "openbare_kaart", {"pc4": tampered})
    assert any("uit de link" in i.value for i in at.info)
    assert not any("Postcodegebied" in m.value for m in at.markdown)
    assert "pc4" not in at.query_params


def test_location_link_opens_the_detail_for_hkd(project_root, demo_url, monkeypatch, demo_locaties):
    code = demo_locaties["code"].iloc[3]
    at = _open(project_root, demo_url, monkeypatch, "escalatieladder", {"locatie": code}, hkd_user=HKD)
    assert any(code in s.value for s in at.subheader)


def test_a_foreign_location_link_shows_a_provider_nothing(project_root, demo_url, monkeypatch, demo_locaties):
    ander = demo_locaties[demo_locaties["aanbieder"] != "alfa"].iloc[0]
    for page in ("escalatieladder", "aanbiederskaart"):
        at = _open(project_root, demo_url, monkeypatch, page, {"locatie": ander["code"], "pc4": "0000"},
                   hkd_user=ALFA)
        blob = " ".join(str(e.value) for e in [*at.markdown, *at.subheader, *at.caption]) + json.dumps(_decks(at))
        assert ander["code"] not in blob and ander["naam"] not in blob
        if page == "aanbiederskaart":  # the page itself works, the tampered pc4 is refused
            assert _decks(at) and any("uit de link" in i.value for i in at.info)


def test_escalatieladder_search_finds_a_location_and_opens_it(app, demo_locaties):
    code = demo_locaties["code"].iloc[5]
    at = app("escalatieladder", hkd_user=HKD)
    _zoek(at, "ladder", code)
    assert "zoekresultaat" in _layer_ids(at)
    assert any(code in s.value for s in at.subheader)
    assert at.query_params.get("locatie") in (code, [code])


def test_wijktrends_search_selects_the_area_and_the_link_carries_it(app, project_root, demo_url, monkeypatch):
    at = app("wijktrends")
    _zoek(at, "wijktrends", "Feijenoord")
    gekozen = at.session_state["wijktrends_gebied"]
    assert gekozen and at.query_params.get("gebied") in (gekozen, [gekozen])
    assert "zoekresultaat" in _layer_ids(at)
    again = _open(project_root, demo_url, monkeypatch, "wijktrends", {"gebied": gekozen})
    assert again.session_state["wijktrends_gebied"] == gekozen
    tampered = _open(project_root, demo_url, monkeypatch, "wijktrends", {"gebied": "<img src=x>"})
    assert tampered.session_state["wijktrends_gebied"] is None
    assert any("uit de link" in i.value for i in tampered.info)

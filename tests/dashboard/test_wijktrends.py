"""The Wijktrends page on the demo: Kaart 4-8 tells the report's story, tables and selection agree, roles respected."""

from __future__ import annotations

import base64
import json
from collections import Counter

import numpy as np
import pytest
import streamlit as st
from sqlalchemy import text
from streamlit.testing.v1 import AppTest

from core.indicatoren import label
from core.settings import SHARED_DATA
from dashboard.toegang.auth import SESSION_KEY, User
from dashboard.trends.toestand import SELECTIE
from data.indicator_import import load_indicatoren
from geo import analysegebied
from geo.disclosure import IndicatorRule
from geo.vierkanten import AANDEEL_TABEL_4_2
from queries import trends
from tests.conftest import needs_shared_data


def _values(v) -> list:
    """A plotly array from the figure JSON (plain list, or typed array ``{"dtype", "bdata"}``)."""
    if isinstance(v, dict) and "bdata" in v:
        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"]).tolist()
    return list(v)


def _tabel(at):
    """The first table of areas on the page (a ``Gekozen`` column); the disclosure expander's table comes before
    it when values are withheld (directe bemiddeling under 10 in the demo)."""
    return next(df.value for df in at.dataframe if "Gekozen" in df.value)


def _deck(at, index: int = 0) -> dict:
    return json.loads(at.get("deck_gl_json_chart")[index].proto.json)


def _layer(spec: dict, layer_id: str) -> dict:
    return next(layer for layer in spec["layers"] if layer["id"] == layer_id)


def _classes(spec: dict) -> dict[str, str]:
    """name -> tooltip text of every area on Kaart 4-8."""
    return {f["properties"]["naam"]: f["properties"]["toelichting"]
            for f in _layer(spec, "kaart_4_8")["data"]["features"]}


def test_kaart_4_8_shows_the_reports_story_with_labels_and_legend(app):
    at = app("wijktrends")
    assert not at.exception, at.exception
    spec = _deck(at)
    classes = _classes(spec)
    assert classes["Bloemhof"].startswith("3. donkergroen")
    assert classes["Bospolder"].startswith("1. donkerrood/bruin")
    assert classes["Hillesluis"].startswith("1. donkerrood/bruin")
    # the class number is drawn on the map too (not colour alone), one label per area
    labels = _layer(spec, "kaart_4_8_labels")["data"]
    assert len(labels) == len(classes) and {"1", "3"} <= {r["label"] for r in labels}
    # no third-party basemap: no style URL (dashboard.kaart.maps.deck suppresses Streamlit's Carto fallback)
    assert not str(spec.get("mapStyle") or "").startswith("http") and "carto" not in json.dumps(spec).lower()
    legend = " ".join(h.proto.body for h in at.get("html"))
    assert "de belangrijke uitzondering op de regel" in legend
    assert "donkerrood/bruin" in legend and "heldergroen" in legend
    assert any("Overlast al hoog" in c.value for c in at.caption)


def test_only_the_chosen_view_is_sent(app):
    at = app("wijktrends")
    assert len(at.get("deck_gl_json_chart")) == 1 and not at.get("plotly_chart")
    at.segmented_control(key="wijktrends_weergave").set_value("kaarten").run()
    assert not at.exception, at.exception
    assert _deck(at, 0)["layers"][0]["id"] == "kaart_4-3"
    assert len(at.get("deck_gl_json_chart")) == 1 and not at.get("plotly_chart")


def test_tables_4_1_and_4_2_follow_the_data_and_mark_focus_areas(app):
    at = app("wijktrends")
    at.segmented_control(key="wijktrends_weergave").set_value("tabellen").run()
    assert not at.exception, at.exception
    assert not at.get("deck_gl_json_chart")
    tabel_42, tabel_43 = (df.value for df in at.dataframe if "deel_vierkanten" in df.value)  # in page order
    assert {"Bospolder", "Hillesluis", "Afrikaanderwijk", "Tarwewijk"} <= set(tabel_42["gebied"])
    assert tabel_42.set_index("gebied").loc["Hillesluis", "focus"] == "NPRZ, RGW"
    assert len(tabel_42) == 26 and set(tabel_42.loc[tabel_42["deel_vierkanten"].isna(), "klasse_nr"]) == {"1"}
    # Bloemhof, Vreewijk and Zevenkamp in both tables, each row naming the part of its squares (the report's parts)
    for tabel in (tabel_42, tabel_43):
        delen = tabel[tabel["deel_vierkanten"].notna()]
        assert {g.split(" (deel: ")[0] for g in delen["gebied"]} == {"Bloemhof", "Vreewijk", "Zevenkamp"}
        assert all(f"(deel: {p:.0f} % van de vierkanten)" in g
                   for g, p in zip(delen["gebied"], delen["deel_vierkanten"], strict=True))
        assert delen["deel_vierkanten"].between(1, 99).all()
    assert {g.split(" (deel: ")[0] for g in tabel_43["gebied"]} == {
        "Bloemhof", "Schiebroek", "Zevenkamp", "Vreewijk", "Spangen", "Hoogvliet Zuid", "Beverwaard"}
    share = f"{round(AANDEEL_TABEL_4_2 * 100)} % van haar vierkanten"
    assert any(share in c.value for c in at.caption), "the share is stated from the register"


def test_a_selected_wijk_is_marked_on_map_table_and_chart(app, demo_engine):
    at = app("wijktrends", **{SELECTIE: "BU05991081"})
    assert not at.exception, at.exception
    spec = _deck(at)
    outline = _layer(spec, "selectie")["data"]["features"]
    assert [f["properties"]["code"] for f in outline] == ["BU05991081"]
    main = _tabel(at)
    assert main.loc[main["Gekozen"] == "●", "gebied"].tolist() == ["Bloemhof"]
    at.segmented_control(key="wijktrends_weergave").set_value("lijnen").run()
    assert not at.exception, at.exception
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert {t["name"] for t in chart["data"]} == {"Bloemhof", "Gemiddelde alle gebieden"}


def test_period_change_reclassifies(app):
    at = app("wijktrends")
    at.select_slider(key="wijktrends_periode").set_value((2018, 2024)).run()
    assert not at.exception, at.exception
    assert "2018-2024" in at.subheader[0].value


def test_public_gets_pc4_counts_never_points(app):
    at = app("wijktrends")
    at.toggle(key="wijktrends_voorzieningen").set_value(True).run()
    ids = {layer["id"] for layer in _deck(at)["layers"]}
    assert "voorzieningen_pc4" in ids and "voorzieningen_punten" not in ids
    payload = " ".join(d.proto.json for d in at.get("deck_gl_json_chart"))
    assert "voorzieningen_punten" not in payload and "plaatsen" not in payload
    counts = _layer(_deck(at), "voorzieningen_pc4")["data"]
    assert all(set(r) == {"lon", "lat", "naam", "toelichting", "voorzieningen"} for r in counts)
    assert all(r["naam"].startswith("Postcode ") for r in counts)


def test_aanbieder_gets_no_points_hkd_does(app):
    aanbieder = User(naam="a", rol="aanbieder", aanbieder_code="alfa")
    at = app("wijktrends", **{SESSION_KEY: aanbieder})
    at.toggle(key="wijktrends_voorzieningen").set_value(True).run()
    assert "voorzieningen_punten" not in {layer["id"] for layer in _deck(at)["layers"]}

    at = app("wijktrends", **{SESSION_KEY: User(naam="h", rol="hkd")})
    at.toggle(key="wijktrends_voorzieningen").set_value(True).run()
    points = _layer(_deck(at), "voorzieningen_punten")["data"]
    assert len(points) == 78


def test_wijkprofiel_level_shows_its_years(app):
    at = app("wijktrends")
    at.selectbox(key="wijktrends_niveau").set_value("wijkprofiel").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="wijktrends_overlast").value == "wijkprofiel_veiligheid"
    assert at.select_slider(key="wijktrends_periode").value == (2014, 2024)


@needs_shared_data
@pytest.mark.realdata
def test_real_wijkprofiel_file_shows_2014_to_2026_trends(fresh_demo, monkeypatch, project_root):
    load_indicatoren(fresh_demo, SHARED_DATA / "stats_wijkprofiel_2014_2026.csv", "wijkprofiel")
    monkeypatch.setenv("DATABASE_URL", fresh_demo.hkd_url)
    monkeypatch.chdir(project_root)
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        at = AppTest.from_file(str(project_root / "dashboard/app.py"), default_timeout=60)
        at.session_state[SELECTIE] = "carnisse"
        at.run()
        at.switch_page("pages/wijktrends.py").run()
        at.selectbox(key="wijktrends_niveau").set_value("wijkprofiel").run()
        assert not at.exception, at.exception
        assert at.select_slider(key="wijktrends_periode").value == (2014, 2026)
        at.segmented_control(key="wijktrends_weergave").set_value("lijnen").run()
        at.radio(key="wijktrends_lijnind").set_value("wijkprofiel_veiligheid").run()
        chart = json.loads(at.get("plotly_chart")[0].proto.spec)
        carnisse = next(t for t in chart["data"] if t["name"] == "Carnisse")
        assert _values(carnisse["x"]) == [2014, 2016, 2018, 2020, 2022, 2024, 2026]
        assert _values(carnisse["y"])[0] == 90  # the real 2014 veiligheid_index of Carnisse
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()


def test_long_tables_are_paged_and_keep_the_selected_wijk_visible(app, monkeypatch):
    from dashboard.trends import indicatoren as trends_views

    monkeypatch.setattr(trends_views, "PAGINA", 40)
    at = app("wijktrends", **{SELECTIE: "BU05991081"})
    assert not at.exception, at.exception
    main = _tabel(at)
    assert len(main) <= 41 and main.loc[main["Gekozen"] == "●", "gebied"].tolist() == ["Bloemhof"]
    at.number_input(key="wijktrends_tabel_48_pagina").set_value(3).run()
    page3 = _tabel(at)
    assert 0 < len(page3) <= 41 and "Bloemhof" in set(page3["gebied"])
    assert any("de download bevat alle" in c.value and c.value.endswith("rijen.") for c in at.caption)


def _sql_tabel_4_1(engine, jaar: int) -> set[str]:
    """Tabel 4-1 straight from SQL: buurten whose index is at least 130 % of the Dutch value that year."""
    with engine.connect() as conn:
        return {r[0] for r in conn.execute(text(
            "SELECT g.naam FROM hkd.indicatoren i JOIN hkd.gebieden g ON g.niveau = 'buurt' AND g.code = i.gebied_code "
            "JOIN hkd.indicatoren nl ON nl.niveau = 'referentie' AND nl.gebied_code = 'NL' "
            "AND nl.indicator = i.indicator AND nl.jaar = i.jaar "
            "WHERE i.niveau = 'buurt' AND i.indicator = 'kwetsbare_groepen' AND i.jaar = :j "
            "AND i.waarde / nl.waarde * 100 >= 130"), {"j": jaar})}


def test_tabel_4_1_is_the_top_band_against_nl_and_agrees_with_sql(app, demo_engine):
    at = app("wijktrends")
    at.segmented_control(key="wijktrends_weergave").set_value("tabellen").run()
    assert not at.exception, at.exception
    tabel_41 = next(df.value for df in at.dataframe if "index_nl" in df.value)
    assert set(tabel_41["gebied"]) == _sql_tabel_4_1(demo_engine, 2018)
    assert (tabel_41["index_nl"] >= 130).all()
    # the report's own Tabel 4-1 buurten are there in the demo
    assert {"Spangen", "Bospolder", "Feijenoord", "Bloemhof", "Pendrecht", "Zuidwijk"} <= set(tabel_41["gebied"])
    assert any("130 of meer" in c.value for c in at.caption), "the rule is stated above the table"
    assert tabel_41["opmerkingen"].str.len().gt(0).all()


def test_kaart_4_3_to_4_7_state_their_rule_and_classes_cover_every_area(app):
    at = app("wijktrends")
    at.segmented_control(key="wijktrends_weergave").set_value("kaarten").run()
    for kaart in ("4-3", "4-4", "4-5", "4-6", "4-7", "3-1", "3-2"):
        at.radio(key="wijktrends_kaartnr").set_value(kaart).run()
        assert not at.exception, at.exception
        assert _deck(at, 0)["layers"][0]["id"] == f"kaart_{kaart}"
        tabel = _tabel(at)
        # 79 residential buurten, less the 4 of Hoek van Holland and Rozenburg outside the analysis area
        assert len(tabel) >= 75 and set(tabel["klasse_nr"]) - {"–"} <= {"1", "2", "3", "4", "5"}
        assert any("keuze van HKD Kaart" in c.value or "zoals het rapport" in c.value or "rapport" in c.value
                   or "dominant_eigendom" in c.value for c in at.caption)
    at.radio(key="wijktrends_kaartnr").set_value("4-5").run()
    alle = _tabel(at)
    at.pills(key="wijktrends_klassefilter").set_value(3).run()
    gefilterd = _tabel(at)
    assert 0 < len(gefilterd) < len(alle) and set(gefilterd["klasse_nr"]) == {"4"}
    at.button(key="wijktrends_wis").click().run()
    assert len(_tabel(at)) == len(alle), "one click clears the filter"
    # choosing an area (as a click on the map does) filters the table to that area's class
    bloemhof = next(c for c, n in zip(alle["gebied_code"], alle["gebied"], strict=True) if n == "Bloemhof")
    at.session_state[SELECTIE] = bloemhof
    at.run()
    klasse_bloemhof = alle.set_index("gebied_code").loc[bloemhof, "klasse_nr"]
    gekozen = _tabel(at)
    assert set(gekozen["klasse_nr"]) == {klasse_bloemhof} and len(gekozen) < len(alle)


def test_figuur_3_indexes_groups_against_the_dutch_average(app, demo_engine):
    at = app("wijktrends")
    at.segmented_control(key="wijktrends_weergave").set_value("lijnen").run()
    at.selectbox(key="wijktrends_figuur_ind").set_value("pct_bijstand").run()
    assert not at.exception, at.exception
    assert any("100 = Nederland" in c.value for c in at.caption)
    # the demo's small buurten have fewer than 100 persons on bijstand: withheld, and the page says so
    assert any("gebiedswaarden van Afhankelijk van bijstand (%) niet getoond" in c.value
               and "voor inkomensgegevens minder dan 100" in c.value for c in at.caption)
    spec = json.loads(at.get("plotly_chart")[1].proto.spec)
    assert "Nederland" in json.dumps(spec["layout"])
    with demo_engine.connect() as conn:
        expected = conn.execute(text(
            # the shown values only: a buurt whose share rests on fewer than 100 persons is withheld (footnote 6)
            "SELECT avg(i.waarde) / max(nl.waarde) * 100 FROM publiek.indicator_waarden i "
            "JOIN hkd.indicatoren e ON e.niveau = 'buurt' AND e.gebied_code = i.gebied_code "
            "AND e.indicator = 'dominant_eigendom' AND e.jaar = 2024 AND e.waarde = 1 "
            "JOIN hkd.indicatoren nl ON nl.niveau = 'referentie' AND nl.gebied_code = 'NL' "
            "AND nl.indicator = i.indicator AND nl.jaar = i.jaar "
            "WHERE i.niveau = 'buurt' AND i.indicator = 'pct_bijstand' AND i.jaar = 2018 "
            # the analysis area: the core city, without Hoek van Holland and Rozenburg (geo.analysegebied)
            "AND i.gebied_code NOT IN (SELECT code FROM hkd.gebieden WHERE niveau = 'buurt' "
            "AND parent_code IN ('WK059917', 'WK059927'))")).scalar_one()
    trace = next(t for t in spec["data"] if t.get("name") == "Corporatiehuur")
    got = dict(zip(_values(trace["x"]), _values(trace["y"]), strict=True))[2018]
    assert abs(got - expected) < 1e-6


def test_raster_view_draws_100m_squares_from_postgis(app, demo_engine):
    at = app("wijktrends")
    at.segmented_control(key="wijktrends_weergave").set_value("raster").run()
    assert not at.exception, at.exception
    layer = _layer(_deck(at), "raster_niveau")
    assert layer["@@type"] == "GridCellLayer" and layer["cellSize"] == 100
    # the squares PostGIS computes, less those centred in Hoek van Holland or Rozenburg (the core city, as the report)
    with demo_engine.connect() as conn:
        alle = conn.execute(text("SELECT count(*) FROM publiek.raster_100m('buurt', 'kwetsbare_groepen', 2018, false)")
                            ).scalar_one()
        kern = len(trends.raster_100m(conn, "buurt", "kwetsbare_groepen", 2018, False,
                                      buiten=tuple(sorted(analysegebied.BUITEN_KERNSTAD))))
    assert len(layer["data"]) == kern and 1000 < kern < alle
    assert any("100 bij 100 meter" in c.value for c in at.caption)
def test_the_indicator_disclosure_rule_is_shown_on_the_page(app, demo_engine):
    at = app("wijktrends")
    assert not at.exception, at.exception
    exp = next(e for e in at.expander if e.label == "Openbaarmaking van indicatoren")
    tekst = " ".join(c.value for c in exp.caption)
    assert "minder dan 10 waarnemingen" in tekst and "minder dan 50 inwoners" in tekst
    assert "voor inkomensgegevens (bijstand, laagste inkomens, inkomen) is de ondergrens 100 waarnemingen" in tekst
    # the demo's buurten all have 300+ inhabitants: nothing withheld by the CBS rule; withheld are the directe-
    # bemiddeling counts under 10 and the shares that rest on too few persons (inhabitants x share), 100 for income
    weg = next(df.value for df in exp.dataframe)
    assert {"Plaatsingen via directe bemiddeling", "Afhankelijk van bijstand (%)"} <= set(weg["indicator"])
    assert set(weg["reden"]) == {"minder dan 10 waarnemingen", "minder dan 100 waarnemingen (inkomensgegevens)"}
    # the table counts exactly what the catalogue's rule withholds, computed here from the stored figures
    with demo_engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT i.indicator, i.jaar, i.waarde, i.waarnemingen, inw.waarde FROM hkd.indicatoren i "
            "LEFT JOIN hkd.indicatoren inw ON inw.indicator = 'inwoners' AND inw.niveau = i.niveau "
            "AND inw.gebied_code = i.gebied_code AND inw.jaar = i.jaar WHERE i.niveau = 'buurt'")).all()
    regel = IndicatorRule()
    verwacht = Counter((label(ind), jaar, reden) for ind, jaar, w, n, inw in rows
                       if (reden := regel.achtergehouden("buurt", ind, n, inw, w)))
    assert Counter({(r.indicator, r.jaar, r.reden): r.waarden for r in weg.itertuples()}) == verwacht

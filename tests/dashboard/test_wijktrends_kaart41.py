"""Wijktrends: Kaart 4-1 (dominant corporation) and the directe-bemiddeling overlay of Kaart 4-4 on the demo."""

from __future__ import annotations

import html
import json

import streamlit as st
from sqlalchemy import text
from streamlit.testing.v1 import AppTest

from dashboard.toegang.auth import SESSION_KEY, User
from queries import corporatiebezit
from tests.conftest import as_login


def _decks(at) -> list[dict]:
    return [json.loads(d.proto.json) for d in at.get("deck_gl_json_chart")]


def _tabel(at):
    return next(df.value for df in at.dataframe if "Gekozen" in df.value)


def _layer(spec: dict, layer_id: str) -> dict:
    return next(layer for layer in spec["layers"] if layer["id"] == layer_id)


def _kaart(at, nr: str):
    at.segmented_control(key="wijktrends_weergave").set_value("kaarten").run()
    at.radio(key="wijktrends_kaartnr").set_value(nr).run()
    assert not at.exception, at.exception
    return at


# Wijktrends analyses the core city (geo.analysegebied): the buurten of Hoek van Holland and Rozenburg are left out.
BUITEN_KERNSTAD_SQL = ("SELECT code FROM hkd.gebieden WHERE niveau = 'buurt' "
                       "AND parent_code IN ('WK059917', 'WK059927')")


def _dominant_sql(engine, jaar: int) -> dict[str, str]:
    with engine.connect() as conn:
        return dict(conn.execute(text(
            "SELECT DISTINCT ON (b.gebied_code) b.gebied_code, c.naam FROM hkd.corporatie_bezit b "
            "JOIN hkd.corporaties c ON c.id = b.corporatie_id WHERE b.niveau = 'buurt' AND b.jaar = :j "
            "AND b.woningen > 0 ORDER BY b.gebied_code, b.woningen DESC, c.naam"), {"j": jaar}).all())


def test_kaart_4_1_draws_the_dominant_corporation_with_legend_tooltip_and_table(app, demo_engine):
    at = _kaart(app("wijktrends"), "4-1")
    spec = _decks(at)[0]
    features = _layer(spec, "kaart_4-1")["data"]["features"]
    labels = _layer(spec, "kaart_4-1_labels")["data"]
    assert len(labels) == len(features) > 70  # a class number on every area: never colour alone
    verwacht = _dominant_sql(demo_engine, 2018)
    tooltips = {f["properties"]["code"]: f["properties"]["toelichting"] for f in features}
    for code, naam in verwacht.items():
        if code in tooltips:
            assert tooltips[code].startswith(f"{naam}: ") and "% van de adressen" in tooltips[code]
    grijs = [c for c, t in tooltips.items() if t.startswith("geen corporatiebezit")]
    assert grijs and not set(grijs) & set(verwacht)
    assert all(f["properties"]["kleur"] == [200, 200, 200] for f in features if f["properties"]["code"] in grijs)
    legenda = " ".join(h.proto.body for h in at.get("html"))
    assert "geen corporatiebezit" in legenda
    for naam in set(verwacht.values()):
        assert naam in legenda or "overige corporatie" in legenda
    tabel = _tabel(at)
    per_code = dict(zip(tabel["gebied_code"], tabel["corporatie"], strict=True))
    assert {c: n for c, n in per_code.items() if isinstance(n, str)} == {c: n for c, n in verwacht.items()
                                                                         if c in per_code}
    assert any("alfabetisch" in c.value for c in at.caption), "the tie rule is stated on the page"


def test_kaart_4_1_class_filter_shows_one_corporation(app):
    at = _kaart(app("wijktrends"), "4-1")
    alle = _tabel(at)
    at.pills(key="wijktrends_klassefilter").set_value(0).run()
    een = _tabel(at)
    assert 0 < len(een) < len(alle) and een["corporatie"].nunique() == 1


def _bemiddeling_sql(engine, jaar: int) -> dict[str, int]:
    with engine.connect() as conn:
        return {c: int(w) for c, w in conn.execute(text(
            "SELECT gebied_code, waarde FROM hkd.indicatoren WHERE indicator = 'directe_bemiddeling' "
            f"AND niveau = 'buurt' AND jaar = :j AND gebied_code NOT IN ({BUITEN_KERNSTAD_SQL})"), {"j": jaar}).all()}


def test_directe_bemiddeling_overlay_on_kaart_4_4_counts_equal_sql_and_withheld_never_sent(app, demo_engine):
    at = _kaart(app("wijktrends"), "4-4")
    assert "directe_bemiddeling" not in {lay["id"] for lay in _decks(at)[0]["layers"]}
    at.toggle(key="wijktrends_bemiddeling").set_value(True).run()
    assert not at.exception, at.exception
    spec = _decks(at)[0]
    cirkels = _layer(spec, "directe_bemiddeling")["data"]
    alles = _bemiddeling_sql(demo_engine, 2018)
    zichtbaar = {c: n for c, n in alles.items() if n >= 10}
    assert len(cirkels) == len(zichtbaar) > 5
    getoond = sorted(int(c["toelichting"].split()[0]) for c in cirkels)
    assert getoond == sorted(zichtbaar.values())
    assert all(c["toelichting"].endswith("plaatsingen via directe bemiddeling (2018)") for c in cirkels)
    assert all(set(c) == {"lon", "lat", "naam", "toelichting", "straal"} for c in cirkels)  # no address, no code
    # larger count, larger circle (area proportional)
    by_n = sorted((int(c["toelichting"].split()[0]), c["straal"]) for c in cirkels)
    assert all(a[1] <= b[1] for a, b in zip(by_n, by_n[1:], strict=False))
    payload = " ".join(d.proto.json for d in at.get("deck_gl_json_chart"))
    for n in {n for n in alles.values() if n < 10}:
        assert f'"{n} plaatsingen' not in payload
    legenda = " ".join(h.proto.body for h in at.get("html"))
    assert "10 plaatsingen" in legenda and "50 plaatsingen" in legenda
    assert any("niet getoond" in c.value and "minder dan 10" in c.value for c in at.caption)


def test_hkd_gets_the_same_disclosure_on_the_overlay(app, demo_engine):
    at = _kaart(app("wijktrends", **{SESSION_KEY: User(naam="h", rol="hkd")}), "4-4")
    at.toggle(key="wijktrends_bemiddeling").set_value(True).run()
    cirkels = _layer(_decks(at)[0], "directe_bemiddeling")["data"]
    assert all(int(c["toelichting"].split()[0]) >= 10 for c in cirkels)


def test_tabel_4_1_names_the_dominant_corporation(app, demo_engine):
    at = app("wijktrends")
    at.segmented_control(key="wijktrends_weergave").set_value("tabellen").run()
    tabel = next(df.value for df in at.dataframe if "index_nl" in df.value)
    verwacht = _dominant_sql(demo_engine, 2018)
    for code, tekst in zip(tabel["gebied_code"], tabel["corporaties"], strict=True):
        assert tekst.startswith(verwacht[code]) if code in verwacht else tekst == "geen corporatiebezit"


def test_a_hostile_corporation_name_is_shown_as_typed_in_the_text_tooltip_and_escaped_in_the_legend(
        fresh_demo, monkeypatch, project_root):
    boos = 'Woonstad \'t Anker & <img src=x onerror="alert(1)">${7*7}'
    with fresh_demo.begin() as conn:
        conn.execute(text("UPDATE hkd.corporaties SET naam = :n WHERE code = 'amber'"), {"n": boos})
        code = conn.execute(text("SELECT min(gebied_code) FROM hkd.corporatie_bezit WHERE jaar = 2018")).scalar_one()
        corporatiebezit.store_bezit(conn, [{"jaar": 2018, "niveau": "buurt", "gebied_code": code,
                                            "corporatie": "amber", "woningen": 99_999, "bron": "t"}])
    monkeypatch.setenv("DATABASE_URL", as_login(fresh_demo.hkd_url))
    monkeypatch.chdir(project_root)
    st.cache_resource.clear()
    st.cache_data.clear()
    try:
        at = AppTest.from_file(str(project_root / "dashboard/app.py"), default_timeout=60)
        at.run()
        at.switch_page("pages/wijktrends.py").run()
        _kaart(at, "4-1")
        # a text tooltip: the browser sets it with innerText, so the value is the name exactly as typed (an
        # html.escape'd value would show "&#x27;t Anker &amp;"); the legend is HTML and escapes it
        (kaart,) = at.get("deck_gl_json_chart")
        assert set(json.loads(kaart.proto.tooltip)) == {"text", "style"}
        features = _layer(json.loads(kaart.proto.json), "kaart_4-1")["data"]["features"]
        toelichting = next(f["properties"]["toelichting"] for f in features if f["properties"]["code"] == code)
        assert toelichting.startswith(f"{boos}: ")
        assert "&#x27;" not in kaart.proto.json and "&amp;" not in kaart.proto.json
        legenda = " ".join(h.proto.body for h in at.get("html"))
        assert "<img" not in legenda and html.escape(boos) in legenda
        at.radio(key="wijktrends_kaart41_op").set_value("raster").run()
        assert not at.exception, at.exception
        (raster,) = at.get("deck_gl_json_chart")
        assert set(json.loads(raster.proto.tooltip)) == {"text", "style"}
        cellen = _layer(json.loads(raster.proto.json), "kaart_4-1_raster")["data"]
        assert any(c["t"].startswith(f"{boos} (") for c in cellen if c["code"] == code)
    finally:
        st.cache_resource.clear()
        st.cache_data.clear()


def test_kaart_4_1_on_the_100m_grid_takes_each_squares_area_and_selects_it(app, demo_engine):
    at = _kaart(app("wijktrends"), "4-1")
    at.radio(key="wijktrends_kaart41_op").set_value("raster").run()
    assert not at.exception, at.exception
    layer = _layer(_decks(at)[0], "kaart_4-1_raster")
    assert layer["@@type"] == "GridCellLayer" and layer["cellSize"] == 100
    cellen = layer["data"]
    with demo_engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM publiek.raster_dominante_corporatie('buurt', 2018) "
                              f"WHERE gebied_code NOT IN ({BUITEN_KERNSTAD_SQL})")).scalar_one()
    assert len(cellen) == n > 1000
    verwacht = _dominant_sql(demo_engine, 2018)
    for cel in cellen[::50]:
        naam = verwacht.get(cel["code"])
        assert cel["t"].startswith(f"{naam} (") if naam else cel["t"] == "geen corporatiebezit"
    assert {c["k"] for c in cellen if c["code"] not in verwacht} == {max(c["k"] for c in cellen)}  # grey: last
    assert any("100 bij 100 meter" in c.value for c in at.caption)
    print(f"Kaart 4-1 raster: {len(cellen)} squares, {len(at.get('deck_gl_json_chart')[0].proto.json) / 1e6:.2f} MB")

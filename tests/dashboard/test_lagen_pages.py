"""The three layers in the real app (AppTest on the demo): nothing of a location leaks to the public page,
providers see their own locations only, login/lockout/logout/expiry, and the scan with its PDF."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime, timedelta

import pypdf
import pytest
from sqlalchemy import text
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from dashboard.toegang.accounts import AccountStore, ensure_demo_accounts
from dashboard.toegang.auth import BEGIN_KEY, EXPIRES_KEY, SESSION_KEY, User
from queries.lagen import as_layer
from queries.publiek import openbare_kaart
from reports.openbare_kaart_html import statische_kaart

HKD = User("beleid", "hkd")
ALFA = User("alfa", "aanbieder", "alfa")


@pytest.fixture
def downloads(monkeypatch):
    """Every file the app hands to a download button, captured from Streamlit's media storage."""
    captured: list[tuple[str, bytes]] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def capture(self, path_or_data, mimetype, kind, filename=None):
        if isinstance(path_or_data, bytes | str) and filename:
            data = path_or_data.encode() if isinstance(path_or_data, str) else path_or_data
            captured.append((filename, data))
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", capture)
    add_deferred = MediaFileManager.add_deferred

    def klik(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        # a download made on the click (dashboard.widgets.downloads): click it at once, as a person would
        data = data_callable()
        captured.append((file_name, data.encode() if isinstance(data, str) else data))
        return add_deferred(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", klik)
    return captured


@pytest.fixture
def accounts(tmp_path, monkeypatch):
    path = tmp_path / "accounts.json"
    ensure_demo_accounts(AccountStore(path), rounds=4)
    monkeypatch.setenv("HKD_ACCOUNTS_FILE", str(path))
    monkeypatch.setenv("HKD_LOGIN_MAX_POGINGEN", "3")
    return path


@pytest.fixture(scope="module")
def geheimen(demo_url):
    """The real demo values that must never reach the public: names, addresses, postcodes, points."""
    from queries.db import make_engine

    engine = make_engine(demo_url)
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT naam, straat, huisnummer, postcode, ST_X(ST_Transform(geom, 4326)) AS lon, "
            "ST_Y(ST_Transform(geom, 4326)) AS lat, ST_X(geom) AS x, ST_Y(geom) AS y FROM hkd.locaties")).all()
    engine.dispose()
    return rows


def _leaks(blob: str, geheimen) -> list[str]:
    found = []
    for r in geheimen:
        for token in (r.naam, f"{r.straat} {r.huisnummer}", r.straat, r.postcode, r.postcode.replace(" ", "")):
            if token in blob:
                found.append(token)
        for value in (r.x, r.y):  # RD metres as a number of their own (not a digit run inside a longer number)
            if re.search(rf"(?<![\d.]){int(value)}(?:\.\d+)?(?!\d)", blob):
                found.append(f"RD {value:.0f}")
    # every coordinate pair in the text: none may be (within ~1 m of) a facility point
    pairs = re.findall(r"\[\s*(-?\d+\.\d+)\s*,\s*(-?\d+\.\d+)\s*\]", blob)
    for lon, lat in pairs:
        for r in geheimen:
            if abs(float(lon) - r.lon) < 1.5e-5 and abs(float(lat) - r.lat) < 1.5e-5:
                found.append(f"point {lon},{lat}")
    return found


def _page_text(at) -> str:
    parts = [str(e.value) for kind in ("markdown", "caption", "text", "title", "header", "subheader", "info",
                                       "warning", "success") for e in at.get(kind)]
    parts += [e.proto.body for e in at.get("html")]
    parts += [e.value.to_csv() for e in at.dataframe]
    parts += [e.proto.json for e in at.get("deck_gl_json_chart")]
    return "\n".join(parts)


def test_public_page_leaks_no_name_address_postcode_or_point(app, downloads, geheimen, demo_engine):
    at = app("openbare_kaart")
    assert not at.exception
    at.radio[0].set_value("Aantal plaatsen").run()
    blob = _page_text(at)
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    features = spec["layers"][0]["data"]["features"]
    assert {f["geometry"]["type"] for f in features} <= {"Polygon", "MultiPolygon"}
    assert sum(f["properties"]["voorzieningen"] for f in features) == 66  # 78 minus 12 opvang (gemeente only)
    assert _leaks(blob, geheimen) == []
    names = {name for name, _ in downloads}
    assert {"hkd_voorzieningen_per_pc4.csv", "hkd_voorzieningen_per_pc4_woonvorm.csv"} <= names
    for name, data in downloads:
        assert _leaks(data.decode("utf-8"), geheimen) == [], name
    # The embeddable HTML is built when its button is clicked (AppTest cannot click a download): build it the
    # same way, from the public role's data (the browser journey downloads the real file too).
    with as_layer(demo_engine, "publiek", "test") as conn:
        html = statische_kaart(openbare_kaart(conn), "2026-11-23")
    assert _leaks(html, geheimen) == []
    assert "<svg" in html and "<script" not in html and "http" not in html  # self-contained, nothing external
    assert "Zo beschermen we adressen" in blob and "CBS / Kadaster" in blob


def test_public_page_shows_no_places_below_the_threshold(app):
    at = app("openbare_kaart")
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    for f in spec["layers"][0]["data"]["features"]:
        p = f["properties"]
        if 0 < p["voorzieningen"] < 3:
            assert not isinstance(p["plaatsen"], int), p
    tabel = at.dataframe[0].value
    small = tabel[tabel["Voorzieningen"] < 3]
    assert (small["Plaatsen"] == "niet getoond (te weinig voorzieningen)").all() and len(small)


def test_provider_sees_the_extended_layer_and_only_own_locations(app, demo_engine):
    at = app("aanbiederskaart", **{SESSION_KEY: ALFA})
    assert not at.exception and not at.warning
    with demo_engine.connect() as conn:
        own = {r[0] for r in conn.execute(text(
            "SELECT l.code FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id WHERE a.code='alfa'"))}
    eigen = at.dataframe[-1].value
    assert set(eigen["Code"]) == own
    assert set(eigen["Aanbieder"]) == {"Stichting Alfa Zorg"}
    with demo_engine.connect() as conn:
        niet_vertrouwelijk = conn.execute(text(
            "SELECT count(*) FROM hkd.locaties l JOIN hkd.woonvormen w ON w.code = l.woonvorm "
            "WHERE NOT w.vertrouwelijk AND l.pc4 IS NOT NULL")).scalar_one()
    # every facility of every provider per PC4, except confidential woonvormen (opvang): only HKD sees those per
    # area (issue 10); providers see them as the city total of the public layer
    assert at.dataframe[0].value["Voorzieningen"].sum() == niet_vertrouwelijk < 78
    assert all(str(v).startswith(("○", "◔", "◑", "◕", "●")) for v in eigen["Fase"])


@pytest.mark.parametrize("page", ["aanbiederskaart", "draagkrachtscan"])
def test_protected_pages_refuse_the_public(app, page):
    at = app(page)
    assert not at.exception and at.warning
    assert not at.dataframe and not at.get("deck_gl_json_chart")


def test_provider_cannot_open_the_scan(app):
    at = app("draagkrachtscan", **{SESSION_KEY: ALFA})
    assert at.warning and not at.get("component_instance") and not at.dataframe


def test_login_lockout_and_logout(app, accounts):
    at = app("inloggen")
    at.text_input[0].input("alfa")
    at.text_input[1].input("fout-wachtwoord")
    at.button[0].click().run()
    assert at.error[0].value == "Onbekende gebruikersnaam of onjuist wachtwoord."
    at.text_input[0].input("alfa")
    at.text_input[1].input("alfa-demo-2023")
    at.button[0].click().run()
    assert "Ingelogd als alfa" in at.success[0].value
    assert at.session_state[SESSION_KEY] == ALFA
    at.switch_page("pages/aanbiederskaart.py").run()
    assert not at.warning and at.dataframe
    at.switch_page("pages/inloggen.py").run()
    at.button(key="uitloggen_pagina").click().run()
    assert SESSION_KEY not in at.session_state
    assert at.text_input[0].label == "Gebruikersnaam"  # the login form is back
    at.switch_page("pages/aanbiederskaart.py").run()
    assert at.warning and not at.dataframe  # back to the public: the provider page refuses
    at.switch_page("pages/inloggen.py").run()
    for _ in range(3):
        at.text_input[0].input("bravo")
        at.text_input[1].input("geraden")
        at.button[0].click().run()
    assert "geblokkeerd" in at.error[0].value
    at.text_input[0].input("bravo")
    at.text_input[1].input("bravo-demo-2023")
    at.button[0].click().run()
    assert "geblokkeerd" in at.error[0].value and SESSION_KEY not in at.session_state


@pytest.mark.parametrize(("uren_geleden", "open_"), [(9, True), (11, False)])
def test_a_local_session_ends_hours_after_the_login_however_active(app, uren_geleden, open_):
    """HKD_SESSIE_MAX_UREN (10): the absolute end of a local login, as for OIDC (9 hours: the positive control)."""
    nu = datetime.now(UTC)
    at = app("aanbiederskaart", **{SESSION_KEY: ALFA, EXPIRES_KEY: nu + timedelta(minutes=30),
                                   BEGIN_KEY: nu - timedelta(hours=uren_geleden)})
    assert (SESSION_KEY in at.session_state) is open_
    assert bool(at.warning) is not open_


def test_an_expired_session_falls_back_to_the_public(app):
    verlopen = datetime.now(UTC) - timedelta(minutes=1)
    at = app("aanbiederskaart", **{SESSION_KEY: ALFA, EXPIRES_KEY: verlopen})
    assert at.warning and not at.dataframe
    assert SESSION_KEY not in at.session_state


def test_scan_by_coordinates_shows_figures_and_exports_the_pdf(app, downloads, demo_engine):
    with demo_engine.connect() as conn:
        x, y = conn.execute(text("SELECT ST_X(geom) + 60, ST_Y(geom) FROM hkd.locaties WHERE code = 'HKD-020'")).one()
    at = app("draagkrachtscan", **{SESSION_KEY: HKD})
    assert not at.exception
    component = at.get("component_instance")[0].proto.json_args
    assert "leaflet" in component and not re.search(r"unpkg|jsdelivr|cdnjs|cloudflare|googleapis", component)
    at.radio[0].set_value("Coördinaten (RD)").run()
    at.number_input[0].set_value(x)
    at.number_input[1].set_value(y)
    at.button[0].click().run()
    assert not at.exception and not at.error
    rings = at.dataframe[0].value
    assert list(rings["Straal"]) == ["250 m", "500 m", "1000 m"]
    assert (rings["Voorzieningen na"] == rings["Voorzieningen voor"] + 1).all()
    criteria = at.dataframe[1].value
    assert criteria["Oordeel"].str.contains("norm|let op|geen gegevens").all()
    pdf = [d for n, d in downloads if n.endswith(".pdf")][-1]
    body = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    for r in rings.itertuples():
        assert f"{r.Straal} {r._2} {r._3} {r._4} {r._5}" in body
    assert "HKD-020" in body and "beleid" in body

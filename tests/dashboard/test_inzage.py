"""The inzage log records one entry per deliberate view of address-level data, not one per Streamlit rerun."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from dashboard.toegang.auth import User

HKD = User("beleid", "hkd")
ALFA = User("alfa", "aanbieder", "alfa")


@pytest.fixture
def app_fresh(app_rw, fresh_demo):
    """The app on a private demo copy (these tests count log rows): ``open_page(page, user)`` and the engine."""
    return app_rw, fresh_demo


def _entries(engine, onderdeel: str) -> list[tuple[str, str]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(
            text("SELECT gebruiker, omschrijving FROM hkd.inzage_log WHERE onderdeel = :o ORDER BY id"),
            {"o": onderdeel})]


def test_provider_map_logs_one_entry_per_visit_not_per_rerun(app_fresh):
    open_page, engine = app_fresh
    at = open_page("aanbiederskaart", ALFA)
    for _ in range(3):
        at.run()  # reruns, as every widget interaction causes
    assert _entries(engine, "aanbiederskaart") == [("alfa", "eigen locaties op adresniveau")]
    at.switch_page("pages/openbare_kaart.py").run()
    at.switch_page("pages/aanbiederskaart.py").run()  # leaving and coming back is a new visit
    assert len(_entries(engine, "aanbiederskaart")) == 2


def test_scan_logs_once_per_candidate_and_the_overview_once(app_fresh):
    open_page, engine = app_fresh
    at = open_page("draagkrachtscan", HKD)
    at.run()
    assert [e[1] for e in _entries(engine, "draagkrachtscan")] == [
        "locaties op adresniveau binnen 5 km (overzichtskaart)"]
    with engine.connect() as conn:
        x, y = conn.execute(text("SELECT ST_X(geom) + 60, ST_Y(geom) FROM hkd.locaties WHERE code = 'HKD-020'")).one()
    at.radio[0].set_value("Coördinaten (RD)").run()
    at.number_input[0].set_value(x)
    at.number_input[1].set_value(y)
    at.button[0].click().run()
    at.run()
    at.run()
    scans = [e for e in _entries(engine, "draagkrachtscan") if e[1].startswith("scan")]
    assert len(scans) == 1, "one deliberate scan, three runs: one entry"
    plaatsen = [n for n in at.number_input if n.label == "Geplande plaatsen"][0]
    plaatsen.set_value(30).run()  # a different scan is a new view
    assert len([e for e in _entries(engine, "draagkrachtscan") if e[1].startswith("scan")]) == 2


def test_location_detail_logs_once_per_location(app_fresh):
    open_page, engine = app_fresh
    at = open_page("escalatieladder", HKD)
    overzicht = _entries(engine, "escalatieladder")
    keuze = next(o for o in at.selectbox(key="ladder_locatie").options if o.startswith("HKD-006"))
    at.selectbox(key="ladder_locatie").set_value(keuze).run()
    at.run()
    at.run()
    assert _entries(engine, "escalatieladder") == [*overzicht, ("beleid", "locatie HKD-006 (adres, geschiedenis)")]
    ander = next(o for o in at.selectbox(key="ladder_locatie").options if o.startswith("HKD-007"))
    at.selectbox(key="ladder_locatie").set_value(ander).run()
    assert len(_entries(engine, "escalatieladder")) == len(overzicht) + 2


def test_ladder_overview_map_logs_once_per_view_of_its_points(app_fresh):
    # The overview map draws every shown location at its address: one entry per visit and per set of locations
    open_page, engine = app_fresh
    at = open_page("escalatieladder", HKD)
    at.run()
    at.run()
    with engine.connect() as conn:
        aantal = conn.execute(text("SELECT count(*) FROM hkd.locaties")).scalar_one()
    assert _entries(engine, "escalatieladder") == [("beleid", f"overzichtskaart met {aantal} locaties op adresniveau")]
    at.multiselect(key="ladder_fase").set_value(["2"]).run()  # a filter shows other points: a new view
    at.run()
    gelogd = [e[1] for e in _entries(engine, "escalatieladder")]
    assert len(gelogd) == 2 and gelogd[1] != gelogd[0] and gelogd[1].startswith("overzichtskaart met ")


def test_meldkaart_logs_once_per_visit_and_period(app_fresh):
    open_page, engine = app_fresh
    at = open_page("meldingen", ALFA)
    at.run()
    at.run()
    assert len(_entries(engine, "meldingen")) == 1
    gebruiker, omschrijving = _entries(engine, "meldingen")[0]
    assert gebruiker == "alfa" and omschrijving.startswith("meldkaart met ")
    van = at.date_input(key="meldingen_van")
    van.set_value(van.value.replace(day=1) if van.value.day != 1 else van.value.replace(day=2)).run()
    assert len(_entries(engine, "meldingen")) == 2

"""Every page, per role, speaks Dutch: no English UI words, no ``None``/``nan``, no column or indicator codes, no UTC
times, dates as people write them, singular and plural right. The scan reads what AppTest renders (headings, text,
widget labels and placeholders, table headers and cells, chart titles and axes); its rules are checked first on
known leaks so a blind scanner cannot pass the pages."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from dashboard.navigation import SECTIONS
from dashboard.toegang.auth import User
from dashboard.trends.indicatoren import INDICATOR_NAMEN
from tests.dashboard.tekstscan import lekken, teksten

ROLLEN = {
    "publiek": None,
    "aanbieder": User("alfa", "aanbieder", "alfa"),
    "hkd": User("beleid", "hkd"),
}
PAGINAS = [(rol, spec.bestand.removesuffix(".py")) for rol in ROLLEN for specs in SECTIONS.values()
           for spec in specs if rol in spec.rollen]


@pytest.mark.parametrize(("rol", "pagina"), PAGINAS, ids=[f"{r}-{p}" for r, p in PAGINAS])
def test_every_page_speaks_dutch(app, rol, pagina):
    at = app(pagina, ROLLEN[rol])
    gevonden = list(teksten(at))
    assert len(gevonden) > 5, "the scan read the page"
    gelekt = lekken(gevonden, INDICATOR_NAMEN)
    assert not gelekt, f"{rol} {pagina}:\n" + "\n".join(gelekt)


@pytest.mark.parametrize(("waar", "tekst"), [
    ("Multiselect.placeholder", "Choose options"),
    ("Markdown.body", "Stand op 2026-12-07 08:30:00+00:00"),
    ("Dataframe: kolomkop", "gebied_code"),
    ("Dataframe: kolomkop", "overlast_z"),
    ("grafiek: layout titel", "lbm_bewoners"),
    ("grafiek: legenda", "lvb"),
    ("Dataframe: cel in naam", "None"),
    ("Caption.body", "1 voorzieningen in dit gebied"),
    ("Markdown.body", "4 probleem/problemen"),
    ("Markdown.body", "Besluit van 2026-12-07"),
    ("TextInput.help", "Press Enter to apply"),
    ("grafiek: xaxis datum-as zonder tickformat", "May 31, 2023"),
])
def test_the_scan_catches_each_kind_of_leak(waar, tekst):
    assert lekken([(waar, tekst)], INDICATOR_NAMEN), (waar, tekst)


@pytest.mark.parametrize("tekst", ["1 voorziening", "2 voorzieningen", "Stand op 07-12-2026 09:30",
                                   "Leefbaarometer: dimensie bewoners", "Kies een of meer opties", "3072"])
def test_the_scan_lets_dutch_pass(tekst):
    assert lekken([("Markdown.body", tekst), ("Dataframe: kolomkop", tekst)], INDICATOR_NAMEN) == []


def test_the_scan_reads_tables_and_charts_as_shown():
    """A missing cell, an undated date column and a plotly date axis without tick format are found in the tree."""
    import plotly.graph_objects as go
    from streamlit.testing.v1 import AppTest

    def pagina():
        import datetime as dt

        import pandas as pd
        import plotly.graph_objects as go
        import streamlit as st

        st.dataframe(pd.DataFrame({"Naam": ["a", None], "Datum": [dt.date(2026, 1, 1), dt.date(2026, 1, 2)]}))
        st.plotly_chart(go.Figure(go.Scatter(x=pd.to_datetime(["2023-05-01", "2023-05-31"]), y=[1, 2])))
        st.multiselect("Gebieden", ["a", "b"])

    at = AppTest.from_function(pagina).run()
    gevonden = lekken(teksten(at), INDICATOR_NAMEN)
    assert any("lege waarde" in g and "Naam" in g for g in gevonden), gevonden
    assert any("datum niet als" in g and "Datum" in g for g in gevonden), gevonden
    assert any("xaxis" in g for g in gevonden), gevonden
    assert any("Choose" in g for g in gevonden), gevonden
    assert go and json and pd


def _lekken(at, wat: str) -> list[str]:
    assert not at.exception, at.exception
    return [f"{wat}: {lek}" for lek in lekken(teksten(at), INDICATOR_NAMEN)]


def _schoon(at, wat: str) -> None:
    gelekt = _lekken(at, wat)
    assert not gelekt, "\n".join(gelekt)


@pytest.mark.parametrize("rol", ["publiek", "hkd"])
def test_every_wijktrends_view_speaks_dutch(app, rol):
    """Each weergave is drawn only when chosen: scan them one by one (charts with indicator names, tables, maps)."""
    at = app("wijktrends", ROLLEN[rol])
    gelekt = []
    for weergave in at.segmented_control(key="wijktrends_weergave").options:
        at.segmented_control(key="wijktrends_weergave").set_value(weergave).run()
        gelekt += _lekken(at, f"{rol} wijktrends {weergave}")
    assert not gelekt, "\n".join(gelekt)


def test_a_locations_meldingen_timeline_speaks_dutch(app_rw):
    """The melding timeline per month (a date axis) and the list of meldingen."""
    at = app_rw("meldingen", ROLLEN["hkd"])
    kies = at.selectbox(key="meldingen_locatie")
    kies.set_value(kies.options[0]).run()
    assert at.get("plotly_chart"), "the timeline is drawn"
    _schoon(at, "hkd meldingen, een locatie")


def test_a_locations_history_and_before_after_charts_speak_dutch(app_rw):
    """The fase history (dates in a plain table) and the voor/nameting (indicator names as chart titles)."""
    at = app_rw("escalatieladder", ROLLEN["hkd"])
    kies = at.selectbox(key="ladder_locatie")
    kies.set_value(kies.options[0]).run()
    at.checkbox(key="voor_na_aan_ladder").check().run()
    assert len(at.get("plotly_chart")) >= 3, "the before/after charts are drawn"
    _schoon(at, "hkd escalatieladder, een locatie met voor- en nameting")


def test_a_draagkrachtscan_result_speaks_dutch(app_rw, fresh_demo):
    """The scan's verdict, rings, criteria and nearby locations for a candidate 60 m from a location."""
    from sqlalchemy import text

    at = app_rw("draagkrachtscan", ROLLEN["hkd"])
    with fresh_demo.connect() as conn:
        x, y = conn.execute(text("SELECT ST_X(geom) + 60, ST_Y(geom) FROM hkd.locaties WHERE code = 'HKD-020'")).one()
    at.radio[0].set_value("Coördinaten (RD)").run()
    at.number_input[0].set_value(x)
    at.number_input[1].set_value(y)
    at.button[0].click().run()
    assert len(at.dataframe) >= 3, "the scan's tables are shown"
    _schoon(at, "hkd draagkrachtscan met een kandidaat")


def test_the_wijktrends_csv_has_the_grids_headers_and_no_repeated_one():
    from dashboard.trends.indicatoren import csv_koppen

    frame = pd.DataFrame({"gebied_code": ["BU1"], "klasse_nr": ["4-1"], "overlast_z": [0.3], "klasse": ["a"],
                          "bron": ["CBS"]})
    assert list(csv_koppen(frame).columns) == ["Code", "Klasse", "Overlast begin (z-score)", "Klasse (code)", "Bron"]


def test_the_escalatieladder_csv_speaks_dutch(demo_engine):
    """The list as downloaded, built from the real query: every header Dutch, statuses in words."""
    from core.kalender import vandaag
    from dashboard.ladder.view import export_tabel, open_acties_kolom
    from queries import fasen
    from tests.dashboard.tekstscan import SNAKE

    with demo_engine.connect() as conn:
        lijst = fasen.locaties_kaart(conn, vandaag())
    uit = export_tabel(lijst.assign(fase_tekst=lijst["fase"], acties=open_acties_kolom(lijst)))
    assert len(uit) == len(lijst) >= 78
    assert [k for k in uit.columns if SNAKE.match(k) or k[:1].islower()] == []
    assert {"Code", "Locatie", "Fase", "Open beheeracties", "Beheercommissie"} <= set(uit.columns)
    assert set(uit["Meldingenregister"]) <= {"ja", "nee", "onbekend"}
    assert not set(uit["Beheercommissie"]) & {"actief", "opstart", "afwezig"}

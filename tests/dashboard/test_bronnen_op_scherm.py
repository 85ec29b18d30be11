"""Sources and rule origins on screen (issue 22): every Wijktrends view names the source and years of its numbers,
marks demo data as "demo, fictitief", says where its rule comes from, and never credits the report with the
project's own choices; the Platform and Meldingen pages mark their norms' origin."""

from __future__ import annotations

import io

import pandas as pd
import pytest

WEERGAVEN = ("kaart48", "kaarten", "lijnen", "tabellen", "raster")


def _captions(at) -> list[str]:
    return [c.value for c in at.caption]


@pytest.mark.parametrize("weergave", WEERGAVEN)
def test_every_wijktrends_view_names_its_source_years_and_rule_origin(app, weergave):
    at = app("wijktrends")
    at.segmented_control(key="wijktrends_weergave").set_value(weergave).run()
    assert not at.exception, at.exception
    captions = _captions(at)
    bron = [c for c in captions if "Bron:" in c]
    assert bron, f"no source line on {weergave}"
    # the demo is marked visibly, with the dataset and the years of the series
    assert any(c.startswith("**Demo, fictitief.**") and "demo, fictitief (Demo" in c and "2012-2024" in c
               for c in bron), bron
    assert any(c.startswith("Herkomst van de regel:") for c in captions)
    assert not any("zoals het rapport" in c.lower() and "omschrijft" not in c for c in captions), captions


def test_kaart_4_6_bands_are_the_projects_choice_and_the_reference_is_the_reports(app):
    at = app("wijktrends")
    at.segmented_control(key="wijktrends_weergave").set_value("kaarten").run()
    at.radio(key="wijktrends_kaartnr").set_value("4-6").run()
    assert not at.exception, at.exception
    herkomst = next(c for c in _captions(at) if c.startswith("Herkomst van de regel:"))
    assert "Veerkracht in Rotterdam (In.Fact.Research), Kaart 4-6" in herkomst
    assert "keuze HKD Kaart, uitwerking van Kaart 4-6" in herkomst
    at.radio(key="wijktrends_kaartnr").set_value("4-5").run()
    herkomst = next(c for c in _captions(at) if c.startswith("Herkomst van de regel:"))
    assert "Kaart 4-5" in herkomst and "keuze HKD Kaart" in herkomst


def test_kaart_4_8_marks_the_extra_classes_and_thresholds_as_the_projects(app):
    at = app("wijktrends")
    herkomst = next(c for c in _captions(at) if c.startswith("Herkomst van de regel:"))
    assert "keuze HKD Kaart, aanvulling op Kaart 4-8 (klasse 5 (lila) en 6 (lichtgrijs)" in herkomst
    assert "keuze HKD Kaart, uitwerking van Kaart 4-8 (instelbaar op de pagina)" in herkomst


def test_the_grid_says_what_it_is_and_cites_no_footnote_for_it(app):
    at = app("wijktrends")
    at.segmented_control(key="wijktrends_weergave").set_value("raster").run()
    assert not at.exception, at.exception
    captions = _captions(at)
    assert any("de waarden van de gebieden, naar oppervlakte verdeeld" in c for c in captions)
    # the demo holds CBS square values for three buurten: the grid says how many squares show their own value
    eigen = next(c for c in captions if "met een eigen waarde (niveau vierkant)" in c)
    assert int(eigen.split(" van de ")[0]) > 0
    assert not any(c.startswith("Zoals het rapport") for c in captions)
    herkomst = next(c for c in captions if c.startswith("Herkomst van de regel:"))
    assert "keuze HKD Kaart, weergave, anders dan voetnoot 6" in herkomst
    assert "Veerkracht in Rotterdam (In.Fact.Research), voetnoot 6 (een waarde die op minder dan 10" in herkomst


def test_platform_states_the_2024_rule_and_marks_the_demo_uitstroom(app):
    from dashboard.toegang.auth import User

    at = app("platform", User("beleid", "hkd"))
    captions, warnings = [], []
    for tab in ("Aanbod", "Uitstroom", "Spreiding", "Doelen en partijen"):  # only the open tab runs
        at.session_state["platform_tab"] = tab
        at.run()
        assert not at.exception, at.exception
        captions += _captions(at)
        warnings += [w.value for w in at.warning]
    assert any(c.startswith("**Demo, fictitief.** Bron: Demo, gevormd naar de HKD uitstroommonitor") for c in captions)
    assert any("vanaf 2024 stroomt zelfstandig wonen uitsluitend uit via directe bemiddeling" in c
               and "Convenant Huisvesting Kwetsbare Doelgroepen" in c for c in captions)
    # the demo follows the rule: no warning of regular urgencies after 2024
    assert not any("reguliere urgentie, terwijl het convenant" in w for w in warnings)
    # the 25 % ijkpunt of seed 001 against the demo's uitstroom of 2023 (1,190 of 4,900 vrijkomende woningen)
    assert any(c.startswith("Ijkpunt 2023: hoogstens 1.225 woningen voor uitstroom (25 % van de vrijkomende "
                            "corporatiewoningen); uitstroom 1.190, 24 % (binnen het ijkpunt).") for c in captions)
    # the convenant's own decision dates (seed 001, "Besluit") on the Doelen tab
    assert any("08-02-2023 door het college vastgesteld; 23-02-2023 door het Platform vastgesteld; 01-04-2023 in "
               "werking getreden; 14-04-2023 formeel ondertekend" in c for c in captions)


def test_meldingen_norms_are_marked_as_the_projects_settings(app):
    from dashboard.toegang.auth import User

    at = app("meldingen", User("beleid", "hkd"))
    captions = _captions(at)
    norm = next(c for c in captions if c.startswith("Norm: afgehandeld binnen"))
    assert "Herkomst: keuze HKD Kaart, uitwerking van 'binnen korte tijd naar tevredenheid afgehandeld'" in norm
    assert "keuze HKD Kaart, signaal voor het Sturingsoverleg" in norm


def test_csv_exports_carry_their_source(app, uitgestelde):
    """A downloaded series or Figuur 3-x names its source (dataset, years, the demo mark) in the Bron column of every
    row."""
    at = app("wijktrends")
    at.segmented_control(key="wijktrends_weergave").set_value("lijnen").run()
    assert not at.exception, at.exception
    bestanden = {naam: maak() for naam, maak in uitgestelde.items()}  # made as the click makes them
    csvs = {naam: pd.read_csv(io.BytesIO(data if isinstance(data, bytes) else data.encode()), sep=None,
                              engine="python") for naam, data in bestanden.items() if naam.endswith(".csv")}
    reeks = next(df for naam, df in csvs.items() if naam.endswith("_reeks.csv"))
    assert reeks["Bron"].str.contains(r": demo, fictitief \(Demo", regex=True).all()
    assert reeks["Bron"].str.contains(r", 2012-20\d\d", regex=True).all()  # the years of the series
    figuur = next(df for naam, df in csvs.items() if "naar_dominant_eigendom" in naam)
    assert figuur["Bron"].str.contains("Herkomst van de regel: Veerkracht in Rotterdam").all()


BUITEN_KERNSTAD = {"Strand en Duin", "Dorp", "Rijnpoort", "Rozenburg"}


def _kaart_4_8_namen(at) -> set[str]:
    import json

    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    laag = next(layer for layer in spec["layers"] if layer["id"] == "kaart_4_8")
    return {f["properties"]["naam"] for f in laag["data"]["features"]}


def test_the_analysis_area_is_the_core_city_as_in_the_report_and_configurable(app, monkeypatch):
    """Veerkracht, chapter 4: "de kern Rotterdam, inclusief Pernis en Hoogvliet. Rozenburg en Hoek van Holland worden
    niet weergegeven": not on the map, not in the mean; HKD_ANALYSE_KERNSTAD=0 takes them in, and the page says so."""
    at = app("wijktrends")
    namen = _kaart_4_8_namen(at)
    assert not namen & BUITEN_KERNSTAD and {"Pernis", "Hoogvliet Noord", "Bloemhof"} <= namen
    assert any(c.startswith("Analysegebied: de kernstad") and "Hoek van Holland en Rozenburg tellen niet mee" in c
               for c in _captions(at))
    monkeypatch.setenv("HKD_ANALYSE_KERNSTAD", "0")
    at = app("wijktrends")
    assert BUITEN_KERNSTAD <= _kaart_4_8_namen(at)
    assert any(c.startswith("Analysegebied: de hele gemeente") for c in _captions(at))


def test_every_page_marks_the_demo_in_the_sidebar(app):
    """Demo figures are fictitious: the frame (drawn once by dashboard/app.py around every page) says so while the
    demo is loaded, for the public too. (AppTest keeps the sidebar of the first page only, so the first page is
    checked.)"""
    at = app("openbare_kaart")
    assert any(c.value.startswith("**Demo, fictitief.** In deze omgeving is de demo geladen")
               for c in at.sidebar.caption)


@pytest.mark.parametrize(("pagina", "rol", "regel"), [
    ("escalatieladder", "hkd", "Convenant Huisvesting Kwetsbare Doelgroepen (presentatie 13-6-2023), Escalatieladder"),
    ("openbare_kaart", "publiek", "keuze HKD Kaart, uitwerking van 'beperkte informatie'"),
    ("aanbiederskaart", "aanbieder", "Het dashboard (drie versies of lagen)"),
    ("meldingen", "hkd", "keuze HKD Kaart, weergave (meldingen in ringen"),
])
def test_maps_outside_wijktrends_name_their_source_and_rule_origin(app, pagina, rol, regel):
    """Issue 22: every map says where its numbers come from (the demo visibly marked) and where its rule comes
    from, read from the register."""
    from dashboard.toegang.auth import User

    at = app(pagina, User("test", rol, "alfa" if rol == "aanbieder" else None))
    assert not at.exception, at.exception
    bron = [c for c in _captions(at) if "Bron:" in c and "Herkomst van de regel:" in c]
    assert bron, _captions(at)
    assert bron[0].startswith("**Demo, fictitief.** Bron: demo, fictitief (het ")
    assert "gemeente Rotterdam, afdeling HKD" in bron[0]  # the publisher
    assert regel in bron[0], bron[0]


def test_the_platform_spreiding_map_names_its_source_and_rule(app):
    from dashboard.toegang.auth import User

    at = app("platform", User("beleid", "hkd"))
    at.session_state["platform_tab"] = "Spreiding"
    at.run()
    assert not at.exception, at.exception
    assert any("inwoners per gebied" in c and "keuze HKD Kaart, Platform HKD, spreiding" in c for c in _captions(at))


def test_the_meetings_pdf_and_excel_carry_the_demo_mark(app, uitgestelde):
    """On the demo, every document of the meeting says so where a reader sees it (issue 22): under the heading and in
    its source line, on the Bron sheet of a workbook too; read from the bytes the page's buttons make."""
    import openpyxl
    import pypdf

    from dashboard.toegang.auth import User
    from reports.overleg_exports import DEMO_ZIN

    at = app("overleg", User("t.tester", "hkd"))
    assert not at.exception, at.exception
    assert not at.warning and not at.error, [m.value for m in (*at.warning, *at.error)]  # a page that stopped early
    assert at.title[0].value == "Overleg" and at.selectbox(key="overleg_vergadering").value is not None
    bestanden = {naam: maak() for naam, maak in uitgestelde.items()
                 if naam.startswith(("hkd_agenda_", "hkd_besluitenlijst_", "hkd_actielijst_"))}
    assert sorted(n.rsplit(".", 1)[1] for n in bestanden) == ["pdf", "pdf", "pdf", "xlsx", "xlsx"]
    for naam, data in bestanden.items():
        if naam.endswith(".pdf"):
            tekst = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages).split())
            assert DEMO_ZIN in tekst and "Demo, fictitief. Bron:" in tekst, naam
        else:
            wb = openpyxl.load_workbook(io.BytesIO(data))
            blad = wb.worksheets[0]
            assert blad["A3"].value == DEMO_ZIN and blad["A3"].font.b, naam
            assert blad.cell(blad.max_row, 1).value.startswith("Demo, fictitief. Bron:"), naam
            assert wb["Bron"]["A2"].value.startswith("Demo, fictitief. Bron:"), naam

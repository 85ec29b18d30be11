"""The scan on the demo: figures before/after, wijk data, the PDF report parses and holds the scan's figures."""

from __future__ import annotations

import io
from datetime import datetime

import pypdf
import pytest
from sqlalchemy import text

from geo.draagkracht import Kandidaat
from geo.scan_norms import ScanConfig
from queries import scan
from queries.lagen import as_layer
from reports.scan_pdf import render_pdf


@pytest.fixture
def punt(demo_engine):
    with demo_engine.connect() as conn:
        return conn.execute(text("SELECT ST_X(geom) + 40, ST_Y(geom) - 30 FROM hkd.locaties WHERE code = 'HKD-010'")).one()


def test_scan_counts_before_and_after_and_judges_every_criterion(fresh_demo, punt):
    k = Kandidaat(punt[0], punt[1], "Beschermd wonen", 24, "coördinaten")
    with as_layer(fresh_demo, "hkd", "tester") as conn:
        buurt = conn.execute(text("SELECT buurt_code FROM hkd.locaties WHERE code = 'HKD-010'")).scalar_one()
        scan.notitie_toevoegen(conn, buurt, "SO", "Nieuwbouw aan de rand van de wijk gepland.")
    with as_layer(fresh_demo, "hkd", "tester") as conn:
        res = scan.scan(conn, k, ScanConfig())
    assert res.buurt_code == buurt and res.inwoners and res.inwoners_jaar
    for ring in res.ringen:
        assert ring.voorzieningen >= 1  # HKD-010 itself is 50 m away
        assert (ring.voorzieningen_na, ring.plaatsen_na) == (ring.voorzieningen + 1, ring.plaatsen + 24)
    assert res.per_1000(True) > res.per_1000(False)
    assert "HKD-010" in [n.code for n in res.nabij]
    assert set(res.indices) >= {"wijkprofiel_veiligheid", "kwetsbare_groepen", "overlast_onveiligheid"}
    assert res.veerkracht_klasse is not None
    criteria = res.beoordelingen()
    assert len(criteria) == 11 and all(b.normtekst and b.label for b in criteria)
    assert [n.tekst for n in res.notities] == ["Nieuwbouw aan de rand van de wijk gepland."]

    pdf = render_pdf(res, "tester", datetime(2026, 3, 12, 10, 30))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    body = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Draagkrachtscan" in body and "12-03-2026 10:30" in body and "tester" in body
    assert f"RD x {k.x:.0f}, y {k.y:.0f}" in body and "geplande plaatsen: 24" in body
    for ring in res.ringen:
        assert f"{ring.straal} m {ring.voorzieningen} {ring.voorzieningen_na} {ring.plaatsen} {ring.plaatsen_na}" in body
    for b in criteria:
        assert " ".join(b.criterium.split()[:2]) in body
    assert "Nieuwbouw aan de rand van de wijk gepland." in body and "HKD-010" in body
    assert res.buurt in body


def test_candidate_outside_the_municipality_is_refused(demo_engine):
    with as_layer(demo_engine, "hkd", "t") as conn, pytest.raises(ValueError, match="buiten de gemeente"):
        scan.scan(conn, Kandidaat(155000, 463000, "Opvang", 10, "coördinaten"), ScanConfig())


def test_address_level_list_is_refused_to_the_public_and_limited_to_own_for_providers(demo_engine):
    with pytest.raises(Exception, match="permission denied for schema hkd"):
        with as_layer(demo_engine, "publiek", "t") as conn:
            scan.locaties_adres(conn)
    with as_layer(demo_engine, "aanbieder", "t", "alfa") as conn:
        frame = scan.locaties_adres(conn)
    assert set(frame["aanbieder"]) == {"Stichting Alfa Zorg"} and 3 <= len(frame) < 78


def test_map_surroundings_hold_only_what_lies_within_the_radius_and_are_logged(fresh_demo, punt):
    with as_layer(fresh_demo, "hkd", "tester") as conn:
        alle = conn.execute(text("SELECT count(*) FROM hkd.locaties")).scalar_one()
        binnen = conn.execute(text(
            "SELECT count(*) FROM hkd.locaties WHERE ST_DWithin(geom, ST_SetSRID(ST_MakePoint(:x, :y), 28992), 2000)"),
            {"x": punt[0], "y": punt[1]}).scalar_one()
        frame = scan.locaties_omgeving(conn, punt[0], punt[1], 2000)
        buurten = scan.buurten_omgeving(conn, punt[0], punt[1], 2000)
        alle_buurten = conn.execute(text("SELECT count(*) FROM hkd.gebieden WHERE niveau = 'buurt'")).scalar_one()
    assert len(frame) == binnen < alle and "HKD-010" in set(frame["code"])
    assert {"code", "fase", "lon", "lat"} <= set(frame.columns) and "straat" not in frame.columns
    assert frame["lat"].between(51.8, 52.0).all() and frame["lon"].between(4.0, 4.7).all()
    assert 0 < len(buurten) < alle_buurten and buurten["geometry"].str.contains("Polygon").all()


def test_cached_veerkracht_classes_give_the_same_scan(demo_engine, punt):
    k = Kandidaat(punt[0], punt[1], "Beschermd wonen", 24, "coördinaten")
    with as_layer(demo_engine, "hkd", "t") as conn:
        klassen = scan.veerkracht_klassen(conn)
        zelf = scan.scan(conn, k, ScanConfig())
        gecached = scan.scan(conn, k, ScanConfig(), None, klassen)
    assert zelf.veerkracht_klasse is not None and zelf.veerkracht_klasse == gecached.veerkracht_klasse
    assert klassen[zelf.buurt_code] == zelf.veerkracht_klasse


def test_the_scan_pdf_marks_demo_data_and_names_every_source(demo_engine, punt):
    """Issue 22: the scan PDF says it is made on demo data (as the Platform PDF does) and names where each figure
    comes from: the register, the boundaries, each indicator series with its source and years, the notes. The scan
    keeps its sources, so a saved scan reopened says the same."""
    from dataclasses import replace

    from geo.scan_archief import naar_json, uit_json

    k = Kandidaat(punt[0], punt[1], "Beschermd wonen", 24, "coördinaten")
    with as_layer(demo_engine, "hkd", "tester") as conn:
        res = scan.scan(conn, k, ScanConfig())
    assert res.demo and {b.indicator for b in res.bronnen} >= {
        "inwoners", "kwetsbare_groepen", "overlast_onveiligheid", "wijkprofiel_veiligheid"}

    def tekst(r) -> str:
        pdf = pypdf.PdfReader(io.BytesIO(render_pdf(r, "tester", datetime(2026, 3, 12, 10, 30))))
        return " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)

    body = tekst(uit_json(naar_json(res)))  # as saved and reopened
    assert body.count("Demo, fictitief: deze scan is gemaakt op demogegevens") == 2  # at the top and at the sources
    assert "het locatieregister en de fasebesluiten in HKD Kaart (gemeente Rotterdam, afdeling HKD) (demo, " \
           "fictitief)" in body
    assert "CBS / Kadaster (CC BY 4.0)" in body
    bronnen = body[body.index("Bronnen"):]
    assert "Index kwetsbare groepen: demo, fictitief (Demo (gevormd naar Veerkracht in Rotterdam, 2012-2018)), " \
           "2012-20" in bronnen
    assert "Wijkprofiel: veiligheidsindex: demo, fictitief (Demo (Wijkprofiel-achtig" in bronnen
    assert "Inwoners: demo, fictitief" in bronnen
    echt = tekst(replace(res, demo=False, bronnen=tuple(replace(b, bron="Wijkprofiel Rotterdam, gemeente Rotterdam")
                                                        for b in res.bronnen)))
    assert "Demo, fictitief" not in echt and "demo, fictitief" not in echt
    assert "Wijkprofiel Rotterdam, gemeente Rotterdam" in echt

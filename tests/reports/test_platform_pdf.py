"""The Platform report on the demo: it parses and holds the figures the page computes."""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import pypdf
import pytest

from core.domain import INVENTARISATIE_DATUM
from queries import platform
from queries.lagen import as_layer
from reports.platform_pdf import aanbod_samenvatting, getal, render_pdf

PEIL, VORIGE = date(2026, 11, 23), date(2025, 11, 23)


@pytest.fixture(scope="module")
def cijfers(demo_engine):
    with as_layer(demo_engine, "hkd", "test") as conn:
        return platform.platform_cijfers(conn, PEIL, VORIGE, INVENTARISATIE_DATUM)


@pytest.fixture(scope="module")
def tekst(cijfers):
    data = render_pdf(cijfers, "beleid", datetime(2026, 11, 23, 10, 0))
    assert data.startswith(b"%PDF")
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages))


def test_report_is_dated_and_holds_aanbod_against_targets(cijfers, tekst):
    assert "Peildatum 23-11-2026, vergeleken met 23-11-2025" in tekst and "beleid" in tekst
    bw = next(s for s in aanbod_samenvatting(cijfers) if s["woonvorm"] == "Beschermd wonen")
    assert bw["doel"] == 1100 and bw["verschil"] == bw["plaatsen"] - 1100
    assert f"Beschermd wonen 30 {getal(bw['plaatsen'])}" in tekst
    assert getal(bw["verschil"]) in tekst and "1.100" in tekst
    he = next(s for s in aanbod_samenvatting(cijfers) if s["woonvorm"].startswith("Wonen eerst"))
    assert he["doel_soort"] == "instroom" and he["doel"] == 50 and he["gerealiseerd"] == he["instroom"] == 0
    zz = next(s for s in aanbod_samenvatting(cijfers) if s["woonvorm"].startswith("Zelfstandig"))
    assert zz["doel"] == 1044  # 900 towards 1,235 in 2030, linear: 900 + 335 * 3 / 7 in 2026


def test_report_holds_uitstroom_against_the_norm(tekst):
    assert "2022 1.150 56,0 % 44,0 % 4,0 boven de norm" in tekst
    assert "2022 K1 280" in tekst and "2022 K4 295" in tekst and "4,4" in tekst
    assert "Per woningcorporatie, 2025" in tekst and "Amber Wonen" in tekst


def test_report_holds_spreiding_against_a_year_ago_and_the_ladder_change(cijfers, tekst):
    totaal = int(cijfers.spreiding_nu["plaatsen"].sum())
    assert f"Rotterdam: {getal(totaal)} plaatsen" in tekst
    c = cijfers.concentratie.set_index("jaar").loc[2026]
    assert 0 < c["gini_inwoners"] < 1 and 0.2 < c["aandeel_top20"] < 1
    assert f"Gini naar inwoners {getal(c['gini_inwoners'], 2)}" in tekst
    assert cijfers.ladder_nu == {"0": 41, "1": 31, "2": 6}
    assert "Voortgang van de inventarisatie" in tekst and "Bronnen en data" in tekst
    assert "Locatieregister" in tekst and "Uitstroommonitor" in tekst
    assert cijfers.initiatieven is None and "Initiatieven per stap" not in tekst


def test_report_marks_demo_sources_and_states_every_rule_with_its_origin(cijfers, tekst):
    """Issue 22: the PDF says where its numbers come from ("demo, fictitief" for demo sources) and where each rule it
    applies comes from, read from the register (geo.herkomst)."""
    from geo import herkomst
    from reports.platform_pdf import REGELS_IN_RAPPORT

    assert any(herkomst.noemt_demo(b.bron) for b in cijfers.bronnen), "the demo's sources say they are demo"
    assert "Demo, fictitief: dit rapport is gemaakt op demogegevens" in tekst
    assert "- Uitstroommonitor: Demo" in tekst and f"({herkomst.DEMO_LABEL})" in tekst
    assert "- Locatieregister (stand" in tekst and f"Locatieregister ({herkomst.DEMO_LABEL})" not in tekst
    assert "Herkomst van de regels" in tekst
    for code in REGELS_IN_RAPPORT:
        assert f"Herkomst: {herkomst.REGEL[code].herkomst};" in tekst, code
    assert "keuze HKD Kaart, Platform HKD, spreiding" in tekst  # the project's own rule says so


def test_report_without_demo_sources_carries_no_demo_mark(cijfers):
    from dataclasses import replace

    echt = replace(cijfers, bronnen=[replace(b, bron="Uitstroommonitor gemeente Rotterdam 2025")
                                     for b in cijfers.bronnen])
    data = render_pdf(echt, "beleid", datetime(2026, 11, 23, 10, 0))
    tekst = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages))
    assert "Demo, fictitief" not in tekst and "Uitstroommonitor gemeente Rotterdam 2025" in tekst

"""In Chromium: a provider uploads meldingen files through the page. Bytes that are no table, and a table with bad
rows, end in a Dutch message that names the row and reason, and nothing is written; a good file is written whole."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from core.kalender import nu
from tests.e2e.conftest import dashboard_with_demo_accounts, enig, login, wait_for_app

pytestmark = pytest.mark.e2e
KOP = "locatie;ontvangen_op;bron;categorie;omschrijving;afgehandeld_op;afhandeling;tevreden\n"


@pytest.fixture
def upload_server(fresh_demo) -> Iterator[str]:
    with dashboard_with_demo_accounts(fresh_demo.hkd_url) as base:
        yield base


def _meldingen(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM hkd.meldingen")).scalar_one()


def _eigen_code(engine) -> str:
    with engine.connect() as conn:
        return conn.execute(text(
            "SELECT l.code FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id WHERE a.code = 'alfa' "
            "ORDER BY l.code LIMIT 1")).scalar_one()


def _upload(page, naam: str, inhoud: bytes) -> None:
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": naam, "mimeType": "application/octet-stream", "buffer": inhoud}])


def _geweigerd(page, main, naam: str, inhoud: bytes, bericht: str) -> str:
    """Upload a file the page must refuse; the text of its problems download (after the message ``bericht``)."""
    _upload(page, naam, inhoud)
    main.get_by_text(bericht).first.wait_for()
    wait_for_app(page)
    assert "Traceback" not in main.inner_text() and "in orde" not in main.inner_text()
    with page.expect_download() as download:
        enig(page, main.get_by_role("button", name="Download problemen als CSV")).click()
    return Path(download.value.path()).read_text("utf-8-sig")


def test_provider_uploads_hostile_then_bad_then_good_meldingen(upload_server, fresh_demo, page):
    page.set_default_timeout(90_000)  # shared machine: allow slow reruns, never assert on time
    eigen = _eigen_code(fresh_demo)
    voor = _meldingen(fresh_demo)
    main = page.locator('[data-testid="stMainBlockContainer"]')
    login(page, upload_server, "alfa", "alfa-demo-2023")
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Meldingen").click()
    wait_for_app(page, "Meldingen")
    main.get_by_role("tab", name="Vastleggen en inlezen").click()

    # 1. bytes that are no spreadsheet at all, under an Excel name: the reader's refusal is downloadable too
    assert "meldingen.xlsx" in _geweigerd(page, main, "meldingen.xlsx", b"PK\x03\x04" + bytes(range(256)) * 8,
                                          "Er is niets opgeslagen")
    assert _meldingen(fresh_demo) == voor

    # 1b. an unquoted comma in a description never passes the check as "in orde"
    komma = KOP.replace(";", ",") + f"{eigen},2025-03-01,omwonende,geluid,Harde muziek, buren klagen,,,\n"
    assert "meer cellen dan kolommen" in _geweigerd(page, main, "meldingen_komma.csv", komma.encode(),
                                                    "meldingen_komma.csv: 1 probleem gevonden")
    assert _meldingen(fresh_demo) == voor

    # 2. a table with one good row and bad ones: every problem with its row, nothing written
    morgen = (nu() + timedelta(days=1)).strftime("%Y-%m-%d")
    slecht = KOP + "\n".join([
        f"{eigen};2025-03-01;omwonende;geluid;Goed;2025-03-02;afgehandeld;ja",  # row 2 fine
        f"{eigen};{morgen};omwonende;geluid;Toekomst;;;",  # row 3: in the future
        "ONBEKEND-9;2025-03-01;omwonende;geluid;<img src=x onerror='window.__xss=1'>;;;",  # row 4: unknown location
        f"{eigen};gisteren;buurman;geluid;=HYPERLINK(\"http://x\");;;",  # row 5: no date, unknown source
    ]) + "\n"
    problemen = _geweigerd(page, main, "meldingen_fout.csv", slecht.encode(), "meldingen_fout.csv: ")
    assert _meldingen(fresh_demo) == voor
    assert page.evaluate("window.__xss === undefined")  # the markup of row 4 did not run
    # the download opens in Excel with Dutch settings: UTF-8 with BOM, cells separated by ;
    rijen = list(csv.DictReader(io.StringIO(problemen), delimiter=";"))
    assert {r["Rij"] for r in rijen} == {"3", "4", "5"}
    redenen = " | ".join(r["Probleem"] for r in rijen)
    assert "toekomst" in redenen and "onbekende locatie" in redenen and "onbekende bron" in redenen

    # 3. the good file: checked, then written whole on one click
    goed = KOP + (f"{eigen};2025-03-01 21:15;omwonende;Geluid;Harde muziek;2025-03-02 10:00;afgehandeld;ja\n"
                  f"{eigen};02-03-2025;Politie;drugs/alcohol;Gebruik bij de ingang;;;\n")
    _upload(page, "meldingen_goed.csv", goed.encode())
    main.get_by_text("2 meldingen zijn in orde").first.wait_for()
    enig(page, main.get_by_role("button", name="Alle meldingen inlezen")).click()
    main.get_by_text("2 meldingen ingelezen").first.wait_for()
    assert _meldingen(fresh_demo) == voor + 2
    # the page stays on the tab the provider works in (it jumped back to the meldkaart after an upload)
    tab = enig(page, main.get_by_role("tab", name="Vastleggen en inlezen"))
    assert tab.get_attribute("aria-selected") == "true"


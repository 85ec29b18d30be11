"""In Chromium: alfa submits an initiative with two candidate addresses; hkd runs and keeps both scans, compares
them, records a conditional advice live in the Overleg and downloads the meeting's besluitenlijst that contains it."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from tests.e2e.conftest import (
    dashboard_with_demo_accounts,
    download,
    enig,
    kies_optie,
    login,
    logout,
    screenshot,
    wait_for_app,
)

pytestmark = pytest.mark.e2e
NAAM = "Flexwonen Journey"
VOORWAARDEN = "Beheercommissie vóór de opening"


@pytest.fixture
def journey_server(fresh_demo) -> Iterator[str]:
    # the Overleg's live poll would close the dropdowns this journey opens there (see test_overleg_meeting)
    with dashboard_with_demo_accounts(fresh_demo.hkd_url, env={"HKD_VOLG_SECONDEN": "300"}) as base:
        yield base


def _naar(page, titel: str) -> None:
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name=titel).click()
    wait_for_app(page, titel)


def test_initiative_from_submission_to_conditional_advice(journey_server, fresh_demo, page):
    page.set_default_timeout(120_000)  # shared machine: allow slow reruns, never assert on time
    with fresh_demo.connect() as conn:
        punten = conn.execute(text("SELECT round(ST_X(geom)) + 40, round(ST_Y(geom)) - 30 FROM hkd.locaties "
                                   "WHERE code IN ('HKD-010', 'HKD-020') ORDER BY code")).all()
    main = page.locator('[data-testid="stMainBlockContainer"]')

    login(page, journey_server, "alfa", "alfa-demo-2023")
    _naar(page, "Initiatieven")
    main.get_by_label("Naam van het initiatief").fill(NAAM)
    main.get_by_label("Doelgroep").fill("jongvolwassenen")
    main.get_by_label("Contact: rol of functie").fill("teamleider wonen")
    for i, (x, y) in enumerate(punten):
        main.get_by_label(f"Kandidaat {chr(65 + i)}: omschrijving").fill(f"Kandidaat {chr(65 + i)}")
        main.get_by_label("RD x").nth(i).fill(str(int(x)))
        main.get_by_label("RD y").nth(i).fill(str(int(y)))
    main.get_by_role("button", name="Initiatief indienen").click()
    main.get_by_text("is ingediend").first.wait_for()
    wait_for_app(page)
    logout(page)

    login(page, journey_server, "hkd", "hkd-demo-2023")
    _naar(page, "Initiatieven")
    main.get_by_role("tab", name="Initiatief").click()
    kies_optie(page, main.get_by_role("combobox", name="Initiatief"), NAAM)
    wait_for_app(page)
    for letter in "AB":
        # the page stays on its tab after the choice and after each saved scan (it jumped back to the first)
        assert enig(page, main.get_by_role("tab", name="Initiatief")).get_attribute("aria-selected") == "true"
        main.get_by_role("button", name=f"Scan uitvoeren en bewaren: Kandidaat {letter}").click()
        main.get_by_text(f"bewaard voor Kandidaat {letter}").first.wait_for()
        wait_for_app(page)
    assert enig(page, main.get_by_role("tab", name="Initiatief")).get_attribute("aria-selected") == "true"
    main.get_by_text("Kandidaten naast elkaar").first.wait_for()
    screenshot(page, "initiatieven_vergelijking")
    with fresh_demo.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM hkd.scans s JOIN hkd.initiatieven i ON i.id = s.initiatief_id "
                                 "WHERE i.naam = :n"), {"n": NAAM}).scalar_one() == 2

    _naar(page, "Overleg")
    kies_optie(page, main.get_by_role("combobox", name="Initiatief"), NAAM)
    main.get_by_text("Voorwaardelijk").first.click()
    main.get_by_label("Voorwaarden (verplicht bij voorwaardelijk)").fill(VOORWAARDEN)
    main.get_by_role("button", name="Advies vastleggen").click()
    main.get_by_text("vastgelegd").first.wait_for()
    wait_for_app(page)
    # the downloads are open below the agenda outside the presentation view
    xlsx = download(page, main.get_by_role("button", name="Besluitenlijst (Excel)"))
    rows = list(openpyxl.load_workbook(io.BytesIO(Path(xlsx.path()).read_bytes())).active
                .iter_rows(values_only=True))
    # the advice is a line of the meeting's own besluitenlijst: soort Advies, the initiative and its conditions
    assert any(r[1] == "Advies" and NAAM in str(r[4]) and "voorwaardelijk" in str(r[4]) and VOORWAARDEN in str(r[4])
               for r in rows[4:])

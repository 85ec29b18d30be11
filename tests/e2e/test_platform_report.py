"""Browser: HKD opens the Platform page and downloads the report with dated figures."""

from __future__ import annotations

import io

import pypdf
import pytest

from core.kalender import vandaag
from tests.e2e.conftest import download, login, screenshot, wait_for_app

pytestmark = pytest.mark.e2e


def test_hkd_opens_platform_and_downloads_the_report(app_server, page):
    login(page, app_server, "hkd", "hkd-demo-2023")
    page.locator('[data-testid="stSidebar"]').get_by_text("Platform").click()
    wait_for_app(page, "Platform HKD: vraag en aanbod")
    main = page.locator('[data-testid="stMainBlockContainer"]')
    main.get_by_text("Stand op").first.wait_for(timeout=60_000)
    wait_for_app(page, "Platform HKD: vraag en aanbod")
    # the PDF is made on the click (a callable behind the button), not on every rerun
    dl = download(page, main.get_by_role("button", name="Download rapport voor het Platform (PDF)"))
    assert dl.suggested_filename == f"hkd_platform_{vandaag():%Y%m%d}.pdf"
    body = " ".join(" ".join(p.extract_text().split())
                    for p in pypdf.PdfReader(io.BytesIO(open(dl.path(), "rb").read())).pages)
    assert f"Peildatum {vandaag():%d-%m-%Y}" in body
    for kop in ("Aanbod per woonvorm tegen de doelen", "Uitstroom naar een corporatiewoning",
                "Spreiding over de stad", "Escalatieladder: stand en verandering", "Bronnen en data"):
        assert kop in body
    assert "Beschermd wonen" in body and "1.100" in body and "boven de norm" in body
    main.get_by_role("tab", name="Spreiding").click()
    main.locator('[data-testid="stDeckGlJsonChart"]').first.wait_for(timeout=60_000)
    screenshot(page, "platform_spreiding")

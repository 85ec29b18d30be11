"""A download of address-level data is not an open door: its ``/media/`` address answers a bare client (no
session, no cookie) only briefly after the click, while the tab that made it stays open (issue 23).

Streamlit cannot bind ``/media/`` to a session, so ``dashboard.widgets.downloads.knop`` makes the file on the click and
sweeps it away within two sweeps of ``LEVENSDUUR_SECONDEN``. A static public download, for contrast, stays."""

from __future__ import annotations

import time
import urllib.error
import urllib.request

import pytest

from dashboard.widgets.downloads import LEVENSDUUR_SECONDEN
from tests.e2e.conftest import download, login, wait_for_app

pytestmark = pytest.mark.e2e


def _kaal(url: str) -> int:
    """Status for a client without any cookie or session."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url), timeout=10) as r:
            r.read()
            return r.status
    except urllib.error.HTTPError as err:
        return err.code


def test_an_address_level_download_expires_while_the_tab_stays_open(app_server, page):
    login(page, app_server, "hkd", "hkd-demo-2023")
    page.locator('[data-testid="stSidebar"]').get_by_text("Escalatieladder").click()  # same session, no reload
    wait_for_app(page, "Escalatieladder")
    main = page.locator('[data-testid="stMainBlockContainer"]')
    dl = download(page, main.get_by_role("button", name="Download lijst als CSV"))
    url = dl.url
    assert "/media/" in url and b"HKD-0" in open(dl.path(), "rb").read()
    # positive control: right after the click the address works for anyone (what the sweep must end)
    assert _kaal(url) == 200
    # a public static download on the same server, for contrast
    page.locator('[data-testid="stSidebar"]').get_by_text("Openbare kaart").first.click()
    wait_for_app(page, "Openbare kaart: voorzieningen per postcodegebied")
    publiek = download(page, main.get_by_role("button", name="Download als CSV"))
    time.sleep(2 * LEVENSDUUR_SECONDEN + 5)
    assert page.locator('[data-testid="stMainBlockContainer"]').count() == 1  # the tab is still open
    assert _kaal(url) == 404
    assert _kaal(publiek.url) == 200

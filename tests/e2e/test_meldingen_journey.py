"""In Chromium: alfa records a melding for its own fase 2 location; HKD then sees that location among the meldingen
signals for the agenda (the threshold is reached) and records a verbeteractie with a deadline."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from tests.e2e.conftest import dashboard_with_demo_accounts, login, logout, screenshot, wait_for_app

pytestmark = pytest.mark.e2e


@pytest.fixture
def server(fresh_demo) -> Iterator[str]:
    """The real app on a private writable clone of the demo (this journey writes)."""
    with dashboard_with_demo_accounts(fresh_demo.hkd_url) as base:
        yield base


def _naar(page, titel: str) -> None:
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name=titel).click()
    wait_for_app(page, titel)


def _kies(panel, label: str, tekst: str) -> None:
    """Pick an option of a Streamlit selectbox by typing part of it."""
    panel.get_by_label(label).first.click()
    panel.page.keyboard.type(tekst)
    panel.page.keyboard.press("Enter")


def test_provider_melding_puts_its_location_on_the_agenda_signals(server, page, fresh_demo):
    login(page, server, "alfa", "alfa-demo-2023")
    _naar(page, "Meldingen")
    main = page.locator('[data-testid="stMainBlockContainer"]')
    assert main.get_by_text("Signalen voor de agenda").count() == 0  # providers see no agenda
    main.get_by_role("tab", name="Vastleggen en inlezen").click()
    panel = main.get_by_role("tabpanel", name="Vastleggen en inlezen")
    panel.get_by_text("geen persoonsgegevens van melders").first.wait_for()
    _kies(panel, "Locatie", "HKD-047")
    panel.get_by_role("textbox", name="Korte omschrijving").fill("Harde muziek in de avond")
    panel.get_by_role("button", name="Melding vastleggen").click()
    main.get_by_text("Melding vastgelegd voor HKD-047").wait_for(timeout=60_000)
    screenshot(page, "meldingen_aanbieder")
    with fresh_demo.connect() as conn:
        assert conn.execute(text("SELECT vastgelegd_door FROM hkd.meldingen ORDER BY id DESC LIMIT 1")).scalar() \
            == "alfa"
    logout(page)

    login(page, server, "hkd", "hkd-demo-2023")
    _naar(page, "Meldingen")
    main.get_by_text("Signalen voor de agenda van het Sturingsoverleg").wait_for(timeout=60_000)
    signaal = main.locator('[data-testid="stTable"]').filter(has_text="HKD-047")
    signaal.wait_for(timeout=60_000)
    assert "8 meldingen in 3 maanden" in signaal.inner_text()
    main.get_by_role("tab", name="Beheercommissies").click()
    panel = main.get_by_role("tabpanel", name="Beheercommissies")
    panel.get_by_text("Nieuwe verbeteractie").click()
    _kies(panel, "Locatie van de actie", "HKD-047")
    panel.get_by_role("textbox", name="Verbeteractie", exact=True).fill("Afspraken over geluid na 22 uur")
    panel.get_by_role("button", name="Verbeteractie vastleggen").click()
    main.get_by_text("Verbeteractie vastgelegd voor HKD-047").wait_for(timeout=60_000)
    screenshot(page, "meldingen_hkd")
    with fresh_demo.connect() as conn:
        rij = conn.execute(text("SELECT l.code, a.status, a.vastgelegd_door FROM hkd.verbeteracties a "
                                "JOIN hkd.locaties l ON l.id = a.locatie_id ORDER BY a.id DESC LIMIT 1")).one()
    assert tuple(rij) == ("HKD-047", "open", "hkd")

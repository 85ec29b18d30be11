"""What Streamlit's frontend writes itself, which AppTest cannot see: no English hint under a text field while the
public types a search, and no English placeholder, empty-state or "None" on the public pages in Chromium."""

import re

import pytest

from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e

ENGELS = re.compile(r"Press Enter|Press ⌘|Choose (an )?options?|No options to select|No results|\bempty\b|\bNone\b")


def test_typing_in_a_search_field_shows_no_english_hint(app_server, page):
    page.goto(app_server)
    wait_for_app(page, "Openbare kaart: voorzieningen per postcodegebied")
    vak = page.get_by_role("textbox", name="Zoek op de kaart")
    vak.click()
    vak.type("30", delay=50)
    page.wait_for_timeout(500)
    hint = page.locator('[data-testid="InputInstructions"]')
    assert hint.count() == 0 or not hint.first.is_visible()
    assert not ENGELS.search(page.locator('[data-testid="stMain"]').inner_text())


@pytest.mark.parametrize(("pad", "kop"), [("", "Openbare kaart: voorzieningen per postcodegebied"),
                                          ("/wijktrends", "Wijktrends")])
def test_public_pages_show_no_english_in_the_browser(app_server, page, pad, kop):
    page.goto(app_server + pad)
    wait_for_app(page, kop)
    page.wait_for_timeout(1000)
    tekst = page.locator('[data-testid="stMain"]').inner_text()
    assert not ENGELS.search(tekst), ENGELS.search(tekst).group(0)

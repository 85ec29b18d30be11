"""axe-core (from the npm registry, injected by Playwright) finds no serious or critical violations."""

from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.e2e.conftest import dashboard_with_demo_accounts, enig, login, wait_for_app

pytestmark = pytest.mark.e2e
AXE = Path(__file__).resolve().parents[2] / ".hkd" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
PUBLIC_PAGES = [("", "Openbare kaart"), ("wijktrends", "Wijktrends")]


def serious_violations(page) -> list[str]:
    """Run axe on the page; return 'rule: help (n nodes)' for every serious or critical violation."""
    if not AXE.exists():
        pytest.fail("axe-core is not installed; run ./scripts/test, which installs it")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']} {v['nodes'][0]['html'][:160]})"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize(("path", "heading"), PUBLIC_PAGES)
def test_public_pages_have_no_serious_accessibility_violations(app_server, page, path, heading):
    page.goto(f"{app_server}/{path}")
    wait_for_app(page)
    page.wait_for_timeout(1000)
    assert serious_violations(page) == []


HKD_PAGES = ["Escalatieladder", "Overleg", "Draagkrachtscan", "Initiatieven", "Meldingen", "Wijktrends", "Platform",
             "Beheer", "Locatieregister", "Aanbiederskaart"]
PROVIDER_PAGES = ["Aanbiederskaart", "Initiatieven", "Meldingen", "Platform", "Wijktrends"]


def _tour(page, titles: list[str]) -> dict[str, list[str]]:
    """Every page from the sidebar: no error box, no Python trace on screen, and axe's serious violations."""
    found = {}
    main = page.locator('[data-testid="stMainBlockContainer"]')
    for title in titles:
        page.locator('[data-testid="stSidebar"]').get_by_role("link", name=title).click()
        wait_for_app(page, title)
        page.wait_for_timeout(1000)
        problems = serious_violations(page)
        if page.locator('[data-testid="stException"]').count() or "Traceback" in main.inner_text():
            problems.append("an exception is shown on the page")
        found[title] = problems
    return found


def test_hkd_pages_have_no_serious_accessibility_violations(app_server, page):
    login(page, app_server, "hkd", "hkd-demo-2023")
    assert _tour(page, HKD_PAGES) == {title: [] for title in HKD_PAGES}


def test_provider_pages_have_no_serious_accessibility_violations(app_server, page):
    login(page, app_server, "alfa", "alfa-demo-2023")
    assert _tour(page, PROVIDER_PAGES) == {title: [] for title in PROVIDER_PAGES}


def test_meeting_view_steps_by_keyboard(fresh_demo, page):
    """The big-screen view can be run from the keyboard: Tab to 'Volgende', Enter moves to the next item.

    On a private clone: moving the meeting's current item is a write (every other screen follows it). The live
    poll is slowed down: its fragment rerun takes the keyboard focus away (following is tested in
    test_overleg_meeting)."""
    with dashboard_with_demo_accounts(fresh_demo.hkd_url, env={"HKD_VOLG_SECONDEN": "300"}) as base:
        _meeting_by_keyboard(base, page)


def _meeting_by_keyboard(app_server, page):
    login(page, app_server, "hkd", "hkd-demo-2023")
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Overleg").click()
    wait_for_app(page, "Overleg")
    main = page.locator('[data-testid="stMainBlockContainer"]')
    main.get_by_text("Presentatie (groot scherm)").click()
    main.get_by_text("Agendapunt 1 van").first.wait_for()
    volgende = main.get_by_role("button", name="Volgende")
    # the stepper of the previous layout stays on screen until a rerun replaces it: focus the one left
    for _ in range(10):
        try:
            enig(page, volgende).focus(timeout=5_000)
            break
        except PlaywrightError:  # a rerun began between the count and the focus: two steppers again
            continue
    assert page.evaluate("document.activeElement.innerText").strip().startswith("Volgende")
    page.keyboard.press("Enter")
    main.get_by_text("Agendapunt 2 van").first.wait_for()

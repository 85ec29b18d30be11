"""Browser fixtures: the real app served by Streamlit, driven by Playwright in Debian's Chromium."""

from __future__ import annotations

import contextlib
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from ops.serve import running

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
STATE = Path(__file__).resolve().parents[2] / ".hkd"
SCREENSHOTS = STATE / "screenshots"


@contextlib.contextmanager
def dashboard_with_demo_accounts(database_url: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """The real app against ``database_url``, with the documented demo accounts (fast hashes) in its own store."""
    from dashboard.toegang.accounts import AccountStore, ensure_demo_accounts

    accounts = STATE / f"accounts-e2e-{uuid.uuid4().hex[:8]}.json"
    ensure_demo_accounts(AccountStore(accounts), rounds=4)
    try:
        with running(database_url, STATE, env={"HKD_ACCOUNTS_FILE": str(accounts), **(env or {})}) as base:
            yield base
    finally:
        accounts.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def app_server(demo_app_url: str) -> Iterator[str]:
    """The real app (``streamlit run dashboard/app.py``, warmed up) on the shared demo database, connected as
    the app's LOGIN roles like ``hkd run`` does."""
    with dashboard_with_demo_accounts(demo_app_url) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium from the distribution (Playwright never downloads a browser here)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed; run ./scripts/test, which installs it")
    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1800}, locale="nl-NL")
    p = context.new_page()
    yield p
    context.close()


def wait_for_app(page, heading: str | None = None, timeout: float = 60_000) -> None:
    """Wait until Streamlit has rendered the page: a heading in the main block, then no running script."""
    main = page.locator('[data-testid="stMainBlockContainer"]')
    if heading:
        main.get_by_role("heading", name=heading).first.wait_for(timeout=timeout)
    else:
        main.locator("h1").first.wait_for(timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout
    )


def enig(page, locator, pogingen: int = 10):
    """``locator`` once Streamlit has settled on one such element: while a rerun replaces a layout (the meeting's
    presentation toggle, a map finishing), the previous layout's copy stays on screen beside the new one. Waits until
    no script runs and exactly one is left, then returns it (checked again after the wait, as another rerun may start
    between the two)."""
    from playwright.sync_api import expect

    for _ in range(pogingen):
        wait_for_app(page)
        expect(locator).to_have_count(1, timeout=60_000)  # a rerun under load can take longer than 5 s
        wait_for_app(page)
        if locator.count() == 1:
            return locator
    raise AssertionError(f"{locator} did not settle on one element")


def kies_optie(page, combobox, optie: str, filter_tekst: str | None = None, pogingen: int = 5) -> None:
    """Open a selectbox and pick the option whose label contains ``optie``.

    A rerun that is still on its way when the box is clicked (the previous step's, or a map finishing) replaces the
    widget and closes its list; then the list never shows. Open it again, up to ``pogingen`` times, instead of
    waiting for an option that will not come. ``filter_tekst`` is typed first (long, virtualised lists)."""
    for _ in range(pogingen):
        wait_for_app(page)
        combobox.click()
        if filter_tekst:
            page.keyboard.type(filter_tekst)
        keuze = page.get_by_role("option", name=optie).first
        try:
            keuze.wait_for(timeout=10_000)
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
            continue
        keuze.click()
        return
    raise AssertionError(f"the list of {combobox} never showed the option {optie!r}")


def download(page, knop, pogingen: int = 3, timeout: float = 30_000):
    """Click a download button and return the download.

    A download whose file is made on the click (a callable behind ``st.download_button``) is lost when a rerun
    still on its way replaces the button in the same moment; a person clicks again, and so does this helper (at
    most ``pogingen`` times, each after the app has settled)."""
    for poging in range(pogingen):
        wait_for_app(page)
        try:
            with page.expect_download(timeout=timeout) as info:
                knop.click()
            return info.value
        except PlaywrightTimeoutError:
            if poging == pogingen - 1:
                raise
    raise AssertionError("unreachable")


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot where the test run keeps it (``.hkd/screenshots``)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# Demo accounts of the local account store (see README, "Roles and login"; data/accounts.py DEMO_ACCOUNTS):
#   hkd / hkd-demo-2023 (rol hkd), alfa / alfa-demo-2023 (aanbieder alfa), bravo / bravo-demo-2023 (aanbieder bravo)
def login(page, base_url: str, gebruiker: str, wachtwoord: str, timeout: float = 60_000) -> None:
    """Sign in through the app's login page (local account store) and wait until the app confirms it."""
    # Open the entry first: on a fresh server a deep link would run pages/inloggen.py on its own (Streamlit's
    # legacy pages/ mode) until app.py has called st.navigation once.
    page.goto(base_url.rstrip("/") + "/")
    wait_for_app(page, timeout=timeout)
    page.goto(base_url.rstrip("/") + "/inloggen")
    wait_for_app(page, "Inloggen", timeout=timeout)
    main = page.locator('[data-testid="stMainBlockContainer"]')
    main.get_by_label("Gebruikersnaam").fill(gebruiker)
    main.get_by_label("Wachtwoord").fill(wachtwoord)
    main.get_by_role("button", name="Inloggen").click()
    main.get_by_text(f"Ingelogd als {gebruiker}").first.wait_for(timeout=timeout)
    wait_for_app(page, timeout=timeout)


def logout(page, timeout: float = 60_000) -> None:
    """Sign out through the sidebar button and wait until the app shows the public state again."""
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Uitloggen").click()
    page.locator('[data-testid="stSidebar"]').get_by_text("Niet ingelogd").first.wait_for(timeout=timeout)

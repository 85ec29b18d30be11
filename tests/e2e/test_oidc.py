"""OIDC end to end in the browser: a real OIDC test provider (oidc-provider-mock) started here, the app's
``st.login``, roles from the ``groups`` claim mapped by ``HKD_OIDC_ROLLEN``, a login that survives a reload
(Streamlit's signed, HttpOnly identity cookie) and ends on logout."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dashboard.toegang.auth import BEEINDIGD, VERLOPEN
from ops.serve import ROOT, free_port, streamlit_command, wait_healthy
from tests.e2e.conftest import STATE, wait_for_app

pytestmark = pytest.mark.e2e

oidc_provider_mock = pytest.importorskip("oidc_provider_mock")
pytest.importorskip("authlib")

COOKIE_GEHEIM = "test-cookie-geheim-dat-lang-genoeg-is-0123456789"
GEBRUIKERS = {
    "beleid@rotterdam.nl": ["hkd-beheer", "iets-anders"],
    "zorg@alfa.nl": ["zorg-alfa"],
    "buiten@elders.nl": ["onbekende-groep"],
}


@pytest.fixture(scope="module")
def oidc_url() -> Iterator[str]:
    users = [oidc_provider_mock.User(sub=sub, claims={"email": sub, "groups": groups}) for sub, groups in GEBRUIKERS.items()]
    with oidc_provider_mock.run_server_in_thread(port=0, user_claims=users) as server:
        yield f"http://localhost:{server.server_port}"


@contextlib.contextmanager
def _app_with_oidc(database_url: str, oidc: str, tmp: Path) -> Iterator[str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    secrets = tmp / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "{base}/oauth2callback"\n'
        f'cookie_secret = "{COOKIE_GEHEIM}"\n'
        'client_id = "hkd-kaart"\n'
        'client_secret = "test-client-geheim"\n'
        f'server_metadata_url = "{oidc}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    env = {**os.environ, "DATABASE_URL": database_url, "HKD_LOKAAL_INLOGGEN": "0",
           "HKD_OIDC_ROLLEN": "hkd-beheer=hkd;zorg-alfa=aanbieder:alfa", "HKD_OIDC_ROL_CLAIM": "groups"}
    STATE.mkdir(parents=True, exist_ok=True)
    with open(STATE / f"streamlit-oidc-{port}.log", "w") as log:
        proc = subprocess.Popen([*streamlit_command(port), "--secrets.files", str(secrets)], cwd=ROOT, env=env,
                                stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_healthy(base)
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=15)


@pytest.fixture(scope="module")
def oidc_app(demo_app_url, oidc_url, tmp_path_factory) -> Iterator[str]:
    with _app_with_oidc(demo_app_url, oidc_url, tmp_path_factory.mktemp("oidc")) as base:
        yield base


def _sign_in(page, base: str, sub: str) -> None:
    page.goto(base + "/")
    wait_for_app(page)
    page.goto(base + "/inloggen")
    wait_for_app(page, "Inloggen")
    page.get_by_role("button", name="Inloggen met uw organisatie-account").click()
    page.get_by_role("button", name=sub).click()  # the provider's form: a predefined user
    page.wait_for_url(base + "/**", timeout=60_000)


@pytest.mark.parametrize(("sub", "rol_tekst", "pagina", "kop"), [
    ("beleid@rotterdam.nl", "HKD (gemeente en Sturingsoverleg)", "/draagkrachtscan", "Draagkrachtscan"),
    ("zorg@alfa.nl", "zorgaanbieder, aanbieder alfa", "/aanbiederskaart", None),
])
def test_oidc_journey_per_role_survives_a_reload_and_ends_on_logout(oidc_app, page, sub, rol_tekst, pagina, kop):
    _sign_in(page, oidc_app, sub)
    page.goto(oidc_app + "/inloggen")
    wait_for_app(page, "Inloggen")
    main = page.locator('[data-testid="stMainBlockContainer"]')
    main.get_by_text(f"Ingelogd als {sub} ({rol_tekst}").first.wait_for(timeout=60_000)
    page.reload()  # a reload keeps the login (Streamlit's signed HttpOnly cookie)
    wait_for_app(page, "Inloggen")
    main.get_by_text(f"Ingelogd als {sub}").first.wait_for(timeout=60_000)
    cookies = {c["name"]: c for c in page.context.cookies()}
    ident = next(c for n, c in cookies.items() if n.startswith("_streamlit_user"))
    assert ident["httpOnly"]
    page.goto(oidc_app + pagina)
    wait_for_app(page, kop)
    assert "alleen beschikbaar na inloggen" not in main.inner_text()
    page.goto(oidc_app + "/inloggen")
    wait_for_app(page, "Inloggen")
    main.get_by_role("button", name="Uitloggen").click()
    # Streamlit deletes its identity cookie and ends the session at the provider too (its confirmation form)
    page.get_by_role("button", name="End session").click(timeout=60_000)
    page.wait_for_url(oidc_app + "/**", timeout=60_000)
    page.goto(oidc_app + "/")
    wait_for_app(page)
    page.goto(oidc_app + pagina)
    wait_for_app(page, kop)
    assert not [c for c in page.context.cookies() if c["name"] == "_streamlit_user"]
    main.get_by_text("alleen beschikbaar na inloggen").first.wait_for(timeout=60_000)


def test_an_unmapped_group_gets_the_public_layer_only(oidc_app, page):
    _sign_in(page, oidc_app, "buiten@elders.nl")
    page.goto(oidc_app + "/aanbiederskaart")
    wait_for_app(page)
    page.locator('[data-testid="stMainBlockContainer"]').get_by_text("alleen beschikbaar na inloggen").first.wait_for(
        timeout=60_000)


# --- sessions that end (issue 23) ------------------------------------------------------------------------------------

GEWEIGERD = "alleen beschikbaar na inloggen"


@contextlib.contextmanager
def _browser_met(browser, cookies: list[dict]) -> Iterator:
    """A page in a fresh browser context that holds only ``cookies`` (a copied or forged identity cookie)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1200}, locale="nl-NL")
    try:
        context.add_cookies(cookies)
        yield context.new_page()
    finally:
        context.close()


def _ladder_open(browser, base: str, cookies: list[dict]) -> bool:
    """Open the Escalatieladder in a fresh browser context that has only ``cookies``: True when it shows the
    address-level ladder, False when it refuses (the replay of a copied identity cookie)."""
    with _browser_met(browser, cookies) as p:
        p.goto(base + "/escalatieladder")
        wait_for_app(p, "Escalatieladder")
        main = p.locator('[data-testid="stMainBlockContainer"]')
        main.get_by_text(GEWEIGERD).or_(main.locator('[data-testid="stDataFrame"]')).first.wait_for(timeout=60_000)
        return GEWEIGERD not in main.inner_text()


def _inloggen_zegt(browser, base: str, cookies: list[dict], tekst: str) -> None:
    """The login page, opened with only ``cookies``, tells why the session is over."""
    with _browser_met(browser, cookies) as p:
        p.goto(base + "/inloggen")
        wait_for_app(p, "Inloggen")
        p.get_by_text(tekst).first.wait_for(timeout=60_000)
        p.get_by_role("button", name="Inloggen met uw organisatie-account").wait_for(timeout=60_000)


def _identiteit(page) -> list[dict]:
    return [c for c in page.context.cookies() if c["name"].startswith("_streamlit_user")]


def test_a_cookie_saved_before_logout_no_longer_opens_the_ladder(oidc_app, page, browser):
    _sign_in(page, oidc_app, "beleid@rotterdam.nl")
    page.goto(oidc_app + "/escalatieladder")
    wait_for_app(page, "Escalatieladder")
    bewaard = _identiteit(page)
    assert bewaard and all(c["httpOnly"] for c in bewaard)
    # positive control: before the logout the copied cookie is a credential (a fresh browser opens the ladder)
    assert _ladder_open(browser, oidc_app, bewaard)
    page.goto(oidc_app + "/inloggen")
    wait_for_app(page, "Inloggen")
    page.locator('[data-testid="stMainBlockContainer"]').get_by_role("button", name="Uitloggen").click()
    page.get_by_role("button", name="End session").click(timeout=60_000)
    page.wait_for_url(oidc_app + "/**", timeout=60_000)
    assert not _identiteit(page)
    # the attack: the saved cookie replayed in a fresh browser after the logout
    assert not _ladder_open(browser, oidc_app, bewaard)
    _inloggen_zegt(browser, oidc_app, bewaard, BEEINDIGD)
    # positive control: a new login of the same person works again (a fresh session)
    _sign_in(page, oidc_app, "beleid@rotterdam.nl")
    assert _ladder_open(browser, oidc_app, _identiteit(page))


def _vervalst(base: str, oidc: str, **claims) -> list[dict]:
    """An identity cookie as Streamlit signs it, with the test's own cookie secret (the app's checks, not a
    signature, are under test here)."""
    from streamlit.web.server.starlette.starlette_app_utils import create_signed_value

    nu = int(time.time())
    waarde = {"email": "beleid@rotterdam.nl", "sub": "beleid@rotterdam.nl", "groups": ["hkd-beheer"], "iss": oidc,
              "aud": "hkd-kaart", "nonce": secrets.token_hex(8), "iat": nu, "exp": nu + 3600,
              "origin": base, "is_logged_in": True, "provider": "default"}
    waarde.update(claims)
    waarde = {k: v for k, v in waarde.items() if v is not None}
    signed = create_signed_value(COOKIE_GEHEIM, "_streamlit_user", json.dumps(waarde)).decode()
    return [{"name": "_streamlit_user", "value": signed, "url": base}]


def test_an_expired_or_unbounded_id_token_is_refused(oidc_app, oidc_url, browser):
    nu = int(time.time())
    # positive control: a cookie with a live ID token opens the ladder, so the refusals below are the checks
    assert _ladder_open(browser, oidc_app, _vervalst(oidc_app, oidc_url))
    pogingen = {
        "verlopen": {"exp": nu - 60},
        "uren geleden verlopen": {"iat": nu - 5 * 3600, "exp": nu - 4 * 3600},
        "geen exp": {"exp": None},
        "geen iat": {"iat": None},
        "exp als tekst": {"exp": str(nu + 3600)},
        "exp als boolean": {"exp": True},
        "ouder dan het maximum": {"iat": nu - 11 * 3600, "exp": nu + 3600},
    }
    for naam, claims in pogingen.items():
        assert not _ladder_open(browser, oidc_app, _vervalst(oidc_app, oidc_url, **claims)), naam


def test_an_idle_session_ends(oidc_app, oidc_url, browser, demo_url):
    from sqlalchemy import create_engine, text
    from streamlit.web.server.starlette.starlette_app_utils import decode_signed_value

    from dashboard.toegang.sessies import sessie_van

    cookies = _vervalst(oidc_app, oidc_url)
    assert _ladder_open(browser, oidc_app, cookies)  # positive control: active, it stays open
    assert _ladder_open(browser, oidc_app, cookies)
    claims = json.loads(decode_signed_value(COOKIE_GEHEIM, "_streamlit_user", cookies[0]["value"]))
    sleutel = sessie_van(claims, 10).sleutel
    eng = create_engine(demo_url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with eng.begin() as conn:  # 61 minutes without activity (HKD_SESSIE_MINUTEN is 60)
            n = conn.execute(text("UPDATE hkd.sessies SET laatst_gezien = now() - interval '61 minutes' "
                                  "WHERE sleutel = :s"), {"s": sleutel}).rowcount
        assert n == 1
    finally:
        eng.dispose()
    assert not _ladder_open(browser, oidc_app, cookies)
    _inloggen_zegt(browser, oidc_app, cookies, VERLOPEN)

"""OIDC end to end in the browser: a real OIDC test provider (oidc-provider-mock) started here, the app's
``st.login``, roles from the ``groups`` claim mapped by ``HKD_OIDC_ROLLEN``, a login that survives a reload
(Streamlit's signed, HttpOnly identity cookie) and ends on logout."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from ops.serve import ROOT, free_port, streamlit_command, wait_healthy
from tests.e2e.conftest import STATE, wait_for_app

pytestmark = pytest.mark.e2e

oidc_provider_mock = pytest.importorskip("oidc_provider_mock")
pytest.importorskip("authlib")

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
        'cookie_secret = "test-cookie-geheim-dat-lang-genoeg-is-0123456789"\n'
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

"""Logins in the audit log, through the real login page (AppTest) connected as the app's login roles."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from dashboard.toegang.accounts import AccountStore, ensure_demo_accounts


@pytest.fixture
def login_app(app, fresh_demo, tmp_path, monkeypatch):
    path = tmp_path / "accounts.json"
    ensure_demo_accounts(AccountStore(path), rounds=4)
    monkeypatch.setenv("HKD_ACCOUNTS_FILE", str(path))
    monkeypatch.setenv("HKD_LOGIN_MAX_POGINGEN", "2")
    monkeypatch.setenv("DATABASE_URL", fresh_demo.hkd_app_url)
    return app


def _events(engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT gebruiker, db_rol, gegevens->>'gebeurtenis' FROM hkd.audit_log WHERE tabel = 'aanmelding' "
            "ORDER BY id"))]


def _login(at, naam: str, wachtwoord: str) -> None:
    at.text_input[0].input(naam)
    at.text_input[1].input(wachtwoord)
    at.button[0].click().run()


def test_logins_failures_lockouts_and_logouts_are_in_the_audit_log(login_app, fresh_demo):
    at = login_app("inloggen")
    _login(at, "alfa", "fout")
    _login(at, "<b>onbekend</b>", "fout")
    _login(at, "<b>onbekend</b>", "fout")
    assert "geblokkeerd" in at.error[0].value  # an unknown name is blocked like a known one
    _login(at, "alfa", "alfa-demo-2023")
    at.button(key="uitloggen_pagina").click().run()
    # written from the server side through HKD's login (the public login may not write, issue 23)
    assert _events(fresh_demo) == [
        ("alfa", "hkd_beheer", "mislukt"),
        ("<b>onbekend</b>", "hkd_beheer", "mislukt"),
        ("<b>onbekend</b>", "hkd_beheer", "geblokkeerd"),
        ("alfa", "hkd_beheer", "ingelogd"),
        ("alfa", "hkd_beheer", "uitgelogd"),
    ]


def test_a_login_names_its_person_through_a_named_session_that_logout_ends(login_app, fresh_demo):
    """Signed in, the person's transactions are named by a named session of their own layer (migration 580): its
    row carries the name and layer, what the page writes carries the name, and logging out ends the session."""
    def sessies() -> list[tuple]:
        with fresh_demo.connect() as conn:
            return [tuple(r) for r in conn.execute(text(
                "SELECT gebruiker, laag, beeindigd_op IS NOT NULL, reden FROM hkd.sessies "
                "WHERE gebruiker IS NOT NULL ORDER BY begonnen_op"))]

    at = login_app("inloggen")
    _login(at, "alfa", "alfa-demo-2023")
    at.switch_page("pages/meldingen.py").run()  # a page that reads under the person's layer
    assert not at.exception, at.exception
    assert sessies() == [("alfa", "hkd_aanbieder_alfa", False, None)]
    with fresh_demo.connect() as conn:  # the meldkaart's view at address level is logged in the person's name
        assert conn.execute(text("SELECT DISTINCT gebruiker, db_rol FROM hkd.inzage_log WHERE onderdeel = 'meldingen'"
                                 )).all() == [("alfa", "hkd_aanbieder_alfa")]
    at.switch_page("pages/inloggen.py").run()
    at.button(key="uitloggen_pagina").click().run()
    assert sessies() == [("alfa", "hkd_aanbieder_alfa", True, "uitgelogd")]


def test_a_named_session_idle_in_the_database_is_replaced_and_names_no_one_again(login_app, fresh_demo):
    """The database holds the idle minutes (HKD_SESSIE_MINUTEN, 60): a session unused longer is refused by
    hkd.zet_gebruiker; the app opens a new one for the person still signed in, and the page keeps working."""
    at = login_app("inloggen")
    _login(at, "alfa", "alfa-demo-2023")
    at.switch_page("pages/meldingen.py").run()
    assert not at.exception, at.exception
    with fresh_demo.begin() as conn:
        conn.execute(text("UPDATE hkd.sessies SET laatst_gezien = now() - interval '61 minutes' "
                          "WHERE gebruiker = 'alfa'"))
    at.switch_page("pages/aanbiederskaart.py").run()
    assert not at.exception, at.exception
    assert not at.warning, [w.value for w in at.warning]
    with fresh_demo.connect() as conn:
        rijen = conn.execute(text("SELECT now() - laatst_gezien < interval '1 minute' FROM hkd.sessies "
                                  "WHERE gebruiker = 'alfa' ORDER BY begonnen_op")).scalars().all()
    assert rijen == [False, True]  # the idle one stays idle (refused), a fresh one names alfa now

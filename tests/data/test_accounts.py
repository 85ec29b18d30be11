"""The local account store: hashed passwords, lockout after repeated failures, unblocking."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from dashboard.accounts import DEMO_ACCOUNTS, AccountError, AccountStore, ensure_demo_accounts


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def store(tmp_path):
    clock = Clock()
    s = AccountStore(tmp_path / "accounts.json", max_pogingen=3, blokkade_minuten=10, clock=clock)
    s.add("alfa", "alfa-wachtwoord-1", "aanbieder", "alfa", rounds=4)
    s.clock_ref = clock  # type: ignore[attr-defined]
    return s


def test_passwords_are_stored_as_bcrypt_hashes_only(store):
    raw = store.path.read_text()
    assert "alfa-wachtwoord-1" not in raw
    assert json.loads(raw)["accounts"]["alfa"]["hash"].startswith("$2b$")


def test_correct_password_signs_in_with_role_and_provider(store):
    result = store.authenticate("alfa", "alfa-wachtwoord-1")
    assert (result.account.naam, result.account.rol, result.account.aanbieder_code) == ("alfa", "aanbieder", "alfa")


def test_wrong_password_and_unknown_user_give_the_same_answer(store):
    assert store.authenticate("alfa", "fout").reden == "onjuist"
    assert store.authenticate("bestaat-niet", "fout").reden == "onjuist"


def test_lockout_after_repeated_failures_refuses_even_the_right_password_until_it_expires(store):
    clock = store.clock_ref
    assert [store.authenticate("alfa", "fout").reden for _ in range(3)] == ["onjuist", "onjuist", "geblokkeerd"]
    blocked = store.authenticate("alfa", "alfa-wachtwoord-1")
    assert blocked.account is None and blocked.reden == "geblokkeerd"
    assert blocked.geblokkeerd_tot == clock.now + timedelta(minutes=10)
    clock.now += timedelta(minutes=9)
    assert store.authenticate("alfa", "alfa-wachtwoord-1").reden == "geblokkeerd"
    clock.now += timedelta(minutes=2)
    assert store.authenticate("alfa", "alfa-wachtwoord-1").account is not None


def test_success_resets_the_failure_count_and_unblock_lifts_a_block(store):
    store.authenticate("alfa", "fout")
    store.authenticate("alfa", "fout")
    assert store.authenticate("alfa", "alfa-wachtwoord-1").account is not None
    assert store.authenticate("alfa", "fout").reden == "onjuist"  # counting starts again
    for _ in range(3):
        store.authenticate("alfa", "fout")
    assert store.unblock("alfa")
    assert store.authenticate("alfa", "alfa-wachtwoord-1").account is not None


@pytest.mark.parametrize("args", [
    ("Hoofdletter", "lang-genoeg-123", "hkd", None),
    ("kort", "kort", "hkd", None),
    ("zonder", "lang-genoeg-123", "aanbieder", None),
    ("rol", "lang-genoeg-123", "publiek", None),
])
def test_invalid_accounts_are_refused(store, args):
    with pytest.raises(AccountError):
        store.add(*args, rounds=4)


def test_demo_accounts_are_created_once_and_work(tmp_path):
    s = AccountStore(tmp_path / "a.json")
    assert ensure_demo_accounts(s, rounds=4) == [n for n, *_ in DEMO_ACCOUNTS]
    assert ensure_demo_accounts(s, rounds=4) == []
    for naam, wachtwoord, rol, aanbieder in DEMO_ACCOUNTS:
        account = s.authenticate(naam, wachtwoord).account
        assert (account.rol, account.aanbieder_code) == (rol, aanbieder)

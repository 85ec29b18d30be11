"""The local account store for demo and development logins: bcrypt hashes in a JSON file, lockout after failures.

Production signs in through OIDC (Streamlit ``st.login``); this store is for the demo, development and tests.
The file lives in the git-ignored state folder (``HKD_ACCOUNTS_FILE``, default ``.hkd/accounts.json``).
"""

from __future__ import annotations

import fcntl
import json
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import bcrypt

ROLLEN = ("aanbieder", "hkd")
NAAM_PATROON = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
MIN_WACHTWOORD = 10

# Documented in the README ("Roles and login"). Only for the demo: never create them on a production server.
DEMO_ACCOUNTS: tuple[tuple[str, str, str, str | None], ...] = (
    ("hkd", "hkd-demo-2023", "hkd", None),
    ("alfa", "alfa-demo-2023", "aanbieder", "alfa"),
    ("bravo", "bravo-demo-2023", "aanbieder", "bravo"),
)
# Checked against when the name is unknown, so that a wrong name costs as much time as a wrong password.
_DUMMY_HASH = bcrypt.hashpw(b"niet-bestaand-account", bcrypt.gensalt(rounds=4))


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Account:
    """A signed-in identity: name, app role and (for an aanbieder) the provider it is bound to."""

    naam: str
    rol: str
    aanbieder_code: str | None = None


@dataclass(frozen=True)
class LoginResult:
    """Outcome of a login attempt. ``account`` is set only on success."""

    account: Account | None
    reden: str = ""  # "" | "onjuist" | "geblokkeerd"
    geblokkeerd_tot: datetime | None = None


class AccountError(ValueError):
    """An account that cannot be created as asked (Dutch message)."""


@dataclass
class AccountStore:
    """Accounts in one JSON file; every change is written atomically under an exclusive file lock.

    Parameters
    ----------
    path
        The JSON file.
    max_pogingen
        Failed attempts in a row after which the account is blocked.
    blokkade_minuten
        How long a blocked account stays blocked (a correct password is refused meanwhile).
    clock
        Returns the current time (UTC); tests pass their own.
    """

    path: Path
    max_pogingen: int = 5
    blokkade_minuten: int = 15
    clock: Callable[[], datetime] = _now

    @contextmanager
    def _locked(self) -> Iterator[dict]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_suffix(self.path.suffix + ".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            data = json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else {"accounts": {}}
            before = json.dumps(data, sort_keys=True)
            yield data
            if json.dumps(data, sort_keys=True) != before:
                tmp = self.path.with_suffix(".tmp")
                tmp.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
                os.chmod(tmp, 0o600)
                os.replace(tmp, self.path)

    def names(self) -> list[str]:
        """All account names, sorted."""
        with self._locked() as data:
            return sorted(data["accounts"])

    def add(self, naam: str, wachtwoord: str, rol: str, aanbieder_code: str | None = None, *,
            rounds: int = 12, vervang: bool = False) -> Account:
        """Create (or with ``vervang`` replace) an account with a bcrypt-hashed password."""
        if not NAAM_PATROON.match(naam):
            raise AccountError(f"ongeldige gebruikersnaam {naam!r}: kleine letters, cijfers, . _ -; 2-40 tekens")
        if rol not in ROLLEN:
            raise AccountError(f"onbekende rol {rol!r}; kies uit {', '.join(ROLLEN)}")
        if rol == "aanbieder" and not aanbieder_code:
            raise AccountError("een aanbieder-account hoort bij precies één zorgaanbieder (--aanbieder CODE)")
        if len(wachtwoord) < MIN_WACHTWOORD:
            raise AccountError(f"wachtwoord te kort: minstens {MIN_WACHTWOORD} tekens")
        hashed = bcrypt.hashpw(wachtwoord.encode("utf-8"), bcrypt.gensalt(rounds=rounds)).decode("ascii")
        with self._locked() as data:
            if naam in data["accounts"] and not vervang:
                raise AccountError(f"account {naam!r} bestaat al")
            data["accounts"][naam] = {
                "rol": rol, "aanbieder_code": aanbieder_code if rol == "aanbieder" else None, "hash": hashed,
                "mislukt": 0, "geblokkeerd_tot": None,
            }
        return Account(naam, rol, aanbieder_code if rol == "aanbieder" else None)

    def authenticate(self, naam: str, wachtwoord: str) -> LoginResult:
        """Check a password; count failures, block after :attr:`max_pogingen` for :attr:`blokkade_minuten`."""
        now = self.clock()
        with self._locked() as data:
            rec = data["accounts"].get(naam)
            if rec is None:
                bcrypt.checkpw(wachtwoord.encode("utf-8"), _DUMMY_HASH)
                return LoginResult(None, "onjuist")
            blocked = datetime.fromisoformat(rec["geblokkeerd_tot"]) if rec["geblokkeerd_tot"] else None
            if blocked and blocked > now:
                return LoginResult(None, "geblokkeerd", blocked)
            if bcrypt.checkpw(wachtwoord.encode("utf-8"), rec["hash"].encode("ascii")):
                rec["mislukt"], rec["geblokkeerd_tot"] = 0, None
                return LoginResult(Account(naam, rec["rol"], rec["aanbieder_code"]))
            rec["mislukt"] += 1
            if rec["mislukt"] >= self.max_pogingen:
                until = now + timedelta(minutes=self.blokkade_minuten)
                rec["mislukt"], rec["geblokkeerd_tot"] = 0, until.isoformat()
                return LoginResult(None, "geblokkeerd", until)
            rec["geblokkeerd_tot"] = None
            return LoginResult(None, "onjuist")

    def unblock(self, naam: str) -> bool:
        """Lift a block and reset the failure count; False when the account does not exist."""
        with self._locked() as data:
            rec = data["accounts"].get(naam)
            if rec is None:
                return False
            rec["mislukt"], rec["geblokkeerd_tot"] = 0, None
            return True


def store_from_settings() -> AccountStore:
    """The store as configured in :class:`core.settings.Settings` (file, attempts, blocking time)."""
    from core.settings import get_settings

    settings = get_settings()
    return AccountStore(settings.accounts_path.resolve(), max_pogingen=settings.login_max_pogingen,
                        blokkade_minuten=settings.login_blokkade_minuten)


def ensure_demo_accounts(store: AccountStore, rounds: int = 12) -> list[str]:
    """Create the documented demo accounts that are missing; return the names created."""
    existing = set(store.names())
    made = []
    for naam, wachtwoord, rol, aanbieder in DEMO_ACCOUNTS:
        if naam not in existing:
            store.add(naam, wachtwoord, rol, aanbieder, rounds=rounds)
            made.append(naam)
    return made

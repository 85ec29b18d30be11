"""The local account store for demo and development logins: bcrypt hashes in a JSON file, lockout after failures.

Production signs in through OIDC (Streamlit ``st.login``); this store is for the demo, development and tests.
The file lives in the git-ignored state folder (``HKD_ACCOUNTS_FILE``, default ``.hkd/accounts.json``).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import bcrypt

from core import rollen
from core.settings import get_settings

ROLLEN = rollen.MET_ACCOUNT
NAAM_PATROON = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
MIN_WACHTWOORD = 10

# Documented in the README ("Roles and login"). Only for the demo: never create them on a production server.
DEMO_ACCOUNTS: tuple[tuple[str, str, str, str | None], ...] = (
    ("hkd", "hkd-demo-2023", "hkd", None),
    ("alfa", "alfa-demo-2023", "aanbieder", "alfa"),
    ("bravo", "bravo-demo-2023", "aanbieder", "bravo"),
)
DEFAULT_ROUNDS = 12


@cache
def _dummy_hash(rounds: int) -> bytes:
    """Checked against when the name is unknown, at the cost of the store's real hashes, so that a wrong name
    costs as much time as a wrong password (issue 10: the old dummy used 4 rounds against 12)."""
    return bcrypt.hashpw(b"niet-bestaand-account", bcrypt.gensalt(rounds=rounds))


def _rounds_of(hashed: str) -> int:
    """The cost factor of a bcrypt hash (``$2b$12$...`` -> 12)."""
    try:
        return int(hashed.split("$")[2])
    except (IndexError, ValueError):
        return DEFAULT_ROUNDS


def _sleutel(naam: str) -> str:
    """How an unknown name is remembered for its lockout: a digest, never the name an outsider typed."""
    return hashlib.sha256(naam.encode("utf-8", "replace")).hexdigest()[:32]


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
        """Check a password; count failures, block after :attr:`max_pogingen` for :attr:`blokkade_minuten`.

        An unknown name behaves exactly like a known one with a wrong password: the same bcrypt work (the cost of
        the store's own hashes), the same answer, and the same lockout after :attr:`max_pogingen` attempts (its
        failures are kept under a digest of the name and forgotten when the block ends), so that neither time,
        message nor lockout tells an outsider which accounts exist.
        """
        now = self.clock()
        with self._locked() as data:
            rec = data["accounts"].get(naam)
            if rec is None:
                hashes = [r["hash"] for r in data["accounts"].values()]
                rounds = _rounds_of(hashes[0]) if hashes else DEFAULT_ROUNDS
                bcrypt.checkpw(wachtwoord.encode("utf-8"), _dummy_hash(rounds))
                onbekend = data.setdefault("onbekend", {})
                self._vergeet_verlopen(onbekend, now)
                rec = onbekend.setdefault(_sleutel(naam), {"mislukt": 0, "geblokkeerd_tot": None})
                echt = False
            else:
                echt = True
            blocked = datetime.fromisoformat(rec["geblokkeerd_tot"]) if rec["geblokkeerd_tot"] else None
            if blocked and blocked > now:
                return LoginResult(None, "geblokkeerd", blocked)
            if echt and bcrypt.checkpw(wachtwoord.encode("utf-8"), rec["hash"].encode("ascii")):
                rec["mislukt"], rec["geblokkeerd_tot"] = 0, None
                return LoginResult(Account(naam, rec["rol"], rec["aanbieder_code"]))
            # Failures count within one blocking period from the first one, for known and unknown names alike.
            sinds = datetime.fromisoformat(rec["sinds"]) if rec.get("sinds") else None
            if sinds is None or sinds < now - timedelta(minutes=self.blokkade_minuten):
                rec["mislukt"], rec["sinds"] = 0, now.isoformat()
            rec["mislukt"] += 1
            if rec["mislukt"] >= self.max_pogingen:
                until = now + timedelta(minutes=self.blokkade_minuten)
                rec["mislukt"], rec["geblokkeerd_tot"], rec["sinds"] = 0, until.isoformat(), None
                return LoginResult(None, "geblokkeerd", until)
            rec["geblokkeerd_tot"] = None
            return LoginResult(None, "onjuist")

    def _vergeet_verlopen(self, onbekend: dict, now: datetime) -> None:
        """Forget unknown names whose block ended or whose first failure is older than the blocking time."""
        grens = now - timedelta(minutes=self.blokkade_minuten)
        for key in list(onbekend):
            r = onbekend[key]
            tot = datetime.fromisoformat(r["geblokkeerd_tot"]) if r.get("geblokkeerd_tot") else None
            sinds = datetime.fromisoformat(r["sinds"]) if r.get("sinds") else None
            if (tot is not None and tot <= now) or (tot is None and (sinds is None or sinds < grens)):
                del onbekend[key]

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

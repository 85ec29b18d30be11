"""OIDC sessions that end: a server-side record per login (migration 350), asked on every request.

Streamlit's identity cookie is signed, not stored, and lives 30 days: deleting it on logout does nothing to a copy.
So each OIDC login of a layer that sees more than the public gets a key derived from the ID token inside the cookie
(issuer, subject, audience, nonce and issued-at, fresh for every login; :func:`sessie_van`) and the database says,
per request, whether that session may continue: not after logout (the key is revoked, and a copy carries the same
key), not after ``HKD_SESSIE_MINUTEN`` idle minutes, not after its absolute end (the ID token's ``exp`` or issued-at
+ ``HKD_SESSIE_MAX_UREN``, whichever comes first; checked here from the cookie too, so an expired token is refused
without asking).

Session-state key (owned here): ``hkd_oidc_sessie`` = ``(key, monotonic time of the last check, end or None)``;
the database is asked again after :data:`CONTROLE_SECONDEN`, or at once in a new browser session.
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import streamlit as st

STATE_KEY = "hkd_oidc_sessie"
CONTROLE_SECONDEN = 10.0  # a live tab sees a logout elsewhere within this; a new browser session at once


@dataclass(frozen=True)
class OidcSessie:
    """One OIDC login: its key (hex SHA-256) and its absolute end (UTC)."""

    sleutel: str
    verloopt_op: datetime


def _tijdstip(waarde: object) -> float | None:
    if isinstance(waarde, bool) or not isinstance(waarde, int | float) or not math.isfinite(waarde):
        return None
    return float(waarde)


def sessie_van(claims: dict, max_uren: int) -> OidcSessie | None:
    """The session an identity cookie's ID-token claims stand for; ``None`` when they cannot carry one (no
    numeric ``iat`` and ``exp``: such a token cannot be bound to one login or expire)."""
    iat, exp = _tijdstip(claims.get("iat")), _tijdstip(claims.get("exp"))
    if iat is None or exp is None:
        return None
    merk = [str(claims.get(k) or "") for k in ("iss", "sub", "aud", "nonce")] + [repr(iat)]
    sleutel = hashlib.sha256(json.dumps(merk).encode()).hexdigest()
    einde = min(exp, iat + max_uren * 3600)
    return OidcSessie(sleutel, datetime.fromtimestamp(einde, UTC))


def nog_geldig(sessie: OidcSessie, nu: datetime) -> bool:
    """Whether the session's absolute end (ID-token expiry or the maximum) lies after ``nu``."""
    return nu < sessie.verloopt_op


@dataclass(frozen=True)
class Controle:
    """The outcome of asking: ``einde`` is ``None`` while the session may continue, else why it ended."""

    einde: str | None
    nieuw: bool  # asked the database now (not from the state of this browser session)


def controleer(sessie: OidcSessie, vraag) -> Controle:  # noqa: ANN001 - vraag: Callable[[OidcSessie], str | None]
    """Ask ``vraag`` (the database) whether ``sessie`` may continue, at most every :data:`CONTROLE_SECONDEN` per
    browser session; an ended session stays ended without asking again."""
    vorige = st.session_state.get(STATE_KEY)
    if isinstance(vorige, tuple) and len(vorige) == 3 and vorige[0] == sessie.sleutel:
        if vorige[2] is not None or time.monotonic() - vorige[1] < CONTROLE_SECONDEN:
            return Controle(vorige[2], False)
    einde = vraag(sessie)
    st.session_state[STATE_KEY] = (sessie.sleutel, time.monotonic(), einde)
    return Controle(einde, True)


def vergeet() -> None:
    """Drop this browser session's record of the check (after logging out)."""
    st.session_state.pop(STATE_KEY, None)


"""Who is looking: the signed-in user and the layer role they may see. Anonymous visitors are the public.

Two ways in: OIDC through Streamlit (``st.login``, production; roles mapped in secrets ``[hkd_rollen]``) and the
local account store (``dashboard.toegang.accounts``; demo and development). Either session ends after
``HKD_SESSIE_MINUTEN`` (default 60) minutes without activity and at the latest ``HKD_SESSIE_MAX_UREN`` (default 10)
hours after the login; an OIDC session also ends when its ID token expires, and on logout for good, also for a copy
of its cookie (``dashboard.toegang.sessies``, migration 350).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import streamlit as st

from core import rollen
from core.kalender import TZ, nu
from core.settings import get_settings
from dashboard import verbinding
from dashboard.toegang import accounts, sessies
from queries import sessies as sessie_queries
from queries.lagen import as_layer, meld_aanmelding

ROLES = rollen.CODES
SESSION_KEY = "hkd_user"
EXPIRES_KEY = "hkd_sessie_tot"  # datetime after which a local login is no longer valid (idle expiry, sliding)
BEGIN_KEY = "hkd_sessie_begin"  # datetime of the local login (absolute expiry)
NOTICE_KEY = "hkd_auth_melding"  # one-off message for the next run (session expired, signed out)


@dataclass(frozen=True)
class User:
    """A user of the dashboard.

    ``rol`` is one of :data:`ROLES`; ``aanbieder_code`` binds an aanbieder to one provider.
    """

    naam: str
    rol: str = "publiek"
    aanbieder_code: str | None = None

    def __post_init__(self) -> None:
        if self.rol not in ROLES:
            raise ValueError(f"onbekende rol {self.rol!r}")
        if self.rol == "aanbieder" and not self.aanbieder_code:
            raise ValueError("een aanbieder hoort bij precies één zorgaanbieder")


PUBLIEK = User(naam="publiek", rol="publiek")
ROL_NAMEN = rollen.NAMEN


def session_minutes() -> int:
    """Idle minutes after which a local session expires (``HKD_SESSIE_MINUTEN``)."""
    return get_settings().sessie_minuten


def max_hours() -> int:
    """Hours after the login at which any session ends, active or not (``HKD_SESSIE_MAX_UREN``)."""
    return get_settings().sessie_max_uren


def _now() -> datetime:
    return nu()


VERLOPEN = "Uw sessie is verlopen. Log opnieuw in."
BEEINDIGD = "Deze sessie is beëindigd (uitgelogd). Log opnieuw in."


def oidc_configured() -> bool:
    """True when ``[auth]`` is present in the Streamlit secrets (production login through OIDC)."""
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def _mapped_user(naam: str, mapped: str) -> User | None:
    """A user for a mapping value ``"hkd"`` or ``"aanbieder:CODE"``; None for anything else."""
    if mapped == "hkd":
        return User(naam=naam, rol="hkd")
    if mapped.startswith("aanbieder:") and mapped.split(":", 1)[1]:
        return User(naam=naam, rol="aanbieder", aanbieder_code=mapped.split(":", 1)[1])
    return None


def rol_uit_claims(naam: str, claims: dict, claim: str, rollen: dict[str, str]) -> User:
    """The layer of an OIDC identity from its group/role claim (``HKD_OIDC_ROL_CLAIM``) mapped by
    ``HKD_OIDC_ROLLEN``. With several mapped groups HKD wins over one provider; two providers give nothing
    (ambiguous: the public layer only)."""
    waarde = claims.get(claim)
    groepen = [waarde] if isinstance(waarde, str) else [str(g) for g in (waarde or []) if isinstance(g, str | int)]
    gevonden = {_mapped_user(naam, rollen[g]) for g in groepen if g in rollen} - {None}
    hkd = [u for u in gevonden if u.rol == "hkd"]
    if hkd:
        return hkd[0]
    if len(gevonden) == 1:
        return gevonden.pop()
    return User(naam=naam or "onbekend", rol="publiek")


def _oidc_user() -> User | None:
    """The OIDC identity mapped to a role: by address in secrets ``[hkd_rollen]`` (``email = "hkd"|
    "aanbieder:CODE"``), else by the group/role claim (``HKD_OIDC_ROL_CLAIM``, ``HKD_OIDC_ROLLEN``)."""
    try:
        if not st.user.is_logged_in:
            return None
    except Exception:
        return None
    email = str(st.user.get("email") or st.user.get("sub") or "")
    try:
        mapped = str(st.secrets.get("hkd_rollen", {}).get(email, ""))
    except Exception:
        mapped = ""
    claims = st.user.to_dict()
    user = _mapped_user(email, mapped)
    if user is None:
        settings = get_settings()
        user = rol_uit_claims(email, claims, settings.oidc_rol_claim, settings.oidc_rollen)
    return user if _oidc_sessie_loopt(user, claims) else None


def _oidc_sessie_loopt(user: User, claims: dict) -> bool:
    """Whether the OIDC session behind this cookie may continue (expiry, idle, absolute end, logout)."""
    sessie = sessies.sessie_van(claims, max_hours())
    if sessie is None or not sessies.nog_geldig(sessie, _now()):
        _melding_eenmalig(sessie, VERLOPEN)
        return False
    if user.rol == "publiek":
        return True  # the public layer shows what anyone sees: nothing to end (and no right to the session table)
    try:
        controle = sessies.controleer(sessie, lambda s: _in_laag(user, _sessie_gezien, s))
    except Exception:  # the database is away: fail closed, the page shows the public layer until it is back
        return False
    if controle.einde is not None:
        if controle.nieuw:
            st.session_state[NOTICE_KEY] = BEEINDIGD if controle.einde == "uitgelogd" else VERLOPEN
        return False
    return True


def _melding_eenmalig(sessie: sessies.OidcSessie | None, tekst: str) -> None:
    sleutel = sessie.sleutel if sessie else "geen"
    if st.session_state.get(sessies.STATE_KEY, (None,))[0] != sleutel:
        st.session_state[sessies.STATE_KEY] = (sleutel, 0.0, "verlopen")
        st.session_state[NOTICE_KEY] = tekst


def _sessie_gezien(conn, sessie: sessies.OidcSessie) -> str | None:  # noqa: ANN001 - a Connection
    return sessie_queries.gezien(conn, sessie.sleutel, max(1, min(session_minutes(), 1440)), sessie.verloopt_op)


def _sessie_beeindigen(conn, sessie: sessies.OidcSessie) -> None:  # noqa: ANN001 - a Connection
    sessie_queries.beeindigen(conn, sessie.sleutel, sessie.verloopt_op)


def _in_laag(user: User, fn, *args):  # noqa: ANN001, ANN202
    """``fn(conn, *args)`` in one transaction under ``user``'s layer, naming no one (not through ``db.run_*``: those
    ask who the user is, which is what is being decided here)."""
    with as_layer(verbinding.engine_for(user.rol, user.aanbieder_code), user.rol, "", user.aanbieder_code) as conn:
        return fn(conn, *args)


def current_user() -> User:
    """The user of this session (the public when nobody signed in or the session expired)."""
    oidc = _oidc_user()
    if oidc is not None:
        return oidc
    user = st.session_state.get(SESSION_KEY)
    if not isinstance(user, User):
        verbinding.sluit_naamsessie()  # an OIDC session that ended: its named session ends too
        return PUBLIEK
    expires, begin = st.session_state.get(EXPIRES_KEY), st.session_state.get(BEGIN_KEY)
    if (isinstance(expires, datetime) and expires <= _now()) or (
            isinstance(begin, datetime) and begin + timedelta(hours=max_hours()) <= _now()):
        logout(notice=VERLOPEN)
        return PUBLIEK
    if isinstance(expires, datetime):
        st.session_state[EXPIRES_KEY] = _now() + timedelta(minutes=session_minutes())  # sliding expiry
    return user


def login_local(naam: str, wachtwoord: str) -> tuple[User | None, str]:
    """Check ``naam``/``wachtwoord`` against the local store; on success start a session. Returns (user, message)."""
    naam = naam.strip().lower()
    result = accounts.store_from_settings().authenticate(naam, wachtwoord)
    _meld(naam, "ingelogd" if result.account else ("geblokkeerd" if result.reden == "geblokkeerd" else "mislukt"))
    if result.account is None:
        if result.reden == "geblokkeerd" and result.geblokkeerd_tot is not None:
            tot = result.geblokkeerd_tot.astimezone(TZ).strftime("%H:%M")
            return None, f"Te veel mislukte pogingen: dit account is geblokkeerd tot {tot}."
        return None, "Onbekende gebruikersnaam of onjuist wachtwoord."
    user = User(naam=result.account.naam, rol=result.account.rol, aanbieder_code=result.account.aanbieder_code)
    st.session_state[SESSION_KEY] = user
    st.session_state[EXPIRES_KEY] = _now() + timedelta(minutes=session_minutes())
    st.session_state[BEGIN_KEY] = _now()
    return user, ""


def _meld(naam: str, gebeurtenis: str) -> None:
    """Write a login event to the audit log from the server side (the public login may not write, issue 23)."""
    verbinding.run_server_write(meld_aanmelding, naam, gebeurtenis)


def logout(notice: str = "U bent uitgelogd.") -> bool:
    """End the session (local and OIDC) and leave a one-off notice for the next run.

    Returns True when an OIDC logout is under way: Streamlit then sends the browser to its logout endpoint, which
    deletes the identity cookie; the caller must not ``st.rerun()`` (that would drop the redirect and leave the
    cookie, so a reload would sign the person in again)."""
    if notice == "U bent uitgelogd.":  # a deliberate logout, not an expiry
        oidc = _oidc_user()
        user = oidc or st.session_state.get(SESSION_KEY)
        if isinstance(user, User):
            _meld(user.naam, "uitgelogd")
        if oidc is not None and oidc.rol != "publiek":
            # end the session in the database first: the cookie Streamlit deletes below may have been copied
            sessie = sessies.sessie_van(st.user.to_dict(), max_hours())
            if sessie is not None:
                _in_laag(oidc, _sessie_beeindigen, sessie)
    verbinding.sluit_naamsessie()
    st.session_state.pop(SESSION_KEY, None)
    st.session_state.pop(EXPIRES_KEY, None)
    st.session_state.pop(BEGIN_KEY, None)
    st.session_state[NOTICE_KEY] = notice
    try:
        if st.user.is_logged_in:
            st.logout()
            return True
    except Exception:  # OIDC not configured
        pass
    return False


def pop_notice() -> str | None:
    """The pending one-off notice, if any (shown once by the frame)."""
    return st.session_state.pop(NOTICE_KEY, None)


def require_role(*roles: str) -> User:
    """Stop the page with a clear Dutch message unless the user has one of ``roles``."""
    user = current_user()
    if user.rol not in roles:
        st.warning("Deze pagina is alleen beschikbaar na inloggen met de juiste rol.", icon=":material/lock:")
        st.page_link("pages/inloggen.py", label="Naar inloggen", icon=":material/login:")
        st.stop()
    return user


def local_login_enabled() -> bool:
    """Whether the local account store may be used (``HKD_LOKAAL_INLOGGEN``, default on; switch off in production)."""
    return get_settings().lokaal_inloggen


def max_attempts() -> int:
    """Failed attempts before a local account is blocked (as configured for the store)."""
    return accounts.store_from_settings().max_pogingen

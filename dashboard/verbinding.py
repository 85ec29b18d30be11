"""The dashboard's connections: one cached engine per login role, and one transaction under a given user's layer.

The user is passed in: this module asks no one who is signed in, so that login (:mod:`dashboard.toegang.auth`), the
inzage log (:mod:`dashboard.inzage`) and the pages' access (:mod:`dashboard.db`) all stand on it without a circle.
Every transaction runs on the LOGIN role of the user's layer (``hkd_app_publiek``, ``hkd_app_beheer``,
``hkd_aanbieder_<code>``; one small pool each, see :func:`engine_for`) and names the user, so that the database
(grants and row-level security), not only the page, decides what the user may read or write, and injected SQL has
no other role to switch to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any, Protocol

import streamlit as st
from psycopg import errors as pg_errors
from sqlalchemy import Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from core import rollen
from core.kalender import nu
from core.settings import get_settings
from queries import sessies as sessie_queries
from queries.db import make_engine
from queries.lagen import LOGIN_PUBLIEK, LOGIN_SESSIES, alleen_lezen, as_layer, laag_rol, login_rol
from reports.veilig import md_tekst

DB_DOWN = (
    "De database is op dit moment niet bereikbaar. Probeer het over een minuut opnieuw; "
    "de pagina herstelt zich vanzelf zodra de database terug is."
)
NO_ACCESS = (
    "Uw rol heeft geen toegang tot deze gegevens. Log in met een account dat er recht op heeft "
    "(de database weigert het verzoek)."
)
NAAMSESSIE_KEY = "hkd_naamsessie"
"""Session-state key (owned here): ``(who, secret, end)`` of the named session that names the signed-in person in
the database (migration 580); ``who`` is ``(naam, rol, aanbieder_code)``. The secret never leaves the server."""


class Gebruiker(Protocol):
    """Who a transaction is for (``dashboard.toegang.auth.User``)."""

    naam: str
    rol: str
    aanbieder_code: str | None


def _wie(user: Gebruiker) -> tuple[str, str, str | None]:
    return (user.naam, user.rol, user.aanbieder_code)


def _sluit(engine: Engine) -> None:
    """An engine leaving the cache closes its pool: every login role has a connection limit across the server
    (``rol_grenzen``, e.g. 10 for the sessions login), and a dropped engine held its connections until collected."""
    engine.dispose()


@st.cache_resource(show_spinner=False, on_release=_sluit)
def get_engine() -> Engine:
    """The engine of the app's URL (``hkd run`` passes it; see ``Settings.app_database_url``).

    On the layer logins this is the public login ``hkd_app_publiek``. The dashboard never starts a server and
    never migrates: ``hkd run`` / ``hkd db migrate`` do that first."""
    return make_engine(get_settings().app_database_url)


@st.cache_resource(show_spinner=False, max_entries=64, on_release=_sluit)
def _login_engine(login: str) -> Engine:
    """A small pool for one LOGIN role (created lazily: most server processes only ever need the public one). The
    sessions login keeps no connection open: a session is opened once per sign-in, and its limit of 10 connections
    is shared by every server process (pooled, two processes could hold them all idle)."""
    url = make_url(get_settings().app_database_url).set(username=login, password=None).render_as_string(
        hide_password=False)
    if login == LOGIN_SESSIES:
        return make_engine(url, poolclass=NullPool)
    return make_engine(url, pool_size=2, max_overflow=3)


def engine_for(rol: str, aanbieder_code: str | None) -> Engine:
    """The engine a transaction of this user runs on.

    When the app's URL is the public layer login, every layer has its own LOGIN role and pool (a public connection
    has nothing to switch to); with any other URL (an administrator's, as in older set-ups) one engine switches
    with ``SET LOCAL ROLE``."""
    if make_url(get_settings().app_database_url).username != LOGIN_PUBLIEK:
        return get_engine()
    login = login_rol(rol, aanbieder_code)
    return get_engine() if login == LOGIN_PUBLIEK else _login_engine(login)


def _sessie_engine() -> Engine:
    """Where the server opens named sessions: its own login ``hkd_app_sessies``, which may execute
    ``hkd.sessie_openen`` and nothing else (migration 595), so no layer's login can open one; on an
    administrator's URL (older set-ups) that URL's engine."""
    if make_url(get_settings().app_database_url).username != LOGIN_PUBLIEK:
        return get_engine()
    return _login_engine(LOGIN_SESSIES)


def run_as(user: Gebruiker, fn: Callable[..., Any], args: tuple, *, lezen: bool = False) -> Any:
    """``fn(conn, *args)`` in one committed transaction under ``user``'s layer role, named as ``user``; with
    ``lezen`` the transaction is read-only (the database refuses a write). A lost database shows :data:`DB_DOWN`,
    a refusal by the database a Dutch notice; both stop the page."""
    def transactie() -> Any:
        with as_layer(engine_for(user.rol, user.aanbieder_code), user.rol, user.naam, user.aanbieder_code,
                      sessie_geheim(user)) as conn:
            if lezen:
                alleen_lezen(conn)
            return fn(conn, *args)

    try:
        try:
            return transactie()
        except DBAPIError as exc:
            if not _sessie_geweigerd(exc):
                raise
            st.session_state.pop(NAAMSESSIE_KEY, None)  # ended or unknown (a restored database): open a new one
            return transactie()
    except OperationalError:
        st.error(DB_DOWN, icon="⚠️")
        st.stop()
    except Exception as exc:  # pandas wraps driver errors in its own DatabaseError: look down the chain
        if isinstance(_pg_fout(exc), pg_errors.InsufficientPrivilege):
            st.warning(db_fout(exc, "Niet gelukt"), icon=":material/lock:")
            st.stop()
        raise


def _sessie_geweigerd(exc: BaseException) -> bool:
    """Whether the database refused the named session's secret (``hkd.zet_gebruiker``), before anything ran."""
    fout = _pg_fout(exc)
    return isinstance(fout, pg_errors.InsufficientPrivilege) and "zet_gebruiker" in (fout.diag.context or "")


def _pg_fout(exc: BaseException | None) -> pg_errors.Error | None:
    """The database's own error anywhere in the exception chain (SQLAlchemy and pandas wrap it), or None."""
    while exc is not None:
        if isinstance(exc, pg_errors.Error) and exc.sqlstate:
            return exc
        if isinstance(exc, DBAPIError) and isinstance(exc.orig, pg_errors.Error):
            return exc.orig
        exc = exc.__cause__ or exc.__context__
    return None


# What a refusal by the database means for the person, per SQLSTATE (or its class, the first two characters).
_ZINNEN = {
    "23505": "dit bestaat al: een gelijke regel of code is al vastgelegd.",
    "23503": "het verwijst naar iets dat niet (meer) bestaat.",
    "23502": "een verplicht veld is leeg.",
    "23514": "een waarde valt buiten wat het register toestaat.",
    "23P01": "het overlapt met wat al is vastgelegd.",
    "42501": "uw rol mag dit niet (de database weigert het verzoek).",
    "22": "een waarde heeft een ongeldige vorm of is te lang.",
    "40": "iemand anders legde tegelijk iets vast; probeer het opnieuw.",
}
_ALGEMEEN = "de database weigerde dit."
_TIJD = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:[+-]\d{2}(?::?\d{2})?)?)?")
_NAAM = re.compile(r"\b([a-z]+(?:_[a-z0-9]+)+)\b")


def _eigen_zin(fout: pg_errors.Error) -> str | None:
    """The Dutch message of one of our own triggers or functions (a PL/pgSQL RAISE), readable: dates as people write
    them, no offset, no snake_case; None for the database's own messages (which name constraints and columns)."""
    diag = fout.diag
    if diag.constraint_name or "at RAISE" not in (diag.context or ""):
        return None
    zin = (diag.message_primary or "").strip()
    zin = _TIJD.sub(lambda m: f"{m[3]}-{m[2]}-{m[1]}" + (f" {m[4]}" if m[4] else ""), zin)
    zin = _NAAM.sub(lambda m: m[1].replace("_", " "), zin)
    return (zin if zin.endswith(".") else zin + ".") if zin else None


def db_fout(exc: BaseException, voor: str = "Niet vastgelegd") -> str | None:
    """``voor: <why>``, safe as markdown, for a refusal by the database: one Dutch sentence, never SQL or a
    constraint's name; None when ``exc`` is no database error. A read the layer may not do says :data:`NO_ACCESS`."""
    fout = _pg_fout(exc)
    if fout is None:
        return None
    if isinstance(fout, pg_errors.InsufficientPrivilege) and "at RAISE" not in (fout.diag.context or "") \
            and "row-level security" not in str(fout):
        return NO_ACCESS
    code = fout.sqlstate or ""
    zin = _eigen_zin(fout) or _ZINNEN.get(code) or _ZINNEN.get(code[:2]) or _ALGEMEEN
    return f"{voor}: {md_tekst(zin)}"


def run_server_write(fn: Callable[..., Any], *args: Any) -> Any:
    """Run ``fn(conn, *args)`` as the server itself, on the HKD layer's login, naming no person (issue 23).

    For what no layer the person is in may write: login events (also a failed one, before anyone is signed in; the
    public login writes nothing). Named sessions are opened on a login of their own (:func:`sessie_geheim`)."""
    try:
        with as_layer(engine_for(rollen.HKD.code, None), rollen.HKD.code, "") as conn:
            return fn(conn, *args)
    except OperationalError:
        st.error(DB_DOWN, icon="⚠️")
        st.stop()


def sessie_geheim(user: Gebruiker) -> str | None:
    """The secret of the named session that names ``user`` in the database (migration 580); None for the public.

    Opened by the server (on its sessions login) on the first transaction of a signed-in person in this browser
    session and kept in session state until that person signs out, another signs in, or it nears its end
    (``HKD_SESSIE_MAX_UREN``); the database also refuses it after ``HKD_SESSIE_MINUTEN`` without a transaction, and
    :func:`run_as` then opens a new one for the person still signed in here. So SQL
    injected into a person's transaction can act as nobody else: the database names only the person whose secret
    the transaction carries, and only in that person's layer."""
    if user.rol == rollen.PUBLIEK.code:
        return None
    opgeslagen = st.session_state.get(NAAMSESSIE_KEY)
    if opgeslagen and opgeslagen[0] == _wie(user) and nu() < opgeslagen[2] - timedelta(minutes=5):
        return opgeslagen[1]
    sluit_naamsessie()
    instellingen = get_settings()
    einde = nu() + timedelta(hours=instellingen.sessie_max_uren)
    try:
        with _sessie_engine().begin() as conn:
            geheim = sessie_queries.openen(conn, user.naam, laag_rol(user.rol, user.aanbieder_code),
                                           max(1, min(instellingen.sessie_minuten, 1440)), einde)
    except OperationalError:
        st.error(DB_DOWN, icon="⚠️")
        st.stop()
    st.session_state[NAAMSESSIE_KEY] = (_wie(user), geheim, einde)
    return geheim


def sluit_naamsessie() -> None:
    """End this browser session's named session in the database (logout, expiry); best effort: when the database
    is away it ends at its end."""
    opgeslagen = st.session_state.pop(NAAMSESSIE_KEY, None)
    if not opgeslagen:
        return
    (_naam, rol, code), geheim, _einde = opgeslagen
    try:
        with as_layer(engine_for(rol, code), rol, "", code) as conn:
            sessie_queries.beeindigen(conn, sessie_queries.sleutel_van(geheim), nu())
    except SQLAlchemyError:
        pass

"""The layer roles: every transaction of the app runs under the database role of the audience it serves.

Two ways to connect, one function (:func:`as_layer`):

* **Layer logins** (the default of the project-local database, the tests and production): the app holds one small
  engine per login role (:func:`login_rol`): ``hkd_app_publiek`` (member of ``hkd_publiek`` only),
  ``hkd_app_beheer`` (member of ``hkd_beheer`` only) and one ``hkd_aanbieder_<code>`` per provider (member of
  ``hkd_aanbieder`` only). Such a connection owns nothing and can switch to nothing else: ``RESET ROLE``,
  ``SET ROLE hkd_beheer`` or ``SET SESSION AUTHORIZATION`` in injected SQL gain nothing, and the provider of a
  transaction is the role itself (``hkd.eigen_aanbieder_id()``), not a setting.
* **An administrator's engine** (owner or superuser: the CLI export, tests of other modules) switches per
  transaction with ``SET LOCAL ROLE`` to the same role the layer login would have.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

from core import rollen
from queries.sqlfiles import sql

# app role -> database role of its layer (core.rollen, created by queries/roles.sql). Deny by default: an unknown
# role gets the public one.
DB_ROLLEN = {r.code: r.laag_rol for r in rollen.ROLLEN}

# The owner of every object and the login role of each layer (core.rollen).
EIGENAAR = rollen.EIGENAAR
LOGIN_PUBLIEK = rollen.PUBLIEK.login_rol
LOGIN_BEHEER = rollen.HKD.login_rol
AANBIEDER_PREFIX = rollen.AANBIEDER_LOGIN_PREFIX
LOGIN_ROLLEN = tuple(r.login_rol for r in rollen.ROLLEN if r.login_rol)
LOGIN_SESSIES = rollen.SESSIES_LOGIN  # the server's login that opens named sessions (and does nothing else)


def aanbieder_rol(aanbieder_code: str) -> str:
    """The database role of one provider (its LOGIN role, member of ``hkd_aanbieder``)."""
    return AANBIEDER_PREFIX + aanbieder_code


def laag_rol(rol: str, aanbieder_code: str | None = None) -> str:
    """The database role a transaction of app role ``rol`` runs under (a provider without a code: the group role
    ``hkd_aanbieder``, which is no provider and sees no row in detail)."""
    if rol == rollen.AANBIEDER.code:
        return aanbieder_rol(aanbieder_code) if aanbieder_code else rollen.AANBIEDER.laag_rol
    return rollen.rol(rol).laag_rol


def login_rol(rol: str, aanbieder_code: str | None = None) -> str:
    """The LOGIN role the app connects as for app role ``rol`` (deny by default: the public login)."""
    if rol == rollen.AANBIEDER.code and aanbieder_code:
        return aanbieder_rol(aanbieder_code)
    return rollen.rol(rol).login_rol or LOGIN_PUBLIEK


def enter_layer(conn: Connection, rol: str, gebruiker: str, aanbieder_code: str | None = None,
                sessie: str | None = None) -> None:
    """Switch the open transaction of ``conn`` to the layer role of ``rol`` and name the user.

    ``SET LOCAL`` semantics: the switch ends with the transaction, so a pooled connection never keeps it. On a
    layer login the switch is into the login's own layer (any other is refused by the database). The person is
    bound to the transaction by the database, once (``hkd.zet_gebruiker``, migrations 302 and 580): with
    ``sessie``, the secret of a live named session of this layer (the app; :mod:`queries.sessies`), the name is the
    session's and ``gebruiker`` is not used; without it, ``gebruiker`` is named on the administrators' path
    (owner or superuser only: the CLI, tests), which a layer login is refused. The public layer names no one.
    """
    rol_db = laag_rol(rol, aanbieder_code)
    naamt = rol_db != DB_ROLLEN["publiek"]  # the public layer writes nothing and may not (issue 23)
    if naamt and not sessie and gebruiker.strip():
        conn.execute(sql("lagen", "zet_gebruiker_zonder_sessie"), {"gebruiker": gebruiker})
    conn.execute(sql("lagen", "zet_rol"), {"rol": rol_db})
    conn.execute(sql("lagen", "zet_context"), {"aanbieder": (aanbieder_code or "") if rol == "aanbieder" else ""})
    if naamt and sessie:
        conn.execute(sql("lagen", "zet_gebruiker"), {"geheim": sessie})


def alleen_lezen(conn: Connection) -> None:
    """Make the open transaction read-only: from here on the database refuses every write in it."""
    conn.execute(sql("lagen", "alleen_lezen"))


@contextmanager
def as_layer(engine: Engine, rol: str, gebruiker: str, aanbieder_code: str | None = None,
             sessie: str | None = None) -> Iterator[Connection]:
    """One committed transaction under the layer role of ``rol`` (used by the app, the CLI export and tests);
    the person named as in :func:`enter_layer`."""
    with engine.begin() as conn:
        enter_layer(conn, rol, gebruiker, aanbieder_code, sessie)
        yield conn


def voor_migratie(conn: Connection) -> None:
    """Before migrating: the roles of core.rollen, created when missing (the one place that creates them; the role
    blocks of migrations 002 and 100 are history and find them there). Needs a role that may create roles, else
    an administrator created them (docs/database-rollen.md)."""
    if conn.execute(sql("roles", "mag_rollen_maken")).scalar():
        conn.execute(sql("roles", "ensure_roles"))


def na_migratie(conn: Connection) -> None:
    """After migrating as an administrator: provider roles, and every object handed to the owner role.

    Roles and the hand-over need a role that may create roles (else an administrator ran them, see
    docs/database-rollen.md); the statistics rule (issue 23) runs for whoever owns the tables.
    """
    if conn.execute(sql("roles", "mag_rollen_maken")).scalar():
        conn.execute(sql("roles", "ensure_aanbieder_rollen"))
        conn.execute(sql("roles", "overdragen_aan_eigenaar"))
        conn.execute(sql("roles", "rol_grenzen"))
    conn.execute(sql("roles", "statistiek_uit"))


AANMELD_GEBEURTENISSEN = ("ingelogd", "mislukt", "geblokkeerd", "uitgelogd")


def meld_aanmelding(conn: Connection, gebruiker: str, gebeurtenis: str) -> None:
    """Write a login event to the audit log (``gebeurtenis`` one of :data:`AANMELD_GEBEURTENISSEN`)."""
    if gebeurtenis not in AANMELD_GEBEURTENISSEN:
        raise ValueError(f"onbekende gebeurtenis {gebeurtenis!r}")
    conn.execute(sql("lagen", "meld_aanmelding"), {"gebruiker": gebruiker[:64], "gebeurtenis": gebeurtenis})

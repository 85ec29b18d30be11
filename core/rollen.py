"""The user groups of HKD Kaart: one list that login, accounts, navigation, the layer roles, the CLI and the role
SQL read or are checked against (``tests/queries/test_rollen.py`` checks ``queries/roles.sql`` and the grants of
``queries/objects/`` against it). How to add a group: ARCHITECTURE.md, "add a user group".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rol:
    """One user group.

    ``code`` is what a signed-in user carries and a page asks for; ``naam`` is how the dashboard names the group to
    people; ``laag_rol`` is the NOLOGIN database role of its layer (grants and row-level security are written for
    it); ``login_rol`` is the LOGIN role the app connects as (None: one login per provider,
    ``hkd_aanbieder_<code>``); ``lokaal_account`` says whether the local account store may hold such a user (the
    public signs in as no one).
    """

    code: str
    naam: str
    laag_rol: str
    login_rol: str | None
    lokaal_account: bool


PUBLIEK = Rol("publiek", "publiek", "hkd_publiek", "hkd_app_publiek", lokaal_account=False)
AANBIEDER = Rol("aanbieder", "zorgaanbieder", "hkd_aanbieder", None, lokaal_account=True)
HKD = Rol("hkd", "HKD (gemeente en Sturingsoverleg)", "hkd_beheer", "hkd_app_beheer", lokaal_account=True)

ROLLEN: tuple[Rol, ...] = (PUBLIEK, AANBIEDER, HKD)
CODES: tuple[str, ...] = tuple(r.code for r in ROLLEN)
MET_ACCOUNT: tuple[str, ...] = tuple(r.code for r in ROLLEN if r.lokaal_account)
NAMEN: dict[str, str] = {r.code: r.naam for r in ROLLEN}

# The owner of every object (never a login) and the prefix of a provider's own login role.
EIGENAAR = "hkd_eigenaar"
AANBIEDER_LOGIN_PREFIX = "hkd_aanbieder_"
# The server's own LOGIN role for opening named sessions (hkd.sessie_openen, migration 595): no layer, no table,
# no other function; so free SQL on a layer's login cannot open a session for anyone.
SESSIES_LOGIN = "hkd_app_sessies"


def rol(code: str) -> Rol:
    """The group with ``code``; deny by default: an unknown code is the public."""
    return next((r for r in ROLLEN if r.code == code), PUBLIEK)

"""One list of user groups (core.rollen): the role SQL, the object grants and the database are checked against it."""

from __future__ import annotations

import re

from sqlalchemy import text

from core import rollen
from queries import lagen
from queries.db import object_files
from queries.sqlfiles import statements

_ROLE_NAME = re.compile(r"\bhkd_[a-z_]+\b")


def _known_roles() -> set[str]:
    return ({r.laag_rol for r in rollen.ROLLEN} | {r.login_rol for r in rollen.ROLLEN if r.login_rol}
            | {rollen.EIGENAAR, rollen.SESSIES_LOGIN})


def test_the_role_sql_creates_exactly_the_catalogues_roles_and_memberships():
    ensure = statements("roles")["ensure_roles"]
    created = set(re.findall(r"CREATE ROLE (\w+)", ensure))
    assert created == _known_roles()
    memberships = set(re.findall(r"GRANT (\w+) TO (\w+);", ensure))
    assert memberships == {(r.laag_rol, r.login_rol) for r in rollen.ROLLEN if r.login_rol}
    # a provider's own login is a member of the provider group role only
    per_provider = statements("roles")["ensure_aanbieder_rollen"]
    assert f"GRANT {rollen.AANBIEDER.laag_rol} TO" in per_provider
    assert f"'{rollen.AANBIEDER_LOGIN_PREFIX}' || c" in per_provider


def test_grants_of_views_and_functions_name_only_catalogue_roles():
    named = set()
    for path in object_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(("GRANT ", "REVOKE ")):
                named |= {m for m in _ROLE_NAME.findall(line.split(" TO ")[-1].split(" FROM ")[-1])}
    assert named and named <= _known_roles(), named - _known_roles()


def test_the_database_has_the_catalogues_roles_with_their_memberships(empty_db):
    with empty_db.connect() as conn:
        rows = conn.execute(text(
            "SELECT g.rolname AS groep, m.rolname AS lid FROM pg_auth_members am "
            "JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member "
            "WHERE g.rolname = ANY(:groepen)"), {"groepen": [r.laag_rol for r in rollen.ROLLEN]}).all()
        bestaand = set(conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:r)"),
                                    {"r": sorted(_known_roles())}).scalars())
    assert bestaand == _known_roles()
    lid_van = {}
    for groep, lid in rows:
        lid_van.setdefault(lid, set()).add(groep)
    for r in rollen.ROLLEN:
        if r.login_rol:
            assert lid_van[r.login_rol] == {r.laag_rol}
    assert rollen.SESSIES_LOGIN not in lid_van  # the server's sessions login is in no layer
    providers = [lid for lid in lid_van if lid.startswith(rollen.AANBIEDER_LOGIN_PREFIX)]
    assert all(lid_van[p] == {rollen.AANBIEDER.laag_rol} for p in providers)


def test_every_app_role_maps_to_its_layer_and_login():
    for r in rollen.ROLLEN:
        assert lagen.DB_ROLLEN[r.code] == r.laag_rol
        if r.login_rol:
            assert lagen.login_rol(r.code) == r.login_rol
    assert lagen.laag_rol("onbekend") == rollen.PUBLIEK.laag_rol

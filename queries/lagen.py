"""The layer roles: every transaction of the app runs under the database role of the audience it serves."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

from queries.sqlfiles import sql

# app role (hkd.auth ROLES) -> database role (migration 002). Deny by default: an unknown role gets the public one.
DB_ROLLEN = {"publiek": "hkd_publiek", "aanbieder": "hkd_aanbieder", "hkd": "hkd_beheer"}


def enter_layer(conn: Connection, rol: str, gebruiker: str, aanbieder_code: str | None = None) -> None:
    """Switch the open transaction of ``conn`` to the layer role of ``rol`` and name provider and user.

    ``SET LOCAL`` semantics: the switch ends with the transaction, so a pooled connection never keeps it.
    """
    db_rol = DB_ROLLEN.get(rol, "hkd_publiek")
    conn.execute(sql("lagen", "zet_rol"), {"rol": db_rol})
    conn.execute(
        sql("lagen", "zet_context"),
        {"aanbieder": (aanbieder_code or "") if rol == "aanbieder" else "", "gebruiker": gebruiker},
    )


@contextmanager
def as_layer(engine: Engine, rol: str, gebruiker: str, aanbieder_code: str | None = None) -> Iterator[Connection]:
    """One committed transaction under the layer role of ``rol`` (used by the app, the CLI export and tests)."""
    with engine.begin() as conn:
        enter_layer(conn, rol, gebruiker, aanbieder_code)
        yield conn

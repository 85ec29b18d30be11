"""Who is looking: the signed-in user and the layer role they may see. Anonymous visitors are the public."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

ROLES = ("publiek", "aanbieder", "hkd")
SESSION_KEY = "hkd_user"


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


def current_user() -> User:
    """The user of this session (the public when nobody signed in)."""
    user = st.session_state.get(SESSION_KEY)
    return user if isinstance(user, User) else PUBLIEK


def require_role(*roles: str) -> User:
    """Stop the page with a clear Dutch message unless the user has one of ``roles``."""
    user = current_user()
    if user.rol not in roles:
        st.warning("Deze pagina is alleen beschikbaar na inloggen met de juiste rol.", icon=":material/lock:")
        st.stop()
    return user

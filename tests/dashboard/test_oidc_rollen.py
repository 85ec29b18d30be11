"""OIDC: roles from a group/role claim, mapped in the settings (hostile claims included)."""

from __future__ import annotations

import pytest

from core.settings import SettingError, Settings
from dashboard.auth import rol_uit_claims

ROLLEN = {"hkd-beheer": "hkd", "zorg-alfa": "aanbieder:alfa", "zorg-bravo": "aanbieder:bravo", "raar": "admin"}


@pytest.mark.parametrize(("claims", "verwacht"), [
    ({"groups": ["zorg-alfa"]}, ("aanbieder", "alfa")),
    ({"groups": "hkd-beheer"}, ("hkd", None)),
    ({"groups": ["zorg-alfa", "hkd-beheer"]}, ("hkd", None)),
    ({"groups": ["zorg-alfa", "zorg-bravo"]}, ("publiek", None)),  # ambiguous: nothing
    ({"groups": ["raar"]}, ("publiek", None)),  # a mapping to no known layer grants nothing
    ({"groups": [{"naam": "hkd-beheer"}]}, ("publiek", None)),
    ({"groups": None}, ("publiek", None)),
    ({}, ("publiek", None)),
    ({"roles": ["hkd-beheer"]}, ("publiek", None)),  # another claim than the configured one
])
def test_roles_come_from_the_configured_claim_only(claims, verwacht):
    user = rol_uit_claims("a@b.nl", claims, "groups", ROLLEN)
    assert (user.rol, user.aanbieder_code) == verwacht


def test_the_mapping_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("HKD_OIDC_ROLLEN", " hkd-beheer = hkd ; zorg-alfa=aanbieder:alfa;")
    monkeypatch.setenv("HKD_OIDC_ROL_CLAIM", "roles")
    s = Settings()
    assert s.oidc_rollen == {"hkd-beheer": "hkd", "zorg-alfa": "aanbieder:alfa"} and s.oidc_rol_claim == "roles"
    monkeypatch.setenv("HKD_OIDC_ROLLEN", "zonder-is-teken")
    with pytest.raises(SettingError):
        Settings()

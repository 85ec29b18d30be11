"""OIDC: roles from a group/role claim, mapped in the settings (hostile claims included)."""

from __future__ import annotations

import pytest

from core.settings import SettingError, Settings
from dashboard.toegang.auth import rol_uit_claims
from dashboard.toegang.sessies import sessie_van

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


CLAIMS = {"iss": "https://idp", "sub": "a@b.nl", "aud": "hkd-kaart", "nonce": "n1", "iat": 1_800_000_000,
          "exp": 1_800_003_600}


def test_a_session_key_is_fresh_per_login_and_the_same_in_a_copy():
    s = sessie_van(CLAIMS, 10)
    assert s == sessie_van(dict(CLAIMS), 10) and len(s.sleutel) == 64
    assert s.verloopt_op.timestamp() == 1_800_003_600  # the ID token's exp comes first
    assert sessie_van(CLAIMS, 0.5).verloopt_op.timestamp() == 1_800_001_800  # or the maximum
    for ander in ({"nonce": "n2"}, {"iat": 1_800_000_001}, {"sub": "c@d.nl"}, {"iss": "https://andere"}):
        assert sessie_van(CLAIMS | ander, 10).sleutel != s.sleutel, ander


@pytest.mark.parametrize("kapot", [{"iat": None}, {"exp": None}, {"exp": "1800003600"}, {"exp": True},
                                   {"iat": float("nan")}, {"exp": float("inf")}])
def test_claims_that_cannot_bound_a_session_give_none(kapot):
    assert sessie_van({k: v for k, v in (CLAIMS | kapot).items() if v is not None}, 10) is None

"""The Beheer page shows the live publication and, above all, a failed one (the old site stays online)."""

import pytest

from dashboard.toegang.auth import User
from ops import publicatie as pub

HKD = User(naam="t.tester", rol="hkd")


@pytest.fixture
def beheer(app_rw):
    """The Beheer page for HKD on a private demo copy."""
    return lambda: app_rw("beheer", HKD)


def test_beheer_shows_the_live_publication_and_a_failure(beheer, fresh_demo, tmp_path, monkeypatch):
    assert "nog niet gepubliceerd" in beheer().info[0].value
    ok = pub.publiceer(fresh_demo, tmp_path, "tester", "start")
    at = beheer()
    assert ok.data_versie in at.success[0].value and not at.error
    monkeypatch.setattr(pub, "LEAFLET_DIR", tmp_path / "nergens")
    with pytest.raises(pub.PublicatieFout):
        pub.publiceer(fresh_demo, tmp_path, "tester", "wijziging in <b>locaties</b>")
    at = beheer()
    assert "mislukt" in at.error[0].value and "vorige publicatie blijft online" in at.error[0].value
    assert "Leaflet ontbreekt" in at.code[0].value
    assert ok.data_versie in at.success[0].value, "the live one is still named"

"""50 concurrent public sessions for 60 s on loopback: no errors. Long, so outside the default run:
``.venv/bin/python -m pytest -m load -s``."""

import pytest

from bench.load import run_load

pytestmark = pytest.mark.load


def test_fifty_public_sessions_for_a_minute_without_errors(app_server):
    result = run_load(app_server, sessions=50, seconds=60, timeout=120)
    print("\n" + result.summary())
    assert not result.errors, result.errors[:5]
    assert result.runs >= 50, "every session got at least one map"

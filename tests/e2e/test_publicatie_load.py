"""1,000 concurrent readers for 60 s against the published site behind the real nginx: no errors. Long, so outside
the default run: ``.venv/bin/python -m pytest -m load -s tests/e2e/test_publicatie_load.py``."""

import pytest

from bench.publicatie import run_readers
from ops import nginx
from ops import publicatie as pub

pytestmark = pytest.mark.load


def test_a_thousand_readers_for_a_minute_without_errors(fresh_demo, tmp_path):
    pub.publiceer(fresh_demo, tmp_path / "pub", "tester")
    with nginx.running(pub.actueel(tmp_path / "pub"), tmp_path / "nginx") as base:
        result = run_readers(base, readers=1000, seconds=60, timeout=60)
    print("\n" + result.summary())
    assert not result.errors, result.errors[:5]
    assert len(result.pages) >= 1000, "every reader got at least one full page"

"""An import killed halfway leaves nothing partial: every load is one transaction."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from sqlalchemy import text


def _writing_transaction_open(engine, dbname: str) -> bool:
    with engine.connect() as conn:
        return bool(
            conn.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE datname = :d AND xact_start IS NOT NULL "
                     "AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()"),
                {"d": dbname},
            ).scalar_one()
        )


def test_demo_killed_mid_transaction_writes_nothing(empty_db, project_root):
    url = empty_db.hkd_url
    dbname = empty_db.url.database
    proc = subprocess.Popen(
        [sys.executable, "-m", "ops.cli", "demo"], cwd=project_root, env={**os.environ, "DATABASE_URL": url},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not _writing_transaction_open(empty_db, dbname):
        assert proc.poll() is None, "the load finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.3)  # let it write some rows
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    time.sleep(0.5)  # the server notices the lost client and rolls back
    with empty_db.connect() as conn:
        counts = conn.execute(
            text("SELECT (SELECT count(*) FROM hkd.gebieden), (SELECT count(*) FROM hkd.locaties), "
                 "(SELECT count(*) FROM hkd.fase_besluiten), (SELECT count(*) FROM hkd.indicatoren), "
                 "(SELECT count(*) FROM hkd.audit_log)")
        ).one()
    assert tuple(counts) == (0, 0, 0, 0, 0)

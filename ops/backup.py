"""Backups with pg_dump/pg_restore: a full, consistent copy of the database, history and audit log included."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from core.kalender import nu
from queries.sqlfiles import sql


class BackupError(RuntimeError):
    """A backup or restore that did not succeed; the message says why."""


def _libpq_url(url: str) -> str:
    """The URL as pg_dump understands it (no SQLAlchemy driver suffix)."""
    u = make_url(url)
    return u.set(drivername="postgresql").render_as_string(hide_password=False)


def default_backup_path(state_dir: Path) -> Path:
    """``.hkd/backups/hkd-YYYYmmdd-HHMMSS.dump``."""
    return state_dir / "backups" / f"hkd-{nu():%Y%m%d-%H%M%S}.dump"


def backup(url: str, target: Path) -> Path:
    """Dump the database at ``url`` to ``target`` (custom format, compressed) and return the path."""
    target.parent.mkdir(parents=True, exist_ok=True)
    res = subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={target}", _libpq_url(url)],
        capture_output=True, text=True,
    )
    if res.returncode != 0:
        raise BackupError(f"pg_dump mislukt: {res.stderr.strip()}")
    return target


def restore(engine: Engine, url: str, source: Path) -> None:
    """Restore ``source`` into the (empty) database at ``url``, in one transaction.

    Refuses a database that already holds HKD Kaart data, so that a restore never mixes two states.
    """
    if not source.exists():
        raise BackupError(f"backupbestand niet gevonden: {source}")
    with engine.begin() as conn:
        if conn.execute(sql("roles", "has_hkd_schema")).scalar_one():
            raise BackupError(
                "de doeldatabase bevat al HKD Kaart-gegevens; herstel alleen in een lege database "
                "(lokaal: hkd db reset --leeg, daarna hkd db restore)"
            )
        conn.execute(sql("roles", "ensure_roles"))
        conn.execute(sql("roles", "rol_grenzen"))
    res = subprocess.run(
        ["pg_restore", "--no-owner", "--single-transaction", "--exit-on-error", f"--dbname={_libpq_url(url)}",
         str(source)],
        capture_output=True, text=True,
    )
    if res.returncode != 0:
        raise BackupError(f"pg_restore mislukt; er is niets hersteld: {res.stderr.strip()}")

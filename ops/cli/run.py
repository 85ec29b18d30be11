"""``hkd run``: the database (started when local), the demo when it is empty, and the dashboard, warmed up."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys

from sqlalchemy import text

from core.settings import PROJECT_ROOT, get_settings
from ops.cli.common import database_url, migrated_engine


def register(sub) -> None:
    run = sub.add_parser("run", help="database starten, demo laden als die leeg is, dashboard starten")
    run.add_argument("--port", type=int, default=8501)
    run.add_argument("--address", default="127.0.0.1")
    run.add_argument("--site-port", type=int, default=None,
                     help="poort van de gepubliceerde openbare site (standaard HKD_PUBLICATIE_PORT, 8600)")
    run.set_defaults(func=cmd_run)


def _stop(signum, frame) -> None:
    raise KeyboardInterrupt


def cmd_run(args: argparse.Namespace) -> int:
    from ops.cli.demo import cmd_demo
    from ops.serve import streamlit_command, wait_healthy, warm_up

    signal.signal(signal.SIGTERM, _stop)  # a service manager's stop ends the children too (finally below)
    engine = migrated_engine()
    with engine.connect() as conn:
        empty = conn.execute(text("SELECT count(*) = 0 FROM hkd.locaties")).scalar_one()
    if empty:
        cmd_demo(args)
    # The dashboard gets the URL of the database this command started: it never starts a server itself.
    # The published public site beside the dashboard: a publisher (an operations process, with the owner's URL)
    # that republishes on every change and serves the folder on a second port (production: nginx on the same
    # folder, see docs/publicatie.md).
    site_port = args.site_port or get_settings().publicatie_port
    publisher = subprocess.Popen(
        [sys.executable, "-m", "ops.cli", "publiceer", "--volg", "--serveer", str(site_port), "--adres", args.address],
        cwd=PROJECT_ROOT, env={**os.environ, "DATABASE_URL": database_url()})
    # The dashboard connects as the public layer's LOGIN role, never as the owner or a superuser (issue 10).
    app_url = get_settings().app_database_url
    env = {**os.environ, "DATABASE_URL": app_url, "HKD_APP_DATABASE_URL": app_url}
    proc = subprocess.Popen(streamlit_command(args.port, args.address), cwd=PROJECT_ROOT, env=env)
    base = f"http://{args.address}:{args.port}"
    try:
        wait_healthy(base)
        seconds = warm_up(base)
        print(f"HKD Kaart draait op {base}  (opgewarmd in {seconds:.1f} s; stoppen: Ctrl+C)", flush=True)
        print(f"Openbare kaart (gepubliceerde site): http://{args.address}:{site_port}/", flush=True)
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        return proc.wait()
    except Exception:
        proc.terminate()
        raise
    finally:
        publisher.terminate()
        publisher.wait(timeout=30)



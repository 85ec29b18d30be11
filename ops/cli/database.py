"""``hkd db``: start, stop, status, reset, url, migrate, backup and restore the database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from psycopg import sql as pgsql
from sqlalchemy import text

from core.settings import get_settings
from ops import backup, localdb
from ops.cli.common import database_url, engine
from queries.db import make_engine, migrate


def register(sub) -> None:
    db = sub.add_parser("db", help="de database: start, stop, status, reset, url, migrate, backup, restore")
    db.add_argument("action", choices=["start", "stop", "status", "reset", "url", "migrate", "backup", "restore"])
    db.add_argument("bestand", nargs="?", help="backupbestand (bij backup: standaard .hkd/backups/...)")
    db.add_argument("--leeg", action="store_true", help="bij reset: geen schema aanmaken (voor een restore)")
    db.set_defaults(func=cmd_db)


def cmd_db(args: argparse.Namespace) -> int:
    settings = get_settings()
    server = localdb.server_for(settings)
    if args.action == "url":
        print(settings.database_url)
        return 0
    if args.action == "migrate":
        applied = migrate(engine())
        print("Toegepast: " + ", ".join(applied) if applied else "Schema is al bij; niets te doen.")
        return 0
    if args.action in ("backup", "restore"):
        return _backup_or_restore(args)
    if not settings.is_local and args.action in ("start", "stop", "reset"):
        print(
            "DATABASE_URL is gezet: HKD Kaart beheert die server niet zelf. "
            "Haal DATABASE_URL weg om de projectlokale database te gebruiken.",
            file=sys.stderr,
        )
        return 2
    if args.action == "start":
        for m in localdb.start(server):
            print(m)
        migrate(engine())
        return 0
    if args.action == "stop":
        print(localdb.stop(server))
        return 0
    if args.action == "status":
        if not settings.is_local:
            with engine(start_local=False).connect() as conn:
                version = conn.execute(text("SELECT postgis_full_version()")).scalar_one()
            print(f"Externe database (DATABASE_URL) bereikbaar. {version[:60]}")
            return 0
        up = localdb.is_running(server)
        print(f"Lokale database {'draait' if up else 'draait niet'} (poort {server.port}).")
        return 0 if up else 1
    return _reset(args, server)


def _reset(args: argparse.Namespace, server: localdb.LocalServer) -> int:
    import psycopg

    for m in localdb.start(server):
        print(m)
    with psycopg.connect(host="127.0.0.1", port=server.port, user="postgres", dbname="postgres",
                         autocommit=True) as conn:
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            (server.dbname,),
        )
        conn.execute(pgsql.SQL("DROP DATABASE IF EXISTS {}").format(pgsql.Identifier(server.dbname)))
    localdb.ensure_database(server, server.dbname)
    if args.leeg:
        print(f"Database {server.dbname} is leeg (zonder schema). Herstel een backup met: hkd db restore BESTAND")
        return 0
    migrate(engine())
    print(f"Database {server.dbname} leeggemaakt en opnieuw opgebouwd. Laad de demo met: hkd demo")
    return 0


def _backup_or_restore(args: argparse.Namespace) -> int:
    url = database_url()
    try:
        if args.action == "backup":
            target = Path(args.bestand) if args.bestand else backup.default_backup_path(get_settings().state_dir)
            print(f"Backup geschreven naar {backup.backup(url, target)}")
        else:
            if not args.bestand:
                print("Geef het backupbestand op: hkd db restore BESTAND", file=sys.stderr)
                return 2
            backup.restore(make_engine(url), url, Path(args.bestand))
            print(f"Backup {args.bestand} hersteld.")
    except backup.BackupError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    return 0

"""The ``hkd`` command: every operational task of HKD Kaart."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from datetime import date

from hkd import localdb
from hkd.settings import PROJECT_ROOT, get_settings


def _engine(start_local: bool = True):
    from queries.db import make_engine, resolve_url

    return make_engine(resolve_url(get_settings(), start_local=start_local))


def _migrate_quietly() -> None:
    from queries.db import migrate

    migrate(_engine())


def cmd_db(args: argparse.Namespace) -> int:
    settings = get_settings()
    server = localdb.server_for(settings)
    external = settings.database_url is not None
    if args.action == "url":
        from queries.db import resolve_url

        print(resolve_url(settings, start_local=False))
        return 0
    if args.action == "migrate":
        from queries.db import migrate

        applied = migrate(_engine())
        print("Toegepast: " + ", ".join(applied) if applied else "Schema is al bij; niets te doen.")
        return 0
    if args.action in ("backup", "restore"):
        return _backup_or_restore(args, settings)
    if external and args.action in ("start", "stop", "reset"):
        print(
            "DATABASE_URL is gezet: HKD Kaart beheert die server niet zelf. "
            "Haal DATABASE_URL weg om de projectlokale database te gebruiken.",
            file=sys.stderr,
        )
        return 2
    if args.action == "start":
        for m in localdb.start(server):
            print(m)
        _migrate_quietly()
        return 0
    if args.action == "stop":
        print(localdb.stop(server))
        return 0
    if args.action == "status":
        if external:
            from sqlalchemy import text

            with _engine(False).connect() as conn:
                version = conn.execute(text("SELECT postgis_full_version()")).scalar_one()
            print(f"Externe database (DATABASE_URL) bereikbaar. {version[:60]}")
            return 0
        up = localdb.is_running(server)
        print(f"Lokale database {'draait' if up else 'draait niet'} ({server.data_dir}, poort {server.port}).")
        return 0 if up else 1
    if args.action == "reset":
        for m in localdb.start(server):
            print(m)
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=server.port, user="postgres", dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                (server.dbname,),
            )
            conn.execute(f'DROP DATABASE IF EXISTS "{server.dbname}"')
        localdb.ensure_database(server, server.dbname)
        if args.leeg:
            print(f"Database {server.dbname} is leeg (zonder schema). Herstel een backup met: hkd db restore BESTAND")
            return 0
        _migrate_quietly()
        print(f"Database {server.dbname} leeggemaakt en opnieuw opgebouwd. Laad de demo met: hkd demo")
        return 0
    raise AssertionError(args.action)


def _backup_or_restore(args: argparse.Namespace, settings) -> int:
    from pathlib import Path

    from hkd import backup
    from queries.db import make_engine, resolve_url

    url = resolve_url(settings)
    try:
        if args.action == "backup":
            target = Path(args.bestand) if args.bestand else backup.default_backup_path(settings.state_dir)
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


def cmd_load(args: argparse.Namespace) -> int:
    from data.boundaries import load_boundaries
    from geo.boundaries import BoundaryError, ColumnMap

    _migrate_quietly()
    try:
        niveau, n = load_boundaries(
            _engine(), args.source, niveau=args.niveau, jaar=args.jaar,
            columns=ColumnMap(args.code_kolom, args.naam_kolom, args.parent_kolom),
        )
    except BoundaryError as exc:
        print(f"Niet geladen; de database is ongewijzigd. {len(exc.problems)} probleem/problemen:", file=sys.stderr)
        for p in exc.problems:
            print(f"  - {p}", file=sys.stderr)
        return 1
    print(f"{n} gebieden op niveau {niveau} geladen uit {args.source}.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from data.demo import load_demo

    _migrate_quietly()
    s = load_demo(_engine(), get_settings())
    levels = ", ".join(f"{k} {v}" for k, v in sorted(s.gebieden.items()))
    print(f"Demo geladen ({s.geografie} geografie: {levels}); {s.locaties} locaties, "
          f"{s.nieuwe_besluiten} nieuwe fasebesluiten, {s.indicatorwaarden} indicatorwaarden.")
    return 0


def cmd_fasen(args: argparse.Namespace) -> int:
    from hkd.domain import FASE_BY_CODE
    from queries.besluiten import fase_counts

    op = args.op or date.today()
    with _engine().connect() as conn:
        counts = fase_counts(conn, op)
    print(f"Locaties per fase op {op.isoformat()}:")
    for code, n in counts.items():
        print(f"  fase {code:<3} {FASE_BY_CODE[code].naam:<48} {n:>4}")
    print(f"  {'totaal':<53} {sum(counts.values()):>4}")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from sqlalchemy import text

    _migrate_quietly()
    with _engine().connect() as conn:
        empty = conn.execute(text("SELECT count(*) = 0 FROM hkd.locaties")).scalar_one()
    if empty:
        cmd_demo(args)
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(PROJECT_ROOT / "dashboard" / "app.py"),
        "--server.headless", "true", "--server.port", str(args.port), "--server.address", args.address,
    ]
    print(f"HKD Kaart draait op http://{args.address}:{args.port}  (stoppen: Ctrl+C)")
    return subprocess.call(cmd, cwd=PROJECT_ROOT, env=os.environ.copy())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hkd", description="HKD Kaart: beheer van database, data en dashboard.")
    sub = parser.add_subparsers(dest="command", required=True)

    db = sub.add_parser("db", help="de database: start, stop, status, reset, url, migrate")
    db.add_argument("action", choices=["start", "stop", "status", "reset", "url", "migrate", "backup", "restore"])
    db.add_argument("bestand", nargs="?", help="backupbestand (bij backup: standaard .hkd/backups/...)")
    db.add_argument("--leeg", action="store_true", help="bij reset: geen schema aanmaken (voor een restore)")
    db.set_defaults(func=cmd_db)

    load = sub.add_parser("load", help="gegevens laden")
    load_sub = load.add_subparsers(dest="what", required=True)
    lg = load_sub.add_parser("gebieden", help="CBS-grenzen uit GeoJSON, GeoPackage of Shapefile (pad of URL)")
    lg.add_argument("source")
    lg.add_argument("--niveau", choices=["gemeente", "gebied", "buurt", "wijkprofiel", "pc4"])
    lg.add_argument("--jaar", type=int)
    lg.add_argument("--code-kolom", default="code")
    lg.add_argument("--naam-kolom", default="name")
    lg.add_argument("--parent-kolom", default="parent_code")
    lg.set_defaults(func=cmd_load)

    demo = sub.add_parser("demo", help="de demodataset laden (deterministisch, dubbel draaien dupliceert niets)")
    demo.set_defaults(func=cmd_demo)

    fasen = sub.add_parser("fasen", help="aantal locaties per fase op een datum")
    fasen.add_argument("--op", type=date.fromisoformat, help="datum JJJJ-MM-DD (standaard vandaag)")
    fasen.set_defaults(func=cmd_fasen)

    run = sub.add_parser("run", help="database starten, demo laden als die leeg is, dashboard starten")
    run.add_argument("--port", type=int, default=8501)
    run.add_argument("--address", default="127.0.0.1")
    run.set_defaults(func=cmd_run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``hkd`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except localdb.LocalDbError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

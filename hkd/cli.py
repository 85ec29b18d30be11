"""The ``hkd`` command: every operational task of HKD Kaart."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from datetime import date

from psycopg import sql as pgsql

from hkd import localdb
from hkd.settings import PROJECT_ROOT, get_settings


def _engine(start_local: bool = True):
    from queries.db import make_engine, resolve_url

    return make_engine(resolve_url(get_settings(), start_local=start_local))


def _refused(what: str, problems: list) -> int:
    """Print every problem of a refused file (the database is unchanged) and return the exit code 1."""
    print(f"{what}; de database is ongewijzigd. {len(problems)} probleem/problemen:", file=sys.stderr)
    for p in problems:
        print(f"  - {p}", file=sys.stderr)
    return 1


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
            conn.execute(pgsql.SQL("DROP DATABASE IF EXISTS {}").format(pgsql.Identifier(server.dbname)))
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
        return _refused("Niet geladen", exc.problems)
    print(f"{n} gebieden op niveau {niveau} geladen uit {args.source}.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from data.demo import load_demo

    _migrate_quietly()
    s = load_demo(_engine(), get_settings())
    levels = ", ".join(f"{k} {v}" for k, v in sorted(s.gebieden.items()))
    print(f"Demo geladen ({s.geografie} geografie: {levels}); {s.locaties} locaties, "
          f"{s.nieuwe_besluiten} nieuwe fasebesluiten, {s.indicatorwaarden} indicatorwaarden.")
    from data.accounts import ensure_demo_accounts, store_from_env

    made = ensure_demo_accounts(store_from_env())
    if made:
        print(f"Demo-accounts aangemaakt: {', '.join(made)} (wachtwoorden: zie README, 'Roles and login').")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from queries.lagen import as_layer
    from queries.publiek import openbare_kaart, statische_kaart

    _migrate_quietly()
    # Read under the public role: the export can contain nothing the public views do not give.
    with as_layer(_engine(), "publiek", "hkd export") as conn:
        data = openbare_kaart(conn)
    html = statische_kaart(data, date.today().isoformat())
    Path(args.bestand).write_text(html, encoding="utf-8")
    print(f"Openbare kaart geschreven naar {args.bestand} ({len(html.encode('utf-8')) // 1024} kB, zelfstandig).")
    return 0


def cmd_accounts(args: argparse.Namespace) -> int:
    import getpass

    from data.accounts import AccountError, ensure_demo_accounts, store_from_env

    store = store_from_env()
    if args.actie == "demo":
        made = ensure_demo_accounts(store)
        print(f"Demo-accounts aangemaakt: {', '.join(made)}." if made else "Demo-accounts bestaan al.")
    elif args.actie == "lijst":
        for naam in store.names():
            print(naam)
    elif args.actie == "deblokkeer":
        print("Gedeblokkeerd." if store.unblock(args.naam) else f"Geen account {args.naam!r}.")
    else:
        wachtwoord = getpass.getpass(f"Wachtwoord voor {args.naam}: ")
        try:
            store.add(args.naam, wachtwoord, args.rol, args.aanbieder, vervang=args.actie == "wachtwoord")
        except AccountError as exc:
            print(f"Fout: {exc}", file=sys.stderr)
            return 1
        print(f"Account {args.naam} opgeslagen in {store.path}.")
    return 0


def cmd_load_indicatoren(args: argparse.Namespace) -> int:
    from data.indicator_import import IndicatorImportError, load_indicatoren

    _migrate_quietly()
    try:
        r = load_indicatoren(
            _engine(), args.bestand, args.formaat, niveau=args.niveau, bron=args.bron, gebruiker=args.gebruiker,
            onbekende_codes="overslaan" if args.sla_onbekende_codes_over else "fout",
        )
    except IndicatorImportError as exc:
        return _refused("Niet geladen", exc.problems)
    print(f"{r.waarden} waarden geladen ({r.formaat}): {r.gebieden} gebieden, jaren "
          f"{', '.join(map(str, r.jaren))}; indicatoren {', '.join(r.indicatoren)}.")
    for m in r.meldingen:
        print(f"  let op: {m}")
    return 0


def cmd_veerkracht(args: argparse.Namespace) -> int:
    from geo.veerkracht import KLASSE_BY_CODE, Drempels, classificeer, focus, periode_waarden
    from queries.trends import gebied_vlakken, indicator_reeks

    with _engine().connect() as conn:
        kwetsbaar = indicator_reeks(conn, args.niveau, args.kwetsbaar)
        overlast = indicator_reeks(conn, args.niveau, args.overlast)
        namen = dict(gebied_vlakken(conn, args.niveau)[["code", "naam"]].itertuples(index=False))
    missing = [f"{ind} in {jaar}" for ind, reeks in ((args.kwetsbaar, kwetsbaar), (args.overlast, overlast))
               for jaar in (args.van, args.tot) if jaar not in set(reeks["jaar"])]
    if missing:
        print(f"Geen cijfers op niveau {args.niveau} voor: {'; '.join(missing)}.", file=sys.stderr)
        return 1
    klassen = classificeer(
        periode_waarden(kwetsbaar, args.van, args.tot), periode_waarden(overlast, args.van, args.tot),
        drempels=Drempels(), kwetsbaar_indicator=args.kwetsbaar, overlast_indicator=args.overlast,
    )
    print(f"Veerkracht-klasse per {args.niveau}, {args.van}-{args.tot} ({args.kwetsbaar} x {args.overlast}):")
    for code, row in klassen.iterrows():
        k = KLASSE_BY_CODE[row["klasse"]]
        naam = namen.get(code, code)
        mark = focus(naam)
        print(f"  {code:<12} {naam[:28]:<28} {k.label} {k.kleur:<17} {k.naam}" + (f"  [{mark}]" if mark else ""))
    telling = klassen["klasse"].value_counts()
    print("Totaal: " + ", ".join(f"{KLASSE_BY_CODE[c].kleur} {telling.get(c, 0)}" for c in KLASSE_BY_CODE))
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


def cmd_import(args: argparse.Namespace) -> int:
    from data.locaties_import import lees_bestand, pas_toe, plan_import
    from queries.db import acting_as

    _migrate_quietly()
    engine = _engine()
    with engine.connect() as conn:
        plan = plan_import(conn, lees_bestand(args.bestand))
    if plan.problemen:
        return _refused("Niet geïmporteerd", plan.problemen)
    print(f"{len(plan.nieuw)} nieuw, {len(plan.gewijzigd)} gewijzigd, {len(plan.ongewijzigd)} ongewijzigd, "
          f"{len(plan.niet_in_bestand)} locaties niet in het bestand (blijven staan).")
    for r in plan.nieuw:
        print(f"  + {r['code']}  {r['naam']}")
    for r, changes in plan.gewijzigd:
        velden = ", ".join(f"{k}: {old!r} -> {new!r}" for k, (old, new) in changes.items())
        print(f"  ~ {r['code']}  {velden}")
    if not args.toepassen:
        print("Proefdraai: niets geschreven. Voeg --toepassen toe om deze wijzigingen door te voeren.")
        return 0
    with acting_as(engine, args.gebruiker) as conn:
        nieuw, gewijzigd = pas_toe(conn, plan)
    print(f"Toegepast: {nieuw} nieuw, {gewijzigd} gewijzigd.")
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
    from dashboard.serve import wait_healthy, warm_up

    proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=os.environ.copy())
    base = f"http://{args.address}:{args.port}"
    try:
        wait_healthy(base)
        seconds = warm_up(base)
        print(f"HKD Kaart draait op {base}  (opgewarmd in {seconds:.1f} s; stoppen: Ctrl+C)", flush=True)
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        return proc.wait()
    except Exception:
        proc.terminate()
        raise


def cmd_bench(args: argparse.Namespace) -> int:
    from bench.run import main as bench_main

    scales = ["demo", "nationaal"] if args.schaal == "beide" else [args.schaal]
    return bench_main(scales, with_browser=not args.zonder_browser)


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
    li = load_sub.add_parser("indicatoren", help="indicatoren uit CSV (leefbaarometer, wijkprofiel, cbs, generiek)")
    li.add_argument("formaat", choices=["leefbaarometer", "wijkprofiel", "cbs", "generiek"])
    li.add_argument("bestand")
    li.add_argument("--niveau", choices=["gemeente", "gebied", "buurt", "wijkprofiel", "pc4"],
                    help="alleen voor generiek zonder kolom niveau")
    li.add_argument("--bron", help="bronvermelding (standaard afgeleid van formaat en bestandsnaam)")
    li.add_argument("--sla-onbekende-codes-over", action="store_true",
                    help="regels met onbekende gebiedscodes overslaan (en melden) in plaats van weigeren")
    li.add_argument("--gebruiker", default="hkd load", help="naam in het auditlog")
    li.set_defaults(func=cmd_load_indicatoren)

    demo = sub.add_parser("demo", help="de demodataset laden (deterministisch, dubbel draaien dupliceert niets)")
    demo.set_defaults(func=cmd_demo)

    fasen = sub.add_parser("fasen", help="aantal locaties per fase op een datum")
    fasen.add_argument("--op", type=date.fromisoformat, help="datum JJJJ-MM-DD (standaard vandaag)")
    fasen.set_defaults(func=cmd_fasen)

    vk = sub.add_parser("veerkracht", help="de Veerkracht-klasse (Kaart 4-8) van elke buurt over een periode")
    vk.add_argument("--van", type=int, default=2012)
    vk.add_argument("--tot", type=int, default=2018)
    vk.add_argument("--niveau", default="buurt", choices=["gebied", "buurt", "wijkprofiel", "pc4"])
    vk.add_argument("--kwetsbaar", default="kwetsbare_groepen", help="indicator voor kwetsbare groepen")
    vk.add_argument("--overlast", default="overlast_onveiligheid", help="indicator voor overlast en onveiligheid")
    vk.set_defaults(func=cmd_veerkracht)

    bench = sub.add_parser("bench", help="snelheid en omvang per pagina en rol meten (demo en nationale schaal)")
    bench.add_argument("--schaal", choices=["demo", "nationaal", "beide"], default="beide")
    bench.add_argument("--zonder-browser", action="store_true", help="alleen server-side meten")
    bench.set_defaults(func=cmd_bench)

    imp = sub.add_parser("import", help="het locatieregister importeren (CSV of Excel)")
    imp_sub = imp.add_subparsers(dest="what", required=True)
    il = imp_sub.add_parser("locaties", help="locatieregister: proefdraai toont de verschillen; --toepassen schrijft")
    il.add_argument("bestand")
    il.add_argument("--toepassen", action="store_true", help="de wijzigingen echt doorvoeren (alles of niets)")
    il.add_argument("--gebruiker", default="hkd import", help="naam in het auditlog")
    il.set_defaults(func=cmd_import)

    export = sub.add_parser("export", help="exporteren: de openbare kaart als zelfstandig HTML-bestand")
    export.add_argument("wat", choices=["openbare-kaart"])
    export.add_argument("bestand")
    export.set_defaults(func=cmd_export)

    acc = sub.add_parser("accounts", help="lokale accounts (demo/ontwikkeling): demo, lijst, toevoegen, ...")
    acc.add_argument("actie", choices=["demo", "lijst", "toevoegen", "wachtwoord", "deblokkeer"])
    acc.add_argument("naam", nargs="?", default="")
    acc.add_argument("--rol", choices=["aanbieder", "hkd"], default="hkd")
    acc.add_argument("--aanbieder", help="code van de zorgaanbieder (rol aanbieder)")
    acc.set_defaults(func=cmd_accounts)

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

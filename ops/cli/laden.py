"""``hkd load gebieden|indicatoren|uitstroom`` and ``hkd import locaties``: files in, all or nothing."""

from __future__ import annotations

import argparse

from ops.cli.common import geen_traceback, laad_vervangend, migrated_engine, refused, rollen_bij
from queries.db import acting_as

NIVEAUS = ["gemeente", "gebied", "buurt", "wijkprofiel", "pc4"]


def register(sub) -> None:
    load = sub.add_parser("load", help="gegevens laden")
    load_sub = load.add_subparsers(dest="what", required=True)
    lg = load_sub.add_parser("gebieden", help="CBS-grenzen uit GeoJSON, GeoPackage of Shapefile (pad of URL)")
    lg.add_argument("source")
    lg.add_argument("--niveau", choices=NIVEAUS)
    lg.add_argument("--jaar", type=int)
    lg.add_argument("--code-kolom", default="code")
    lg.add_argument("--naam-kolom", default="name")
    lg.add_argument("--parent-kolom", default="parent_code")
    lg.add_argument("--forceer", action="store_true",
                    help="ook laden als locaties zonder gebied raken of gebieden met cijfers verdwijnen")
    lg.set_defaults(func=cmd_load_gebieden)
    li = load_sub.add_parser("indicatoren", help="indicatoren uit CSV (leefbaarometer, wijkprofiel, cbs, generiek)")
    li.add_argument("formaat", choices=["leefbaarometer", "wijkprofiel", "cbs", "generiek"])
    li.add_argument("bestand")
    li.add_argument("--niveau", choices=NIVEAUS, help="alleen voor generiek zonder kolom niveau")
    li.add_argument("--bron", help="bronvermelding (standaard afgeleid van formaat en bestandsnaam)")
    li.add_argument("--sla-onbekende-codes-over", action="store_true",
                    help="regels met onbekende gebiedscodes overslaan (en melden) in plaats van weigeren")
    li.add_argument("--gebruiker", default="hkd load", help="naam in het auditlog")
    li.set_defaults(func=cmd_load_indicatoren)
    lu = load_sub.add_parser("uitstroom", help="uitstroommonitor uit CSV of Excel (jaar/kwartaal, per corporatie)")
    lu.add_argument("bestand")
    lu.add_argument("--bron", help="bronvermelding voor regels zonder kolom bron (standaard de bestandsnaam)")
    lu.add_argument("--gebruiker", default="hkd load", help="naam in het auditlog")
    lu.set_defaults(func=cmd_load_uitstroom)

    imp = sub.add_parser("import", help="het locatieregister importeren (CSV of Excel)")
    imp_sub = imp.add_subparsers(dest="what", required=True)
    il = imp_sub.add_parser("locaties", help="locatieregister: proefdraai toont de verschillen; --toepassen schrijft")
    il.add_argument("bestand")
    il.add_argument("--toepassen", action="store_true", help="de wijzigingen echt doorvoeren (alles of niets)")
    il.add_argument("--gebruiker", default="hkd import", help="naam in het auditlog")
    il.set_defaults(func=cmd_import_locaties)


@geen_traceback("Niet geladen", "source")
def cmd_load_gebieden(args: argparse.Namespace) -> int:
    from data.boundaries import laad_grenzen
    from geo.boundaries import BoundaryError, ColumnMap

    try:
        r = laad_grenzen(
            migrated_engine(), args.source, niveau=args.niveau, jaar=args.jaar,
            columns=ColumnMap(args.code_kolom, args.naam_kolom, args.parent_kolom), forceer=args.forceer,
        )
    except BoundaryError as exc:
        return refused("Niet geladen", exc.problems, args.source)
    print(f"{r.gebieden} gebieden op niveau {r.niveau} ({r.jaar}) geladen uit {args.source}; "
          "de vorige set van dit niveau is bewaard met zijn jaar.")
    for m in r.meldingen:
        print(f"  let op: {m}")
    return 0


@geen_traceback("Niet geladen", "bestand")
def cmd_load_indicatoren(args: argparse.Namespace) -> int:
    from data.indicator_import import IndicatorImportError, load_indicatoren

    try:
        r = load_indicatoren(
            migrated_engine(), args.bestand, args.formaat, niveau=args.niveau, bron=args.bron,
            gebruiker=args.gebruiker, onbekende_codes="overslaan" if args.sla_onbekende_codes_over else "fout",
        )
    except IndicatorImportError as exc:
        return refused("Niet geladen", exc.problems, args.bestand)
    print(f"{r.waarden} waarden geladen ({r.formaat}): {r.gebieden} gebieden, jaren "
          f"{', '.join(map(str, r.jaren))}; indicatoren {', '.join(r.indicatoren)}. {r.nieuw} nieuw, {r.gewijzigd} "
          f"gewijzigd, {r.ongewijzigd} ongewijzigd (stonden er al zo; overgeslagen).")
    for m in r.meldingen:
        print(f"  let op: {m}")
    return 0


@geen_traceback("Niet geladen", "bestand")
def cmd_load_uitstroom(args: argparse.Namespace) -> int:
    from data import uitstroom_import

    return laad_vervangend(args, uitstroom_import, "Uitstroommonitor", "perioden van de uitstroommonitor")


@geen_traceback("Niet geïmporteerd", "bestand")
def cmd_import_locaties(args: argparse.Namespace) -> int:
    from data.importeur import ImportGeweigerd
    from data.locaties_import import lees_bestand, pas_toe, plan_import

    try:
        tabel = lees_bestand(args.bestand)
    except ImportGeweigerd as exc:
        return refused("Niet geïmporteerd", exc.problems, args.bestand)
    engine = migrated_engine()
    with engine.connect() as conn:
        plan = plan_import(conn, tabel)
    if plan.problemen:
        return refused("Niet geïmporteerd", plan.problemen, args.bestand)
    for m in plan.meldingen:
        print(f"let op: {m}")
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
    rollen_bij(engine)  # a login role for every new provider (issue 10)
    print(f"Toegepast: {nieuw} nieuw, {gewijzigd} gewijzigd.")
    return 0

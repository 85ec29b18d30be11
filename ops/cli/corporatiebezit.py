"""``hkd corporatiebezit laden <bestand>``: dwellings per woningcorporatie, area and year (Kaart 4-1), all or nothing."""

from __future__ import annotations

import argparse

from ops.cli.common import geen_traceback, migrated_engine, refused
from queries.db import acting_as


def register(sub) -> None:
    c = sub.add_parser("corporatiebezit", help="corporatiebezit per gebied en jaar (Kaart 4-1)")
    c_sub = c.add_subparsers(dest="what", required=True)
    cl = c_sub.add_parser("laden", help="woningen per corporatie, gebied en jaar uit CSV of Excel (alles of niets)")
    cl.add_argument("bestand")
    cl.add_argument("--bron", help="bronvermelding voor regels zonder kolom bron (standaard de bestandsnaam)")
    cl.add_argument("--gebruiker", default="hkd load", help="naam in het auditlog")
    cl.set_defaults(func=cmd_laden)


@geen_traceback("Niet geladen", "bestand")
def cmd_laden(args: argparse.Namespace) -> int:
    from data import corporatiebezit_import as cb

    try:
        tabel = cb.lees_bestand(args.bestand)
        with acting_as(migrated_engine(), args.gebruiker) as conn:
            plan = cb.plan_import(conn, tabel, args.bron or f"Corporatiebezit ({tabel.bestand})")
            n = cb.schrijf(conn, plan)
    except cb.CorporatiebezitImportError as exc:
        return refused("Niet geladen", exc.problems, args.bestand)
    for m in plan.meldingen:
        print(f"let op: {m}")
    t = plan.tellingen
    print(f"{n} regels corporatiebezit geladen uit {args.bestand}: {t['nieuw']} nieuw, {t['gewijzigd']} gewijzigd, "
          f"{t['ongewijzigd']} ongewijzigd (stonden er al zo).")
    return 0

"""``hkd corporatiebezit laden <bestand>``: dwellings per woningcorporatie, area and year (Kaart 4-1), all or nothing."""

from __future__ import annotations

import argparse

from ops.cli.common import geen_traceback, laad_vervangend


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
    from data import corporatiebezit_import

    return laad_vervangend(args, corporatiebezit_import, "Corporatiebezit", "regels corporatiebezit")

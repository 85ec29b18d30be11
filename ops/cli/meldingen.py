"""``hkd meldingen import <bestand>`` and ``hkd meldingen signalen``: meldingen into the register, all or nothing."""

from __future__ import annotations

import argparse
from datetime import timedelta

from core.kalender import nu
from core.settings import get_settings
from ops.cli.common import geen_traceback, migrated_engine, refused
from queries.db import acting_as


def register(sub) -> None:
    m = sub.add_parser("meldingen", help="meldingenregister: bestand inlezen of Signalen ophalen")
    m_sub = m.add_subparsers(dest="what", required=True)
    mi = m_sub.add_parser("import", help="meldingen uit CSV of Excel (alles of niets)")
    mi.add_argument("bestand")
    mi.add_argument("--gebruiker", default="hkd meldingen", help="naam in het auditlog")
    mi.set_defaults(func=cmd_import)
    ms = m_sub.add_parser("signalen", help="meldingen ophalen uit Signalen (HKD_SIGNALEN_URL), periodiek te draaien")
    ms.add_argument("--dagen", type=int, default=30, help="meldingen van de laatste zoveel dagen (standaard 30)")
    ms.add_argument("--gebruiker", default="hkd signalen", help="naam in het auditlog")
    ms.set_defaults(func=cmd_signalen)


@geen_traceback("Niet ingelezen", "bestand")
def cmd_import(args: argparse.Namespace) -> int:
    from data import meldingen_import as mi
    from data.importeur import ImportGeweigerd

    try:
        tabel = mi.lees_bestand(args.bestand)
        with acting_as(migrated_engine(), args.gebruiker) as conn:
            plan = mi.plan_import(conn, tabel)
            r = mi.importeer(conn, plan)
    except ImportGeweigerd as exc:
        return refused("Niet ingelezen", exc.problems, args.bestand)
    for m in plan.meldingen:
        print(f"let op: {m}")
    print(f"{r.nieuw} meldingen ingelezen uit {args.bestand}; {r.overgeslagen} overgeslagen (stonden al in het "
          "register).")
    return 0


@geen_traceback("Niet opgehaald", "bestand")
def cmd_signalen(args: argparse.Namespace) -> int:
    from clients.signalen import SignalenUnavailable
    from data.signalen_import import importeer

    settings = get_settings()
    try:
        with acting_as(migrated_engine(), args.gebruiker) as conn:
            r = importeer(conn, settings.signalen_url, settings.signalen_token,
                          nu() - timedelta(days=args.dagen))
    except SignalenUnavailable as exc:
        return refused("Niet opgehaald", [str(exc)])
    print(f"{r.gelezen} signalen gelezen: {r.nieuw} nieuw, {r.bijgewerkt} bijgewerkt, {r.niet_bij_locatie} niet bij "
          f"een locatie, {r.overgeslagen} overgeslagen (geannuleerd of onvolledig).")
    for p in r.problemen[:50]:
        print(f"  let op: {p}")
    if len(r.problemen) > 50:
        print(f"  let op: en nog {len(r.problemen) - 50} signalen niet ingelezen")
    return 0

"""``hkd fasen`` and ``hkd veerkracht``: figures on the terminal (pipe-safe)."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from core.kalender import vandaag
from ops.cli.common import engine


def register(sub) -> None:
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


def cmd_fasen(args: argparse.Namespace) -> int:
    from core.domain import FASE_BY_CODE
    from queries.besluiten import fase_counts

    op = args.op or vandaag()
    with engine().connect() as conn:
        counts = fase_counts(conn, op)
    print(f"Locaties per fase op {op.isoformat()}:")
    for code, n in counts.items():
        print(f"  fase {code:<3} {FASE_BY_CODE[code].naam:<48} {n:>4}")
    print(f"  {'totaal':<53} {sum(counts.values()):>4}")
    return 0


def cmd_veerkracht(args: argparse.Namespace) -> int:
    from geo.veerkracht import KLASSE_BY_CODE, Drempels, classificeer, focus, periode_waarden
    from queries.trends import gebied_vlakken, indicator_reeks

    with engine().connect() as conn:
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

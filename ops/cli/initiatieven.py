"""``hkd initiatieven``: the new initiatives by step of the stappenplan (pipe-safe)."""

from __future__ import annotations

import argparse
from datetime import date

from core.kalender import vandaag
from core.taal import aantal
from ops.cli.common import engine


def register(sub) -> None:
    p = sub.add_parser("initiatieven", help="nieuwe initiatieven per stap van het stappenplan")
    p.add_argument("--op", type=date.fromisoformat, help="peildatum JJJJ-MM-DD voor 'dagen in stap' (standaard vandaag)")
    p.add_argument("--alle", action="store_true", help="ook afgeronde initiatieven (gerealiseerd, ingetrokken, afgewezen)")
    p.set_defaults(func=cmd_initiatieven)


def cmd_initiatieven(args: argparse.Namespace) -> int:
    from core.domain import EINDSTAPPEN, STAPPEN
    from queries.initiatieven import lijst
    from queries.lagen import as_layer

    op = args.op or vandaag()
    with as_layer(engine(), "hkd", "hkd initiatieven") as conn:
        frame = lijst(conn, op)
    if not args.alle:
        frame = frame[~frame["stap"].isin(EINDSTAPPEN)]
    print(f"Initiatieven per stap op {op.isoformat()} ({len(frame)}):")
    for stap, naam in STAPPEN.items():
        deel = frame[frame["stap"] == stap]
        if deel.empty:
            continue
        print(f"{naam} ({len(deel)})")
        for r in deel.itertuples():
            print(f"  {r.id:>4}  {r.naam[:36]:<36} {r.aanbieder[:24]:<24} {r.woonvorm_naam[:22]:<22} "
                  f"{r.plaatsen:>4} pl.  {r.dagen_in_stap:>4} dagen in stap  {aantal(int(r.kandidaten), 'kandidaat', 'kandidaten')}")
    return 0

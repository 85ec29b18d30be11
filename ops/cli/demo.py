"""``hkd demo``: the deterministic demo dataset and its accounts."""

from __future__ import annotations

import argparse

from core.settings import get_settings
from ops.cli.common import migrated_engine, rollen_bij


def register(sub) -> None:
    demo = sub.add_parser("demo", help="de demodataset laden (deterministisch, dubbel draaien dupliceert niets)")
    demo.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from dashboard.toegang.accounts import ensure_demo_accounts, store_from_settings
    from data.demo import load_demo

    eng = migrated_engine()
    s = load_demo(eng, get_settings())
    rollen_bij(eng)  # a login role per provider (issue 10)
    levels = ", ".join(f"{k} {v}" for k, v in sorted(s.gebieden.items()))
    print(f"Demo geladen ({s.geografie} geografie: {levels}); {s.locaties} locaties, "
          f"{s.nieuwe_besluiten} nieuwe fasebesluiten, {s.indicatorwaarden} indicatorwaarden.")
    made = ensure_demo_accounts(store_from_settings())
    if made:
        print(f"Demo-accounts aangemaakt: {', '.join(made)} (wachtwoorden: zie README, 'Roles and login').")
    return 0

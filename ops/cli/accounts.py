"""``hkd accounts``: the local account store (demo and development)."""

from __future__ import annotations

import argparse
import getpass
import sys

from core import rollen


def register(sub) -> None:
    acc = sub.add_parser("accounts", help="lokale accounts (demo/ontwikkeling): demo, lijst, toevoegen, ...")
    acc.add_argument("actie", choices=["demo", "lijst", "toevoegen", "wachtwoord", "deblokkeer"])
    acc.add_argument("naam", nargs="?", default="")
    acc.add_argument("--rol", choices=rollen.MET_ACCOUNT, default=rollen.HKD.code)
    acc.add_argument("--aanbieder", help="code van de zorgaanbieder (rol aanbieder)")
    acc.set_defaults(func=cmd_accounts)


def cmd_accounts(args: argparse.Namespace) -> int:
    from dashboard.toegang.accounts import AccountError, ensure_demo_accounts, store_from_settings

    store = store_from_settings()
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
        print(f"Account {args.naam} opgeslagen.")
    return 0

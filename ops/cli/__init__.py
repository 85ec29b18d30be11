"""The ``hkd`` command: every operational task of HKD Kaart, one module per group of subcommands.

A new subcommand goes in a module of this package with a ``register(sub)`` function, listed in :data:`GROUPS`.
"""

from __future__ import annotations

import argparse
import os
import sys

from core.settings import SettingError
from ops.cli import (
    accounts,
    corporatiebezit,
    database,
    demo,
    export,
    initiatieven,
    laden,
    meldingen,
    overzicht,
    publiceer,
    run,
)
from ops.localdb import LocalDbError

GROUPS = (database, laden, corporatiebezit, demo, overzicht, export, publiceer, initiatieven, meldingen, accounts, run)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every group's subcommands."""
    parser = argparse.ArgumentParser(prog="hkd", description="HKD Kaart: beheer van database, data en dashboard.")
    sub = parser.add_subparsers(dest="command", required=True)
    for group in GROUPS:
        group.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``hkd`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (LocalDbError, SettingError) as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (``hkd veerkracht | head``): stop quietly, as the Python docs advise.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130

"""What the subcommands share: the engine of the database in use (starting the local one), refusal messages."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable

from sqlalchemy import Engine

from core.settings import get_settings
from core.taal import aantal
from ops import localdb
from queries.db import acting_as, make_engine, migrate
from queries.lagen import na_migratie


def database_url(*, start_local: bool = True) -> str:
    """The URL in use; the project-local server is started first when it is the one in use."""
    settings = get_settings()
    if settings.is_local and start_local:
        server = localdb.server_for(settings)
        if not localdb.is_running(server):
            localdb.start(server)
    return settings.database_url


def engine(*, start_local: bool = True) -> Engine:
    """An engine on the database in use (see :func:`database_url`)."""
    return make_engine(database_url(start_local=start_local))


def migrated_engine() -> Engine:
    """:func:`engine` with every migration applied."""
    eng = engine()
    migrate(eng)
    return eng


def rollen_bij(eng: Engine) -> None:
    """Create the login role of every provider that has none yet (after the demo or an import added providers)."""
    with eng.begin() as conn:
        na_migratie(conn)


REFUSED = 2  # exit code of a refused file (1 stays for other failures, e.g. a command that found nothing)


def refused(what: str, problems: list, bestand: str | None = None) -> int:
    """Print every problem of a refused file (the database is unchanged) and return the exit code 2."""
    what = f"{what}: {bestand}" if bestand else what
    print(f"{what}; de database is ongewijzigd. {aantal(len(problems), 'probleem', 'problemen')}:", file=sys.stderr)
    for p in problems:
        print(f"  - {p}", file=sys.stderr)
    return REFUSED


def _naam(pad: str | None) -> str:
    """The name a file or address goes by in a message (its last part)."""
    return str(pad).rstrip("/").rsplit("/", 1)[-1] if pad else ""


def geen_traceback(wat: str, bron: str) -> Callable:
    """Last line of defence: an unforeseen error on a user's file is a refusal in Dutch, never a traceback.

    Every known problem is reported by the importers themselves; this catches what they did not foresee (a
    database that goes away mid-load included), so the user still learns which file failed, and never sees the
    exception's own text, which may quote a row's values. The database is unchanged: every load is one
    transaction.
    """
    def wrap(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        @functools.wraps(func)
        def run(args: argparse.Namespace) -> int:
            try:
                return func(args)
            except (KeyboardInterrupt, SystemExit):
                raise
            except Exception as exc:  # noqa: BLE001 - see the docstring
                from data.importeur import weigering

                pad = getattr(args, bron, None)
                return refused(wat, weigering(exc, _naam(pad)).problems, pad)
        return run
    return wrap


def laad_vervangend(args: argparse.Namespace, module, titel: str, eenheid: str) -> int:
    """Read, check and write a file of a replacing format (``module``: ``lees_bestand``, ``plan_import``,
    ``schrijf``) in one transaction, then say what it did: new, changed, unchanged (a re-load: all unchanged)."""
    from data.importeur import ImportGeweigerd

    try:
        tabel = module.lees_bestand(args.bestand)
        with acting_as(migrated_engine(), args.gebruiker) as conn:
            plan = module.plan_import(conn, tabel, args.bron or f"{titel} ({tabel.bestand})")
            n = module.schrijf(conn, plan)
    except ImportGeweigerd as exc:
        return refused("Niet geladen", exc.problems, args.bestand)
    for m in plan.meldingen:
        print(f"let op: {m}")
    t = plan.tellingen
    print(f"{n} {eenheid} geladen uit {args.bestand}: {t['nieuw']} nieuw, {t['gewijzigd']} gewijzigd, "
          f"{t['ongewijzigd']} ongewijzigd (stonden er al zo).")
    return 0

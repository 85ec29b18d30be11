"""``hkd export openbare-kaart``: the public map as one self-contained HTML file."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.kalender import vandaag
from ops.cli.common import migrated_engine


def register(sub) -> None:
    export = sub.add_parser("export", help="exporteren: de openbare kaart als zelfstandig HTML-bestand")
    export.add_argument("wat", choices=["openbare-kaart"])
    export.add_argument("bestand")
    export.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from queries.lagen import as_layer
    from queries.publiek import openbare_kaart
    from reports.openbare_kaart_html import statische_kaart

    # Read under the public role: the export can contain nothing the public views do not give.
    with as_layer(migrated_engine(), "publiek", "hkd export") as conn:
        data = openbare_kaart(conn)
    html = statische_kaart(data, vandaag().isoformat())
    Path(args.bestand).write_text(html, encoding="utf-8")
    print(f"Openbare kaart geschreven naar {args.bestand} ({len(html.encode('utf-8')) // 1024} kB, zelfstandig).")
    return 0

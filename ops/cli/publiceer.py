"""``hkd publiceer``: the public layer as a static site (written beside the live one, switched atomically, logged);
with ``--volg`` it keeps republishing on every change, with ``--serveer PORT`` it also serves the site."""

from __future__ import annotations

import argparse
import getpass
import sys
import threading
from pathlib import Path

from ops.cli.common import migrated_engine


def register(sub) -> None:
    p = sub.add_parser("publiceer", help="de openbare kaart publiceren als statische site (map met actueel-link)")
    p.add_argument("--map", type=Path, default=None,
                   help="publicatiemap (standaard HKD_PUBLICATIE_DIR of .hkd/publicatie); de site staat in <map>/actueel")
    p.add_argument("--volg", action="store_true",
                   help="blijven draaien en opnieuw publiceren na elke wijziging van openbare cijfers")
    p.add_argument("--serveer", type=int, metavar="POORT", default=None,
                   help="de gepubliceerde site ook serveren op deze poort (lokaal; productie: nginx)")
    p.add_argument("--adres", default="127.0.0.1")
    p.add_argument("--opnieuw", action="store_true",
                   help="ook publiceren als er niets openbaars is gewijzigd (standaard blijft de live site dan staan)")
    p.add_argument("--door", default=None, help="naam in het publicatielog (standaard de gebruiker van het systeem)")
    p.set_defaults(func=cmd_publiceer)


def cmd_publiceer(args: argparse.Namespace) -> int:
    from ops.publicatie import PublicatieFout, publicatie_dir, publiceer, site_server, volg

    root = (args.map or publicatie_dir()).resolve()
    door = args.door or f"hkd publiceer ({getpass.getuser()})"
    engine = migrated_engine()
    if not args.volg:
        try:
            r = publiceer(engine, root, door, altijd=args.opnieuw)
        except PublicatieFout as exc:
            print(f"Publicatie mislukt; de vorige publicatie blijft staan. Reden: {exc}", file=sys.stderr)
            return 1
        if not r.nieuw:
            print(f"Niets openbaars gewijzigd: {r.map.name} blijft staan (dataversie {r.data_versie}; "
                  "opnieuw publiceren met --opnieuw).")
        else:
            print(f"Gepubliceerd in {root / 'actueel'} -> {r.map.name}: {r.bestanden} bestanden, "
                  f"{r.bytes // 1024} kB, dataversie {r.data_versie}, controlegetal {r.checksum[:16]}..., "
                  f"{r.duur_ms} ms.")
        if args.serveer is None:
            return 0
    server = None
    if args.serveer is not None:
        server = site_server(root, args.serveer, args.adres)
        threading.Thread(target=server.serve_forever, name="site", daemon=True).start()
        print(f"Openbare site op http://{args.adres}:{args.serveer}/", flush=True)
    stop = threading.Event()
    try:
        if args.volg:
            volg(engine, root, door.replace("hkd publiceer", "publicatieproces", 1), stop=stop,
                 melden=lambda m: print(m, flush=True))
        else:
            threading.Event().wait()
    except KeyboardInterrupt:
        stop.set()
    finally:
        if server is not None:
            server.shutdown()
    return 0

"""Import of the uitstroom monitor (CSV or Excel), declared in :data:`geo.formaten.UITSTROOM`: all or nothing.

Columns: ``jaar, uitstromers, directe_bemiddeling, reguliere_urgentie`` (required) and ``kwartaal`` (1-4; empty =
the whole year), ``corporatie`` (code or name; empty or ``alle`` = all corporations together),
``wachttijd_maanden`` (average waiting time for directe bemiddeling), ``bron`` (optional; else the file's name).
The natural key is the period and corporation: a period already loaded is replaced (the audit log keeps the old
figures), so loading the same file twice changes nothing.
"""

from __future__ import annotations

from sqlalchemy import Connection

from data.importeur import (
    Controle,
    ImportGeweigerd,
    Tabel,
    afgerond,
    controleer,
    laadfunctie,
    lezer,
    schrijf_vervangend,
)
from geo.formaten import ALLE_CORPORATIES, UITSTROOM
from queries import platform

FORMAAT = UITSTROOM
MAX_REGELS = FORMAAT.max_regels


class UitstroomImportError(ImportGeweigerd):
    """The file was refused; ``problems`` lists every problem (the database is unchanged)."""


UitstroomPlan = Controle


lees_bestand = lezer(FORMAAT, UitstroomImportError)


def _regel(bron: str):
    def regel(r: dict, fout) -> None:
        if r["directe_bemiddeling"] + r["reguliere_urgentie"] != r["uitstromers"]:
            fout("uitstromers", f"directe bemiddeling ({r['directe_bemiddeling']}) plus reguliere urgentie "
                                f"({r['reguliere_urgentie']}) is niet gelijk aan uitstromers ({r['uitstromers']})")
        r["kwartaal"] = int(r["kwartaal"]) if r["kwartaal"] else None
        r["corporatie"] = r["corporatie"] or None
        r["wachttijd_maanden"] = afgerond(r["wachttijd_maanden"])
        r["bron"] = r["bron"] or bron
    return regel


def valideer(tabel: Tabel, corporaties: dict[str, str], bron: str) -> Controle:
    """Check every row; ``corporaties`` maps lower-cased code and name to the code."""
    keuzes = {"corporaties": {**corporaties, **dict.fromkeys(ALLE_CORPORATIES, "")}}
    return controleer(tabel, FORMAAT, keuzes=keuzes, rijregel=_regel(bron))


def corporatie_sleutels(conn: Connection) -> dict[str, str]:
    """Lowercased code and name of every corporation, to its code."""
    c = platform.corporaties(conn)
    return {**{n.lower(): k for k, n in zip(c.code, c.naam, strict=True)}, **{k.lower(): k for k in c.code}}


def plan_import(conn: Connection, tabel: Tabel, bron: str) -> Controle:
    """Validate a read file against the corporations in the database."""
    return valideer(tabel, corporatie_sleutels(conn), bron)


def schrijf(conn: Connection, plan: Controle) -> int:
    """Write a valid plan inside the caller's transaction (refuses an invalid one); returns the rows in the file."""
    return schrijf_vervangend(conn, plan, UitstroomImportError, "uitstroom", platform.upsert_uitstroom_geteld)


laad = laadfunctie(lees_bestand, plan_import, schrijf, "Uitstroommonitor")

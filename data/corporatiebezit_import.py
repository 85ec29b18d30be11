"""Import of corporatiebezit (CSV or Excel), declared in :data:`geo.formaten.CORPORATIEBEZIT`: all or nothing.

Columns: ``jaar, gebied_code, corporatie, woningen`` (required); ``niveau`` (buurt, gebied, gemeente, wijkprofiel,
pc4; empty or absent: derived from the code, ``BU...`` = buurt), ``bron`` (optional; else the file's name).
``corporatie`` is the code or the name of a corporation known to HKD Kaart (``hkd.corporaties``); ``woningen`` a
whole number of 0 or more, the Dutch way (``2.000`` is 2000). The natural key (jaar, niveau, gebied, corporatie)
is unique in a file; a key already loaded is replaced (the audit log keeps the old figure), so a re-load changes
nothing.

The area's number of addresses (the denominator of the share on Kaart 4-1) is the indicator ``adressen``, loaded
with ``hkd load indicatoren``.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection

from data.importeur import (
    Controle,
    ImportGeweigerd,
    Tabel,
    controleer,
    laadfunctie,
    lezer,
    schrijf_vervangend,
)
from geo.formaten import CORPORATIEBEZIT
from queries import corporatiebezit, trends

FORMAAT = CORPORATIEBEZIT
LEVELS = ("gemeente", "gebied", "buurt", "wijkprofiel", "pc4")
MAX_REGELS = FORMAAT.max_regels


class CorporatiebezitImportError(ImportGeweigerd):
    """The file was refused; ``problems`` lists every problem (the database is unchanged)."""


BezitPlan = Controle


lees_bestand = lezer(FORMAAT, CorporatiebezitImportError)


def _niveau(code: str) -> str | None:
    for prefix, level in (("GM", "gemeente"), ("WK", "gebied"), ("BU", "buurt")):
        if code.upper().startswith(prefix):
            return level
    return "pc4" if re.fullmatch(r"[1-9][0-9]{3}", code) else None


def _code(code: str, niveau: str) -> str:
    return code.upper() if niveau in ("buurt", "gebied", "gemeente") else code.lower() if niveau == "wijkprofiel" \
        else code


def _regel(gebieden: dict[str, set[str]], bron: str):
    def regel(r: dict, fout) -> None:
        niveau = r["niveau"] or _niveau(r["gebied_code"])
        if niveau is None:
            fout("niveau", f"niveau niet af te leiden uit de code {r['gebied_code']!r}; vul de kolom niveau met een "
                           f"van {', '.join(LEVELS)}")
            return
        code = _code(r["gebied_code"], niveau)
        if code not in gebieden.get(niveau, set()):
            fout("gebied_code", f"gebied {r['gebied_code']!r} bestaat niet op niveau {niveau}"
                 + ("" if gebieden.get(niveau) else " (er zijn op dit niveau geen gebieden geladen)"))
        r.update(niveau=niveau, gebied_code=code, bron=r["bron"] or bron)
    return regel


def valideer(tabel: Tabel, corporaties: dict[str, str], gebieden: dict[str, set[str]], bron: str) -> Controle:
    """Check every row against the known corporations (lower-cased code and name to code) and per level the
    known area codes (any boundary year)."""
    return controleer(tabel, FORMAAT, keuzes={"corporaties": corporaties}, rijregel=_regel(gebieden, bron))


def corporatie_sleutels(conn: Connection) -> dict[str, str]:
    """Lower-cased code and name of every corporation, to its code."""
    c = corporatiebezit.corporatie_sleutels(conn)
    return {**{n.lower(): k for k, n in zip(c.code, c.naam, strict=True)}, **{k.lower(): k for k in c.code}}


def plan_import(conn: Connection, tabel: Tabel, bron: str) -> Controle:
    """Validate a read file against the corporations and areas in the database."""
    gebieden = {lvl: set(trends.gebied_codes(conn, lvl)["code"]) for lvl in LEVELS}
    return valideer(tabel, corporatie_sleutels(conn), gebieden, bron)


def schrijf(conn: Connection, plan: Controle) -> int:
    """Write a valid plan inside the caller's transaction (refuses an invalid one); returns the rows in the file."""
    return schrijf_vervangend(conn, plan, CorporatiebezitImportError, "corporatie_bezit", corporatiebezit.store_bezit_geteld)


laad = laadfunctie(lees_bestand, plan_import, schrijf, "Corporatiebezit")

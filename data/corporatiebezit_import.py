"""Import of corporatiebezit (CSV or Excel): dwellings per woningcorporatie, area and year, all or nothing.

Columns (case-insensitive; the header may be on any of the first rows, see :mod:`data.spreadsheet`):
``jaar, gebied_code, corporatie, woningen`` (required); ``niveau`` (buurt, gebied, gemeente, wijkprofiel, pc4;
empty or absent: derived from the code, ``BU...`` = buurt), ``bron`` (optional; else the file's name).
``corporatie`` is the code or the name of a corporation known to HKD Kaart (``hkd.corporaties``); ``woningen`` a
whole number of 0 or more. Every row is checked; every problem is reported in Dutch with its spreadsheet row and
reason; only a file without problems is written, in one transaction, attributed to the user. A key already loaded
(jaar, niveau, gebied, corporatie) is replaced; the audit log keeps the old figure.

The area's number of addresses (the denominator of the share on Kaart 4-1) is the indicator ``adressen``, loaded
with ``hkd load indicatoren``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, Engine

from data.indicator_import import JAAR_MAX, JAAR_MIN, LEVELS
from data.locaties_import import ImportGeweigerd, Probleem, RegelPlan
from data.spreadsheet import SpreadsheetFout, lees_frame, rijnummers
from queries import corporatiebezit, trends
from queries.db import acting_as

VERPLICHT = ("jaar", "gebied_code", "corporatie", "woningen")
OPTIONEEL = ("niveau", "bron")
MAX_REGELS = 100_000
MAX_WONINGEN = 1_000_000
_GEHEEL = re.compile(r"^[0-9]{1,9}(\.0+)?$")
_JAAR = re.compile(r"^[0-9]{4}(\.0+)?$")


class CorporatiebezitImportError(ImportGeweigerd):
    """The file was refused; ``problems`` lists every problem (the database is unchanged)."""


class BezitPlan(RegelPlan):
    """The validated rows (``jaar, niveau, gebied_code, corporatie, woningen, bron``) and every problem found."""


def lees_bestand(bron: str | Path | bytes, bestandsnaam: str | None = None) -> pd.DataFrame:
    """The reading step: the shared hardened reader (``data/spreadsheet.py``); nothing else reads files."""
    return lees_frame(bron, bestandsnaam, verplicht=["gebied_code"])


def _kort(waarde: str) -> str:
    return repr(waarde if len(waarde) <= 40 else waarde[:40] + "…")


def _niveau(code: str, gegeven: str) -> str | None:
    if gegeven:
        niveau = gegeven.strip().lower()
        return {"wijk": "gebied"}.get(niveau, niveau)
    for prefix, level in (("GM", "gemeente"), ("WK", "gebied"), ("BU", "buurt")):
        if code.upper().startswith(prefix):
            return level
    if re.fullmatch(r"[1-9][0-9]{3}", code):
        return "pc4"
    return None


def _code(code: str, niveau: str) -> str:
    return code.upper() if niveau in ("buurt", "gebied", "gemeente") else code.lower() if niveau == "wijkprofiel" \
        else code


def valideer(frame: pd.DataFrame, corporaties: dict[str, str], gebieden: dict[str, set[str]],
             bron: str) -> BezitPlan:
    """Check every row.

    Parameters
    ----------
    frame
        The file as read by :func:`lees_bestand`.
    corporaties
        Lower-cased code and name of every known corporation, to its code.
    gebieden
        Per level the known area codes (any boundary year).
    bron
        The source for rows without a ``bron`` cell.
    """
    plan = BezitPlan()
    ontbreekt = [k for k in VERPLICHT if k not in frame.columns]
    if ontbreekt:
        plan.problemen.append(Probleem(0, "", "kolom(men) ontbreken: " + ", ".join(ontbreekt)
                                       + f". Verwacht: {', '.join(VERPLICHT + OPTIONEEL)}"))
        return plan
    if frame.empty:
        plan.problemen.append(Probleem(0, "", "het bestand bevat geen regels"))
        return plan
    if len(frame) > MAX_REGELS:
        plan.problemen.append(Probleem(0, "", f"meer dan {MAX_REGELS} regels; splits het bestand"))
        return plan
    extra = set(frame.attrs.get("extra") or ())
    gezien: dict[tuple, int] = {}
    for i, rij in zip(rijnummers(frame), frame.to_dict("records"), strict=True):
        fouten_voor = len(plan.problemen)

        def fout(kolom: str, reden: str, _i: int = i) -> None:
            plan.problemen.append(Probleem(_i, kolom, reden))

        if i in extra:
            fout("", "meer cellen dan kolommen in de kop")
        jaar_tekst = rij["jaar"].strip()
        jaar = int(float(jaar_tekst)) if _JAAR.match(jaar_tekst) else None
        if jaar is None or not JAAR_MIN <= jaar <= JAAR_MAX:
            fout("jaar", f"geen jaartal tussen {JAAR_MIN} en {JAAR_MAX}: {_kort(rij['jaar'])}")
        code_tekst = rij["gebied_code"].strip()
        niveau = _niveau(code_tekst, rij.get("niveau", "") or "")
        code = _code(code_tekst, niveau or "")
        if not code_tekst:
            fout("gebied_code", "gebiedscode ontbreekt")
        elif niveau not in LEVELS:
            fout("niveau", f"niveau {_kort(rij.get('niveau', '') or code_tekst)} onbekend of niet af te leiden uit "
                           f"de code; kies uit {', '.join(LEVELS)}")
        elif code not in gebieden.get(niveau, set()):
            fout("gebied_code", f"gebied {_kort(code_tekst)} bestaat niet op niveau {niveau}"
                 + ("" if gebieden.get(niveau) else " (er zijn op dit niveau geen gebieden geladen)"))
        corp_tekst = rij["corporatie"].strip()
        corporatie = corporaties.get(corp_tekst.lower())
        if corporatie is None:
            fout("corporatie", f"onbekende woningcorporatie {_kort(corp_tekst)} (gebruik code of naam)"
                 if corp_tekst else "woningcorporatie ontbreekt")
        w_tekst = rij["woningen"].strip()
        woningen = int(float(w_tekst)) if _GEHEEL.match(w_tekst) else None
        if woningen is None:
            fout("woningen", f"geen geheel aantal woningen van 0 of meer: {_kort(rij['woningen'])}")
        elif woningen > MAX_WONINGEN:
            fout("woningen", f"{woningen} woningen in één gebied is niet aannemelijk (meer dan {MAX_WONINGEN})")
        bron_rij = (rij.get("bron", "") or "").strip() or bron
        if len(bron_rij) > 200:
            fout("bron", "bronvermelding langer dan 200 tekens")
        if len(plan.problemen) > fouten_voor:
            continue
        sleutel = (jaar, niveau, code, corporatie)
        if sleutel in gezien:
            fout("", f"dezelfde corporatie, hetzelfde gebied en jaar staan ook in rij {gezien[sleutel]}")
            continue
        gezien[sleutel] = i
        plan.regels.append({"jaar": jaar, "niveau": niveau, "gebied_code": code, "corporatie": corporatie,
                            "woningen": woningen, "bron": bron_rij})
    return plan


def corporatie_sleutels(conn: Connection) -> dict[str, str]:
    """Lower-cased code and name of every corporation, to its code."""
    c = corporatiebezit.corporatie_sleutels(conn)
    return {**{n.lower(): k for k, n in zip(c.code, c.naam, strict=True)}, **{k.lower(): k for k in c.code}}


def plan_import(conn: Connection, frame: pd.DataFrame, bron: str) -> BezitPlan:
    """Validate a read file against the corporations and areas in the database."""
    gebieden = {lvl: set(trends.gebied_codes(conn, lvl)["code"]) for lvl in LEVELS}
    return valideer(frame, corporatie_sleutels(conn), gebieden, bron)


def schrijf(conn: Connection, plan: BezitPlan) -> int:
    """Write a valid plan inside the caller's transaction (refuses an invalid one); returns the rows written."""
    if not plan.geldig:
        raise CorporatiebezitImportError(plan.problemen or [Probleem(0, "", "het bestand bevat geen regels")])
    return corporatiebezit.store_bezit(conn, plan.regels)


def laad(engine: Engine, bestand: str | Path | bytes, bestandsnaam: str | None = None, *,
         gebruiker: str = "hkd load", bron: str | None = None) -> int:
    """Read, validate and write a file in one transaction, attributed to ``gebruiker``; all or nothing."""
    naam = bestandsnaam or Path(str(bestand)).name
    try:
        frame = lees_bestand(bestand, bestandsnaam)
    except SpreadsheetFout as exc:
        raise CorporatiebezitImportError([Probleem(0, "", p) for p in exc.problemen]) from exc
    except Exception as exc:  # unreadable file: one Dutch message, never a traceback
        raise CorporatiebezitImportError([Probleem(0, "", "het bestand is niet te lezen als CSV of Excel "
                                                          f"({type(exc).__name__})")]) from exc
    with acting_as(engine, gebruiker) as conn:
        plan = plan_import(conn, frame, bron or f"Corporatiebezit ({naam})")
        return schrijf(conn, plan)

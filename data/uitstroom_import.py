"""Import of the uitstroom monitor (CSV or Excel): validate every row, write all or nothing.

Columns (header row 1; row numbers in messages are spreadsheet rows, the first data row is row 2):
``jaar, uitstromers, directe_bemiddeling, reguliere_urgentie`` (required) and ``kwartaal`` (1-4; empty = the whole
year), ``corporatie`` (code or name; empty = all corporations together), ``wachttijd_maanden`` (average waiting
time for directe bemiddeling, comma or point), ``bron`` (optional; else the file's name). A period already loaded
is replaced (the audit log keeps the old figures).
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, Engine

from data.locaties_import import ImportGeweigerd, Probleem, RegelPlan
from data.spreadsheet import SpreadsheetFout, lees_frame, rijnummers
from queries import platform
from queries.db import acting_as

VERPLICHT = ("jaar", "uitstromers", "directe_bemiddeling", "reguliere_urgentie")
OPTIONEEL = ("kwartaal", "corporatie", "wachttijd_maanden", "bron")
MAX_REGELS = 10_000
ALLE = {"", "alle", "totaal", "alle corporaties"}
_GEHEEL = re.compile(r"^[0-9]{1,7}(\.0+)?$")


class UitstroomImportError(ImportGeweigerd):
    """The file was refused; ``problems`` lists every problem (the database is unchanged)."""


class UitstroomPlan(RegelPlan):
    """The validated rows and every problem found."""


def lees_bestand(bron: str | Path | bytes, bestandsnaam: str | None = None) -> pd.DataFrame:
    """The reading step, one function: a frame of stripped strings with lowercased column names.

    The shared hardened reader (``data/spreadsheet.py``); nothing else reads files."""
    return lees_frame(bron, bestandsnaam)


def _kort(waarde: str) -> str:
    return repr(waarde if len(waarde) <= 40 else waarde[:40] + "…")


def _geheel(tekst: str) -> int | None:
    return int(float(tekst)) if _GEHEEL.match(tekst) else None


def valideer(frame: pd.DataFrame, corporaties: dict[str, str], bron: str) -> UitstroomPlan:
    """Check every row against the rules; ``corporaties`` maps lowercased code and name to the code."""
    plan = UitstroomPlan()
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
    gezien: dict[tuple, int] = {}
    for i, rij in zip(rijnummers(frame), frame.to_dict("records"), strict=True):
        fouten_voor = len(plan.problemen)

        def fout(kolom: str, reden: str, _i: int = i) -> None:
            plan.problemen.append(Probleem(_i, kolom, reden))

        jaar = _geheel(rij["jaar"])
        if jaar is None or not 2000 <= jaar <= 2100:
            fout("jaar", f"geen jaartal tussen 2000 en 2100: {_kort(rij['jaar'])}")
        kw_tekst = rij.get("kwartaal", "").upper().lstrip("QK")
        kwartaal = None
        if kw_tekst:
            kwartaal = _geheel(kw_tekst)
            if kwartaal not in (1, 2, 3, 4):
                fout("kwartaal", f"kwartaal moet 1, 2, 3 of 4 zijn (of leeg voor het hele jaar): "
                                 f"{_kort(rij.get('kwartaal', ''))}")
        corp_tekst = rij.get("corporatie", "")
        corporatie = None
        if corp_tekst.lower() not in ALLE:
            corporatie = corporaties.get(corp_tekst.lower())
            if corporatie is None:
                fout("corporatie", f"onbekende woningcorporatie {_kort(corp_tekst)} (gebruik code of naam)")
        getallen = {}
        for kolom in ("uitstromers", "directe_bemiddeling", "reguliere_urgentie"):
            getallen[kolom] = _geheel(rij[kolom])
            if getallen[kolom] is None:
                fout(kolom, f"geen geheel getal van 0 of meer: {_kort(rij[kolom])}")
        if None not in getallen.values() and (
                getallen["directe_bemiddeling"] + getallen["reguliere_urgentie"] != getallen["uitstromers"]):
            fout("uitstromers", f"directe bemiddeling ({getallen['directe_bemiddeling']}) plus reguliere urgentie "
                                f"({getallen['reguliere_urgentie']}) is niet gelijk aan uitstromers "
                                f"({getallen['uitstromers']})")
        wacht_tekst = rij.get("wachttijd_maanden", "").replace(",", ".")
        wachttijd = None
        if wacht_tekst:
            try:
                wachttijd = float(wacht_tekst)
            except ValueError:
                wachttijd = math.nan
            if not math.isfinite(wachttijd) or not 0 <= wachttijd <= 60:
                fout("wachttijd_maanden", f"geen wachttijd in maanden tussen 0 en 60: "
                                          f"{_kort(rij.get('wachttijd_maanden', ''))}")
        bron_rij = rij.get("bron", "") or bron
        if len(bron_rij) > 200:
            fout("bron", "bronvermelding langer dan 200 tekens")
        if len(plan.problemen) > fouten_voor:
            continue
        sleutel = (jaar, kwartaal, corporatie)
        if sleutel in gezien:
            fout("", f"dezelfde periode en corporatie staat ook in rij {gezien[sleutel]}")
            continue
        gezien[sleutel] = i
        plan.regels.append({"jaar": jaar, "kwartaal": kwartaal, "corporatie": corporatie, **getallen,
                            "wachttijd_maanden": None if wachttijd is None else round(wachttijd, 1),
                            "bron": bron_rij})
    return plan


def corporatie_sleutels(conn: Connection) -> dict[str, str]:
    """Lowercased code and name of every corporation, to its code."""
    c = platform.corporaties(conn)
    return {**{n.lower(): k for k, n in zip(c.code, c.naam, strict=True)}, **{k.lower(): k for k in c.code}}


def plan_import(conn: Connection, frame: pd.DataFrame, bron: str) -> UitstroomPlan:
    """Validate a read file against the corporations in the database."""
    return valideer(frame, corporatie_sleutels(conn), bron)


def schrijf(conn: Connection, plan: UitstroomPlan) -> int:
    """Write a valid plan inside the caller's transaction (refuses an invalid one); returns the rows in the file."""
    if not plan.geldig:
        raise UitstroomImportError(plan.problemen or [Probleem(0, "", "het bestand bevat geen regels")])
    platform.upsert_uitstroom(conn, plan.regels)
    return len(plan.regels)


def laad(engine: Engine, bestand: str | Path | bytes, bestandsnaam: str | None = None, *,
         gebruiker: str = "hkd load", bron: str | None = None) -> int:
    """Read, validate and write a file in one transaction, attributed to ``gebruiker``; all or nothing."""
    naam = bestandsnaam or Path(str(bestand)).name
    try:
        frame = lees_bestand(bestand, bestandsnaam)
    except SpreadsheetFout as exc:
        raise UitstroomImportError([Probleem(0, "", p) for p in exc.problemen]) from exc
    except Exception as exc:  # unreadable file: one Dutch message, never a traceback
        raise UitstroomImportError([Probleem(0, "", f"het bestand is niet te lezen als CSV of Excel ({type(exc).__name__})")]) from exc
    with acting_as(engine, gebruiker) as conn:
        plan = plan_import(conn, frame, bron or f"Uitstroommonitor ({naam})")
        return schrijf(conn, plan)

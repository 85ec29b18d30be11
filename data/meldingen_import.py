"""Import of a meldingen file (CSV or Excel): validate every row, report every problem in Dutch, write all or nothing.

Columns (header row 1; row numbers are spreadsheet rows, the first data row is row 2): ``locatie`` (location
code), ``ontvangen_op``, ``bron``, ``categorie``, ``omschrijving`` (required); ``afgehandeld_op``, ``afhandeling``,
``tevreden`` (ja/nee, optional). Dates as ``2024-05-01``, ``2024-05-01 14:30`` or ``01-05-2024 [14:30]`` (local
time). A column with personal data of reporters (naam, e-mail, telefoon, adres) refuses the whole file.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection

from core import kalender
from core.domain import MELDING_AFHANDELING, MELDING_BRONNEN, MELDING_CATEGORIEEN
from core.kalender import TZ
from data.locaties_import import Probleem, RegelPlan
from data.spreadsheet import lees_frame, rijnummers
from queries import meldingen as q

VERPLICHT = ("locatie", "ontvangen_op", "bron", "categorie", "omschrijving")
OPTIONEEL = ("afgehandeld_op", "afhandeling", "tevreden")
MAX_OMSCHRIJVING = 300
PERSOONSGEGEVENS = re.compile(r"naam|e-?mail|telefoon|phone|adres|melder|contact|bsn|geboorte", re.IGNORECASE)
_FORMATEN = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d",
             "%d-%m-%Y %H:%M", "%d-%m-%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y")
JA = {"ja", "j", "yes", "1", "true", "waar"}
NEE = {"nee", "n", "no", "0", "false", "onwaar"}


def lees_bestand(bron: str | Path | bytes, bestandsnaam: str | None = None) -> pd.DataFrame:
    """Read the file into a frame of stripped strings with lowercased columns.

    The one reading step of this importer: the shared hardened reader (``data.spreadsheet``); raises
    :class:`data.spreadsheet.SpreadsheetFout` with Dutch problems for a file that is not a table.
    """
    return lees_frame(bron, bestandsnaam)


def _sleutels(labels: dict[str, str]) -> dict[str, str]:
    """Accept code or label, any case: ``{'drugs/alcohol': 'drugs_alcohol', 'drugs_alcohol': ...}``."""
    return {**{v.lower(): k for k, v in labels.items()}, **{k.lower(): k for k in labels}}


def lees_tijd(tekst: str) -> datetime | None:
    """Parse a local date or date-time; ``None`` when it is not one of the accepted forms."""
    for fmt in _FORMATEN:
        try:
            return datetime.strptime(tekst.strip(), fmt).replace(tzinfo=TZ)
        except ValueError:
            continue
    return None


class MeldingenPlan(RegelPlan):
    """The validated file: meldingen (``queries.meldingen.Melding``) ready to record, or the problems that refuse it."""


def valideer(frame: pd.DataFrame, locaties: dict[str, int], nu: datetime | None = None) -> MeldingenPlan:
    """Check every row against the visible locations (code -> id) and the vocabulary; write nothing."""
    nu = nu or kalender.nu()
    persoonlijk = [c for c in frame.columns if PERSOONSGEGEVENS.search(c)]
    if persoonlijk:
        return MeldingenPlan(problemen=[Probleem(0, ", ".join(persoonlijk),
                                                 "kolom met persoonsgegevens van melders; die slaan we niet op. "
                                                 "Verwijder de kolom en lever het bestand opnieuw aan")])
    ontbrekend = [k for k in VERPLICHT if k not in frame.columns]
    if ontbrekend:
        return MeldingenPlan(problemen=[Probleem(0, "", f"kolom(men) ontbreken: {', '.join(ontbrekend)}")])
    bronnen, categorieen, afhandelingen = (_sleutels(MELDING_BRONNEN), _sleutels(MELDING_CATEGORIEEN),
                                           _sleutels(MELDING_AFHANDELING))
    plan = MeldingenPlan()
    nummers = rijnummers(frame)
    for i, ruw in enumerate(frame.to_dict("records")):
        rijnr = nummers[i]
        rij = {k: str(v).strip() for k, v in ruw.items()}
        if not any(rij.values()):
            continue
        fouten: list[tuple[str, str]] = [(k, "leeg") for k in VERPLICHT if not rij.get(k)]
        locatie_id = locaties.get(rij.get("locatie", ""))
        if rij.get("locatie") and locatie_id is None:
            fouten.append(("locatie", f"onbekende locatie {rij['locatie']!r} (of niet van uw organisatie)"))
        bron = bronnen.get(rij.get("bron", "").lower())
        if rij.get("bron") and bron is None:
            fouten.append(("bron", f"onbekende bron {rij['bron']!r}; kies uit {', '.join(MELDING_BRONNEN)}"))
        categorie = categorieen.get(rij.get("categorie", "").lower())
        if rij.get("categorie") and categorie is None:
            fouten.append(("categorie", f"onbekende categorie {rij['categorie']!r}; kies uit "
                                        f"{', '.join(MELDING_CATEGORIEEN)}"))
        omschrijving = rij.get("omschrijving", "")
        if len(omschrijving) > MAX_OMSCHRIJVING:
            fouten.append(("omschrijving", f"langer dan {MAX_OMSCHRIJVING} tekens ({len(omschrijving)})"))
        ontvangen = lees_tijd(rij["ontvangen_op"]) if rij.get("ontvangen_op") else None
        if rij.get("ontvangen_op") and ontvangen is None:
            fouten.append(("ontvangen_op", f"{rij['ontvangen_op']!r} is geen datum (2024-05-01 of 01-05-2024)"))
        elif ontvangen and ontvangen > nu:
            fouten.append(("ontvangen_op", f"{rij['ontvangen_op']} ligt in de toekomst"))
        afgehandeld = None
        if rij.get("afgehandeld_op"):
            afgehandeld = lees_tijd(rij["afgehandeld_op"])
            if afgehandeld is None:
                fouten.append(("afgehandeld_op", f"{rij['afgehandeld_op']!r} is geen datum"))
            elif afgehandeld > nu:
                fouten.append(("afgehandeld_op", f"{rij['afgehandeld_op']} ligt in de toekomst"))
            elif ontvangen and afgehandeld < ontvangen:
                fouten.append(("afgehandeld_op", "afgehandeld vóór de melding ontvangen was"))
        hoe = afhandelingen.get(rij.get("afhandeling", "").lower()) if rij.get("afhandeling") else None
        if rij.get("afhandeling") and hoe is None:
            fouten.append(("afhandeling", f"onbekende afhandeling {rij['afhandeling']!r}; kies uit "
                                          f"{', '.join(MELDING_AFHANDELING)}"))
        if bool(rij.get("afgehandeld_op")) != bool(rij.get("afhandeling")):
            fouten.append(("afhandeling", "afgehandeld_op en afhandeling horen samen: vul beide of geen van beide"))
        tevreden = None
        if rij.get("tevreden"):
            waarde = rij["tevreden"].lower()
            tevreden = True if waarde in JA else False if waarde in NEE else None
            if tevreden is None:
                fouten.append(("tevreden", f"{rij['tevreden']!r}: ja, nee of leeg"))
            elif not rij.get("afgehandeld_op"):
                fouten.append(("tevreden", "tevredenheid kan pas na afhandeling"))
        if fouten:
            plan.problemen += [Probleem(rijnr, kolom, reden) for kolom, reden in fouten]
            continue
        plan.regels.append(q.Melding(locatie_id, ontvangen, bron, categorie, omschrijving, afgehandeld, hoe,
                                     tevreden))
    if not plan.regels and not plan.problemen:
        plan.problemen.append(Probleem(0, "", "het bestand heeft geen regels"))
    return plan


def plan_import(conn: Connection, frame: pd.DataFrame) -> MeldingenPlan:
    """Validate ``frame`` against the locations this layer may see (row-level security); writes nothing."""
    keuze = q.locaties_keuze(conn)
    return valideer(frame, dict(zip(keuze["code"], keuze["id"].astype(int), strict=True)))


def importeer(conn: Connection, plan: MeldingenPlan) -> int:
    """Write every row of a valid plan in the caller's transaction (all or nothing); return how many."""
    if not plan.geldig:
        raise ValueError("alleen een geldig bestand wordt ingelezen")
    for melding in plan.regels:
        q.registreer(conn, melding)
    return len(plan.regels)

"""Import of a meldingen file (CSV or Excel), declared in :data:`geo.formaten.MELDINGEN`: all or nothing.

Columns: ``locatie`` (location code), ``ontvangen_op``, ``bron``, ``categorie``, ``omschrijving`` (required);
``afgehandeld_op``, ``afhandeling``, ``tevreden`` (ja/nee, optional). Dates day first (``01-05-2024 14:30``) or
ISO (``2024-05-01 14:30``), local time, or Excel dates. A column that announces personal data of reporters (naam,
e-mail, telefoon, mobiel, bsn, geboortedatum, adres, ...) refuses the whole file, and so does a description that
contains an e-mail address, a phone number, a BSN or a postcode with house number.

The natural key is (locatie, ontvangen_op, bron, categorie, omschrijving): a second row with the same key in one
file is reported, and a melding already in the register is skipped and counted, so loading the same file twice
adds nothing and an overlapping file adds only what is new.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection

from core import kalender
from data.importeur import Controle, ImportGeweigerd, Tabel, controleer, leg_vast, lezer
from geo.formaten import MELDINGEN
from queries import meldingen as q

FORMAAT = MELDINGEN
MAX_OMSCHRIJVING = FORMAAT.kolom("omschrijving").max_tekens

MeldingenPlan = Controle


@dataclass(frozen=True)
class Ingelezen:
    """What a load did: meldingen added, and rows skipped because the register had them already."""

    nieuw: int
    overgeslagen: int


lees_bestand = lezer(FORMAAT)


def _regel(locaties: dict[str, int], nu: datetime):
    def regel(r: dict, fout) -> None:
        r["locatie_id"] = locaties.get(r["locatie"])
        if r["locatie_id"] is None:
            fout("locatie", f"onbekende locatie {r['locatie']!r} (of niet van uw organisatie)")
        if r["ontvangen_op"] > nu:
            fout("ontvangen_op", f"{r['ontvangen_op']:%d-%m-%Y %H:%M} ligt in de toekomst")
        af = r["afgehandeld_op"]
        if af is not None and af > nu:
            fout("afgehandeld_op", f"{af:%d-%m-%Y %H:%M} ligt in de toekomst")
        elif af is not None and af < r["ontvangen_op"]:
            fout("afgehandeld_op", "afgehandeld vóór de melding ontvangen was")
        if (af is None) != (r["afhandeling"] is None):
            fout("afhandeling", "afgehandeld_op en afhandeling horen samen: vul beide of geen van beide")
        if r["tevreden"] is not None and af is None:
            fout("tevreden", "tevredenheid kan pas na afhandeling")
    return regel


def valideer(tabel: Tabel, locaties: dict[str, int], nu: datetime | None = None) -> Controle:
    """Check every row against the visible locations (code -> id) and the vocabulary; write nothing."""
    return controleer(tabel, FORMAAT, rijregel=_regel(locaties, nu or kalender.nu()))


def plan_import(conn: Connection, tabel: Tabel) -> Controle:
    """Validate ``tabel`` against the locations this layer may see (row-level security); writes nothing."""
    keuze = q.locaties_keuze(conn)
    return valideer(tabel, dict(zip(keuze["code"], keuze["id"].astype(int), strict=True)))


def melding(regel: dict) -> q.Melding:
    """A checked row as the melding to record."""
    tevreden = {"ja": True, "nee": False}.get(regel["tevreden"] or "")
    return q.Melding(regel["locatie_id"], regel["ontvangen_op"], regel["bron"], regel["categorie"],
                     regel["omschrijving"], regel["afgehandeld_op"], regel["afhandeling"], tevreden)


def importeer(conn: Connection, plan: Controle) -> Ingelezen:
    """Record every new melding of a valid plan in the caller's transaction (all or nothing); a melding the
    register has already (same natural key) is skipped and counted."""
    if not plan.geldig:
        raise ImportGeweigerd(plan.problemen)
    nieuw = q.registreer_nieuw(conn, [melding(r) for r in plan.regels])
    plan.overgeslagen = len(plan.regels) - nieuw
    leg_vast(conn, plan, "meldingen", nieuw=nieuw, overgeslagen=plan.overgeslagen)
    return Ingelezen(nieuw, plan.overgeslagen)

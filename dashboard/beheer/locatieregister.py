"""The locations register import as the Beheer room offers it: read the upload, plan (validate, geocode, diff), apply.
The importer (``data.locaties_import``) validates; this module binds it to the signed-in user's database session."""

from __future__ import annotations

from dashboard import db
from dashboard.widgets.upload import lees_upload, schrijf_upload
from data.locaties_import import ImportPlan, lees_bestand, pas_toe, plan_import


def lees(bestand):
    """The uploaded register as a table, or ``None`` after every problem was shown (downloadable)."""
    return lees_upload(bestand, lees_bestand)


def plan(tabel) -> ImportPlan:
    """Every row checked (and geocoded where needed) and compared with the register: what would change."""
    return db.run_query(plan_import, tabel)


def toepassen(import_plan: ImportPlan, bestandsnaam: str) -> tuple[int, int] | None:
    """Apply a valid plan in one transaction: (new, changed), or ``None`` after a Dutch refusal naming the file."""
    return schrijf_upload(pas_toe, import_plan, bestandsnaam)

"""Which day a demo story means: the demo places its stories of "today" relative to the day it was loaded (its
anchor), so a test asks the loaded database for that day instead of reading the wall clock. A run that crosses
midnight, or a demo loaded yesterday, then still checks the story the demo tells."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, text


def laaddag(conn: Connection) -> date:
    """The day (Rotterdam) the demo in this database was loaded: its anchor."""
    return conn.execute(text(
        "SELECT (geladen_op AT TIME ZONE 'Europe/Amsterdam')::date FROM hkd.geografie")).scalar_one()


def in_voorbereiding(conn: Connection) -> date:
    """The date of the demo's Sturingsoverleg in preparation."""
    return conn.execute(text(
        "SELECT datum FROM hkd.vergaderingen WHERE soort = 'sturingsoverleg' AND status = 'in_voorbereiding'")
    ).scalar_one()

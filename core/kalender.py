"""The convenant's clock: one "today" and one "now" for the whole product, on Rotterdam's time.

The database records days in Europe/Amsterdam (``now() AT TIME ZONE 'Europe/Amsterdam'``); servers usually run on
UTC. Every default date, every "today" in a query and every test takes the day from here, so that between 23:00
and 01:00 UTC no page shows tomorrow's step before today's, and no form offers a moment the database calls future.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Europe/Amsterdam")


def nu() -> datetime:
    """The current moment in Rotterdam, timezone-aware."""
    return datetime.now(TZ)


def vandaag() -> date:
    """Today's date in Rotterdam (not the server's UTC date)."""
    return nu().date()

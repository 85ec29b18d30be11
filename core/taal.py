"""How the product writes counts, dates and times for people: singular or plural, DD-MM-YYYY, Rotterdam's clock.

Pure and small, at the ground floor so that pages (``dashboard``) and documents (``reports``) write them alike.
"""

from __future__ import annotations

from datetime import date, datetime

from core.kalender import TZ

DATUM = "%d-%m-%Y"
DATUM_TIJD = "%d-%m-%Y %H:%M"


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """``"1 voorziening"``, ``"0 voorzieningen"``, ``"4 problemen"``: the count with the right form of the noun."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def datum(d: date | datetime) -> str:
    """A date as people in the Netherlands write it (``07-12-2026``); a moment is taken on Rotterdam's clock."""
    if isinstance(d, datetime) and d.tzinfo is not None:
        d = d.astimezone(TZ)
    return d.strftime(DATUM)


def tijdstip(moment: datetime) -> str:
    """A moment on Rotterdam's clock (``07-12-2026 09:30``); a naive moment is taken as Rotterdam's already."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(TZ)
    return moment.strftime(DATUM_TIJD)

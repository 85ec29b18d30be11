"""The sources of proposed agenda items, in one registry, and filling a meeting's draft agenda from them.

Each source is a function ``agenda_voorstellen(conn, datum) -> list[AgendaVoorstel]`` (a source that also takes
``soort`` gets the meeting's type). To add a source, add ONE line to :data:`BRONNEN`.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date

from sqlalchemy import Connection

from geo.agenda import AGENDA_MAX_PUNTEN, AgendaVoorstel, Voorstelling, stel_agenda_voor
from queries import initiatieven, meldingen, monitoring, overleg, vergaderingen

Bron = Callable[..., list[AgendaVoorstel]]

BRONNEN: list[Bron] = [
    overleg.agenda_voorstellen,  # fasen and beheer actions
    vergaderingen.agenda_voorstellen,  # open action items of earlier meetings
    initiatieven.agenda_voorstellen,  # initiatives waiting for advice, provider proposals waiting for approval
    meldingen.agenda_voorstellen,  # locations whose meldingen pass the signal thresholds
    monitoring.agenda_voorstellen,  # commissies behind their rhythm, overdue verbeteracties, plan slippage
]


def alle_voorstellen(conn: Connection, datum: date, soort: str = "sturingsoverleg") -> list[AgendaVoorstel]:
    """Every proposal of every registered source for a meeting of ``soort`` on ``datum``."""
    out: list[AgendaVoorstel] = []
    for bron in BRONNEN:
        if "soort" in inspect.signature(bron).parameters:
            out += bron(conn, datum, soort=soort)
        else:
            out += bron(conn, datum)
    return out


def voorstelling(conn: Connection, datum: date, soort: str = "sturingsoverleg",
                 max_punten: int = AGENDA_MAX_PUNTEN) -> Voorstelling:
    """The proposed agenda: ranked, capped, routine items bundled."""
    return stel_agenda_voor(alle_voorstellen(conn, datum, soort), max_punten)


def vul_agenda(conn: Connection, vergadering_id: int, versie: int, max_punten: int = AGENDA_MAX_PUNTEN) -> int:
    """Add the current proposals to a meeting's draft agenda (a version-checked edit); returns the new version.

    Items already on the agenda (accepted, removed or added by hand) keep their status and place; new proposals
    come after them: ranked items as ``voorgesteld``, hamerstukken bundled, the rest as ``reserve``."""
    nieuw = vergaderingen.bewerk(conn, vergadering_id, versie)
    v = vergaderingen.vergadering(conn, vergadering_id)
    vs = voorstelling(conn, v.datum, v.soort, max_punten)
    for voorstel in vs.punten + vs.hamerstukken:
        vergaderingen.voeg_punt_toe(conn, vergadering_id, voorstel)
    for voorstel in vs.reserve:
        vergaderingen.voeg_punt_toe(conn, vergadering_id, voorstel, status="reserve")
    return nieuw

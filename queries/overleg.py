"""The Sturingsoverleg: meeting dates, fase changes between meetings, the agenda as it stands, the besluitenlijst."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Connection

from geo.agenda import CONVENANT_MAX_JAREN, AgendaItem, AgendaVoorstel, bouw_agenda, convenant_grens, fase_voorstellen
from queries.fasen import locaties_kaart
from queries.sqlfiles import sql
from queries.vergaderingen import vorige_gehouden


def overleg_data(conn: Connection) -> list[date]:
    """Dates of every meeting that recorded a decision or a beheer-status, oldest first."""
    return [r[0] for r in conn.execute(sql("overleg", "overleg_data"))]


def vorig_overleg(conn: Connection, datum: date) -> date | None:
    """The latest meeting before ``datum`` (``None`` when there was none)."""
    return conn.execute(sql("overleg", "vorig_overleg"), {"datum": datum}).scalar_one()


def fase_wijzigingen(conn: Connection, datum: date, vorige: date | None) -> dict[int, tuple[str | None, str]]:
    """``{locatie_id: (fase_was, fase_nu)}`` for locations whose fase changed since (and at) the previous meeting."""
    if vorige is None:
        return {}
    rows = conn.execute(sql("overleg", "fase_wijzigingen"), {"datum": datum, "vorige": vorige})
    return {r.locatie_id: (r.fase_was, r.fase_nu) for r in rows}


def agenda(conn: Connection, datum: date, max_jaren: int = CONVENANT_MAX_JAREN) -> list[AgendaItem]:
    """The agenda of the meeting on ``datum``, built from the history as it stands on that date."""
    locaties = locaties_kaart(conn, datum, max_jaren)
    wijzigingen = fase_wijzigingen(conn, datum, vorig_overleg(conn, datum))
    return bouw_agenda(locaties, wijzigingen, convenant_grens(datum, max_jaren))


def besluitenlijst(conn: Connection, datum: date) -> pd.DataFrame:
    """Everything recorded at the meeting on ``datum`` (fase decisions and beheer-status), in recording order."""
    frame = pd.read_sql(sql("overleg", "besluitenlijst"), conn, params={"datum": datum})
    frame["corrigeert_id"] = frame["corrigeert_id"].astype("Int64")
    return frame


def wijzigingen_sinds(conn: Connection, datum: date, vorige: date | None) -> dict[int, tuple[str | None, str]]:
    """``{locatie_id: (fase_was, fase_nu)}`` for locations whose fase on ``datum`` differs from the fase as it
    stood at the end of the meeting on ``vorige`` (what that meeting decided was discussed there)."""
    if vorige is None:
        return {}
    rows = conn.execute(sql("overleg", "fase_wijzigingen_sinds"), {"datum": datum, "vorige": vorige})
    return {r.locatie_id: (r.fase_was, r.fase_nu) for r in rows}


def agenda_voorstellen(conn: Connection, datum: date, soort: str = "sturingsoverleg",
                       max_jaren: int = CONVENANT_MAX_JAREN) -> list[AgendaVoorstel]:
    """Agenda source: urgent fasen, fasen changed since the previous HELD meeting of ``soort``, beheer actions."""
    locaties = locaties_kaart(conn, datum, max_jaren)
    wijzigingen = wijzigingen_sinds(conn, datum, vorige_gehouden(conn, soort, datum))
    return fase_voorstellen(locaties, wijzigingen, convenant_grens(datum, max_jaren))

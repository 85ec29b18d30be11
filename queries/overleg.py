"""The Sturingsoverleg: meeting dates, the agenda ordered by urgency, and the besluitenlijst of a meeting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Connection

from hkd.domain import BEHEERCOMMISSIE, BEHEERCONVENANT, FASE_BY_CODE
from queries.fasen import CONVENANT_MAX_JAREN, convenant_grens, locaties_kaart
from queries.sqlfiles import sql

URGENTE_FASEN = {"3b": 3, "3a": 2, "2": 1}
"""Fasen that always put a location on the agenda, with their weight (higher = more urgent)."""


@dataclass(frozen=True)
class AgendaItem:
    """One location on the agenda, with why it is there."""

    locatie_id: int
    code: str
    naam: str
    fase: str | None
    redenen: tuple[str, ...]
    handmatig: bool = False


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


def _actie_redenen(row, grens: date) -> list[str]:
    redenen = []
    if row.actie_commissie:
        stand = BEHEERCOMMISSIE.get(row.beheercommissie, "onbekend") if row.beheercommissie else "onbekend"
        redenen.append(f"Beheercommissie niet actief: {stand.lower()}")
    if row.actie_convenant:
        if row.beheerconvenant == "actueel" and row.convenant_datum is not None and row.convenant_datum < grens:
            redenen.append(f"Beheerconvenant over tijd (van {row.convenant_datum:%d-%m-%Y})")
        else:
            stand = BEHEERCONVENANT.get(row.beheerconvenant, "onbekend") if row.beheerconvenant else "onbekend"
            redenen.append(f"Beheerconvenant niet actueel: {stand.lower()}")
    if row.actie_meldingenregister:
        redenen.append("Geen meldingenregister")
    return redenen


def bouw_agenda(
    locaties: pd.DataFrame, wijzigingen: dict[int, tuple[str | None, str]], grens: date
) -> list[AgendaItem]:
    """Order the locations that need attention by urgency (pure; ``locaties`` as from :func:`locaties_kaart`).

    A location is on the agenda when it is in fase 2 or higher, when its fase changed since the previous meeting,
    or when it has open beheer actions. Order: highest fase first (3b, 3a, 2), then changed fasen, then the number
    of open beheer actions, then the location code.
    """
    keyed = []
    for row in locaties.itertuples(index=False):
        redenen: list[str] = []
        gewicht = URGENTE_FASEN.get(row.fase or "", 0)
        if gewicht:
            redenen.append(f"Fase {row.fase}: {FASE_BY_CODE[row.fase].naam.lower()}")
        gewijzigd = row.id in wijzigingen
        if gewijzigd:
            was, nu = wijzigingen[row.id]
            redenen.append(f"Fase gewijzigd sinds vorig overleg ({was or 'geen'} → {nu})")
        acties = _actie_redenen(row, grens)
        redenen += acties
        if redenen:
            item = AgendaItem(int(row.id), row.code, row.naam, row.fase, tuple(redenen))
            keyed.append(((-gewicht, -int(gewijzigd), -len(acties), row.code), item))
    return [item for _, item in sorted(keyed, key=lambda k: k[0])]


def agenda(conn: Connection, datum: date, max_jaren: int = CONVENANT_MAX_JAREN) -> list[AgendaItem]:
    """The agenda of the meeting on ``datum``, built from the history as it stands on that date."""
    locaties = locaties_kaart(conn, datum, max_jaren)
    wijzigingen = fase_wijzigingen(conn, datum, vorig_overleg(conn, datum))
    return bouw_agenda(locaties, wijzigingen, convenant_grens(datum, max_jaren))


def verplaats(volgorde: list[int], locatie_id: int, positie: int) -> list[int]:
    """Move ``locatie_id`` to 0-based ``positie`` in an agenda order (pure; clamps the position)."""
    rest = [i for i in volgorde if i != locatie_id]
    positie = max(0, min(positie, len(rest)))
    return rest[:positie] + [locatie_id] + rest[positie:]


def besluitenlijst(conn: Connection, datum: date) -> pd.DataFrame:
    """Everything recorded at the meeting on ``datum`` (fase decisions and beheer-status), in recording order."""
    frame = pd.read_sql(sql("overleg", "besluitenlijst"), conn, params={"datum": datum})
    frame["corrigeert_id"] = frame["corrigeert_id"].astype("Int64")
    return frame


OMGEVING_GRADEN = (0.03, 0.05)
"""Half height (latitude) and half width (longitude) in degrees of the surroundings shown around an agenda item:
a bit more than the zoom-14 map view, so panning a little still shows the neighbours."""


def omgeving(locaties: pd.DataFrame, lon: float, lat: float, graden: tuple[float, float] = OMGEVING_GRADEN
             ) -> pd.DataFrame:
    """The locations within a box around (``lon``, ``lat``) (pure): what the zoomed item map needs to draw."""
    d_lat, d_lon = graden
    binnen = locaties["lat"].between(lat - d_lat, lat + d_lat) & locaties["lon"].between(lon - d_lon, lon + d_lon)
    return locaties[binnen]


def pagina(aantal: int, per_pagina: int, nummer: int) -> tuple[int, int]:
    """0-based ``[start, stop)`` of page ``nummer`` (1-based, clamped) of ``aantal`` rows (pure)."""
    paginas = max(1, -(-aantal // per_pagina))
    nummer = max(1, min(nummer, paginas))
    return (nummer - 1) * per_pagina, min(aantal, nummer * per_pagina)

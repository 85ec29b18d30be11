"""The Sturingsoverleg's agenda rules (pure): which locations need attention, in which order, and why.

A location is on the agenda when it is in fase 2 or higher, when its fase changed since the previous meeting, or
when it has open beheer actions. The reasons are Dutch sentences because they state the rule to the meeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from core.domain import BEHEERCOMMISSIE, BEHEERCONVENANT, FASE_BY_CODE

CONVENANT_MAX_JAREN = 5
"""A beheerconvenant older than this many years counts as overdue (an open beheer action)."""


def convenant_grens(op: date, max_jaren: int = CONVENANT_MAX_JAREN) -> date:
    """The date before which a convenant dated on ``op`` counts as overdue (29 February falls back to the 28th)."""
    try:
        return op.replace(year=op.year - max_jaren)
    except ValueError:
        return op.replace(year=op.year - max_jaren, day=28)


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


def verplaats(volgorde: list[int], locatie_id: int, positie: int) -> list[int]:
    """Move ``locatie_id`` to 0-based ``positie`` in an agenda order (pure; clamps the position)."""
    rest = [i for i in volgorde if i != locatie_id]
    positie = max(0, min(positie, len(rest)))
    return rest[:positie] + [locatie_id] + rest[positie:]


OMGEVING_GRADEN = (0.03, 0.05)
"""Half height (latitude) and half width (longitude) in degrees of the surroundings shown around an agenda item:
a bit more than the zoom-14 map view, so panning a little still shows the neighbours."""


def omgeving(locaties: pd.DataFrame, lon: float, lat: float, graden: tuple[float, float] = OMGEVING_GRADEN
             ) -> pd.DataFrame:
    """The locations within a box around (``lon``, ``lat``) (pure): what the zoomed item map needs to draw."""
    d_lat, d_lon = graden
    binnen = locaties["lat"].between(lat - d_lat, lat + d_lat) & locaties["lon"].between(lon - d_lon, lon + d_lon)
    return locaties[binnen]


@dataclass(frozen=True)
class AgendaVoorstel:
    """A proposed agenda item from any source, for the meeting's agenda to rank, bundle and cap.

    Sources (each a ``queries`` function ``agenda_voorstellen(conn, datum) -> list[AgendaVoorstel]``): fasen and
    beheer actions, meldingen signals, initiatives waiting for advice, provider proposals waiting for approval,
    open action items of earlier meetings. ``sleutel`` is stable within its source (``"locatie:12"``,
    ``"initiatief:3"``), so an item accepted on a draft agenda keeps its identity when the data changes.
    """

    bron: str
    sleutel: str
    titel: str
    redenen: tuple[str, ...]
    gewicht: int = 0  # higher = more urgent
    locatie_id: int | None = None

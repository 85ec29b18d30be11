"""The Sturingsoverleg's agenda rules (pure): which locations need attention, in which order, and why.

A location is on the agenda when it is in fase 2 or higher, when its fase changed since the previous meeting, or
when it has open beheer actions. The reasons are Dutch sentences because they state the rule to the meeting.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from core.domain import BEHEERCOMMISSIE, BEHEERCONVENANT, FASE_BY_CODE

CONVENANT_MAX_JAREN = 5
"""A beheerconvenant older than this many years counts as overdue (an open beheer action)."""


def aantal_agendapunten(hamerstukken) -> int:
    """How many points a meeting's agenda has, as the screen's steps and the PDF's numbers count them: every
    ordinary item one point, all hamerstukken together one point (``hamerstukken``: one bool per item on the
    agenda, True for a hamerstuk)."""
    vlaggen = [bool(h) for h in hamerstukken]
    return vlaggen.count(False) + (1 if any(vlaggen) else 0)


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
    hamerstuk: bool = False  # routine: bundled with the other hamerstukken, never a place of its own


AGENDA_MAX_PUNTEN = 12
"""Agenda items with a place of their own on a proposed agenda; the rest waits in reserve (the secretariaat can
accept any of them). Hamerstukken are bundled as one item and do not count."""

WEEG_FASE = 10
"""Weight per step of :data:`URGENTE_FASEN` (3b = 30, 3a = 20, 2 = 10)."""
WEEG_GEWIJZIGD = 5
"""Weight of a fase that changed since the previous held meeting of the same type."""
WEEG_BEHEERACTIE = 2
"""Weight per open beheer action (commissie not active, convenant not actueel, no meldingenregister)."""
WEEG_ACTIE_OPEN = 3
"""Weight of an open action item of an earlier meeting."""
WEEG_ACTIE_OVER_TIJD = 8
"""Weight of an open action item past its deadline."""


@dataclass(frozen=True)
class Voorstelling:
    """A proposed agenda: ranked items (at most the cap), the bundled hamerstukken, the reserve beyond the cap."""

    punten: tuple[AgendaVoorstel, ...]
    hamerstukken: tuple[AgendaVoorstel, ...]
    reserve: tuple[AgendaVoorstel, ...]


def rang(v: AgendaVoorstel) -> tuple:
    """Sort key: highest weight first, then source and key (deterministic)."""
    return (-v.gewicht, v.bron, v.sleutel)


def stel_agenda_voor(voorstellen: list[AgendaVoorstel], max_punten: int = AGENDA_MAX_PUNTEN) -> Voorstelling:
    """Rank, bundle and cap proposals of all sources (pure).

    - The same ``(bron, sleutel)`` twice, or two proposals about the same location, count once: the heaviest
      keeps its source and key, the reasons are merged in order, it is routine only when both are.
    - Routine proposals (``hamerstuk``) are bundled: one agenda item for all of them, taken without discussion.
    - The others are ranked by weight; the first ``max_punten`` get a place, the rest is kept in reserve.
    """
    uniek: dict[tuple[str, str], AgendaVoorstel] = {}
    for v in voorstellen:
        key = ("locatie", str(v.locatie_id)) if v.locatie_id is not None else (v.bron, v.sleutel)
        if key in uniek:
            oud = uniek[key]
            zwaar, licht = (v, oud) if v.gewicht > oud.gewicht else (oud, v)
            redenen = tuple(dict.fromkeys(zwaar.redenen + licht.redenen))
            v = replace(zwaar, redenen=redenen, hamerstuk=oud.hamerstuk and v.hamerstuk)
        uniek[key] = v
    hamer = sorted((v for v in uniek.values() if v.hamerstuk), key=lambda v: (v.bron, v.titel, v.sleutel))
    rest = sorted((v for v in uniek.values() if not v.hamerstuk), key=rang)
    cap = max(0, max_punten)
    return Voorstelling(tuple(rest[:cap]), tuple(hamer), tuple(rest[cap:]))


def fase_voorstellen(locaties: pd.DataFrame, wijzigingen: dict[int, tuple[str | None, str]], grens: date
                     ) -> list[AgendaVoorstel]:
    """Proposals of the fase/beheer source (pure; ``locaties`` as from :func:`locaties_kaart`).

    A location is proposed when it is in fase 2 or higher, when its fase changed since the previous held meeting
    of the same type, or when it has open beheer actions. The one routine reason, an *actueel* beheerconvenant
    older than :data:`CONVENANT_MAX_JAREN` years (due for its periodic actualisation), makes a hamerstuk when it
    is the location's only reason: it is bundled, not discussed one by one.
    """
    out = []
    for row in locaties.itertuples(index=False):
        redenen: list[str] = []
        gewicht = WEEG_FASE * URGENTE_FASEN.get(row.fase or "", 0)
        if gewicht:
            redenen.append(f"Fase {row.fase}: {FASE_BY_CODE[row.fase].naam.lower()}")
        if row.id in wijzigingen:
            was, nu = wijzigingen[row.id]
            redenen.append(f"Fase gewijzigd sinds het vorige gehouden overleg ({was or 'geen'} → {nu})")
            gewicht += WEEG_GEWIJZIGD
        acties = _actie_redenen(row, grens)
        routine = [r for r in acties if r.startswith("Beheerconvenant over tijd")]
        echte = [r for r in acties if r not in routine]
        gewicht += WEEG_BEHEERACTIE * len(echte)
        redenen += acties
        if redenen:
            out.append(AgendaVoorstel(
                bron="fase", sleutel=f"locatie:{int(row.id)}", titel=f"{row.code} {row.naam}",
                redenen=tuple(redenen), gewicht=gewicht, locatie_id=int(row.id),
                hamerstuk=gewicht == 0 and bool(routine),
            ))
    return out


def actie_voorstel(actie_id: int, omschrijving: str, eigenaar: str, deadline: date | None, vergadering: date,
                   op: date, locatie_id: int | None = None) -> AgendaVoorstel:
    """An open action item of an earlier meeting, proposed again until it is done (pure)."""
    redenen = [f"Actie uit het overleg van {vergadering:%d-%m-%Y}, eigenaar {eigenaar}"]
    gewicht = WEEG_ACTIE_OPEN
    if deadline is not None:
        if deadline < op:
            redenen.append(f"Deadline {deadline:%d-%m-%Y} verstreken")
            gewicht = WEEG_ACTIE_OVER_TIJD
        else:
            redenen.append(f"Deadline {deadline:%d-%m-%Y}")
    return AgendaVoorstel(bron="actie", sleutel=f"actie:{actie_id}", titel=f"Actie: {omschrijving}",
                          redenen=tuple(redenen), gewicht=gewicht, locatie_id=locatie_id)

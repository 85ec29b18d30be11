"""Periodic import from a Signalen system: signals near a location become meldingen of that location.

Its natural key is Signalen's numeric ``id``: running the import again adds nothing. A signal that is not read
(cancelled, or without a numeric id, a point or a dated receipt) is counted; every one but a cancelled one is also
reported with its id and the reason, never with its values.

A signal belongs to the nearest location within ``koppel_max_meters`` (``hkd.monitoring_normen``); signals farther
from every location are not registered. Known signals (by Signalen's numeric ``id``) get their handling refreshed; all in the
caller's transaction.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass
from datetime import datetime

from pyproj import Transformer
from sqlalchemy import Connection

from clients.signalen import GEANNULEERD_REDEN, IMPORT_SECONDS, SignaalMelding, lees_signaal, signalen_paginas
from queries import meldingen as q

_WGS84_TO_RD = Transformer.from_crs(4326, 28992, always_xy=True)


@dataclass(frozen=True)
class SignalenResultaat:
    """What one import run did."""

    gelezen: int
    nieuw: int
    bijgewerkt: int
    niet_bij_locatie: int
    overgeslagen: int
    problemen: tuple[str, ...] = ()  # every signal not read, with its id and the reason (never its values)


def _waar(raw: object) -> str:
    nummer = raw.get("id") if isinstance(raw, dict) else None
    geldig = isinstance(nummer, int) and not isinstance(nummer, bool) and 0 < nummer < 10**12
    return f"Signalen, signaal {nummer}" if geldig else "Signalen, signaal zonder geldig id"


def verwerk(conn: Connection, signals: list[dict]) -> SignalenResultaat:
    """Map, link and record raw signals (the page items of the Signalen list)."""
    max_m = q.normen(conn).koppel_max_meters
    rijen, ver, overgeslagen, problemen = [], 0, 0, []
    for raw in signals:
        s = lees_signaal(raw)
        if not isinstance(s, SignaalMelding):
            overgeslagen += 1
            if s != GEANNULEERD_REDEN:
                problemen.append(f"{_waar(raw)}: {s}; niet ingelezen")
            continue
        x, y = _WGS84_TO_RD.transform(s.lon, s.lat)
        locatie_id = q.koppel_locatie(conn, x, y, max_m)
        if locatie_id is None:
            ver += 1
            continue
        rijen.append({
            "locatie_id": locatie_id, "ontvangen_op": s.ontvangen_op, "bron": s.bron, "categorie": s.categorie,
            "omschrijving": s.omschrijving, "afgehandeld_op": s.afgehandeld_op, "afhandeling": s.afhandeling,
            "melder_tevreden": None, "x": x, "y": y, "systeem": "signalen", "extern_id": s.extern_id,
        })
    nieuw, bijgewerkt = q.registreer_extern(conn, rijen)
    return SignalenResultaat(len(signals), nieuw, bijgewerkt, ver, overgeslagen, tuple(problemen))


def importeer(conn: Connection, base_url: str, token: str = "", sinds: datetime | None = None,
              import_seconds: float = IMPORT_SECONDS) -> SignalenResultaat:
    """Read every page from the Signalen system at ``base_url`` and record it (raises ``SignalenUnavailable``).

    Each page is recorded as it arrives (one page in memory at a time), in the caller's transaction: a failure on
    a later page, or the import running past ``import_seconds`` of wall clock, undoes the whole run.
    """
    totaal = SignalenResultaat(0, 0, 0, 0, 0, ())
    for pagina in signalen_paginas(base_url, token, sinds, import_seconds=import_seconds):
        r = verwerk(conn, pagina)
        totaal = SignalenResultaat(*(a + b for a, b in zip(astuple(totaal), astuple(r), strict=True)))
    return totaal

"""Periodic import from a Signalen system: signals near a location become meldingen of that location.

A signal belongs to the nearest location within ``koppel_max_meters`` (``hkd.monitoring_normen``); signals farther
from every location are not registered. Known signals (by Signalen's numeric ``id``) get their handling refreshed; all in the
caller's transaction.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass
from datetime import datetime

from pyproj import Transformer
from sqlalchemy import Connection

from clients.signalen import IMPORT_SECONDS, map_signal, signalen_paginas
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


def verwerk(conn: Connection, signals: list[dict]) -> SignalenResultaat:
    """Map, link and record raw signals (the page items of the Signalen list)."""
    max_m = q.normen(conn).koppel_max_meters
    rijen, ver, overgeslagen = [], 0, 0
    for raw in signals:
        s = map_signal(raw)
        if s is None:
            overgeslagen += 1
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
    return SignalenResultaat(len(signals), nieuw, bijgewerkt, ver, overgeslagen)


def importeer(conn: Connection, base_url: str, token: str = "", sinds: datetime | None = None,
              import_seconds: float = IMPORT_SECONDS) -> SignalenResultaat:
    """Read every page from the Signalen system at ``base_url`` and record it (raises ``SignalenUnavailable``).

    Each page is recorded as it arrives (one page in memory at a time), in the caller's transaction: a failure on
    a later page, or the import running past ``import_seconds`` of wall clock, undoes the whole run.
    """
    totaal = SignalenResultaat(0, 0, 0, 0, 0)
    for pagina in signalen_paginas(base_url, token, sinds, import_seconds=import_seconds):
        r = verwerk(conn, pagina)
        totaal = SignalenResultaat(*(a + b for a, b in zip(astuple(totaal), astuple(r), strict=True)))
    return totaal

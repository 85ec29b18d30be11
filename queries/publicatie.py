"""The publication log of the public site (``hkd.publicaties``): write one attempt, read the latest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from sqlalchemy import Connection

from geo.privacyscan import Locatie
from queries.sqlfiles import sql

KANAAL = "hkd_publiek_gewijzigd"  # channel of hkd.publiek_gewijzigd() (migration 150)


@dataclass(frozen=True)
class Publicatie:
    """One row of the publication log."""

    id: int
    tijd: datetime
    door: str
    status: str  # 'gepubliceerd' | 'mislukt'
    aanleiding: str
    data_versie: str | None
    checksum: str | None
    map: str | None
    fout: str | None

    @classmethod
    def from_json(cls, row: dict | None) -> Publicatie | None:
        if not row:
            return None
        return cls(int(row["id"]), datetime.fromisoformat(row["tijd"]), row["door"], row["status"],
                   row.get("aanleiding") or "", row.get("data_versie"), row.get("checksum"), row.get("map"),
                   row.get("fout"))


@dataclass(frozen=True)
class PublicatieStand:
    """The latest successful publication and the latest attempt (a failure when it is newer than the success)."""

    laatste_gelukt: Publicatie | None
    laatste_poging: Publicatie | None

    @property
    def mislukt(self) -> Publicatie | None:
        """The latest attempt when it failed (the site then still shows ``laatste_gelukt``)."""
        p = self.laatste_poging
        return p if p is not None and p.status == "mislukt" else None


def log_publicatie(conn: Connection, *, status: str, aanleiding: str = "", data_versie: str | None = None,
                   checksum: str | None = None, map: str | None = None, bestanden: int | None = None,
                   bytes: int | None = None, duur_ms: int | None = None, fout: str | None = None) -> int:
    """Append one attempt to the log (the user is the one named for the transaction, ``hkd.current_gebruiker()``); returns its id."""
    return conn.execute(sql("publicatie", "log_publicatie"), {
        "status": status, "aanleiding": aanleiding, "data_versie": data_versie, "checksum": checksum, "map": map,
        "bestanden": bestanden, "bytes": bytes, "duur_ms": duur_ms, "fout": fout,
    }).scalar_one()


def recente_publicaties(conn: Connection, n: int = 20) -> pd.DataFrame:
    """The latest ``n`` attempts, newest first."""
    return pd.read_sql(sql("publicatie", "recente_publicaties"), conn, params={"n": n})


def publicatie_stand(conn: Connection) -> PublicatieStand:
    """The latest success and the latest attempt."""
    row = conn.execute(sql("publicatie", "publicatie_stand")).one()
    return PublicatieStand(Publicatie.from_json(row.laatste_gelukt), Publicatie.from_json(row.laatste_poging))


def locaties_privacyscan(conn: Connection) -> list[Locatie]:
    """Name, street, postcode and point of every location, for the privacy scan of the published site."""
    return [Locatie(r.naam, r.straat, r.postcode, r.lon, r.lat, r.x, r.y)
            for r in conn.execute(sql("publicatie", "locaties_privacyscan"))]

"""What the Beheer page reads: the publication's state and log, the loaded boundaries and the latest audit entries."""

from __future__ import annotations

import pandas as pd

from dashboard import db
from queries import overzicht, publicatie


def publicatie_stand() -> publicatie.PublicatieStand:
    return db.run_query(publicatie.publicatie_stand)


def recente_publicaties(aantal: int = 20) -> pd.DataFrame:
    return db.run_query(publicatie.recente_publicaties, aantal)


def gebieden_per_niveau() -> pd.DataFrame:
    return db.run_query(overzicht.gebieden_per_niveau)


def recente_audit(aantal: int = 50) -> pd.DataFrame:
    return db.run_query(overzicht.recente_audit, aantal)

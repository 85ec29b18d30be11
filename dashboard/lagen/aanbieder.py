"""What the Aanbiederskaart reads: facilities per PC4 (and per woonvorm), the provider's own locations and the
decisions about them. Row-level security decides what a provider sees; the page only asks."""

from __future__ import annotations

import pandas as pd

from dashboard import db
from queries import aanbieder, initiatieven, vergaderingen


def pc4_totaal() -> pd.DataFrame:
    return db.run_cached(aanbieder.pc4_totaal)


def pc4_woonvorm() -> pd.DataFrame:
    return db.run_cached(aanbieder.pc4_woonvorm)


def eigen_besluiten() -> pd.DataFrame:
    """Decisions of the Sturingsoverleg and the Platform about the signed-in provider's own locations."""
    return db.run_query(vergaderingen.eigen_besluiten)


def locatie_ids() -> pd.DataFrame:
    """``id, code, naam`` of the locations the signed-in layer may see (a provider's own), for a choice."""
    return db.run_query(initiatieven.eigen_locaties)


def mijn_locaties() -> pd.DataFrame:
    """The signed-in provider's locations at address level (all providers' for HKD)."""
    return db.run_query(aanbieder.mijn_locaties)

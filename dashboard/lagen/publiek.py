"""What the Openbare kaart reads: the public layer (PC4 counts under the disclosure rule), cached; it changes only
with a new publication of the data."""

from __future__ import annotations

from dashboard import db
from queries.publiek import OpenbareKaart
from queries.publiek import openbare_kaart as _openbare_kaart


def openbare_kaart() -> OpenbareKaart:
    return db.run_cached(_openbare_kaart)

"""One inzage-log entry per deliberate view of address-level data, not one per Streamlit rerun.

A *view* is identified by its part of the app (``onderdeel``) and a key that names what is shown (a location code,
a scan's inputs). It is logged the first time it is drawn during a visit to a page; reruns of the page that draw
the same view log nothing; going to another page and coming back is a new visit and logs again.

Session state: one dict under ``inzage`` (mutated in place): ``pagina`` is the script hash of the page of the
last run, ``bezoek`` counts page changes, ``gelogd`` holds the view keys logged during visit number ``bezoek``.
"""

from __future__ import annotations

from collections.abc import Hashable

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from dashboard import verbinding
from dashboard.toegang.auth import current_user
from queries.inzage import log_inzage

KEY = "inzage"


def _state() -> dict:
    return st.session_state.setdefault(KEY, {"pagina": None, "bezoek": 0, "gelogd": set()})


def merk_pagina() -> None:
    """Note the page this run draws; a different page than the last one starts a new visit.

    Called by the entry script and by every database access (Streamlit's AppTest runs a page without the entry
    script), so it is cheap and idempotent within a run."""
    ctx = get_script_run_ctx()
    pagina = ctx.page_script_hash if ctx is not None else None
    state = _state()
    if pagina != state["pagina"]:
        state["pagina"], state["bezoek"], state["gelogd"] = pagina, state["bezoek"] + 1, set()


def vastleggen(onderdeel: str, omschrijving: str, details: dict, sleutel: Hashable) -> bool:
    """Log the view ``sleutel`` of ``onderdeel`` unless it was logged during this visit; True when written now."""
    merk_pagina()
    gelogd = _state()["gelogd"]
    if (onderdeel, sleutel) in gelogd:
        return False
    verbinding.run_as(current_user(), log_inzage, (onderdeel, omschrijving, details))
    gelogd.add((onderdeel, sleutel))
    return True

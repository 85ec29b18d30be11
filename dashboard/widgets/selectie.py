"""One selection per map, from a click, a search or the URL, kept in the URL so a link can be shared.

The URL carries only a code (``?pc4=3072``, ``?locatie=L012``, ``?gebied=...``). A code from the URL is honoured
only when it is among what this user's page shows (the layer role decided that in the database); anything else
is refused with one calm sentence and removed from the URL.
"""

from __future__ import annotations

import re

import streamlit as st

_CODE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


def uit_url(param: str) -> str | None:
    """The code in the URL parameter ``param``, or ``None`` (absent or not code-shaped)."""
    waarde = st.query_params.get(param)
    return waarde if isinstance(waarde, str) and _CODE.match(waarde) else None


def naar_url(param: str, waarde: str | None) -> None:
    """Put the selection in the URL (or take it out)."""
    if waarde is None:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != waarde:
        st.query_params[param] = waarde


def kies(param: str, bronnen: dict[str, str | None], geldig: set[str], wat: str, kaart: str = "") -> str | None:
    """The current selection of a map: the source that changed last wins (a click, a search), the URL on first
    opening. ``geldig`` holds every code this page shows this user; a code outside it is refused and cleared.
    ``wat`` names the kind of thing in the refusal ("postcodegebied", "locatie"); ``kaart`` names the map (each
    map remembers its own selection)."""
    sleutel = f"_selectie_{kaart}_{param}"
    state = st.session_state.get(sleutel)
    if state is None:
        ruw = st.query_params.get(param)
        waarde = uit_url(param)
        if ruw is not None and (waarde is None or waarde not in geldig):
            st.info(f"De {wat} uit de link staat niet op deze kaart of is voor u niet zichtbaar; "
                    "de kaart toont het overzicht.", icon=":material/link_off:")
            waarde = None
        state = {"bronnen": {}, "waarde": waarde}
    waarde = state["waarde"]
    for naam, nieuw in bronnen.items():
        if nieuw != state["bronnen"].get(naam) and nieuw is not None:
            waarde = nieuw
    if waarde is not None and waarde not in geldig:
        waarde = None
    st.session_state[sleutel] = {"bronnen": dict(bronnen), "waarde": waarde}
    naar_url(param, waarde)
    return waarde

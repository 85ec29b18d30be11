"""The frame around every page: the sidebar with the geography in use and the source credits."""

from __future__ import annotations

import streamlit as st

from dashboard import db

CREDIT = "Grenzen: CBS / Kadaster (CC BY 4.0). Cijfers Wijkprofiel: gemeente Rotterdam, OBI."


def sidebar() -> None:
    """Draw the shared sidebar once, from the entry script."""
    with st.sidebar:
        geo = db.geografie()
        if geo is None:
            st.warning("Er zijn nog geen gebieden geladen. Draai `hkd demo` of `hkd load gebieden`.")
        elif geo.soort == "schematisch":
            st.info(f"Geografie: **schematisch**. {geo.omschrijving}. Grenzen zijn bij benadering.")
        else:
            st.caption(f"Geografie: {geo.omschrijving}.")
        st.caption(CREDIT)

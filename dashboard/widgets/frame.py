"""The frame around every page: who is signed in (with logout), the geography in use and the source credits."""

from __future__ import annotations

import streamlit as st

from dashboard import db
from dashboard.toegang import auth

CREDIT = "Grenzen: CBS / Kadaster (CC BY 4.0). Cijfers Wijkprofiel: gemeente Rotterdam, OBI."


def account() -> None:
    """Who is signed in, with a logout button; one-off notices (expired, signed out)."""
    notice = auth.pop_notice()
    if notice:
        st.info(notice, icon=":material/info:")
    user = auth.current_user()
    if user.rol == "publiek":
        st.caption("Niet ingelogd: u ziet de openbare gegevens.")
        return
    extra = f", aanbieder {user.aanbieder_code}" if user.aanbieder_code else ""
    st.caption(f"Ingelogd als **{user.naam}** ({auth.ROL_NAMEN[user.rol]}{extra}).")
    if st.button("Uitloggen", key="uitloggen_zijbalk", icon=":material/logout:"):
        if not auth.logout():  # an OIDC logout redirects the browser itself
            st.rerun()


# Streamlit writes "Press Enter to apply" / "Press Enter to submit form" under a text field while typing, in English
# and without a way to translate it; the labels and buttons say what to do, so the hint is not shown.
STIJL = "<style>[data-testid='InputInstructions']{display:none}</style>"


def sidebar() -> None:
    """Draw the shared sidebar once, from the entry script (with the page-wide style)."""
    st.html(STIJL)
    with st.sidebar:
        account()
        if db.demo_geladen():
            # a caption, not a warning: page tests (and people) read warnings as something to act on
            st.caption("**Demo, fictitief.** In deze omgeving is de demo geladen: locaties, aanbieders, besluiten en "
                       "cijfers met bron 'Demo' zijn verzonnen, gevormd naar het convenant en *Veerkracht in "
                       "Rotterdam*.")
        geo = db.geografie()
        if geo is None:
            st.warning("Er zijn nog geen gebieden geladen. Draai `hkd demo` of `hkd load gebieden`.")
        elif geo.soort == "schematisch":
            st.info(f"Geografie: **schematisch**. {geo.omschrijving}. Grenzen zijn bij benadering.")
        else:
            st.caption(f"Geografie: {geo.omschrijving}.")
        st.caption(CREDIT)

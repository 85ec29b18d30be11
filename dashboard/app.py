"""HKD Kaart: the only entry script. Page config, navigation with sections, the shared sidebar."""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the project root.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st  # noqa: E402

from dashboard import frame  # noqa: E402

st.set_page_config(page_title="HKD Kaart", page_icon=":material/map:", layout="wide")

PAGES = Path(__file__).resolve().parent / "pages"
navigation = st.navigation(
    {
        "Kaarten": [
            st.Page(PAGES / "openbare_kaart.py", title="Openbare kaart", icon=":material/map:", default=True),
            st.Page(PAGES / "aanbiederskaart.py", title="Aanbiederskaart", icon=":material/home_work:"),
        ],
        "Sturingsoverleg": [
            st.Page(PAGES / "escalatieladder.py", title="Escalatieladder", icon=":material/stairs:"),
            st.Page(PAGES / "overleg.py", title="Overleg", icon=":material/groups:"),
            st.Page(PAGES / "draagkrachtscan.py", title="Draagkrachtscan", icon=":material/balance:"),
        ],
        "Analyse": [st.Page(PAGES / "wijktrends.py", title="Wijktrends", icon=":material/trending_up:")],
        "Beheer": [
            st.Page(PAGES / "beheer.py", title="Beheer", icon=":material/settings:"),
            st.Page(PAGES / "locatieregister.py", title="Locatieregister", icon=":material/upload_file:"),
        ],
        "Account": [st.Page(PAGES / "inloggen.py", title="Inloggen", icon=":material/login:", url_path="inloggen")],
    }
)
frame.sidebar()
navigation.run()

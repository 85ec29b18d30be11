"""HKD Kaart: the only entry script. Page config, navigation by role, the shared sidebar."""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the project root.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import streamlit as st  # noqa: E402

from dashboard import inzage, navigation  # noqa: E402
from dashboard.toegang import auth
from dashboard.widgets import frame

ICON = Path(__file__).resolve().parent / "icon.png"  # local: a Material icon would be fetched from Google

st.set_page_config(page_title="HKD Kaart", page_icon=str(ICON), layout="wide")

pages = navigation.build_pages()
current = st.navigation(pages, position="hidden")
inzage.merk_pagina()
navigation.sidebar_links(pages, auth.current_user().rol)
frame.sidebar()
current.run()

"""Beheer: what is loaded, and the latest writes from the audit log (HKD role only)."""

import streamlit as st

from dashboard import db
from dashboard.auth import require_role
from queries.overzicht import gebieden_per_niveau, recente_audit

st.title("Beheer")
require_role("hkd")
st.page_link("pages/locatieregister.py", label="Locatieregister importeren (CSV of Excel)",
             icon=":material/upload_file:")
st.subheader("Geladen gebieden")
st.dataframe(db.run_query(gebieden_per_niveau), hide_index=True, width="stretch")
st.subheader("Laatste wijzigingen (auditlog)")
st.dataframe(db.run_query(recente_audit, 50), hide_index=True, width="stretch")

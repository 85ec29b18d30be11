"""Beheer: what is loaded, and the latest writes from the audit log."""

import streamlit as st

from dashboard import db
from queries.overzicht import gebieden_per_niveau, recente_audit

st.title("Beheer")
st.subheader("Geladen gebieden")
st.dataframe(db.run_query(gebieden_per_niveau), hide_index=True, width="stretch")
st.subheader("Laatste wijzigingen (auditlog)")
st.dataframe(db.run_query(recente_audit, 50), hide_index=True, width="stretch")

"""Clients of services outside the project (PDOK Locatieserver, ...): HTTP only, no database, no Streamlit."""

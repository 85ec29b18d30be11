"""Inloggen: OIDC (production) or the local account store (demo, development); logout when signed in."""

import streamlit as st

from dashboard.toegang import auth

st.title("Inloggen")
user = auth.current_user()

if user.rol != "publiek":
    st.success(f"Ingelogd als {user.naam} ({auth.ROL_NAMEN[user.rol]}"
               + (f", aanbieder {user.aanbieder_code}" if user.aanbieder_code else "") + ").")
    if st.button("Uitloggen", key="uitloggen_pagina"):
        if not auth.logout():  # an OIDC logout redirects the browser itself
            st.rerun()
    st.stop()

st.write(
    "Zonder inloggen ziet u de openbare kaart. Zorgaanbieders zien na inloggen hun eigen laag; de gemeente en het "
    "Sturingsoverleg zien de locaties op adresniveau en de draagkrachtscan."
)
if auth.oidc_configured():
    st.button("Inloggen met uw organisatie-account", on_click=st.login, type="primary")
if auth.local_login_enabled():
    with st.form("inloggen", clear_on_submit=False):
        naam = st.text_input("Gebruikersnaam", autocomplete="username")
        wachtwoord = st.text_input("Wachtwoord", type="password", autocomplete="current-password")
        verstuurd = st.form_submit_button("Inloggen", type="primary")
    if verstuurd:
        ingelogd, melding = auth.login_local(naam, wachtwoord)
        if ingelogd is None:
            st.error(melding, icon=":material/block:")
        else:
            st.rerun()
    st.caption(
        f"Een sessie verloopt na {auth.session_minutes()} minuten zonder activiteit. Na "
        f"{auth.max_attempts()} mislukte pogingen wordt een account tijdelijk geblokkeerd."
    )
elif not auth.oidc_configured():
    st.info("Inloggen is op deze server niet ingericht. Zie de README, 'Roles and login'.")

"""Beheer: what is loaded, and the latest writes from the audit log (HKD role only)."""

import streamlit as st

from core.taal import tijdstip
from dashboard.beheer import view
from dashboard.toegang.auth import require_role
from dashboard.widgets import tabel

PUBLICATIE_KOLOMMEN = {"id": "Nr.", "tijd": "Tijd", "door": "Door", "status": "Status", "aanleiding": "Aanleiding",
                       "data_versie": "Dataversie", "checksum": "Controlegetal", "map": "Map",
                       "bestanden": "Bestanden", "bytes": "Bytes", "duur_ms": "Duur (ms)", "fout": "Fout"}
GEBIED_KOLOMMEN = {"niveau": "Niveau", "aantal": "Aantal", "jaar": "Jaar", "bron": "Bron"}
AUDIT_KOLOMMEN = {"tijd": "Tijd", "gebruiker": "Gebruiker", "db_rol": "Databaserol", "actie": "Actie",
                  "tabel": "Tabel", "rij_id": "Rij"}

st.title("Beheer")
require_role("hkd")
st.page_link("pages/locatieregister.py", label="Locatieregister importeren (CSV of Excel)",
             icon=":material/upload_file:")
st.subheader("Openbare kaart (gepubliceerde site)")
stand = view.publicatie_stand()
if stand.laatste_gelukt is None and stand.mislukt is None:
    st.info("De openbare kaart is nog niet gepubliceerd. `hkd run` publiceert bij de start; handmatig: "
            "`hkd publiceer`.")
if stand.laatste_gelukt is not None:
    g = stand.laatste_gelukt
    st.success(f"Live sinds {tijdstip(g.tijd)}: dataversie {g.data_versie}, controlegetal "
               f"{(g.checksum or '')[:16]}… (aanleiding: {g.aanleiding or 'onbekend'}).")
if stand.mislukt is not None:
    m = stand.mislukt
    st.error(f"De laatste publicatie is mislukt ({tijdstip(m.tijd)}, aanleiding: {m.aanleiding}). De vorige "
             f"publicatie blijft online staan. Reden:", icon=":material/error:")
    st.code(m.fout or "", language=None, wrap_lines=True)  # as text: the reason may hold anything
with st.expander("Publicatielog"):
    tabel.toon(view.recente_publicaties(20), kolommen=PUBLICATIE_KOLOMMEN, leeg="Nog geen publicaties.",
               hide_index=True, width="stretch")
st.subheader("Geladen gebieden")
tabel.toon(view.gebieden_per_niveau(), kolommen=GEBIED_KOLOMMEN, leeg="Er zijn nog geen gebieden geladen.",
           hide_index=True, width="stretch")
st.subheader("Laatste wijzigingen (auditlog)")
tabel.toon(view.recente_audit(50), kolommen=AUDIT_KOLOMMEN, leeg="Het auditlog is nog leeg.",
           hide_index=True, width="stretch")

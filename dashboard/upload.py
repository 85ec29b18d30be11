"""One way to take a file from a user: read it, show every problem with its row, never a traceback.

Used by every upload in the app (locatieregister, meldingen, uitstroom); the importers in ``data/`` validate, this
module only reads the upload and tells the user what is wrong, in Dutch, in a table they can download."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import streamlit as st

from core.taal import aantal
from data.locaties_import import Probleem
from data.spreadsheet import SpreadsheetFout
from reports.veilig import csv_bytes

NIETS_OPGESLAGEN = "Er is niets opgeslagen; verbeter het bestand en upload het opnieuw."


def lees_upload(bestand, lezer: Callable[[bytes, str], pd.DataFrame]) -> pd.DataFrame | None:
    """The uploaded file as a table, or ``None`` after telling the user why it is not one."""
    try:
        return lezer(bestand.getvalue(), bestand.name)
    except SpreadsheetFout as exc:  # not a table: every problem in Dutch
        st.error("Het bestand is niet ingelezen. " + NIETS_OPGESLAGEN, icon=":material/error:")
        st.dataframe(pd.DataFrame({"Probleem": list(exc.problemen)}), hide_index=True, width="stretch")
    except Exception as exc:  # noqa: BLE001 - whatever else a file does, the user gets a sentence, not a trace
        st.error(f"Het bestand kon niet worden gelezen als CSV of Excel ({type(exc).__name__}). " + NIETS_OPGESLAGEN,
                 icon=":material/error:")
    return None


def toon_problemen(problemen: Sequence[Probleem], bestandsnaam: str) -> None:
    """Every problem of a refused file: row, column, reason; downloadable to fix the file beside the table."""
    st.error(f"{aantal(len(problemen), 'probleem', 'problemen')} gevonden. " + NIETS_OPGESLAGEN, icon=":material/error:")
    tabel = pd.DataFrame([{"Rij": p.rij or "bestand", "Kolom": p.kolom, "Probleem": p.reden} for p in problemen],
                         columns=["Rij", "Kolom", "Probleem"]).astype({"Rij": str})
    st.dataframe(tabel, hide_index=True, width="stretch")
    st.download_button("Download problemen als CSV", csv_bytes(tabel), f"{bestandsnaam}_problemen.csv", "text/csv",
                       key=f"{bestandsnaam}_problemen_csv", on_click="ignore")

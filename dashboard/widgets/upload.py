"""One way to take a file from a user: read it, show every problem with its row, never a traceback.

Used by every upload in the app (locatieregister, meldingen, uitstroom); the importers in ``data/`` validate, this
module only reads the upload and tells the user what is wrong, in Dutch, in a table they can download, whether the
reader refused the file or its rows were refused."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd
import streamlit as st

from core.taal import aantal
from dashboard import db
from dashboard.widgets import downloads
from data.importeur import ImportGeweigerd, Probleem, weigering
from data.spreadsheet import SpreadsheetFout
from geo.herkomst import Bron
from reports.veilig import csv_bytes, md_tekst

NIETS_OPGESLAGEN = "Er is niets opgeslagen; verbeter het bestand en upload het opnieuw."


def lees_upload(bestand, lezer: Callable[[bytes, str], object]):
    """The uploaded file as the reader returns it, or ``None`` after showing every problem (downloadable)."""
    try:
        return lezer(bestand.getvalue(), bestand.name)
    except ImportGeweigerd as exc:
        toon_problemen(exc.problems, bestand.name)
    except SpreadsheetFout as exc:  # not a table: every problem in Dutch
        toon_problemen([Probleem(0, "", p) for p in exc.problemen], bestand.name)
    except Exception as exc:  # noqa: BLE001 - whatever else a file does, the user gets a sentence, not a trace
        toon_problemen([Probleem(0, "", f"het bestand kon niet worden gelezen als CSV of Excel "
                                        f"({type(exc).__name__})", bestand.name)], bestand.name)
    return None


def upload_tabel(label: str, key: str, lezer: Callable[[bytes, str], object]) -> tuple[object, str] | None:
    """A CSV or Excel upload read by ``lezer``: (the table, the file's name), or ``None`` while nothing is uploaded
    or after every problem of a refused file was shown."""
    bestand = st.file_uploader(label, type=["csv", "xlsx"], key=key)
    if bestand is None:
        return None
    tabel = lees_upload(bestand, lezer)
    return None if tabel is None else (tabel, bestand.name)


def plan_in_orde(plan, bestandsnaam: str) -> bool:
    """Whether a checked file may be loaded: its problems shown (no), or what the check noted (yes)."""
    if plan.problemen:
        toon_problemen(plan.problemen, bestandsnaam)
        return False
    for m in plan.meldingen:
        st.info(md_tekst(m), icon=":material/info:")
    return True


def toon_problemen(problemen: Sequence[Probleem], bestandsnaam: str) -> None:
    """Every problem of a refused file: row, column, reason; downloadable to fix the file beside the table."""
    st.error(f"{bestandsnaam}: {aantal(len(problemen), 'probleem', 'problemen')} gevonden. " + NIETS_OPGESLAGEN,
             icon=":material/error:")
    tabel = pd.DataFrame([{"Rij": p.rij or "bestand", "Kolom": p.kolom, "Probleem": p.reden} for p in problemen],
                         columns=["Rij", "Kolom", "Probleem"]).astype({"Rij": str})
    st.dataframe(tabel, hide_index=True, width="stretch")
    stam = Path(bestandsnaam).stem or "bestand"
    # one key for every file: a new upload replaces the button instead of leaving the previous file's beside it
    downloads.knop("Download problemen als CSV", csv_bytes(tabel, Bron(f"controle van {bestandsnaam} door HKD Kaart")), f"{stam}_problemen.csv", "text/csv",
                   key="upload_problemen_csv")


def schrijf_upload(fn: Callable[..., object], plan: object, bestandsnaam: str) -> object | None:
    """``db.run_write(fn, plan)``, or ``None`` after showing why it failed: a refusal of the importer with its
    problems, anything unforeseen (the database refusing a row) as one Dutch problem naming the file, downloadable
    like every other refusal; never the exception's own text, which may quote a row. A lost connection is the
    page's own Dutch notice (``db.DB_DOWN``); the load is one transaction, so nothing was stored."""
    try:
        return db.run_write(fn, plan)
    except ImportGeweigerd as exc:
        toon_problemen(exc.problems, bestandsnaam)
    except Exception as exc:  # noqa: BLE001 - the user gets a sentence, not a trace
        toon_problemen(weigering(exc, bestandsnaam).problems, bestandsnaam)
    return None

"""Exports of a meeting (Sturingsoverleg, Platform): agenda, besluitenlijst and actielijst as PDF (fpdf2) and Excel
(openpyxl), every text cell as text."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd

from core.kalender import vandaag
from geo import herkomst
from geo.agenda import aantal_agendapunten
from reports.veilig import FORMULE_TEKENS, cel, xlsx_tekstcellen

SOORT_NAAM = {"sturingsoverleg": "Sturingsoverleg", "platform": "Platform HKD"}
BESLUIT_SOORT = {"fase": "Fasebesluit", "beheer": "Beheer", "vrij": "Besluit", "advies": "Advies",
                 "goedkeuring": "Goedkeuring"}
ACTIE_STATUS = {"open": "open", "gereed": "gereed", "vervallen": "vervallen"}
# Where the rows of each meeting document come from (issue 22: every export names its source and its rule's origin)
BRON_AGENDA = ("Bron: de agenda van deze vergadering in HKD Kaart (voorgesteld uit fasen, beheeracties en "
               "actiepunten, vastgesteld door het secretariaat). " + herkomst.zin("agenda_volgorde"))
BRON_BESLUITEN = ("Bron: de besluiten van deze vergadering zoals vastgelegd in HKD Kaart (alleen toevoegen, nooit "
                  "overschreven). " + herkomst.zin("fasen"))
BRON_ACTIES = "Bron: de actiepunten van deze vergadering zoals vastgelegd in HKD Kaart."
# The visible mark of a document made on the demo (issue 22), as the scan PDF and every CSV's Bron column carry it
DEMO_ZIN = (f"{herkomst.DEMO_LABEL.capitalize()}: deze lijst is gemaakt op demogegevens, niet op echte locaties, "
            "besluiten en afspraken.")


def _bron(bron: str, demo: bool) -> str:
    """The source line, demo data marked (``demo, fictitief. Bron: ...``)."""
    return f"{herkomst.DEMO_LABEL.capitalize()}. {bron}" if demo else bron


def tabel_pdf(titel: str, ondertitel: str, tabel: pd.DataFrame, breedtes: tuple[int, ...] | None = None,
              toelichting: str = "", *, bron: str, demo: bool = False) -> bytes:
    """A landscape A4 PDF with a heading, an optional paragraph, the table and its source (``bron``: where the rows
    come from and where the rule that made them comes from), marked :data:`DEMO_ZIN` under the heading and in the
    source when ``demo``; DejaVu Sans when present, else a latin-1 core font."""
    # fpdf and its fonts: imported when a document is made, not with the Overleg page (as the Platform report)
    from fpdf.fonts import FontFace

    from reports.pdf import HkdPdf

    pdf = HkdPdf(orientation="L")
    pdf.set_auto_page_break(auto=True, margin=12)
    family, clean = pdf.family, pdf.t
    pdf.add_page()
    pdf.set_font(family, "B", 16)
    pdf.cell(0, 10, clean(titel), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 10)
    pdf.cell(0, 7, clean(ondertitel), new_x="LMARGIN", new_y="NEXT")
    if demo:
        pdf.set_font(family, "B", 10)
        pdf.multi_cell(0, 5, clean(DEMO_ZIN), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(family, "", 10)
    if toelichting:
        pdf.multi_cell(0, 5, clean(toelichting), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    if tabel.empty:
        pdf.cell(0, 8, "Geen regels.", new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.set_font(family, "", 8.5)
        with pdf.table(col_widths=breedtes, headings_style=FontFace(emphasis="BOLD"), line_height=4.6) as table:
            table.row([clean(str(c)) for c in tabel.columns])
            for values in tabel.itertuples(index=False):
                table.row([clean("" if pd.isna(v) else str(cel(v))) for v in values])
    pdf.ln(2)
    pdf.set_font(family, "", 8)
    pdf.multi_cell(0, 4, clean(_bron(bron, demo)), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def tabel_xlsx(titel: str, ondertitel: str, tabel: pd.DataFrame, blad: str, *, bron: str,
               demo: bool = False) -> bytes:
    """An Excel workbook: heading rows, then the table with a bold header and sensible column widths, and its
    source (``bron``) in the row under the table and on a sheet ``Bron`` of its own (as every CSV download has a
    Bron column, :func:`reports.veilig.csv_bytes`); with ``demo``, :data:`DEMO_ZIN` in the row above the table and
    the source marked."""
    from openpyxl import Workbook  # imported when a workbook is made, not with the Overleg page
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    bron = _bron(bron, demo)
    wb = Workbook()
    ws = wb.active
    ws.title = blad[:31]
    ws.append([titel])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([ondertitel])
    ws.append([DEMO_ZIN] if demo else [])
    if demo:
        ws["A3"].font = Font(bold=True, color="B00020")
    ws.append(list(tabel.columns))
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for values in tabel.itertuples(index=False):
        ws.append([None if pd.isna(v) else v for v in values])
    for row in ws.iter_rows(min_row=5):
        for cell in row:
            if isinstance(cell.value, str):  # text stays text: never a formula, whatever someone typed
                cell.data_type = "s"
                cell.number_format = "@"
                cell.quotePrefix = cell.value.startswith(FORMULE_TEKENS)
    for i, col in enumerate(tabel.columns, start=1):
        longest = max([len(str(col))] + [len(str(v)) for v in tabel[col]])
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest + 2))
    xlsx_tekstcellen(ws.iter_rows())  # every text cell a string, never a formula (names, reasons are user input)
    for row in ws.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.append([])
    ws.append([bron])
    xlsx_tekstcellen(ws.iter_rows(min_row=ws.max_row))  # the source is text too, never a formula
    ws.freeze_panes = "A5"
    herkomst = wb.create_sheet("Bron")
    herkomst.append(["Bron"])
    herkomst["A1"].font = Font(bold=True)
    herkomst.append([bron])
    herkomst.column_dimensions["A"].width = 100
    xlsx_tekstcellen(herkomst.iter_rows())
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# Meetings as records (hkd.vergaderingen) ------------------------------------------------------------------------


def vergadering_kop(soort: str, datum: date) -> str:
    """``"Sturingsoverleg 14-01-2027"``."""
    return f"{SOORT_NAAM.get(soort, soort)} {datum:%d-%m-%Y}"


def vergadering_agenda_tabel(punten: pd.DataFrame) -> pd.DataFrame:
    """The agenda of a meeting (``punten`` as from :func:`queries.vergaderingen.agendapunten`, only the items on
    the agenda): numbered items, then the hamerstukken as one item."""
    rows = []
    gewoon = punten[~punten["hamerstuk"]]
    for i, p in enumerate(gewoon.itertuples(index=False), start=1):
        rows.append({"Nr": str(i), "Agendapunt": p.titel, "Waarom op de agenda": "; ".join(p.redenen) or p.tekst})
    hamer = punten[punten["hamerstuk"]]
    if len(hamer):
        nr = len(gewoon) + 1
        rows.append({"Nr": str(nr), "Agendapunt": f"Hamerstukken ({len(hamer)}), zonder bespreking",
                     "Waarom op de agenda": "Routine: afhandeling zonder bespreking tenzij iemand erom vraagt"})
        for j, p in enumerate(hamer.itertuples(index=False), start=1):
            rows.append({"Nr": f"{nr}.{j}", "Agendapunt": p.titel, "Waarom op de agenda": "; ".join(p.redenen)})
    return pd.DataFrame(rows, columns=["Nr", "Agendapunt", "Waarom op de agenda"])


def vergadering_besluiten_tabel(besluiten: pd.DataFrame) -> pd.DataFrame:
    """The besluitenlijst of a meeting (as from :func:`queries.vergaderingen.besluitenlijst`)."""
    rows = []
    for i, b in enumerate(besluiten.itertuples(index=False), start=1):
        locatie = f"{b.code} {b.naam}" if isinstance(b.code, str) else ""
        besluit = b.tekst + (f" (corrigeert fasebesluit {int(b.corrigeert_id)})" if pd.notna(b.corrigeert_id) else "")
        rows.append({"Nr": i, "Soort": BESLUIT_SOORT.get(b.soort, b.soort), "Agendapunt": b.agendapunt or "",
                     "Locatie": locatie, "Besluit": besluit, "Vastgelegd door": b.vastgelegd_door})
    return pd.DataFrame(rows, columns=["Nr", "Soort", "Agendapunt", "Locatie", "Besluit", "Vastgelegd door"])


def acties_tabel(acties: pd.DataFrame) -> pd.DataFrame:
    """The actielijst of a meeting (as from :func:`queries.vergaderingen.acties`)."""
    rows = []
    for i, a in enumerate(acties.itertuples(index=False), start=1):
        deadline = a.deadline.strftime("%d-%m-%Y") if a.deadline is not None and pd.notna(a.deadline) else ""
        rows.append({"Nr": i, "Actie": a.omschrijving, "Eigenaar": a.eigenaar, "Deadline": deadline,
                     "Status": ACTIE_STATUS.get(a.status, a.status), "Agendapunt": a.agendapunt or ""})
    return pd.DataFrame(rows, columns=["Nr", "Actie", "Eigenaar", "Deadline", "Status", "Agendapunt"])


ENKELVOUD = {"besluiten": "besluit", "acties": "actie", "agendapunten": "agendapunt"}


def _vergadering_ondertitel(plaats: str, aantal: int, soort: str) -> str:
    waar = f"{plaats} · " if plaats else ""
    return f"{waar}{aantal} {ENKELVOUD.get(soort, soort) if aantal == 1 else soort} · gemaakt op {vandaag():%d-%m-%Y}"


def vergadering_agenda_pdf(soort: str, datum: date, plaats: str, punten: pd.DataFrame,
                           deelnemers: pd.DataFrame | None = None, *, demo: bool = False) -> bytes:
    """The agenda of a meeting as PDF, to send out before the meeting, with its attendees (``organisatie, rol``)."""
    tabel = vergadering_agenda_tabel(punten)
    wie = "" if deelnemers is None or deelnemers.empty else "Deelnemers: " + ", ".join(
        f"{r.organisatie} ({r.rol})" if r.rol else str(r.organisatie) for r in deelnemers.itertuples())
    # counted as the screen counts them: the hamerstukken (listed as 5.1, 5.2, ...) are one point together
    aantal = aantal_agendapunten(punten["hamerstuk"])
    return tabel_pdf(f"Agenda {vergadering_kop(soort, datum)}", _vergadering_ondertitel(
        plaats, aantal, "agendapunt" if aantal == 1 else "agendapunten"), tabel, (16, 110, 151), toelichting=wie,
        bron=BRON_AGENDA, demo=demo)


def vergadering_besluiten_pdf(soort: str, datum: date, plaats: str, besluiten: pd.DataFrame, *,
                              demo: bool = False) -> bytes:
    """The besluitenlijst of a meeting as PDF."""
    tabel = vergadering_besluiten_tabel(besluiten)
    return tabel_pdf(f"Besluitenlijst {vergadering_kop(soort, datum)}", _vergadering_ondertitel(
        plaats, len(tabel), "besluiten"), tabel, (10, 26, 60, 55, 85, 41), bron=BRON_BESLUITEN, demo=demo)


def vergadering_besluiten_xlsx(soort: str, datum: date, plaats: str, besluiten: pd.DataFrame, *,
                               demo: bool = False) -> bytes:
    """The besluitenlijst of a meeting as Excel (cells as text)."""
    tabel = vergadering_besluiten_tabel(besluiten)
    return tabel_xlsx(f"Besluitenlijst {vergadering_kop(soort, datum)}", _vergadering_ondertitel(
        plaats, len(tabel), "besluiten"), tabel, "Besluitenlijst", bron=BRON_BESLUITEN, demo=demo)


def acties_pdf(soort: str, datum: date, plaats: str, acties: pd.DataFrame, *,
               demo: bool = False) -> bytes:
    """The actielijst of a meeting as PDF."""
    tabel = acties_tabel(acties)
    return tabel_pdf(f"Actielijst {vergadering_kop(soort, datum)}", _vergadering_ondertitel(
        plaats, len(tabel), "acties"), tabel, (10, 100, 55, 24, 20, 68), bron=BRON_ACTIES, demo=demo)


def acties_xlsx(soort: str, datum: date, plaats: str, acties: pd.DataFrame, *,
                demo: bool = False) -> bytes:
    """The actielijst of a meeting as Excel (cells as text)."""
    tabel = acties_tabel(acties)
    return tabel_xlsx(f"Actielijst {vergadering_kop(soort, datum)}", _vergadering_ondertitel(
        plaats, len(tabel), "acties"), tabel, "Actielijst", bron=BRON_ACTIES, demo=demo)

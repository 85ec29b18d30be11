"""Exports of a Sturingsoverleg: the agenda and the besluitenlijst as PDF (fpdf2) and Excel (openpyxl)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date

import pandas as pd
from fpdf.fonts import FontFace
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.domain import BEHEERCOMMISSIE, BEHEERCONVENANT, FASE_BY_CODE
from reports.pdf import HkdPdf
from reports.veilig import cel, xlsx_tekstcellen

KOP = "HKD Sturingsoverleg"


def _fase_tekst(code: str | None) -> str:
    if not code or code not in FASE_BY_CODE:
        return "geen"
    return f"{code} ({FASE_BY_CODE[code].naam})"


def agenda_tabel(items: Iterable) -> pd.DataFrame:
    """The agenda as a table (items are :class:`queries.overleg.AgendaItem`)."""
    rows = [
        {"Nr": i, "Code": it.code, "Locatie": it.naam, "Fase": _fase_tekst(it.fase),
         "Waarom op de agenda": "; ".join(it.redenen)}
        for i, it in enumerate(items, start=1)
    ]
    return pd.DataFrame(rows, columns=["Nr", "Code", "Locatie", "Fase", "Waarom op de agenda"])


def _besluit_tekst(row) -> str:
    if row.soort == "fase":
        return f"Fase {_fase_tekst(row.fase)}"
    register = "meldingenregister aanwezig" if row.meldingenregister else "geen meldingenregister"
    datum = f" van {row.convenant_datum:%d-%m-%Y}" if row.convenant_datum is not None and pd.notna(row.convenant_datum) else ""
    return (f"Beheercommissie: {BEHEERCOMMISSIE.get(row.beheercommissie, row.beheercommissie).lower()}; "
            f"beheerconvenant: {BEHEERCONVENANT.get(row.beheerconvenant, row.beheerconvenant).lower()}{datum}; "
            f"{register}")


def besluiten_tabel(besluiten: pd.DataFrame) -> pd.DataFrame:
    """The besluitenlijst as a table (``besluiten`` as from :func:`queries.overleg.besluitenlijst`)."""
    rows = []
    for i, row in enumerate(besluiten.itertuples(index=False), start=1):
        correctie = f"corrigeert besluit {int(row.corrigeert_id)}" if pd.notna(row.corrigeert_id) else ""
        rows.append({
            "Nr": i, "Besluit-id": int(row.id), "Code": row.code, "Locatie": row.naam,
            "Ingangsdatum": row.ingangsdatum.strftime("%d-%m-%Y"), "Besluit": _besluit_tekst(row),
            "Reden / toelichting": row.toelichting, "Correctie": correctie, "Vastgelegd door": row.vastgelegd_door,
        })
    return pd.DataFrame(rows, columns=["Nr", "Besluit-id", "Code", "Locatie", "Ingangsdatum", "Besluit",
                                       "Reden / toelichting", "Correctie", "Vastgelegd door"])


def tabel_pdf(titel: str, ondertitel: str, tabel: pd.DataFrame, breedtes: tuple[int, ...] | None = None) -> bytes:
    """A landscape A4 PDF with a heading and the table; DejaVu Sans when present, else a latin-1 core font."""
    pdf = HkdPdf(orientation="L")
    pdf.set_auto_page_break(auto=True, margin=12)
    family, clean = pdf.family, pdf.t
    pdf.add_page()
    pdf.set_font(family, "B", 16)
    pdf.cell(0, 10, clean(titel), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 10)
    pdf.cell(0, 7, clean(ondertitel), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    if tabel.empty:
        pdf.cell(0, 8, "Geen regels.", new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.set_font(family, "", 8.5)
        with pdf.table(col_widths=breedtes, headings_style=FontFace(emphasis="BOLD"), line_height=4.6) as table:
            table.row([clean(str(c)) for c in tabel.columns])
            for values in tabel.itertuples(index=False):
                table.row([clean("" if pd.isna(v) else str(cel(v))) for v in values])
    return bytes(pdf.output())


def tabel_xlsx(titel: str, ondertitel: str, tabel: pd.DataFrame, blad: str) -> bytes:
    """An Excel workbook: heading rows, then the table with a bold header and sensible column widths."""
    wb = Workbook()
    ws = wb.active
    ws.title = blad[:31]
    ws.append([titel])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([ondertitel])
    ws.append([])
    ws.append(list(tabel.columns))
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for values in tabel.itertuples(index=False):
        ws.append([None if pd.isna(v) else v for v in values])
    for i, col in enumerate(tabel.columns, start=1):
        longest = max([len(str(col))] + [len(str(v)) for v in tabel[col]])
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest + 2))
    xlsx_tekstcellen(ws.iter_rows())  # every text cell a string, never a formula (names, reasons are user input)
    for row in ws.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A5"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _ondertitel(datum: date, aantal: int, soort: str) -> str:
    return f"Overleg van {datum:%d-%m-%Y} · {aantal} {soort} · gemaakt op {date.today():%d-%m-%Y}"


AGENDA_BREEDTES = (10, 24, 45, 60, 134)
BESLUITEN_BREEDTES = (8, 20, 20, 30, 25, 56, 60, 24, 34)


def agenda_pdf(datum: date, items: list) -> bytes:
    """The agenda of a meeting as PDF."""
    tabel = agenda_tabel(items)
    return tabel_pdf(f"{KOP}: agenda", _ondertitel(datum, len(tabel), "agendapunten"), tabel, AGENDA_BREEDTES)


def agenda_xlsx(datum: date, items: list) -> bytes:
    """The agenda of a meeting as Excel."""
    tabel = agenda_tabel(items)
    return tabel_xlsx(f"{KOP}: agenda", _ondertitel(datum, len(tabel), "agendapunten"), tabel, "Agenda")


def besluitenlijst_pdf(datum: date, besluiten: pd.DataFrame) -> bytes:
    """The besluitenlijst of a meeting as PDF."""
    tabel = besluiten_tabel(besluiten)
    return tabel_pdf(f"{KOP}: besluitenlijst", _ondertitel(datum, len(tabel), "besluiten"), tabel, BESLUITEN_BREEDTES)


def besluitenlijst_xlsx(datum: date, besluiten: pd.DataFrame) -> bytes:
    """The besluitenlijst of a meeting as Excel."""
    tabel = besluiten_tabel(besluiten)
    return tabel_xlsx(f"{KOP}: besluitenlijst", _ondertitel(datum, len(tabel), "besluiten"), tabel, "Besluitenlijst")

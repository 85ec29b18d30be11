"""Exports of a meeting: the agenda and the besluitenlijst as PDF and Excel that parse and hold the decisions."""

import io
from datetime import date

import openpyxl
import pypdf

from queries import overleg
from queries.besluiten import FaseBesluit, append_fase_besluit
from queries.lagen import as_layer
from reports import overleg_exports as exports

CORRECTIE_OVERLEG = date(2025, 11, 13)  # the demo meeting with a mistaken decision and its correction


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(p.extract_text() for p in reader.pages)


def _xlsx_rows(data: bytes) -> list[tuple]:
    return list(openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))


def test_besluitenlijst_pdf_and_excel_hold_a_new_decision(fresh_demo):
    vandaag = date.today()
    with as_layer(fresh_demo, "hkd", "t.tester") as conn:
        nieuw = append_fase_besluit(conn, FaseBesluit(1, "3a", vandaag, "Verbeterplan nodig; één meldingenpiek",
                                                      "t.tester", vandaag))
    with as_layer(fresh_demo, "hkd", "t.tester") as conn:
        lijst = overleg.besluitenlijst(conn, vandaag)
    pdf = exports.besluitenlijst_pdf(vandaag, lijst)
    assert pdf.startswith(b"%PDF")
    tekst = _pdf_text(pdf)
    assert "besluitenlijst" in tekst and "HKD-001" in tekst and "t.tester" in tekst
    assert "één meldingenpiek" in tekst.replace("\n", " "), "Dutch diacritics survive"
    rows = _xlsx_rows(exports.besluitenlijst_xlsx(vandaag, lijst))
    kop = rows.index(tuple(exports.besluiten_tabel(lijst).columns))
    data = rows[kop + 1:]
    assert len(data) == 1 and data[0][1] == nieuw and data[0][2] == "HKD-001"
    assert "3a" in data[0][5] and data[0][6] == "Verbeterplan nodig; één meldingenpiek"


def test_correction_is_marked_in_the_besluitenlijst(demo_engine):
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        lijst = overleg.besluitenlijst(conn, CORRECTIE_OVERLEG)
    tabel = exports.besluiten_tabel(lijst)
    assert len(tabel) == 2
    assert tabel["Correctie"].tolist() == ["", f"corrigeert besluit {int(lijst['id'].iloc[0])}"]
    assert "corrigeert besluit" in _pdf_text(exports.besluitenlijst_pdf(CORRECTIE_OVERLEG, lijst))


def test_agenda_pdf_and_excel_list_every_item_in_order(demo_engine):
    datum = date(2025, 9, 11)
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        items = overleg.agenda(conn, datum)
    tekst = _pdf_text(exports.agenda_pdf(datum, items))
    posities = [tekst.find(i.code) for i in items]
    assert all(p >= 0 for p in posities) and posities == sorted(posities)
    rows = _xlsx_rows(exports.agenda_xlsx(datum, items))
    codes = [r[1] for r in rows[4:]]
    assert codes == [i.code for i in items]
    assert rows[0][0] == "HKD Sturingsoverleg: agenda" and "11-09-2025" in rows[1][0]


def test_empty_besluitenlijst_still_exports(demo_engine):
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        lijst = overleg.besluitenlijst(conn, date(2020, 1, 1))
    assert "Geen regels" in _pdf_text(exports.besluitenlijst_pdf(date(2020, 1, 1), lijst))
    assert len(_xlsx_rows(exports.besluitenlijst_xlsx(date(2020, 1, 1), lijst))) == 4


def test_meeting_lists_in_excel_are_text_never_formulas():
    import io as _io
    from datetime import datetime

    import openpyxl as _openpyxl
    import pandas as pd

    from reports import overleg_exports as ex

    besluiten = pd.DataFrame([{
        "id": 1, "soort": "vrij", "tekst": '=HYPERLINK("http://x","klik")', "agendapunt": "@SUM(A1)", "code": None,
        "naam": None, "fase": None, "ingangsdatum": None, "corrigeert_id": None, "fase_besluit_id": None,
        "vastgelegd_door": "-t.tester", "vastgelegd_op": datetime(2027, 1, 14, 10)}])
    acties = pd.DataFrame([{"id": 1, "omschrijving": "+31 bellen", "eigenaar": "=cmd|' /C calc'!A0",
                            "deadline": date(2027, 3, 1), "status": "open", "agendapunt": None, "code": None}])
    for data in (ex.vergadering_besluiten_xlsx("sturingsoverleg", date(2027, 1, 14), "", besluiten),
                 ex.acties_xlsx("sturingsoverleg", date(2027, 1, 14), "", acties)):
        ws = _openpyxl.load_workbook(_io.BytesIO(data)).active
        cellen = [c for row in ws.iter_rows(min_row=5) for c in row if isinstance(c.value, str)]
        assert cellen and not any(c.data_type == "f" for c in cellen), "never a formula cell"
        # neutralised the OWASP way: a leading quote before = + - @ (reports/veilig.py), stored as text
        neutraal = [c for c in cellen if c.value[:1] == "'" and c.value[1:2] in "=+-@"]
        assert neutraal and all(c.data_type == "s" for c in neutraal)
    pdf = ex.vergadering_besluiten_pdf("platform", date(2027, 1, 14), "Stadhuis", besluiten)
    assert pdf.startswith(b"%PDF")

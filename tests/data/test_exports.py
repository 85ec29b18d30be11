"""Exports of a meeting: the agenda and the besluitenlijst as PDF and Excel that parse and hold the decisions."""

import io
from datetime import date

import openpyxl
import pypdf
from sqlalchemy import text

from core import kalender
from queries import vergaderingen as vg
from queries.besluiten import FaseBesluit
from queries.lagen import as_layer
from reports import overleg_exports as exports

CORRECTIE_OVERLEG = date(2025, 11, 13)  # the demo meeting with a mistaken decision and its correction


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(p.extract_text() for p in reader.pages)


def _xlsx_rows(data: bytes) -> list[tuple]:
    return list(openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))


def _vergadering(conn, datum: date) -> int:
    return conn.execute(text("SELECT id FROM hkd.vergaderingen WHERE soort = 'sturingsoverleg' AND datum = :d"),
                        {"d": datum}).scalar_one()


def test_besluitenlijst_pdf_and_excel_hold_a_new_decision(fresh_demo):
    vandaag = kalender.vandaag()
    with as_layer(fresh_demo, "hkd", "t.tester") as conn:
        v = vg.maak_vergadering(conn, "sturingsoverleg", date(2031, 5, 8), "Stadhuis")
        vg.leg_fasebesluit_vast(conn, v, None, FaseBesluit(1, "3a", vandaag, "Verbeterplan nodig; één meldingenpiek",
                                                           "t.tester", date(2031, 5, 8)))
        lijst = vg.besluitenlijst(conn, v)
    pdf = exports.vergadering_besluiten_pdf("sturingsoverleg", date(2031, 5, 8), "Stadhuis", lijst)
    assert pdf.startswith(b"%PDF")
    tekst = " ".join(_pdf_text(pdf).split())
    assert "Besluitenlijst Sturingsoverleg 08-05-2031" in tekst and "HKD-001" in tekst and "t.tester" in tekst
    assert "één meldingenpiek" in tekst, "Dutch diacritics survive"
    rows = _xlsx_rows(exports.vergadering_besluiten_xlsx("sturingsoverleg", date(2031, 5, 8), "Stadhuis", lijst))
    kop = rows.index(tuple(exports.vergadering_besluiten_tabel(lijst).columns))
    data = rows[kop + 1:-2]  # then a blank row and the source
    assert rows[-1][0] == exports.BRON_BESLUITEN and not any(rows[-2])
    assert len(data) == 1 and data[0][1] == "Fasebesluit" and str(data[0][3]).startswith("HKD-001")
    assert data[0][4] == "Fase 3a: Verbeterplan nodig; één meldingenpiek"


def test_correction_is_marked_in_the_besluitenlijst(demo_engine):
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        lijst = vg.besluitenlijst(conn, _vergadering(conn, CORRECTIE_OVERLEG))
    fase = lijst[lijst["soort"] == "fase"]
    gecorrigeerd = fase[fase["corrigeert_id"].notna()]
    assert len(gecorrigeerd) == 1
    tabel = exports.vergadering_besluiten_tabel(lijst)
    correctie = f"(corrigeert fasebesluit {int(gecorrigeerd['corrigeert_id'].iloc[0])})"
    assert sum(correctie in b for b in tabel["Besluit"]) == 1
    pdf = exports.vergadering_besluiten_pdf("sturingsoverleg", CORRECTIE_OVERLEG, "", lijst)
    assert correctie in " ".join(_pdf_text(pdf).split())


def test_agenda_pdf_lists_every_item_in_order_and_the_attendees(demo_engine):
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        v = conn.execute(text("SELECT id, datum, plaats FROM hkd.vergaderingen WHERE status = 'in_voorbereiding'")).one()
        punten = vg.agendapunten(conn, v.id)
        deelnemers = vg.deelnemers(conn, v.id)
    agenda = punten[punten["status"].isin(["voorgesteld", "aanvaard"])]
    tabel = exports.vergadering_agenda_tabel(agenda)
    assert len(agenda) and len(deelnemers)
    tekst = " ".join(_pdf_text(exports.vergadering_agenda_pdf("sturingsoverleg", v.datum, v.plaats or "", agenda,
                                                               deelnemers)).split())
    posities = [tekst.find(" ".join(str(t).split())[:25]) for t in tabel["Agendapunt"]]
    assert all(p >= 0 for p in posities) and posities == sorted(posities)
    assert "Deelnemers:" in tekst and all(str(o) in tekst for o in deelnemers["organisatie"])
    # the PDF counts the points as the screen's steps do: the hamerstukken (5.1, 5.2, ...) are one point together
    # (it said "24 agendapunten" for 13 points on the screen)
    hamer = int(agenda["hamerstuk"].sum())
    assert hamer >= 2, "the demo agenda bundles hamerstukken"
    assert f" {len(agenda) - hamer + 1} agendapunten" in tekst and f" {len(tabel)} agendapunten" not in tekst


def test_empty_besluitenlijst_still_exports(fresh_demo):
    with as_layer(fresh_demo, "hkd", "t.tester") as conn:
        lijst = vg.besluitenlijst(conn, vg.maak_vergadering(conn, "platform", date(2031, 6, 5)))
    assert "Geen regels" in _pdf_text(exports.vergadering_besluiten_pdf("platform", date(2031, 6, 5), "", lijst))
    rows = _xlsx_rows(exports.vergadering_besluiten_xlsx("platform", date(2031, 6, 5), "", lijst))
    assert len(rows) == 6 and rows[-1][0] == exports.BRON_BESLUITEN  # title, subtitle, blank, header, blank, source
    blad = openpyxl.load_workbook(io.BytesIO(exports.vergadering_besluiten_xlsx("platform", date(2031, 6, 5), "",
                                                                               lijst)))["Bron"]
    assert [c.value for c in blad["A"]] == ["Bron", exports.BRON_BESLUITEN]  # the source on a sheet of its own


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


def test_positive_control_real_data_carry_no_demo_mark():
    import pandas as pd

    leeg = pd.DataFrame(columns=["soort", "agendapunt", "code", "naam", "tekst", "corrigeert_id", "vastgelegd_door"])
    for demo in (False, True):
        pdf = " ".join(_pdf_text(exports.vergadering_besluiten_pdf("platform", date(2031, 6, 5), "", leeg,
                                                                   demo=demo)).split())
        rows = _xlsx_rows(exports.vergadering_besluiten_xlsx("platform", date(2031, 6, 5), "", leeg, demo=demo))
        assert ("demo" in pdf.lower()) is demo and (exports.DEMO_ZIN in pdf) is demo
        assert (rows[2][0] == exports.DEMO_ZIN) is demo and rows[-1][0].startswith("Demo, fictitief.") is demo

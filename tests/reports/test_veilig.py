"""No export contains a formula, no markup context runs a user's string (read back, not assumed)."""

from __future__ import annotations

import csv
import html
import io
from datetime import date

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.herkomst import Bron
from reports import overleg_exports as exports
from reports.openbare_kaart_html import Pc4Figuur, render
from reports.veilig import cel, csv_bytes, html_tekst, md_tekst, veilige_tabel
from tests.data.hostile import PAYLOADS

FORMULE = ("=", "+", "-", "@", "\t", "\r")


def _geen_formules(data: bytes) -> list[str]:
    """Every cell of every sheet that is a formula or would be read as one (empty list: none)."""
    fout = []
    wb = openpyxl.load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        for rij in ws.iter_rows():
            for c in rij:
                if c.data_type == "f" or (isinstance(c.value, str) and c.value.startswith(FORMULE)):
                    fout.append(f"{ws.title}!{c.coordinate}: {c.value!r}")
    return fout


@pytest.mark.parametrize("payload", PAYLOADS)
def test_cel_neutralises_formula_characters_and_leaves_numbers(payload):
    uit = cel(payload)
    assert not uit.startswith(FORMULE) or payload[0] not in "=+-@\t\r"
    assert uit.endswith(payload)
    assert cel(-3) == -3 and cel(2.5) == 2.5 and cel(None) is None and cel("Huis") == "Huis"


def _hostile_besluiten() -> pd.DataFrame:
    return pd.DataFrame([{"id": i, "soort": "vrij", "tekst": p, "agendapunt": p, "code": f"H-{i}", "naam": p,
                          "fase": None, "ingangsdatum": None, "corrigeert_id": None, "fase_besluit_id": None,
                          "vastgelegd_door": p, "vastgelegd_op": None} for i, p in enumerate(PAYLOADS, start=1)])


def test_besluitenlijst_and_actielijst_excel_hold_no_formula_even_with_hostile_text():
    data = exports.vergadering_besluiten_xlsx("sturingsoverleg", date(2026, 1, 5), "=Stadhuis", _hostile_besluiten())
    assert _geen_formules(data) == []
    waarden = [c for rij in openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True)
               for c in rij if isinstance(c, str)]
    assert "'=HYPERLINK(\"http://x\",\"klik\")" in waarden, "the text is kept, visibly neutralised"
    acties = pd.DataFrame([{"id": i, "omschrijving": p, "eigenaar": p, "deadline": None, "status": "open",
                            "agendapunt": p, "code": None} for i, p in enumerate(PAYLOADS, start=1)])
    assert _geen_formules(exports.acties_xlsx("platform", date(2026, 1, 5), "", acties)) == []
    tabel = pd.DataFrame({"Naam": list(PAYLOADS), "Aantal": range(len(PAYLOADS))})
    assert _geen_formules(exports.tabel_xlsx("=titel", "@sub", tabel, "=blad", bron="=bron")) == []


def test_agenda_and_besluitenlijst_pdf_render_hostile_text_as_text():
    punten = pd.DataFrame({"titel": list(PAYLOADS), "redenen": [[p] for p in PAYLOADS], "tekst": list(PAYLOADS),
                           "hamerstuk": [False] * len(PAYLOADS)})
    deelnemers = pd.DataFrame({"organisatie": list(PAYLOADS), "rol": list(PAYLOADS)})
    pdf = exports.vergadering_agenda_pdf("sturingsoverleg", date(2026, 1, 5), "<b>zaal</b>", punten, deelnemers)
    assert pdf.startswith(b"%PDF")
    assert exports.vergadering_besluiten_pdf("platform", date(2026, 1, 5), "", _hostile_besluiten()).startswith(b"%PDF")


def _cellen(data: bytes, sep: str, quotes: bool) -> list[list[str]]:
    """The cells a program sees when it splits the download at ``sep`` (with or without honouring quotes)."""
    tekst = data.decode("utf-8-sig")
    if quotes:
        return list(csv.reader(io.StringIO(tekst, newline=""), delimiter=sep))
    return [regel.split(sep) for regel in tekst.replace("\r", "\n").split("\n")]


def _live(cel_tekst: str) -> bool:
    """A cell a spreadsheet would evaluate: a formula character after any quotes, spaces, tabs or line breaks."""
    kaal = cel_tekst.strip(' \t\r\n"')
    if not kaal.startswith(("=", "+", "-", "@")):
        return False
    try:  # a negative number is no formula, in either notation
        float(kaal.rstrip('"').replace(",", "."))
    except ValueError:
        return True
    return False


def test_csv_downloads_open_in_dutch_excel_with_numbers_and_no_formula_either_way():
    frame = pd.DataFrame({"=kop": [*PAYLOADS, " =1+1", "x;=1+1", "a,=1+1", "regel\n=1+1", "ok, -20 dB"],
                          "getal": [-1.5] * (len(PAYLOADS) + 5)})
    data = csv_bytes(frame, Bron('=HYPERLINK("http://x";"y")', "-uitgever"))  # a hostile source is text too
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel shows é and € right
    rijen = _cellen(data, ";", quotes=True)  # Excel with Dutch settings
    assert rijen[0] == ["'=kop", "getal", "Bron"]
    assert rijen[1][2] == "'=HYPERLINK(\"http://x\";\"y\"), '-uitgever"
    assert {r[1] for r in rijen[1:] if r} == {"-1,5"}  # decimal comma: Dutch Excel reads a number
    assert [r[0] for r in rijen[1:] if r][-4:] == ["x;'=1+1", "a,'=1+1", "regel\n'=1+1", "ok, '-20 dB"]
    for sep in (";", ",", "\t"):
        for quotes in (True, False):
            live = [c for r in _cellen(data, sep, quotes) for c in r if _live(c)]
            assert live == [], (sep, quotes, live)
    assert veilige_tabel(pd.DataFrame({"a": ["x"]}))["a"].iloc[0] == "x"


@settings(max_examples=400)
@given(st.lists(st.text(alphabet=st.sampled_from(list(" =+-@\t\r\n;,\"'ab1")), max_size=30) | st.text(max_size=30),
                min_size=1, max_size=5))
def test_no_text_becomes_a_live_cell_whatever_the_separator(teksten):
    data = csv_bytes(pd.DataFrame({"tekst": teksten, "getal": [2.5] * len(teksten)}), Bron(teksten[0] or "x"))
    for sep in (";", ","):
        for quotes in (True, False):
            try:
                cellen = _cellen(data, sep, quotes)
            except csv.Error:
                continue
            assert [c for r in cellen for c in r if _live(c)] == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_tekst_leaves_no_markup_no_template_and_no_backtick(payload):
    uit = html_tekst(payload)
    for teken in "<>\"'`${}":
        assert teken not in uit
    assert html_tekst(None) == "" and html_tekst(float("nan")) == ""


def test_static_public_map_escapes_and_neutralises_place_names():
    vierkant = {"type": "Polygon", "coordinates": [[[4.47, 51.91], [4.48, 51.91], [4.48, 51.92], [4.47, 51.91]]]}
    figuren = [Pc4Figuur(str(3011 + i), p, 12, 40, vierkant) for i, p in enumerate(PAYLOADS)]
    uit = render(figuren, [], [], "CBS", "01-01-2026")
    assert "<script>" not in uit and "onerror=" not in uit.replace("onerror=&quot;", "")
    assert "<img" not in uit and "<td>=HYPERLINK" not in uit and "<td>'=HYPERLINK" in uit.replace("&#x27;", "'")


# Markdown: what a user typed is shown literally (CommonMark, as Streamlit's renderer parses it) --------------------
def _markdown_html(tekst: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").render(tekst)


@pytest.mark.parametrize("invoer", [
    "[klik hier](https://evil.example/inloggen)", "![x](https://evil.example/pixel.png)", "<img src=x onerror=alert(1)>",
    "<https://evil.example>", "# Kop", "- lijst", "1. lijst", "**vet** _schuin_ `code`", "&lt;b&gt;", "a\n\n===\n",
    "regel\n- item", "[a]: https://evil.example\n[a]", "HKD-010 Huis 't Anker (5 plaatsen)",
])
def test_markdown_text_renders_as_exactly_the_typed_text(invoer):
    uit = _markdown_html(md_tekst(invoer))
    assert "<a" not in uit and "<img" not in uit and "<h" not in uit and "<li" not in uit and "<strong" not in uit
    assert "<code" not in uit and "<em" not in uit
    assert html.unescape(uit.removeprefix("<p>").removesuffix("</p>\n")) == " ".join(invoer.split())


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80))
def test_markdown_text_of_any_string_is_one_plain_paragraph(invoer):
    uit = _markdown_html(md_tekst(invoer))
    gewoon = " ".join(invoer.split())
    if not gewoon:
        return
    assert uit.startswith("<p>") and uit.count("<") == 2  # one paragraph, no other element
    assert html.unescape(uit.removeprefix("<p>").removesuffix("</p>\n")) == gewoon


def test_meeting_exports_name_their_source_and_rule_origin():
    """Issue 22: every PDF and Excel export of a meeting says where its rows come from, in the PDF and in the sheet."""
    import pypdf

    besluiten = _hostile_besluiten()
    xlsx = openpyxl.load_workbook(io.BytesIO(exports.vergadering_besluiten_xlsx("sturingsoverleg", date(2027, 1, 14),
                                                                                "Stadhuis", besluiten)))
    waarden = [c.value for rij in xlsx.active.iter_rows() for c in rij if c.value]
    assert exports.BRON_BESLUITEN in waarden
    assert "Herkomst van de regel: Convenant Huisvesting Kwetsbare Doelgroepen" in exports.BRON_BESLUITEN
    pdf = exports.vergadering_besluiten_pdf("sturingsoverleg", date(2027, 1, 14), "Stadhuis", besluiten)
    tekst = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Bron: de besluiten van deze vergadering zoals vastgelegd in HKD Kaart" in tekst
    assert "keuze HKD Kaart, agenda van het Sturingsoverleg" in exports.BRON_AGENDA

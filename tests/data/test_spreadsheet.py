"""The shared spreadsheet reader against the hostile corpus, and Dutch numbers (no database needed)."""

from __future__ import annotations

import pytest

from data.importeur import ImportGeweigerd
from data.locaties_import import lees_bestand
from data.spreadsheet import AANTAL, RATIO, SpreadsheetFout, decimaalteken, lees_getal, lees_tabel
from tests.data.hostile import register_corpus

CORPUS = register_corpus()


@pytest.mark.parametrize("naam", sorted(CORPUS))
def test_register_corpus_is_read_right_or_refused_with_file_row_and_reason(naam):
    raw, verwacht = CORPUS[naam]
    if verwacht.startswith("plan:"):
        lees_bestand(raw, naam)  # readable; the row check refuses it (tests/data/test_hostile_entry_points.py)
        return
    if verwacht == "ok":
        tabel = lees_bestand(raw, naam)
        rijen = [r for r in tabel.rijen if r.waarden["code"]]
        assert [r.waarden["code"] for r in rijen] == ["H-001", "H-002"]
        assert rijen[1].nummer == rijen[0].nummer + 1
        assert rijen[0].waarden["x"] == "92700"
        return
    with pytest.raises(ImportGeweigerd) as err:
        lees_bestand(raw, naam)
    tekst = "\n".join(map(str, err.value.problems))
    assert verwacht in tekst
    assert naam in tekst, "the message names the file"


def test_the_rows_numbers_are_the_spreadsheet_rows_even_below_a_title():
    raw, _ = CORPUS["titel-boven-kop.csv"]
    tabel = lees_tabel(raw, "r.csv", verplicht=["code", "naam"])
    assert tabel.kopregel == 3 and [r.nummer for r in tabel.rijen] == [4, 5]
    assert "de kop staat op rij 3" in tabel.meldingen[0]


def test_the_sheet_read_is_named_and_a_misnamed_workbook_is_said_so():
    tabel = lees_tabel(CORPUS["excel-tweede-blad.xlsx"][0], "r.xlsx", verplicht=["code", "naam"])
    assert tabel.blad == "Data" and "blad 'Data' gelezen" in tabel.meldingen[0]
    assert "'Toelichting' mist" in tabel.meldingen[0]
    tabel = lees_tabel(CORPUS["excel-met-csv-naam.csv"][0], "r.csv", verplicht=["code"])
    assert tabel.formaat == "xlsx" and "gelezen als xlsx" in tabel.meldingen[0]


def test_encodings_keep_the_letters():
    tabel = lees_tabel(CORPUS["windows-1252.csv"][0], "r.csv", verplicht=["code"])
    assert tabel.codering == "Windows-1252" and tabel.rijen[0].waarden["naam"] == "Huis Café"
    assert lees_tabel(CORPUS["utf16.csv"][0], "r.csv", verplicht=["code"]).codering == "UTF-16"


def test_a_missing_file_and_a_directory_are_sentences(tmp_path):
    with pytest.raises(SpreadsheetFout, match="bestand niet gevonden"):
        lees_tabel(tmp_path / "weg.csv")
    with pytest.raises(SpreadsheetFout, match="is een map"):
        lees_tabel(tmp_path)


@pytest.mark.parametrize(
    ("cel", "soort", "decimaal", "waarde"),
    [
        ("3.455", AANTAL, None, 3455.0),          # thousands dot in a count
        ("1.234.567", AANTAL, None, 1234567.0),
        ("12 800", AANTAL, None, 12800.0),         # thousands space
        ("12\u00a0800", AANTAL, None, 12800.0),    # non-breaking space, as Excel writes it
        ("1800.0", AANTAL, ".", 1800.0),
        ("61,5", RATIO, None, 61.5),               # decimal comma
        ("1.234,5", RATIO, None, 1234.5),
        ("4.06", RATIO, ".", 4.06),
        ("3.455", RATIO, ".", 3.455),              # the column uses a decimal dot
        ("3.455", RATIO, ",", 3455.0),             # the column uses a decimal comma
        ("\u22125", RATIO, None, -5.0),            # a real minus sign
    ],
)
def test_dutch_numbers(cel, soort, decimaal, waarde):
    assert lees_getal(cel, soort, decimaal=decimaal).waarde == waarde


@pytest.mark.parametrize("cel", [".", "x", "X", "-", "-99997", "-99995", "-99999999", "-99999997"])
def test_cbs_secrecy_and_missing_codes_are_recognised(cel):
    assert lees_getal(cel, AANTAL).geheim and lees_getal(cel, RATIO).geheim


@pytest.mark.parametrize(
    ("cel", "soort", "decimaal", "reden"),
    [
        ("3.455", RATIO, None, "dubbelzinnig"),
        ("3,5", AANTAL, None, "geen geheel aantal"),
        ("12,5", AANTAL, ".", "dubbelzinnig"),
        ("12.5", RATIO, ",", "dubbelzinnig"),
        ("abc", RATIO, None, "geen getal"),
        ("nan", RATIO, None, "geen getal"),
        ("1e999", RATIO, None, "geen getal"),
        ("=1+1", RATIO, None, "geen getal"),
    ],
)
def test_ambiguous_and_wrong_numbers_are_refused_never_guessed(cel, soort, decimaal, reden):
    uit = lees_getal(cel, soort, decimaal=decimaal)
    assert uit.waarde is None and reden in uit.fout


def test_column_evidence():
    assert decimaalteken(["3.455", "12,5"]) == ","
    assert decimaalteken(["3.455", "1800.0"]) == "."
    assert decimaalteken(["3.455", "3455"]) is None
    assert decimaalteken(["1,5", "1.5"]) == "beide"


def test_workbook_numbers_are_taken_as_stored():
    assert lees_getal("3.455", RATIO, getal=3.455).waarde == 3.455
    assert lees_getal("3.455", AANTAL, getal=3.455).fout
    assert lees_getal("-99997", AANTAL, getal=-99997.0).geheim

"""Every CSV download of the app is written by ``reports.veilig.csv_bytes`` (``;``, decimal comma, UTF-8 with BOM,
neutralised for both separators; ``tests/reports/test_veilig.py`` opens its output both ways) and names its source,
found in the source so a new download that writes CSV another way or without a source fails here; and the register's
example download, opened as Dutch Excel and as a comma reader, holds no live cell, says where it comes from and loads
back through the importer unchanged."""

from __future__ import annotations

import ast
import csv
import io

import pandas as pd
import pytest

from core.settings import PROJECT_ROOT
from dashboard.widgets.bron import VOORBEELD
from data import locaties_import as li
from geo.herkomst import Bron
from reports.veilig import csv_bytes
from tests.reports.test_veilig import _cellen, _live


def _csv_downloads(bron: str) -> list[tuple[int, str]]:
    """``(line, source of the data argument)`` of every download call with the CSV mime type."""
    uit = []
    for knoop in ast.walk(ast.parse(bron)):
        if not isinstance(knoop, ast.Call):
            continue
        naam = knoop.func.attr if isinstance(knoop.func, ast.Attribute) else getattr(knoop.func, "id", "")
        teksten = [a.value for a in knoop.args if isinstance(a, ast.Constant)]
        if naam in ("download_button", "knop") and "text/csv" in teksten and len(knoop.args) > 1:
            uit.append((knoop.lineno, ast.unparse(knoop.args[1])))
    return uit


def _csv_bytes_zonder_bron(bron: str) -> list[int]:
    """Lines where ``csv_bytes`` is called (or bound with ``partial``) without its source argument."""
    uit = []
    for knoop in ast.walk(ast.parse(bron)):
        if not isinstance(knoop, ast.Call):
            continue
        naam = knoop.func.attr if isinstance(knoop.func, ast.Attribute) else getattr(knoop.func, "id", "")
        args, trefwoorden = knoop.args, {k.arg for k in knoop.keywords}
        if naam == "partial" and args and ast.unparse(args[0]).endswith("csv_bytes"):
            args = args[1:]
        elif naam != "csv_bytes":
            continue
        if len(args) < 2 and "bron" not in trefwoorden:
            uit.append(knoop.lineno)
    return uit


def test_every_csv_download_names_its_source():
    """csv_bytes requires a source; a call (or a partial made on the click) that leaves it out is seen here, before
    a user clicks it."""
    aanroepen, fout = 0, []
    for pad in sorted((PROJECT_ROOT / "dashboard").rglob("*.py")):
        tekst = pad.read_text(encoding="utf-8")
        aanroepen += tekst.count("csv_bytes(") + tekst.count("partial(csv_bytes")
        fout += [f"{pad.relative_to(PROJECT_ROOT)}:{r}" for r in _csv_bytes_zonder_bron(tekst)]
    assert aanroepen >= 14 and not fout, fout
    # controls: without a source it is seen, with one (positional, keyword or bound) it is not
    assert _csv_bytes_zonder_bron("csv_bytes(df)\npartial(csv_bytes, df)") == [1, 2]
    assert _csv_bytes_zonder_bron("csv_bytes(df, b)\ncsv_bytes(df, bron=b)\npartial(csv_bytes, df, b)") == []


def test_csv_bytes_writes_the_source_in_a_bron_column_and_refuses_none():
    frame = pd.DataFrame({"Postcode": ["3011"], "Plaatsen": [12]})
    data = csv_bytes(frame, Bron("locatieregister", "gemeente Rotterdam", "2026", uit_demo=True).als_demo(True))
    rijen = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rijen == [["Postcode", "Plaatsen", "Bron"],
                     ["3011", "12", "demo, fictitief (locatieregister, 2026, gemeente Rotterdam)"]]
    with pytest.raises(TypeError):
        csv_bytes(frame)  # the source is required
    with pytest.raises(ValueError, match="zonder bron"):
        csv_bytes(frame, ())
    with pytest.raises(ValueError, match="al een kolom"):
        csv_bytes(frame.assign(bron="x"), Bron("x"))


def test_every_csv_download_is_written_by_csv_bytes():
    gevonden, fout = 0, []
    for pad in sorted((PROJECT_ROOT / "dashboard").rglob("*.py")):
        for regel, data in _csv_downloads(pad.read_text(encoding="utf-8")):
            gevonden += 1
            if "csv_bytes" not in data:
                fout.append(f"{pad.relative_to(PROJECT_ROOT)}:{regel}: {data}")
    assert gevonden >= 14 and not fout, fout
    # positive control: a raw CSV download is seen
    assert _csv_downloads('st.download_button("x", df.to_csv().encode(), "x.csv", "text/csv")') == [
        (1, "df.to_csv().encode()")]


def test_register_example_download_opens_both_ways_and_loads_back():
    voorbeeld = PROJECT_ROOT / "data" / "examples" / "locatieregister_voorbeeld.csv"
    data = csv_bytes(pd.read_csv(voorbeeld, dtype={"huisnummer": str}), VOORBEELD)  # as the page makes it
    assert data.startswith(b"\xef\xbb\xbf")
    for sep in (";", ","):
        for quotes in (True, False):
            assert [c for r in _cellen(data, sep, quotes) for c in r if _live(c)] == []
    kop = next(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert kop[:3] == ["code", "naam", "aanbieder"]  # Dutch Excel splits it into its columns
    assert kop[-1] == "Bron"
    terug = li.lees_bestand(data, "locatieregister_voorbeeld.csv")
    origineel = li.lees_bestand(voorbeeld.read_bytes(), "locatieregister_voorbeeld.csv")
    ref = li.Referentie({"alfa": "alfa", "bravo wonen en begeleiding": "bravo", "charlie": "charlie"},
                        {"beschermd_wonen": "beschermd_wonen", "doorstroomvoorziening": "doorstroom",
                         "flexwonen": "flexwonen"}, None)
    a, b = li.valideer(terug, ref), li.valideer(origineel, ref)
    assert not a.problemen and not any("Bron" in m for m in a.meldingen)  # skipped without a word
    assert [{k: v for k, v in r.items() if k != "rij"} for r in a.regels] == [
        {k: v for k, v in r.items() if k != "rij"} for r in b.regels]

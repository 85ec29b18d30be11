"""Every CSV download of the app is written by ``reports.veilig.csv_bytes`` (``;``, decimal comma, UTF-8 with BOM,
neutralised for both separators; ``tests/reports/test_veilig.py`` opens its output both ways), found in the source so a
new download that writes CSV another way fails here; and the register's example download, opened as Dutch Excel and as
a comma reader, holds no live cell and loads back through the importer unchanged."""

from __future__ import annotations

import ast
import csv
import io

import pandas as pd

from core.settings import PROJECT_ROOT
from data import locaties_import as li
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
    data = csv_bytes(pd.read_csv(voorbeeld, dtype={"huisnummer": str}))  # as the page makes it
    assert data.startswith(b"\xef\xbb\xbf")
    for sep in (";", ","):
        for quotes in (True, False):
            assert [c for r in _cellen(data, sep, quotes) for c in r if _live(c)] == []
    kop = next(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert kop[:3] == ["code", "naam", "aanbieder"]  # Dutch Excel splits it into its columns
    terug = li.lees_bestand(data, "locatieregister_voorbeeld.csv")
    origineel = li.lees_bestand(voorbeeld.read_bytes(), "locatieregister_voorbeeld.csv")
    ref = li.Referentie({"alfa": "alfa", "bravo wonen en begeleiding": "bravo", "charlie": "charlie"},
                        {"beschermd_wonen": "beschermd_wonen", "doorstroomvoorziening": "doorstroom",
                         "flexwonen": "flexwonen"}, None)
    a, b = li.valideer(terug, ref), li.valideer(origineel, ref)
    assert not a.problemen and [{k: v for k, v in r.items() if k != "rij"} for r in a.regels] == [
        {k: v for k, v in r.items() if k != "rij"} for r in b.regels]

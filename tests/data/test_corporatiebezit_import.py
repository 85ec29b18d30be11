"""The corporatiebezit importer: every bad row reported in Dutch with row and reason, all or nothing, hostile input
refused, and the CLI subcommand with its exit codes."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from data.corporatiebezit_import import CorporatiebezitImportError, laad, lees_bestand, valideer
from ops.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "examples"
CORP = {"amber": "amber", "amber wonen": "amber", "basalt": "basalt", "woonstichting basalt": "basalt"}
GEBIEDEN = {"buurt": {"BU05991081", "BU05990321"}, "gebied": {"WK059910"}, "pc4": {"3074"}}
KOP = "jaar,niveau,gebied_code,corporatie,woningen\n"


def _plan(body: str, kop: str = KOP):
    return valideer(lees_bestand((kop + body).encode(), "b.csv"), CORP, GEBIEDEN, "test")


def _teksten(plan) -> list[str]:
    return [str(p) for p in plan.problemen]


def test_valid_rows_by_code_or_name_level_derived_from_the_code():
    plan = _plan("2018,,BU05991081,amber,1200\n2018,buurt,bu05991081,Woonstichting Basalt,300\n"
                 "2018,wijk,WK059910,AMBER,0\n2018,,3074,basalt,12.0\n")
    assert plan.geldig, _teksten(plan)
    assert [(r["niveau"], r["gebied_code"], r["corporatie"], r["woningen"]) for r in plan.regels] == [
        ("buurt", "BU05991081", "amber", 1200), ("buurt", "BU05991081", "basalt", 300),
        ("gebied", "WK059910", "amber", 0), ("pc4", "3074", "basalt", 12)]
    assert plan.regels[0]["bron"] == "test"


def test_every_bad_row_is_reported_with_row_and_reason():
    plan = _plan(
        "1899,,BU05991081,amber,10\n"     # row 2: year
        "2018,,BU05999999,amber,10\n"     # row 3: unknown area
        "2018,,BU05991081,Onbekend,10\n"  # row 4: unknown corporation
        "2018,,BU05991081,amber,-5\n"     # row 5: negative
        "2018,,BU05991081,amber,12.5\n"   # row 6: not whole
        "2018,,BU05991081,amber,veel\n"   # row 7: not a number
        "2018,planeet,BU05991081,amber,1\n"  # row 8: unknown level
        "2018,,BU05990321,basalt,5\n2018,,BU05990321,Woonstichting Basalt,6\n"  # rows 9, 10: duplicate
        "2018,,,amber,1\n"                # row 11: no code
    )
    assert not plan.geldig
    t = _teksten(plan)
    assert t[0] == "b.csv, rij 2, jaar: 1899 ligt buiten het bereik 1990 tot en met 2100"
    assert "b.csv, rij 3, gebied_code: gebied 'BU05999999' bestaat niet op niveau buurt" in t
    assert "b.csv, rij 4, corporatie: onbekende woningcorporatie 'Onbekend' (gebruik de code of de naam)" in t
    assert "b.csv, rij 5, woningen: -5 ligt buiten het bereik 0 tot en met 1000000" in t
    assert "b.csv, rij 6, woningen: '12.5' is geen geheel aantal" in t
    assert "b.csv, rij 7, woningen: 'veel' is geen geheel getal" in t
    assert any(x.startswith("b.csv, rij 8, niveau: onbekend niveau 'planeet'") for x in t)
    assert any(x.startswith("b.csv, rij 10: dezelfde jaar, gebied_code, corporatie, niveau als rij 9") for x in t)
    assert "b.csv, rij 11, gebied_code: leeg" in t


def test_dutch_thousands_in_a_count_are_thousands_not_units():
    plan = _plan('2018,,BU05991081,amber,2.000\n2018,,BU05990321,amber,"1.234"\n2018,,WK059910,amber,2 500\n')
    assert plan.geldig, _teksten(plan)
    assert [r["woningen"] for r in plan.regels] == [2000, 1234, 2500]
    assert not _plan("2018,,BU05991081,amber,2,5\n").geldig  # an unquoted decimal comma: a cell too many
    assert "is geen geheel getal" in _teksten(_plan('2018,,BU05991081,amber,"2,5"\n'))[0]


def test_wrong_columns_and_empty_files_are_refused_in_dutch():
    with pytest.raises(CorporatiebezitImportError) as err:
        _plan("2018,BU05991081,amber\n", "jaar,gebied_code,corporatie\n")
    assert "b.csv: geen kopregel gevonden met de kolommen woningen" in str(err.value.problems[0])
    assert "geen regels" in _teksten(_plan(""))[0]
    with pytest.raises(Exception) as err:
        lees_bestand(b"", "leeg.csv")
    assert "leeg" in str(err.value).lower()


@pytest.mark.parametrize("body, kolom", [
    ('2018,,BU05991081,"=HYPERLINK(""http://x"",""klik"")",10\n', "corporatie"),
    ("2018,,BU05991081,amber,=1+1\n", "woningen"),
    ("2018,,BU05991081,amber,1e9\n", "woningen"),
    ("2018,,BU05991081,amber,nan\n", "woningen"),
    ("2018,,BU05991081,amber,inf\n", "woningen"),
    ("2018,,BU05991081,amber,9999999999\n", "woningen"),
    ("2018,,BU05991081,amber,١٢\n", "woningen"),  # Arabic-Indic digits are no count here
    ("2018,,'; DROP TABLE hkd.corporatie_bezit; --,amber,1\n", "gebied_code"),
    (f"2018,,BU05991081,{'x' * 500},1\n", "corporatie"),
])
def test_hostile_cells_are_refused_not_interpreted(body, kolom):
    plan = _plan(body)
    assert not plan.geldig and plan.problemen[0].kolom == kolom
    assert len(str(plan.problemen[0])) < 250  # long input is shortened in the message


def test_hostile_bytes_are_refused_by_the_shared_reader():
    for data in (b"\x00\x01\xff garbage", KOP.encode() + b"2018,,BU05991081,amber,1\x00\n",
                 b"PK\x03\x04 not really a workbook"):
        with pytest.raises(CorporatiebezitImportError) as err:
            laad(None, data, "x.csv")  # refused while reading: no database needed
        assert err.value.problems and all(p.reden for p in err.value.problems)


def test_excel_with_numbers_as_cells_is_read(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Jaar", "Gebied_code", "Corporatie", "Woningen"])
    ws.append([2018, "BU05991081", "Amber Wonen", 1200])
    buf = io.BytesIO()
    wb.save(buf)
    plan = valideer(lees_bestand(buf.getvalue(), "b.xlsx"), CORP, GEBIEDEN, "t")
    assert plan.geldig and plan.regels[0]["woningen"] == 1200 and plan.regels[0]["jaar"] == 2018


def _stand(engine):
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*), sum(woningen) FROM hkd.corporatie_bezit")).one()


def test_load_is_all_or_nothing_and_attributed(fresh_demo):
    voor = _stand(fresh_demo)
    with pytest.raises(CorporatiebezitImportError) as err:
        laad(fresh_demo, (KOP + "2030,,BU05991081,amber,10\n2030,,BU05991081,basalt,-1\n").encode(), "kapot.csv")
    assert [p.rij for p in err.value.problems] == [3]
    assert _stand(fresh_demo) == voor
    assert laad(fresh_demo, (KOP + "2030,,BU05991081,amber,10\n2030,,BU05991081,Woonstichting Basalt,4\n").encode(),
                "n.csv", gebruiker="beleid") == 2
    with fresh_demo.connect() as conn:
        rijen = conn.execute(text("SELECT count(*) FROM hkd.corporatie_bezit WHERE jaar = 2030")).scalar_one()
        audit = conn.execute(text("SELECT count(*) FILTER (WHERE actie <> 'LOAD'), "
                                  "count(*) FILTER (WHERE actie = 'LOAD') FROM hkd.audit_log "
                                  "WHERE tabel = 'corporatie_bezit' AND gebruiker = 'beleid'")).one()
        bron = conn.execute(text("SELECT DISTINCT bron FROM hkd.corporatie_bezit WHERE jaar = 2030")).scalar_one()
    assert rijen == 2 and tuple(audit) == (2, 1) and bron == "Corporatiebezit (n.csv)"  # rows, and the load
    # loading the same file again replaces, never duplicates
    laad(fresh_demo, (KOP + "2030,,BU05991081,amber,11\n").encode(), "n2.csv")
    assert _stand(fresh_demo)[0] == voor[0] + 2


def test_cli_laden_and_refusal_exit_code(fresh_demo, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("DATABASE_URL", fresh_demo.hkd_url)
    assert main(["corporatiebezit", "laden", str(EXAMPLES / "corporatiebezit_voorbeeld.csv")]) == 0
    assert "3 regels corporatiebezit geladen" in capsys.readouterr().out
    assert main(["corporatiebezit", "laden", str(EXAMPLES / "corporatiebezit_voorbeeld.csv")]) == 0
    assert "0 nieuw, 0 gewijzigd, 3 ongewijzigd" in capsys.readouterr().out  # a re-load changes nothing
    kapot = tmp_path / "kapot.csv"
    kapot.write_text(KOP + "2024,,BU05991081,onbekend,5\n", encoding="utf-8")
    assert main(["corporatiebezit", "laden", str(kapot)]) == 2
    err = capsys.readouterr().err
    assert "kapot.csv; de database is ongewijzigd. 1 probleem/problemen" in err
    assert "onbekende woningcorporatie 'onbekend'" in err and "Traceback" not in err

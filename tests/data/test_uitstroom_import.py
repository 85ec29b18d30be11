"""The uitstroom importer: every bad row reported with row and reason, all or nothing, hostile input refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from data.uitstroom_import import UitstroomImportError, laad, lees_bestand, valideer
from ops.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "examples"
CORP = {"amber": "amber", "amber wonen": "amber"}
KOP = "jaar,kwartaal,corporatie,uitstromers,directe_bemiddeling,reguliere_urgentie,wachttijd_maanden\n"


def _plan(body: str):
    return valideer(lees_bestand((KOP + body).encode(), "u.csv"), CORP, "test")


def test_valid_rows_with_comma_decimals_quarters_and_corporation_by_name():
    plan = _plan('2023,,,100,60,40,"3,5"\n2023,Q2,Amber Wonen,10,10,0,\n')
    assert plan.geldig
    assert plan.regels[0] | {"bron": ""} == {"jaar": 2023, "kwartaal": None, "corporatie": None, "uitstromers": 100,
                                            "directe_bemiddeling": 60, "reguliere_urgentie": 40,
                                            "wachttijd_maanden": 3.5, "bron": ""}
    assert plan.regels[1]["kwartaal"] == 2 and plan.regels[1]["corporatie"] == "amber"


def test_every_bad_row_is_reported_with_row_and_reason():
    plan = _plan(
        "1999,,,10,5,5,\n"              # row 2: year out of range
        "2023,5,,10,5,5,\n"             # row 3: quarter
        "2023,,Onbekend,10,5,5,\n"      # row 4: corporation
        "2023,,,10,4,5,\n"              # row 5: parts do not add up
        "2023,,,-3,0,0,\n"              # row 6: negative
        "2023,,,10,5,5,61\n"            # row 7: waiting time
        "2024,,,10,5,5,\n2024,,,12,6,6,\n"  # rows 8, 9: same period twice
    )
    assert not plan.geldig
    teksten = [str(p) for p in plan.problemen]
    assert teksten[0] == "u.csv, rij 2, jaar: 1999 ligt buiten het bereik 2000 tot en met 2100"
    assert any(t.startswith("u.csv, rij 3, kwartaal: onbekend kwartaal '5'") for t in teksten)
    assert any(t.startswith("u.csv, rij 4, corporatie: onbekende woningcorporatie 'Onbekend'") for t in teksten)
    assert any(t.startswith("u.csv, rij 5, uitstromers: directe bemiddeling (4) plus reguliere urgentie (5)")
               for t in teksten)
    assert any(t.startswith("u.csv, rij 6, uitstromers: -3 ligt buiten het bereik") for t in teksten)
    assert any(t.startswith("u.csv, rij 7, wachttijd_maanden: 61 ligt buiten het bereik 0 tot en met 60")
               for t in teksten)
    assert any(t.startswith("u.csv, rij 9: dezelfde jaar, kwartaal, corporatie als rij 8") for t in teksten)


def test_hostile_input_is_refused_not_interpreted():
    plan = _plan('2023,,"=HYPERLINK(""http://x"",""klik"")",10,5,5,\n2023,,,1e9,0,1e9,nan\n'
                 '2023,,,10,5,5,inf\n')
    teksten = [str(p) for p in plan.problemen]
    assert any("rij 2, corporatie: onbekende woningcorporatie '=HYPERLINK" in t for t in teksten)
    assert any(t.startswith("u.csv, rij 3, uitstromers: '1e9' is geen geheel getal") for t in teksten)
    assert any(t.startswith("u.csv, rij 4, wachttijd_maanden: 'inf' is geen getal") for t in teksten)
    lang = _plan(f"2023,,{'x' * 500},10,5,5,\n")
    assert "…" in str(lang.problemen[0]) and len(str(lang.problemen[0])) < 200
    with pytest.raises(UitstroomImportError) as err:
        lees_bestand(b"jaar,uitstromers\n2023,1\n", "x.csv")
    assert "x.csv: geen kopregel gevonden met de kolommen directe_bemiddeling" in str(err.value.problems[0])
    assert "geen regels" in str(valideer(lees_bestand(KOP.encode(), "x.csv"), CORP, "t").problemen[0])


def test_load_is_all_or_nothing_and_attributed(fresh_demo):
    def stand():
        with fresh_demo.connect() as conn:
            return conn.execute(text("SELECT count(*), sum(uitstromers) FROM hkd.uitstroom")).one()

    voor = stand()
    with pytest.raises(UitstroomImportError) as err:
        laad(fresh_demo, (KOP + "2026,,,10,5,5,\n2026,,,xx,5,5,\n").encode(), "kapot.csv", gebruiker="beleid")
    assert [p.rij for p in err.value.problems] == [3]
    assert stand() == voor
    with pytest.raises(UitstroomImportError, match="probleem"):
        laad(fresh_demo, b"\x00\x01\xff garbage", "x.xlsx")
    assert laad(fresh_demo, (KOP + '2026,,,10,5,5,"3,2"\n2022,,,1150,650,500,"4,1"\n').encode(), "n.csv",
                gebruiker="beleid") == 2
    with fresh_demo.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM hkd.uitstroom")).scalar_one()
        rij = conn.execute(text("SELECT directe_bemiddeling, geladen_door FROM hkd.uitstroom "
                                "WHERE jaar = 2022 AND kwartaal IS NULL AND corporatie_id IS NULL")).one()
        audit = conn.execute(text("SELECT count(*) FILTER (WHERE actie <> 'LOAD'), "
                                  "count(*) FILTER (WHERE actie = 'LOAD') FROM hkd.audit_log "
                                  "WHERE tabel = 'uitstroom' AND gebruiker = 'beleid'")).one()
    assert n == voor[0] + 1  # 2022 replaced, 2026 added
    assert tuple(rij) == (650, "beleid") and tuple(audit) == (2, 1)  # every row, and one entry for the load


def test_cli_load_uitstroom(fresh_demo, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("DATABASE_URL", fresh_demo.hkd_url)
    assert main(["load", "uitstroom", str(EXAMPLES / "uitstroom_voorbeeld.csv")]) == 0
    assert "3 perioden van de uitstroommonitor geladen" in capsys.readouterr().out
    assert main(["load", "uitstroom", str(EXAMPLES / "uitstroom_voorbeeld.csv")]) == 0  # again: nothing changes
    assert "0 nieuw, 0 gewijzigd, 3 ongewijzigd" in capsys.readouterr().out
    kapot = tmp_path / "kapot.csv"
    kapot.write_text(KOP + "2023,,,10,4,5,\n", encoding="utf-8")
    assert main(["load", "uitstroom", str(kapot)]) == 2  # refused file: exit code 2 (issue 11)
    assert "kapot.csv; de database is ongewijzigd. 1 probleem/problemen" in capsys.readouterr().err


def test_dutch_thousands_are_thousands_and_ignored_columns_are_said(fresh_demo, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("DATABASE_URL", fresh_demo.hkd_url)
    bestand = tmp_path / "nl.csv"
    bestand.write_text("jaar;uitstromers;directe_bemiddeling;reguliere_urgentie;opmerking\n"
                       "2027;2.000;1.200;800;eerste schatting\n", encoding="utf-8")
    assert main(["load", "uitstroom", str(bestand)]) == 0
    assert "let op: kolom(men) opmerking genegeerd" in capsys.readouterr().out
    with fresh_demo.connect() as conn:
        rij = conn.execute(text("SELECT uitstromers, directe_bemiddeling FROM hkd.uitstroom WHERE jaar = 2027")).one()
    assert tuple(rij) == (2000, 1200)
    schuif = tmp_path / "schuif.csv"
    schuif.write_text(KOP + "2027,,,10,5,5,3,0\n", encoding="utf-8")  # an unquoted decimal comma
    assert main(["load", "uitstroom", str(schuif)]) == 2
    assert "schuif.csv, rij 2: meer cellen dan kolommen in de kop" in capsys.readouterr().err

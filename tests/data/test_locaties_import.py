"""The locations register import on the real demo: validate every row, all or nothing, diff by code, geocoder."""

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import text

from data.importeur import ImportGeweigerd
from data.locaties_import import NIET_TE_PLAATSEN, lees_bestand, pas_toe, plan_import
from ops import cli
from queries import locaties as q
from queries.lagen import as_layer
from tests.data.test_geocoder import pdok  # noqa: F401 (fixture: a PDOK-shaped server on 127.0.0.1)

VOORBEELD = Path(__file__).resolve().parents[2] / "data" / "examples" / "locatieregister_voorbeeld"
KOP = "code,naam,aanbieder,woonvorm,doelgroep,plaatsen,straat,huisnummer,postcode,plaats,x,y,lat,lon\n"
GOED = [
    "NW-001,Nieuw Een,alfa,beschermd_wonen,GGZ,12,Proefstraat,5,3011 AB,Rotterdam,92700,437400,,",
    "NW-002,Nieuw Twee,Bravo Wonen en Begeleiding,Opvang,Jongeren 18-27,30,Oefenweg,7b,3072cd,Rotterdam,,,51.895,4.495",
]


def _csv(tmp_path: Path, regels: list[str], naam: str = "register.csv") -> pd.DataFrame:
    path = tmp_path / naam
    path.write_text(KOP + "\n".join(regels) + "\n", encoding="utf-8")
    return lees_bestand(path)


def _plan(engine, frame):
    with as_layer(engine, "hkd", "t.tester") as conn:
        return plan_import(conn, frame)


def _aantal(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM hkd.locaties")).scalar_one()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_example_files_are_valid_and_new(demo_engine, suffix, monkeypatch):
    monkeypatch.setenv("HKD_GEOCODER_URL", "")
    plan = _plan(demo_engine, lees_bestand(VOORBEELD.with_suffix(suffix)))
    assert plan.problemen == [] and plan.geldig
    assert [r["code"] for r in plan.nieuw] == ["VB-001", "VB-002", "VB-003"]
    assert len(plan.niet_in_bestand) == 78 and not plan.gewijzigd
    assert {r["woonvorm"] for r in plan.nieuw} == {"beschermd_wonen", "doorstroom", "flexwonen"}


def test_broken_file_lists_every_problem_with_row_and_reason(demo_engine, tmp_path, monkeypatch):
    monkeypatch.setenv("HKD_GEOCODER_URL", "")
    frame = _csv(tmp_path, [
        GOED[0],
        "BR-1,Onbekend,zulu,beschermd_wonen,GGZ,10,Proefstraat,1,3011 AB,Rotterdam,92700,437400,,",
        "BR-2,Woonvorm,alfa,kasteel,GGZ,10,Proefstraat,1,3011 AB,Rotterdam,92700,437400,,",
        "BR-3,Postcode,alfa,opvang,GGZ,10,Proefstraat,1,0011 AB,Rotterdam,92700,437400,,",
        "BR-4,Huisnummer,alfa,opvang,GGZ,10,Proefstraat,0,3011 AB,Rotterdam,92700,437400,,",
        "NW-001,Dubbel,alfa,opvang,GGZ,10,Proefstraat,1,3011 AB,Rotterdam,92700,437400,,",
        "BR-6,Amsterdam,alfa,opvang,GGZ,10,Damstraat,1,1012 AB,Amsterdam,121400,487400,,",
        "BR-7,,alfa,opvang,,10,Proefstraat,1,3011 AB,Rotterdam,92700,437400,,",
        "BR-8,Plaatsen,alfa,opvang,GGZ,veel,Proefstraat,1,3011 AB,Rotterdam,92700,437400,,",
        "BR-9,Verwisseld,alfa,opvang,GGZ,10,Proefstraat,1,3011 AB,Rotterdam,,,4.47,51.92",
    ])
    plan = _plan(demo_engine, frame)
    per_rij = {}
    for p in plan.problemen:
        per_rij.setdefault(p.rij, []).append((p.kolom, p.reden))
    assert sorted(per_rij) == [3, 4, 5, 6, 7, 8, 9, 10, 11]  # row 2 (the good one) has no problem
    assert per_rij[3] == [("aanbieder", "onbekende aanbieder 'zulu' (gebruik de code of de naam)")]
    assert per_rij[4] == [("woonvorm", "onbekende woonvorm 'kasteel' (gebruik de code of de naam)")]
    assert per_rij[5][0][0] == "postcode" and per_rij[6][0][0] == "huisnummer"
    assert per_rij[7] == [("code", "dezelfde code als rij 2 maar een andere naam, woonvorm, plaatsen, huisnummer "
                                   "(dubbele regel in het bestand); laat één van beide staan")]
    assert per_rij[8] == [("x/y", "het punt ligt buiten de gemeente")]
    assert sorted(per_rij[9]) == [("doelgroep", "leeg"), ("naam", "leeg")]
    assert per_rij[10][0][0] == "plaatsen"
    assert "buiten Nederland" in per_rij[11][0][1]
    assert not plan.geldig and not plan.nieuw
    assert str(plan.problemen[0]).startswith("register.csv, rij 3, aanbieder:")


def test_missing_columns_are_reported_for_the_file():
    with pytest.raises(ImportGeweigerd) as err:
        lees_bestand(b"code,naam\nX,x\n", "r.csv")
    [probleem] = err.value.problems
    assert probleem.rij == 0 and "aanbieder" in probleem.reden and str(probleem).startswith("r.csv")


def test_half_good_file_writes_nothing_not_even_through_the_cli(fresh_demo, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HKD_GEOCODER_URL", "")
    monkeypatch.setenv("DATABASE_URL", fresh_demo.hkd_url)
    regels = GOED + ["HG-3,Half,alfa,opvang,GGZ,10,Proefstraat,12,3011 AB,Rotterdam,,,,"]  # no position, offline
    frame = _csv(tmp_path, regels)
    plan = _plan(fresh_demo, frame)
    assert [(p.rij, p.reden) for p in plan.problemen] == [(4, NIET_TE_PLAATSEN)]
    with pytest.raises(ValueError), as_layer(fresh_demo, "hkd", "t.tester") as conn:
        pas_toe(conn, plan)
    assert cli.main(["import", "locaties", str(tmp_path / "register.csv"), "--toepassen"]) == 2
    assert "rij 4" in capsys.readouterr().err
    assert _aantal(fresh_demo) == 78


def test_rows_without_coordinates_are_placed_by_the_geocoder(demo_engine, tmp_path, monkeypatch, pdok):  # noqa: F811
    monkeypatch.setenv("HKD_GEOCODER_URL", pdok)
    frame = _csv(tmp_path, ["GC-1,Geocode,alfa,opvang,GGZ,10,Voorbeeldkade,12,3011 AB,Rotterdam,,,,",
                            "GC-2,Onbekend adres,alfa,opvang,GGZ,10,Voorbeeldkade,999,3011 AB,Rotterdam,,,,"])
    plan = _plan(demo_engine, frame)
    assert [(p.rij, p.kolom) for p in plan.problemen] == [(3, "postcode")]
    assert "niet gevonden" in plan.problemen[0].reden
    assert (plan.regels[0]["x"], plan.regels[0]["y"]) == (92701.5, 437402.25)


def test_reimport_shows_the_diff_and_applies_by_code(fresh_demo, tmp_path, monkeypatch):
    monkeypatch.setenv("HKD_GEOCODER_URL", "")
    eerste = _plan(fresh_demo, _csv(tmp_path, GOED))
    with as_layer(fresh_demo, "hkd", "t.tester") as conn:
        assert pas_toe(conn, eerste) == (2, 0)
    assert _aantal(fresh_demo) == 80
    with fresh_demo.connect() as conn:
        demo = q.register(conn).set_index("code").loc["HKD-001"]
    tweede_regels = [
        GOED[0].replace(",12,", ",14,"),  # plaatsen 12 -> 14
        GOED[1],  # unchanged
        f"HKD-001,Nieuwe naam,{demo.aanbieder_code},{demo.woonvorm},{demo.doelgroep},{demo.plaatsen},{demo.straat},"
        f"{demo.huisnummer},{demo.postcode},Rotterdam,{demo.x + 150:.2f},{demo.y:.2f},,",  # renamed and moved
    ]
    plan = _plan(fresh_demo, _csv(tmp_path, tweede_regels, "tweede.csv"))
    assert plan.geldig and not plan.nieuw
    assert [r["code"] for r in plan.ongewijzigd] == ["NW-002"]
    gewijzigd = {r["code"]: velden for r, velden in plan.gewijzigd}
    assert gewijzigd["NW-001"] == {"plaatsen": (12, 14)}
    assert set(gewijzigd["HKD-001"]) == {"naam", "positie"}
    assert _aantal(fresh_demo) == 80, "the preview writes nothing"
    with as_layer(fresh_demo, "hkd", "t.tester") as conn:
        assert pas_toe(conn, plan) == (0, 2)
    with fresh_demo.connect() as conn:
        na = q.register(conn).set_index("code")
        audit = conn.execute(text("SELECT count(*) FILTER (WHERE actie <> 'LOAD'), "
                                  "count(*) FILTER (WHERE actie = 'LOAD') FROM hkd.audit_log "
                                  "WHERE tabel = 'locaties' AND gebruiker = 't.tester'")).one()
        pc4 = conn.execute(text("SELECT pc4 FROM hkd.locaties WHERE code = 'NW-002'")).scalar_one()
    assert na.loc["NW-001", "plaatsen"] == 14 and na.loc["HKD-001", "naam"] == "Nieuwe naam"
    assert abs(na.loc["HKD-001", "x"] - (demo.x + 150)) < 0.1
    assert tuple(audit) == (4, 2) and pc4 is not None  # 2 inserts + 2 updates, one entry per load; pc4 derived
    derde = _plan(fresh_demo, _csv(tmp_path, tweede_regels, "derde.csv"))
    assert not derde.nieuw and not derde.gewijzigd and len(derde.ongewijzigd) == 3


def test_cli_dry_run_shows_the_diff_and_writes_nothing(fresh_demo, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", fresh_demo.hkd_url)
    assert cli.main(["import", "locaties", str(VOORBEELD.with_suffix(".csv"))]) == 0
    out = capsys.readouterr().out
    assert "3 nieuw" in out and "+ VB-001" in out and "Proefdraai" in out
    assert _aantal(fresh_demo) == 78
    assert cli.main(["import", "locaties", str(VOORBEELD.with_suffix(".csv")), "--toepassen"]) == 0
    assert _aantal(fresh_demo) == 81

"""Indicator files: the real Wijkprofiel and CBS files load, broken files name their bad rows and change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import text

from core.settings import SHARED_DATA
from data.indicator_import import (
    Gelezen,
    IndicatorImportError,
    load_indicatoren,
    match_codes,
    read_cbs,
    read_generiek,
    read_leefbaarometer,
    read_wijkprofiel,
)
from tests.conftest import needs_shared_data

EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "examples"


def _state(engine) -> tuple:
    with engine.connect() as conn:
        return (
            conn.execute(text("SELECT count(*), coalesce(sum(waarde), 0) FROM hkd.indicatoren")).one(),
            conn.execute(text("SELECT count(*) FROM hkd.audit_log WHERE tabel = 'indicatoren'")).scalar_one(),
        )


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


# Reading and validating (no database) -----------------------------------------------------------------------
def test_broken_generic_file_reports_every_bad_row_with_its_line():
    with pytest.raises(IndicatorImportError) as exc:
        read_generiek(EXAMPLES / "indicatoren_kapot.csv")
    problems = [str(p) for p in exc.value.problems]
    assert problems == [
        "indicatoren_kapot.csv, rij 3, jaar: '20x6' is geen geheel getal",
        problems[1],  # the indicator: checked below
        "indicatoren_kapot.csv, rij 5, gebied_code: leeg",
        "indicatoren_kapot.csv, rij 6, waarde: 'veel' is geen getal",
        "indicatoren_kapot.csv, rij 7, niveau: onbekend niveau 'wijk'; kies uit buurt, gebied, gemeente, pc4, "
        "vierkant, wijkprofiel",
    ]  # the good row 2 is not blamed
    assert problems[1] == ("indicatoren_kapot.csv, rij 4, indicator: onbekende indicator 'Kwetsbare Groepen!' "
                           "(gebruik de code of de naam)")


def test_missing_columns_are_named(tmp_path):
    path = _write(tmp_path, "x.csv", "bu_code,jaar,lbm,onv\nBU05991081,2018,0.1,0.2\n")
    with pytest.raises(IndicatorImportError) as exc:
        read_leefbaarometer(path)
    assert [str(p) for p in exc.value.problems] == [
        "x.csv: geen kopregel gevonden met de kolommen fys, won, vrz, soc; de kop moet in een van de eerste 20 "
        "rijen staan (gescheiden door ; , of tab)"]


def test_leefbaarometer_scores_classes_and_decimal_comma(tmp_path):
    gelezen = read_leefbaarometer(EXAMPLES / "indicatoren_leefbaarometer.csv")
    rows = gelezen.rijen
    assert set(rows["niveau"]) == {"buurt"}
    assert set(rows["indicator"]) == {
        "lbm_totaal", "lbm_fysieke_omgeving", "lbm_woningvoorraad", "lbm_voorzieningen", "lbm_sociale_samenhang",
        "overlast_onveiligheid", "lbm_totaal_klasse", "overlast_onveiligheid_klasse",
    }
    onv = rows.query("indicator == 'overlast_onveiligheid' and gebied_code == 'BU05991082'")["waarde"]
    assert onv.tolist() == [-0.169]

    dutch = _write(tmp_path, "pc4.csv", "pc4;jaar;lbm;fys;won;vrz;soc;onv;kl_onv\n3074;2022;-0,2;0;0;0;0;-0,15;12\n")
    with pytest.raises(IndicatorImportError) as exc:
        read_leefbaarometer(dutch)
    assert [str(p) for p in exc.value.problems] == ["pc4.csv, rij 2, kl_onv: 12 ligt buiten het bereik 1 tot en "
                                                    "met 9 (eenheid: klasse 1-9)"]


def test_wijkprofiel_file_with_duplicate_wijk_is_refused(tmp_path):
    body = ("wp_slug,geo_key,year,fysiek_index,veiligheid_index,sociaal_index\n"
            "carnisse,carnisse,2014,82,90,82\ncarnisse,carnisse,2014,83,91,80\nbloemhof,bloemhof,2014,80,-5,77\n")
    with pytest.raises(IndicatorImportError) as exc:
        read_wijkprofiel(_write(tmp_path, "wp.csv", body))
    assert [str(p) for p in exc.value.problems] == [
        "wp.csv, rij 3: dezelfde geo_key, wp_slug, jaar als rij 2 maar een andere veiligheid_index, sociaal_index, "
        "fysiek_index (dubbele regel in het bestand); laat één van beide staan",
        "wp.csv, rij 4, veiligheid_index: -5 ligt buiten het bereik 0 tot en met 400 (eenheid: index (100 = "
        "Rotterdam 2014))"]


def test_codes_from_another_boundary_year_match_by_code_and_unknown_codes_are_reported():
    rows = pd.DataFrame(
        [(2, "buurt", "BU05991081", 2022, "x", 1.0, "t"), (3, "buurt", "BU05990999", 2022, "x", 2.0, "t"),
         (4, "buurt", "BU05990999", 2023, "x", 3.0, "t")],
        columns=["regel", "niveau", "gebied_code", "jaar", "indicator", "waarde", "bron"],
    ).assign(waarnemingen=None)
    bekend = {"buurt": pd.DataFrame({"code": ["BU05991081"], "naam": ["Bloemhof"], "jaar": [2015]})}
    kept, problems, notes = match_codes(Gelezen("generiek", rows, bestand="g.csv"), bekend)
    assert [str(p) for p in problems] == [
        "g.csv, rij 3, gebied_code: code BU05990999 bestaat niet op niveau buurt (grenzen 2015); ook in rij 4"]
    assert notes == ["buurt: cijfers uit 2022 zijn op code gekoppeld aan de grenzen van 2015."]

    kept, problems, notes = match_codes(Gelezen("generiek", rows), bekend, onbekende_codes="overslaan")
    assert problems == []
    assert kept["gebied_code"].tolist() == ["BU05991081"]
    assert "rij 3: code BU05990999 bestaat niet op niveau buurt (grenzen 2015); ook in rij 4; overgeslagen" in notes


# Loading into PostGIS ---------------------------------------------------------------------------------------
def test_broken_file_changes_nothing(fresh_demo):
    before = _state(fresh_demo)
    with pytest.raises(IndicatorImportError):
        load_indicatoren(fresh_demo, EXAMPLES / "indicatoren_kapot.csv", "generiek")
    assert _state(fresh_demo) == before


def test_unknown_code_refuses_the_whole_file(fresh_demo, tmp_path):
    body = ("gebied_code,jaar,indicator,waarde\nBU05991081,2026,kwetsbare_groepen,170\n"
            "BU05990999,2026,kwetsbare_groepen,120\n")
    before = _state(fresh_demo)
    with pytest.raises(IndicatorImportError) as exc:
        load_indicatoren(fresh_demo, _write(tmp_path, "g.csv", body), "generiek")
    assert [str(p) for p in exc.value.problems] == [
        "g.csv, rij 3, gebied_code: code BU05990999 bestaat niet op niveau buurt (grenzen 2015)"]
    assert _state(fresh_demo) == before


def test_generic_example_loads_with_one_audit_entry(fresh_demo):
    (_, audits_before) = _state(fresh_demo)
    result = load_indicatoren(fresh_demo, EXAMPLES / "indicatoren_generiek.csv", "generiek", gebruiker="tester")
    assert (result.waarden, result.gebieden, result.jaren) == (8, 4, (2026,))
    with fresh_demo.connect() as conn:
        value = conn.execute(text(
            "SELECT waarde FROM hkd.indicatoren WHERE gebied_code = 'BU05991081' AND jaar = 2026 "
            "AND indicator = 'kwetsbare_groepen'")).scalar_one()
        audit = conn.execute(text(
            "SELECT gebruiker, gegevens FROM hkd.audit_log WHERE tabel = 'indicatoren' ORDER BY id DESC LIMIT 1")
        ).one()
    assert value == 171.4
    assert _state(fresh_demo)[1] == audits_before + 1
    assert audit.gebruiker == "tester" and audit.gegevens["waarden"] == 8


# The real files in ../shared/data ---------------------------------------------------------------------------
@needs_shared_data
@pytest.mark.realdata
def test_real_wijkprofiel_file_loads_2014_to_2026_and_reports_groot_ijsselmonde(fresh_demo):
    result = load_indicatoren(fresh_demo, SHARED_DATA / "stats_wijkprofiel_2014_2026.csv", "wijkprofiel")
    assert result.jaren == (2014, 2016, 2018, 2020, 2022, 2024, 2026)
    assert result.gebieden == 70
    assert result.waarden == 70 * 7 * 3
    merged = [m for m in result.meldingen if m.startswith("groot-ijsselmonde:")]
    assert len(merged) == 1 and "groot-ijsselmonde-noord en groot-ijsselmonde-zuid" in merged[0]
    raw = pd.read_csv(SHARED_DATA / "stats_wijkprofiel_2014_2026.csv")
    with fresh_demo.connect() as conn:
        stored = dict(conn.execute(text(
            "SELECT jaar, waarde FROM hkd.indicatoren WHERE niveau = 'wijkprofiel' AND gebied_code = 'carnisse' "
            "AND indicator = 'wijkprofiel_veiligheid'")).all())
        gij = conn.execute(text(
            "SELECT waarde FROM hkd.indicatoren WHERE niveau = 'wijkprofiel' AND gebied_code = 'groot-ijsselmonde' "
            "AND indicator = 'wijkprofiel_veiligheid' AND jaar = 2014")).scalar_one()
    carnisse = raw[raw["geo_key"] == "carnisse"].set_index("year")["veiligheid_index"]
    assert stored == {int(y): float(v) for y, v in carnisse.items()}
    both = raw[(raw["geo_key"] == "groot-ijsselmonde") & (raw["year"] == 2014)]["veiligheid_index"]
    assert gij == pytest.approx(both.mean())


@needs_shared_data
@pytest.mark.realdata
def test_real_cbs_files_load(fresh_demo):
    r2015 = load_indicatoren(fresh_demo, SHARED_DATA / "stats_kwb2015_rotterdam.csv", "cbs")
    assert r2015.gebieden == 114 and r2015.jaren == (2015,)
    assert {"inwoners", "bijstandsuitkeringen", "pct_65_plus"} <= set(r2015.indicatoren)
    r2022 = load_indicatoren(fresh_demo, SHARED_DATA / "stats_cbs_kwb_2022_2025_wijkprofielwijken.csv", "cbs")
    assert r2022.jaren == (2022, 2023, 2024, 2025) and r2022.gebieden == 70
    assert "aandeel_corporatie" in r2022.indicatoren
    assert "930 lege cellen overgeslagen (niet gepubliceerd of niet gemeten)." in r2022.meldingen
    assert any("gekoppeld aan de grenzen van 2015" in m for m in r2022.meldingen)
    with fresh_demo.connect() as conn:
        total = conn.execute(text(
            "SELECT sum(waarde) FROM hkd.indicatoren WHERE niveau = 'gebied' AND indicator = 'inwoners' "
            "AND jaar = 2015")).scalar_one()
        audits = conn.execute(text(
            "SELECT gegevens FROM hkd.audit_log WHERE tabel = 'indicatoren' ORDER BY id")).scalars().all()
    assert total == 623_505  # the README's sum of the wijk population
    assert [a["formaat"] for a in audits[-2:]] == ["cbs", "cbs"]
    json.dumps(audits[-1])  # the audit entry is plain JSON


@needs_shared_data
@pytest.mark.realdata
def test_real_cbs_file_parses_without_database():
    gelezen = read_cbs(SHARED_DATA / "stats_cbs_kwb_2022_2025_wijkprofielwijken.csv")
    corp = gelezen.rijen.query("indicator == 'aandeel_corporatie'")
    assert set(corp["jaar"]) == {2024}
    assert corp["waarde"].between(0, 100).all()


def test_a_shifted_row_is_refused_never_read_shifted(tmp_path):
    """An unquoted decimal comma makes a row one cell longer: refused with its line, not read one column off."""
    from data.indicator_import import IndicatorImportError, read_cbs

    path = tmp_path / "kwb.csv"
    path.write_text("code,level,year,aant_inw,p_huurw\nBU05991081,buurt,2019,3455,61,5\n"
                    "BU05991082,buurt,2019,2800\n", encoding="utf-8")
    with pytest.raises(IndicatorImportError) as err:
        read_cbs(path)
    teksten = " | ".join(map(str, err.value.problems))
    assert "kwb.csv, rij 2: meer cellen dan kolommen in de kop (6 cellen, de kop heeft er 5)" in teksten
    assert "kwb.csv, rij 3: minder cellen dan kolommen in de kop (4 cellen, de kop heeft er 5)" in teksten


# Idempotent loads and observation counts ------------------------------------------------------------------------
def test_loading_the_same_file_twice_changes_nothing_and_says_so(fresh_demo):
    eerste = load_indicatoren(fresh_demo, EXAMPLES / "indicatoren_generiek.csv", "generiek")
    na_eerste = _state(fresh_demo)
    tweede = load_indicatoren(fresh_demo, EXAMPLES / "indicatoren_generiek.csv", "generiek")
    assert (eerste.nieuw, eerste.gewijzigd, eerste.ongewijzigd) == (8, 0, 0)
    assert (tweede.nieuw, tweede.gewijzigd, tweede.ongewijzigd) == (0, 0, 8)
    (waarden, audits) = _state(fresh_demo)
    assert waarden == na_eerste[0] and audits == na_eerste[1] + 1  # one audit entry per load, nothing else


def test_an_overlapping_file_adds_only_what_is_new(fresh_demo, tmp_path):
    kop = "gebied_code,jaar,indicator,waarde\n"
    a = _write(tmp_path, "a.csv", kop + "BU05991081,2031,lvb,7.5\nBU05991082,2031,lvb,8.5\n")
    b = _write(tmp_path, "b.csv", kop + "BU05991082,2031,lvb,8.5\nBU05990321,2031,lvb,9.5\nBU05991081,2031,lvb,7.0\n")
    load_indicatoren(fresh_demo, a, "generiek", bron="proef")
    r = load_indicatoren(fresh_demo, b, "generiek", bron="proef")
    assert (r.nieuw, r.gewijzigd, r.ongewijzigd) == (1, 1, 1)
    with fresh_demo.connect() as conn:
        lvb = dict(conn.execute(text("SELECT gebied_code, waarde FROM hkd.indicatoren WHERE jaar = 2031 "
                                     "AND indicator = 'lvb'")).all())
    assert lvb == {"BU05991081": 7.0, "BU05991082": 8.5, "BU05990321": 9.5}


def test_observations_are_stored_from_the_file_or_derived_and_the_public_sees_footnote_6(fresh_demo, tmp_path):
    cbs = _write(tmp_path, "kwb.csv", "code;level;year;aant_inw;pct_bijstand_van_inwoners;personen_bijstand\n"
                                      "BU05991081;buurt;2031;2.000;4,5;90\nBU05991082;buurt;2031;4000;4,5;180\n")
    generiek = _write(tmp_path, "g.csv", "gebied_code;jaar;indicator;waarde;n\nBU05991081;2031;lvb;7,5;9\n"
                                         "BU05991082;2031;lvb;7,5;\n")
    load_indicatoren(fresh_demo, cbs, "cbs")
    load_indicatoren(fresh_demo, generiek, "generiek")
    with fresh_demo.connect() as conn:
        opgeslagen = {(c, i): n for c, i, n in conn.execute(text(
            "SELECT gebied_code, indicator, waarnemingen FROM hkd.indicatoren WHERE jaar = 2031"))}
        publiek = {(c, i): (w, reden) for c, i, w, reden in conn.execute(text(
            "SELECT gebied_code, indicator, waarde, achtergehouden FROM publiek.indicator_waarden "
            "WHERE jaar = 2031"))}
    assert opgeslagen[("BU05991081", "pct_bijstand_van_inwoners")] == 90  # 2,000 inhabitants x 4.5 %
    assert opgeslagen[("BU05991082", "personen_bijstand")] == 180  # a count of persons: its own number
    assert opgeslagen[("BU05991081", "lvb")] == 9 and opgeslagen[("BU05991082", "lvb")] is None
    assert opgeslagen[("BU05991081", "inwoners")] is None
    inkomen = "minder dan 100 waarnemingen (inkomensgegevens)"
    assert publiek[("BU05991081", "pct_bijstand_van_inwoners")] == (None, inkomen)
    assert publiek[("BU05991081", "personen_bijstand")] == (None, inkomen)
    assert publiek[("BU05991082", "pct_bijstand_van_inwoners")] == (4.5, None)
    assert publiek[("BU05991082", "personen_bijstand")] == (180, None)
    assert publiek[("BU05991081", "lvb")] == (None, "minder dan 10 waarnemingen")
    # not in the file: the database derives 4,000 x 7.5 % = 300 observations from the stored inhabitants
    assert publiek[("BU05991082", "lvb")] == (7.5, None)

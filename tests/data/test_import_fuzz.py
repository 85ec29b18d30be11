"""Generated malformed input for the locations register and the indicator importer: every file is either valid
or refused with reasons (row and cause); nothing crashes and nothing is written by a refused file."""

from __future__ import annotations

import csv
import io

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from clients.geocoder import GeocoderUnavailable
from data.importeur import ImportGeweigerd
from data.indicator_import import IndicatorImportError, load_indicatoren
from data.locaties_import import lees_bestand, plan_import

junk = st.one_of(st.just(""), st.text(max_size=12), st.sampled_from(["-5", "1e9", "NaN", "3011 AB", "abc", "0", "12a"]))


def _offline(postcode: str, huisnummer: str):
    raise GeocoderUnavailable("offline in de test")


register_row = st.fixed_dictionaries({
    "code": st.one_of(st.sampled_from(["HKD-001", "NIEUW-1", "NIEUW-1", ""]), junk),
    "naam": st.one_of(st.just("Testhuis"), junk),
    "aanbieder": st.one_of(st.sampled_from(["alfa", "Zorggroep Charlie", "onbekend"]), junk),
    "woonvorm": st.one_of(st.sampled_from(["beschermd_wonen", "Opvang", "kasteel"]), junk),
    "doelgroep": st.one_of(st.just("GGZ"), junk),
    "plaatsen": st.one_of(st.sampled_from(["10", "-1", "tien"]), junk),
    "straat": st.one_of(st.just("Proefstraat"), junk),
    "huisnummer": st.one_of(st.sampled_from(["1", "12A", "0", "x"]), junk),
    "postcode": st.one_of(st.sampled_from(["3011 AB", "3011ab", "301 AB", "9999 ZZ"]), junk),
    "plaats": st.just("Rotterdam"),
    "x": st.one_of(st.sampled_from(["92700", "155000", "", "abc"]), junk),
    "y": st.one_of(st.sampled_from(["437400", "463000", "", "1e99"]), junk),
})


def _counts(engine) -> tuple:
    with engine.connect() as conn:
        return tuple(conn.execute(text(
            "SELECT (SELECT count(*) FROM hkd.locaties), (SELECT count(*) FROM hkd.indicatoren), "
            "(SELECT count(*) FROM hkd.audit_log)")).one())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(register_row, min_size=1, max_size=6))
def test_register_rows_are_valid_or_refused_with_reasons(fresh_demo, rows):
    before = _counts(fresh_demo)
    buf = io.StringIO()
    pd.DataFrame(rows).astype(str).to_csv(buf, index=False)
    try:
        tabel = lees_bestand(buf.getvalue().encode(), "register.csv")
    except ImportGeweigerd as exc:  # refused by the reader (a control character): a refusal with reasons
        assert exc.problems and all(str(p).startswith("register.csv") for p in exc.problems)
        return
    with fresh_demo.connect() as conn:
        plan = plan_import(conn, tabel, geocoder=_offline)
    if plan.problemen:
        assert all(p.reden.strip() and p.rij >= 0 for p in plan.problemen)
        # a row number names a line of the file as written: pandas writes a lone carriage return in a cell
        # unquoted, so that cell's row is two lines of the file (and is refused for its cell count)
        assert all(0 <= p.rij <= len(buf.getvalue().splitlines()) for p in plan.problemen)
    assert _counts(fresh_demo) == before, "validating writes nothing"


indicator_cell = st.one_of(st.just(""), st.text(max_size=10), st.sampled_from(["buurt", "BU05990110", "2018", "1,5",
                                                                               "kwetsbare_groepen", "-0.2", "NaN"]))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(indicator_cell, min_size=4, max_size=7), min_size=1, max_size=6))
def test_indicator_files_are_loaded_whole_or_refused_with_reasons(fresh_demo, tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("ind") / "indicatoren.csv"
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["niveau", "gebied_code", "jaar", "indicator", "waarde", "bron"])
        w.writerows(rows)
    before = _counts(fresh_demo)
    try:
        result = load_indicatoren(fresh_demo, path, "generiek")
    except IndicatorImportError as exc:
        assert exc.problems and all(str(p).startswith("indicatoren.csv") and p.reden.strip() for p in exc.problems)
        assert _counts(fresh_demo) == before
    else:
        assert result.waarden >= 1

"""Confidential woonvormen per area only for HKD; disclosure on public indicators (both as hostile SQL)."""

from __future__ import annotations

import psycopg
import pytest

from geo.disclosure import IndicatorRule

OPVANG_PER_PC4 = (
    "SELECT count(*) FROM hkd.aanbieder_pc4 a JOIN hkd.woonvormen w ON w.naam = a.woonvorm WHERE w.vertrouwelijk"
)


def test_providers_see_no_confidential_woonvorm_per_pc4(sql_as):
    alfa = sql_as("alfa")
    assert alfa.execute(OPVANG_PER_PC4).fetchone()[0] == 0
    # positive control: HKD sees them per PC4, and the totals differ by exactly those facilities
    beheer = sql_as("beheer")
    assert beheer.execute(OPVANG_PER_PC4).fetchone()[0] > 0
    totaal = "SELECT sum(voorzieningen) FROM hkd.aanbieder_pc4_totaal"
    opvang = ("SELECT count(*) FROM hkd.locaties l JOIN hkd.woonvormen w ON w.code = l.woonvorm "
              "WHERE w.vertrouwelijk AND l.pc4 IS NOT NULL")
    assert beheer.execute(totaal).fetchone()[0] - alfa.execute(totaal).fetchone()[0] == \
        beheer.execute(opvang).fetchone()[0]


@pytest.mark.parametrize("attack", [
    "SELECT set_config('role', 'hkd_beheer', false)",
    "SET hkd.aanbieder = ''",
    "SET ROLE hkd_aanbieder",
])
def test_a_provider_cannot_switch_the_confidential_filter_off(sql_as, attack):
    alfa = sql_as("alfa")
    try:
        alfa.execute(attack)
    except psycopg.Error:
        pass
    assert alfa.execute(OPVANG_PER_PC4).fetchone()[0] == 0


def test_providers_and_the_public_see_confidential_woonvormen_only_as_a_city_total(sql_as):
    for who in ("publiek", "alfa"):
        rows = sql_as(who).execute("SELECT DISTINCT code FROM publiek.vertrouwelijk").fetchall()
        assert rows == [("gemeente",)]


@pytest.fixture
def kleine_buurt(fresh_sql_as):
    """A buurt of 40 inhabitants with a percentage, and a value based on 5 observations (as the owner)."""
    admin = fresh_sql_as("admin")
    admin.execute(
        "INSERT INTO hkd.indicatoren (niveau, gebied_code, jaar, indicator, waarde, bron, waarnemingen) VALUES "
        "('buurt', 'BU_TEST', 2030, 'inwoners', 40, 'test', NULL),"
        "('buurt', 'BU_TEST', 2030, 'aandeel_corporatie', 37.5, 'test', NULL),"
        "('buurt', 'BU_TEST', 2030, 'kwetsbare_groepen', 120, 'test', 5),"
        "('buurt', 'BU_TEST', 2030, 'overlast_onveiligheid', 0.1, 'test', 10)"
    )
    return fresh_sql_as


def test_indicator_values_under_the_thresholds_are_withheld_with_a_reason(kleine_buurt):
    rows = dict((r[0], r[1:]) for r in kleine_buurt("publiek").execute(
        "SELECT indicator, waarde, achtergehouden FROM publiek.indicator_waarden WHERE gebied_code = 'BU_TEST'"))
    assert rows["aandeel_corporatie"] == (None, "buurt met minder dan 50 inwoners (CBS-regel)")
    assert rows["kwetsbare_groepen"] == (None, "minder dan 10 waarnemingen")
    assert rows["overlast_onveiligheid"] == (0.1, None)  # exactly at the threshold: shown
    assert rows["inwoners"] == (40, None)


@pytest.mark.parametrize("attack", [
    "SELECT count(*) FROM publiek.indicator_waarden WHERE gebied_code = 'BU_TEST' "
    "AND indicator = 'aandeel_corporatie' AND 1 / (waarde - 37.5) > 0",
    "SELECT count(*) FROM publiek.indicator_waarden WHERE gebied_code = 'BU_TEST' AND waarde = 37.5",
    "SELECT count(*) FROM publiek.indicator_waarden WHERE gebied_code = 'BU_TEST' "
    "AND indicator = 'aandeel_corporatie' AND waarde BETWEEN 0 AND 100",
])
def test_a_withheld_value_cannot_be_probed_through_a_filter(kleine_buurt, attack):
    conn = kleine_buurt("publiek")
    try:
        n = conn.execute(attack).fetchone()[0]
    except psycopg.errors.DivisionByZero:
        pytest.fail("the filter saw the withheld value")
    assert n == 0


def test_positive_control_the_probe_fires_on_the_base_table(kleine_buurt):
    with pytest.raises(psycopg.errors.DivisionByZero):
        kleine_buurt("admin").execute(
            "SELECT count(*) FROM hkd.indicatoren WHERE gebied_code = 'BU_TEST' "
            "AND indicator = 'aandeel_corporatie' AND 1 / (waarde - 37.5) > 0")


def test_the_python_rule_words_the_database_rule_the_same(kleine_buurt):
    regel = IndicatorRule()
    assert regel.achtergehouden("buurt", "aandeel_corporatie", None, 40) == \
        "buurt met minder dan 50 inwoners (CBS-regel)"
    assert regel.achtergehouden("buurt", "kwetsbare_groepen", 5, 40) == "minder dan 10 waarnemingen"
    assert regel.achtergehouden("gebied", "aandeel_corporatie", None, 40) is None
    db_regel = kleine_buurt("publiek").execute("SELECT * FROM publiek.indicator_regel").fetchone()
    assert (db_regel[0], db_regel[1], tuple(db_regel[2])) == \
        (regel.min_waarnemingen, regel.min_inwoners_buurt, regel.percentage_indicatoren)
    with pytest.raises(ValueError):
        IndicatorRule(min_waarnemingen=0)


def _getoond(conn, indicator: str):
    return conn.execute("SELECT waarde, achtergehouden FROM publiek.indicator_waarden "
                        "WHERE gebied_code = 'BU_TEST' AND indicator = %s", (indicator,)).fetchone()


def test_the_kept_outcome_follows_every_committed_change_of_values_and_rule(kleine_buurt):
    """The rule's outcome is kept (migration 440) and refreshed at the commit of each change: a stricter rule, a
    corrected value and a deleted value reach the public view at once, a change not yet committed does not."""
    admin, publiek = kleine_buurt("admin"), kleine_buurt("publiek")
    assert _getoond(publiek, "overlast_onveiligheid") == (0.1, None)
    admin.execute("UPDATE hkd.indicator_openbaarmaking SET min_waarnemingen = 11")
    assert _getoond(publiek, "overlast_onveiligheid") == (None, "minder dan 11 waarnemingen")
    admin.execute("UPDATE hkd.indicator_openbaarmaking SET min_waarnemingen = 10")
    admin.execute("UPDATE hkd.indicatoren SET waarde = 900 WHERE gebied_code = 'BU_TEST' AND indicator = 'inwoners'")
    assert _getoond(publiek, "aandeel_corporatie") == (37.5, None), "50 inhabitants or more: shown"
    with admin.transaction():
        admin.execute("DELETE FROM hkd.indicatoren WHERE gebied_code = 'BU_TEST' AND indicator = 'inwoners'")
        assert _getoond(publiek, "inwoners") == (900, None), "another session sees only what is committed"
    assert _getoond(publiek, "inwoners") is None

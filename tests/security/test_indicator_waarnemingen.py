"""Seed 002 footnote 6 in the database, for every login: fewer than 10 observations never shown, income data only
from 100 observations; observations stored, or derived as the indicator catalogue says. Hostile SQL as each login."""

from __future__ import annotations

import psycopg
import pytest

from core.indicatoren import CATALOGUS
from geo.disclosure import IndicatorRule

LOGINS = ("publiek", "alfa", "beheer")

# (indicator, waarde, stored observations) of buurt BU_TEST, 2031, with 2,000 inhabitants; the expected reason.
GEVALLEN = {
    "kwetsbare_groepen": (120.0, 9, "minder dan 10 waarnemingen"),
    "overlast_onveiligheid": (0.1, 10, None),
    "pct_bijstand": (4.0, 99, "minder dan 100 waarnemingen (inkomensgegevens)"),
    "laagste_inkomens": (30.0, 100, None),
    # derived: a count of persons is its own number of observations (income: 100)
    "personen_bijstand": (80.0, None, "minder dan 100 waarnemingen (inkomensgegevens)"),
    "bijstandsuitkeringen": (150.0, None, None),
    # derived: a share of the 2,000 inhabitants: 0.4 % is 8 persons, 3 % is 60 (income), 6 % is 120
    "psychiatrie": (0.4, None, "minder dan 10 waarnemingen"),
    "pct_bijstand_van_inwoners": (3.0, None, "minder dan 100 waarnemingen (inkomensgegevens)"),
    "lvb": (6.0, None, None),
    # no observations known and none derivable: shown
    "wijkprofiel_veiligheid": (95.0, None, None),
}


@pytest.fixture
def buurt(fresh_sql_as):
    admin = fresh_sql_as("admin")
    waarden = [("inwoners", 2000.0, None)] + [(k, w, n) for k, (w, n, _) in GEVALLEN.items()]
    with admin.cursor() as cur:
        cur.executemany(
            "INSERT INTO hkd.indicatoren (niveau, gebied_code, jaar, indicator, waarde, bron, waarnemingen) "
            "VALUES ('buurt', 'BU_TEST', 2031, %s, %s, 'test', %s)", waarden)
    return fresh_sql_as


@pytest.mark.parametrize("login", LOGINS)
def test_every_login_sees_the_footnote_6_rule_applied(buurt, login):
    rows = {r[0]: (r[1], r[2]) for r in buurt(login).execute(
        "SELECT indicator, waarde, achtergehouden FROM publiek.indicator_waarden WHERE gebied_code = 'BU_TEST'")}
    for indicator, (waarde, _, reden) in GEVALLEN.items():
        assert rows[indicator] == ((None, reden) if reden else (waarde, None)), indicator


@pytest.mark.parametrize("login", LOGINS)
def test_no_login_can_probe_a_withheld_income_value(buurt, login):
    conn = buurt(login)
    try:
        n = conn.execute("SELECT count(*) FROM publiek.indicator_waarden WHERE gebied_code = 'BU_TEST' "
                         "AND indicator = 'personen_bijstand' AND 1 / (waarde - 80) > 0").fetchone()[0]
    except psycopg.errors.DivisionByZero:
        pytest.fail("the filter saw the withheld value")
    assert n == 0


@pytest.mark.parametrize("login", LOGINS)
def test_no_login_can_lower_an_indicator_threshold_or_read_around_the_view(buurt, login):
    conn = buurt(login)
    for attack in ("UPDATE hkd.indicator_definities SET min_waarnemingen = 10 WHERE code = 'pct_bijstand'",
                   "DELETE FROM hkd.indicator_definities WHERE code = 'personen_bijstand'",
                   "INSERT INTO hkd.indicator_definities VALUES ('x', 'x', 'x', NULL, 'aantal', 0, 1, 10, NULL, "
                   "false, true, 'x', 'x')",
                   "UPDATE hkd.indicator_openbaarmaking SET min_waarnemingen = 1"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(attack)
        conn.rollback()
    if login != "beheer":  # the HKD layer reads the base table (voor/nameting, imports); the others never
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT waarde FROM hkd.indicatoren WHERE gebied_code = 'BU_TEST'")
        conn.rollback()
    assert conn.execute("SELECT achtergehouden FROM publiek.indicator_waarden WHERE gebied_code = 'BU_TEST' "
                        "AND indicator = 'pct_bijstand'").fetchone()[0] == "minder dan 100 waarnemingen " \
                                                                          "(inkomensgegevens)"


def test_the_owner_cannot_store_a_threshold_under_ten(buurt):
    with pytest.raises(psycopg.errors.CheckViolation):
        buurt("admin").execute("UPDATE hkd.indicator_definities SET min_waarnemingen = 9 WHERE code = 'lvb'")


def test_the_python_rule_gives_the_database_reasons(buurt):
    regel = IndicatorRule()
    for indicator, (waarde, n, reden) in GEVALLEN.items():
        assert regel.achtergehouden("buurt", indicator, n, 2000.0, waarde) == reden, indicator


def test_the_database_catalogue_is_the_code_catalogue(buurt):
    rows = buurt("admin").execute(
        "SELECT code, label, min_waarnemingen, waarnemingen_uit, cbs_buurtregel, hoger_beter, soort "
        "FROM hkd.indicator_definities ORDER BY code").fetchall()
    assert rows == [(c, i.label, i.min_waarnemingen, i.waarnemingen_uit, i.cbs_buurtregel, i.hoger_beter, i.soort)
                    for c, i in sorted(CATALOGUS.items())]

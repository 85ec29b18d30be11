"""Wijktrends queries: every layer reads indicators through the publiek views only; points stay with HKD."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import text
from sqlalchemy.exc import ProgrammingError

from queries import trends
from queries.lagen import as_layer
from tests.sqlnamen import aantal_in


@pytest.mark.parametrize("rol", ["publiek", "aanbieder", "hkd"])
def test_every_layer_reads_the_indicator_views(demo_engine, rol):
    with as_layer(demo_engine, rol, "tester", "alfa" if rol == "aanbieder" else None) as conn:
        catalogus = {(i.niveau, i.indicator): i for i in trends.indicator_catalogus(conn)}
        reeks = trends.indicator_reeks(conn, "buurt", "kwetsbare_groepen")
        vlakken = trends.gebied_vlakken(conn, "buurt")
    assert catalogus[("buurt", "kwetsbare_groepen")].jaren == (2012, 2014, 2016, 2018, 2020, 2022, 2024)
    assert {"aandeel_corporatie", "dominant_eigendom"} <= {i for (n, i) in catalogus if n == "buurt"}
    assert reeks["gebied_code"].nunique() == 79
    assert len(vlakken) == 92 and vlakken["lon"].between(3.9, 4.7).all()


def test_the_two_years_of_a_period_are_exactly_those_rows_of_the_whole_series(demo_engine):
    with as_layer(demo_engine, "publiek", "tester") as conn:
        reeks = trends.indicator_reeks(conn, "buurt", "overlast_onveiligheid")
        jaren = trends.indicator_jaren(conn, "buurt", "overlast_onveiligheid", 2012, 2018)
    verwacht = reeks[reeks["jaar"].isin([2012, 2018])].reset_index(drop=True)
    assert set(jaren["jaar"]) == {2012, 2018} and len(jaren) < len(reeks)
    pd.testing.assert_frame_equal(jaren, verwacht)


def test_the_public_cannot_read_the_base_tables(demo_engine):
    for table in ("hkd.indicatoren", "hkd.gebieden", "hkd.locaties"):
        with pytest.raises(ProgrammingError), as_layer(demo_engine, "publiek", "tester") as conn:
            conn.execute(aantal_in(table))


def test_public_facility_counts_are_per_pc4_and_points_only_for_hkd(fresh_demo):
    with as_layer(fresh_demo, "publiek", "tester") as conn:
        pc4 = trends.voorzieningen_pc4(conn)
    assert list(pc4.columns) == ["pc4", "voorzieningen", "lon", "lat"]
    assert 0 < pc4["voorzieningen"].sum() <= 78
    with pytest.raises((ProgrammingError, pd.errors.DatabaseError), match="permission denied"), \
            as_layer(fresh_demo, "publiek", "tester") as conn:
        trends.voorzieningen_punten(conn)
    with as_layer(fresh_demo, "hkd", "hkd-tester") as conn:
        punten = trends.voorzieningen_punten(conn)
    assert len(punten) == 78


def test_the_catalogue_counts_what_the_view_holds(demo_engine):
    """Per level and indicator: first and last year, every year, the number of areas and the sources, as counted
    straight from the public view (the catalogue groups in steps to stay fast at national scale)."""
    with as_layer(demo_engine, "publiek", "tester") as conn:
        catalogus = {(i.niveau, i.indicator): i for i in trends.indicator_catalogus(conn)}
        direct = conn.execute(text(
            "SELECT niveau, indicator, min(jaar), max(jaar), array_agg(DISTINCT jaar ORDER BY jaar), "
            "count(DISTINCT gebied_code), string_agg(DISTINCT bron, '; ') FROM publiek.indicator_waarden "
            "GROUP BY niveau, indicator")).all()
    assert len(direct) == len(catalogus) > 5
    for niveau, indicator, eerste, laatste, jaren, gebieden, bron in direct:
        i = catalogus[(niveau, indicator)]
        assert (i.jaren[0], i.jaren[-1], tuple(i.jaren), i.gebieden, i.bron) == \
            (eerste, laatste, tuple(jaren), gebieden, bron)


def test_a_committed_value_of_a_new_year_is_in_the_catalogue_at_once(fresh_demo):
    """The catalogue is kept per data version (migration 572): a committed load shows at once, to every layer."""
    from queries.db import acting_as

    with acting_as(fresh_demo, "tester") as conn:
        code = conn.execute(text("SELECT gebied_code FROM hkd.indicatoren WHERE niveau = 'buurt' "
                                 "AND indicator = 'kwetsbare_groepen' ORDER BY gebied_code LIMIT 1")).scalar_one()
        conn.execute(text("INSERT INTO hkd.indicatoren (niveau, gebied_code, jaar, indicator, waarde, bron) "
                          "VALUES ('buurt', :c, 2031, 'kwetsbare_groepen', 1.5, 'Nieuwe bron')"), {"c": code})
    with as_layer(fresh_demo, "publiek", "tester") as conn:
        i = {(i.niveau, i.indicator): i for i in trends.indicator_catalogus(conn)}[("buurt", "kwetsbare_groepen")]
    assert i.jaren[-1] == 2031 and "Nieuwe bron" in i.bron.split("; ")

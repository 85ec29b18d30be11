"""Kaart 4-3 to 4-7 and Tabel 4-1: every class limit checked at and around its threshold."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from geo import kaarten4 as k4


def _s(*values: float) -> pd.Series:
    return pd.Series(values, index=[f"a{i}" for i in range(len(values))], dtype=float)


def test_kaart_4_3_bands_are_lower_inclusive():
    got = k4.kaart_4_3(_s(69.99, 70, 89.99, 90, 109.99, 110, 129.99, 130, math.nan)).tolist()
    assert got[:8] == [0, 1, 1, 2, 2, 3, 3, 4] and math.isnan(got[8])


def test_kaart_4_4_stable_band_is_closed_on_both_sides():
    got = k4.kaart_4_4(_s(-10.01, -10, -2.01, -2, 0, 2, 2.01, 10, 10.01)).tolist()
    assert got == [0, 1, 1, 2, 2, 2, 3, 3, 4]


def test_kaart_4_5_needs_both_a_large_share_and_an_increase():
    index = _s(109.9, 110, 110, 130, 130, 150, 150)
    delta = _s(20, 2, 2.01, 2.01, 10.01, 10, 10.01)
    assert k4.kaart_4_5(index, delta).tolist() == [0, 0, 1, 2, 3, 2, 3]


@given(st.lists(st.tuples(st.floats(0, 300), st.floats(-50, 50)), min_size=1, max_size=30))
def test_kaart_4_5_is_never_dark_without_its_conditions(pairs):
    index = _s(*[p[0] for p in pairs])
    delta = _s(*[p[1] for p in pairs])
    klasse = k4.kaart_4_5(index, delta)
    for code in index.index:
        if klasse[code] > 0:
            assert index[code] >= 110 and delta[code] > 2
        if klasse[code] == 3:
            assert index[code] >= 130 and delta[code] > 10
        if index[code] >= 130 and delta[code] > 10:
            assert klasse[code] == 3


def test_kaart_4_6_judges_against_the_rotterdam_mean_in_the_bad_direction():
    # mean 0, population sd 1: values -1 and +1 alternate
    values = _s(-1, 1, -1, 1)
    # a Leefbaarometer score: higher is better, so -1 is worse than the mean by exactly 1 sd (closed band: 3)
    assert k4.kaart_4_6(values, hoger_is_beter=True).tolist() == [3, 1, 3, 1]
    assert k4.kaart_4_6(values, hoger_is_beter=False).tolist() == [1, 3, 1, 3]
    wide = _s(-3, 0, 0, 0, 3)  # sd = sqrt(18/5) ~ 1.9: -3 is ~1.58 sd worse
    assert k4.kaart_4_6(wide).tolist() == [4, 2, 2, 2, 0]


def test_kaart_4_7_measures_change_in_start_year_sd():
    van = _s(0, 2, 0, 2)  # mean 1, sd 1
    tot = _s(-0.6, 2.05, 0.2, 1.5)  # changes -0.6 (worse 0.6 sd), +0.05, +0.2, -0.5 (worse 0.5: not > 0.5)
    assert k4.kaart_4_7(van, tot).tolist() == [4, 2, 1, 3]


@given(st.lists(st.floats(-1e3, 1e3), min_size=2, max_size=40))
def test_level_classes_do_not_depend_on_row_order(values):
    s = _s(*values)
    forward = k4.kaart_4_6(s)
    backward = k4.kaart_4_6(s.iloc[::-1]).reindex(s.index)
    pd.testing.assert_series_equal(forward, backward)


def test_tabel_4_1_is_the_top_band_of_kaart_4_3():
    index = _s(129.99, 130, math.nan, 200)
    assert k4.tabel_4_1(index).tolist() == [False, True, False, True]
    assert (k4.tabel_4_1(index) == (k4.kaart_4_3(index) == 4)).all()


def test_every_map_states_its_rule():
    uitleg = k4.uitleg()
    assert {"4-3", "4-4", "4-5", "4-6", "4-7", "4-1t", "4-2t", "4-3t"} <= set(uitleg)
    assert "130" in uitleg["4-1t"] and "Rotterdamse gemiddelde" in uitleg["4-6"]


def test_kaart_3_1_and_3_2_classes():
    assert k4.kaart_3_1(_s(1, 2, 3, 4, 5, math.nan)).tolist()[:4] == [0, 1, 2, 3]
    assert math.isnan(k4.kaart_3_1(_s(5)).iloc[0])
    assert k4.kaart_3_2(_s(0, 0.1, 10, 10.1, 50, 50.1, 67, 67.1)).tolist() == [0, 1, 1, 2, 2, 3, 3, 4]

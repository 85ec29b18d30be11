"""The bench's verdict on the published map against the static reference: the median ratio's interval decides."""

import math

import pytest

from bench.publicatie import Verhouding, mediaan_interval


@pytest.mark.parametrize(("n", "rangen"), [(6, (1, 6)), (9, (2, 8)), (15, (4, 12)), (20, (6, 15)), (41, (14, 28))])
def test_the_median_interval_takes_the_ranks_of_the_published_table(n, rangen):
    """The order statistics that bound a median with at least 95 % (1-based, as tabulated for the sign test)."""
    i, j = mediaan_interval(n)
    assert (i + 1, j + 1) == rangen


@pytest.mark.parametrize("n", range(6, 80))
def test_the_interval_holds_the_median_at_least_95_percent_and_is_the_narrowest(n):
    i, j = mediaan_interval(n)
    dekking = sum(math.comb(n, k) for k in range(i + 1, j + 1)) / 2 ** n  # i+1 .. j draws below the median
    smaller = sum(math.comb(n, k) for k in range(i + 2, j)) / 2 ** n
    assert dekking >= 0.95 > smaller


def test_too_few_runs_decide_nothing():
    assert mediaan_interval(5) is None
    assert Verhouding((0.5, 0.5, 0.5, 0.5, 0.5)).oordeel(1.1).startswith("onbeslist")


def test_met_missed_and_undecided_follow_the_interval_not_single_runs():
    ruis = (0.7, 0.8, 1.3, 1.4)  # single runs far over and under the target
    gehaald = Verhouding(tuple(sorted([0.95] * 37 + list(ruis))))
    assert gehaald.interval == (0.95, 0.95) and gehaald.oordeel(1.1) == "gehaald"
    assert Verhouding(tuple([1.2] * 37 + list(ruis))).oordeel(1.1) == "niet gehaald"
    assert Verhouding(tuple([1.0] * 20 + [1.2] * 21)).oordeel(1.1).startswith("onbeslist")

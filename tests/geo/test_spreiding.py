"""Concentration and per-1,000 maths against hand-computed examples."""

import pytest

from geo.aanbod import Gat, boven_norm, doelreeks
from geo.spreiding import aandeel_top, concentratie, dun_uit, gini, index_tov_stad, klasse_tov_stad, lorenz, per_1000


def test_gini_and_lorenz_by_hand():
    # four buurten with 0, 0, 1, 3 places; Lorenz (0,0) (.25,0) (.5,0) (.75,.25) (1,1): area .1875, Gini .625
    assert lorenz([3, 0, 1, 0]) == [(0, 0), (0.25, 0), (0.5, 0), (0.75, 0.25), (1, 1)]
    assert gini([3, 0, 1, 0]) == pytest.approx(0.625)
    assert gini([5, 5, 5, 5]) == pytest.approx(0.0)


def test_gini_weighted_by_inhabitants_by_hand():
    # places exactly in proportion to inhabitants: no concentration; all places where a quarter lives: 0.75
    assert gini([10, 30], [1000, 3000]) == pytest.approx(0.0)
    assert gini([0, 40], [3000, 1000]) == pytest.approx(0.75)
    # an area without inhabitants cannot be weighed and is left out
    assert gini([10, 30, 99], [1000, 3000, 0]) == pytest.approx(0.0)


def test_share_in_top_twenty_percent():
    assert aandeel_top([3, 0, 1, 0]) == pytest.approx(0.75)  # 20 % of 4 buurten rounds up to 1
    assert aandeel_top([1] * 10) == pytest.approx(0.2)
    assert aandeel_top([0, 0]) is None and aandeel_top([]) is None


def test_per_1000_and_index():
    assert per_1000(25, 5000) == 5.0
    assert per_1000(3, 0) is None and per_1000(3, None) is None
    assert index_tov_stad(7.5, 5.0) == 150 and index_tov_stad(1, None) is None
    assert index_tov_stad(float("nan"), 5.0) is None and per_1000(float("nan"), 100) is None
    c = concentratie([3, 0, 1, 0], [1000, 1000, 1000, 1000])
    assert (c.plaatsen, c.gebieden, c.per_1000_stad) == (4, 4, 1.0)
    assert c.gini_gebieden == pytest.approx(0.625) == c.gini_inwoners


def test_targets_and_gaps():
    reeks = doelreeks((2023, 900), (2030, 1235))
    assert reeks[2023] == 900 and reeks[2030] == 1235 and len(reeks) == 8
    assert reeks[2026] == round(900 + 335 * 3 / 7)
    gat = Gat(gerealiseerd=660, doel=1100)
    assert gat.verschil == -440 and gat.percentage == 60.0
    assert Gat(5, None).verschil is None
    assert boven_norm(4.4) is True and boven_norm(3.0) is False and boven_norm(None) is None


def test_class_against_the_city():
    assert [klasse_tov_stad(p, i) for p, i in ((0, None), (5, 49), (5, 50), (5, 100), (5, 200), (5, 201), (5, None))] \
        == [0, 1, 2, 2, 3, 4, None]


def test_thinning_a_curve_keeps_both_ends_and_at_most_the_number_asked():
    punten = [(i / 999, (i / 999) ** 2) for i in range(1000)]
    dun = dun_uit(punten, 50)
    assert len(dun) == 50 and dun[0] == punten[0] and dun[-1] == punten[-1]
    assert dun == sorted(dun)  # still a curve from left to right
    assert dun_uit(punten[:10], 50) == punten[:10]
    with pytest.raises(ValueError):
        dun_uit(punten, 1)

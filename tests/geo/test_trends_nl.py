"""Figuur 3-x: group means as an index against the Dutch average, computed by hand on a small example."""

from __future__ import annotations

import pandas as pd
import pytest

from geo import trends as tr


def test_group_index_against_nl_by_hand():
    reeks = pd.DataFrame({
        "gebied_code": ["a", "b", "c", "a", "b", "c"],
        "jaar": [2012, 2012, 2012, 2018, 2018, 2018],
        "waarde": [6.0, 2.0, 4.0, 9.0, 3.0, 3.0],
    })
    groep = pd.Series({"a": "Corporatiehuur", "b": "Koop", "c": "Corporatiehuur"})
    nl = pd.Series({2012: 4.0, 2018: 5.0})
    out = tr.per_groep(reeks, groep, nl).set_index(["groep", "jaar"])
    # corporatiehuur 2012: mean(6, 4) = 5 -> 5 / 4 * 100 = 125; 2018: mean(9, 3) = 6 -> 120
    assert out.loc[("Corporatiehuur", 2012), "relatief"] == pytest.approx(125.0)
    assert out.loc[("Corporatiehuur", 2018), "relatief"] == pytest.approx(120.0)
    assert out.loc[("Koop", 2012), "relatief"] == pytest.approx(50.0)
    assert out.loc[("Koop", 2018), "relatief"] == pytest.approx(60.0)
    assert set(out["vorm"]) == {"index"} and out.loc[("Corporatiehuur", 2012), "gebieden"] == 2


def test_years_without_a_reference_are_left_out_and_the_city_mean_is_the_fallback():
    reeks = pd.DataFrame({"gebied_code": ["a", "b", "a"], "jaar": [2012, 2012, 2014], "waarde": [1.0, 3.0, 2.0]})
    groep = pd.Series({"a": "x", "b": "x"})
    assert tr.per_groep(reeks, groep, pd.Series({2012: 2.0}))["jaar"].tolist() == [2012]
    fallback = tr.per_groep(reeks, groep)
    assert fallback["relatief"].tolist() == pytest.approx([100.0, 100.0])


def test_index_of_each_area_against_nl():
    reeks = pd.DataFrame({"gebied_code": ["a", "b"], "jaar": [2018, 2018], "waarde": [7.5, 2.5]})
    got = tr.index_tegen(reeks, pd.Series({2018: 5.0}))
    assert got.to_dict() == {"a": pytest.approx(150.0), "b": pytest.approx(50.0)}

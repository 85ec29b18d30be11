"""CBS 100 m square codes and the page rule of Tabel 4-2/4-3 on parts of buurten (geo.vierkanten), no database."""

from __future__ import annotations

import pandas as pd
import pytest

from geo import veerkracht as vk
from geo import vierkanten as v


def test_codes_are_the_south_west_corner_in_hectometres():
    assert v.lees_code("E0912N4366") == (91_200, 436_600)
    assert v.code(91_200, 436_600) == v.code(91_299.9, 436_699.9) == "E0912N4366"
    assert v.code(91_300, 436_600) == "E0913N4366"
    assert v.normaliseer("CRS28992RES100mE0912N4366") == v.normaliseer(" e0912n4366 ") == "E0912N4366"


@pytest.mark.parametrize("slecht", ["E912N4366", "E0912N43660", "E3000N4366", "E0912N2999", "E0912N6300",
                                    "N4366E0912", "E0912-N4366", "BU05991081", "", "=1+1"])
def test_anything_else_is_no_square(slecht):
    assert v.lees_code(slecht) is None
    with pytest.raises(ValueError):
        v.normaliseer(slecht)


def _vierkanten(**per_buurt: list[str]) -> pd.DataFrame:
    rijen = [(f"{b}-{i}", b, k) for b, klassen in per_buurt.items() for i, k in enumerate(klassen)]
    return pd.DataFrame(rijen, columns=["vierkant", "buurt_code", "klasse"])


def test_a_buurt_is_in_tabel_4_2_from_the_share_on_and_named_for_its_part():
    buurt = pd.Series({"A": "donkergroen", "B": "donkergroen", "C": "donkerrood", "D": "lichtrood"})
    vk_ = _vierkanten(A=["donkerrood"] * 2 + ["donkergroen"] * 3,          # 40 %: in
                      B=["donkerrood"] + ["donkergroen"] * 4,              # 20 %: under 25 %, out
                      D=["donkerrood"] + ["lichtrood"] * 3)                # 25 % exactly: in
    rijen = {r.gebied_code: r for r in v.tabelrijen(buurt, vk_, "donkerrood", 0.25)}
    assert set(rijen) == {"A", "C", "D"}  # C: the whole buurt is class 1, without squares
    assert rijen["A"].naam("Bloemhof") == "Bloemhof (deel: 40 % van de vierkanten)"
    assert rijen["C"].deel is None and rijen["C"].naam("Bospolder") == "Bospolder"
    assert rijen["D"].deel == pytest.approx(0.25)


def test_tabel_4_3_takes_some_squares_and_a_buurt_can_be_in_both_tables():
    buurt = pd.Series({"A": "donkergroen", "B": "heldergroen"})
    vk_ = _vierkanten(A=["donkerrood"] * 2 + ["donkergroen"] * 3, B=["donkergroen"] + ["heldergroen"] * 9)
    t42 = {r.gebied_code for r in v.tabelrijen(buurt, vk_, "donkerrood", 0.25)}
    t43 = {r.gebied_code: r for r in v.tabelrijen(buurt, vk_, "donkergroen", None)}
    assert t42 == {"A"} and set(t43) == {"A", "B"}
    assert t43["A"].naam("X") == "X (deel: 60 % van de vierkanten)"
    assert t43["B"].naam("Y") == "Y (deel: 10 % van de vierkanten)"


def test_withheld_squares_do_not_count_and_all_squares_in_the_class_name_no_part():
    buurt = pd.Series({"A": "donkerrood"})
    vk_ = _vierkanten(A=["donkerrood"] * 3 + ["geen_gegevens"] * 5)
    (rij,) = v.tabelrijen(buurt, vk_, "donkerrood", 0.25)
    assert rij.deel == 1.0 and rij.naam("Bloemhof") == "Bloemhof"


def test_a_whole_buurt_in_the_class_stays_in_the_table_whatever_its_squares():
    buurt = pd.Series({"A": "donkerrood"})
    (rij,) = v.tabelrijen(buurt, _vierkanten(A=["donkergroen"] * 4), "donkerrood", 0.25)
    assert rij.gebied_code == "A" and rij.naam("Bloemhof") == "Bloemhof"


def test_squares_are_judged_against_the_buurten_not_against_each_other():
    """Two squares with the same high overlast (both well below the buurten's mean score): both 'al hoog'
    against the buurten; judged among themselves neither would be (sd 0)."""
    buurten_van = pd.Series([0.1, 0.0, -0.1, 0.2], index=list("abcd"))
    periode = pd.DataFrame({"vierkant": ["E0912N4366", "E0913N4366"], "buurt_code": ["a", "a"],
                            "kw_van": [100.0, 100.0], "kw_tot": [110.0, 110.0],
                            "ov_van": [-0.3, -0.3], "ov_tot": [-0.35, -0.25]})
    k = v.klassen(periode, buurten_van)
    assert list(k["klasse"]) == ["donkerrood", "donkergroen"]
    alleen = vk.classificeer(periode.set_index("vierkant")[["kw_van", "kw_tot"]].set_axis(["van", "tot"], axis=1),
                             periode.set_index("vierkant")[["ov_van", "ov_tot"]].set_axis(["van", "tot"], axis=1))
    assert not alleen["overlast_hoog"].any()


def test_a_square_with_a_withheld_value_has_no_class():
    periode = pd.DataFrame({"vierkant": ["E0912N4366"], "buurt_code": ["a"], "kw_van": [float("nan")],
                            "kw_tot": [110.0], "ov_van": [-0.3], "ov_tot": [-0.35]})
    assert list(v.klassen(periode, pd.Series([0.1, -0.1]))["klasse"]) == ["geen_gegevens"]

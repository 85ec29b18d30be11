"""Kaart 4-1 classes (dominant corporation) and the Kaart 4-4 overlay circles: pure rules."""

from __future__ import annotations

import math

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from geo import kaarten4 as k4


def test_most_dominant_corporations_get_okabe_ito_colours_in_order_ties_by_name_rest_overige_and_grey():
    namen = ["Basalt"] * 3 + ["Amber"] * 3 + ["Cederhout"] * 5 + [f"C{i}" for i in range(6)]
    dominant = pd.Series(namen, index=[f"b{i}" for i in range(len(namen))])
    codes = [*dominant.index, "leeg1", "leeg2"]
    klasse, legenda = k4.kaart_4_1(dominant, codes)
    labels = [c.label for c in legenda]
    # 5 areas first; Amber and Basalt tie on 3: alphabetical; then the C0..C5 with one area each, by name
    assert labels[:7] == ["Cederhout", "Amber", "Basalt", "C0", "C1", "C2", "C3"]
    assert labels[7].startswith("overige corporatie") and labels[8] == "geen corporatiebezit"
    assert [c.rgb for c in legenda[:7]] == list(k4.OKABE_ITO)
    assert legenda[8].rgb == k4.GEEN_CORPORATIEBEZIT
    assert klasse["b0"] == 2 and klasse["b3"] == 1 and klasse["b6"] == 0
    assert klasse[f"b{11 + 5}"] == 7  # C5: overige
    assert klasse["leeg1"] == klasse["leeg2"] == 8
    assert [c.nr for c in legenda] == list(range(len(legenda)))


def test_without_corporatiebezit_everything_is_grey_and_no_overige_class():
    klasse, legenda = k4.kaart_4_1(pd.Series(dtype=object), ["a", "b"])
    assert [c.label for c in legenda] == ["geen corporatiebezit"] and set(klasse) == {0.0}


@given(st.lists(st.sampled_from(["A", "B", "C", "D", "E", "F", "G", "H", "I"]), max_size=40))
def test_every_area_gets_exactly_one_class_of_the_legend(namen):
    dominant = pd.Series(namen, index=[f"x{i}" for i in range(len(namen))])
    klasse, legenda = k4.kaart_4_1(dominant, [*dominant.index, "zonder"])
    assert klasse.notna().all() and set(klasse.astype(int)) <= {c.nr for c in legenda}
    assert legenda[int(klasse["zonder"])].label == "geen corporatiebezit"
    eigen = {c.label: c.nr for c in legenda if not c.label.startswith(("overige", "geen"))}
    for code, naam in dominant.items():  # a named class holds only areas of that corporation
        if naam in eigen:
            assert klasse[code] == eigen[naam]


def test_circle_area_is_proportional_to_the_count():
    assert k4.cirkel_straal(10) == k4.CIRKEL_BASIS_M
    assert math.isclose(k4.cirkel_straal(40), 2 * k4.CIRKEL_BASIS_M)
    assert k4.cirkel_straal(0) == 0 and k4.cirkel_straal(-3) == 0
    assert math.isclose((k4.cirkel_straal(50) / k4.cirkel_straal(25)) ** 2, 2)

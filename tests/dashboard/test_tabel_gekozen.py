"""The list filters of the Escalatieladder and the initiatives: a choice per column, no choice keeps every row."""

import pandas as pd

from dashboard.widgets.tabel import gekozen

LIJST = pd.DataFrame({"fase": ["0", "1", "2", "3a"], "aanbieder": ["alfa", "bravo", "alfa", "charlie"]})


def test_no_choice_keeps_every_row():
    assert gekozen(LIJST, {"fase": [], "aanbieder": []}).equals(LIJST)


def test_choices_on_several_columns_all_hold():
    uit = gekozen(LIJST, {"fase": ["0", "2", "3a"], "aanbieder": ["alfa"]})
    assert list(uit["fase"]) == ["0", "2"]
    assert set(uit["aanbieder"]) == {"alfa"}


def test_a_choice_nothing_matches_leaves_an_empty_list():
    assert gekozen(LIJST, {"aanbieder": ["delta"]}).empty

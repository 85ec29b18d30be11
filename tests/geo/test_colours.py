"""Class breaks and colours for counts."""

from hypothesis import given
from hypothesis import strategies as st

from geo.colours import NO_DATA, SEQUENTIAL_5, class_index, colour_for, count_classes


def test_zero_has_its_own_class_and_labels_are_dutch():
    breaks, labels = count_classes([0, 1, 2, 5, 8, 12])
    assert labels[0] == "geen"
    assert class_index(0, breaks) == 0
    assert class_index(12, breaks) == len(labels) - 1
    assert len(labels) == len(breaks) + 1


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=200))
def test_every_value_gets_a_class_with_a_label(values):
    breaks, labels = count_classes(values)
    for v in values:
        i = class_index(v, breaks)
        assert 0 <= i < len(labels)
        assert (i == 0) == (v == 0)


def test_missing_values_are_grey():
    assert colour_for(None) == NO_DATA
    assert colour_for(0) == SEQUENTIAL_5[0]

"""The disclosure rule of the public layer: unit cases and properties over arbitrary data."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.disclosure import (
    DisclosureRule,
    PublicCell,
    RawCell,
    afgerond,
    publish_cells,
    publish_totals,
    violations,
)

SECRET = {"opvang"}
WOONVORMEN = ["opvang", "beschermd_wonen", "doorstroom", "flexwonen"]


def test_small_cells_hide_places_and_large_ones_are_rounded():
    rule = DisclosureRule(min_voorzieningen=3, afronding=5)
    cells = [RawCell("3011", "beschermd_wonen", 2, 41), RawCell("3011", "doorstroom", 3, 42)]
    assert publish_cells(cells, rule, SECRET) == [
        PublicCell("3011", "beschermd_wonen", 2, None), PublicCell("3011", "doorstroom", 3, 40)]


def test_confidential_woonvorm_never_appears_per_pc4_nor_in_totals():
    rule = DisclosureRule()
    cells = [RawCell("3011", "opvang", 5, 100), RawCell("3011", "doorstroom", 4, 30)]
    assert [c.woonvorm for c in publish_cells(cells, rule, SECRET)] == ["doorstroom"]
    assert publish_totals(cells, rule, SECRET) == {"3011": (4, 30)}


def test_total_is_hidden_when_it_would_reveal_a_single_hidden_cell():
    rule = DisclosureRule(min_voorzieningen=3, afronding=1)
    cells = [RawCell("3011", "beschermd_wonen", 3, 30), RawCell("3011", "doorstroom", 1, 12)]
    assert publish_totals(cells, rule, SECRET)["3011"] == (4, None)
    # two hidden cells holding together at least the threshold may be covered by the total
    cells.append(RawCell("3011", "flexwonen", 2, 50))
    assert publish_totals(cells, rule, SECRET)["3011"] == (6, 92)


def test_empty_pc4_shows_zero_and_rounding_matches_sql():
    assert publish_totals([], DisclosureRule(), SECRET, ["3011"]) == {"3011": (0, 0)}
    assert [afgerond(n, 5) for n in (0, 2, 3, 7, 8, 12, 13)] == [0, 0, 5, 5, 10, 10, 15]
    assert afgerond(15, 10) == 20  # halves go up, like PostgreSQL round() on numeric


def test_rule_validation_and_plain_dutch_text():
    with pytest.raises(ValueError):
        DisclosureRule(min_voorzieningen=0)
    with pytest.raises(ValueError):
        DisclosureRule(vertrouwelijk_niveau="buurt")
    text = " ".join(DisclosureRule(4, 10).toelichting(["opvang"]))
    assert "minstens 4 voorzieningen" in text and "10-tallen" in text and "opvang" in text


def test_violations_catch_every_kind_of_leak():
    rule = DisclosureRule(3, 5)
    bad = [PublicCell("3011", "opvang", 5, 50), PublicCell("3012", "doorstroom", 1, 10),
           PublicCell("3013", "doorstroom", 4, 12)]
    problems = violations(bad, {"3014": (2, 10), "3012": (4, 20)}, rule, SECRET)
    assert len(problems) == 5


raw_cells = st.lists(
    st.builds(RawCell, st.sampled_from(["3011", "3012", "3013", "3014"]), st.sampled_from(WOONVORMEN),
              st.integers(1, 12), st.integers(0, 400)),
    max_size=30, unique_by=lambda c: (c.pc4, c.woonvorm),
)
rules = st.builds(DisclosureRule, st.integers(1, 10), st.integers(1, 20), st.sampled_from(["gemeente", "gebied"]))


@settings(max_examples=300, deadline=None)
@given(raw_cells, rules)
def test_no_public_cell_below_the_threshold_shows_places(cells, rule):
    public = publish_cells(cells, rule, SECRET)
    totals = publish_totals(cells, rule, SECRET)
    assert violations(public, totals, rule, SECRET) == []
    for c in public:
        assert c.woonvorm not in SECRET
        if c.voorzieningen < rule.min_voorzieningen:
            assert c.plaatsen is None
        else:
            assert c.plaatsen is not None and c.plaatsen % rule.afronding == 0
    for _code, (n, p) in totals.items():
        if p is not None and n:
            assert n >= rule.min_voorzieningen


@settings(max_examples=300, deadline=None)
@given(raw_cells, rules)
def test_a_hidden_cell_can_never_be_recovered_from_the_total(cells, rule):
    public = publish_cells(cells, rule, SECRET)
    totals = publish_totals(cells, rule, SECRET)
    for code, (_n, p) in totals.items():
        hidden = [c for c in public if c.pc4 == code and c.plaatsen is None]
        if p is not None and len(hidden) >= 1:
            assert sum(c.voorzieningen for c in hidden) >= rule.min_voorzieningen


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 50))
def test_rounding_is_to_the_nearest_multiple(n, r):
    v = afgerond(n, r)
    assert v % r == 0 and abs(v - n) <= r / 2

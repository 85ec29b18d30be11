"""The monitoring rules (pure): signal thresholds at their boundaries, handling norm, commissie rhythm per fase,
overdue verbeteracties and the planning states."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.meldingen import (
    MeldingNormen,
    actie_over_tijd,
    binnen_norm,
    commissie_stand,
    maanden_terug,
    maanden_verder,
    melding_signaal,
    planning_stand,
    signaal_reden,
)

normen = st.builds(MeldingNormen, signaal_min_meldingen=st.integers(1, 50), signaal_min_buiten_norm=st.integers(1, 20),
                   signaal_periode_maanden=st.integers(1, 12), afhandel_norm_dagen=st.integers(1, 60))


@given(normen, st.integers(0, 200), st.data())
def test_signal_exactly_at_and_above_the_thresholds(nrm, aantal, data):
    buiten = data.draw(st.integers(0, aantal))
    s = melding_signaal(aantal, buiten, nrm)
    verwacht = aantal >= nrm.signaal_min_meldingen or buiten >= nrm.signaal_min_buiten_norm
    assert (s is not None) == verwacht
    if s is not None:
        assert s.door_aantal == (aantal >= nrm.signaal_min_meldingen)
        assert s.door_norm == (buiten >= nrm.signaal_min_buiten_norm)


@given(normen)
def test_one_below_both_thresholds_is_no_signal_and_one_more_is(nrm):
    onder = nrm.signaal_min_meldingen - 1
    buiten = min(nrm.signaal_min_buiten_norm - 1, onder)
    assert melding_signaal(onder, buiten, nrm) is None
    assert melding_signaal(onder + 1, buiten, nrm) is not None


@given(normen, st.integers(0, 100), st.data())
def test_signal_is_monotone_in_both_counts(nrm, aantal, data):
    buiten = data.draw(st.integers(0, aantal))
    if melding_signaal(aantal, buiten, nrm) is not None:
        assert melding_signaal(aantal + 1, buiten, nrm) is not None
        assert melding_signaal(aantal + 1, buiten + 1, nrm) is not None


def test_impossible_counts_are_refused():
    with pytest.raises(ValueError):
        melding_signaal(3, 4, MeldingNormen())
    with pytest.raises(ValueError):
        melding_signaal(-1, 0, MeldingNormen())


def test_reason_reads_like_the_meeting_expects():
    s = melding_signaal(12, 4, MeldingNormen())
    assert signaal_reden(s) == "12 meldingen in 3 maanden, 4 niet binnen de norm (14 dagen) afgehandeld"
    assert signaal_reden(melding_signaal(8, 0, MeldingNormen())) == "8 meldingen in 3 maanden"


@given(st.integers(1, 60), st.floats(0, 120), st.floats(0, 120))
def test_handling_norm_boundary(norm, afhandel_dagen, later):
    ontvangen = datetime(2025, 1, 1, 12)
    af = ontvangen + timedelta(days=afhandel_dagen)
    assert binnen_norm(ontvangen, af, norm, af + timedelta(days=later)) == (afhandel_dagen <= norm)
    op = ontvangen + timedelta(days=later)
    assert binnen_norm(ontvangen, None, norm, op) == (False if later > norm else None)


def test_handled_exactly_at_the_norm_is_in_time():
    ontvangen = datetime(2025, 1, 1, 12)
    assert binnen_norm(ontvangen, ontvangen + timedelta(days=14), 14, ontvangen + timedelta(days=30)) is True
    assert binnen_norm(ontvangen, ontvangen + timedelta(days=14, seconds=1), 14, ontvangen) is False


@pytest.mark.parametrize("fase, laatste, op, achter", [
    ("0", date(2024, 5, 1), date(2025, 5, 1), False),  # exactly a year: still in rhythm
    ("0", date(2024, 5, 1), date(2025, 5, 2), True),
    ("1", date(2025, 1, 31), date(2025, 4, 30), False),  # 31 Jan + 3 months = 30 Apr (clamped)
    ("1", date(2025, 1, 31), date(2025, 5, 1), True),
    ("2", date(2025, 1, 1), date(2025, 3, 2), True),
    ("3a", date(2025, 1, 1), date(2025, 2, 1), False),
    ("3b", date(2025, 1, 1), date(2025, 2, 2), True),
    (None, date(2020, 1, 1), date(2025, 1, 1), False),  # no fase: no rhythm
])
def test_commissie_rhythm_per_fase(fase, laatste, op, achter):
    assert commissie_stand(fase, laatste, op, MeldingNormen()).achter is achter


def test_commissie_without_any_meeting_is_due_one_rhythm_after_the_start():
    nrm = MeldingNormen()
    assert not commissie_stand("1", None, date(2023, 8, 1), nrm, sinds=date(2023, 6, 1)).achter
    assert commissie_stand("1", None, date(2023, 9, 2), nrm, sinds=date(2023, 6, 1)).achter
    assert commissie_stand("1", None, date(2023, 6, 2), nrm).achter  # nothing known: behind at once


@given(st.sampled_from(["0", "1", "2", "3a", "3b"]), st.dates(date(2020, 1, 1), date(2030, 1, 1)),
       st.integers(0, 800))
def test_rhythm_is_behind_exactly_after_the_due_date(fase, laatste, dagen):
    nrm = MeldingNormen()
    stand = commissie_stand(fase, laatste, laatste + timedelta(days=dagen), nrm)
    assert stand.volgende_uiterlijk == maanden_verder(laatste, nrm.ritme_maanden(fase))
    assert stand.achter == (laatste + timedelta(days=dagen) > stand.volgende_uiterlijk)


@given(st.dates(date(2000, 1, 1), date(2090, 1, 1)), st.integers(0, 60))
def test_months_back_and_forth(d, n):
    terug = maanden_terug(d, n)
    assert (d.year * 12 + d.month) - (terug.year * 12 + terug.month) == n
    assert terug.day <= d.day


@pytest.mark.parametrize("status, op, over", [
    ("open", date(2025, 3, 2), True), ("loopt", date(2025, 3, 2), True), ("open", date(2025, 3, 1), False),
    ("gereed", date(2025, 9, 1), False), ("vervallen", date(2025, 9, 1), False),
])
def test_verbeteractie_overdue(status, op, over):
    assert actie_over_tijd(date(2025, 3, 1), status, op) is over


@pytest.mark.parametrize("gereed, op, stand", [
    (date(2024, 1, 5), date(2024, 6, 1), "gereed"),  # done (late, but done)
    (None, date(2024, 1, 1), "te_laat"),
    (None, date(2023, 12, 31), "binnenkort"),
    (None, date(2023, 12, 1), "binnenkort"),
    (None, date(2023, 11, 1), "op_schema"),
    (date(2024, 2, 1), date(2024, 1, 15), "te_laat"),  # done only after the date shown
])
def test_planning_states(gereed, op, stand):
    assert planning_stand(date(2023, 12, 31), gereed, op) == stand

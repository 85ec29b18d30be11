"""The demo's stories hold on any load day (issue 21): history does not move with the calendar, and every story of
"today" is placed relative to the load day by a rule that keeps it true. Pure: the demo generators are called with
load days across a decade (DST nights, New Year's Eve, leap days included); no database, no wall clock."""

from __future__ import annotations

import functools
from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from core.domain import CONVENANT_IN_WERKING, INVENTARISATIE_DATUM
from data import demo_history, demo_locaties, demo_monitoring
from data.demo_locaties import OVERLEG_DATA
from data.demo_vergaderingen import (
    PLATFORM_DATA,
    PLATFORM_RITME_GELDIG_DAGEN,
    VOORBEREIDING_DAGEN,
    platform_data,
    volgend_sturingsoverleg,
)
from geo.meldingen import MeldingNormen, binnen_norm, commissie_stand, maanden_terug, platform_stand

CODES = [loc.code for loc in demo_locaties.locaties()]
INITIAL = demo_locaties.initial_fasen(CODES)
HISTORY = demo_history.fase_history(INITIAL)
NORMEN = MeldingNormen()
TZ = demo_monitoring.TZ

# Load days from the day after the last demo meeting to ten years on, and the days that moved stories before.
laaddagen = st.dates(min_value=OVERLEG_DATA[-1] + timedelta(days=1), max_value=date(2032, 12, 31))
BIJZONDERE_DAGEN = (date(2026, 12, 7), date(2027, 3, 28), date(2027, 10, 31), date(2027, 12, 31), date(2028, 1, 1),
                    date(2028, 2, 29), date(2028, 3, 1))


@functools.lru_cache(maxsize=64)
def _meldingen(anker: date) -> tuple[demo_monitoring.DemoMelding, ...]:
    return tuple(demo_monitoring.meldingen(CODES, INITIAL, HISTORY, anker, NORMEN.signaal_min_meldingen,
                                     NORMEN.signaal_periode_maanden))


@settings(max_examples=6, deadline=None)
@given(eerder=laaddagen, later=laaddagen)
def test_history_of_meldingen_is_the_same_on_any_load_day(eerder, later):
    eerder, later = min(eerder, later), max(eerder, later)
    grens = datetime.combine(maanden_terug(eerder, NORMEN.signaal_periode_maanden) - timedelta(days=60), time(0), TZ)

    def geschiedenis(anker: date) -> set:
        # identity and content of every melding received and handled well before the earlier load day
        return {(m.extern_id, m.ontvangen_op, m.bron, m.categorie, m.afgehandeld_op, m.afhandeling, m.melder_tevreden)
                for m in _meldingen(anker) if m.ontvangen_op < grens and m.afgehandeld_op is not None
                and m.afgehandeld_op < grens}

    assert geschiedenis(eerder) == geschiedenis(later)


def test_the_3a_location_calms_down_after_its_verbetertraject_on_every_load_day():
    """The story of test_voor_na_meldingen_match_direct_sql: more meldingen in the six months before the
    verbetertraject ended than in the six months after, whatever the load day."""
    terug = next(r for r in HISTORY if r.fase == "1" and r.reden.startswith("Verbetertraject"))
    begin, eind = maanden_terug(terug.ingangsdatum, 6), terug.ingangsdatum + (terug.ingangsdatum - maanden_terug(
        terug.ingangsdatum, 6))
    tellingen = set()
    for anker in BIJZONDERE_DAGEN + (eind + timedelta(days=1), date(2031, 6, 1)):
        eigen = [m.ontvangen_op.date() for m in _meldingen(anker) if m.locatie == terug.locatie]
        voor = sum(begin <= d < terug.ingangsdatum for d in eigen)
        na = sum(terug.ingangsdatum <= d < eind for d in eigen)
        assert voor > na
        tellingen.add((voor, na))
    assert len(tellingen) == 1, "the counts are history: the same on every load day"


@settings(max_examples=25, deadline=None)
@given(anker=laaddagen, dagen_later=st.integers(min_value=0, max_value=demo_monitoring.JOURNEY_GELDIG_DAGEN - 1))
def test_journey_location_is_one_short_of_the_signal_for_two_weeks(anker, dagen_later):
    op = anker + timedelta(days=dagen_later)
    nu = datetime.combine(op, time(23, 59), TZ)  # the last moment of the day the test looks
    van = maanden_terug(op, NORMEN.signaal_periode_maanden) + timedelta(days=1)
    eigen = [m for m in _meldingen(anker) if m.locatie == demo_monitoring.JOURNEY_LOCATIE]
    in_periode = [m for m in eigen if van <= m.ontvangen_op.date() <= op]
    assert len(in_periode) == NORMEN.signaal_min_meldingen - 1
    buiten = [m for m in in_periode if binnen_norm(m.ontvangen_op, m.afgehandeld_op, NORMEN.afhandel_norm_dagen, nu)
              is False]
    assert len(buiten) == 1 < NORMEN.signaal_min_buiten_norm
    assert all(m.afgehandeld_op is not None for m in in_periode), "none is left open to age past the norm"


@settings(max_examples=40, deadline=None)
@given(anker=laaddagen)
def test_commissies_behind_their_rhythm_are_exactly_the_laggards(anker):
    actief, gestart = demo_monitoring.commissies(INITIAL)
    laatste: dict[str, date] = {}
    for code, dag, _aanwezig, _verslag in demo_monitoring.vergaderingen(actief, INITIAL, HISTORY, gestart, anker):
        assert dag < anker
        laatste[code] = max(dag, laatste.get(code, dag))
    achter = {c for c in actief if commissie_stand(demo_monitoring.fase_op(HISTORY, INITIAL, c, anker), laatste.get(c),
                                                     anker, NORMEN, sinds=INVENTARISATIE_DATUM).achter}
    assert len(achter) == 6 and 0 < len(achter) < len(actief)


@settings(max_examples=60, deadline=None)
@given(anker=laaddagen)
def test_meeting_in_preparation_follows_the_load_day(anker):
    volgend = volgend_sturingsoverleg(anker)
    assert volgend.weekday() == 3 and 8 <= volgend.day <= 14, "the second Thursday of a month"
    assert VOORBEREIDING_DAGEN <= (volgend - anker).days <= VOORBEREIDING_DAGEN + 35
    assert volgend > OVERLEG_DATA[-1]


def test_meeting_in_preparation_before_the_last_demo_meeting_is_after_it():
    assert volgend_sturingsoverleg(date(2026, 12, 7)) == date(2027, 1, 14)
    assert volgend_sturingsoverleg(date(2026, 11, 1)) == date(2026, 12, 10)
    assert volgend_sturingsoverleg(INVENTARISATIE_DATUM) > OVERLEG_DATA[-1]


@given(anker=laaddagen | st.sampled_from(BIJZONDERE_DAGEN),
       dagen_later=st.integers(min_value=0, max_value=PLATFORM_RITME_GELDIG_DAGEN))
def test_the_platform_keeps_its_rhythm_on_any_load_day_and_months_after(anker, dagen_later):
    """Seed 001: the Platform "vergadert min. 2x p/j."; the demo holds it on any load day and for two months
    after, its history unchanged, every meeting held (not after the load day) on a Thursday."""
    data = platform_data(anker)
    assert data[:len(PLATFORM_DATA)] == PLATFORM_DATA and data[-1] <= anker
    assert all(d.weekday() == 3 for d in data) and list(data) == sorted(set(data))
    assert not platform_stand(data, anker + timedelta(days=dagen_later), CONVENANT_IN_WERKING).achter


def test_the_platform_rhythm_s_narrowest_load_day():
    data = platform_data(date(2027, 2, 3))
    assert data == PLATFORM_DATA
    assert not platform_stand(data, date(2027, 4, 8), CONVENANT_IN_WERKING).achter
    assert (date(2027, 4, 8) - date(2027, 2, 3)).days >= PLATFORM_RITME_GELDIG_DAGEN


def test_the_platform_rhythm_signal_fires_when_the_meetings_stop():
    data = platform_data(date(2026, 12, 7))
    assert data == PLATFORM_DATA  # loaded today: the fixed history only
    assert not platform_stand(data, date(2027, 4, 8), CONVENANT_IN_WERKING).achter  # 09-04-2026 and 08-10-2026
    stand = platform_stand(data, date(2027, 4, 9), CONVENANT_IN_WERKING)  # twelve months after 09-04-2026: one left
    assert stand.achter and stand.gehouden == 1 and stand.laatste == date(2026, 10, 8)
    # not judged before the convenant has been in force for a year (in force 01-04-2023, first Platform 05-10-2023)
    assert not platform_stand(data, date(2024, 3, 31), CONVENANT_IN_WERKING).achter
    assert platform_stand(data, date(2024, 4, 1), CONVENANT_IN_WERKING).achter


@given(eerder=laaddagen, later=laaddagen)
def test_what_contractmanagement_and_the_ozv_signalled_is_history(eerder, later):
    """Seed 001's monitoring sources in the demo are fixed history: the same meldingen on any load day."""
    assert demo_monitoring.monitoring_signalen(eerder) == demo_monitoring.monitoring_signalen(later)
    assert {m.bron for m in demo_monitoring.monitoring_signalen(eerder)} == {"contractmanagement", "ozv"}

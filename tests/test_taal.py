"""Counts, dates and times as people read them."""

from datetime import UTC, date, datetime

from core.taal import aantal, datum, tijdstip


def test_singular_only_for_one():
    assert aantal(1, "voorziening", "voorzieningen") == "1 voorziening"
    assert aantal(0, "voorziening", "voorzieningen") == "0 voorzieningen"
    assert aantal(4, "probleem", "problemen") == "4 problemen"


def test_dates_and_times_on_rotterdams_clock():
    assert datum(date(2026, 12, 7)) == "07-12-2026"
    # 23:30 UTC on 31 May is already 1 June in Rotterdam (summer time, UTC+2)
    assert datum(datetime(2023, 5, 31, 23, 30, tzinfo=UTC)) == "01-06-2023"
    assert tijdstip(datetime(2026, 12, 7, 8, 30, tzinfo=UTC)) == "07-12-2026 09:30"

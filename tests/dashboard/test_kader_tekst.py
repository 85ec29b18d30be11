"""The caption under a map names the locations its first view leaves out (issue 26): how many, and where."""

from __future__ import annotations

import pandas as pd

from dashboard.kaart.kader import buiten_beeld_tekst

STAD = [(4.40 + (i % 8) * 0.025, 51.87 + (i // 8) * 0.025, "Noord") for i in range(40)]


def _frame(rijen):
    return pd.DataFrame(rijen, columns=["lon", "lat", "gebied"])


def test_the_locations_outside_the_first_view_are_counted_per_gebied():
    rijen = [*STAD, (4.13, 51.98, "Hoek van Holland"), (4.08, 51.985, "Hoek van Holland"),
             (4.23, 51.91, "Rozenburg *vet*")]
    assert buiten_beeld_tekst(_frame(rijen), per="gebied") == \
        r"3 locaties buiten beeld (Hoek van Holland 2, Rozenburg \*vet\* 1): zoom uit"
    assert buiten_beeld_tekst(_frame(rijen[:41])) == "1 locatie buiten beeld: zoom uit"


def test_nothing_is_said_when_every_location_is_in_the_first_view():
    assert buiten_beeld_tekst(_frame(STAD), per="gebied") == ""
    assert buiten_beeld_tekst(_frame([])) == ""

"""The import engine on its own: one declaration, the Dutch ways of writing numbers and dates, all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from data.importeur import controleer, lees
from geo.kolommen import AANTAL, DATUM, RATIO, TEKST, TIJDSTIP, Formaat, Kolom

PROEF = Formaat("proef", "Proef", (
    Kolom("id", AANTAL, sleutel=True),
    Kolom("dag", DATUM, verplicht=False),
    Kolom("moment", TIJDSTIP, verplicht=False),
    Kolom("lat", RATIO, verplicht=False, bereik=(50.5, 53.7)),
    Kolom("pct", RATIO, verplicht=False),
    Kolom("tekst", TEKST, verplicht=False, max_tekens=20, vrij=True),
))


def _rij(**cellen: str):
    kop = ";".join(k.naam for k in PROEF.kolommen)
    rij = ";".join(cellen.get(k.naam, "") for k in PROEF.kolommen)
    controle = controleer(lees(f"{kop}\n{rij}\n".encode(), "p.csv", PROEF), PROEF)
    return (controle.regels[0] if controle.regels else None), [str(p) for p in controle.problemen]


@pytest.mark.parametrize("tekst, dag", [
    ("1-5-2024", dt.date(2024, 5, 1)), ("01-05-2024", dt.date(2024, 5, 1)), ("01/05/2024", dt.date(2024, 5, 1)),
    ("1.5.2024", dt.date(2024, 5, 1)), ("2024-05-01", dt.date(2024, 5, 1)), ("45413", dt.date(2024, 5, 1)),
    ("45413,5", dt.date(2024, 5, 1)),
])
def test_dates_day_first_iso_or_excel_serial(tekst, dag):
    regel, problemen = _rij(id="1", dag=tekst)
    assert not problemen and regel["dag"] == dag


@pytest.mark.parametrize("tekst", ["05/13/2024", "31-02-2024", "1-5-24", "mei 2024", "2024-13-01", "2023", "99999",
                                   "٠١-٠٥-٢٠٢٤"])
def test_impossible_or_unclear_dates_are_refused(tekst):
    regel, problemen = _rij(id="1", dag=tekst)
    assert regel is None and problemen[0].startswith("p.csv, rij 2, dag:")


def test_a_moment_is_local_time():
    regel, _ = _rij(id="1", moment="01-03-2025 21:15")
    assert regel["moment"].isoformat() == "2025-03-01T21:15:00+01:00"


@pytest.mark.parametrize("cel, waarde", [("2.000", 2000), ("2 000", 2000), ("2000", 2000), ("1.234.567", 1234567)])
def test_a_count_with_dutch_thousands(cel, waarde):
    regel, problemen = _rij(id=cel)
    assert not problemen and regel["id"] == waarde


@pytest.mark.parametrize("cel", ["2,5", "1e3", "tien", "nan", "inf", "=1+1", "٣"])
def test_a_count_that_is_not_whole_or_not_a_number_is_refused(cel):
    regel, problemen = _rij(id=cel)
    assert regel is None and problemen and problemen[0].startswith("p.csv, rij 2, id:")


def test_an_ambiguous_ratio_is_refused_unless_its_range_allows_one_reading():
    _, problemen = _rij(id="1", pct="3.455")
    assert "dubbelzinnig" in problemen[0]
    regel, problemen = _rij(id="1", lat="51.923")
    assert not problemen and regel["lat"] == 51.923
    regel, problemen = _rij(id="1", pct="61,5")
    assert not problemen and regel["pct"] == 61.5


def test_free_text_is_limited_and_free_of_personal_data():
    assert "langer dan 20 tekens" in _rij(id="1", tekst="x" * 21)[1][0]
    assert "e-mailadres" in _rij(id="1", tekst="a@b.nl")[1][0]

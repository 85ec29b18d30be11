"""Personal data by pattern: the column names and the free-text values every importer refuses."""

from __future__ import annotations

import pytest

from geo.persoonsgegevens import elfproef, is_persoonskolom, zoek_persoonsgegevens


@pytest.mark.parametrize("naam", [
    "naam", "Naam melder", "naam_melder", "voornaam", "Achternaam", "e-mail", "E-mailadres", "email", "mail",
    "telefoon", "Telefoonnummer", "tel", "Tel.", "telnr", "Mobiel", "mobiel nummer", "gsm", "bsn", "BSN melder",
    "Burgerservicenummer", "geboortedatum", "Geb. datum", "geb_datum", "adres", "Woonadres", "melder",
    "contactpersoon", "naam bewoner", "Roepnaam", "Burger service nummer", "Geboorte datum", "postcode", "Huisnummer",
    "straat", "Straatnaam", "Adres melder", "IP-adres", "Voorletters", "Contactgegevens", "Mobiele nummer", "Telnr.",
])
def test_columns_that_announce_personal_data(naam):
    assert is_persoonskolom(naam)


@pytest.mark.parametrize("naam", [
    "locatie", "omschrijving", "bron", "categorie", "tevreden", "jaar", "gebied_code", "gebiedsnaam", "bu_naam",
    "wijk naam", "naam locatie", "corporatie", "pc4", "woningen", "adressen", "hotel", "totaal", "kwartaal",
    "wachttijd_maanden", "opmerking",
])
def test_columns_that_do_not(naam):
    assert not is_persoonskolom(naam)


def test_eleven_check():
    assert elfproef("123456782") and elfproef("111222333")
    assert not elfproef("123456789") and not elfproef("000000000") and not elfproef("12345678")


@pytest.mark.parametrize("tekst, soort", [
    ("mail piet@example.org even", "e-mailadres"),
    ("bel 06-12345678", "telefoonnummer"),
    ("bel 06 1234 5678", "telefoonnummer"),
    ("bel +31 6 12345678", "telefoonnummer"),
    ("bel 010-1234567", "telefoonnummer"),
    ("bel 0612345678", "telefoonnummer"),
    ("bel +31612345678", "telefoonnummer"),
    ("bel 06 12 34 56 78", "telefoonnummer"),
    ("bsn 123456782", "burgerservicenummer"),
    ("bsn 123.456.782", "burgerservicenummer"),
    ("overlast bij 3011 AB 12", "postcode met huisnummer"),
    ("overlast bij 3011AB nr. 4", "postcode met huisnummer"),
    ("Kade 12, 3011 AB Rotterdam", "postcode met huisnummer"),
    ("klacht van dhr. Jansen", "naam met aanspreekvorm"),
    ("mevrouw De Vries belde", "naam met aanspreekvorm"),
])
def test_personal_data_in_free_text(tekst, soort):
    assert soort in zoek_persoonsgegevens(tekst)


@pytest.mark.parametrize("tekst", [
    "Harde muziek na 23:00", "Gebruik bij de ingang", "01-03-2025 21:15", "2025-03-01", "3 keer gebeld",
    "Bedrag 123456789", "postcode 3011 AB", "BU05991081", "ruzie tussen 2 bewoners", "1.234,50 euro schade", "",
    "Meer dan 100000 meldingen", "buren klagen",
])
def test_ordinary_descriptions_pass(tekst):
    assert zoek_persoonsgegevens(tekst) == []

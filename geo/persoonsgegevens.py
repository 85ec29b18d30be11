"""Personal data by pattern: column names that announce it and free text that contains it (pure, no I/O).

HKD Kaart stores no personal data of reporters, residents or clients. Every importer refuses a column whose name
announces personal data (:func:`is_persoonskolom`) and a free-text value that contains it
(:func:`zoek_persoonsgegevens`): an e-mail address, a Dutch phone number, a BSN that passes the 11-check, a
postcode with a house number, or a name behind a form of address (``dhr.``, ``mevrouw``). The database checks of
those columns use the same patterns, so there is one definition.
"""

from __future__ import annotations

import re

EMAIL = "e-mailadres"
TELEFOON = "telefoonnummer"
BSN = "burgerservicenummer"
ADRES = "postcode met huisnummer"
NAAM = "naam met aanspreekvorm"

# Parts of a column name that always mean personal data.
_KOLOM_DELEN = ("voornaam", "achternaam", "roepnaam", "tussenvoegsel", "meisjesnaam", "voorletter", "initialen",
                "mail", "telefoon", "mobiel", "burgerservice", "sofinummer", "geboorte", "geslacht", "nationaliteit",
                "contactgegevens", "huisnummer", "postcodehuisnummer")
# Whole words of a column name that mean personal data (``tel``, not the ``tel`` in ``hotel``).
_KOLOM_WOORDEN = frozenset({"naam", "name", "tel", "telnr", "telefoonnr", "gsm", "phone", "bsn", "adres",
                            "woonadres", "huisadres", "postadres", "geb", "gebdat", "gebdatum", "geboren", "dob",
                            "melder", "contact", "contactpersoon", "bewoner", "client", "cliënt", "iban", "postcode",
                            "huisnr", "straat", "straatnaam"})
# A ``naam`` qualified by one of these is the name of a thing, not of a person (``gebiedsnaam``, ``wijk_naam``).
_ZAAKNAMEN = ("gebied", "wijk", "buurt", "bu", "wk", "gm", "gemeente", "locatie", "straat", "organisatie",
              "aanbieder", "corporatie", "bedrijf", "instelling", "project", "bestand", "blad", "kolom", "plaats",
              "woonplaats", "indicator", "categorie", "bron", "voorziening", "pand", "complex")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", re.UNICODE)
_TELEFOON = re.compile(r"(?<![\d+])(?:(?:\+31|0031)[\s.-]*(?:\(0\))?[\s.-]*|0)\d(?:[\s.\-/]?\d){8}(?![\d])")
_NEGEN_CIJFERS = re.compile(r"(?<![\d.,-])(\d{3})[.\s]?(\d{2,3})[.\s]?(\d{3,4})(?![\d,]|\.\d)")
_POSTCODE_NUMMER = re.compile(
    r"\b[1-9]\d{3}\s?[A-Za-z]{2}\b[\s,]+(?:nr\.?\s*|huisnummer\s*)?\d{1,5}\b"
    r"|\b\d{1,5}[A-Za-z]?\s*,?\s+[1-9]\d{3}\s?[A-Z]{2}\b")
_AANSPREEKVORM = re.compile(r"\b(?:dhr|mevr|mw|mr|mevrouw|meneer|de heer|juffrouw|buurman|buurvrouw)\.?\s+"
                            r"[A-Z][a-zà-ÿ]+", re.UNICODE)


def _woorden(naam: str) -> list[str]:
    return [w for w in re.split(r"[^a-zà-ÿ0-9]+", naam.lower()) if w]


def is_persoonskolom(naam: str) -> bool:
    """True when a column name announces personal data (``naam melder``, ``E-mail``, ``Mobiel``, ``Geb. datum``).

    ``naam`` qualified by a thing (``gebiedsnaam``, ``naam locatie``) is not a person's name. An address column
    (``postcode``, ``huisnummer``, ``straat``) counts: only the locations register declares those, for a location."""
    tekst = naam.lower()
    woorden = _woorden(tekst)
    if any(deel in re.sub(r"[^a-zà-ÿ]", "", tekst) for deel in _KOLOM_DELEN):
        return True  # also written apart: ``Burger service nummer``, ``Geboorte datum``
    if any(w.startswith(z) and w.endswith("naam") and w != "straatnaam" for w in woorden for z in _ZAAKNAMEN):
        return False
    zaak = any(w in _ZAAKNAMEN or w.rstrip("s") in _ZAAKNAMEN for w in woorden)
    for w in woorden:
        if w in ("naam", "name", "namen") and zaak:
            continue
        if w in _KOLOM_WOORDEN or w in ("namen",):
            return True
    return False


def elf_proef(cijfers: str) -> bool:
    """The BSN 11-check on nine digits (weights 9..2 and -1); all zeros is no BSN."""
    if len(cijfers) != 9 or not cijfers.isdigit() or int(cijfers) == 0:
        return False
    som = sum(int(c) * w for c, w in zip(cijfers[:8], range(9, 1, -1), strict=True)) - int(cijfers[8])
    return som % 11 == 0


def _telefoon_vorm(kandidaat: str) -> bool:
    """Digit groups the way people write a phone number (``06-12345678``, ``010 123 4567``, ``06 12 34 56 78``),
    not a date with a time (``01-03-2025 21:15``)."""
    rest = re.sub(r"^(\+31|0031)[\s.-]*(\(0\))?[\s.-]*", "", kandidaat)
    groepen = [g for g in re.split(r"[\s.\-/]", rest) if g]
    staart = [len(g) for g in groepen[1:]]
    return len(groepen) == 1 or len(groepen[0]) <= 4 and (all(n >= 3 for n in staart) or all(n == 2 for n in staart))


def zoek_persoonsgegevens(tekst: str) -> list[str]:
    """The kinds of personal data found in ``tekst``, in Dutch (empty: none found).

    >>> zoek_persoonsgegevens("Bel 06-12345678 of mail piet@example.org")
    ['e-mailadres', 'telefoonnummer']
    """
    if not tekst:
        return []
    gevonden = []
    if _EMAIL.search(tekst):
        gevonden.append(EMAIL)
    if any(_telefoon_vorm(m.group()) for m in _TELEFOON.finditer(tekst)):
        gevonden.append(TELEFOON)
    if any(elf_proef("".join(m.groups())) for m in _NEGEN_CIJFERS.finditer(tekst)):
        gevonden.append(BSN)
    if _POSTCODE_NUMMER.search(tekst):
        gevonden.append(ADRES)
    if _AANSPREEKVORM.search(tekst):
        gevonden.append(NAAM)
    return gevonden

"""Personal data in free text (pure): e-mail addresses, Dutch phone numbers, BSN (with the 11-check) and a postcode
with a house number.

The database refuses the same patterns in the free-text columns the forms say must not hold personal data (a
melding's omschrijving; an initiative's contact and toelichting: migration 304, ``hkd.persoonsgegevens``), so every
entry point (form, file import, Signalen, SQL) meets one rule. The regular expressions below are written in the
subset Python's ``re`` and PostgreSQL's ARE read alike (no ``\\b``, no ``\\d``; lookbehind and lookahead only),
and migration 304 carries them verbatim; ``tests/geo/test_persoonsgegevens.py`` checks both on one shared corpus.
Importers reuse :func:`vondsten` to refuse or report a row before it reaches the database.

Not detected by the database: a person's name (no pattern tells it from a street, a facility or a word), an
address without a postcode, a phone number written in words. The importers check more (:func:`is_persoonskolom` on
column names, and a name behind a form of address such as ``dhr.`` in :func:`zoek_persoonsgegevens`), because they
can report a row to a person instead of refusing a form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

EMAIL = "e-mailadres"
TELEFOON = "telefoonnummer"
BSN = "bsn"
POSTCODE_HUISNUMMER = "postcode_huisnummer"
SOORTEN = (EMAIL, TELEFOON, BSN, POSTCODE_HUISNUMMER)
"""Every kind, in the order :func:`vondsten` reports them (the same order as ``hkd.persoonsgegevens``)."""

LABELS = {EMAIL: "een e-mailadres", TELEFOON: "een telefoonnummer", BSN: "een burgerservicenummer (BSN)",
          POSTCODE_HUISNUMMER: "een postcode met huisnummer"}
"""How each kind is named in a Dutch message."""

# The patterns, character for character as in migration 304 (PostgreSQL ARE, case-sensitive).
PATRONEN = {
    EMAIL: r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
    # 0, +31 or 0031, an optional (0), then nine digits of which the first is not 0; spaces or dashes between
    # (not a date with a time: 01-03-2025 21:15 holds ten digits too)
    TELEFOON: r"(?<![0-9+])(?![0-3][0-9][-/.][01][0-9][-/.](?:19|20)[0-9]{2})(?:\+31|0031|0)[ -]?(?:\(0\)[ -]?)?"
              r"[1-9](?:[ -]?[0-9]){8}(?![0-9])",
    # nine digits in a row, or written 4.2.3 / 3.3.3 with dots or spaces; a candidate counts only if it passes
    # the 11-check (elfproef)
    BSN: r"(?<![0-9])(?:[0-9]{9}|[0-9]{4}[. ][0-9]{2}[. ][0-9]{3}|[0-9]{3}[. ][0-9]{3}[. ][0-9]{3})(?![0-9])",
    # a postcode (1234 AB, 1234AB, 1234ab) followed by a house number, or a house number followed by a postcode
    POSTCODE_HUISNUMMER: r"(?<![0-9])[1-9][0-9]{3}(?: ?[A-Z]{2}|[a-z]{2})(?![A-Za-z])[ ,]*(?:[Nn]r\.? ?|[Hh]uisnummer ?)?"
                         r"[0-9]{1,5}(?![0-9])"
                         r"|(?<![0-9A-Za-z])[0-9]{1,5}[A-Za-z]?[ ,]+[1-9][0-9]{3}(?: ?[A-Z]{2}|[a-z]{2})"
                         r"(?![A-Za-z])",
}
_RE = {soort: re.compile(p) for soort, p in PATRONEN.items()}


def elfproef(cijfers: str) -> bool:
    """Whether nine digits pass the BSN 11-check: 9a + 8b + ... + 2h - 1i is a multiple of 11 (and not all zero).

    >>> elfproef("111222333"), elfproef("123456789")
    (True, False)
    """
    if len(cijfers) != 9 or not cijfers.isascii() or not cijfers.isdigit() or set(cijfers) == {"0"}:
        return False
    som = sum((9 - i) * int(c) for i, c in enumerate(cijfers[:8])) - int(cijfers[8])
    return som % 11 == 0


def _bsn_in(tekst: str) -> bool:
    return any(elfproef(re.sub(r"[^0-9]", "", m.group(0))) for m in _RE[BSN].finditer(tekst))


def vondsten(tekst: str | None, soorten: Iterable[str] = SOORTEN) -> tuple[str, ...]:
    """The kinds of personal data found in ``tekst`` (a subset of ``soorten``, in the order of :data:`SOORTEN`).

    >>> vondsten("Bel 06-12345678 of mail jan@voorbeeld.nl")
    ('e-mailadres', 'telefoonnummer')
    >>> vondsten("Harde muziek na 23.00 uur")
    ()
    """
    if not tekst:
        return ()
    gevraagd = set(soorten)
    gevonden = []
    for soort in SOORTEN:
        if soort not in gevraagd:
            continue
        if (_bsn_in(tekst) if soort == BSN else _RE[soort].search(tekst) is not None):
            gevonden.append(soort)
    return tuple(gevonden)


def melding(veld: str, gevonden: Iterable[str]) -> str:
    """The Dutch message for a refused text (the same wording as the database's)."""
    wat = ", ".join(LABELS[s] for s in gevonden)
    return (f"{veld} bevat persoonsgegevens ({wat}): leg geen namen, adressen, telefoonnummers, e-mailadressen "
            "of BSN vast")


# --- What the importers add: column names, and a name behind a form of address ---------------------------------

NAAM = "naam met aanspreekvorm"
NAMEN = {EMAIL: "e-mailadres", TELEFOON: "telefoonnummer", BSN: "burgerservicenummer",
         POSTCODE_HUISNUMMER: "postcode met huisnummer", NAAM: NAAM}
"""Each kind as an importer's problem names it."""

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


def zoek_persoonsgegevens(tekst: str) -> list[str]:
    """The kinds of personal data in ``tekst`` as an importer names them: the database's kinds (:func:`vondsten`)
    and a name behind a form of address (empty: none found).

    >>> zoek_persoonsgegevens("Bel 06-12345678 of mail piet@example.org")
    ['e-mailadres', 'telefoonnummer']
    """
    gevonden = [NAMEN[s] for s in vondsten(tekst)]
    if tekst and _AANSPREEKVORM.search(tekst):
        gevonden.append(NAAM)
    return gevonden

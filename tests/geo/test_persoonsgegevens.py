"""Personal data in free text (pure): the shared corpus, the 11-check and properties of the patterns.

``CORPUS`` is shared with the database test (``tests/queries/test_persoonsgegevens_sql.py``), which runs the same
texts through ``hkd.persoonsgegevens`` (migration 304): Python and SQL must agree on every line.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from geo import persoonsgegevens as pg

E, T, B, P = pg.EMAIL, pg.TELEFOON, pg.BSN, pg.POSTCODE_HUISNUMMER

CORPUS: list[tuple[str, tuple[str, ...]]] = [
    # harmless texts the registers hold every day
    ("Harde muziek na 23.00 uur", ()),
    ("Vervuiling bij de ingang, 3 zakken afval", ()),
    ("Signalen: overlast / geluid", ()),
    ("Sinds 2024 al 3 keer gemeld", ()),
    ("Melding op 01-02-2024 om 14:30", ()),
    ("Teamleider wonen", ()),
    ("Jongeren 18-23 jaar, 12 plaatsen", ()),
    ("Kosten 1.250 euro per maand", ()),
    ("Referentie 123456789", ()),  # nine digits that fail the 11-check
    ("", ()),
    # e-mail
    ("Mail j.jansen@voorbeeld.nl", (E,)),
    ("aanmeldingen@alfa.example", (E,)),
    ("contact: Piet.de-Vries+hkd@gemeente.rotterdam.nl.", (E,)),
    # phone
    ("Bel 06-12345678", (T,)),
    ("0612345678", (T,)),
    ("tel. 010-1234567", (T,)),
    ("010 123 45 67 (na 17u)", (T,)),
    ("+31 6 12345678", (T,)),
    ("+31 (0)6 1234 5678", (T,)),
    ("0031612345678", (T,)),
    # BSN
    ("BSN 111222333", (B,)),
    ("bsn: 1112.22.333", (B,)),
    ("Burgerservicenummer 111 222 333", (B,)),
    ("999999990 genoemd", (B,)),
    # postcode with house number
    ("Woont op 3011 AB 12", (P,)),
    ("3011AB 12a", (P,)),
    ("Coolsingel 40, 3011 AD Rotterdam", (P,)),
    ("postcode 3011ab, 7", (P,)),
    ("3011 AB Rotterdam", ()),  # a postcode alone is an area, not an address
    # more than one kind
    ("Melder (06-12345678, jan@voorbeeld.nl) woont op 3011 AB 12, BSN 111222333", (E, T, B, P)),
]


def test_the_corpus_is_read_as_written():
    for tekst, verwacht in CORPUS:
        assert pg.vondsten(tekst) == verwacht, tekst


def test_elfproef_on_known_numbers():
    assert pg.elfproef("111222333") and pg.elfproef("999999990") and pg.elfproef("123456782")
    assert not pg.elfproef("123456789") and not pg.elfproef("000000000") and not pg.elfproef("12345678")
    assert not pg.elfproef("１２３４５６７８２")  # full-width digits are not a BSN


def test_the_message_names_what_was_found_in_dutch():
    m = pg.melding("De omschrijving", (T, E))
    assert m.startswith("De omschrijving bevat persoonsgegevens (een telefoonnummer, een e-mailadres)")


def test_the_patterns_are_the_ones_in_migration_304():
    migratie = (Path(__file__).resolve().parents[2] / "queries" / "migrations" / "304_geen_persoonsgegevens.sql"
                ).read_text(encoding="utf-8")
    for patroon in pg.PATRONEN.values():
        assert f"'{patroon}'" in migratie


def _bsn(cijfers8: str) -> str | None:
    """Complete eight digits to a number that passes the 11-check (None when no last digit does)."""
    som = sum((9 - i) * int(c) for i, c in enumerate(cijfers8))
    laatste = som % 11
    return cijfers8 + str(laatste) if laatste < 10 else None


@given(st.text(alphabet="0123456789", min_size=8, max_size=8), st.sampled_from(["", "BSN ", "nr. "]),
       st.sampled_from(["", " gemeld", "."]))
def test_every_number_passing_the_11_check_is_found(cijfers8, voor, na):
    bsn = _bsn(cijfers8)
    if bsn is None or set(bsn) == {"0"}:
        return
    assert pg.elfproef(bsn)
    assert pg.BSN in pg.vondsten(voor + bsn + na)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_nine_digits_are_a_bsn_exactly_when_the_11_check_passes(cijfers):
    assert (pg.BSN in pg.vondsten(f"nummer {cijfers}")) == pg.elfproef(cijfers)


@given(st.sampled_from(["06", "010", "0181", "+31 6", "0031 10"]), st.text(alphabet="0123456789", min_size=7,
                                                                         max_size=8))
def test_dutch_phone_numbers_are_found_whatever_the_spacing(netnummer, rest):
    cijfers = re.sub(r"\D", "", netnummer.replace("+31", "0").replace("0031", "0"))
    nodig = 10 - len(cijfers)
    if nodig <= 0 or len(rest) < nodig:
        return
    nummer = f"{netnummer}-{rest[:nodig]}"
    assert pg.TELEFOON in pg.vondsten(f"Bel {nummer} svp"), nummer


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",), blacklist_characters="@"), max_size=200))
def test_text_without_digits_or_at_sign_holds_no_personal_data_pattern(tekst):
    assert pg.vondsten(tekst) == ()


@given(st.text(max_size=300))
def test_the_finding_is_a_subset_in_order_and_never_raises(tekst):
    gevonden = pg.vondsten(tekst)
    assert list(gevonden) == [s for s in pg.SOORTEN if s in gevonden]
    assert pg.vondsten(tekst, soorten=[pg.EMAIL]) == tuple(s for s in gevonden if s == pg.EMAIL)

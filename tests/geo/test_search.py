"""Reading a map search: postcodes in every usual spelling, names with hostile characters taken literally."""

import pytest

from geo.search import MAX_LENGTE, lees


@pytest.mark.parametrize(("typed", "pc6", "nummer"), [
    ("3011AB 12", "3011AB", "12"), ("3011 ab 12a", "3011AB", "12A"), ("3011ab", "3011AB", None),
    ("3011AB-7", "3011AB", "7")])
def test_pc6_with_and_without_house_number(typed, pc6, nummer):
    q = lees(typed)
    assert (q.soort, q.pc6, q.pc4, q.huisnummer) == ("pc6", pc6, "3011", nummer)


def test_pc4_and_names():
    assert lees(" 3072 ").soort == "pc4" and lees("3072").pc4 == "3072"
    assert lees("Feijenoord").soort == "tekst"
    assert lees("0123") .soort == "tekst"  # Dutch postcodes never start with 0
    assert lees("") is None and lees("a") is None and lees("\x00\x07") is None


def test_hostile_text_is_literal_and_bounded():
    q = lees("50%_korting\\' OR 1=1 --" + "x" * 500)
    assert len(q.tekst) == MAX_LENGTE
    assert q.patroon.startswith("%50\\%\\_korting\\\\' OR") and q.patroon.endswith("%")

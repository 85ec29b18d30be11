"""The privacy scanner fires on every way a facility can leak, and not on PC4 figures."""

from geo.privacyscan import Locatie, scan

LOC = Locatie("Ontwerp 01", "Ontwerpkade", "3061 TA", 4.502400053444809, 51.92472705093817,
              94137.88042000367, 437731.44145372475)


def _hits(text: str) -> list[str]:
    return scan({"f": text.encode()}, [LOC])


def test_coordinates_at_every_rounding_and_order():
    assert _hits('{"coordinates":[4.502400053,51.924727]}')
    assert _hits("[4.50240,51.92473]")
    assert _hits("4.5024, 51.9247")
    assert _hits('{"lat":51.92473,"lon":4.5024}')
    assert _hits('"x":94138,"y":437731')
    assert _hits("94137.9 437731.4")


def test_text_fields():
    assert _hits("<td>ontwerp 01</td>")
    assert _hits("aan de Ontwerpkade")
    assert _hits("3061TA")
    assert _hits("3061 ta")


def test_no_false_alarm_on_public_figures():
    assert _hits('{"pc4":"3061","plaats":"Rotterdam","voorzieningen":3}') == []
    assert _hits("[4.5124,51.9247]") == []  # another point, same latitude
    assert _hits("[4.50241,51.92468]") == []  # a boundary vertex printed at 5 decimals, within 10 m: public data
    assert _hits("[4.502,51.925]")  # but the point itself at 3 decimals is caught
    assert _hits("Ontwerpkaden 3061 TAX") == []

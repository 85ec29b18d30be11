"""The one indicator catalogue (core/indicatoren.py): complete, consistent, and the rules that read it agree."""

from __future__ import annotations

import pytest

from core.indicatoren import (
    AANTAL,
    CATALOGUS,
    INWONERS,
    MIN_WAARNEMINGEN,
    MIN_WAARNEMINGEN_INKOMEN,
    ZELF,
    Bron,
    Indicator,
    label,
)
from geo import scan_norms, veerkracht
from geo.disclosure import IndicatorRule

INKOMEN = {"laagste_inkomens", "pct_bijstand", "pct_bijstand_van_inwoners", "personen_bijstand",
           "bijstandsuitkeringen", "gem_inkomen_per_inwoner_x1000eur", "pct_huishoudens_laag_inkomen"}


def test_every_indicator_is_fully_declared():
    for code, i in CATALOGUS.items():
        assert i.code == code and i.label and i.eenheid and i.bron.dataset and i.bron.uitgever, code
        assert i.bereik[0] < i.bereik[1], code
        assert "_" not in i.label, f"{code}: the label is what people read"


def test_footnote_6_fewer_than_10_never_and_100_for_income_data():
    assert {c for c, i in CATALOGUS.items() if i.inkomen} == INKOMEN
    assert all(i.min_waarnemingen == MIN_WAARNEMINGEN for c, i in CATALOGUS.items() if c not in INKOMEN)
    assert MIN_WAARNEMINGEN_INKOMEN == 100
    with pytest.raises(ValueError):
        Indicator("x", "X", "x", None, AANTAL, (0, 1), Bron("d", "u"), min_waarnemingen=9)
    with pytest.raises(ValueError):  # a share cannot be its own number of observations
        Indicator("x", "X", "x", None, "ratio", (0, 1), Bron("d", "u"), waarnemingen_uit=ZELF)


def test_observations_are_derived_as_declared():
    assert CATALOGUS["personen_bijstand"].waarnemingen(80) == 80
    assert CATALOGUS["psychiatrie"].waarnemingen(0.4, inwoners=2000) == 8
    assert CATALOGUS["psychiatrie"].waarnemingen(0.4) is None  # no inhabitants: unknown, never guessed
    assert CATALOGUS["wijkprofiel_veiligheid"].waarnemingen(95, inwoners=2000) is None
    assert {i.waarnemingen_uit for i in CATALOGUS.values()} == {None, ZELF, INWONERS}


def test_the_python_rule_uses_the_catalogue_threshold():
    regel = IndicatorRule()
    assert regel.minimum("pct_bijstand") == 100 and regel.minimum("lvb") == 10
    assert regel.minimum("niet_in_de_catalogus") == 10
    assert regel.achtergehouden("buurt", "personen_bijstand", None, None, 99) == \
        "minder dan 100 waarnemingen (inkomensgegevens)"
    assert regel.achtergehouden("buurt", "personen_bijstand", None, None, 100) is None
    assert regel.achtergehouden("gebied", "pct_koopwoningen", None, 30, 50) is None  # buurt rule: buurten only
    assert regel.achtergehouden("buurt", "pct_koopwoningen", None, 30, 50) == \
        "buurt met minder dan 50 inwoners (CBS-regel)"


def test_directions_of_kaart_4_8_and_the_scan_come_from_the_catalogue():
    for code, beter in veerkracht.HOGER_IS_BETER.items():
        assert CATALOGUS[code].hoger_beter is beter
    assert veerkracht.HOGER_IS_BETER["kwetsbare_groepen"] is False
    indicatornormen = [k for k in scan_norms.DEFAULT_NORMEN if k in CATALOGUS]
    assert indicatornormen == ["wijkprofiel_veiligheid", "wijkprofiel_sociaal", "wijkprofiel_fysiek",
                               "kwetsbare_groepen", "overlast_onveiligheid"]
    for code in indicatornormen:
        assert scan_norms.DEFAULT_NORMEN[code].hoger_is_beter is CATALOGUS[code].hoger_beter, code


def test_an_undeclared_code_is_still_readable():
    assert label("oud_cijfer") == "Oud cijfer"
    assert label("lvb") == "Licht verstandelijke beperking (%)"

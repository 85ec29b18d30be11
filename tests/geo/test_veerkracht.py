"""The Kaart 4-8 classification: the report's examples, one class per area, independent of row order."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data import demo_indicatoren as demo
from data.boundaries import read_facts
from geo.trends import EIGENDOM, corporatie_klasse, per_groep
from geo.veerkracht import (
    ALLE_KLASSEN,
    KLASSE_BY_CODE,
    KLASSEN,
    Drempels,
    classificeer,
    drempel_uitleg,
    focus,
    periode_waarden,
)


def _pair(rows: dict[str, tuple[float, float, float, float]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """{code: (kwetsbaar van, tot, overlast van, tot)} -> the two inputs of classificeer."""
    k = pd.DataFrame({c: {"van": v[0], "tot": v[1]} for c, v in rows.items()}).T
    o = pd.DataFrame({c: {"van": v[2], "tot": v[3]} for c, v in rows.items()}).T
    return k, o


REPORT = {
    # more vulnerable residents and worse overlast where it was already high (Bospolder, Hillesluis)
    "bospolder": (150, 170, -0.33, -0.42),
    # more vulnerable residents but less overlast where it was high: the exception (Bloemhof)
    "bloemhof": (145, 160, -0.26, -0.16),
    # more vulnerable residents, less overlast where overlast was limited (bright green)
    "helder": (80, 84, 0.10, 0.14),
    # more vulnerable residents and more overlast where it was limited (light red, rare)
    "licht": (85, 88, 0.12, 0.10),
    # fewer vulnerable residents, more overlast
    "minder_meer": (90, 85, 0.05, 0.02),
    # fewer vulnerable residents, less overlast
    "minder_minder": (70, 66, 0.15, 0.18),
}


def test_examples_from_the_report():
    klassen = classificeer(*_pair(REPORT))["klasse"].to_dict()
    assert klassen == {
        "bospolder": "donkerrood", "bloemhof": "donkergroen", "helder": "heldergroen", "licht": "lichtrood",
        "minder_meer": "afname_meer_overlast", "minder_minder": "afname_minder_overlast",
    }


def test_wijkprofiel_veiligheid_has_the_same_direction_as_the_leefbaarometer():
    # Wijkprofiel: 100 = Rotterdam 2014, higher = safer; a fall is more onveiligheid
    k, o = _pair({"a": (140, 150, 70, 62), "b": (140, 150, 72, 80), "c": (90, 95, 120, 125), "d": (90, 95, 118, 110)})
    klassen = classificeer(k, o, overlast_indicator="wijkprofiel_veiligheid")["klasse"].to_dict()
    assert klassen == {"a": "donkerrood", "b": "donkergroen", "c": "heldergroen", "d": "lichtrood"}


def test_missing_values_get_no_data_and_thresholds_are_respected():
    k, o = _pair({"a": (100, 101, -0.3, -0.31), "b": (100, 110, 0.1, 0.2), "c": (100, 120, float("nan"), 0.1)})
    out = classificeer(k, o)
    assert out.loc["c", "klasse"] == "geen_gegevens"
    # a rise of 1 is a toename with the default threshold, not with a threshold of 5
    assert out.loc["a", "klasse"] == "donkerrood"
    strict = classificeer(k, o, drempels=Drempels(kwetsbaar_toename=5))
    assert strict.loc["a", "klasse"] == "afname_meer_overlast"
    # overlast that worsened by 0.01 is no worsening with a threshold of 0.02
    assert classificeer(k, o, drempels=Drempels(overlast_verslechtering=0.02)).loc["a", "klasse"] == "donkergroen"


def test_thresholds_cannot_be_negative_and_are_explained_in_dutch():
    with pytest.raises(ValueError):
        Drempels(kwetsbaar_toename=-1)
    text = " ".join(drempel_uitleg(Drempels(overlast_hoog_sd=0.5)))
    assert "0,5 standaardafwijking" in text and "Toename kwetsbare groepen" in text


def test_legend_has_a_sentence_label_and_distinct_colour_per_class():
    assert len({k.rgb for k in ALLE_KLASSEN}) == len(ALLE_KLASSEN)
    assert len({k.label for k in ALLE_KLASSEN}) == len(ALLE_KLASSEN)
    assert all(k.zin.endswith(".") and len(k.zin) > 40 for k in ALLE_KLASSEN)
    assert [k.kleur for k in KLASSEN[:4]] == ["donkerrood/bruin", "lichtrood", "donkergroen", "heldergroen"]


def test_focus_areas():
    assert focus("Bloemhof") == "NPRZ, RGW"
    assert focus("Oud Charlois") == "NPRZ"
    assert focus("Oud-Charlois") == "NPRZ"
    assert focus("Zuidwijk") == "RGW"
    assert focus("Kralingen Oost") == ""


finite = st.floats(min_value=-1000, max_value=1000, allow_nan=False, allow_infinity=False, width=32)
maybe = st.one_of(finite, st.just(float("nan")))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(maybe, maybe, maybe, maybe), min_size=1, max_size=25), st.randoms(use_true_random=False),
       st.floats(min_value=0, max_value=2), st.floats(min_value=0, max_value=5))
def test_every_area_exactly_one_class_whatever_the_row_order(values, rnd, hoog_sd, toename):
    rows = {f"BU{i:04d}": v for i, v in enumerate(values)}
    drempels = Drempels(kwetsbaar_toename=toename, overlast_hoog_sd=hoog_sd)
    out = classificeer(*_pair(rows), drempels=drempels)
    assert list(out.index) == sorted(rows)
    assert out["klasse"].isin(list(KLASSE_BY_CODE)).all()
    codes = list(rows)
    rnd.shuffle(codes)
    shuffled = classificeer(*_pair({c: rows[c] for c in codes}), drempels=drempels)
    pd.testing.assert_series_equal(out["klasse"], shuffled["klasse"])




def _demo_classes(van: int = 2012, tot: int = 2018) -> pd.DataFrame:
    facts = read_facts("buurt")
    series = demo.buurt_series(facts)

    def reeks(ind):
        return series[series["indicator"] == ind][["gebied_code", "jaar", "waarde"]]

    out = classificeer(periode_waarden(reeks("kwetsbare_groepen"), van, tot),
                       periode_waarden(reeks("overlast_onveiligheid"), van, tot))
    return out.assign(naam=out.index.map(dict(zip(facts["code"], facts["name"], strict=True))))


def test_demo_tells_the_reports_story():
    out = _demo_classes().set_index("naam")["klasse"]
    for name in demo.TABEL_4_2:
        expected = "donkergroen" if name == "Bloemhof" else "donkerrood"
        assert out[name] == expected, name
    for name in demo.DONKERGROEN:
        assert out[name] == "donkergroen", name
    assert out["Bospolder"] == out["Hillesluis"] == "donkerrood"
    # dark green stays the rare exception, bright green is common
    assert (out == "donkergroen").sum() == len(demo.DONKERGROEN)
    assert (out == "heldergroen").sum() >= 10


def test_demo_figuur_3_groups_show_more_vulnerable_groups_with_more_corporatiebezit():
    series = demo.buurt_series(read_facts("buurt"))
    kw = series[series["indicator"] == "kwetsbare_groepen"][["gebied_code", "jaar", "waarde"]]
    corp = series.query("indicator == 'aandeel_corporatie' and jaar == 2018").set_index("gebied_code")["waarde"]
    dom = series.query("indicator == 'dominant_eigendom' and jaar == 2018").set_index("gebied_code")["waarde"]
    by_corp = per_groep(kw, corp.map(corporatie_klasse)).query("jaar == 2018").set_index("groep")["relatief"]
    assert by_corp[">67%"] > 100 > by_corp["0%"]
    by_dom = per_groep(kw, dom.map(lambda c: EIGENDOM[int(c)])).query("jaar == 2018").set_index("groep")["relatief"]
    assert by_dom["Corporatiehuur"] == by_dom.max()
    assert set(by_dom.index) == set(EIGENDOM.values())

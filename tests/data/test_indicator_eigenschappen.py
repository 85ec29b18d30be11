"""Property tests (Hypothesis) of the indicator formats' number and row rules, without a database."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data.indicator_import import IndicatorImportError, read_cbs, read_generiek

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _duizendtallen(n: int, teken: str) -> str:
    return f"{n:,}".replace(",", teken)


def _lees(tmp_path_factory, lezer, body: str):
    path = tmp_path_factory.mktemp("eig") / "f.csv"
    path.write_text(body, encoding="utf-8")
    return lezer(path)


@SETTINGS
@given(n=st.integers(0, 50_000_000), teken=st.sampled_from([".", " ", ""]))
def test_a_count_with_thousands_separators_is_that_count(tmp_path_factory, n, teken):
    g = _lees(tmp_path_factory, read_cbs, f"code;level;year;aant_inw\nBU05991081;buurt;2019;{_duizendtallen(n, teken)}\n")
    assert g.rijen["waarde"].tolist() == [float(n)]


@SETTINGS
@given(centen=st.integers(0, 10_000))
def test_a_percentage_with_a_decimal_comma_is_that_percentage(tmp_path_factory, centen):
    tekst = f"{centen // 100},{centen % 100:02d}"
    g = _lees(tmp_path_factory, read_cbs, f"code;level;year;p_huurw\nBU05991081;buurt;2019;{tekst}\n")
    assert g.rijen["waarde"].tolist() == [pytest.approx(centen / 100)]


@SETTINGS
@given(heel=st.integers(1, 99), drie=st.integers(0, 999))
def test_an_ambiguous_ratio_is_refused_never_guessed(tmp_path_factory, heel, drie):
    """``12.345`` as a WOZ value (x 1.000 euro) can be 12,345 or 12345: both lie in its range, so it is refused."""
    with pytest.raises(IndicatorImportError) as exc:
        _lees(tmp_path_factory, read_cbs, f"code;level;year;g_woz\nBU05991081;buurt;2019;{heel}.{drie:03d}\n")
    assert [(p.rij, p.kolom) for p in exc.value.problems] == [(2, "gem_woz_x1000eur")]
    assert "dubbelzinnig" in exc.value.problems[0].reden


@SETTINGS
@given(rijen=st.integers(1, 8), slecht=st.data(), extra=st.booleans())
def test_a_row_with_another_cell_count_is_refused_by_its_row_and_nothing_else(tmp_path_factory, rijen, slecht,
                                                                                extra):
    k = slecht.draw(st.integers(0, rijen - 1))
    regels = [f"BU0599108{i},buurt,2019,{1000 + i},{50 + i}" for i in range(rijen)]
    regels[k] = regels[k] + ",5" if extra else regels[k].rsplit(",", 1)[0]
    with pytest.raises(IndicatorImportError) as exc:
        _lees(tmp_path_factory, read_cbs, "code,level,year,aant_inw,p_huurw\n" + "\n".join(regels) + "\n")
    assert [p.rij for p in exc.value.problems] == [k + 2]
    assert ("meer cellen" if extra else "minder cellen") in exc.value.problems[0].reden
    assert exc.value.problems[0].bestand == "f.csv"


@SETTINGS
@given(waarden=st.lists(st.tuples(st.sampled_from(["lvb", "psychiatrie", "personen_bijstand", "inwoners"]),
                                  st.integers(0, 100), st.one_of(st.none(), st.integers(0, 10_000))),
                        min_size=1, max_size=4, unique_by=lambda t: t[0]))
def test_generic_values_and_observations_read_back_as_written(tmp_path_factory, waarden):
    body = "gebied_code;jaar;indicator;waarde;waarnemingen\n" + "".join(
        f"BU05991081;2030;{ind};{w};{'' if n is None else n}\n" for ind, w, n in waarden)
    g = _lees(tmp_path_factory, read_generiek, body)
    rijen = g.rijen.set_index("indicator")
    inw = next((w for ind, w, _ in waarden if ind == "inwoners"), None)
    for ind, w, n in waarden:
        assert rijen.loc[ind, "waarde"] == w
        verwacht = n if n is not None else {"personen_bijstand": w, "inwoners": None}.get(
            ind, None if inw is None else math.floor(inw * w / 100 + 0.5))  # half up, as PostgreSQL
        assert (None if rijen.loc[ind, "waarnemingen"] is None or str(rijen.loc[ind, "waarnemingen"]) == "<NA>"
                else int(rijen.loc[ind, "waarnemingen"])) == verwacht, ind

"""The attribute table of a boundary file through the shared engine (declared in ``geo.formaten.GRENZEN``):
hostile attribute tables are refused naming the file, the feature's row and the column, or load; and any table of
any values is one of the two, never an exception. No database: the attributes are checked before any writing."""

from __future__ import annotations

import geopandas as gpd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from data.boundaries import attributen
from geo.boundaries import ColumnMap

GOED = [{"code": "BU05991081", "name": "Bloemhof", "parent_code": "WK059915", "year": 2015},
        {"code": "BU05991082", "name": "Hillesluis", "parent_code": "WK059915", "year": 2015}]


def _gdf(rijen: list[dict]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(rijen, geometry=[box(i, 0, i + 1, 1) for i in range(len(rijen))], crs="EPSG:28992")


def _met(wijziging: dict, rij: int = 1) -> list[dict]:
    rijen = [dict(r) for r in GOED]
    rijen[rij] = {**rijen[rij], **wijziging}
    return rijen


CORPUS = {
    "goed": (GOED, "ok"),
    "extra-kolom": ([{**r, "label": "x"} for r in GOED], "ok:kolom label genegeerd"),
    "jaar-als-tekst": (_met({"year": "2015"}), "ok"),
    "code-als-getal": ([{**r, "code": c} for r, c in zip(GOED, (3011, 3012), strict=True)], "ok"),
    "naam-leeg": (_met({"name": ""}), "rij 2, name: leeg"),
    "naam-ontbreekt": (_met({"name": None}), "rij 2, name: leeg"),
    "naam-te-lang": (_met({"name": "A" * 201}), "rij 2, name: langer dan 200 tekens"),
    "naam-nul-teken": (_met({"name": "Bloem\x00hof"}), "rij 2, name: bevat een NUL-teken"),
    "naam-stuurteken": (_met({"name": "Bloem\x1bhof"}), "rij 2, name: bevat een stuurteken"),
    "code-met-spatie": (_met({"code": "BU 0599"}), "rij 2, code: 'BU 0599' is geen geldige gebiedscode"),
    "code-html": (_met({"code": "<script>"}), "is geen geldige gebiedscode"),
    "parent-html": (_met({"parent_code": "<b>x</b>"}), "rij 2, parent_code:"),
    "jaar-buiten-bereik": (_met({"year": 1850}), "rij 2, year: 1850 ligt buiten het bereik"),
    "jaar-geen-getal": (_met({"year": "vorig jaar"}), "rij 2, year: 'vorig jaar' is geen geheel getal"),
    "dubbele-code": (_met({"code": "BU05991081"}), "rij 2, code: dezelfde code als rij 1 maar een andere name"),
    "dubbele-rij": ([GOED[0], GOED[0]], "rij 2, code: dezelfde code als rij 1 (dubbele regel in het bestand"),
    "leeg-gebied": ([*GOED, {"code": None, "name": None, "parent_code": None, "year": None}],
                    "rij 3, code: leeg (dit gebied heeft geen code en geen naam)"),
    "geen-codekolom": ([{k: v for k, v in r.items() if k != "code"} for r in GOED], "kolom ontbreekt: code"),
    "persoonskolom": ([{**r, "telefoon": ""} for r in GOED], "telefoon: kolom met persoonsgegevens"),
    "persoonsgegevens-in-kolom-e-mail": ([{**r, "e-mail": "a@b.nl"} for r in GOED], "kolom met persoonsgegevens"),
    "kop-twee-keer": ([{**r, "naam": r["name"]} for r in GOED], "dezelfde kolom twee keer"),
}


@pytest.mark.parametrize("naam", sorted(CORPUS))
def test_hostile_attribute_tables_load_or_are_refused_with_file_row_and_column(naam):
    rijen, verwacht = CORPUS[naam]
    controle = attributen(_gdf(rijen), f"{naam}.geojson")
    problemen = [str(p) for p in controle.problemen]
    if verwacht.startswith("ok"):
        assert not problemen and len(controle.regels) == len(rijen), problemen
        assert not verwacht[3:] or any(verwacht[3:] in m for m in controle.meldingen), controle.meldingen
        return
    assert problemen and any(verwacht in p for p in problemen), problemen
    assert all(p.startswith(f"{naam}.geojson") for p in problemen), problemen


def test_columns_named_on_the_command_line_are_the_ones_checked():
    rijen = [{"buurtcode": r["code"], "buurtnaam": r["name"], "code": "iets anders"} for r in GOED]
    controle = attributen(_gdf(rijen), "cbs.geojson", ColumnMap("buurtcode", "buurtnaam", None))
    assert not controle.problemen and [r["buurtcode"] for r in controle.regels] == ["BU05991081", "BU05991082"]
    assert any("code" in m and "genegeerd" in m for m in controle.meldingen)
    zonder = attributen(_gdf([{"code": r["code"]} for r in GOED]), "x.geojson", ColumnMap("code", "buurtnaam"))
    assert [str(p) for p in zonder.problemen][0].startswith("x.geojson: kolom ontbreekt: buurtnaam")


WAARDE = st.one_of(st.none(), st.text(max_size=30), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                   st.sampled_from(["BU05991081", "WK059915", "2015", "=1+1", "Piet@example.org", "\x00", ""]))
KOLOM = st.sampled_from(["code", "name", "naam", "parent_code", "year", "jaar", "label", "telefoon", "Code", ""])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kolommen=st.lists(KOLOM, min_size=1, max_size=5, unique=True),
       waarden=st.lists(st.lists(WAARDE, min_size=5, max_size=5), min_size=1, max_size=5))
def test_any_attribute_table_loads_or_is_refused_in_dutch(kolommen, waarden):
    rijen = [dict(zip(kolommen, w, strict=False)) for w in waarden]
    try:
        controle = attributen(_gdf(rijen), "willekeurig.geojson")
    except Exception as exc:  # noqa: BLE001 - the property: nothing but a load or a refusal
        pytest.fail(f"{type(exc).__name__} on {rijen!r}")
    if controle.problemen:
        assert all(str(p).startswith("willekeurig.geojson") for p in controle.problemen)
    else:
        assert len(controle.regels) == len(rijen) and all(r["code"] and r["name"] for r in controle.regels)

"""``hkd load gebieden``: real CBS files load; broken files are refused with every reason and change nothing."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from core.settings import SHARED_DATA
from data.boundaries import load_boundaries
from geo.boundaries import BoundaryError
from ops.cli import main as hkd_main
from tests.conftest import needs_shared_data


def _snapshot(engine):
    with engine.connect() as conn:
        return conn.execute(
            text("SELECT niveau, code, naam, md5(ST_AsBinary(geom)) FROM hkd.gebieden ORDER BY niveau, code")
        ).all()


@needs_shared_data
@pytest.mark.parametrize(
    ("name", "niveau", "count"),
    [
        ("rotterdam_buurten_2015.geojson", "buurt", 92),
        ("rotterdam_wijken_2015.geojson", "gebied", 22),
        ("rotterdam_pc4_2020.geojson", "pc4", 76),
        ("rotterdam_wijkprofielwijken_from_buurten2015.geojson", "wijkprofiel", 70),
        ("rotterdam_gemeente_2022.geojson", "gemeente", 1),
    ],
)
def test_real_rotterdam_files_load(empty_db, name, niveau, count):
    assert load_boundaries(empty_db, str(SHARED_DATA / name)) == (niveau, count)
    with empty_db.connect() as conn:
        srid, valid, display_smaller = conn.execute(
            text("SELECT min(ST_SRID(geom)), bool_and(ST_IsValid(geom)), "
                 "sum(ST_NPoints(geom_display)) <= sum(ST_NPoints(geom)) FROM hkd.gebieden WHERE niveau = :n"),
            {"n": niveau},
        ).one()
    assert (srid, valid, display_smaller) == (28992, True, True)


def _write(tmp_path, features, crs=True):
    doc = {"type": "FeatureCollection", "features": features}
    if crs:
        doc["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
    path = tmp_path / "grenzen.geojson"
    path.write_text(json.dumps(doc))
    return path


def _square(x, y, d=0.01):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]]}


def test_broken_file_lists_every_problem_and_changes_nothing(fresh_demo, tmp_path):
    before = _snapshot(fresh_demo)
    path = _write(
        tmp_path,
        [
            {"type": "Feature", "properties": {"code": "BU05990001", "name": "Goed", "year": 2015},
             "geometry": _square(4.47, 51.91)},
            {"type": "Feature", "properties": {"code": "BU05990001", "name": "Dubbel", "year": 2015},
             "geometry": _square(4.48, 51.91)},
            {"type": "Feature", "properties": {"code": "BU05990003", "name": "", "year": 2015},
             "geometry": _square(4.49, 51.91)},
            {"type": "Feature", "properties": {"code": "BU05990004", "name": "Punt", "year": 2015},
             "geometry": {"type": "Point", "coordinates": [4.5, 51.9]}},
            {"type": "Feature", "properties": {"code": "BU05990005", "name": "Ver weg", "year": 2015},
             "geometry": _square(120.0, 10.0)},
        ],
    )
    with pytest.raises(BoundaryError) as err:
        load_boundaries(fresh_demo, str(path))
    problems = "\n".join(err.value.problems)
    # attributes by the shared engine, geometry by the boundary rules: every problem with the file and the row
    assert "grenzen.geojson, rij 2, code: dezelfde code als rij 1 maar een andere name" in problems
    assert "grenzen.geojson, rij 3, name: leeg" in problems
    assert "grenzen.geojson, rij 4 (BU05990004): geometrie is geen vlak" in problems
    assert "grenzen.geojson, rij 5 (BU05990005): ligt buiten Nederland" in problems
    assert _snapshot(fresh_demo) == before


def test_cli_reports_a_broken_file_and_exits_nonzero(fresh_demo, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", fresh_demo.hkd_url)
    before = _snapshot(fresh_demo)
    path = tmp_path / "kapot.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [')
    assert hkd_main(["load", "gebieden", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Niet geladen: " in err and "; de database is ongewijzigd" in err and "kan" in err
    assert _snapshot(fresh_demo) == before


def test_missing_file_is_named(empty_db):
    with pytest.raises(BoundaryError, match="bestand niet gevonden"):
        load_boundaries(empty_db, "/nonexistent/grenzen.gpkg")


def test_geopackage_in_rd_new_loads(empty_db, tmp_path):
    import geopandas as gpd
    from shapely.geometry import box

    gdf = gpd.GeoDataFrame(
        {"code": ["3011", "3012"], "name": ["Rotterdam", "Rotterdam"], "year": [2020, 2020]},
        geometry=[box(92000, 437000, 93000, 438000), box(93000, 437000, 94000, 438000)],
        crs="EPSG:28992",
    )
    path = tmp_path / "pc4.gpkg"
    gdf.to_file(path)
    assert load_boundaries(empty_db, str(path)) == ("pc4", 2)

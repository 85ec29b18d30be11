"""Boundary files that would do harm: outside the gemeente, wrong code formats, a reload that strands locations
or drops figures, repaired geometry, an empty collection; and every loaded set is kept with its year."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
import shapely
from shapely.affinity import translate
from sqlalchemy import text

from core.settings import SHARED_DATA
from data.boundaries import laad_grenzen
from geo.boundaries import BoundaryError, code_geldig
from tests.conftest import needs_shared_data
from tests.data.test_hostile_entry_points import fingerprint


def _demo_laag(engine, niveau: str) -> gpd.GeoDataFrame:
    with engine.connect() as conn:
        return gpd.read_postgis(text("SELECT code, naam AS name, jaar AS year, geom FROM hkd.gebieden "
                                     "WHERE niveau = :n ORDER BY code"), conn, params={"n": niveau}, geom_col="geom")


def _schrijf(gdf: gpd.GeoDataFrame, path) -> str:
    gdf.to_file(path, driver="GeoJSON")
    return str(path)


@pytest.mark.parametrize(
    ("code", "niveau", "gm", "geldig"),
    [
        ("BU05990110", "buurt", "GM0599", True), ("BU0599011", "buurt", None, False),
        ("BU03630110", "buurt", "GM0599", False),  # an Amsterdam buurt in Rotterdam
        ("WK059901", "gebied", "GM0599", True), ("WK05990", "gebied", None, False),
        ("GM0599", "gemeente", None, True), ("GM599", "gemeente", None, False),
        ("3011", "pc4", None, True), ("0301", "pc4", None, False), ("3011AB", "pc4", None, False),
        ("oude-westen", "wijkprofiel", None, True), ("Oude Westen", "wijkprofiel", None, False),
        ("<script>", "wijkprofiel", None, False),
    ],
)
def test_code_formats_per_level(code, niveau, gm, geldig):
    assert code_geldig(code, niveau, gm) is geldig


def test_a_set_outside_the_gemeente_is_refused_and_changes_nothing(fresh_demo, tmp_path):
    buurten = _demo_laag(fresh_demo, "buurt")
    buurten["geom"] = buurten.geometry.map(lambda g: translate(g, 60_000, 0))  # the same shapes, 60 km east
    before = fingerprint(fresh_demo)
    with pytest.raises(BoundaryError) as err:
        laad_grenzen(fresh_demo, _schrijf(buurten.set_geometry("geom"), tmp_path / "oost.geojson"), niveau="buurt")
    tekst = "\n".join(err.value.problems)
    assert "ligt voor 100% buiten GM0599" in tekst and "bedekken 0% van GM0599" in tekst
    assert fingerprint(fresh_demo) == before


def test_a_wrong_code_format_is_refused_per_feature(fresh_demo, tmp_path):
    buurten = _demo_laag(fresh_demo, "buurt")
    buurten.loc[0, "code"] = "BU0599"
    buurten.loc[1, "code"] = "BU03630001"
    with pytest.raises(BoundaryError) as err:
        laad_grenzen(fresh_demo, _schrijf(buurten, tmp_path / "codes.geojson"), niveau="buurt")
    tekst = "\n".join(err.value.problems)
    assert "rij 1 (BU0599): code 'BU0599' past niet bij niveau buurt" in tekst
    assert "rij 2 (BU03630001)" in tekst and "beginnend met BU0599" in tekst


def test_a_reload_that_strands_locations_or_drops_figures_needs_forceer_and_keeps_the_old_set(fresh_demo, tmp_path):
    buurten = _demo_laag(fresh_demo, "buurt")
    with fresh_demo.connect() as conn:
        vol = conn.execute(text("SELECT buurt_code, count(*) FROM hkd.locaties GROUP BY 1 ORDER BY 2 DESC")).first()
        met_cijfers = conn.execute(text("SELECT count(DISTINCT gebied_code) FROM hkd.indicatoren "
                                        "WHERE niveau = 'buurt'")).scalar_one()
    deel = buurten[buurten["code"] != vol[0]]  # a file without the buurt that holds the most locations
    path = _schrijf(deel, tmp_path / "deel.geojson")
    before = fingerprint(fresh_demo)
    with pytest.raises(BoundaryError) as err:
        laad_grenzen(fresh_demo, path, niveau="buurt", jaar=2024)
    tekst = "\n".join(err.value.problems)
    assert f"{vol[1]} locatie(s) zouden geen gebied op niveau buurt meer hebben" in tekst
    if met_cijfers:
        assert f"{vol[0]} (" in tekst.split("met cijfers staa")[-1]
    assert "--forceer" in tekst and fingerprint(fresh_demo) == before

    r = laad_grenzen(fresh_demo, path, niveau="buurt", jaar=2024, forceer=True)
    assert r.gebieden == len(deel) and any(m.startswith("geforceerd:") for m in r.meldingen)
    with fresh_demo.connect() as conn:
        sets = conn.execute(text("SELECT jaar, gebieden, actueel FROM hkd.grenssets WHERE niveau = 'buurt' "
                                 "ORDER BY actueel, jaar")).all()
        oud = conn.execute(text("SELECT count(*) FROM hkd.gebieden_historie WHERE code = :c"), {"c": vol[0]})
        assert oud.scalar_one() == 1, "the dropped buurt is kept in the history with its year"
    assert [(s.gebieden, s.actueel) for s in sets] == [(len(buurten), False), (len(deel), True)]
    assert sets[1].jaar == 2024


def test_an_empty_collection_says_so(fresh_demo, tmp_path):
    path = tmp_path / "leeg.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    with pytest.raises(BoundaryError, match="geen gebieden in het bestand"):
        laad_grenzen(fresh_demo, str(path), niveau="buurt", jaar=2024)
    path.write_bytes(b"")
    with pytest.raises(BoundaryError, match="geen gebieden in het bestand"):
        laad_grenzen(fresh_demo, str(path), niveau="buurt", jaar=2024)


def test_a_repaired_geometry_is_reported_per_feature(fresh_demo, tmp_path):
    buurten = _demo_laag(fresh_demo, "buurt")
    g = buurten.geometry.iloc[0]
    minx, miny, maxx, maxy = g.bounds
    bowtie = shapely.Polygon([(minx, miny), (maxx, maxy), (maxx, miny), (minx, maxy), (minx, miny)])
    assert not bowtie.is_valid
    buurten.loc[0, "geom"] = shapely.MultiPolygon([bowtie])
    r = laad_grenzen(fresh_demo, _schrijf(buurten, tmp_path / "strik.geojson"), niveau="buurt", forceer=True)
    code = buurten["code"].iloc[0]
    assert any(m.startswith(f"rij 1 ({code}): ongeldige geometrie hersteld (Self-intersection") for m in r.meldingen)


@needs_shared_data
def test_the_real_rotterdam_levels_fit_the_real_gemeente(empty_db):
    laad_grenzen(empty_db, str(SHARED_DATA / "rotterdam_gemeente_2022.geojson"))
    for naam in ("rotterdam_buurten_2015.geojson", "rotterdam_wijken_2015.geojson", "rotterdam_pc4_2020.geojson",
                 "rotterdam_wijkprofielwijken_from_buurten2015.geojson"):
        assert laad_grenzen(empty_db, str(SHARED_DATA / naam)).gebieden > 20

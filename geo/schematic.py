"""A schematic geography from area facts (code, name, parent, centroid): Voronoi cells clipped to the city.

Used when no real boundary file is at hand, so that the dashboard still shows every area in about the right
place. The cells are honest approximations: the app labels such a map as schematic.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import MultiPoint

from geo.boundaries import RD_NEW, WGS84

CITY_MARGIN_M = 700.0


def facts_to_points(facts: pd.DataFrame) -> gpd.GeoDataFrame:
    """Turn a facts table (``code,name,parent_code,centroid_lon,centroid_lat``) into RD New points."""
    pts = gpd.GeoDataFrame(
        facts[["code", "name", "parent_code"]].astype("string"),
        geometry=gpd.points_from_xy(facts["centroid_lon"], facts["centroid_lat"]),
        crs=WGS84,
    )
    return pts.to_crs(RD_NEW)


def city_outline(points: gpd.GeoDataFrame, margin: float = CITY_MARGIN_M) -> shapely.Geometry:
    """An outline around the area centroids: the union of buffered centroids, smoothed."""
    blobs = shapely.union_all(points.geometry.buffer(margin * 2.2, quad_segs=4))
    return blobs.buffer(-margin, quad_segs=4).buffer(margin / 2, quad_segs=4)


def voronoi_cells(points: gpd.GeoDataFrame, outline: shapely.Geometry) -> gpd.GeoDataFrame:
    """One Voronoi cell per point, clipped to ``outline``; columns of ``points`` are kept."""
    regions = shapely.voronoi_polygons(MultiPoint(list(points.geometry)), extend_to=outline.envelope)
    cells = gpd.GeoDataFrame(geometry=list(regions.geoms), crs=RD_NEW)
    joined = gpd.sjoin(cells, points, how="inner", predicate="contains").drop(columns="index_right")
    joined["geometry"] = joined.geometry.intersection(outline)
    joined = joined[~joined.geometry.is_empty]
    return joined.reset_index(drop=True)


def schematic_layers(facts: dict[str, pd.DataFrame]) -> dict[str, gpd.GeoDataFrame]:
    """Build gemeente, gebied, buurt, wijkprofiel and pc4 layers from their facts tables.

    Parameters
    ----------
    facts
        Keys ``buurt``, ``gebied``, ``wijkprofiel``, ``pc4``; each a facts table.

    Returns
    -------
    dict
        Per level a GeoDataFrame with ``code, name, parent_code, geometry`` in RD New. Gebieden are the union
        of their buurten, so the two levels nest as they do in reality.
    """
    buurt_pts = facts_to_points(facts["buurt"])
    outline = city_outline(buurt_pts)
    buurten = voronoi_cells(buurt_pts, outline)
    gebied_names = facts["gebied"].set_index("code")["name"]
    gebieden = buurten.dissolve(by="parent_code", as_index=False)[["parent_code", "geometry"]]
    gebieden = gebieden.rename(columns={"parent_code": "code"})
    gebieden["name"] = gebieden["code"].map(gebied_names).fillna(gebieden["code"])
    gebieden["parent_code"] = "GM0599"
    layers = {
        "gemeente": gpd.GeoDataFrame(
            {"code": ["GM0599"], "name": ["Rotterdam"], "parent_code": ["PV28"]}, geometry=[outline], crs=RD_NEW
        ),
        "gebied": gebieden,
        "buurt": buurten,
        "wijkprofiel": voronoi_cells(facts_to_points(facts["wijkprofiel"]), outline),
        "pc4": voronoi_cells(facts_to_points(facts["pc4"]), outline),
    }
    return {k: v[["code", "name", "parent_code", "geometry"]] for k, v in layers.items()}

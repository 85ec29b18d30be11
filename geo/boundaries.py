"""Validate and normalise area boundaries before they are stored (RD New, MultiPolygon, valid, unique codes)."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely
import shapely.errors
from shapely.geometry import MultiPolygon, Polygon

RD_NEW = "EPSG:28992"
WGS84 = "EPSG:4326"
LEVELS = ("gemeente", "gebied", "buurt", "wijkprofiel", "pc4")
DISPLAY_TOLERANCE_M = 15.0
# Rough RD New envelope of the Netherlands: anything outside is a projection mistake.
NL_BOUNDS_RD = (-10_000.0, 290_000.0, 300_000.0, 640_000.0)


class BoundaryError(ValueError):
    """A boundary file that cannot be loaded; ``problems`` lists every reason with its row."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class ColumnMap:
    """Which source columns hold code, name and parent code."""

    code: str = "code"
    name: str = "name"
    parent: str | None = "parent_code"


def _as_multipolygon(geom):
    if geom is None or geom.is_empty:
        return None
    if isinstance(geom, Polygon):
        return MultiPolygon([geom])
    if isinstance(geom, MultiPolygon):
        return geom
    # A GeometryCollection from make_valid: keep its polygonal parts.
    polys = [g for g in getattr(geom, "geoms", []) if isinstance(g, Polygon | MultiPolygon)]
    if not polys:
        return None
    return _as_multipolygon(shapely.union_all(polys))


def normalise_boundaries(gdf: gpd.GeoDataFrame, niveau: str, columns: ColumnMap = ColumnMap()) -> gpd.GeoDataFrame:
    """Check and normalise a boundary layer; raise :class:`BoundaryError` listing every problem.

    Parameters
    ----------
    gdf
        Source features with a CRS.
    niveau
        One of :data:`LEVELS`.
    columns
        Names of the code, name and (optional) parent-code columns in ``gdf``.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``code, naam, parent_code, geometry`` in EPSG:28992, MultiPolygons, valid, codes unique.
    """
    problems: list[str] = []
    if niveau not in LEVELS:
        raise BoundaryError([f"onbekend niveau {niveau!r}; kies uit {', '.join(LEVELS)}"])
    if gdf.crs is None:
        raise BoundaryError(["het bestand heeft geen coördinatenstelsel (CRS); geef er een mee"])
    missing = [c for c in (columns.code, columns.name) if c not in gdf.columns]
    if missing:
        raise BoundaryError([f"kolom ontbreekt: {c} (aanwezig: {', '.join(map(str, gdf.columns))})" for c in missing])
    if len(gdf) == 0:
        raise BoundaryError(["het bestand bevat geen objecten"])

    out = gdf.to_crs(RD_NEW)
    codes = out[columns.code].astype("string").str.strip()
    names = out[columns.name].astype("string").str.strip()
    parents = (
        out[columns.parent].astype("string").str.strip()
        if columns.parent and columns.parent in out.columns
        else None
    )
    geoms = []
    for i, (code, name, geom) in enumerate(zip(codes, names, out.geometry, strict=True), start=1):
        where = f"rij {i}" + (f" ({code})" if isinstance(code, str) and code else "")
        if not isinstance(code, str) or not code:
            problems.append(f"{where}: code ontbreekt")
        if not isinstance(name, str) or not name:
            problems.append(f"{where}: naam ontbreekt")
        if geom is None or geom.is_empty:
            problems.append(f"{where}: geometrie ontbreekt")
            geoms.append(None)
            continue
        if not np.isfinite(shapely.get_coordinates(geom)).all():
            problems.append(f"{where}: coördinaten buiten bereik; klopt het coördinatenstelsel ({gdf.crs})?")
            geoms.append(None)
            continue
        if not geom.is_valid:
            try:
                geom = shapely.make_valid(geom)
            except shapely.errors.GEOSException as exc:
                problems.append(f"{where}: geometrie is ongeldig en niet te herstellen ({exc})")
                geoms.append(None)
                continue
        mp = _as_multipolygon(geom)
        if mp is None:
            problems.append(f"{where}: geometrie is geen vlak ({geom.geom_type})")
            geoms.append(None)
            continue
        minx, miny, maxx, maxy = mp.bounds
        bx0, by0, bx1, by1 = NL_BOUNDS_RD
        if minx < bx0 or maxx > bx1 or miny < by0 or maxy > by1:
            problems.append(f"{where}: ligt buiten Nederland; klopt het coördinatenstelsel ({gdf.crs})?")
        geoms.append(mp)
    rows_per_code: dict[str, list[str]] = {}
    for i, code in enumerate(codes, start=1):
        if isinstance(code, str) and code:
            rows_per_code.setdefault(code, []).append(str(i))
    for code, rows in sorted(rows_per_code.items()):
        if len(rows) > 1:
            problems.append(f"rijen {', '.join(rows)}: code {code} komt meer dan eens voor")
    if problems:
        raise BoundaryError(problems)
    return gpd.GeoDataFrame(
        {
            "code": codes.to_numpy(),
            "naam": names.to_numpy(),
            "parent_code": parents.to_numpy() if parents is not None else None,
        },
        geometry=geoms,
        crs=RD_NEW,
    )


DATASETS = {
    "gemeente": "CBS/Kadaster gemeentegrens",
    "gebied": "CBS/Kadaster Wijk- en Buurtkaart, wijken",
    "buurt": "CBS/Kadaster Wijk- en Buurtkaart, buurten",
    "wijkprofiel": "Wijkprofiel-wijken (samengesteld uit CBS-buurten)",
    "pc4": "CBS postcode-4-gebieden",
}


def dataset_naam(niveau: str, jaar: int) -> str:
    """What a person calls a boundary set: the dataset's name and year (never where the file lay)."""
    return f"{DATASETS.get(niveau, niveau)} {jaar}"


def geografie_omschrijving(jaren: dict[str, int]) -> str:
    """One line naming every loaded boundary set with its year, e.g. for the sidebar."""
    return "; ".join(dataset_naam(niveau, jaar) for niveau, jaar in sorted(jaren.items()))

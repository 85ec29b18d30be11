"""Load CBS boundaries (GeoJSON, GeoPackage, Shapefile; path or URL) into ``hkd.gebieden``, all or nothing."""

from __future__ import annotations

import re
from pathlib import Path

import geopandas as gpd
import pandas as pd
from sqlalchemy import Engine

from geo.boundaries import BoundaryError, ColumnMap, dataset_naam, geografie_omschrijving, normalise_boundaries
from queries import gebieden
from queries.db import acting_as

FACTS_DIR = Path(__file__).resolve().parent / "facts"

# The real files in ../shared/data, by level (used by the demo when that folder is the boundary source).
REAL_FILES = {
    "gemeente": "rotterdam_gemeente_2022.geojson",
    "gebied": "rotterdam_wijken_2015.geojson",
    "buurt": "rotterdam_buurten_2015.geojson",
    "wijkprofiel": "rotterdam_wijkprofielwijken_from_buurten2015.geojson",
    "pc4": "rotterdam_pc4_2020.geojson",
}
FACTS_FILES = {
    "gebied": "facts_wijken_2015.csv",
    "buurt": "facts_buurten_2015.csv",
    "wijkprofiel": "facts_wijkprofielwijken.csv",
    "pc4": "facts_pc4_2020.csv",
}
FACTS_YEARS = {"gemeente": 2015, "gebied": 2015, "buurt": 2015, "wijkprofiel": 2015, "pc4": 2020}


def infer_level(codes: pd.Series) -> str:
    """Guess the level from the codes: GM, WK, BU prefixes, four digits for PC4, else a Wijkprofiel slug."""
    sample = codes.dropna().astype(str).str.strip()
    for prefix, level in (("GM", "gemeente"), ("WK", "gebied"), ("BU", "buurt")):
        if len(sample) and sample.str.startswith(prefix).all():
            return level
    if len(sample) and sample.str.fullmatch(r"[1-9]\d{3}").all():
        return "pc4"
    if len(sample) and sample.str.fullmatch(r"[a-z0-9-]+").all():
        return "wijkprofiel"
    raise BoundaryError(["kan het niveau niet afleiden uit de codes; geef --niveau mee"])


def read_source(source: str) -> gpd.GeoDataFrame:
    """Read a boundary file from a path or URL; any reading problem becomes a :class:`BoundaryError`."""
    if not re.match(r"^[a-z]+://", source) and not Path(source).exists():
        raise BoundaryError([f"bestand niet gevonden: {source}"])
    try:
        return gpd.read_file(source)
    except Exception as exc:  # pyogrio raises several types; all mean the same to the user
        raise BoundaryError([f"kan {source} niet lezen als GeoJSON, GeoPackage of Shapefile: {exc}"]) from exc


def load_boundaries(
    engine: Engine,
    source: str,
    *,
    niveau: str | None = None,
    jaar: int | None = None,
    columns: ColumnMap = ColumnMap(),
    gebruiker: str = "hkd load",
) -> tuple[str, int]:
    """Validate ``source`` completely, then replace its level in one transaction.

    Returns ``(niveau, number of areas)``; raises :class:`BoundaryError` (database unchanged) on any problem.
    """
    gdf = read_source(source)
    if columns.code not in gdf.columns:
        raise BoundaryError([f"kolom ontbreekt: {columns.code} (aanwezig: {', '.join(map(str, gdf.columns))})"])
    niveau = niveau or infer_level(gdf[columns.code])
    if jaar is None:
        if "year" in gdf.columns and gdf["year"].notna().all() and gdf["year"].nunique() == 1:
            jaar = int(gdf["year"].iloc[0])
        elif "jaar" in gdf.columns and gdf["jaar"].notna().all() and gdf["jaar"].nunique() == 1:
            jaar = int(gdf["jaar"].iloc[0])
        else:
            raise BoundaryError(["het jaar van de grenzen is onbekend; geef --jaar mee"])
    areas = normalise_boundaries(gdf, niveau, columns)
    with acting_as(engine, gebruiker) as conn:
        n = gebieden.replace_level(conn, niveau, areas, jaar=jaar, bron=dataset_naam(niveau, jaar))
        gebieden.set_geografie(conn, "echt", geografie_omschrijving(gebieden.jaren_per_niveau(conn)))
    return niveau, n


def read_facts(level: str) -> pd.DataFrame:
    """The committed facts table of a level."""
    return pd.read_csv(FACTS_DIR / FACTS_FILES[level], dtype={"code": "string", "parent_code": "string"})

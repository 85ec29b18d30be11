"""Map layers: areas with counts, outlines. Geometry leaves PostGIS simplified and as GeoJSON."""

from __future__ import annotations

import json

import pandas as pd
from sqlalchemy import Connection

from queries.sqlfiles import sql


def feature_collection(frame: pd.DataFrame, geometry_column: str = "geometry") -> dict:
    """Turn rows with a GeoJSON geometry string into a FeatureCollection (properties = the other columns)."""
    props = frame.drop(columns=[geometry_column]).to_dict("records")
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": json.loads(g), "properties": p}
            for g, p in zip(frame[geometry_column], props, strict=True)
        ],
    }




def outline(conn: Connection, niveau: str) -> pd.DataFrame:
    """Outlines of all areas of a level, GeoJSON text."""
    return pd.read_sql(sql("kaart", "outline"), conn, params={"niveau": niveau})


def gebied_namen(conn: Connection, niveau: str = "gebied") -> pd.DataFrame:
    """``code, naam, lon, lat`` of every area of a level (a label point inside the area); readable by every layer."""
    return pd.read_sql(sql("kaart", "gebied_namen"), conn, params={"niveau": niveau})

"""Validate and normalise area boundaries before they are stored (RD New, MultiPolygon, valid, unique codes)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely
import shapely.errors
import shapely.prepared
from shapely.geometry import MultiPolygon, Polygon

RD_NEW = "EPSG:28992"
WGS84 = "EPSG:4326"
LEVELS = ("gemeente", "gebied", "buurt", "wijkprofiel", "pc4")
DISPLAY_TOLERANCE_M = 15.0
# Rough RD New envelope of the Netherlands: anything outside is a projection mistake.
NL_BOUNDS_RD = (-10_000.0, 290_000.0, 300_000.0, 640_000.0)
# Code format per level (CBS gemeente/wijk/buurt codes, PC4, Wijkprofiel slugs).
CODE_FORMATEN = {
    "gemeente": (r"GM\d{4}", "GM + 4 cijfers, bijv. GM0599"),
    "gebied": (r"WK\d{6}", "WK + 6 cijfers, bijv. WK059901"),
    "buurt": (r"BU\d{8}", "BU + 8 cijfers, bijv. BU05990110"),
    "pc4": (r"[1-9]\d{3}", "4 cijfers, bijv. 3011"),
    "wijkprofiel": (r"[a-z0-9]+(-[a-z0-9]+)*", "kleine letters, cijfers en -, bijv. oude-westen"),
}
# Position against the loaded gemeente: the share of the gemeente a level must cover (the Wijkprofiel leaves the
# port and outer areas out), and the share of every area that must lie inside the gemeente (a PC4 area may cross
# the municipal border). Measured on the real files: buurten/wijken 2015 cover 96% of gemeente 2022, PC4 2020 99%,
# Wijkprofiel 49%; the least-inside area is 97% (PC4), 98% (buurt), 99% (wijk).
MIN_DEKKING = {"gebied": 0.90, "buurt": 0.90, "pc4": 0.90, "wijkprofiel": 0.40}
MIN_BINNEN = {"gebied": 0.90, "buurt": 0.90, "pc4": 0.50, "wijkprofiel": 0.90}


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


def code_formaat(niveau: str, gemeente_code: str | None = None) -> str:
    """The code format of a level in words (with the gemeente's digits when it is known)."""
    uitleg = CODE_FORMATEN[niveau][1]
    if gemeente_code and niveau in ("gebied", "buurt") and re.fullmatch(r"GM\d{4}", gemeente_code):
        uitleg += f"; in gemeente {gemeente_code} beginnend met {niveau_prefix(niveau)}{gemeente_code[2:]}"
    return uitleg


def niveau_prefix(niveau: str) -> str:
    return {"gebied": "WK", "buurt": "BU", "gemeente": "GM"}.get(niveau, "")


def code_geldig(code: str, niveau: str, gemeente_code: str | None = None) -> bool:
    """Whether ``code`` has the format of ``niveau`` (and, for WK/BU, belongs to ``gemeente_code``)."""
    if not re.fullmatch(CODE_FORMATEN[niveau][0], code):
        return False
    if gemeente_code and niveau in ("gebied", "buurt") and re.fullmatch(r"GM\d{4}", gemeente_code):
        return code[2:6] == gemeente_code[2:]
    return True


def positie_problemen(
    areas: gpd.GeoDataFrame, niveau: str, gemeente: shapely.Geometry, gemeente_code: str | None = None
) -> list[str]:
    """Where a normalised level does not fit the loaded gemeente (RD New): too little covered, areas outside.

    Returns Dutch problems (empty when the level fits); see :data:`MIN_DEKKING` and :data:`MIN_BINNEN`.
    """
    if niveau not in MIN_DEKKING or gemeente is None or gemeente.is_empty:
        return []
    problems = []
    naam = gemeente_code or "de geladen gemeente"
    prepared = shapely.prepared.prep(gemeente)
    buiten = []
    for i, (code, geom) in enumerate(zip(areas["code"], areas.geometry, strict=True), start=1):
        if prepared.contains(geom):
            continue
        binnen = geom.intersection(gemeente).area / geom.area if geom.area else 0.0
        if binnen < MIN_BINNEN[niveau]:
            buiten.append(f"rij {i} ({code}): ligt voor {100 * (1 - binnen):.0f}% buiten {naam}")
    if len(buiten) > 20:
        problems += buiten[:20] + [f"... en nog {len(buiten) - 20} gebieden buiten {naam}"]
    else:
        problems += buiten
    dekking = max(0.0, 1 - gemeente.difference(shapely.union_all(areas.geometry.values)).area / gemeente.area)
    if dekking < MIN_DEKKING[niveau]:
        problems.append(f"de gebieden bedekken {100 * dekking:.0f}% van {naam}; voor niveau {niveau} is minstens "
                        f"{100 * MIN_DEKKING[niveau]:.0f}% nodig (bestand van een andere gemeente of een deel?)")
    return problems


def normalise_boundaries(
    gdf: gpd.GeoDataFrame, niveau: str, columns: ColumnMap = ColumnMap(), gemeente_code: str | None = None
) -> gpd.GeoDataFrame:
    """Check and normalise a boundary layer; raise :class:`BoundaryError` listing every problem.

    Parameters
    ----------
    gdf
        Source features with a CRS.
    niveau
        One of :data:`LEVELS`.
    columns
        Names of the code, name and (optional) parent-code columns in ``gdf``.

    gemeente_code
        The code of the loaded gemeente: WK and BU codes must carry its digits.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns ``code, naam, parent_code, geometry`` in EPSG:28992, MultiPolygons, valid, codes unique;
        ``attrs["hersteld"]`` lists, per feature, every geometry that was repaired.
    """
    _vooraf(gdf, niveau, columns)
    problems: list[str] = []
    hersteld: list[str] = []
    out = gdf.to_crs(RD_NEW)
    codes = out[columns.code].astype("string").str.strip()
    names = out[columns.name].astype("string").str.strip()
    parents = (
        out[columns.parent].astype("string").str.strip()
        if columns.parent and columns.parent in out.columns
        else None
    )
    geoms = []
    for i, (code, geom) in enumerate(zip(codes, out.geometry, strict=True), start=1):
        heeft_code = isinstance(code, str) and bool(code)
        where = f"rij {i}" + (f" ({code})" if heeft_code else "")
        if not heeft_code:
            problems.append(f"{where}: code ontbreekt")
        elif not code_geldig(code, niveau, gemeente_code):
            problems.append(f"{where}: code {code!r} past niet bij niveau {niveau} ({code_formaat(niveau, gemeente_code)})")
        mp, probleem, herstel = _vlak(geom, str(gdf.crs))
        geoms.append(mp)
        if probleem:
            problems.append(f"{where}: {probleem}")
        if herstel:
            hersteld.append(f"{where}: {herstel}")
    problems += _dubbele_codes(codes)
    if problems:
        raise BoundaryError(problems)
    out = gpd.GeoDataFrame(
        {
            "code": codes.to_numpy(),
            "naam": names.to_numpy(),
            "parent_code": parents.to_numpy() if parents is not None else None,
        },
        geometry=geoms,
        crs=RD_NEW,
    )
    out.attrs["hersteld"] = hersteld
    return out


def _vooraf(gdf: gpd.GeoDataFrame, niveau: str, columns: ColumnMap) -> None:
    """What refuses a layer as a whole: an unknown level, no CRS, a missing column, no features."""
    if niveau not in LEVELS:
        raise BoundaryError([f"onbekend niveau {niveau!r}; kies uit {', '.join(LEVELS)}"])
    if gdf.crs is None:
        raise BoundaryError(["het bestand heeft geen coördinatenstelsel (CRS); geef er een mee"])
    missing = [c for c in (columns.code, columns.name) if c not in gdf.columns]
    if missing:
        raise BoundaryError([f"kolom ontbreekt: {c} (aanwezig: {', '.join(map(str, gdf.columns))})" for c in missing])
    if len(gdf) == 0:
        raise BoundaryError(["geen gebieden in het bestand"])


def _vlak(geom, crs: str) -> tuple[MultiPolygon | None, str | None, str | None]:
    """One feature's geometry as a valid MultiPolygon in RD New: ``(geometry, problem, repair note)``."""
    if geom is None or geom.is_empty:
        return None, "geometrie ontbreekt", None
    if not np.isfinite(shapely.get_coordinates(geom)).all():
        return None, f"coördinaten buiten bereik; klopt het coördinatenstelsel ({crs})?", None
    herstel = None
    if not geom.is_valid:
        reden = shapely.is_valid_reason(geom)
        try:
            geom = shapely.make_valid(geom)
        except shapely.errors.GEOSException:
            return None, "geometrie is ongeldig en niet te herstellen", None
        herstel = f"ongeldige geometrie hersteld ({reden})"
    mp = _as_multipolygon(geom)
    if mp is None:
        return None, f"geometrie is geen vlak ({geom.geom_type})", herstel
    minx, miny, maxx, maxy = mp.bounds
    bx0, by0, bx1, by1 = NL_BOUNDS_RD
    if minx < bx0 or maxx > bx1 or miny < by0 or maxy > by1:
        return mp, f"ligt buiten Nederland; klopt het coördinatenstelsel ({crs})?", herstel
    return mp, None, herstel


def _dubbele_codes(codes) -> list[str]:
    """A code on more than one feature (the attribute check of the importer names them too, by row)."""
    rows_per_code: dict[str, list[str]] = {}
    for i, code in enumerate(codes, start=1):
        if isinstance(code, str) and code:
            rows_per_code.setdefault(code, []).append(str(i))
    return [f"rijen {', '.join(rows)}: code {code} komt meer dan eens voor"
            for code, rows in sorted(rows_per_code.items()) if len(rows) > 1]


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

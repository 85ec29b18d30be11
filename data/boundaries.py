"""Load CBS boundaries (GeoJSON, GeoPackage, Shapefile; path or URL) into ``hkd.gebieden``, all or nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
import shapely.prepared
from sqlalchemy import Engine

from core.taal import aantal
from data.importeur import Controle, Probleem, controleer
from data.spreadsheet import SpreadsheetFout, tabel_uit_records
from geo.boundaries import (
    LEVELS,
    BoundaryError,
    ColumnMap,
    dataset_naam,
    geografie_omschrijving,
    normalise_boundaries,
    positie_problemen,
)
from geo.formaten import GRENZEN, met_kolomnamen
from geo.kolommen import Formaat
from queries import gebieden, locaties
from queries.db import acting_as

JAAR_MIN, JAAR_MAX = 1990, 2100
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
    raise BoundaryError(["kan het niveau niet afleiden uit de codes (GM, WK, BU, vier cijfers of een "
                         "Wijkprofiel-naam); geef --niveau mee"])


def naam_van(source: str) -> str:
    """The name a boundary file or URL goes by in messages."""
    return source if re.match(r"^[a-z]+://", source) else Path(source).name


def read_source(source: str) -> gpd.GeoDataFrame:
    """Read a boundary file from a path or URL; any reading problem becomes a :class:`BoundaryError`."""
    naam = naam_van(source)
    if not re.match(r"^[a-z]+://", source) and not Path(source).exists():
        raise BoundaryError([f"bestand niet gevonden: {source}"])
    if not re.match(r"^[a-z]+://", source) and Path(source).is_file() and Path(source).stat().st_size == 0:
        raise BoundaryError([f"{naam} is leeg: geen gebieden in het bestand"])
    try:
        gdf = gpd.read_file(source)
    except Exception as exc:  # pyogrio raises several types; all mean the same to the user (its text is English)
        raise BoundaryError([f"kan {naam} niet lezen als GeoJSON, GeoPackage of Shapefile: het bestand is "
                             "beschadigd of heeft een ander formaat"]) from exc
    # GDAL also reads a CSV or a spreadsheet, as a table without geometry: that is no boundary file
    if not isinstance(gdf, gpd.GeoDataFrame) or gdf.geometry.name not in gdf.columns or (
            len(gdf) and gdf.geometry.isna().all()):
        raise BoundaryError([f"{naam} heeft geen geometrie: het is een tabel, geen grenzenbestand. Lever de "
                             "gebieden aan als GeoJSON, GeoPackage of Shapefile (met vlakken)"])
    return gdf


def _cel(waarde: object) -> object:
    """A value of the attribute table; a missing one (None, NaN, NA) is ``None``."""
    return None if waarde is None or (not isinstance(waarde, str) and bool(pd.isna(waarde))) else waarde


def _formaat(columns: ColumnMap) -> Formaat:
    return met_kolomnamen(GRENZEN, {"code": columns.code, "name": columns.name, "parent_code": columns.parent})


def attributen(gdf: gpd.GeoDataFrame, bestand: str, columns: ColumnMap = ColumnMap()) -> Controle:
    """The attribute table of a boundary file held to :data:`geo.formaten.GRENZEN` by the shared engine: every
    problem names the file, the feature's row (1 = the first feature) and the column. A code twice is refused
    even when the attributes are equal (the geometries may differ), and so is a feature without any attribute."""
    formaat = _formaat(columns)
    kolommen = [c for c in gdf.columns if c != gdf.geometry.name]
    records = [[str(c) for c in kolommen], *([_cel(v) for v in rec] for rec in gdf[kolommen].itertuples(
        index=False, name=None))]
    try:
        tabel = tabel_uit_records(records, bestand, "geo")
    except SpreadsheetFout as exc:
        controle = Controle(bestand=bestand)
        controle.problemen = [Probleem(0, "", p, bestand) for p in exc.problemen]
        return controle
    rijen = tabel.rijen
    controle = controleer(tabel, formaat)
    for rij, eerder in controle.dubbel:
        controle.fout(rij, formaat.sleutel[0], f"dezelfde code als rij {eerder} (dubbele regel in het bestand; elk "
                                               "gebied staat er één keer in)")
    if controle.regels or controle.dubbel:
        for rij in (r for r in rijen if r.leeg()):
            controle.fout(rij.nummer, formaat.sleutel[0], "leeg (dit gebied heeft geen code en geen naam)")
    return controle


def _schoon(gdf: gpd.GeoDataFrame, columns: ColumnMap) -> gpd.GeoDataFrame:
    """Code, name and parent code as text under their declared names (empty where a column is absent)."""
    namen = {"code": columns.code, "name": columns.name, "parent_code": columns.parent}
    return gpd.GeoDataFrame({n: [None if _cel(v) is None else str(_cel(v)).strip() or None for v in gdf[k]]
                             if k in gdf else [None] * len(gdf)
                             for n, k in namen.items()}, geometry=list(gdf.geometry), crs=gdf.crs)


def _jaar(gdf: gpd.GeoDataFrame, jaar: int | None) -> int:
    if jaar is None:
        for kolom in ("year", "jaar"):
            if kolom in gdf.columns and gdf[kolom].notna().all() and gdf[kolom].nunique() == 1:
                waarde = str(gdf[kolom].iloc[0]).strip().removesuffix(".0")
                if not re.fullmatch(r"\d{4}", waarde):
                    raise BoundaryError([f"kolom {kolom}: {waarde[:40]!r} is geen jaartal; geef --jaar mee"])
                jaar = int(waarde)
                break
        else:
            raise BoundaryError(["het jaar van de grenzen is onbekend; geef --jaar mee"])
    if not JAAR_MIN <= jaar <= JAAR_MAX:
        raise BoundaryError([f"jaar {jaar} ligt niet tussen {JAAR_MIN} en {JAAR_MAX}"])
    return jaar


@dataclass(frozen=True)
class GrensResultaat:
    """What a boundary load wrote and what the user should know (repaired geometries, forced losses)."""

    niveau: str
    gebieden: int
    jaar: int
    meldingen: tuple[str, ...] = ()


def _verlies(conn, niveau: str, areas: gpd.GeoDataFrame) -> list[str]:
    """What replacing ``niveau`` by ``areas`` would lose: locations left without an area, areas holding figures."""
    problemen = []
    nieuw = shapely.union_all(areas.geometry.values)
    prepared = shapely.prepared.prep(nieuw)
    locaties = gebieden.locaties_met_gebied(conn, niveau)
    zonder = [f"{c} ({n})" for c, n, x, y in zip(locaties["code"], locaties["naam"], locaties["x"], locaties["y"],
                                                   strict=True) if not prepared.intersects(shapely.Point(x, y))]
    if zonder:
        problemen.append(f"{len(zonder)} locatie(s) zouden geen gebied op niveau {niveau} meer hebben: "
                         + ", ".join(zonder[:30]) + (f" en nog {len(zonder) - 30}" if len(zonder) > 30 else ""))
    cijfers = gebieden.codes_met_cijfers(conn, niveau)
    weg = cijfers[~cijfers["code"].isin(set(areas["code"]))]
    if len(weg):
        lijst = [f"{c} ({w} waarden, {v}-{t})" for c, w, v, t in weg.itertuples(index=False)]
        problemen.append(f"{aantal(len(weg), 'gebied met cijfers staat', 'gebieden met cijfers staan')} niet in het nieuwe bestand: "
                         + ", ".join(lijst[:30]) + (f" en nog {len(lijst) - 30}" if len(lijst) > 30 else ""))
    return problemen


def laad_grenzen(
    engine: Engine,
    source: str,
    *,
    niveau: str | None = None,
    jaar: int | None = None,
    columns: ColumnMap = ColumnMap(),
    gebruiker: str = "hkd load",
    forceer: bool = False,
) -> GrensResultaat:
    """Validate ``source`` completely, then replace its level in one transaction (the old set is kept by year).

    Refused (:class:`BoundaryError`, database unchanged): unreadable or empty files, codes not in the level's
    format or of another gemeente, a level that does not fit the loaded gemeente's outline, and (unless
    ``forceer``) a reload that would leave locations without an area or drop areas that hold figures.
    """
    gdf = read_source(source)
    naam = naam_van(source)
    if len(gdf) == 0:
        raise BoundaryError([f"{naam}: geen gebieden in het bestand"])
    if niveau is not None and niveau not in LEVELS:
        raise BoundaryError([f"onbekend niveau {niveau!r}; kies uit {', '.join(LEVELS)}"])
    controle = attributen(gdf, naam, columns)
    attribuutproblemen = [str(p) for p in controle.problemen]
    schoon = _schoon(gdf, columns)
    try:
        niveau = niveau or infer_level(schoon["code"])
        jaar = _jaar(gdf, jaar)
    except BoundaryError as exc:
        raise BoundaryError(attribuutproblemen or exc.problems) from exc
    with acting_as(engine, gebruiker) as conn:
        gm_code = gebieden.gemeente_code(conn) if niveau != "gemeente" else None
        try:  # the geometry rules on every feature too, so that one pass lists every problem of the file
            areas = normalise_boundaries(schoon, niveau, gemeente_code=gm_code)
        except BoundaryError as exc:
            raise BoundaryError(attribuutproblemen + [f"{naam}, {p}" for p in exc.problems
                                                      if "komt meer dan eens voor" not in p]) from exc
        if attribuutproblemen:
            raise BoundaryError(attribuutproblemen)
        problemen = positie_problemen(areas, niveau, locaties.gemeente(conn), gm_code) if niveau != "gemeente" else []
        if problemen:
            raise BoundaryError(problemen)
        verlies = _verlies(conn, niveau, areas)
        if verlies and not forceer:
            raise BoundaryError([*verlies, "niets geladen; laad toch met --forceer als dit de bedoeling is"])
        n = gebieden.replace_level(conn, niveau, areas, jaar=jaar, bron=dataset_naam(niveau, jaar))
        gebieden.set_geografie(conn, "echt", geografie_omschrijving(gebieden.jaren_per_niveau(conn)))
    meldingen = [*controle.meldingen, *areas.attrs.get("hersteld", []),
                 *(f"geforceerd: {v}" for v in verlies)]
    return GrensResultaat(niveau, n, jaar, tuple(meldingen))


def load_boundaries(engine: Engine, source: str, **opties) -> tuple[str, int]:
    """:func:`laad_grenzen` (same options), returning ``(niveau, number of areas)``."""
    r = laad_grenzen(engine, source, **opties)
    return r.niveau, r.gebieden


def read_facts(level: str) -> pd.DataFrame:
    """The committed facts table of a level."""
    return pd.read_csv(FACTS_DIR / FACTS_FILES[level], dtype={"code": "string", "parent_code": "string"})

"""``hkd demo``: load the deterministic demo dataset in one transaction; running it again duplicates nothing."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from sqlalchemy import Connection, Engine

from core.kalender import vandaag
from core.settings import Settings
from data import (
    demo_bemiddeling,
    demo_corporatiebezit,
    demo_history,
    demo_indicatoren,
    demo_initiatieven,
    demo_locaties,
    demo_monitoring,
    demo_platform,
    demo_vergaderingen,
    demo_vierkanten,
)
from data.boundaries import FACTS_YEARS, REAL_FILES, read_facts
from data.indicator_import import met_waarnemingen
from geo.boundaries import ColumnMap, dataset_naam, geografie_omschrijving, normalise_boundaries
from geo.sampling import point_inside
from geo.schematic import schematic_layers
from queries import besluiten, gebieden, indicatoren, meldingen, monitoring
from queries.db import acting_as
from queries.sqlfiles import sql

POSTCODE_LETTERS = "ABCEGHJKLMNPRTVWXZ"


@dataclass(frozen=True)
class DemoSummary:
    """What the demo load left in the database."""

    geografie: str
    gebieden: dict[str, int]
    locaties: int
    nieuwe_besluiten: int
    indicatorwaarden: int


def geography_layers(settings: Settings) -> tuple[str, str, dict[str, gpd.GeoDataFrame], dict[str, int]]:
    """Real boundaries when the configured source has them, else the schematic geography from the facts tables.

    Returns ``(soort, omschrijving, layers, years)``; layers are normalised (RD New, ``code, naam, parent_code``).
    """
    source = settings.boundary_source
    if source and Path(source).is_dir() and all((Path(source) / f).exists() for f in REAL_FILES.values()):
        layers, years = {}, {}
        for niveau, name in REAL_FILES.items():
            raw = gpd.read_file(Path(source) / name)
            layers[niveau] = normalise_boundaries(raw, niveau)
            years[niveau] = int(raw["year"].iloc[0])
        return "echt", geografie_omschrijving(years), layers, years
    facts = {lvl: read_facts(lvl) for lvl in ("buurt", "gebied", "wijkprofiel", "pc4")}
    layers = {
        lvl: normalise_boundaries(gdf, lvl, ColumnMap("code", "name", "parent_code"))
        for lvl, gdf in schematic_layers(facts).items()
    }
    return "schematisch", "Schematische indeling (Voronoi rond CBS-middelpunten)", layers, dict(FACTS_YEARS)


def place_locations(layers: dict[str, gpd.GeoDataFrame]) -> pd.DataFrame:
    """Put every demo location at a point inside a residential buurt; derive a postcode from its PC4 area."""
    rng = random.Random(demo_locaties.SEED + 3)
    gemeente = shapely.union_all(layers["gemeente"].geometry)
    buurten = layers["buurt"][~layers["buurt"]["naam"].isin(demo_indicatoren.NIET_WOONGEBIED)]
    buurten = buurten.sort_values("code").reset_index(drop=True)
    pc4 = layers["pc4"].sort_values("code").reset_index(drop=True)
    pc4_index = pc4.sindex
    rows = []
    for loc in demo_locaties.locaties():
        for _attempt in range(50):
            buurt = buurten.iloc[rng.randrange(len(buurten))]
            area = buurt.geometry.intersection(gemeente)
            if area.is_empty:
                continue
            point = point_inside(area, rng)
            hits = [i for i in pc4_index.query(point, predicate="intersects")]
            if hits:
                code = pc4.iloc[min(hits)]["code"]
                break
        else:
            raise RuntimeError(f"no place found for {loc.code}")
        letters = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
        rows.append({**loc.__dict__, "x": point.x, "y": point.y, "postcode": f"{code} {letters}"})
    return pd.DataFrame(rows)


def _load_locations(conn: Connection, placed: pd.DataFrame) -> dict[str, int]:
    for code, naam in demo_locaties.providers():
        conn.execute(sql("locaties", "upsert_aanbieder"), {"code": code, "naam": naam})
    aanbieder_ids = dict(conn.execute(sql("locaties", "aanbieder_ids")).all())
    conn.execute(
        sql("locaties", "insert_locatie_if_new"),
        [
            {
                "code": r.code, "naam": r.naam, "aanbieder_id": aanbieder_ids[r.aanbieder_code],
                "woonvorm": r.woonvorm, "doelgroep": r.doelgroep, "plaatsen": int(r.plaatsen), "straat": r.straat,
                "huisnummer": r.huisnummer, "postcode": r.postcode, "plaats": "Rotterdam", "x": r.x, "y": r.y,
            }
            for r in placed.itertuples()
        ],
    )
    return dict(conn.execute(sql("locaties", "locatie_ids")).all())


def _load_history(conn: Connection, ids: dict[str, int]) -> int:
    demo_codes = [loc.code for loc in demo_locaties.locaties()]
    done = besluiten.locaties_with_history(conn)
    if any(ids[c] in done for c in demo_codes):
        return 0  # history is append-only: never add the demo history twice
    initial = demo_locaties.initial_fasen(demo_codes)
    written: list[int] = []
    for rec in demo_history.fase_history(initial):
        written.append(
            besluiten.append_fase_besluit(
                conn,
                besluiten.FaseBesluit(
                    locatie_id=ids[rec.locatie], fase=rec.fase, ingangsdatum=rec.ingangsdatum, reden=rec.reden,
                    overleg_datum=rec.overleg_datum, vastgelegd_door=demo_locaties.DEMO_USER,
                    corrigeert_id=written[rec.corrigeert] if rec.corrigeert is not None else None,
                ),
            )
        )
    for b in demo_history.beheer_history(initial):
        besluiten.append_beheer_status(
            conn,
            besluiten.BeheerStatus(
                locatie_id=ids[b.locatie], ingangsdatum=b.ingangsdatum, beheercommissie=b.beheercommissie,
                beheerconvenant=b.beheerconvenant, convenant_datum=b.convenant_datum,
                meldingenregister=b.meldingenregister, vastgelegd_door=demo_locaties.DEMO_USER,
                toelichting=b.toelichting, overleg_datum=b.overleg_datum,
            ),
        )
    return len(written)


def _load_monitoring(conn: Connection, ids: dict[str, int], anker: date) -> int:
    """Meldingen (refreshed by their demo key), commissie meetings, the 3a plan and the planning (once)."""
    codes = [loc.code for loc in demo_locaties.locaties()]
    initial = demo_locaties.initial_fasen(codes)
    history = demo_history.fase_history(initial)
    nrm = meldingen.normen(conn)
    rijen = [
        {"locatie_id": ids[m.locatie], "ontvangen_op": m.ontvangen_op, "bron": m.bron, "categorie": m.categorie,
         "omschrijving": m.omschrijving, "afgehandeld_op": m.afgehandeld_op, "afhandeling": m.afhandeling,
         "melder_tevreden": m.melder_tevreden, "x": None, "y": None, "systeem": "import", "extern_id": m.extern_id}
        for m in demo_monitoring.meldingen(codes, initial, history, anker, nrm.signaal_min_meldingen,
                                           nrm.signaal_periode_maanden)
    ]
    nieuw, _ = meldingen.registreer_extern(conn, rijen)
    if conn.execute(sql("monitoring", "heeft_vergaderingen")).scalar_one():
        return nieuw  # meetings, plans and planning are append-only: never add them twice
    beheer = demo_history.beheer_history(initial)
    inventaris = {b.locatie: b for b in beheer if b.ingangsdatum == demo_locaties.INVENTARISATIE_DATUM}
    actief, gestart = demo_monitoring.commissies(initial)
    for code, datum, aanwezig, verslag in demo_monitoring.vergaderingen(actief, initial, history, gestart, anker):
        monitoring.vergadering_toevoegen(conn, monitoring.Vergadering(ids[code], datum, aanwezig, verslag))
    code, acties = demo_monitoring.verbeterplan(history)
    for actie, eigenaar, deadline, versies in acties:
        vorige = monitoring.verbeteractie_toevoegen(
            conn, monitoring.Verbeteractie(ids[code], actie, eigenaar, deadline, "open"))
        for status, _per in versies:
            vorige = monitoring.verbeteractie_toevoegen(
                conn, monitoring.Verbeteractie(ids[code], actie, eigenaar, deadline, status, vorige))
    for code, soort, prioriteit, streef in demo_monitoring.planning(inventaris, initial):
        monitoring.planning_toevoegen(conn, ids[code], soort, prioriteit, streef)
    # the inventory checked contracted Wmo providers' locations: each has its contract and its client agreements
    for code in codes:
        for soort in ("gemeente", "client"):
            monitoring.beheersafspraak_toevoegen(conn, ids[code], soort, demo_locaties.INVENTARISATIE_DATUM)
    return nieuw


def _load_indicators(conn: Connection, layers: dict[str, gpd.GeoDataFrame]) -> tuple[int, pd.DataFrame]:
    """Upsert the indicator series; returns their number and the buurt series (Kaart 4-1 derives from it)."""
    buurt_facts = read_facts("buurt")
    wijk_facts = layers["wijkprofiel"].rename(columns={"naam": "name"})[["code", "name"]]
    buurten = demo_indicatoren.buurt_series(buurt_facts)
    frame = pd.concat(
        [buurten, demo_indicatoren.wijkprofiel_series(wijk_facts), demo_indicatoren.referentie_series(),
         demo_bemiddeling.directe_bemiddeling(buurten)],
        ignore_index=True,
    )
    # observations as an indicator file would give them (a count of persons, inhabitants x share): footnote 6's
    # rule then withholds the demo's small shares on the public layer, as it would real ones
    indicatoren.upsert_geteld(conn, met_waarnemingen(frame.assign(waarnemingen=None)))
    # the parts of buurten that Tabel 4-2 and 4-3 name, on CBS 100 m squares (with their observations)
    namen = dict(zip(buurt_facts["code"], buurt_facts["name"], strict=True))
    codes = [c for c, n in namen.items() if n in demo_vierkanten.DELEN]
    vierkanten = demo_vierkanten.vierkant_series(gebieden.vierkanten_van_buurten(conn, codes), buurten, namen)
    indicatoren.upsert_geteld(conn, vierkanten)
    return len(frame) + len(vierkanten), buurten


def load_demo(engine: Engine, settings: Settings) -> DemoSummary:
    """Load geography, providers, locations, history and indicators; all in one transaction."""
    soort, omschrijving, layers, years = geography_layers(settings)
    placed = place_locations(layers)
    with acting_as(engine, "hkd demo") as conn:
        for niveau, gdf in layers.items():
            gebieden.replace_level(conn, niveau, gdf, jaar=years[niveau], bron=dataset_naam(niveau, years[niveau]) if soort == "echt" else omschrijving)
        gebieden.set_geografie(conn, soort, omschrijving)
        ids = _load_locations(conn, placed)
        n_besluiten = _load_history(conn, ids)
        n_ind, buurten = _load_indicators(conn, layers)
        demo_initiatieven.load(conn)
        demo_platform.load(conn)
        demo_corporatiebezit.load(conn, buurten)  # after the corporations exist
        anker = vandaag()  # the load day: the demo's stories of "today" are placed relative to it
        _load_monitoring(conn, ids, anker)
        # last: the meeting in preparation proposes its agenda from every source above
        demo_vergaderingen.laad(conn, ids, anker)
        counts = gebieden.count_per_level(conn)
        n_loc = conn.execute(sql("locaties", "count_locaties")).scalar_one()
    return DemoSummary(soort, counts, n_loc, n_besluiten, n_ind)



"""A generated national dataset for scale tests: ~4,000 PC4 areas, ~14,000 buurten, 10,000 locations.

Areas are Voronoi cells of random points over a 200 x 240 km rectangle in RD New, densified and bent by one smooth
displacement field (:func:`golvend`), so that after the display simplification (15 m) they keep about 45 vertices
each, like real CBS boundaries (straight densified edges were simplified back to 7). Every vertex moves by the same
field, so neighbours still share their borders exactly. Deterministic for a given seed. Loaded through the same functions as the
demo, into a database of its own.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import MultiPoint, box
from sqlalchemy import Engine

from core.domain import FASE_CODES
from core.kalender import TZ, vandaag
from data.demo_monitoring import BRONNEN, CATEGORIEEN, OMSCHRIJVINGEN
from data.demo_vergaderingen import DEELNEMERS_PLATFORM, DEELNEMERS_STURING
from geo.agenda import AgendaVoorstel
from geo.boundaries import RD_NEW
from geo.sampling import point_inside
from queries import agenda_bronnen, besluiten, gebieden, meldingen
from queries import initiatieven as ini_q
from queries import vergaderingen as vg
from queries.db import acting_as
from queries.sqlfiles import sql

EXTENT = box(20_000, 320_000, 220_000, 560_000)
WOONVORMEN = ("beschermd_wonen", "opvang", "doorstroom", "flexwonen", "wonen_eerst", "zelfstandig_zorg")


@dataclass(frozen=True)
class NationalSize:
    """How big the generated country is."""

    pc4: int = 4_000
    buurten: int = 14_000
    gebieden: int = 3_000
    locaties: int = 10_000
    aanbieders: int = 400
    jaren: tuple[int, ...] = (2012, 2014, 2016, 2018, 2020, 2022, 2024)
    punten_per_overleg: int = 40
    initiatieven: int = 400
    meldingen: int = 40_000


def golvend(geom, amplitude_m: float = 40.0):
    """``geom`` with every vertex moved by a smooth field of about ``amplitude_m`` (wavelength ~600 m): a straight
    densified edge becomes a boundary that a 15 m simplification no longer straightens."""
    return shapely.transform(geom, lambda xy: xy + amplitude_m * np.column_stack([
        np.sin(xy[:, 0] / 97.0 + 2 * np.cos(xy[:, 1] / 131.0)),
        np.cos(xy[:, 1] / 89.0 + 2 * np.sin(xy[:, 0] / 113.0))]))


def voronoi_layer(n: int, rng: np.random.Generator, prefix: str, densify_m: float) -> gpd.GeoDataFrame:
    """``n`` Voronoi cells over :data:`EXTENT` with codes ``prefix + number``, boundaries bent by :func:`golvend`."""
    minx, miny, maxx, maxy = EXTENT.bounds
    pts = np.column_stack([rng.uniform(minx, maxx, n), rng.uniform(miny, maxy, n)])
    cells = shapely.voronoi_polygons(MultiPoint(pts), extend_to=EXTENT)
    geoms = [golvend(shapely.segmentize(g.intersection(EXTENT), densify_m)) for g in cells.geoms]
    codes = [f"{prefix}{i:05d}" for i in range(len(geoms))]
    gdf = gpd.GeoDataFrame({"code": codes, "naam": codes, "parent_code": None}, geometry=geoms, crs=RD_NEW)
    gdf["geometry"] = gdf.geometry.apply(lambda g: shapely.MultiPolygon([g]) if g.geom_type == "Polygon" else g)
    return gdf


def layers(size: NationalSize, seed: int = 7) -> dict[str, gpd.GeoDataFrame]:
    """All levels of the generated country (PC4 codes are four digits, as the schema's postcodes need)."""
    rng = np.random.default_rng(seed)
    pc4 = voronoi_layer(size.pc4, rng, "", 270)
    pc4["code"] = [str(1000 + i) for i in range(len(pc4))]
    pc4["naam"] = "Plaats " + pc4["code"]
    out = {
        "gemeente": gpd.GeoDataFrame(
            {"code": ["NL"], "naam": ["Nederland (gegenereerd)"], "parent_code": [None]},
            geometry=[shapely.MultiPolygon([EXTENT])], crs=RD_NEW,
        ),
        "gebied": voronoi_layer(size.gebieden, rng, "WK", 330),
        "buurt": voronoi_layer(size.buurten, rng, "BU", 160),
        "pc4": pc4,
    }
    out["wijkprofiel"] = out["gebied"].assign(code=lambda d: d["code"].str.lower())
    return out


def load_national(engine: Engine, size: NationalSize = NationalSize(), seed: int = 7) -> dict[str, int]:
    """Generate and load the national dataset in one transaction; returns row counts."""
    rng = random.Random(seed)
    lay = layers(size, seed)
    pc4 = lay["pc4"]
    with acting_as(engine, "hkd bench") as conn:
        for niveau, gdf in lay.items():
            gebieden.replace_level(conn, niveau, gdf, jaar=2024, bron="gegenereerd (benchmark)")
        gebieden.set_geografie(conn, "schematisch", "Gegenereerd nationaal benchmarkland")
        for i in range(size.aanbieders):
            conn.execute(sql("locaties", "upsert_aanbieder"), {"code": f"a{i:04d}", "naam": f"Aanbieder {i:04d}"})
        aanbieder_ids = dict(conn.execute(sql("locaties", "aanbieder_ids")).all())
        rows = []
        for i in range(size.locaties):
            cell = pc4.iloc[rng.randrange(len(pc4))]
            p = point_inside(cell.geometry, rng, inset=20)
            rows.append({
                "code": f"NL-{i:05d}", "naam": f"Locatie {i:05d}", "aanbieder_id": aanbieder_ids[f"a{i % size.aanbieders:04d}"],
                "woonvorm": WOONVORMEN[i % len(WOONVORMEN)], "doelgroep": "GGZ", "plaatsen": rng.randint(1, 60),
                "straat": "Proefstraat", "huisnummer": str(rng.randint(1, 300)), "postcode": f"{cell.code} AB",
                "plaats": cell.naam, "x": p.x, "y": p.y,
            })
        conn.execute(sql("locaties", "insert_locatie_if_new"), rows)
        ids = dict(conn.execute(sql("locaties", "locatie_ids")).all())
        for loc_id in ids.values():
            fase = FASE_CODES[min(4, int(rng.expovariate(1.5)))]
            besluiten.append_fase_besluit(
                conn, besluiten.FaseBesluit(loc_id, fase, date(2023, 6, 1), "Gegenereerd", "hkd bench")
            )
        ind = [
            {"niveau": "buurt", "gebied_code": code, "jaar": jaar, "indicator": name,
             "waarde": round(rng.uniform(lo, hi), 3), "bron": "gegenereerd"}
            for code in lay["buurt"]["code"] for jaar in size.jaren
            for name, lo, hi in (("kwetsbare_groepen", 50, 190), ("overlast_onveiligheid", -0.4, 0.2),
                                 ("inwoners", 200, 9000))
        ]
        conn.execute(sql("indicatoren", "upsert_indicator"), ind)
        counts = gebieden.count_per_level(conn)
    return {**counts, "locaties": len(ids), "indicatorwaarden": len(ind)}




def load_overleg(engine: Engine, size: NationalSize = NationalSize(), seed: int = 7) -> dict[str, int]:
    """Meetings, initiatives and meldingen of the national dataset, so that Overleg, Initiatieven and Meldingen are
    measured at scale: the Sturingsoverleg monthly and the Platform twice a year over three years, each with agenda
    items, decisions and actions; initiatives in every step of the stappenplan; meldingen over the last two years;
    and one meeting in preparation whose agenda is proposed from every source. Loaded once (by the meetings)."""
    rng = random.Random(seed)
    anker = vandaag()
    with acting_as(engine, "hkd bench") as conn:
        if vg.aantal_vergaderingen(conn):
            return {}
        ids = dict(conn.execute(sql("locaties", "locatie_ids")).all())
        codes = sorted(ids)
        dagen = [date(jaar, maand, 10) for jaar in (anker.year - 3, anker.year - 2, anker.year - 1)
                 for maand in range(1, 13)]
        n_punten = 0
        for i, dag in enumerate(dagen):
            vid = vg.maak_vergadering(conn, "sturingsoverleg", dag, "Stadhuis", DEELNEMERS_STURING)
            for j in range(size.punten_per_overleg):
                code = codes[rng.randrange(len(codes))]
                punt = vg.voeg_punt_toe(conn, vid, AgendaVoorstel(
                    "fase", f"locatie:{ids[code]}", f"{code} Locatie", ("Fasebesluit",), 10, ids[code]),
                    status="aanvaard", volgorde=j + 1)
                if punt is not None:
                    n_punten += 1
                    vg.voeg_besluit_toe(conn, vid, "vrij", f"{code}: besproken", punt, ids[code])
                    if j % 4 == 0:
                        vg.voeg_actie_toe(conn, vid, f"{code}: beheerconvenant actualiseren",
                                          f"Aanbieder {j:04d}", dag + timedelta(days=90), punt, ids[code])
            vg.zet_status(conn, vid, "verslag_verstuurd")
            if i % 6 == 0:
                pid = vg.maak_vergadering(conn, "platform", dag + timedelta(days=1), "Stadhuis", DEELNEMERS_PLATFORM)
                vg.zet_status(conn, pid, "verslag_verstuurd")
        n_ini = 0
        routes = (
            (),
            (("draagkrachtscan", "Scan gemaakt", {}),),
            (("draagkrachtscan", "Scan gemaakt", {}), ("bespreking", "Besproken", {})),
            (("draagkrachtscan", "Scan gemaakt", {}), ("bespreking", "Besproken", {}),
             ("advies", "Positief advies", {"advies": "positief", "fase": "0"})),
            (("draagkrachtscan", "Scan gemaakt", {}), ("bespreking", "Besproken", {}),
             ("advies", "Negatief advies", {"advies": "negatief"}), ("afgewezen", "Afgewezen", {})),
        )
        for i in range(size.initiatieven):
            # no college decision, and zelfstandig wonen never goes through the stappenplan (the database refuses it)
            woonvorm = ("flexwonen", "doorstroom", "wonen_eerst")[i % 3]
            ingediend = anker - timedelta(days=30 + rng.randrange(700))
            ini = conn.execute(sql("initiatieven", "demo_initiatief_invoegen"), {
                "aanbieder": f"a{i % size.aanbieders:04d}", "naam": f"Initiatief {i:04d}", "woonvorm": woonvorm,
                "doelgroep": "GGZ", "plaatsen": rng.randint(4, 40), "startdatum": None,
                "contact_rol": "coördinator", "contact_kanaal": "", "context": "", "ruimtelijke_procedure": False,
                "ingediend_op": ingediend}).scalar_one()
            for k in range(1 + i % 2):
                x, y = conn.execute(sql("initiatieven", "demo_punt"), {
                    "code": codes[rng.randrange(len(codes))], "dx": 60 + 10 * k, "dy": -40}).one()
                ini_q.kandidaat_toevoegen(conn, ini, ini_q.KandidaatAdres(f"Kandidaat {k + 1}", x, y, "kaart"))
            for n, (stap, reden, extra) in enumerate(routes[i % len(routes)]):
                dag = ingediend + timedelta(days=14 * (n + 1))
                if stap in ("bespreking", "advies"):
                    extra = {**extra, "overleg_datum": dag}
                ini_q.stap_vastleggen(conn, ini, stap, dag, reden, **extra)
            n_ini += 1
        rijen = []
        begin = datetime.combine(anker - timedelta(days=730), time(9), TZ)
        for i in range(size.meldingen):
            ontvangen = begin + timedelta(hours=rng.randrange(730 * 24))
            afgehandeld = ontvangen + timedelta(days=rng.uniform(0.5, 30))
            klaar = afgehandeld.date() < anker
            categorie = rng.choice(CATEGORIEEN)
            rijen.append({
                "locatie_id": ids[codes[rng.randrange(len(codes))]], "ontvangen_op": ontvangen,
                "bron": rng.choice(BRONNEN), "categorie": categorie, "omschrijving": OMSCHRIJVINGEN[categorie],
                "afgehandeld_op": afgehandeld if klaar else None, "afhandeling": "afgehandeld" if klaar else None,
                "melder_tevreden": (rng.random() < 0.7) if klaar else None, "x": None, "y": None,
                "systeem": "import", "extern_id": f"nl-{i:06d}"})
        n_meld, _ = meldingen.registreer_extern(conn, rijen)
        volgend = vg.maak_vergadering(conn, "sturingsoverleg", anker + timedelta(days=21), "Stadhuis",
                                      DEELNEMERS_STURING)
        agenda_bronnen.vul_agenda(conn, volgend, 1)
    return {"vergaderingen": len(dagen) + len(dagen) // 6 + 1, "agendapunten": n_punten, "initiatieven": n_ini,
            "meldingen": n_meld}

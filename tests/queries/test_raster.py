"""The 100 m grid and area-weighted interpolation in PostGIS: totals conserved, small numbers withheld."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import text

from queries import trends
from queries.lagen import as_layer


def _totaal(engine, niveau: str, indicator: str, jaar: int) -> float:
    with engine.connect() as conn:
        return conn.execute(text("SELECT sum(waarde) FROM hkd.indicatoren WHERE niveau = :n AND indicator = :i "
                                 "AND jaar = :j"), {"n": niveau, "i": indicator, "j": jaar}).scalar_one()


def test_interpolation_between_geographies_conserves_counts_within_two_percent(demo_engine):
    totaal = _totaal(demo_engine, "buurt", "inwoners", 2018)
    with as_layer(demo_engine, "publiek", "test") as conn:
        pc4 = trends.interpoleer(conn, "buurt", "pc4", "inwoners", 2018, True)
    assert len(pc4) > 50
    # stated tolerance: the part of buurten that no PC4 area covers (harbour edges) is lost, at most 2 %
    assert abs(pc4["waarde"].sum() - totaal) / totaal < 0.02
    assert (pc4["dekking"] <= 1.0 + 1e-9).all()


def test_interpolated_shares_stay_within_the_range_of_their_sources(demo_engine):
    with demo_engine.connect() as conn:
        lo, hi = conn.execute(text("SELECT min(waarde), max(waarde) FROM hkd.indicatoren WHERE niveau = 'buurt' "
                                   "AND indicator = 'pct_bijstand' AND jaar = 2018")).one()
    with as_layer(demo_engine, "publiek", "test") as conn:
        pc4 = trends.interpoleer(conn, "buurt", "pc4", "pct_bijstand", 2018, False)
    assert pc4["waarde"].between(lo - 1e-9, hi + 1e-9).all()


def test_grid_is_aligned_like_cbs_squares_and_withholds_small_numbers(demo_engine):
    with demo_engine.connect() as conn:  # every square, as only the owner's unbounded function gives them
        alles = pd.read_sql(text("SELECT * FROM hkd.raster_100m_onbegrensd('buurt', 'inwoners', 2018, true, 0)"),
                            conn)
    with as_layer(demo_engine, "publiek", "test") as conn:
        regel = trends.raster_100m(conn, "buurt", "inwoners", 2018, True)
    assert (alles["cel_x"] % 100 == 0).all() and (alles["cel_y"] % 100 == 0).all()
    assert not regel.empty and (regel["waarde"] >= trends.MIN_WAARNEMINGEN).all(), "no square under the threshold"
    assert len(regel) < len(alles) and (alles["waarde"] < trends.MIN_WAARNEMINGEN).any()
    totaal = _totaal(demo_engine, "buurt", "inwoners", 2018)
    # squares at least half covered carry almost everything (edges of the municipality fall out)
    assert abs(alles["waarde"].sum() - totaal) / totaal < 0.03
    assert alles["lat"].between(51.8, 52.1).all() and alles["lon"].between(3.9, 4.7).all()


def test_the_grid_keeps_to_the_core_city_when_asked(demo_engine):
    """Veerkracht covers the core city only (Rozenburg and Hoek van Holland not shown, geo.analysegebied): with the
    outside wijken named, no square whose centre lies in them is shown; every other square is kept as it was."""
    from geo.analysegebied import BUITEN_KERNSTAD

    buiten = tuple(sorted(BUITEN_KERNSTAD))
    with as_layer(demo_engine, "publiek", "test") as conn:
        alle = trends.raster_100m(conn, "buurt", "inwoners", 2018, True)
        kern = trends.raster_100m(conn, "buurt", "inwoners", 2018, True, trends.MIN_WAARNEMINGEN, buiten)
    with demo_engine.connect() as conn:  # the squares whose centre lies in Hoek van Holland or Rozenburg
        binnen = pd.read_sql(text(
            "SELECT DISTINCT c.x AS cel_x, c.y AS cel_y FROM unnest(CAST(:x AS int[]), CAST(:y AS int[])) AS c(x, y) "
            "JOIN hkd.gebieden g ON g.niveau = 'gebied' AND g.code = ANY(CAST(:b AS text[])) "
            "AND ST_Intersects(g.geom, ST_SetSRID(ST_MakePoint(c.x + 50, c.y + 50), 28992))"),
            conn, params={"x": alle["cel_x"].tolist(), "y": alle["cel_y"].tolist(), "b": list(buiten)})
    assert len(binnen) > 20, "the demo has squares in Hoek van Holland and Rozenburg"
    weg = set(zip(alle["cel_x"], alle["cel_y"], strict=True)) - set(zip(kern["cel_x"], kern["cel_y"], strict=True))
    # the outlines the query uses are simplified for display: a square on the border may fall either way
    assert len(weg ^ set(zip(binnen["cel_x"], binnen["cel_y"], strict=True))) <= 0.05 * len(binnen)
    assert set(zip(kern["cel_x"], kern["cel_y"], strict=True)) <= set(zip(alle["cel_x"], alle["cel_y"], strict=True))


def test_grid_shows_a_squares_own_value_where_the_level_exists_and_never_a_withheld_one(demo_engine):
    """Where the level vierkant holds the indicator (the demo's CBS squares of three buurten), a cell shows that
    square's value (eigen) and not the buurt's spread; a square under 10 observations stays empty; elsewhere the
    spread stays."""
    with demo_engine.connect() as conn:
        eigen = pd.read_sql(text(
            "SELECT substr(gebied_code, 2, 4)::int * 100 AS cel_x, substr(gebied_code, 7, 4)::int * 100 AS cel_y, "
            "waarde, waarnemingen FROM hkd.indicatoren WHERE niveau = 'vierkant' "
            "AND indicator = 'kwetsbare_groepen' AND jaar = 2018"), conn)
    with as_layer(demo_engine, "publiek", "test") as conn:
        raster = trends.raster_100m(conn, "buurt", "kwetsbare_groepen", 2018, False)
    assert not eigen.empty
    samen = eigen.merge(raster, on=["cel_x", "cel_y"], how="left", suffixes=("_vierkant", ""))
    getoond = samen[samen["waarnemingen"] >= trends.MIN_WAARNEMINGEN]
    assert getoond["eigen"].eq(True).all() and (getoond["waarde"] == getoond["waarde_vierkant"]).all()
    klein = samen[samen["waarnemingen"] < trends.MIN_WAARNEMINGEN]
    assert len(klein) > 0 and klein["waarde"].isna().all(), "a withheld square is not filled with the spread"
    assert int(raster["eigen"].sum()) == len(getoond)
    assert (~raster["eigen"]).sum() > 10 * len(getoond), "the rest of the city keeps the area-weighted spread"

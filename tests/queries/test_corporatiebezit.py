"""Kaart 4-1 in the database: the dominant corporation per area (ties alphabetical), grey areas, who may read and
write corporatiebezit; the small-numbers rule on directe bemiddeling (also through the grid and interpolation)."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from queries import corporatiebezit, trends
from queries.lagen import as_layer

RAW = (
    "SELECT b.gebied_code, c.code, c.naam, b.woningen FROM hkd.corporatie_bezit b "
    "JOIN hkd.corporaties c ON c.id = b.corporatie_id WHERE b.niveau = 'buurt' AND b.jaar = :j AND b.woningen > 0"
)


def _dominant_by_hand(engine, jaar: int) -> dict[str, str]:
    """Largest number of dwellings per area; ties by name, alphabetically: computed in Python from the raw rows."""
    with engine.connect() as conn:
        rows = conn.execute(text(RAW), {"j": jaar}).all()
    best: dict[str, tuple] = {}
    for code, corp, naam, n in rows:
        key = (-n, naam, corp)
        if code not in best or key < best[code][0]:
            best[code] = (key, corp)
    return {code: corp for code, (_, corp) in best.items()}


def test_dominant_corporation_agrees_with_the_raw_rows_and_the_share_with_sql(demo_engine):
    with as_layer(demo_engine, "publiek", "t.publiek") as conn:
        dom = corporatiebezit.dominante_corporatie(conn, "buurt", 2018)
    assert len(dom) > 50
    assert dict(zip(dom["gebied_code"], dom["corporatie_code"], strict=True)) == _dominant_by_hand(demo_engine, 2018)
    with demo_engine.connect() as conn:
        adres = dict(conn.execute(text(
            "SELECT gebied_code, waarde FROM hkd.indicatoren WHERE indicator = 'adressen' AND niveau = 'buurt' "
            "AND jaar = 2018")).all())
    for r in dom.itertuples():
        assert r.aandeel == pytest.approx(round(100 * r.woningen / adres[r.gebied_code], 1))
    # plausible: a corporation never owns more addresses than the buurt has
    assert (dom["aandeel"] <= 100).all() and (dom["aandeel"] > 0).all()


def test_areas_without_corporatiebezit_are_absent_so_grey(demo_engine):
    with demo_engine.connect() as conn:
        zonder = {r[0] for r in conn.execute(text(
            "SELECT gebied_code FROM hkd.indicatoren WHERE indicator = 'aandeel_corporatie' AND niveau = 'buurt' "
            "AND jaar = 2018 AND waarde = 0"))}
    with as_layer(demo_engine, "publiek", "t.publiek") as conn:
        dom = corporatiebezit.dominante_corporatie(conn, "buurt", 2018)
    assert zonder, "the demo has buurten without corporatiebezit"
    assert not zonder & set(dom["gebied_code"])


def test_a_tie_goes_to_the_first_name_alphabetically_and_zero_dwellings_never_dominate(fresh_demo):
    with fresh_demo.begin() as conn:
        code = conn.execute(text("SELECT gebied_code FROM hkd.corporatie_bezit WHERE niveau = 'buurt' AND jaar = 2018 "
                                 "ORDER BY gebied_code LIMIT 1")).scalar_one()
        conn.execute(text("DELETE FROM hkd.corporatie_bezit WHERE niveau = 'buurt' AND jaar = 2018 "
                          "AND gebied_code = :c"), {"c": code})
        rows = [{"jaar": 2018, "niveau": "buurt", "gebied_code": code, "corporatie": c, "woningen": n, "bron": "t"}
                for c, n in (("graniet", 300), ("basalt", 300), ("duinzand", 120))]
        corporatiebezit.store_bezit(conn, rows)
        tweede = conn.execute(text("SELECT gebied_code FROM hkd.corporatie_bezit WHERE niveau = 'buurt' "
                                   "AND jaar = 2018 AND gebied_code > :c ORDER BY gebied_code LIMIT 1"),
                              {"c": code}).scalar_one()
        conn.execute(text("UPDATE hkd.corporatie_bezit SET woningen = 0 WHERE niveau = 'buurt' AND jaar = 2018 "
                          "AND gebied_code = :c"), {"c": tweede})
    with as_layer(fresh_demo, "publiek", "t.publiek") as conn:
        dom = corporatiebezit.dominante_corporatie(conn, "buurt", 2018).set_index("gebied_code")
        alle = corporatiebezit.corporatie_aandelen(conn, "buurt", 2018)
    # "Woonstichting Basalt" and "Graniet Wonen" both own 300: the name first in the alphabet wins
    assert dom.loc[code, "corporatie"] == "Graniet Wonen"
    assert list(alle[alle["gebied_code"] == code]["corporatie_code"]) == ["graniet", "basalt", "duinzand"]
    assert tweede not in dom.index, "an area whose corporations own 0 dwellings has no dominant corporation"


@pytest.mark.parametrize("rol", ["publiek", "aanbieder"])
def test_public_and_providers_read_the_view_but_not_the_table_and_cannot_write(demo_engine, rol):
    code = "alfa" if rol == "aanbieder" else None
    with as_layer(demo_engine, rol, "t.lezer", code) as conn:
        assert len(corporatiebezit.dominante_corporatie(conn, "buurt", 2018)) > 50
    for stmt in ("SELECT count(*) FROM hkd.corporatie_bezit",
                 "INSERT INTO hkd.corporatie_bezit (jaar, niveau, gebied_code, corporatie_id, woningen, bron) "
                 "VALUES (2018, 'buurt', 'BU05991081', 1, 5, 'x')",
                 "UPDATE hkd.corporatie_bezit SET woningen = 0",
                 "DELETE FROM hkd.corporatie_bezit"):
        with pytest.raises(DBAPIError, match="permission denied"), as_layer(demo_engine, rol, "t.x", code) as conn:
            conn.execute(text(stmt))


def test_hkd_writes_and_every_write_is_audited(fresh_demo):
    with as_layer(fresh_demo, "hkd", "t.beheer") as conn:
        corporatiebezit.store_bezit(conn, [{"jaar": 2030, "niveau": "buurt", "gebied_code": "BU05991081",
                                            "corporatie": "amber", "woningen": 12, "bron": "t"}])
    with fresh_demo.connect() as conn:
        audit = conn.execute(text("SELECT gebruiker, actie FROM hkd.audit_log WHERE tabel = 'corporatie_bezit' "
                                  "ORDER BY id DESC LIMIT 1")).one()
    assert tuple(audit) == ("t.beheer", "INSERT")


def test_directe_bemiddeling_under_ten_is_withheld_for_every_role_and_not_leaked_by_grid_or_interpolation(
        demo_engine):
    with demo_engine.connect() as conn:
        raw = pd.read_sql(text("SELECT gebied_code, jaar, waarde FROM hkd.indicatoren "
                               "WHERE indicator = 'directe_bemiddeling' AND niveau = 'buurt'"), conn)
    klein = raw[raw["waarde"] < 10]
    assert len(klein) and len(raw[raw["waarde"] >= 10]), "the demo has counts on both sides of the rule"
    for rol in ("publiek", "hkd"):
        with as_layer(demo_engine, rol, "t.x") as conn:
            reeks = trends.indicator_reeks(conn, "buurt", "directe_bemiddeling")
        shown = reeks.dropna(subset=["waarde"])
        assert (shown["waarde"] >= 10).all()
        assert len(shown) == (raw["waarde"] >= 10).sum()
    code, jaar = klein.iloc[0]["gebied_code"], int(klein.iloc[0]["jaar"])
    with as_layer(demo_engine, "publiek", "t.publiek") as conn:
        terug = trends.interpoleer(conn, "buurt", "buurt", "directe_bemiddeling", jaar, True)
        assert code not in set(terug["gebied_code"]), "interpolating a level onto itself must not return it"
        cellen = trends.raster_100m(conn, "buurt", "directe_bemiddeling", jaar, False)
        assert not set(cellen["waarde"].round(6)) & set(klein[klein["jaar"] == jaar]["waarde"].round(6))


def test_the_grid_gives_each_square_the_dominant_corporation_of_the_area_covering_most_of_it(demo_engine):
    with as_layer(demo_engine, "publiek", "t.publiek") as conn:
        cellen = corporatiebezit.raster_dominant(conn, "buurt", 2018)
        dom = corporatiebezit.dominante_corporatie(conn, "buurt", 2018).set_index("gebied_code")["corporatie"]
    assert len(cellen) > 1000 and not cellen.duplicated(["cel_x", "cel_y"]).any()
    assert ((cellen["cel_x"] % 100 == 0) & (cellen["cel_y"] % 100 == 0)).all()  # aligned like CBS squares
    assert (cellen["corporatie"].fillna("-") == cellen["gebied_code"].map(dom).fillna("-")).all()
    with demo_engine.connect() as conn:  # the square's centre lies in its area for squares well inside one
        binnen = conn.execute(text(
            "SELECT count(*) FILTER (WHERE g.code = r.gebied_code), count(*) "
            "FROM publiek.raster_dominante_corporatie('buurt', 2018) r "
            "JOIN hkd.gebieden g ON g.niveau = 'buurt' "
            "AND ST_Contains(g.geom, ST_SetSRID(ST_MakePoint(r.cel_x + 50, r.cel_y + 50), 28992))")).one()
    assert binnen[0] / binnen[1] > 0.97

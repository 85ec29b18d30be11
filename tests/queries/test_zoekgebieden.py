"""The published map's search index is kept by the database per boundary set (migration 540) and follows every
committed change of the boundaries; the layers read it through publiek.zoekgebieden, never the kept table itself."""

import pytest
from sqlalchemy import text

from queries.db import acting_as
from queries.lagen import as_layer
from queries.publiek import zoekgebieden


def _buurt(engine, code: str):
    with as_layer(engine, "publiek", "test") as conn:
        rijen = zoekgebieden(conn)
    return rijen[(rijen["niveau"] == "buurt") & (rijen["code"] == code)]


def test_a_committed_boundary_change_is_in_the_search_index_at_once(fresh_demo):
    with fresh_demo.connect() as conn:
        code, naam, pc4s = conn.execute(text(
            "SELECT code, naam, pc4s FROM publiek.zoekgebieden WHERE niveau = 'buurt' AND cardinality(pc4s) = 1 "
            "ORDER BY code LIMIT 1")).one()
    assert _buurt(fresh_demo, code)["naam"].tolist() == [naam]
    with acting_as(fresh_demo, "test") as conn:
        conn.execute(text("UPDATE hkd.gebieden SET naam = 'Nieuwe Buurt' WHERE niveau = 'buurt' AND code = :c"),
                     {"c": code})
        # inside the writing transaction the index is still the committed one
        assert conn.execute(text("SELECT naam FROM publiek.zoekgebieden WHERE niveau = 'buurt' AND code = :c"),
                            {"c": code}).scalar_one() == naam
    assert _buurt(fresh_demo, code)["naam"].tolist() == ["Nieuwe Buurt"]
    # the buurt moved far away from its postcode area: it lies in none of the loaded PC4 areas any more
    with acting_as(fresh_demo, "test") as conn:
        conn.execute(text("UPDATE hkd.gebieden SET geom_display = ST_Translate(geom_display, 3, 0) "
                          "WHERE niveau = 'buurt' AND code = :c"), {"c": code})
    assert pc4s and list(_buurt(fresh_demo, code)["pc4s"].iloc[0]) == []


@pytest.mark.parametrize("laag", ["publiek", "aanbieder", "hkd"])
def test_layers_read_the_index_only_through_the_public_view(fresh_demo, laag):
    with as_layer(fresh_demo, laag, "test", "alfa" if laag == "aanbieder" else None) as conn:
        assert conn.execute(text("SELECT count(*) FROM publiek.zoekgebieden")).scalar_one() > 0
        with pytest.raises(Exception, match="permission denied"):
            conn.execute(text("SELECT count(*) FROM hkd.zoekgebieden_bepaald"))

"""hkd.indicator_definities follows the catalogue on every migrate; the demo stores only declared indicators."""

from __future__ import annotations

from sqlalchemy import text

from core.indicatoren import CATALOGUS
from queries.db import migrate
from queries.indicatoren import definities, verwachte_definities


def test_a_drifted_definition_is_put_back_by_the_next_migrate(fresh_demo):
    with fresh_demo.begin() as conn:
        conn.execute(text("UPDATE hkd.indicator_definities SET min_waarnemingen = 500 WHERE code = 'lvb'"))
        conn.execute(text("INSERT INTO hkd.indicator_definities SELECT 'verouderd', label, eenheid, hoger_beter, "
                          "soort, bereik_min, bereik_max, min_waarnemingen, waarnemingen_uit, cbs_buurtregel, reeks, "
                          "bron_dataset, bron_uitgever FROM hkd.indicator_definities WHERE code = 'lvb'"))
    migrate(fresh_demo)
    with fresh_demo.connect() as conn:
        assert definities(conn).equals(verwachte_definities())


def test_every_indicator_the_demo_stores_is_in_the_catalogue(demo_engine):
    with demo_engine.connect() as conn:
        codes = set(conn.execute(text("SELECT DISTINCT indicator FROM hkd.indicatoren")).scalars())
    assert codes and codes <= set(CATALOGUS), sorted(codes - set(CATALOGUS))

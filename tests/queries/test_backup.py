"""``hkd db backup`` / ``hkd db restore``: a round trip loses no decision and no audit entry."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from ops.backup import BackupError, backup, restore
from queries.besluiten import FaseBesluit, append_fase_besluit
from queries.db import acting_as, make_engine

HISTORY = (
    "SELECT id, locatie_id, fase, ingangsdatum, reden, vastgelegd_door, corrigeert_id FROM hkd.fase_besluiten "
    "ORDER BY id",
    "SELECT id, gebruiker, actie, tabel, rij_id, gegevens FROM hkd.audit_log ORDER BY id",
    "SELECT id, locatie_id, beheercommissie, beheerconvenant FROM hkd.beheer_status ORDER BY id",
    "SELECT code, ST_AsText(geom), pc4 FROM hkd.locaties ORDER BY code",
)


def _rows(engine):
    with engine.connect() as conn:
        return [conn.execute(text(q)).all() for q in HISTORY]


def test_round_trip_keeps_every_decision_and_audit_entry(fresh_demo, pg_server, tmp_path):
    with acting_as(fresh_demo, "m.de.vries") as conn:
        loc = conn.execute(text("SELECT min(id) FROM hkd.locaties")).scalar_one()
        append_fase_besluit(conn, FaseBesluit(loc, "2", date(2026, 11, 12), "Toename meldingen", "m.de.vries",
                                              date(2026, 11, 12)))
    before = _rows(fresh_demo)
    dump = backup(fresh_demo.hkd_url, tmp_path / "hkd.dump")
    assert dump.stat().st_size > 10_000

    name = "hkd_test_restore_" + tmp_path.name[-8:].replace("-", "_").lower()
    url = pg_server.create(name)
    target = make_engine(url)
    try:
        restore(target, url, dump)
        assert _rows(target) == before
        # the restored history is still append-only
        with pytest.raises(Exception, match="alleen-toevoegen"):
            with target.begin() as conn:
                conn.execute(text("DELETE FROM hkd.fase_besluiten"))
    finally:
        target.dispose()
        pg_server.drop(name)


def test_restore_refuses_a_database_with_data(fresh_demo, tmp_path):
    dump = backup(fresh_demo.hkd_url, tmp_path / "hkd.dump")
    with pytest.raises(BackupError, match="bevat al HKD Kaart-gegevens"):
        restore(fresh_demo, fresh_demo.hkd_url, dump)

"""A database connection lost in the middle of a load, for real: another connection terminates the loading
backend (``pg_terminate_backend``) after the rows are written and before the load's audit entry and commit.
Every file command ends in a Dutch refusal naming the file, without a traceback and without a value of a row,
and nothing of the file is stored."""

from __future__ import annotations

import pytest
from sqlalchemy import text

import queries.importeren
from tests.data.hostile import (
    REGISTER_KOP,
    REGISTER_RIJ,
    REGISTER_RIJ2,
    corporatiebezit_corpus,
    meldingen_corpus,
    uitstroom_corpus,
)
from tests.data.test_hostile_entry_points import _run, fingerprint

WEG = "de verbinding met de database is weggevallen tijdens het laden; er is niets opgeslagen"

COMMANDOS = {
    "meldingen": (lambda: meldingen_corpus()["goed.csv"][0], ["meldingen", "import"], "Harde muziek"),
    "uitstroom": (lambda: uitstroom_corpus()["goed.csv"][0], ["load", "uitstroom"], "Amber Wonen"),
    "corporatiebezit": (lambda: corporatiebezit_corpus()["goed.csv"][0], ["corporatiebezit", "laden"], "BU05991081"),
    "locaties": (lambda: f"{REGISTER_KOP}\n{REGISTER_RIJ}\n{REGISTER_RIJ2}\n".encode(),
                 ["import", "locaties", "--toepassen"], "Huis Een"),
}


@pytest.mark.parametrize("formaat", sorted(COMMANDOS))
def test_connection_terminated_mid_load_is_a_dutch_refusal_and_stores_nothing(formaat, fresh_demo, tmp_path,
                                                                               monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", fresh_demo.hkd_url)
    inhoud, commando, waarde = COMMANDOS[formaat]
    bestand = tmp_path / f"{formaat}_bestand.csv"
    bestand.write_bytes(inhoud())
    echt = queries.importeren.audit_laden
    beeindigd: list[int] = []

    def afbreken(conn, tabel, gegevens):
        pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with fresh_demo.connect() as ander:  # the rows of the file are written in the loading transaction by now
            ander.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        beeindigd.append(pid)
        return echt(conn, tabel, gegevens)

    monkeypatch.setattr(queries.importeren, "audit_laden", afbreken)
    voor = fingerprint(fresh_demo)
    code, out, err = _run([*commando, str(bestand)], capsys)
    assert beeindigd, "the load never reached its audit entry"
    assert code == 2
    assert f"{bestand.name}: {WEG}" in err, err
    assert "Traceback" not in out + err and "psycopg" not in err and "SELECT" not in err
    assert waarde not in err  # no value of a row is printed (the register's dry run lists its rows before)
    assert fingerprint(fresh_demo) == voor  # nothing of the file was stored

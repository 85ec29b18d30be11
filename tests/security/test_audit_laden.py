"""``hkd.audit_laden`` writes a LOAD entry only for a table the calling layer may load (its INSERT grants).

A provider loads its meldingen; the locations register, the uitstroom figures and the corporations' stock are
HKD-only imports, so free SQL on a provider's login cannot put a made-up load of them in the audit log.
"""

from __future__ import annotations

import psycopg
import pytest

HKD_ONLY = ["locaties", "uitstroom", "corporatie_bezit"]
LOADS = "SELECT count(*) FROM hkd.audit_log WHERE actie = 'LOAD' AND tabel = %s"


@pytest.mark.parametrize("tabel", HKD_ONLY)
def test_a_provider_cannot_log_a_load_of_an_hkd_only_import(fresh_sql_as, tabel):
    admin, alfa = fresh_sql_as("admin"), fresh_sql_as("alfa")
    voor = admin.execute(LOADS, (tabel,)).fetchone()[0]
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="laadt geen"):
        alfa.execute("SELECT hkd.audit_laden(%s, '{\"bestand\": \"nep.csv\"}'::jsonb)", (tabel,))
    assert admin.execute(LOADS, (tabel,)).fetchone()[0] == voor


def test_positive_control_each_layer_logs_what_it_loads(fresh_sql_as):
    admin, alfa, beheer = fresh_sql_as("admin"), fresh_sql_as("alfa"), fresh_sql_as("beheer")
    alfa.execute("SELECT hkd.audit_laden('meldingen', '{\"bestand\": \"meldingen.csv\"}'::jsonb)")
    beheer.execute("SET ROLE hkd_beheer")  # as queries.lagen.enter_layer does
    for tabel in ["meldingen", *HKD_ONLY]:
        beheer.execute("SELECT hkd.audit_laden(%s, '{\"bestand\": \"x.csv\"}'::jsonb)", (tabel,))
    rijen = admin.execute("SELECT tabel, count(*) FROM hkd.audit_log WHERE actie = 'LOAD' "
                          "AND gegevens->>'bestand' IN ('meldingen.csv', 'x.csv') GROUP BY tabel").fetchall()
    assert dict(rijen) == {"meldingen": 2, "locaties": 1, "uitstroom": 1, "corporatie_bezit": 1}

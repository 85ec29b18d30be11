"""A refusal by the database reaches the person as one Dutch sentence (dashboard.verbinding.db_fout), never as SQL,
a constraint's name or a raw timestamp: real violations against the real demo database, as each layer."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from dashboard.verbinding import NO_ACCESS, db_fout
from queries.lagen import as_layer

BRAVO_LOCATIE = "(SELECT l.id FROM hkd.locaties l JOIN hkd.aanbieders a ON a.id = l.aanbieder_id WHERE a.code = 'bravo' LIMIT 1)"
MELDING = ("INSERT INTO hkd.meldingen (locatie_id, ontvangen_op, bron, categorie, omschrijving) "
           "VALUES ({locatie}, now() - interval '1 day', 'omwonende', '{categorie}', '{omschrijving}')")

GEVALLEN = [
    # (layer, provider, statement, what the person reads after "Niet vastgelegd: ")
    ("hkd", None, "INSERT INTO hkd.aanbieders (code, naam) SELECT code, naam || ' 2' FROM hkd.aanbieders LIMIT 1",
     "dit bestaat al: een gelijke regel of code is al vastgelegd."),
    ("hkd", None, MELDING.format(locatie=999999, categorie="geluid", omschrijving="harde muziek"),
     "het verwijst naar iets dat niet (meer) bestaat."),
    ("hkd", None, MELDING.format(locatie=BRAVO_LOCATIE, categorie="vuurwerk", omschrijving="knallen"),
     "een waarde valt buiten wat het register toestaat."),
    ("hkd", None, "INSERT INTO hkd.fase_besluiten (locatie_id, fase, ingangsdatum) "
                  f"VALUES ({BRAVO_LOCATIE}, '1', current_date)",
     "een verplicht veld is leeg."),
    ("aanbieder", "alfa", MELDING.format(locatie=BRAVO_LOCATIE, categorie="geluid", omschrijving="harde muziek"),
     "uw rol mag dit niet (de database weigert het verzoek)."),
    # our own triggers' Dutch messages, made readable
    ("hkd", None, "INSERT INTO hkd.commissie_vergaderingen (locatie_id, datum, aanwezig) "
                  f"VALUES ({BRAVO_LOCATIE}, DATE '2999-03-04', ARRAY['voorzitter'])",
     "vergadering op 04-03-2999 ligt in de toekomst."),
    ("hkd", None, MELDING.format(locatie=BRAVO_LOCATIE, categorie="geluid", omschrijving="bel 06 12345678 terug"),
     "De omschrijving bevat persoonsgegevens (een telefoonnummer): leg geen namen, adressen, telefoonnummers, "
     "e-mailadressen of BSN vast."),
]


def _weigering(engine, rol: str, aanbieder: str | None, statement: str) -> DBAPIError:
    with pytest.raises(DBAPIError) as refused:
        with as_layer(engine, rol, "test", aanbieder) as conn:
            conn.execute(text(statement))
    return refused.value


def _ontsnapt(zin: str) -> str:
    """The sentence as the person reads it (markdown escapes removed)."""
    return re.sub(r"\\(.)", r"\1", zin)


@pytest.mark.parametrize(("rol", "aanbieder", "statement", "verwacht"), GEVALLEN)
def test_a_refusal_reads_as_one_dutch_sentence(demo_engine, rol, aanbieder, statement, verwacht):
    exc = _weigering(demo_engine, rol, aanbieder, statement)
    zin = db_fout(exc)
    assert _ontsnapt(zin) == f"Niet vastgelegd: {verwacht}"
    constraint = exc.orig.diag.constraint_name
    assert not constraint or constraint not in _ontsnapt(zin)
    for raw in ("ERROR", "violates", "INSERT", "UPDATE", "hkd.", "+0", "_"):
        assert raw not in _ontsnapt(zin)


def test_what_the_layer_may_not_read_or_write_at_all_says_no_access(demo_engine):
    exc = _weigering(demo_engine, "aanbieder", "alfa", "SELECT * FROM hkd.audit_log")
    assert db_fout(exc) == NO_ACCESS
    exc = _weigering(demo_engine, "hkd", None, "UPDATE hkd.meldingen SET omschrijving = 'anders' WHERE id = 1")
    assert db_fout(exc) == NO_ACCESS


def test_the_prefix_is_the_callers_and_what_is_no_database_error_is_not_mapped(demo_engine):
    exc = _weigering(demo_engine, "hkd", None, GEVALLEN[0][2])
    assert db_fout(exc, "Niet ingediend").startswith("Niet ingediend: dit bestaat al")
    assert db_fout(ValueError("kapot")) is None
    try:
        raise RuntimeError("pandas wrapped it") from exc
    except RuntimeError as wrapped:
        assert db_fout(wrapped) == db_fout(exc)

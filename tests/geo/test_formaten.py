"""The declared file formats: the documentation shows exactly the declarations, and the declarations are sound."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geo.formaten import FORMATEN, GRENZEN, LOCATIES, vervang_tabellen
from geo.kolommen import KEUZE
from geo.persoonsgegevens import is_persoonskolom

ROOT = Path(__file__).resolve().parents[2]
LOCATIE_ADRES = {"naam", "straat", "huisnummer", "postcode"}  # the location's name and address, never a person's
GEEN_PERSOON = {"locaties": LOCATIE_ADRES, "grenzen": {"name"}}  # ... and an area's name


def test_docs_tables_are_the_declarations():
    tekst = (ROOT / "docs" / "importeren.md").read_text(encoding="utf-8")
    for naam in FORMATEN:
        assert f"<!-- formaat:{naam} -->" in tekst, f"docs/importeren.md has no table for {naam}"
    assert vervang_tabellen(tekst) == tekst, (
        "docs/importeren.md differs from geo/formaten.py; regenerate it (see the command in the document)")


def test_readme_register_table_names_the_declared_columns():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    deel = readme.split("## Locations register import", 1)[1].split("\n## ", 1)[0]
    gevonden: dict[str, bool] = {}
    for regel in deel.splitlines():
        cellen = [c.strip() for c in regel.strip("|").split("|")]
        if len(cellen) == 3 and cellen[1] in ("yes", "no"):
            for naam in re.findall(r"`([a-z_]+)`", cellen[0]):
                gevonden[naam] = cellen[1] == "yes"
    assert gevonden == {k.naam: k.verplicht for k in LOCATIES.kolommen}


@pytest.mark.parametrize("formaat", FORMATEN.values(), ids=list(FORMATEN))
def test_declarations_are_sound(formaat):
    namen = [n for k in formaat.kolommen for n in k.namen]
    assert len(namen) == len(set(namen)), "a header name may mean one column only"
    assert formaat.sleutel, "every format states its natural key"
    for k in formaat.kolommen:
        assert k.naam == k.naam.lower() and all(a == a.lower() for a in k.aliassen)
        assert k.soort != KEUZE or k.keuzes is not None or k.bron_keuzes
        # a column that looks like personal data is declared only where it belongs to a location, not a person
        assert not is_persoonskolom(k.naam) or k.naam in GEEN_PERSOON.get(formaat.naam, set())


def test_a_boundary_column_named_by_the_user_goes_by_that_name_only():
    from geo.formaten import met_kolomnamen

    eigen = met_kolomnamen(GRENZEN, {"code": "BU_CODE", "name": "name", "parent_code": None})
    assert eigen.kolom("bu_code").naam == "bu_code" and eigen.kolom("code") is None
    assert eigen.kolom("naam").naam == "name" and eigen.sleutel == ("bu_code",)

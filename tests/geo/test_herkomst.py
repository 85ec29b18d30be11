"""The register of rules: complete, consistent with the constants, and published as docs/regels.md."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from geo import herkomst as h

ROOT = Path(__file__).resolve().parents[2]

# The modules that hold the rules the pages apply (ARCHITECTURE.md: "Rules are pure ... live in geo/").
REGELMODULES = ("geo.kaarten4", "geo.veerkracht", "geo.trends", "geo.meldingen", "geo.agenda", "geo.aanbod",
                "geo.scan_norms", "geo.rings", "geo.spreiding", "geo.disclosure", "geo.vierkanten", "queries.trends")
# Module constants that are presentation, not rules (colours, labels, map extents), with the reason.
GEEN_REGEL: dict[str, str] = {
    "geo.kaarten4.OKABE_ITO": "colours", "geo.kaarten4.OVERIGE_CORPORATIE": "colour",
    "geo.kaarten4.GEEN_CORPORATIEBEZIT": "colour",
    "geo.trends.NIVEAU_KLEUREN": "colours", "geo.trends.ONTWIKKELING_KLEUREN": "colours",
    "geo.trends.ONTWIKKELING_LABELS": "labels",
    "geo.meldingen.FASE_HEROVERWEGEN": "a sentence", "geo.meldingen.PLANNING_ACTIES": "labels",
    "geo.agenda.OMGEVING_GRADEN": "map extent around an agenda item",
    "geo.scan_norms.NIVEAU_LABEL": "labels", "geo.scan_norms.NIVEAU_SYMBOOL": "symbols",
    "geo.scan_norms.NIVEAU_KLEUR": "colours",
    "geo.rings.MAX_STRAAL": "input guard", "geo.rings.KAART_MIN_STRAAL": "map extent",
    "geo.rings.KAART_OVERZICHT_STRAAL": "map extent",
    "geo.disclosure.NIVEAUS": "labels",
}
# Dataclasses whose fields are norms (each field must be registered).
NORMKLASSEN = ("geo.meldingen.MeldingNormen", "geo.disclosure.IndicatorRule", "geo.disclosure.DisclosureRule")


def _module_constanten(module: str) -> set[str]:
    """Upper-case names assigned at the top level of a module's source (imported names are not its own)."""
    bron = Path(importlib.import_module(module).__file__).read_text(encoding="utf-8")
    namen = set()
    for node in ast.parse(bron).body:
        doelen = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) \
            else []
        namen |= {t.id for t in doelen if isinstance(t, ast.Name) and t.id.isupper() and not t.id.startswith("_")}
    return {f"{module}.{n}" for n in namen}


def _geregistreerd() -> set[str]:
    return {c for r in h.REGELS for c in r.constanten}


def _resolve(dotted: str):
    deel = dotted.split(".")
    for i in range(len(deel) - 1, 0, -1):
        try:
            obj = importlib.import_module(".".join(deel[:i]))
        except ModuleNotFoundError:
            continue
        for attr in deel[i:]:
            obj = getattr(obj, attr)
        return obj
    raise LookupError(dotted)


@pytest.mark.parametrize("module", REGELMODULES)
def test_every_rule_constant_of_a_rule_module_is_registered(module):
    """A new threshold, class or norm in a rule module fails here until the register says where it comes from."""
    ontbreekt = _module_constanten(module) - _geregistreerd() - set(GEEN_REGEL)
    assert not ontbreekt, f"not in geo/herkomst.py REGELS (or GEEN_REGEL with a reason): {sorted(ontbreekt)}"


@pytest.mark.parametrize("klasse", NORMKLASSEN)
def test_every_norm_field_is_registered(klasse):
    import dataclasses

    velden = {f"{klasse}.{f.name}" for f in dataclasses.fields(_resolve(klasse)) if f.name != "percentage_indicatoren"}
    assert not velden - _geregistreerd(), sorted(velden - _geregistreerd())


def test_registered_constants_exist_and_codes_are_unique():
    for c in _geregistreerd() | set(GEEN_REGEL):
        _resolve(c)  # a renamed constant fails here
    assert len(h.REGEL) == len(h.REGELS)


def test_values_in_the_register_are_the_values_in_force():
    """The texts are built from the constants: change a constant and its sentence changes with it."""
    from geo import kaarten4, meldingen

    assert "-1, -0,25, 0,25, 1" in h.REGEL["kaart_4_6_banden"].omschrijving
    assert kaarten4.GRENZEN_4_6 == (-1.0, -0.25, 0.25, 1.0)
    assert f"{meldingen.MeldingNormen().afhandel_norm_dagen} dagen" in h.REGEL["afhandel_norm"].omschrijving


def test_the_project_s_choices_never_claim_the_report():
    """A rule of HKD Kaart says so; only rules the report states are attributed to it (issue 22: Kaart 4-6's bands,
    Kaart 4-5/4-8 thresholds, the extra 4-8 classes, the grid, scan norms, the 14-day norm, the agenda signal and
    the commissie rhythm are the project's)."""
    eigen = {"kaart_4_6_banden", "kaart_4_5_drempels", "kaart_4_8_drempels", "kaart_4_8_extra_klassen",
             "raster_100m", "scan_normen", "afhandel_norm", "agendasignaal", "commissie_ritme", "kaart_4_3_banden",
             "tabel_4_1"}
    assert {c for c in eigen if h.REGEL[c].bron != "hkd"} == set()
    assert "keuze HKD Kaart" in h.zin("kaart_4_6_banden")
    assert h.zin("kaart_4_6_referentie").startswith("Herkomst van de regel: Veerkracht in Rotterdam")


def test_docs_regels_md_is_the_register():
    """docs/regels.md is generated from the register; regenerate it with the command at its top."""
    assert (ROOT / "docs" / "regels.md").read_text(encoding="utf-8") == h.markdown()

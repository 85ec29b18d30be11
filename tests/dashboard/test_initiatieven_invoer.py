"""The initiative forms name every problem in Dutch before the database refuses it."""

from __future__ import annotations

from dashboard.initiatieven.invoer import fouten, voorstel_fouten
from queries.initiatieven import KandidaatAdres, NieuwInitiatief


def _initiatief(**kw) -> NieuwInitiatief:
    base = dict(naam="Flexwonen Noord", woonvorm="flexwonen", doelgroep="Dak- en thuislozen", plaatsen=8,
                contact_rol="Teamleider wonen", contact_kanaal="initiatieven@alfa.example", context="Toelichting")
    return NieuwInitiatief(**{**base, **kw})


def test_form_validation_names_every_problem():
    fout = fouten(NieuwInitiatief(" ", "???", "", 0, ""), [KandidaatAdres("", 0, 0, "gok")], {"flexwonen"})
    assert len(fout) == 7
    assert fouten(NieuwInitiatief("a", "flexwonen", "b", 3, "c"), [], {"flexwonen"}) == [
        "Geef minstens één kandidaatadres op."]


def test_the_initiative_form_says_it_before_the_database_does():
    """The form's check uses the database's rule (migration 304): the provider reads why, in Dutch."""
    kandidaat = KandidaatAdres("Kandidaat A", 92000.0, 437000.0, "kaart")
    problemen = fouten(_initiatief(context="Bel 06-12345678", contact_kanaal="info@alfa.example"),
                       [kandidaat], {"flexwonen"})
    assert problemen == ["De toelichting bevat persoonsgegevens (een telefoonnummer): leg geen namen, adressen, "
                         "telefoonnummers, e-mailadressen of BSN vast."]
    assert fouten(_initiatief(), [kandidaat], {"flexwonen"}) == []  # positive control


def test_a_proposal_names_each_problem_and_accepts_a_sound_one():
    assert voorstel_fouten("kasteel", None, "x" * 2001) == ["Kies wat er veranderd is.",
                                                             "De toelichting is te lang (hoogstens 2.000 tekens)."]
    assert voorstel_fouten("plaatsen", 501, "") == ["Het nieuwe aantal plaatsen ligt tussen 0 en 500."]
    assert voorstel_fouten("plaatsen", 12, "Twee kamers erbij") == []

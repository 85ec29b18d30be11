"""The initiative forms' checks, in Dutch: every problem of a submission or a provider's proposal, named before the
database refuses it (the database checks again: migrations 120 and 304)."""

from __future__ import annotations

from core.domain import VOORSTEL_SOORTEN
from geo import persoonsgegevens, stappenplan
from queries.initiatieven import BRONNEN, KandidaatAdres, NieuwInitiatief


def fouten(ini: NieuwInitiatief, kandidaten: list[KandidaatAdres], woonvormen: set[str]) -> list[str]:
    """Every problem of a submission (empty when it is fine)."""
    out = []
    if not ini.naam.strip():
        out.append("Geef het initiatief een naam.")
    if len(ini.naam) > 200:
        out.append("De naam is te lang (hoogstens 200 tekens).")
    if ini.woonvorm not in woonvormen:
        out.append("Kies een woonvorm.")
    elif not stappenplan.gezamenlijk_traject(ini.woonvorm):
        out.append("Zelfstandig wonen doorloopt het stappenplan niet: het convenant volgt een gezamenlijk traject "
                   "voor alle woonvormen behalve zelfstandig wonen.")
    if not ini.doelgroep.strip():
        out.append("Geef de doelgroep op.")
    if not 1 <= ini.plaatsen <= 500:
        out.append("Het aantal plaatsen ligt tussen 1 en 500.")
    if not ini.contact_rol.strip():
        out.append("Geef de rol of functie van de contactpersoon op (geen naam nodig).")
    if len(ini.context) > 5000:
        out.append("De toelichting is te lang (hoogstens 5.000 tekens).")
    # the same check as the database's (migration 304): no personal data in the contact or the toelichting
    for tekst, label, toegestaan in ((ini.contact_rol, "De contactrol", ()),
                                     (ini.contact_kanaal, "Het functionele contactadres", (persoonsgegevens.EMAIL,)),
                                     (ini.context, "De toelichting", ())):
        gevonden = [s for s in persoonsgegevens.vondsten(tekst) if s not in toegestaan]
        if gevonden:
            out.append(persoonsgegevens.melding(label, gevonden) + ".")
    if not kandidaten:
        out.append("Geef minstens één kandidaatadres op.")
    for n, k in enumerate(kandidaten, 1):
        if not k.omschrijving.strip():
            out.append(f"Kandidaat {n}: geef een omschrijving of adres.")
        if k.bron not in BRONNEN:
            out.append(f"Kandidaat {n}: onbekende bron {k.bron!r}.")
    return out


def voorstel_fouten(soort: str, plaatsen: int | None, toelichting: str) -> list[str]:
    """Every problem of a provider's proposal for its own location (empty when it is fine)."""
    out = []
    if soort not in VOORSTEL_SOORTEN:
        out.append("Kies wat er veranderd is.")
    if soort == "plaatsen" and (plaatsen is None or not 0 <= plaatsen <= 500):
        out.append("Het nieuwe aantal plaatsen ligt tussen 0 en 500.")
    if len(toelichting) > 2000:
        out.append("De toelichting is te lang (hoogstens 2.000 tekens).")
    return out

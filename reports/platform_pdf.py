"""The Platform HKD report as a PDF: aanbod against targets, uitstroom against the waiting-time norm, spreiding
against a year ago, the escalatieladder stand and its change, inventory progress, initiatives; dated, with sources.

Renders only what it is handed (:class:`queries.platform.PlatformCijfers`-shaped data); no database here.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import pandas as pd

from core import kalender
from core.domain import FASES
from geo import herkomst
from geo.aanbod import WACHTTIJD_NORM_MAANDEN, boven_norm
from geo.spreiding import index_tov_stad, per_1000

if TYPE_CHECKING:
    from reports.pdf import HkdPdf

VOETTEKST = "HKD Kaart, rapportage Platform HKD. Cijfers op stads- en gebiedsniveau; geen adressen."
WOONVORM_ZONDER_DOEL = "geen doel"
# The rules this report applies, printed with their origin from the register (geo.herkomst)
REGELS_IN_RAPPORT = ("doelen", "woonvorm_termijnen", "wachttijd_norm", "directe_bemiddeling_2024", "ijkpunt_25",
                     "spreiding_klassen", "fasen", "inventarisatie", "convenant_besluiten")


def getal(v: Any, dec: int = 0) -> str:
    """A number the Dutch way (1.234 and 3,5); '-' when unknown."""
    if _leeg(v):
        return "-"
    try:
        tekst = f"{float(v):,.{dec}f}"
    except (TypeError, ValueError):
        return "-"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def _leeg(v: Any) -> bool:
    try:
        return v is None or bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _int(v: Any) -> int | None:
    return None if _leeg(v) else int(v)


def pct(v: Any) -> str:
    return "-" if getal(v, 1) == "-" else f"{getal(v, 1)} %"


def _kop(pdf: HkdPdf, tekst: str) -> None:
    pdf.ln(3)
    pdf.para(tekst, size=13, bold=True, h=7)


def _tabel(pdf: HkdPdf, kop: list[str], rijen: list[list[str]], breedtes: tuple[float, ...], size: float = 8.5):
    pdf.font(size)
    with pdf.table(col_widths=breedtes, text_align="LEFT", first_row_as_headings=True) as table:
        table.row([pdf.t(k) for k in kop])
        for r in rijen:
            table.row([pdf.t(str(c)) for c in r])


def aanbod_samenvatting(c) -> list[dict]:
    """Per woonvorm on the report date: places, places a year earlier, target, gap, percentage (data for tests too)."""
    a = c.aanbod
    nu, vorig = a[a["jaar"] == c.peildatum.year], a[a["jaar"] == c.peildatum.year - 1]
    uit = []
    for r in nu.sort_values("volgorde").itertuples():
        v = vorig[vorig["woonvorm"] == r.woonvorm]
        uit.append({
            "woonvorm": r.woonvorm_naam, "voorzieningen": int(r.voorzieningen), "plaatsen": int(r.plaatsen),
            "plaatsen_vorig_jaar": int(v["plaatsen"].iloc[0]) if len(v) else None, "instroom": int(r.instroom),
            "doel": _int(r.doel), "doel_soort": None if _leeg(r.doel_soort) else r.doel_soort,
            "gerealiseerd": int(r.gerealiseerd), "verschil": _int(r.verschil),
            "percentage": None if _leeg(r.percentage) else float(r.percentage),
        })
    return uit


def render_pdf(c, gebruiker: str, gemaakt_op: datetime | None = None) -> bytes:
    """The report as PDF bytes."""
    gemaakt_op = gemaakt_op or kalender.nu()
    from reports.pdf import HkdPdf  # fpdf and its fonts: imported when a report is made, not with the Platform page

    pdf = HkdPdf(voettekst=VOETTEKST)
    pdf.set_title("Rapportage Platform HKD")
    pdf.add_page()
    pdf.para("Platform HKD: vraag en aanbod, spreiding en uitstroom", size=17, bold=True, h=9)
    pdf.para(f"Peildatum {c.peildatum:%d-%m-%Y}, vergeleken met {c.vorige:%d-%m-%Y} (vorige rapportage). "
             f"Gemaakt op {gemaakt_op:%d-%m-%Y %H:%M} door {gebruiker}.")

    # 1. Aanbod ---------------------------------------------------------------------------------------------------
    _kop(pdf, "1. Aanbod per woonvorm tegen de doelen")
    pdf.para("Plaatsen in gebruik volgens het locatieregister (datum in gebruik en buiten gebruik per locatie); "
             "niet ingetypt. Het doel telt de stand op de peildatum, behalve bij 'instroom': plaatsen die dit jaar "
             "in gebruik kwamen (Housing First: 50 woningen per jaar).", size=8.5, h=4.5)
    rijen = []
    for s in aanbod_samenvatting(c):
        doel = WOONVORM_ZONDER_DOEL if s["doel"] is None else (
            getal(s["doel"]) + (" instroom" if s["doel_soort"] == "instroom" else ""))
        verschil = "-" if s["verschil"] is None else (("+" if s["verschil"] > 0 else "") + getal(s["verschil"]))
        rijen.append([s["woonvorm"], getal(s["voorzieningen"]), getal(s["plaatsen"]), getal(s["plaatsen_vorig_jaar"]),
                      getal(s["instroom"]), doel, verschil, pct(s["percentage"])])
    _tabel(pdf, ["Woonvorm", "Locaties", "Plaatsen", "Jaar eerder", "Nieuw dit jaar", "Doel", "Verschil",
                 "% van doel"], rijen, (50, 17, 18, 20, 20, 25, 20, 20))

    # 2. Uitstroom --------------------------------------------------------------------------------------------------
    _kop(pdf, "2. Uitstroom naar een corporatiewoning")
    u = c.uitstroom
    stad = u[u["corporatie_code"].isna()]
    if stad.empty:
        pdf.para("Nog geen uitstroomcijfers geladen (hkd load uitstroom of de pagina Platform).")
    else:
        rijen = []
        for r in stad.itertuples():
            periode = f"{r.jaar}" + ("" if _leeg(r.kwartaal) else f" K{int(r.kwartaal)}")
            aandeel = None if not r.uitstromers else 100 * r.directe_bemiddeling / r.uitstromers
            norm = boven_norm(None if _leeg(r.wachttijd_maanden) else r.wachttijd_maanden)
            rijen.append([periode, getal(r.uitstromers), pct(aandeel), pct(None if aandeel is None else 100 - aandeel),
                          getal(r.wachttijd_maanden, 1),
                          "onbekend" if norm is None else ("boven de norm" if norm else "binnen de norm")])
        _tabel(pdf, ["Periode", "Uitstromers", "Huurzorgcontract / directe bemiddeling", "Reguliere urgentie",
                     "Wachttijd (mnd)", f"Norm {getal(WACHTTIJD_NORM_MAANDEN)} mnd"],
               rijen, (20, 22, 45, 28, 25, 35))
        per_corp = u[u["corporatie_code"].notna()]
        if not per_corp.empty:
            jaar = int(per_corp["jaar"].max())
            laatst = per_corp[(per_corp["jaar"] == jaar) & per_corp["kwartaal"].isna()]
            pdf.ln(2)
            pdf.para(f"Per woningcorporatie, {jaar}", size=10, bold=True)
            _tabel(pdf, ["Corporatie", "Uitstromers", "Directe bemiddeling", "Wachttijd (mnd)", "Norm"],
                   [[r.corporatie, getal(r.uitstromers), getal(r.directe_bemiddeling), getal(r.wachttijd_maanden, 1),
                     {True: "boven", False: "binnen", None: "-"}[boven_norm(None if _leeg(r.wachttijd_maanden)
                                                                           else r.wachttijd_maanden)]]
                    for r in laatst.itertuples()],
                   (60, 25, 35, 30, 25))

    # 3. Spreiding --------------------------------------------------------------------------------------------------
    _kop(pdf, "3. Spreiding over de stad")
    nu, vorig = c.spreiding_nu, c.spreiding_vorig
    stad_nu = per_1000(nu["plaatsen"].sum(), nu["inwoners"].sum())
    stad_vorig = per_1000(vorig["plaatsen"].sum(), vorig["inwoners"].sum())
    conc = c.concentratie.set_index("jaar")
    cn = conc.loc[c.peildatum.year] if c.peildatum.year in conc.index else None
    cv = conc.loc[c.vorige.year] if c.vorige.year in conc.index else None
    pdf.para(f"Rotterdam: {getal(nu['plaatsen'].sum())} plaatsen, {getal(stad_nu, 1)} per 1.000 inwoners "
             f"(op {c.vorige:%d-%m-%Y}: {getal(stad_vorig, 1)}).", size=9.5)
    if cn is not None:
        pdf.para(
            f"Concentratie over de woonbuurten: {pct(100 * cn['aandeel_top20'])} van de plaatsen ligt in de 20 % "
            f"buurten met de meeste plaatsen"
            + (f" (een jaar eerder {pct(100 * cv['aandeel_top20'])})" if cv is not None else "")
            + f"; Gini naar inwoners {getal(cn['gini_inwoners'], 2)}"
            + (f" (was {getal(cv['gini_inwoners'], 2)})" if cv is not None else "")
            + ". 0 = plaatsen precies naar rato van de inwoners, naar 1 = alles in één buurt.", size=9.5)
        _tabel(pdf, ["Jaar", "Plaatsen", "Per 1.000 inw.", "Aandeel top 20 % buurten", "Gini (buurten)",
                     "Gini (naar inwoners)"],
               [[str(j), getal(r["plaatsen"]), getal(r["per_1000_stad"], 1), pct(100 * r["aandeel_top20"]),
                 getal(r["gini_gebieden"], 2), getal(r["gini_inwoners"], 2)]
                for j, r in conc.iterrows() if j >= c.peildatum.year - 5], (18, 22, 28, 45, 30, 35))
    pdf.ln(2)
    pdf.para("Per gebied (CBS-wijk), hoogste aantal plaatsen per 1.000 inwoners eerst", size=10, bold=True)
    tab = nu.merge(vorig[["code", "plaatsen"]].rename(columns={"plaatsen": "plaatsen_vorig"}), on="code", how="left")
    tab["per_1000"] = [per_1000(p, i) for p, i in zip(tab["plaatsen"], tab["inwoners"], strict=True)]
    tab = tab.sort_values("per_1000", ascending=False, na_position="last")
    _tabel(pdf, ["Gebied", "Locaties", "Plaatsen", "Jaar eerder", "Per 1.000 inw.", "Index (stad = 100)"],
           [[r.naam, getal(r.voorzieningen), getal(r.plaatsen), getal(r.plaatsen_vorig), getal(r.per_1000, 1),
             getal(index_tov_stad(r.per_1000, stad_nu))] for r in tab.itertuples()], (55, 20, 22, 22, 28, 33), 8)

    # 4. Escalatieladder ------------------------------------------------------------------------------------------
    _kop(pdf, "4. Escalatieladder: stand en verandering")
    _tabel(pdf, ["Fase", f"Op {c.vorige:%d-%m-%Y}", f"Op {c.peildatum:%d-%m-%Y}", "Verandering"],
           [[f"{f.symbool} {f.code} {f.naam}", getal(c.ladder_vorig.get(f.code, 0)), getal(c.ladder_nu.get(f.code, 0)),
             f"{c.ladder_nu.get(f.code, 0) - c.ladder_vorig.get(f.code, 0):+d}"] for f in FASES], (85, 30, 30, 30))

    # 5. Inventarisatie -------------------------------------------------------------------------------------------
    _kop(pdf, "5. Voortgang van de inventarisatie")
    if c.voortgang.empty:
        pdf.para("Nog geen inventarisatie vastgelegd.")
    else:
        v = c.voortgang.iloc[0]
        _tabel(pdf, ["Actie", "Gedaan", "Totaal", "Open"],
               [[titel, getal(v[f"{k}_gedaan"]), getal(v[f"{k}_totaal"]), getal(v[f"{k}_totaal"] - v[f"{k}_gedaan"])]
                for k, titel in (("verscherpt", "Verscherpt regime ingesteld"),
                                 ("commissies", "Beheercommissies (opnieuw) gestart"),
                                 ("convenanten", "Beheerconvenanten geactualiseerd"))], (90, 25, 25, 25))

    # 6. Initiatieven (when that register exists) -----------------------------------------------------------------
    if c.initiatieven is not None:
        _kop(pdf, "6. Initiatieven per stap")
        if c.initiatieven:
            _tabel(pdf, ["Stap", "Initiatieven"], [[s, getal(n)] for s, n in c.initiatieven.items()], (90, 30))
        else:
            pdf.para("Geen initiatieven vastgelegd.")

    # Sources --------------------------------------------------------------------------------------------------------
    _kop(pdf, "Bronnen en data")
    if any(herkomst.noemt_demo(b.bron) for b in c.bronnen):
        pdf.para("Demo, fictitief: dit rapport is gemaakt op demogegevens, niet op echte cijfers.", size=9.5,
                 bold=True)
    for b in c.bronnen:
        tekst = f"{b.bron} ({herkomst.DEMO_LABEL})" if herkomst.noemt_demo(b.bron) else b.bron
        pdf.para(f"- {tekst}" + (f" (stand {b.datum:%d-%m-%Y})" if b.datum else ""), size=8.5, h=4.5)
    pdf.para("- Doelen per woonvorm en jaar: vastgesteld door HKD (tabel doelen in HKD Kaart).", size=8.5, h=4.5)
    _kop(pdf, "Herkomst van de regels")
    for code in REGELS_IN_RAPPORT:
        regel = herkomst.REGEL[code]
        pdf.para(f"- {regel.omschrijving} Herkomst: {regel.herkomst}; ingesteld in {regel.waar_ingesteld}.",
                 size=8.5, h=4.5)
    pdf.para("Zwak punt: het register kent per locatie één aantal plaatsen; uitbreidingen of inkrimpingen van een "
             "bestaande locatie verschuiven de reeks niet in de tijd.", size=8, h=4)
    return bytes(pdf.output())

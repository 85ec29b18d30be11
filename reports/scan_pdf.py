"""The draagkrachtscan as a PDF report (fpdf2): inputs, a vector map of rings and locations, criteria, notes."""

from __future__ import annotations

from datetime import datetime

from core.domain import FASE_KLEUREN
from core.indicatoren import label
from core.taal import aantal
from geo import herkomst
from geo.draagkracht import ScanResultaat
from geo.scan_norms import NIVEAU_KLEUR
from reports.pdf import HkdPdf
from reports.veilig import cel

VOETTEKST = "HKD Kaart, draagkrachtscan. Vertrouwelijk: bevat locaties op adresniveau."
DEMO_ZIN = "Demo, fictitief: deze scan is gemaakt op demogegevens, niet op echte locaties en cijfers."
LOCATIES = "Locaties, plaatsen en fasen: het locatieregister en de fasebesluiten in HKD Kaart (gemeente Rotterdam, " \
           "afdeling HKD)"
GRENZEN = "Grenzen van buurten en wijken: CBS / Kadaster (CC BY 4.0)"
NOTITIES = "Notities: collega's in de wijken (clusters MO, SO, DV), met naam en datum vastgelegd in HKD Kaart"


def bronnen(r: ScanResultaat) -> list[str]:
    """Where every figure of the scan comes from: the register (demo marked), the boundaries, each indicator series
    by name with its source as loaded and its years (demo marked), and the notes."""
    locaties = f"{LOCATIES} ({herkomst.DEMO_LABEL})" if r.demo else LOCATIES
    reeksen = [herkomst.bron_zin(label(b.indicator), b.bron, (b.van, b.tot)) for b in r.bronnen]
    return [locaties, GRENZEN, *(reeksen or ["Indicatoren: geen bron vastgelegd bij deze scan"]), NOTITIES]



def _kaart(pdf: HkdPdf, r: ScanResultaat, size: float = 95) -> None:
    """Rings, buurt outlines, nearby locations (fase colour + code) and the candidate, in RD metres to scale."""
    x0, y0 = pdf.l_margin, pdf.get_y()
    half = max(r.config.ringen) * 1.25
    scale = size / (2 * half)
    kx, ky = r.kandidaat.x, r.kandidaat.y

    def px(x: float, y: float) -> tuple[float, float]:
        return x0 + (x - kx + half) * scale, y0 + (ky - y + half) * scale

    pdf.set_draw_color(120, 120, 120)
    pdf.set_line_width(0.3)
    pdf.rect(x0, y0, size, size)
    pdf.set_draw_color(170, 170, 170)
    pdf.set_line_width(0.2)
    for line in r.omgeving:
        pts = [px(x, y) for x, y in line]
        for a, b in zip(pts, pts[1:], strict=False):
            pdf.line(*a, *b)
    pdf.set_draw_color(0, 104, 157)
    pdf.set_line_width(0.35)
    pdf.font(7)
    for straal in r.config.ringen:
        cx, cy = px(kx, ky)
        d = 2 * straal * scale
        pdf.ellipse(cx - d / 2, cy - d / 2, d, d)
        pdf.text(cx + 1, cy - d / 2 + 3, f"{straal} m")
    for n in r.nabij:
        cx, cy = px(n.x, n.y)
        pdf.set_fill_color(*FASE_KLEUREN.get(n.fase or "", (150, 150, 150)))
        pdf.set_draw_color(40, 40, 40)
        pdf.ellipse(cx - 1.3, cy - 1.3, 2.6, 2.6, style="DF")
        pdf.text(cx + 1.6, cy + 1, pdf.t(f"{n.code} (fase {n.fase or '?'})"))
    cx, cy = px(kx, ky)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.8)
    pdf.line(cx - 2.5, cy - 2.5, cx + 2.5, cy + 2.5)
    pdf.line(cx - 2.5, cy + 2.5, cx + 2.5, cy - 2.5)
    pdf.font(8, bold=True)
    pdf.text(cx + 3, cy - 2, "Kandidaat")
    # scale bar and legend to the right
    lx = x0 + size + 6
    pdf.font(8)
    bar = 250 * scale
    pdf.set_line_width(0.5)
    pdf.line(x0 + 4, y0 + size - 4, x0 + 4 + bar, y0 + size - 4)
    pdf.text(x0 + 4, y0 + size - 5.5, "250 m")
    pdf.set_xy(lx, y0)
    pdf.font(9, bold=True)
    pdf.cell(0, 5, "Legenda", new_x="LEFT", new_y="NEXT")
    pdf.font(8)
    for code, rgb in FASE_KLEUREN.items():
        y = pdf.get_y()
        pdf.set_fill_color(*rgb)
        pdf.ellipse(lx, y + 1, 3, 3, style="DF")
        pdf.set_xy(lx + 5, y)
        pdf.cell(0, 5, pdf.t(f"locatie in fase {code} (code en fase als tekst)"), new_x="LEFT", new_y="NEXT")
        pdf.set_x(lx)
    pdf.cell(0, 5, pdf.t("X  kandidaatlocatie; blauwe cirkels: ringen"), new_x="LEFT", new_y="NEXT")
    pdf.set_x(lx)
    pdf.cell(0, 5, pdf.t("grijze lijnen: grenzen van wijken (CBS-buurten)"), new_x="LEFT", new_y="NEXT")
    pdf.set_xy(pdf.l_margin, y0 + size + 4)


def render_pdf(r: ScanResultaat, gebruiker: str, gemaakt_op: datetime | None = None) -> bytes:
    """The scan as PDF bytes: date, inputs, map, ring figures, criteria with norms, nearby locations, notes."""
    gemaakt_op = gemaakt_op or r.gemaakt_op
    k = r.kandidaat
    pdf = HkdPdf(voettekst=VOETTEKST)
    pdf.set_title("Draagkrachtscan")
    pdf.add_page()
    pdf.para("Draagkrachtscan", size=18, bold=True, h=9)
    pdf.para(f"Gemaakt op {gemaakt_op:%d-%m-%Y %H:%M} door {gebruiker}.")
    if r.demo:
        pdf.para(DEMO_ZIN, size=9.5, bold=True)
    pdf.ln(2)
    pdf.para("Invoer", size=12, bold=True, h=6)
    pdf.para(f"Kandidaatlocatie: RD x {k.x:.0f}, y {k.y:.0f} (gekozen via {k.bron}"
             + (f": {k.omschrijving}" if k.omschrijving else "") + ").")
    pdf.para(f"Geplande woonvorm: {k.woonvorm}; geplande plaatsen: {k.plaatsen}.")
    pdf.para(f"Wijk (CBS-buurt): {r.buurt or 'onbekend'}; Wijkprofiel-wijk: {r.wijkprofiel or 'onbekend'}; "
             f"postcodegebied: {r.pc4 or 'onbekend'}; focusgebied: {', '.join(r.focus()) or 'geen'}.")
    pdf.para(f"Ringen: {', '.join(f'{s} m' for s in r.config.ringen)}; normring: {r.config.normring} m.")
    pdf.ln(2)
    _kaart(pdf, r)
    pdf.para("Voorzieningen en plaatsen in de ringen", size=12, bold=True, h=6)
    pdf.font(9)
    with pdf.table(col_widths=(30, 40, 40, 40, 40), text_align="LEFT") as table:
        table.row(["Straal", "Voorzieningen voor", "Voorzieningen na", "Plaatsen voor", "Plaatsen na"])
        for ring in r.ringen:
            table.row([f"{ring.straal} m", str(ring.voorzieningen), str(ring.voorzieningen_na), str(ring.plaatsen),
                       str(ring.plaatsen_na)])
    voor, na = r.per_1000(False), r.per_1000(True)
    pdf.ln(2)
    inwoners = f"{r.inwoners:.0f} inwoners ({r.inwoners_jaar})" if r.inwoners else "inwonertal onbekend"
    def nl(v: float | None) -> str:
        return "-" if v is None else f"{v:g}".replace(".", ",")

    pdf.para(f"Wijk {r.buurt}: {aantal(int(r.buurt_voorzieningen), 'voorziening', 'voorzieningen')}, {aantal(int(r.buurt_plaatsen), 'plaats', 'plaatsen')}, {inwoners}; "
             f"plaatsen per 1.000 inwoners voor {nl(voor)}, na {nl(na)}.")
    pdf.ln(2)
    pdf.para("Criteria en normen", size=12, bold=True, h=6)
    pdf.font(8)
    with pdf.table(col_widths=(48, 40, 22, 80), text_align="LEFT") as table:
        table.row(["Criterium", "Waarde", "Oordeel", "Norm"])
        for b in r.beoordelingen():
            row = table.row()
            row.cell(pdf.t(b.criterium))
            row.cell(pdf.t(b.waarde))
            pdf.set_fill_color(*NIVEAU_KLEUR[b.niveau])
            row.cell(pdf.t(f"{b.niveau}: {b.label}"))
            row.cell(pdf.t(b.normtekst))
    pdf.ln(2)
    pdf.para(f"Locaties binnen {max(r.config.ringen)} m", size=12, bold=True, h=6)
    if r.nabij:
        pdf.font(8)
        with pdf.table(col_widths=(22, 40, 45, 35, 18, 15, 15), text_align="LEFT") as table:
            table.row(["Code", "Naam", "Aanbieder", "Woonvorm", "Plaatsen", "Fase", "Afstand"])
            for n in r.nabij:
                table.row([cel(n.code), pdf.t(cel(n.naam)), pdf.t(cel(n.aanbieder)), pdf.t(cel(n.woonvorm)), str(n.plaatsen),
                           n.fase or "-", f"{n.afstand_m:.0f} m"])
    else:
        pdf.para("Geen.")
    pdf.ln(2)
    pdf.para("Notities over de wijk (MO, SO, DV)", size=12, bold=True, h=6)
    if r.notities:
        for note in r.notities:
            pdf.para(f"{note.cluster}, {note.auteur}, {note.geschreven_op:%d-%m-%Y}: {note.tekst}", size=9)
    else:
        pdf.para("Nog geen notities over deze wijk.", size=9)
    pdf.ln(2)
    pdf.para("Bronnen", size=12, bold=True, h=6)
    if r.demo:
        pdf.para(DEMO_ZIN, size=9, bold=True)
    for zin in bronnen(r):
        pdf.para(f"- {zin}", size=8, h=4)
    pdf.para("De scan weegt niet: elk criterium staat met zijn eigen norm.", size=8, h=4)
    pdf.para(herkomst.zin("scan_normen", "scan_veerkracht", "gezamenlijk_traject"), size=8, h=4)
    return bytes(pdf.output())

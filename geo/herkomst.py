"""The register of rules: every threshold, class, norm and rhythm a page applies, with its origin. Pure.

Each :class:`Regel` says what the rule is (in Dutch, as the page shows it), where it comes from and where it is
set. Origins: the convenant (seed 001, the presentation of 13-6-2023), the report *Veerkracht in Rotterdam* (seed
002, with its map, table or footnote), CBS, or a choice of HKD Kaart itself. Pages print :func:`zin` under the rule
they apply; ``docs/regels.md`` is :func:`markdown` (a test keeps both equal, and another test fails when a rule
constant of a rule module is not registered here).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from core.domain import (
    BEHEERSAFSPRAAK_SOORTEN,
    CONVENANT_BESLUITEN,
    INVENTARISATIE_DATUM,
    WOONVORM_NAMEN,
    WOONVORM_TERMIJNEN,
)
from core.indicatoren import MIN_WAARNEMINGEN_INKOMEN
from geo import aanbod, agenda, analysegebied, disclosure, kaarten4, meldingen, scan_norms, veerkracht, vierkanten
from geo.disclosure import DisclosureRule, IndicatorRule

BRONNEN: dict[str, str] = {
    "convenant": "Convenant Huisvesting Kwetsbare Doelgroepen (presentatie 13-6-2023)",
    "veerkracht": "Veerkracht in Rotterdam (In.Fact.Research)",
    "cbs": "CBS",
    "hkd": "keuze HKD Kaart",
}
"""The origins a rule can have, as the page names them."""


@dataclass(frozen=True)
class Regel:
    """One rule with its origin.

    Attributes
    ----------
    code
        Stable key, used by the pages and the tests.
    omschrijving
        The rule in Dutch, with its values (built from the constants, so the text cannot drift from the code).
    bron
        A key of :data:`BRONNEN`.
    verwijzing
        Where in the source: "Kaart 4-6", "voetnoot 6", "Fase 0"; for a choice of HKD Kaart what it works out.
    waar_ingesteld
        Where the value is set: a module and name, or the setting or table that changes it.
    constanten
        The dotted names of the constants that carry the rule (``geo.kaarten4.GRENZEN_4_6``); the completeness test
        matches them against the rule modules.
    """

    code: str
    omschrijving: str
    bron: str
    verwijzing: str
    waar_ingesteld: str
    constanten: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.bron not in BRONNEN:
            raise ValueError(f"onbekende bron {self.bron!r}")

    @property
    def herkomst(self) -> str:
        """The origin in words: the source and the place in it."""
        return f"{BRONNEN[self.bron]}, {self.verwijzing}" if self.verwijzing else BRONNEN[self.bron]


def _n(x: float) -> str:
    """A number the Dutch way: no trailing zeros, decimal comma."""
    return f"{x:g}".replace(".", ",")


def _lijst(xs) -> str:
    return ", ".join(_n(x) for x in xs)


_MN = meldingen.MeldingNormen()
_IR = IndicatorRule()
_DR = DisclosureRule()
_K4 = "geo/kaarten4.py"

REGELS: tuple[Regel, ...] = (
    # --- Wijktrends: Veerkracht in Rotterdam -------------------------------------------------------------------
    Regel("eigendom_typen", "Vier dominante eigendomstypen: corporatiehuur, goedkope particuliere huur, overige "
          "particuliere huur, koop.", "veerkracht", "hoofdstuk 3, Kaart 3-1", "geo/trends.py: EIGENDOM",
          ("geo.trends.EIGENDOM", "geo.kaarten4.KAART_3_1")),
    Regel("corporatie_klassen", "Aandeel corporatiebezit in vijf klassen: 0 %, 1-10 %, 10-50 %, 50-67 %, meer dan "
          "67 %.", "veerkracht", "Figuur 3-2 en 3-4, Kaart 3-2", "geo/trends.py: CORPORATIE_KLASSEN",
          ("geo.trends.CORPORATIE_KLASSEN", "geo.kaarten4.KAART_3_2")),
    Regel("analysegebied_kernstad", "Analysegebied: de kern Rotterdam, inclusief Pernis en Hoogvliet; "
          f"{' en '.join(sorted(analysegebied.BUITEN_KERNSTAD.values()))} tellen niet mee.", "veerkracht",
          "hoofdstuk 4 (Rozenburg en Hoek van Holland worden niet weergegeven)",
          "HKD_ANALYSE_KERNSTAD (zie README); geo/analysegebied.py: BUITEN_KERNSTAD",
          ("geo.analysegebied.BUITEN_KERNSTAD",)),
    Regel("figuur_3_tegen_nl", "Figuur 3-x zet het gemiddelde per groep af tegen het gemiddelde in Nederland "
          "(100 = Nederland; bij Leefbaarometer-scores 0 = Nederland).", "veerkracht", "Figuur 3-1 tot 3-17",
          "geo/trends.py: per_groep"),
    Regel("kaart_4_3_banden", f"Index kwetsbare groepen in vijf banden, grenzen {_lijst(kaarten4.GRENZEN_4_3)} "
          "(Nederland = 100); dezelfde banden als het Wijkprofiel van de gemeente.", "hkd",
          "uitwerking van Kaart 4-3 (het rapport noemt geen grenzen)", f"{_K4}: GRENZEN_4_3",
          ("geo.kaarten4.GRENZEN_4_3", "geo.kaarten4.KAART_4_3")),
    Regel("tabel_4_1", f"Tabel 4-1: de buurten in de hoogste band van Kaart 4-3 (index {_n(kaarten4.GRENZEN_4_3[3])} "
          "of meer) in het eindjaar.", "hkd", "uitwerking van Tabel 4-1 (het rapport somt de buurten op zonder "
          "grens)", f"{_K4}: tabel_4_1"),
    Regel("kaart_4_4_klassen", f"Verandering van de index in punten, klassegrenzen {_lijst(kaarten4.GRENZEN_4_4)}.",
          "hkd", "uitwerking van Kaart 4-4", f"{_K4}: GRENZEN_4_4", ("geo.kaarten4.GRENZEN_4_4",
                                                                    "geo.kaarten4.KAART_4_4")),
    Regel("kaart_4_5_definitie", "Toenemende concentratie: een groot aandeel kwetsbare groepen (Kaart 4-3) én een "
          "toename (Kaart 4-4); het donkerst waar het aandeel het grootst en de toename het sterkst is.",
          "veerkracht", "Kaart 4-5", f"{_K4}: kaart_4_5"),
    Regel("kaart_4_5_drempels", f"Groot aandeel: index {_n(kaarten4.GRENZEN_4_3[2])} of meer; toename: meer dan "
          f"{_n(kaarten4.GRENZEN_4_4[2])} punten; het donkerst bij {_n(kaarten4.GRENZEN_4_3[3])} of meer én meer dan "
          f"{_n(kaarten4.GRENZEN_4_4[3])} punten.", "hkd", "uitwerking van Kaart 4-5 (het rapport noemt geen "
          "grenzen)", f"{_K4}: kaart_4_5", ("geo.kaarten4.KAART_4_5",)),
    Regel("kaart_4_6_referentie", "Overlast en onveiligheid ten opzichte van het gemiddelde in Rotterdam.",
          "veerkracht", "Kaart 4-6", f"{_K4}: z_scores"),
    Regel("kaart_4_6_banden", "Vijf banden in standaardafwijkingen van het Rotterdamse gemiddelde, grenzen "
          f"{_lijst(kaarten4.GRENZEN_4_6)}.", "hkd", "uitwerking van Kaart 4-6 (het rapport noemt geen grenzen)",
          f"{_K4}: GRENZEN_4_6", ("geo.kaarten4.GRENZEN_4_6", "geo.kaarten4.KAART_4_6")),
    Regel("kaart_4_7_klassen", "Verandering van overlast in standaardafwijkingen van het beginjaar, grenzen "
          f"{_lijst(kaarten4.GRENZEN_4_7)}.", "hkd", "uitwerking van Kaart 4-7", f"{_K4}: GRENZEN_4_7",
          ("geo.kaarten4.GRENZEN_4_7", "geo.kaarten4.KAART_4_7")),
    Regel("kaart_4_8_klassen", "Kaart 4-8 kruist de ontwikkeling van kwetsbare groepen met het niveau en de "
          "ontwikkeling van overlast: donkerrood/bruin, lichtrood, donkergroen en heldergroen.", "veerkracht",
          "Kaart 4-8", "geo/veerkracht.py: KLASSEN", ("geo.veerkracht.KLASSEN", "geo.veerkracht.ALLE_KLASSEN",
                                                        "geo.veerkracht.KLASSE_BY_CODE")),
    Regel("kaart_4_8_extra_klassen", "Klasse 5 (lila) en 6 (lichtgrijs) voor buurten zonder toename van kwetsbare "
          "groepen, met en zonder meer overlast, en 'geen gegevens'.", "hkd", "aanvulling op Kaart 4-8",
          "geo/veerkracht.py: KLASSEN", ("geo.veerkracht.GEEN_GEGEVENS",)),
    Regel("kaart_4_8_drempels", "Toename kwetsbaar en meer overlast bij elke stijging (drempel "
          f"{_n(veerkracht.Drempels().kwetsbaar_toename)}); overlast al hoog bij een score slechter dan het "
          "gemiddelde van alle buurten in het beginjaar.", "hkd", "uitwerking van Kaart 4-8 (instelbaar op de "
          "pagina)", "geo/veerkracht.py: Drempels", ("geo.veerkracht.HOGER_IS_BETER",)),
    Regel("tabel_4_2_4_3", "Tabel 4-2 en 4-3: de buurten in klasse 1 en 3 van Kaart 4-8. Waar waarden per "
          "vierkant van 100 m bestaan, telt het deel van de vierkanten: een buurt staat in Tabel 4-2 als klasse 1 "
          f"minstens {round(vierkanten.AANDEEL_TABEL_4_2 * 100)} % van haar vierkanten beslaat (of de hele buurt), "
          "in Tabel 4-3 als klasse 3 een deel beslaat; zo kan een buurt in beide tabellen staan, met het deel "
          "erbij.", "hkd", "uitwerking van Tabel 4-2 en 4-3 (het rapport leest ze van Kaart 4-8 op vierkanten: "
          "'op vrij grote schaal', '(in delen)')", "geo/vierkanten.py: AANDEEL_TABEL_4_2",
          ("geo.vierkanten.AANDEEL_TABEL_4_2",)),
    Regel("vierkant_code", "Vierkanten van 100 bij 100 meter met de CBS-code: E en de RD-x van de linkeronderhoek "
          "in hele hectometers, N en de RD-y, elk in vier cijfers (E0912N4366); de buurt van een vierkant is de "
          "buurt waarin zijn midden ligt.", "cbs", "Statistische gegevens per vierkant, codering vierkant",
          "geo/vierkanten.py: lees_code", ("geo.vierkanten.E_BEREIK", "geo.vierkanten.N_BEREIK")),
    Regel("raster_100m", "Vierkanten van 100 bij 100 meter (RD, uitgelijnd als de CBS-vierkantstatistiek): waar "
          "een waarde per vierkant geladen is (niveau vierkant), de eigen waarde van het vierkant; elders de "
          "buurtwaarden naar oppervlakte over de vierkanten verdeeld. Het rapport (voetnoot 6) bouwt elke postcode "
          "op uit cirkels van 200 m of 300 m loopafstand en toont die op vierkanten van 100 m; dat doet HKD Kaart "
          "niet.", "hkd", "weergave, anders dan voetnoot 6", "publiek.raster_100m (queries/objects/80_hkd_raster.sql)"),
    Regel("min_waarnemingen", f"Een waarde die op minder dan {_IR.min_waarnemingen} waarnemingen berust, wordt "
          "niet getoond.", "veerkracht", "voetnoot 6", "publiek.indicator_regel; queries/trends.py: "
          "MIN_WAARNEMINGEN", ("queries.trends.MIN_WAARNEMINGEN", "geo.disclosure.IndicatorRule.min_waarnemingen")),
    Regel("min_waarnemingen_inkomen", f"Inkomensgegevens (bijstand, laagste inkomens, inkomen) worden pas vanaf "
          f"{MIN_WAARNEMINGEN_INKOMEN} waarnemingen getoond.", "veerkracht", "voetnoot 6",
          "core/indicatoren.py: MIN_WAARNEMINGEN_INKOMEN per indicator; hkd.indicator_definities; "
          "publiek.indicator_waarden (migratie 400)", ("core.indicatoren.MIN_WAARNEMINGEN_INKOMEN",)),
    Regel("waarnemingen_afgeleid", "Geeft een bestand geen aantal waarnemingen, dan leiden we het af: een aantal "
          "personen is zijn eigen aantal waarnemingen, een percentage van de inwoners telt inwoners maal "
          "percentage; anders is het onbekend en wordt de waarde getoond.", "hkd",
          "uitwerking van voetnoot 6 (het rapport zegt niet hoe het waarnemingen telt)",
          "core/indicatoren.py: waarnemingen_uit; publiek.indicator_waarden (migratie 400)"),
    Regel("min_inwoners_buurt", f"Percentages van een buurt met minder dan {_IR.min_inwoners_buurt} inwoners "
          "worden niet getoond.", "cbs", "geheimhoudingspraktijk", "publiek.indicator_regel",
          ("geo.disclosure.IndicatorRule.min_inwoners_buurt",)),
    Regel("kaart_4_1_dominant", "Dominante corporatie: de corporatie met het grootste aandeel van de adressen; bij "
          "gelijke aandelen de naam die alfabetisch eerst komt; de zeven grootste een eigen kleur.", "hkd",
          "uitwerking van Kaart 4-1", f"{_K4}: kaart_4_1"),
    Regel("cirkel_directe_bemiddeling", f"Directe bemiddeling als cirkel per buurt: oppervlakte evenredig met het "
          f"aantal, {_n(kaarten4.CIRKEL_BASIS_M)} m straal bij 10 plaatsingen.", "hkd", "weergave van Kaart 4-4",
          f"{_K4}: CIRKEL_BASIS_M", ("geo.kaarten4.CIRKEL_BASIS_M", "geo.kaarten4.CIRKEL_LEGENDA")),
    # --- Convenant: escalatieladder, beheer en monitoring -------------------------------------------------------
    Regel("fasen", "Escalatieladder: fase 0 slapend regime, 1 actief basisregime, 2 verscherpt regime, 3a "
          "multidisciplinaire aanpak met verbetertraject, 3b extra inzet op toezicht en handhaving.", "convenant",
          "Escalatieladder", "core/domain.py: FASES"),
    Regel("convenant_besluiten", "Het convenant: " + "; ".join(f"{d:%d-%m-%Y} {wat}" for d, wat in CONVENANT_BESLUITEN)
          + ".", "convenant", "Besluit", "core/domain.py: CONVENANT_BESLUITEN"),
    Regel("inventarisatie", f"De inventarisatie van de 78 locaties (peildatum {INVENTARISATIE_DATUM:%d-%m-%Y}) is "
          "het startmoment van de fasegeschiedenis.", "convenant", "Inventarisatie",
          "core/domain.py: INVENTARISATIE_DATUM"),
    Regel("platform_ritme", f"Platform HKD: minstens {meldingen.PLATFORM_MIN_PER_JAAR} vergaderingen in de twaalf "
          "maanden tot vandaag; een signaal op de Platformpagina als dat er minder zijn (pas beoordeeld een jaar na "
          "de inwerkingtreding).", "convenant", "Platform HKD ('vergadert min. 2x p/j.')",
          "geo/meldingen.py: PLATFORM_MIN_PER_JAAR", ("geo.meldingen.PLATFORM_MIN_PER_JAAR",)),
    Regel("commissie_ritme_fase_0", f"Beheercommissie in fase 0: minstens eens per {_MN.ritme_fase_0_maanden} "
          "maanden.", "convenant", "Fase 0 ('minimaal eens per jaar')", "monitoringnormen (hkd.monitoring_normen)",
          ("geo.meldingen.MeldingNormen.ritme_fase_0_maanden",)),
    Regel("commissie_ritme", f"Beheercommissie in fase 1: eens per {_MN.ritme_fase_1_maanden} maanden, fase 2: "
          f"eens per {_MN.ritme_fase_2_maanden}, fase 3: eens per {_MN.ritme_fase_3_maanden} maand.", "hkd",
          "uitwerking van 'komt periodiek bij elkaar' (convenant, fase 1)",
          "monitoringnormen (hkd.monitoring_normen)",
          ("geo.meldingen.MeldingNormen.ritme_fase_1_maanden", "geo.meldingen.MeldingNormen.ritme_fase_2_maanden",
           "geo.meldingen.MeldingNormen.ritme_fase_3_maanden")),
    Regel("afhandel_norm", f"Een melding is binnen de norm als zij binnen {_MN.afhandel_norm_dagen} dagen is "
          "afgehandeld.", "hkd", "uitwerking van 'binnen korte tijd naar tevredenheid afgehandeld' (convenant, "
          "fase 1)", "monitoringnormen (hkd.monitoring_normen)", ("geo.meldingen.MeldingNormen.afhandel_norm_dagen",)),
    Regel("agendasignaal", f"Agendasignaal bij {_MN.signaal_min_meldingen} of meer meldingen in "
          f"{_MN.signaal_periode_maanden} maanden, of {_MN.signaal_min_buiten_norm} of meer niet binnen de norm.",
          "hkd", "signaal voor het Sturingsoverleg", "monitoringnormen (hkd.monitoring_normen)",
          ("geo.meldingen.MeldingNormen.signaal_min_meldingen", "geo.meldingen.MeldingNormen.signaal_periode_maanden",
           "geo.meldingen.MeldingNormen.signaal_min_buiten_norm")),
    Regel("meldingen_ringen", f"Meldingen in ringen van {_lijst(_MN.ring_meters)} m rond een locatie; een melding "
          f"hoort bij een locatie binnen {_MN.koppel_max_meters} m.", "hkd", "weergave",
          "monitoringnormen (hkd.monitoring_normen)",
          ("geo.meldingen.MeldingNormen.ring_meters", "geo.meldingen.MeldingNormen.koppel_max_meters")),
    Regel("beheersafspraken", "Drie soorten beheersafspraken: " + "; ".join(
          n[0].lower() + n[1:] for n in BEHEERSAFSPRAAK_SOORTEN.values()) + ".", "convenant",
          "Beheersafspraken rond voorzieningen", "core/domain.py: BEHEERSAFSPRAAK_SOORTEN; hkd.beheersafspraken "
          "(migratie 492) en het beheerconvenant van de locatie", ("core.domain.BEHEERSAFSPRAAK_SOORTEN",)),
    Regel("monitoring_bronnen", "Monitoring van de beheersafspraken: voor- en nametingen van de leefbaarheid, "
          "beheercommissies, contractmanagement (HKD op de agenda) en het Overleg Zorg en Veiligheid per gebied; wat "
          "contractmanagement en het overleg over een locatie signaleren, wordt als melding met die bron vastgelegd.",
          "convenant", "Monitoring beheersafspraken", "core/domain.py: MELDING_BRONNEN; hkd.meldingen (migratie 491)",
          ("core.domain.MELDING_BRONNEN",)),
    Regel("planning_binnenkort", f"Een geplande beheeractie is 'binnenkort' als haar streefdatum hoogstens "
          f"{meldingen.BINNENKORT_DAGEN} dagen vooruit ligt.", "hkd", "planning van de inventarisatie",
          "geo/meldingen.py: BINNENKORT_DAGEN", ("geo.meldingen.BINNENKORT_DAGEN",)),
    Regel("convenant_actualisatie", f"Een beheerconvenant ouder dan {agenda.CONVENANT_MAX_JAREN} jaar telt als "
          "open beheeractie.", "hkd", "uitwerking van 'actualiseren van alle afspraken' (convenant, "
          "Inventarisatie)", "geo/agenda.py: CONVENANT_MAX_JAREN", ("geo.agenda.CONVENANT_MAX_JAREN",)),
    Regel("agenda_volgorde", f"Agenda: fase 2 of hoger altijd, gewicht {agenda.WEEG_FASE} per stap; gewijzigde fase "
          f"{agenda.WEEG_GEWIJZIGD}; open beheeractie {agenda.WEEG_BEHEERACTIE}; open actiepunt "
          f"{agenda.WEEG_ACTIE_OPEN}, over tijd {agenda.WEEG_ACTIE_OVER_TIJD}; hoogstens "
          f"{agenda.AGENDA_MAX_PUNTEN} punten.", "hkd", "agenda van het Sturingsoverleg", "geo/agenda.py",
          ("geo.agenda.URGENTE_FASEN", "geo.agenda.WEEG_FASE", "geo.agenda.WEEG_GEWIJZIGD",
           "geo.agenda.WEEG_BEHEERACTIE", "geo.agenda.WEEG_ACTIE_OPEN", "geo.agenda.WEEG_ACTIE_OVER_TIJD",
           "geo.agenda.AGENDA_MAX_PUNTEN")),
    # --- Convenant: Platform HKD en uitstroom -----------------------------------------------------------------
    Regel("wachttijd_norm", f"Van afgifte urgentie tot aanbod woning hoogstens {_n(aanbod.WACHTTIJD_NORM_MAANDEN)} "
          "maanden.", "convenant", "Plan van aanpak wonen en zorg 2030", "geo/aanbod.py: WACHTTIJD_NORM_MAANDEN",
          ("geo.aanbod.WACHTTIJD_NORM_MAANDEN",)),
    Regel("directe_bemiddeling_2024", f"Vanaf {aanbod.ALLEEN_DIRECTE_BEMIDDELING_VANAF} stroomt zelfstandig wonen uitsluitend uit via directe "
          "bemiddeling (geen reguliere urgentie meer).", "convenant", "Plan van aanpak wonen en zorg 2030",
          "geo/aanbod.py: ALLEEN_DIRECTE_BEMIDDELING_VANAF", ("geo.aanbod.ALLEEN_DIRECTE_BEMIDDELING_VANAF",)),
    Regel("ijkpunt_25", f"Ijkpunt: hoogstens {aanbod.IJKPUNT_AANDEEL_VRIJKOMEND:.0%} van de vrijkomende "
          "corporatiewoningen voor uitstroom (prognose 2023: 4.900 vrijkomende betaalbare sociale huurwoningen).",
          "convenant", "Zelfstandig wonen", "geo/aanbod.py: IJKPUNT_AANDEEL_VRIJKOMEND, VRIJKOMENDE_WONINGEN",
          ("geo.aanbod.IJKPUNT_AANDEEL_VRIJKOMEND", "geo.aanbod.VRIJKOMENDE_WONINGEN")),
    Regel("doelen", "Doelen 2023-2030: beschermd wonen ongeveer 1.100 plaatsen, doorstroom ongeveer 900, "
          "zelfstandig wonen van 900 naar 1.235 woningen in 2030, Wonen eerst 50 woningen per jaar.", "convenant",
          "Plan van aanpak wonen en zorg 2030", "data/demo_platform.py: doelen; Platform > doelen"),
    Regel("woonvorm_termijnen", "Termijnen per woonvorm: " + "; ".join(
          f"{WOONVORM_NAMEN[c]}: {t.tekst[0].lower()}{t.tekst[1:]}" for c, t in WOONVORM_TERMIJNEN.items()) + ".",
          "convenant", "Wonen en zorg in Rotterdam; Uitstroom kwetsbare Rotterdammers (huurzorgovereenkomst)",
          "core/domain.py: WOONVORM_TERMIJNEN", ("core.domain.WOONVORM_TERMIJNEN",)),
    Regel("gezamenlijk_traject", "Een nieuw initiatief doorloopt het stappenplan (het gezamenlijke traject), "
          "behalve zelfstandig wonen; alleen voor beschermd wonen en opvang besluit het college apart; is de "
          "voorziening deel van een gebiedsontwikkeling of sloop/nieuwbouw, dan is de ruimtelijke procedure leidend.",
          "convenant", "Scope van het convenant", "core/domain.py: ZONDER_GEZAMENLIJK_TRAJECT, "
          "COLLEGEBESLUIT_WOONVORMEN, OVERGANGEN; hkd.woonvormen_zonder_traject (migratie 490)",
          ("core.domain.ZONDER_GEZAMENLIJK_TRAJECT", "core.domain.COLLEGEBESLUIT_WOONVORMEN")),
    Regel("spreiding_klassen", "Spreiding van plaatsen per gebied ten opzichte van de stad: geen plaatsen, minder "
          "dan de helft, half tot even veel, tot twee keer, meer dan twee keer.", "hkd", "Platform HKD, spreiding",
          "geo/spreiding.py: KLASSEN_TOV_STAD", ("geo.spreiding.KLASSEN_TOV_STAD",)),
    # --- Kaarten: de drie lagen en de openbaarmaking ----------------------------------------------------------------
    Regel("kaartlagen", "Drie kaarten: een openbare kaart per postcodegebied met beperkte informatie, een kaart voor "
          "zorgaanbieders per postcodegebied met uitgebreide informatie en een kaart voor de draagkrachtscan op "
          "adresniveau.", "convenant", "Het dashboard (drie versies of lagen)", "queries/lagen.py; de rollen in de "
          "database (docs/database-rollen.md)"),
    Regel("openbaarmaking_pc4", f"Per postcodegebied: plaatsen alleen bij minstens {_DR.min_voorzieningen} "
          f"voorzieningen van dezelfde soort, afgerond op {_DR.afronding}-tallen; vertrouwelijke woonvormen alleen "
          f"voor {disclosure.NIVEAUS[_DR.vertrouwelijk_niveau]}.", "hkd", "uitwerking van 'beperkte informatie' "
          "(convenant, Het dashboard) en de AVG", "hkd.openbaarmaking (tabel in de database, migratie 020); "
          "geo/disclosure.py: DisclosureRule", ("geo.disclosure.DisclosureRule.min_voorzieningen",
                                                "geo.disclosure.DisclosureRule.afronding",
                                                "geo.disclosure.DisclosureRule.vertrouwelijk_niveau")),
    # --- Draagkrachtscan ------------------------------------------------------------------------------------------
    Regel("scan_normen", "Normen van de draagkrachtscan (groen, oranje, rood per criterium), ringen "
          f"{_lijst(scan_norms.DEFAULT_RINGEN)} m en normring {scan_norms.ScanConfig().normring} m.", "hkd",
          "draagkrachtscan (het convenant noemt de scan, geen normen)", "HKD_SCAN_NORMEN (zie README); "
          "geo/scan_norms.py: DEFAULT_NORMEN", ("geo.scan_norms.DEFAULT_NORMEN", "geo.rings.DEFAULT_RINGEN")),
    Regel("scan_veerkracht", "In de scan telt klasse 1 van Kaart 4-8 als rood; klasse 2, 3 en 5 als oranje; de "
          "rest als groen.", "hkd", "draagkrachtscan", "geo/scan_norms.py: VEERKRACHT_NIVEAU",
          ("geo.scan_norms.VEERKRACHT_NIVEAU",)),
)

REGEL: dict[str, Regel] = {r.code: r for r in REGELS}

FIGUUR_REGELS: dict[str, tuple[str, ...]] = {
    "3-1": ("eigendom_typen",), "3-2": ("corporatie_klassen",), "3-x": ("figuur_3_tegen_nl", "eigendom_typen",
                                                                      "corporatie_klassen"),
    "4-1": ("kaart_4_1_dominant",), "4-3": ("kaart_4_3_banden",), "4-4": ("kaart_4_4_klassen",),
    "4-4b": ("cirkel_directe_bemiddeling",), "4-5": ("kaart_4_5_definitie", "kaart_4_5_drempels"),
    "4-6": ("kaart_4_6_referentie", "kaart_4_6_banden"), "4-7": ("kaart_4_7_klassen",),
    "4-8": ("kaart_4_8_klassen", "kaart_4_8_extra_klassen", "kaart_4_8_drempels"),
    "4-1t": ("kaart_4_3_banden", "tabel_4_1"), "4-2t": ("kaart_4_8_klassen", "tabel_4_2_4_3", "vierkant_code"),
    "4-3t": ("kaart_4_8_klassen", "tabel_4_2_4_3", "vierkant_code"),
    "raster": ("raster_100m", "vierkant_code", "min_waarnemingen"),
}
"""Which rules each map, chart and table of Wijktrends applies (keys as in :func:`geo.kaarten4.uitleg`)."""


def zin(*codes: str) -> str:
    """The origin of one or more rules as one Dutch sentence for under a map, table or chart.

    For example ``zin("kaart_4_6_referentie", "kaart_4_6_banden")`` says that Kaart 4-6 judges overlast against the
    Rotterdam mean as the report does, and that its bands in standard deviations are a choice of HKD Kaart.
    """
    delen = [f"{REGEL[c].herkomst} ({_kort(REGEL[c].omschrijving)})" for c in codes]
    return "Herkomst van de regel: " + "; ".join(delen) + "."


def herkomst_zin(*codes: str) -> str:
    """The origin of rules whose values the page states itself (configurable norms): source and place, no values.

    >>> herkomst_zin("afhandel_norm")
    "Herkomst: keuze HKD Kaart, uitwerking van 'binnen korte tijd naar tevredenheid afgehandeld' (convenant, fase 1)."
    """
    return "Herkomst: " + "; ".join(dict.fromkeys(REGEL[c].herkomst for c in codes)) + "."


def _kort(tekst: str) -> str:
    return (tekst[0].lower() + tekst[1:]).rstrip(".")


def markdown() -> str:
    """``docs/regels.md``: the register as a table per origin."""
    uit = ["# Regels en hun herkomst", "",
           "Generated from `geo/herkomst.py` (a test keeps this page equal to the register; regenerate with",
           "`.venv/bin/python -c \"from geo.herkomst import markdown; print(markdown(), end='')\" > docs/regels.md`).",
           "Every threshold, class, norm and rhythm a page applies, with where it comes from and where it is set.",
           ""]
    for bron, naam in BRONNEN.items():
        regels = [r for r in REGELS if r.bron == bron]
        if not regels:
            continue
        uit += [f"## {naam}", "", "| code | regel | waar in de bron | waar ingesteld |", "|---|---|---|---|"]
        uit += [f"| `{r.code}` | {r.omschrijving} | {r.verwijzing} | {r.waar_ingesteld} |" for r in regels]
        uit.append("")
    return "\n".join(uit)


# --- Sources of the numbers ------------------------------------------------------------------------------------------
DEMO_LABEL = "demo, fictitief"
"""The visible mark on every figure built from demo data."""


@dataclass(frozen=True)
class Bron:
    """Where the numbers of a table come from: dataset, years and publisher; demo data marked.

    The source line under a map (:func:`tekst` of a tuple of these) and the ``Bron`` column of every CSV download
    (:func:`reports.veilig.csv_bytes`) are written from the same objects.

    >>> Bron("locatieregister", "gemeente Rotterdam", "2026").tekst
    'locatieregister, 2026, gemeente Rotterdam'
    >>> Bron("locatieregister", "gemeente Rotterdam", uit_demo=True).als_demo(True).tekst
    'demo, fictitief (locatieregister, gemeente Rotterdam)'
    """

    dataset: str
    uitgever: str = ""
    jaren: str = ""
    uit_demo: bool = False
    """Whether the demo fills this dataset when it is loaded (the register, meldingen, the Platform's series)."""
    demo: bool = False

    @property
    def tekst(self) -> str:
        """The source in words, demo data marked."""
        tekst = ", ".join(d for d in (self.dataset, self.jaren, self.uitgever) if d)
        return f"{DEMO_LABEL} ({tekst})" if self.demo else tekst

    def als_demo(self, demo_geladen: bool) -> Bron:
        """This source as it stands: demo when the demo is loaded and fills this dataset."""
        return replace(self, demo=self.demo or (demo_geladen and self.uit_demo))


def bronnen_tekst(bronnen: Bron | tuple[Bron, ...]) -> str:
    """One or more sources as one text (``;`` between them)."""
    return "; ".join(b.tekst for b in ((bronnen,) if isinstance(bronnen, Bron) else bronnen))


def is_demo(bron: str) -> bool:
    """Whether a source text names demo data (the demo writes its sources as "Demo ..." or "Demo: ...")."""
    return bron.strip().lower().startswith("demo")


def noemt_demo(bron: str) -> bool:
    """Whether a source text names demo data anywhere, also behind a label or in a list of sources.

    >>> noemt_demo("Uitstroommonitor: Demo, gevormd naar de HKD uitstroommonitor")
    True
    >>> noemt_demo("Inwoners per buurt: CBS Kerncijfers; Demo (gevormd naar Veerkracht)")
    True
    >>> noemt_demo("Locatieregister")
    False
    """
    delen = [d for stuk in bron.split("; ") for d in stuk.split(": ")]
    return any(is_demo(d) for d in delen)


def jaren_tekst(jaren: tuple[int, ...] | list[int]) -> str:
    """The years of a series in short: "2018", "2012-2024" (first and last), "" without years."""
    jaren = sorted(jaren)
    if not jaren:
        return ""
    return str(jaren[0]) if len(jaren) == 1 else f"{jaren[0]}-{jaren[-1]}"


def bron_zin(naam: str, bron: str, jaren: tuple[int, ...] | list[int]) -> str:
    """One indicator's source in words: name, dataset/publisher, years, and the demo mark where it applies.

    >>> bron_zin("Kwetsbare groepen", "Demo (gevormd naar Veerkracht in Rotterdam)", (2012, 2014, 2018))
    'Kwetsbare groepen: demo, fictitief (Demo (gevormd naar Veerkracht in Rotterdam)), 2012-2018'
    >>> bron_zin("Overlast", "Leefbaarometer 3.0, BZK", (2020,))
    'Overlast: Leefbaarometer 3.0, BZK, 2020'
    """
    tekst = bron.strip() or "bron niet vastgelegd"
    if is_demo(tekst):
        tekst = f"{DEMO_LABEL} ({tekst})"
    jaar = jaren_tekst(jaren)
    return f"{naam}: {tekst}" + (f", {jaar}" if jaar else "")

"""Every tabular file format HKD Kaart reads, declared once (the engine is :mod:`data.importeur`).

``docs/importeren.md`` shows these tables; ``tests/geo/test_formaten.py`` fails when the two disagree
(:func:`tabel_markdown` writes the table of one format).
"""

from __future__ import annotations

from dataclasses import replace

from core import indicatoren as ic
from core.domain import MELDING_AFHANDELING, MELDING_BRONNEN, MELDING_CATEGORIEEN
from geo.kolommen import (
    AANTAL,
    CODE,
    DATUM,
    GELD,
    JA_NEE,
    JAAR_BEREIK,
    KEUZE,
    KWARTAAL,
    RATIO,
    TEKST,
    TIJDSTIP,
    Formaat,
    Kolom,
    keuzes_van,
)

HERKOMST_KOLOM = "Bron"
"""The column every CSV download ends with (where its numbers come from, :func:`reports.veilig.csv_bytes`). The
import engine skips it without a word in a format that does not declare a column of that name itself, so a
download loads back unchanged."""
GEBIED_CODE = r"[A-Za-z0-9_-]{1,40}"
LOCATIE_CODE = r"[A-Za-z0-9_-]{1,40}"
NIVEAUS = {"gemeente": "gemeente", "gebied": "gebied", "wijk": "gebied", "buurt": "buurt",
           "wijkprofiel": "wijkprofiel", "pc4": "pc4"}
ALLE_CORPORATIES = ("alle", "totaal", "alle corporaties")

UITSTROOM = Formaat("uitstroom", "Uitstroommonitor", (
    Kolom("jaar", AANTAL, "jaartal", sleutel=True, bereik=(2000, 2100)),
    Kolom("kwartaal", KEUZE, "het kwartaal", verplicht=False, sleutel=True, keuzes=KWARTAAL),
    Kolom("corporatie", KEUZE, "woningcorporatie", verplicht=False, sleutel=True, bron_keuzes="corporaties"),
    Kolom("uitstromers", AANTAL, "aantal", bereik=(0, 1_000_000)),
    Kolom("directe_bemiddeling", AANTAL, "aantal", aliassen=("directe bemiddeling",), bereik=(0, 1_000_000)),
    Kolom("reguliere_urgentie", AANTAL, "aantal", aliassen=("reguliere urgentie",), bereik=(0, 1_000_000)),
    Kolom("wachttijd_maanden", RATIO, "maanden", aliassen=("wachttijd",), verplicht=False, bereik=(0, 60)),
    Kolom("bron", TEKST, "bronvermelding", verplicht=False, max_tekens=200),
), max_regels=10_000, sleutel_uitleg="a period of one corporation (or all) appears once; a "
                                    "re-load replaces that period's figures")

CORPORATIEBEZIT = Formaat("corporatiebezit", "Corporatiebezit", (
    Kolom("jaar", AANTAL, "jaartal", sleutel=True, bereik=JAAR_BEREIK),
    Kolom("gebied_code", CODE, "gebiedscode", aliassen=("gebiedscode", "code"), sleutel=True, patroon=GEBIED_CODE),
    Kolom("corporatie", KEUZE, "woningcorporatie", sleutel=True, bron_keuzes="corporaties"),
    Kolom("woningen", AANTAL, "aantal", bereik=(0, 1_000_000)),
    Kolom("niveau", KEUZE, "het niveau", verplicht=False, sleutel=True, keuzes=NIVEAUS),
    Kolom("bron", TEKST, "bronvermelding", verplicht=False, max_tekens=200),
), sleutel_uitleg="year, area and corporation appear once; a re-load replaces the number")

MELDINGEN = Formaat("meldingen", "Meldingen", (
    Kolom("locatie", CODE, "locatiecode", aliassen=("locatiecode",), sleutel=True, patroon=LOCATIE_CODE),
    Kolom("ontvangen_op", TIJDSTIP, "datum en tijd", aliassen=("ontvangen", "datum"), sleutel=True),
    Kolom("bron", KEUZE, "bron", sleutel=True, keuzes=keuzes_van(MELDING_BRONNEN)),
    Kolom("categorie", KEUZE, "categorie", sleutel=True, keuzes=keuzes_van(MELDING_CATEGORIEEN)),
    Kolom("omschrijving", TEKST, "omschrijving", sleutel=True, max_tekens=300, vrij=True),
    Kolom("afgehandeld_op", TIJDSTIP, "datum en tijd", aliassen=("afgehandeld",), verplicht=False),
    Kolom("afhandeling", KEUZE, "afhandeling", verplicht=False, keuzes=keuzes_van(MELDING_AFHANDELING)),
    Kolom("tevreden", KEUZE, "het antwoord (ja of nee)", aliassen=("melder tevreden", "melder_tevreden"), verplicht=False,
          keuzes=JA_NEE),
), sleutel_uitleg="a melding with the same location, receipt, source, category and description is the same "
                  "melding: a re-load adds nothing, an overlapping file only what is new")

LOCATIES = Formaat("locaties", "Locatieregister", (
    Kolom("code", CODE, "locatiecode (letters, cijfers, - en _)", sleutel=True, patroon=r"[A-Za-z0-9_-]{1,40}"),
    Kolom("naam", TEKST, "naam", max_tekens=200),
    Kolom("aanbieder", KEUZE, "aanbieder", bron_keuzes="aanbieders"),
    Kolom("woonvorm", KEUZE, "woonvorm", bron_keuzes="woonvormen"),
    Kolom("doelgroep", TEKST, "doelgroep", max_tekens=200),
    Kolom("plaatsen", AANTAL, "aantal", bereik=(0, 100_000)),
    Kolom("straat", TEKST, "straat", max_tekens=200),
    Kolom("huisnummer", CODE, "het huisnummer (bijv. 12, 12A, 12-3)",
          patroon=r"[1-9][0-9]{0,4}[A-Za-z]?(-[A-Za-z0-9]{1,4})?"),
    Kolom("postcode", CODE, "postcode (1234 AB)", patroon=r"[1-9][0-9]{3} ?[A-Za-z]{2}"),
    Kolom("plaats", TEKST, "plaats", verplicht=False, max_tekens=100),
    Kolom("x", RATIO, "RD x", verplicht=False, bereik=(0, 300_000),
          bereik_uitleg="(buiten het RD-bereik van Nederland; x en y of lat en lon verwisseld?)"),
    Kolom("y", RATIO, "RD y", verplicht=False, bereik=(289_000, 629_000),
          bereik_uitleg="(buiten het RD-bereik van Nederland; x en y of lat en lon verwisseld?)"),
    Kolom("lat", RATIO, "WGS84", verplicht=False, bereik=(50.5, 53.7),
          bereik_uitleg="(buiten Nederland; lat en lon verwisseld?)"),
    Kolom("lon", RATIO, "WGS84", verplicht=False, bereik=(3.2, 7.3),
          bereik_uitleg="(buiten Nederland; lat en lon verwisseld?)"),
), max_regels=10_000, sleutel_uitleg="a location code appears once; a re-import updates the location with that "
                                    "code, an unchanged file changes nothing")

# --- Indicator files (hkd load indicatoren FORMAAT): every value column is an indicator of the catalogue ----------
def indicator_kolom(code: str, naam: str | None = None, aliassen: tuple[str, ...] = (),
                    verplicht: bool = False) -> Kolom:
    """The column of indicator ``code`` (type and range from :mod:`core.indicatoren`); CBS secrecy codes and
    empty cells are skipped and counted."""
    i = ic.CATALOGUS[code]
    percentage = i.bereik == ic.PCT
    uitleg = ("(geen percentage)" if percentage else "(een aantal is nooit negatief)" if i.soort == ic.AANTAL
              else f"(eenheid: {i.eenheid})")
    return Kolom(naam or code, AANTAL if i.soort == ic.AANTAL else RATIO, i.eenheid, aliassen=aliassen,
                 verplicht=verplicht, bereik=i.bereik, geheim=True, bereik_uitleg=uitleg)


INDICATOR_NIVEAUS = {"gemeente": "gemeente", "gebied": "gebied", "wijk": "gebied", "buurt": "buurt",
                     "wijkprofiel": "wijkprofiel", "pc4": "pc4", "vierkant": "vierkant"}
"""The levels of indicator files; ``vierkant`` is a CBS 100 m square (code as in :mod:`geo.vierkanten`)."""
JAAR = Kolom("jaar", AANTAL, "jaartal", aliassen=("year",), sleutel=True, bereik=JAAR_BEREIK)
GEBIEDSNAAM = Kolom("gebiedsnaam", TEKST, "gebiedsnaam", aliassen=("name", "naam", "bu_naam", "wk_naam", "gm_naam"),
                    verplicht=False, max_tekens=200)
WAARNEMINGEN = Kolom("waarnemingen", AANTAL, "aantal waarnemingen",
                     aliassen=("n", "aantal_waarnemingen", "aantal waarnemingen", "observaties"), verplicht=False,
                     bereik=(0, 1e9), bereik_uitleg="(een aantal is nooit negatief)")

GENERIEK = Formaat("generiek", "Indicatoren (generiek)", (
    Kolom("niveau", KEUZE, "het niveau", verplicht=False, sleutel=True,
          keuzes={v: v for v in INDICATOR_NIVEAUS.values()}),
    Kolom("gebied_code", CODE, "gebiedscode", aliassen=("gebiedscode",), sleutel=True, patroon=GEBIED_CODE),
    JAAR,
    Kolom("indicator", KEUZE, "indicator", sleutel=True, bron_keuzes="indicatorcatalogus"),
    Kolom("waarde", RATIO, "waarde (type en bereik volgen de indicator)", geheim=True),
    WAARNEMINGEN,
    Kolom("bron", TEKST, "bronvermelding", verplicht=False, max_tekens=200),
), max_regels=1_000_000, sleutel_uitleg="an area, year and indicator appear once; a re-load stores only what is new "
                                        "or changed and says how many values it skipped")

LBM_SCORES = {"lbm": "lbm_totaal", "fys": "lbm_fysieke_omgeving", "won": "lbm_woningvoorraad",
              "vrz": "lbm_voorzieningen", "soc": "lbm_sociale_samenhang", "onv": "overlast_onveiligheid"}
LBM_CODES = {"bu_code": "buurt", "pc4": "pc4", "wk_code": "gebied", "gm_code": "gemeente"}
LEEFBAAROMETER = Formaat("leefbaarometer", "Leefbaarometer 3.0", (
    Kolom("bu_code", CODE, "buurtcode", verplicht=False, sleutel=True, patroon=GEBIED_CODE),
    Kolom("pc4", CODE, "postcode (vier cijfers)", aliassen=("postcode4",), verplicht=False, sleutel=True,
          patroon=r"[1-9][0-9]{3}"),
    Kolom("wk_code", CODE, "wijkcode", verplicht=False, sleutel=True, patroon=GEBIED_CODE),
    Kolom("gm_code", CODE, "gemeentecode", verplicht=False, sleutel=True, patroon=GEBIED_CODE),
    JAAR,
    GEBIEDSNAAM,
    *(indicator_kolom(ind, kol, verplicht=True) for kol, ind in LBM_SCORES.items()),
    *(indicator_kolom(f"{ind}_klasse", f"kl_{kol}") for kol, ind in LBM_SCORES.items()),
), max_regels=1_000_000, sleutel_uitleg="an area and year appear once (the most detailed code column present: "
                                        "bu_code, pc4, wk_code, gm_code)")

WP_INDICES = {"veiligheid_index": "wijkprofiel_veiligheid", "sociaal_index": "wijkprofiel_sociaal",
              "fysiek_index": "wijkprofiel_fysiek"}
WIJKPROFIEL = Formaat("wijkprofiel", "Wijkprofiel Rotterdam", (
    Kolom("geo_key", CODE, "Wijkprofiel-gebiedscode", aliassen=("wijk_code", "code"), sleutel=True,
          patroon=GEBIED_CODE),
    Kolom("wp_slug", CODE, "Wijkprofiel-wijk", verplicht=False, sleutel=True, patroon=GEBIED_CODE),
    JAAR,
    GEBIEDSNAAM,
    *(indicator_kolom(ind, kol) for kol, ind in WP_INDICES.items()),
), max_regels=100_000, sleutel_uitleg="a Wijkprofiel wijk and year appear once; wijken on one area code are "
                                      "averaged")

CBS_KOLOMMEN: dict[str, tuple[str, ...]] = {c: i.kolommen for c, i in ic.CATALOGUS.items() if i.bron == ic.CBS_KWB}
"""The CBS Kerncijfers columns read: every CBS indicator of the catalogue, under its code and its CBS names."""
CBS = Formaat("cbs", "CBS Kerncijfers wijken en buurten", (
    Kolom("code", CODE, "gebiedscode", aliassen=("gwb_code", "geo_key", "gwb_code_10", "crs28992res100m"),
          sleutel=True, patroon=GEBIED_CODE),
    Kolom("niveau", KEUZE, "het niveau", aliassen=("level", "recs"), verplicht=False, sleutel=True,
          keuzes={k: v for k, v in INDICATOR_NIVEAUS.items() if k != "pc4"}),
    JAAR,
    GEBIEDSNAAM,
    *(indicator_kolom(ind, aliassen=aliassen) for ind, aliassen in CBS_KOLOMMEN.items()),
), max_regels=1_000_000, sleutel_uitleg="an area and year appear once; blank and CBS-secret cells are skipped "
                                        "and counted")

INDICATOR_KEUZES = {"indicatorcatalogus": keuzes_van({c: i.label for c, i in ic.CATALOGUS.items()})}
"""The generic format's indicator column: code or label of the catalogue (hkd.indicator_definities holds the same)."""
INDICATOR_FORMATEN = {f.naam: f for f in (GENERIEK, LEEFBAAROMETER, WIJKPROFIEL, CBS)}

GRENZEN = Formaat("grenzen", "Grenzen", (
    Kolom("code", CODE, "gebiedscode", sleutel=True, patroon=GEBIED_CODE),
    Kolom("name", TEKST, "gebiedsnaam", aliassen=("naam",), max_tekens=200),
    Kolom("parent_code", CODE, "bovenliggende gebiedscode", aliassen=("parent",), verplicht=False,
          patroon=GEBIED_CODE),
    Kolom("year", AANTAL, "jaartal", aliassen=("jaar",), verplicht=False, bereik=JAAR_BEREIK),
), max_regels=50_000, sleutel_uitleg="the attribute table of a boundary file (GeoJSON, GeoPackage, Shapefile; "
                                     "`--code-kolom`, `--naam-kolom`, `--parent-kolom` name other columns): a code "
                                     "appears once; a load replaces its level, the previous set is kept with its year")

FORMATEN = {f.naam: f for f in (UITSTROOM, CORPORATIEBEZIT, MELDINGEN, LOCATIES, GRENZEN, *INDICATOR_FORMATEN.values())}


def met_kolomnamen(formaat: Formaat, namen: dict[str, str | None]) -> Formaat:
    """``formaat`` with some columns under the header names a user gave (``{declared name: header name}``): such a
    column then goes by that name only, in the file and in messages."""
    def hernoemd(k: Kolom) -> Kolom:
        kop = (namen.get(k.naam) or "").strip().lower()
        return replace(k, naam=kop, aliassen=()) if kop and kop not in k.namen else k
    return replace(formaat, kolommen=tuple(hernoemd(k) for k in formaat.kolommen))


def vervang_tabellen(tekst: str) -> str:
    """``tekst`` (``docs/importeren.md``) with every ``<!-- formaat:NAAM -->`` block replaced by its table."""
    for naam, formaat in FORMATEN.items():
        begin, eind = f"<!-- formaat:{naam} -->", f"<!-- /formaat:{naam} -->"
        if begin in tekst and eind in tekst:
            voor, rest = tekst.split(begin, 1)
            _, na = rest.split(eind, 1)
            tekst = f"{voor}{begin}\n{tabel_markdown(formaat)}\n\n{formaat.sleutel_uitleg_zin}\n{eind}{na}"
    return tekst


SOORT_DOCS = {CODE: "code", AANTAL: "count", RATIO: "number", GELD: "amount", DATUM: "date", TIJDSTIP: "date-time",
              KEUZE: "choice", TEKST: "text"}


def tabel_markdown(formaat: Formaat) -> str:
    """The table of one format as it stands in ``docs/importeren.md``."""
    regels = ["| column | also as | required | type | key | allowed |", "|---|---|---|---|---|---|"]
    for k in formaat.kolommen:
        if k.keuzes is not None:
            toegestaan = ", ".join(f"`{c}`" for c in sorted(set(k.keuzes.values())))
        elif k.bron_keuzes:
            toegestaan = f"code or name known in the database ({k.bron_keuzes})"
        elif k.patroon:
            toegestaan = f"`{k.patroon}`"
        elif k.soort == TEKST:
            toegestaan = f"up to {k.max_tekens} characters" + (", no personal data" if k.vrij else "")
        else:
            toegestaan = ""
        if k.bereik:
            laag, hoog = ("" if b is None else f"{b:g}" for b in k.bereik)
            toegestaan = f"{laag} to {hoog}" if hoog else f"{laag} or more"
        ook = ", ".join(f"`{a}`" for a in k.aliassen)
        regels.append(f"| `{k.naam}` | {ook} | {'yes' if k.verplicht else 'no'} | {SOORT_DOCS[k.soort]} | "
                      f"{'yes' if k.sleutel else ''} | {toegestaan} |")
    return "\n".join(regels)

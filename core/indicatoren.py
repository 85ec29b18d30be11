"""The one indicator catalogue: every indicator HKD Kaart stores in ``hkd.indicatoren``, declared once. Pure data.

Per indicator its code (as stored), Dutch label, unit, direction (is a higher value better, worse, or neither),
whether it is a count or a ratio (decides how ``3.455`` is read), its valid range, its disclosure rule (the minimum
number of observations, where the observations come from, the CBS buurt rule) and its source (dataset, publisher).

Everything that needs to know an indicator reads it here: the importers (:mod:`geo.formaten` builds the columns of
the indicator formats from it), the database (``hkd.indicator_definities`` is filled from it on every migrate, and
``publiek.indicator_waarden`` applies its disclosure rule per indicator), Wijktrends (labels, which indicators are
series, which are counts), the Kaart 4-8 classification and the draagkrachtscan (direction), the meldingen
voor/nameting and the demo (a test checks that every demo indicator is declared).

Disclosure (seed 002, footnote 6): "Indicatoren waarvoor minder dan 10 waarnemingen beschikbaar waren zijn buiten
beschouwing gelaten. Voor inkomensgegevens is een ondergrens van 100 waarnemingen gehanteerd." Income indicators
carry ``min_waarnemingen = 100``; every other indicator 10. The observations of a value are given by the file
(a ``waarnemingen`` column), or derived: ``ZELF`` (a count of persons is its own number of observations) or
``INWONERS`` (a share of the inhabitants: inhabitants x share / 100).

Adding an indicator: one :class:`Indicator` line in :data:`CATALOGUS` (and, if a file format names it in its own
column, that column in :mod:`geo.formaten`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

AANTAL = "aantal"
RATIO = "ratio"

ZELF = "zelf"          # the value is a count of persons: its own number of observations
INWONERS = "inwoners"  # a percentage of the inhabitants: inhabitants x value / 100 observations

MIN_WAARNEMINGEN = 10           # footnote 6: fewer than 10 observations are never shown
MIN_WAARNEMINGEN_INKOMEN = 100  # footnote 6: at least 100 observations for income data


@dataclass(frozen=True)
class Bron:
    """Where an indicator comes from: the dataset and who publishes it."""

    dataset: str
    uitgever: str


CBS_KWB = Bron("Kerncijfers wijken en buurten", "CBS")
LEEFBAAROMETER = Bron("Leefbaarometer 3.0", "ministerie van BZK")
WIJKPROFIEL = Bron("Wijkprofiel Rotterdam", "gemeente Rotterdam, OBI")
VEERKRACHT = Bron("Veerkracht in Rotterdam (2012-2018), CBS-microdata",
                  "In.Fact.Research en Circusvis, voor gemeente en corporaties")
UITSTROOM = Bron("Uitstroommonitor HKD (directe bemiddeling)", "gemeente Rotterdam")
BAG = Bron("Basisregistratie Adressen en Gebouwen", "Kadaster")
AFGELEID = Bron("Afgeleid uit de Kerncijfers (woningbezit per eigendom)", "HKD Kaart")


@dataclass(frozen=True)
class Indicator:
    """One indicator.

    ``hoger_beter``: ``True`` a higher value is better for the neighbourhood, ``False`` worse, ``None`` neither (a
    population, a code). ``reeks``: a measurement to chart, map and classify (``False`` for denominators and codes).
    ``cbs_buurtregel``: a percentage withheld for a buurt with fewer than the configured number of inhabitants.
    ``kolommen``: other names of its column in its source's files (CBS Kerncijfers: ``aant_inw``, ``p_huurw``);
    every indicator of :data:`CBS_KWB` is a column of the ``cbs`` file format under its code and these names.
    """

    code: str
    label: str
    eenheid: str
    hoger_beter: bool | None
    soort: str
    bereik: tuple[float, float]
    bron: Bron
    min_waarnemingen: int = MIN_WAARNEMINGEN
    waarnemingen_uit: str | None = None
    cbs_buurtregel: bool = False
    reeks: bool = True
    kolommen: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.soort not in (AANTAL, RATIO):
            raise ValueError(f"{self.code}: unknown kind {self.soort!r}")
        if self.waarnemingen_uit not in (None, ZELF, INWONERS):
            raise ValueError(f"{self.code}: unknown observation source {self.waarnemingen_uit!r}")
        if self.waarnemingen_uit == ZELF and self.soort != AANTAL:
            raise ValueError(f"{self.code}: only a count is its own number of observations")
        if self.min_waarnemingen < MIN_WAARNEMINGEN:
            raise ValueError(f"{self.code}: fewer than {MIN_WAARNEMINGEN} observations are never shown")

    @property
    def inkomen(self) -> bool:
        """Whether this is income data (at least 100 observations, footnote 6)."""
        return self.min_waarnemingen >= MIN_WAARNEMINGEN_INKOMEN

    def waarnemingen(self, waarde: float, inwoners: float | None = None) -> int | None:
        """The number of observations behind ``waarde`` where it can be derived (``None``: unknown)."""
        if self.waarnemingen_uit == ZELF:
            return _afgerond(waarde)
        if self.waarnemingen_uit == INWONERS and inwoners is not None:
            return _afgerond(inwoners * waarde / 100)
        return None


def _afgerond(x: float) -> int:
    """Half away from zero for the non-negative counts here, as PostgreSQL's ``round`` (Python rounds half to even)."""
    return math.floor(x + 0.5)


PCT = (0.0, 100.0)
TELLING = (0.0, 1e8)
LBM_SCORE = (-10.0, 10.0)
LBM_KLASSE = (1.0, 9.0)
WP_INDEX = (0.0, 400.0)
_INK = MIN_WAARNEMINGEN_INKOMEN


def _lbm(code: str, label: str) -> tuple[Indicator, Indicator]:
    """A Leefbaarometer score and its class (1 = zeer onvoldoende ... 9 = uitstekend)."""
    return (Indicator(code, label, "score (0 = Nederlands gemiddelde)", True, RATIO, LBM_SCORE, LEEFBAAROMETER),
            Indicator(f"{code}_klasse", f"{label} (klasse)", "klasse 1-9", True, RATIO, LBM_KLASSE, LEEFBAAROMETER,
                      reeks=False))


_ALLE: tuple[Indicator, ...] = (
    # Veerkracht in Rotterdam: the index and its components (shares of the residents, CBS microdata)
    Indicator("kwetsbare_groepen", "Index kwetsbare groepen", "index (Rotterdam 2012 = 100)", False, RATIO,
              (0.0, 1000.0), VEERKRACHT),
    Indicator("laagste_inkomens", "Laagste inkomens (%)", "% van de inwoners", False, RATIO, PCT, VEERKRACHT,
              min_waarnemingen=_INK, waarnemingen_uit=INWONERS),
    Indicator("pct_bijstand", "Afhankelijk van bijstand (%)", "% van de inwoners", False, RATIO, PCT, VEERKRACHT,
              min_waarnemingen=_INK, waarnemingen_uit=INWONERS),
    Indicator("vluchtelingenlanden", "Afkomstig uit vluchtelingenlanden (%)", "% van de inwoners", False, RATIO, PCT,
              VEERKRACHT, waarnemingen_uit=INWONERS),
    Indicator("lvb", "Licht verstandelijke beperking (%)", "% van de inwoners", False, RATIO, PCT, VEERKRACHT,
              waarnemingen_uit=INWONERS),
    Indicator("psychiatrie", "Psychiatrische problematiek (%)", "% van de inwoners", False, RATIO, PCT, VEERKRACHT,
              waarnemingen_uit=INWONERS),
    Indicator("chronisch_meervoudig", "Meervoudig chronische aandoeningen (%)", "% van de inwoners", False, RATIO,
              PCT, VEERKRACHT, waarnemingen_uit=INWONERS),
    # Leefbaarometer: total score, five dimensions (and the dimension bewoners of the report), classes
    Indicator("overlast_onveiligheid", "Overlast en onveiligheid (Leefbaarometer)",
              "score (0 = Nederlands gemiddelde)", True, RATIO, LBM_SCORE, LEEFBAAROMETER),
    Indicator("overlast_onveiligheid_klasse", "Overlast en onveiligheid (Leefbaarometer, klasse)", "klasse 1-9",
              True, RATIO, LBM_KLASSE, LEEFBAAROMETER, reeks=False),
    *_lbm("lbm_totaal", "Leefbaarometer: totaalscore"),
    *_lbm("lbm_fysieke_omgeving", "Leefbaarometer: fysieke omgeving"),
    *_lbm("lbm_woningvoorraad", "Leefbaarometer: woningvoorraad"),
    *_lbm("lbm_voorzieningen", "Leefbaarometer: voorzieningen"),
    *_lbm("lbm_sociale_samenhang", "Leefbaarometer: sociale samenhang"),
    Indicator("lbm_bewoners", "Leefbaarometer: dimensie bewoners", "score (0 = Nederlands gemiddelde)", True, RATIO,
              LBM_SCORE, LEEFBAAROMETER),
    # Wijkprofiel Rotterdam
    Indicator("wijkprofiel_veiligheid", "Wijkprofiel: veiligheidsindex", "index (100 = Rotterdam 2014)", True, RATIO,
              WP_INDEX, WIJKPROFIEL),
    Indicator("wijkprofiel_sociaal", "Wijkprofiel: sociale index", "index (100 = Rotterdam 2014)", True, RATIO,
              WP_INDEX, WIJKPROFIEL),
    Indicator("wijkprofiel_fysiek", "Wijkprofiel: fysieke index", "index (100 = Rotterdam 2014)", True, RATIO,
              WP_INDEX, WIJKPROFIEL),
    # CBS Kerncijfers wijken en buurten
    Indicator("inwoners", "Inwoners", "inwoners", None, AANTAL, TELLING, CBS_KWB, reeks=False,
              kolommen=("aant_inw", "a_inw", "aantal_inwoners")),  # the last: CBS vierkantstatistieken
    Indicator("personen_bijstand", "Personen met bijstand", "personen", False, AANTAL, TELLING, CBS_KWB,
              min_waarnemingen=_INK, waarnemingen_uit=ZELF),
    Indicator("bijstandsuitkeringen", "Bijstandsuitkeringen", "uitkeringen", False, AANTAL, TELLING, CBS_KWB,
              min_waarnemingen=_INK, waarnemingen_uit=ZELF, kolommen=("wwb_uittot", "a_soz_wb")),
    Indicator("pct_bijstand_van_inwoners", "Bijstand (% van de inwoners)", "% van de inwoners", False, RATIO, PCT,
              CBS_KWB, min_waarnemingen=_INK, waarnemingen_uit=INWONERS, cbs_buurtregel=True),
    Indicator("pct_huurwoningen", "Huurwoningen (%)", "% van de woningen", None, RATIO, PCT, CBS_KWB,
              cbs_buurtregel=True, kolommen=("p_huurw",)),
    Indicator("aandeel_corporatie", "Aandeel corporatiebezit (%)", "% van de woningen", None, RATIO, PCT, CBS_KWB,
              cbs_buurtregel=True, kolommen=("pct_huurwoningen_corporatie", "p_wcorpw")),
    Indicator("pct_koopwoningen", "Koopwoningen (%)", "% van de woningen", None, RATIO, PCT, CBS_KWB,
              cbs_buurtregel=True, kolommen=("p_koopw",)),
    Indicator("gem_woz_x1000eur", "Gemiddelde WOZ-waarde (x 1.000 euro)", "x 1.000 euro", None, RATIO,
              (0.0, 100_000.0), CBS_KWB, kolommen=("g_woz",)),
    Indicator("gem_inkomen_per_inwoner_x1000eur", "Gemiddeld inkomen per inwoner (x 1.000 euro)", "x 1.000 euro",
              True, RATIO, (0.0, 10_000.0), CBS_KWB, min_waarnemingen=_INK, kolommen=("g_ink_pi",)),
    Indicator("pct_huishoudens_laag_inkomen", "Huishoudens met een laag inkomen (%)", "% van de huishoudens", False,
              RATIO, PCT, CBS_KWB, min_waarnemingen=_INK, cbs_buurtregel=True, kolommen=("p_ink_li",)),
    Indicator("pct_65_plus", "65 jaar en ouder (%)", "% van de inwoners", None, RATIO, PCT, CBS_KWB,
              waarnemingen_uit=INWONERS, cbs_buurtregel=True, kolommen=("p_65_eo_jr",)),
    Indicator("pct_eenpersoonshuishoudens", "Eenpersoonshuishoudens (%)", "% van de huishoudens", None, RATIO, PCT,
              CBS_KWB, cbs_buurtregel=True, kolommen=("p_eenp_hh",)),
    # Counts and codes behind other figures
    Indicator("adressen", "Adressen", "adressen", None, AANTAL, TELLING, BAG, reeks=False),
    Indicator("directe_bemiddeling", "Plaatsingen via directe bemiddeling", "plaatsingen", None, AANTAL, TELLING,
              UITSTROOM, waarnemingen_uit=ZELF, reeks=False),
    Indicator("dominant_eigendom", "Dominant eigendom", "code 1-4 (corporatiehuur, goedkope particuliere huur, "
              "overige particuliere huur, koop)", None, RATIO, (1.0, 4.0), AFGELEID, reeks=False),
)

CATALOGUS: dict[str, Indicator] = {i.code: i for i in _ALLE}
if len(CATALOGUS) != len(_ALLE):
    raise ValueError("an indicator code is declared twice")


def indicator(code: str) -> Indicator | None:
    """The declaration of ``code`` (``None``: not in the catalogue)."""
    return CATALOGUS.get(code)


def label(code: str) -> str:
    """The Dutch label of ``code``; an undeclared code (loaded before the catalogue existed) is made readable."""
    i = CATALOGUS.get(code)
    return i.label if i else code.replace("_", " ").capitalize()


def hoger_beter(code: str) -> bool:
    """Whether a higher value is better (an undeclared code or one without direction: ``True``, as a score)."""
    i = CATALOGUS.get(code)
    return True if i is None or i.hoger_beter is None else i.hoger_beter


def aantallen() -> frozenset[str]:
    """The indicators that are counts (spread over squares by area share, read ``2.000`` as 2000)."""
    return frozenset(c for c, i in CATALOGUS.items() if i.soort == AANTAL)


def geen_reeks() -> frozenset[str]:
    """The indicators that are no measurement to chart or classify (denominators, codes, classes)."""
    return frozenset(c for c, i in CATALOGUS.items() if not i.reeks)

"""Disclosure control for the public layer: which counts per postcode area (PC4) may be published.

The rule (defaults; the database holds the configured values in ``hkd.openbaarmaking`` and its public views in
schema ``publiek`` apply the very same rule, see migration 020):

1. Woonvormen marked confidential (``hkd.woonvormen.vertrouwelijk``, e.g. opvang) never appear per PC4: they are
   left out of every PC4 figure and published only for the whole gemeente (or per gebied, if so configured), and
   there only when at least ``min_voorzieningen`` facilities are counted.
2. Per PC4 and woonvorm the number of facilities is shown; the number of places only when the cell holds at least
   ``min_voorzieningen`` facilities, and then rounded to a multiple of ``afronding``.
3. The PC4 total of places follows the same threshold, and is also hidden when the woonvorm cells hidden under
   rule 2 together hold fewer than ``min_voorzieningen`` facilities (but more than none): otherwise the total minus
   the shown cells would reveal a hidden cell.

Comparable to CBS practice (suppress small subgroups, round small counts) and the Veerkracht analysis (drop
indicators with fewer than 10 observations). Never a point, an address or a location name: the public views
carry none of them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from core.indicatoren import CATALOGUS, MIN_WAARNEMINGEN, MIN_WAARNEMINGEN_INKOMEN

NIVEAUS = {"gemeente": "de hele gemeente", "gebied": "een gebied (CBS-wijk)"}


@dataclass(frozen=True)
class DisclosureRule:
    """The configurable thresholds of the public layer."""

    min_voorzieningen: int = 3
    afronding: int = 5
    vertrouwelijk_niveau: str = "gemeente"

    def __post_init__(self) -> None:
        if self.min_voorzieningen < 1 or self.afronding < 1:
            raise ValueError("drempel en afronding zijn minstens 1")
        if self.vertrouwelijk_niveau not in NIVEAUS:
            raise ValueError(f"onbekend niveau {self.vertrouwelijk_niveau!r}")

    def toelichting(self, vertrouwelijke_woonvormen: Iterable[str] = ("opvang",)) -> list[str]:
        """The rule in plain Dutch, one sentence per part (shown on the page and in the static map)."""
        k, r = self.min_voorzieningen, self.afronding
        namen = " en ".join(sorted(vertrouwelijke_woonvormen)) or "geen"
        return [
            "Adressen, precieze plekken en namen van voorzieningen staan nooit op deze kaart.",
            f"Het aantal plaatsen tonen we alleen als er in een postcodegebied minstens {k} voorzieningen van "
            f"dezelfde soort zijn, en dan afgerond op {r}-tallen.",
            f"Het totaal aantal plaatsen van een postcodegebied tonen we alleen bij minstens {k} voorzieningen, en "
            "niet als je daaruit een verborgen aantal zou kunnen terugrekenen.",
            f"Vertrouwelijke woonvormen ({namen}) tellen we nooit per postcodegebied, alleen voor "
            f"{NIVEAUS[self.vertrouwelijk_niveau]}, en alleen bij minstens {k} voorzieningen.",
        ]


@dataclass(frozen=True)
class RawCell:
    """Unprotected count of one woonvorm in one PC4 (never leaves the database layer of the app)."""

    pc4: str
    woonvorm: str
    voorzieningen: int
    plaatsen: int


@dataclass(frozen=True)
class PublicCell:
    """A publishable figure: ``plaatsen`` is ``None`` where it is hidden."""

    pc4: str
    woonvorm: str
    voorzieningen: int
    plaatsen: int | None


def afgerond(n: int, r: int) -> int:
    """Round a non-negative count to the nearest multiple of ``r`` (halves up), exactly as ``hkd.afgerond``."""
    return (2 * n + r) // (2 * r) * r


def publish_cells(cells: Iterable[RawCell], rule: DisclosureRule, vertrouwelijk: Iterable[str]) -> list[PublicCell]:
    """Rules 1 and 2: drop confidential woonvormen, hide or round places per PC4 and woonvorm."""
    secret = set(vertrouwelijk)
    out = []
    for c in cells:
        if c.woonvorm in secret:
            continue
        shown = c.voorzieningen >= rule.min_voorzieningen
        out.append(PublicCell(c.pc4, c.woonvorm, c.voorzieningen,
                              afgerond(c.plaatsen, rule.afronding) if shown else None))
    return sorted(out, key=lambda c: (c.pc4, c.woonvorm))


def publish_totals(
    cells: Iterable[RawCell], rule: DisclosureRule, vertrouwelijk: Iterable[str], pc4_codes: Iterable[str] = ()
) -> dict[str, tuple[int, int | None]]:
    """Rules 1 and 3: per PC4 ``(voorzieningen, plaatsen or None)``; every code of ``pc4_codes`` gets a row."""
    secret = set(vertrouwelijk)
    n: dict[str, int] = defaultdict(int)
    p: dict[str, int] = defaultdict(int)
    hidden: dict[str, int] = defaultdict(int)
    for c in cells:
        if c.woonvorm in secret:
            continue
        n[c.pc4] += c.voorzieningen
        p[c.pc4] += c.plaatsen
        if c.voorzieningen < rule.min_voorzieningen:
            hidden[c.pc4] += c.voorzieningen
    k = rule.min_voorzieningen
    out: dict[str, tuple[int, int | None]] = {code: (0, 0) for code in pc4_codes}
    for code, total in n.items():
        ok = total >= k and (hidden[code] == 0 or hidden[code] >= k)
        out[code] = (total, afgerond(p[code], rule.afronding) if ok else None)
    return dict(sorted(out.items()))


def violations(
    cells: Iterable[PublicCell], totals: dict[str, tuple[int, int | None]], rule: DisclosureRule,
    vertrouwelijk: Iterable[str],
) -> list[str]:
    """Every way in which published figures break the rule (empty when they comply). A guard before rendering."""
    secret = set(vertrouwelijk)
    k, r = rule.min_voorzieningen, rule.afronding
    problems = []
    hidden: dict[str, int] = defaultdict(int)
    for c in cells:
        if c.woonvorm in secret:
            problems.append(f"{c.pc4}: vertrouwelijke woonvorm {c.woonvorm} per postcodegebied")
        if c.plaatsen is not None and c.voorzieningen < k:
            problems.append(f"{c.pc4}/{c.woonvorm}: plaatsen getoond bij {c.voorzieningen} voorzieningen")
        if c.plaatsen is not None and c.plaatsen % r:
            problems.append(f"{c.pc4}/{c.woonvorm}: plaatsen niet afgerond op {r}")
        if c.voorzieningen < k:
            hidden[c.pc4] += c.voorzieningen
    for code, (n, p) in totals.items():
        if p is None or n == 0:
            continue
        if n < k:
            problems.append(f"{code}: totaal plaatsen getoond bij {n} voorzieningen")
        if 0 < hidden[code] < k:
            problems.append(f"{code}: totaal verraadt een verborgen aantal")
        if p % r:
            problems.append(f"{code}: totaal niet afgerond op {r}")
    return problems


def _int_or_none(value) -> int | None:
    if value is None or str(value) in ("<NA>", "nan", "NaT"):  # pandas NA/NaN: a hidden figure
        return None
    return int(value)


def controleer_kaart(pc4_woonvorm, pc4, rule: DisclosureRule, vertrouwelijk: Iterable[str]) -> list[str]:
    """Check published frames once more against the rule (see :func:`violations`).

    ``pc4_woonvorm`` has ``pc4, woonvorm, voorzieningen, plaatsen`` (NA = hidden); ``pc4`` has ``pc4,
    voorzieningen, plaatsen``, as the public views give them.
    """
    cellen = [PublicCell(r.pc4, r.woonvorm, int(r.voorzieningen), _int_or_none(r.plaatsen))
              for r in pc4_woonvorm.itertuples()]
    totalen = {r.pc4: (int(r.voorzieningen), _int_or_none(r.plaatsen)) for r in pc4.itertuples()}
    return violations(cellen, totalen, rule, vertrouwelijk)


@dataclass(frozen=True)
class IndicatorRule:
    """Disclosure of public indicators (enforced by ``publiek.indicator_waarden``, migrations 103, 183 and 400).

    A value based on fewer observations than its indicator's minimum is withheld: ``min_waarnemingen`` (10), or 100
    for income data (Veerkracht, seed 002 footnote 6; per indicator in :mod:`core.indicatoren`). Its observations are
    the stored count, else derived as the catalogue says (a count of persons is its own number; a share of the
    inhabitants is inhabitants x share / 100). A percentage of a CBS buurt with fewer than ``min_inwoners_buurt``
    inhabitants is withheld (CBS practice).
    """

    min_waarnemingen: int = MIN_WAARNEMINGEN
    min_inwoners_buurt: int = 50
    percentage_indicatoren: tuple[str, ...] = ("aandeel_corporatie",)

    def __post_init__(self) -> None:
        if self.min_waarnemingen < 1 or self.min_inwoners_buurt < 1:
            raise ValueError("drempels zijn minstens 1")

    def minimum(self, indicator: str) -> int:
        """The number of observations a value of ``indicator`` needs to be shown."""
        i = CATALOGUS.get(indicator)
        return max(self.min_waarnemingen, i.min_waarnemingen) if i else self.min_waarnemingen

    def achtergehouden(self, niveau: str, indicator: str, waarnemingen: int | None,
                       inwoners: float | None, waarde: float | None = None) -> str | None:
        """Why a value is withheld (the database's wording), or ``None`` when it may be shown."""
        i = CATALOGUS.get(indicator)
        if waarnemingen is None and i is not None and waarde is not None:
            waarnemingen = i.waarnemingen(waarde, inwoners)
        minimum = self.minimum(indicator)
        if waarnemingen is not None and waarnemingen < minimum:
            inkomen = " (inkomensgegevens)" if minimum > self.min_waarnemingen else ""
            return f"minder dan {minimum} waarnemingen{inkomen}"
        buurtregel = indicator in self.percentage_indicatoren or (i is not None and i.cbs_buurtregel)
        if niveau == "buurt" and buurtregel and inwoners is not None and inwoners < self.min_inwoners_buurt:
            return f"buurt met minder dan {self.min_inwoners_buurt} inwoners (CBS-regel)"
        return None

    def toelichting(self) -> list[str]:
        """The rule in plain Dutch, shown on the Wijktrends page."""
        return [
            f"Een waarde die op minder dan {self.min_waarnemingen} waarnemingen berust, tonen we niet; voor "
            f"inkomensgegevens (bijstand, laagste inkomens, inkomen) is de ondergrens {MIN_WAARNEMINGEN_INKOMEN} "
            "waarnemingen (Veerkracht in Rotterdam, voetnoot 6).",
            "Het aantal waarnemingen komt uit het bestand, of volgt uit de cijfers zelf: een aantal personen is zijn "
            "eigen aantal waarnemingen, een percentage van de inwoners telt inwoners maal percentage.",
            f"Percentages van een buurt met minder dan {self.min_inwoners_buurt} inwoners tonen we niet, zoals het "
            "CBS doet.",
            "Een niet getoonde waarde staat op de kaart als 'geen gegevens'; de tabel hieronder zegt waarom.",
        ]

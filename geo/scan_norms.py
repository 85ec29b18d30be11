"""Transparent norms of the draagkrachtscan: per criterion a stated green/amber/red rule, never one opaque score.

Every judgement carries its level as a word (``binnen de norm``, ``let op``, ``buiten de norm``) and the norm itself
in plain Dutch, so that the meaning never rests on colour alone. Defaults below; override them with a TOML file
(``HKD_SCAN_NORMEN``), see :func:`load_config`.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from core.indicatoren import hoger_beter
from geo.rings import DEFAULT_RINGEN

NIVEAU_LABEL = {"groen": "binnen de norm", "oranje": "let op", "rood": "buiten de norm", "onbekend": "geen gegevens"}
NIVEAU_SYMBOOL = {"groen": "✔", "oranje": "!", "rood": "✖", "onbekend": "?"}
NIVEAU_KLEUR = {  # Okabe-Ito: bluish green, orange, vermillion; grey for unknown
    "groen": (0, 158, 115), "oranje": (230, 159, 0), "rood": (213, 94, 0), "onbekend": (150, 150, 150),
}


def _fmt(v: float) -> str:
    return f"{v:g}".replace(".", ",")


@dataclass(frozen=True)
class Norm:
    """Green up to ``groen_tot``, amber up to ``oranje_tot``, red beyond (reversed when ``hoger_is_beter``)."""

    naam: str
    eenheid: str
    groen_tot: float
    oranje_tot: float
    hoger_is_beter: bool = False

    def __post_init__(self) -> None:
        ok = self.groen_tot >= self.oranje_tot if self.hoger_is_beter else self.groen_tot <= self.oranje_tot
        if not ok:
            raise ValueError(f"norm {self.naam!r}: grenzen in de verkeerde volgorde")

    def tekst(self) -> str:
        """The norm in words."""
        g, o, e = _fmt(self.groen_tot), _fmt(self.oranje_tot), self.eenheid
        if self.hoger_is_beter:
            return f"groen: {g} of meer; oranje: {o} tot {g}; rood: onder {o} ({e})"
        return f"groen: tot en met {g}; oranje: tot en met {o}; rood: meer dan {o} ({e})"

    def niveau(self, waarde: float | None) -> str:
        """``groen``, ``oranje``, ``rood`` or ``onbekend`` (no value)."""
        if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)):
            return "onbekend"
        if self.hoger_is_beter:
            return "groen" if waarde >= self.groen_tot else "oranje" if waarde >= self.oranje_tot else "rood"
        return "groen" if waarde <= self.groen_tot else "oranje" if waarde <= self.oranje_tot else "rood"


@dataclass(frozen=True)
class Beoordeling:
    """One criterion of a scan: its value (as text), level, level word and the norm in words."""

    criterium: str
    waarde: str
    niveau: str
    normtekst: str
    toelichting: str = ""

    @property
    def label(self) -> str:
        """The level as a word (never colour alone)."""
        return NIVEAU_LABEL[self.niveau]


DEFAULT_NORMEN: dict[str, Norm] = {
    "voorzieningen_ring": Norm("Voorzieningen in de normring (na toevoegen)", "voorzieningen", 3, 6),
    "plaatsen_ring": Norm("Plaatsen in de normring (na toevoegen)", "plaatsen", 60, 150),
    "plaatsen_per_1000": Norm("Plaatsen per 1.000 inwoners in de wijk (na toevoegen)", "per 1.000", 5, 10),
    "fase2_nabij": Norm("Locaties in fase 2 of hoger in de grootste ring", "locaties", 0, 1),
    # the indicator norms: keyed by the indicator's code, direction from the catalogue (core.indicatoren)
    "wijkprofiel_veiligheid": Norm("Wijkprofiel veiligheidsindex", "100 = Rotterdam 2014", 100, 90,
                                   hoger_beter("wijkprofiel_veiligheid")),
    "wijkprofiel_sociaal": Norm("Wijkprofiel sociale index", "100 = Rotterdam 2014", 100, 90,
                                hoger_beter("wijkprofiel_sociaal")),
    "wijkprofiel_fysiek": Norm("Wijkprofiel fysieke index", "100 = Rotterdam 2014", 100, 90,
                               hoger_beter("wijkprofiel_fysiek")),
    "kwetsbare_groepen": Norm("Kwetsbare groepen (index, niveau)", "index", 100, 130, hoger_beter("kwetsbare_groepen")),
    "overlast_onveiligheid": Norm("Overlast en onveiligheid (Leefbaarometer-score)", "score", 0.0, -0.15,
                                  hoger_beter("overlast_onveiligheid")),
}

# Veerkracht class (Kaart 4-8) to a level: worsening overlast with more vulnerable residents weighs heaviest.
VEERKRACHT_NIVEAU = {
    "donkerrood": "rood", "lichtrood": "oranje", "afname_meer_overlast": "oranje", "donkergroen": "oranje",
    "heldergroen": "groen", "afname_minder_overlast": "groen", "geen_gegevens": "onbekend",
}


@dataclass(frozen=True)
class ScanConfig:
    """Rings, the ring the ring norms apply to, and the norms."""

    ringen: tuple[int, ...] = DEFAULT_RINGEN
    normring: int = 500
    normen: dict[str, Norm] = field(default_factory=lambda: dict(DEFAULT_NORMEN))

    def __post_init__(self) -> None:
        if self.normring not in self.ringen:
            raise ValueError(f"de normring ({self.normring} m) moet een van de ringen zijn")


def load_config(path: str | Path | None) -> ScanConfig:
    """Defaults, overridden by a TOML file: ``ringen = [..]``, ``normring = ..``, ``[normen.KEY] groen_tot = ..``."""
    if not path or not Path(path).exists():
        return ScanConfig()
    raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    normen = dict(DEFAULT_NORMEN)
    for key, values in raw.get("normen", {}).items():
        if key not in normen:
            raise ValueError(f"onbekende norm {key!r}; bekend: {', '.join(sorted(normen))}")
        normen[key] = replace(normen[key], **values)
    ringen = tuple(sorted({int(r) for r in raw.get("ringen", DEFAULT_RINGEN)}))
    return ScanConfig(ringen, int(raw.get("normring", 500 if 500 in ringen else ringen[0])), normen)


def beoordeel(norm: Norm, waarde: float | None, tekst: str | None = None, toelichting: str = "") -> Beoordeling:
    """Judge one value against its norm."""
    if tekst is None:
        tekst = "geen gegevens" if waarde is None else _fmt(round(waarde, 2))
    return Beoordeling(norm.naam, tekst, norm.niveau(waarde), norm.tekst(), toelichting)


def beoordeel_focus(programmas: list[str]) -> Beoordeling:
    """Membership of a focus area (NPRZ, RGW) asks for an extra weighing: amber, stated as such."""
    if programmas:
        return Beoordeling("Focusgebied (NPRZ, Rotterdams Goed Wonen)", ", ".join(programmas), "oranje",
                           "in een focusgebied: oranje (extra afweging met het programma); anders groen")
    return Beoordeling("Focusgebied (NPRZ, Rotterdams Goed Wonen)", "geen", "groen",
                       "in een focusgebied: oranje (extra afweging met het programma); anders groen")


def beoordeel_veerkracht(klasse_code: str, klasse_naam: str) -> Beoordeling:
    """The Veerkracht class of the wijk, judged by :data:`VEERKRACHT_NIVEAU`."""
    return Beoordeling(
        "Veerkrachtklasse (Kaart 4-8)", klasse_naam, VEERKRACHT_NIVEAU.get(klasse_code, "onbekend"),
        "rood: meer kwetsbare bewoners en meer overlast waar die al hoog was; oranje: meer overlast, of meer "
        "kwetsbare bewoners waar de overlast hoog was; groen: overige",
    )

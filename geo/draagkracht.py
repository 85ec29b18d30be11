"""The draagkrachtscan's result: the candidate, the figures before and after, and the judged criteria. Pure."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from core.domain import NPRZ, RGW
from core.indicatoren import CATALOGUS
from geo.rings import RingTelling
from geo.scan_norms import DEFAULT_NORMEN, Beoordeling, ScanConfig, beoordeel, beoordeel_focus, beoordeel_veerkracht


@dataclass(frozen=True)
class Kandidaat:
    """The planned facility: its point in RD New, woonvorm, places, and how it was chosen."""

    x: float
    y: float
    woonvorm: str
    plaatsen: int
    bron: str  # 'kaart' | 'adres' | 'coördinaten'
    omschrijving: str = ""

    def __post_init__(self) -> None:
        if self.plaatsen < 0:
            raise ValueError("het aantal plaatsen kan niet negatief zijn")


@dataclass(frozen=True)
class IndicatorStand:
    """Level in the latest year and change since the first year of one indicator."""

    indicator: str
    jaar: int
    waarde: float
    eerste_jaar: int
    eerste_waarde: float

    @property
    def trend(self) -> float:
        return self.waarde - self.eerste_waarde

    def tekst(self) -> str:
        """``"95 (2024), +4 sinds 2014"``."""
        return (f"{self.waarde:g} ({self.jaar}), {self.trend:+g} sinds {self.eerste_jaar}").replace(".", ",")


@dataclass(frozen=True)
class NabijeLocatie:
    """A location near the candidate (address level: hkd only)."""

    code: str
    naam: str
    aanbieder: str
    woonvorm: str
    plaatsen: int
    fase: str | None
    afstand_m: float
    x: float
    y: float


@dataclass(frozen=True)
class Notitie:
    """A qualitative note about a wijk from MO, SO or DV."""

    cluster: str
    tekst: str
    auteur: str
    geschreven_op: datetime


@dataclass(frozen=True)
class BronReeks:
    """Where one indicator series of a scan comes from: the source as loaded, and its first and last year."""

    indicator: str
    bron: str
    van: int
    tot: int


@dataclass
class ScanResultaat:
    """Everything a scan shows and its PDF prints."""

    kandidaat: Kandidaat
    config: ScanConfig
    buurt_code: str | None
    buurt: str | None
    wijkprofiel: str | None
    pc4: str | None
    ringen: list[RingTelling]
    buurt_voorzieningen: int
    buurt_plaatsen: int
    inwoners: float | None
    inwoners_jaar: int | None
    nabij: list[NabijeLocatie]
    indices: dict[str, IndicatorStand]
    veerkracht_klasse: tuple[str, str] | None  # (code, naam)
    notities: list[Notitie]
    omgeving: list[list[tuple[float, float]]] = field(default_factory=list)  # buurt outlines near, RD rings
    gemaakt_op: datetime = field(default_factory=datetime.now)
    bronnen: tuple[BronReeks, ...] = ()  # the sources of the indicator series read
    demo: bool = False  # made on the demo's figures (register, decisions and indicators)

    def per_1000(self, na: bool) -> float | None:
        """Places per 1,000 inhabitants of the buurt, before or after adding the candidate."""
        if not self.inwoners:
            return None
        plaatsen = self.buurt_plaatsen + (self.kandidaat.plaatsen if na else 0)
        return round(plaatsen * 1000 / self.inwoners, 1)

    @property
    def fase2(self) -> list[NabijeLocatie]:
        """Nearby locations in fase 2 or higher."""
        return [n for n in self.nabij if n.fase in ("2", "3a", "3b")]

    def focus(self) -> list[str]:
        """Focus programmes the candidate's wijk belongs to."""
        if not self.buurt:
            return []
        norm = self.buurt.replace("-", " ").lower()
        return [label for label, names in (("NPRZ", NPRZ), ("RGW", RGW))
                if norm in {n.replace("-", " ").lower() for n in names}]

    def ring(self, straal: int) -> RingTelling | None:
        return next((r for r in self.ringen if r.straal == straal), None)

    def beoordelingen(self) -> list[Beoordeling]:
        """Every criterion against its norm, in a fixed order."""
        n = self.config.normen
        out = []
        ring = self.ring(self.config.normring)
        if ring:
            out.append(beoordeel(n["voorzieningen_ring"], ring.voorzieningen_na,
                                 f"{ring.voorzieningen_na} (was {ring.voorzieningen}) binnen {ring.straal} m"))
            out.append(beoordeel(n["plaatsen_ring"], ring.plaatsen_na,
                                 f"{ring.plaatsen_na} (was {ring.plaatsen}) binnen {ring.straal} m"))
        voor, na = self.per_1000(False), self.per_1000(True)
        out.append(beoordeel(n["plaatsen_per_1000"], na,
                             None if na is None else f"{na:g} (was {voor:g}) in {self.buurt}".replace(".", ",")))
        grootste = max(self.config.ringen)
        fase2 = [x for x in self.fase2 if x.afstand_m <= grootste]
        out.append(beoordeel(n["fase2_nabij"], len(fase2), f"{len(fase2)} binnen {grootste} m"))
        for key in (k for k in DEFAULT_NORMEN if k in CATALOGUS):  # the norms of an indicator, in their order
            stand = self.indices.get(key)
            out.append(beoordeel(n[key], stand.waarde if stand else None, stand.tekst() if stand else None,
                                 "niveau bepaalt de kleur; de trend staat erbij"))
        if self.veerkracht_klasse:
            out.append(beoordeel_veerkracht(*self.veerkracht_klasse))
        out.append(beoordeel_focus(self.focus()))
        return out

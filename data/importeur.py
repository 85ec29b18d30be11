"""The one import engine: a declared format (:mod:`geo.kolommen`) in, checked rows or every problem out.

Every tabular importer is a declaration (:mod:`geo.formaten`) plus, where it needs one, a row rule of its own; this
module does the rest for all of them, the same way:

1. :func:`lees` reads the file with the shared hardened reader (:mod:`data.spreadsheet`), header by name or alias.
2. :func:`controleer` holds every row to the declaration: a CSV row must have as many cells as its header (an
   unquoted comma or decimal comma refuses the row, it never shifts or truncates it); numbers the Dutch way per
   column type (a count's ``2.000`` is 2000, an ambiguous ratio is refused); day-first dates and Excel serials;
   choices by code or label; free text within its length and without personal data; columns that announce
   personal data refuse the file; ignored columns are reported; the natural key must be unique in the file.
3. The importer writes a valid :class:`Controle` in one transaction (all or nothing) and says how many rows were
   new and how many it skipped because they were loaded before.

Every problem is a :class:`Probleem` naming the file, the spreadsheet row and the column, in Dutch.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from core.kalender import TZ
from core.taal import aantal
from data.spreadsheet import AANTAL as GETAL_AANTAL
from data.spreadsheet import RATIO as GETAL_RATIO
from data.spreadsheet import Rij, SpreadsheetFout, Tabel, decimaalteken, lees_getal, lees_tabel
from geo import kolommen as k
from geo.formaten import HERKOMST_KOLOM
from geo.persoonsgegevens import is_persoonskolom, zoek_persoonsgegevens

MAX_PROBLEMEN = 1_000


@dataclass(frozen=True)
class Probleem:
    """One problem in a file: spreadsheet row (0 = the file as a whole), column and reason in Dutch, and the file."""

    rij: int
    kolom: str
    reden: str
    bestand: str = ""

    def __str__(self) -> str:
        if self.bestand and not self.rij and not self.kolom and self.reden.startswith(self.bestand):
            return self.reden  # the shared reader names the file itself
        waar = f"rij {self.rij}" if self.rij else "bestand"
        if self.bestand:
            waar = f"{self.bestand}, {waar}" if self.rij else self.bestand
        return f"{waar}, {self.kolom}: {self.reden}" if self.kolom else f"{waar}: {self.reden}"


@dataclass
class RegelPlan:
    """A validated file: the rows ready to write, or every problem that refuses it (all or nothing)."""

    regels: list = field(default_factory=list)
    problemen: list[Probleem] = field(default_factory=list)

    @property
    def geldig(self) -> bool:
        """True when the whole file is valid (only then may it be written)."""
        return not self.problemen and bool(self.regels)


class ImportGeweigerd(ValueError):
    """A file was refused; ``problems`` lists every problem (the database is unchanged)."""

    def __init__(self, problems: list[Probleem]):
        super().__init__(f"{aantal(len(problems), 'probleem', 'problemen')}: " + "; ".join(map(str, problems[:20])))
        self.problems = problems


@dataclass
class Controle(RegelPlan):
    """A checked file: rows (column name to parsed value), their spreadsheet rows, problems and notes."""

    bestand: str = ""
    rijnummers: list[int] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)
    overgeslagen: int = 0  # rows already loaded before (set by the writer)
    kop: dict[str, str] = field(default_factory=dict)  # declared column name -> its name in the file's header
    geheim: int = 0  # cells of ``geheim`` columns with a CBS secrecy or missing code, read as no value
    tellingen: dict[str, int] = field(default_factory=dict)  # new / changed / unchanged (set by the writer)
    dubbel: list[tuple[int, int]] = field(default_factory=list)  # (row, the earlier row it equals): loaded once

    def fout(self, rij: int, kolom: str, reden: str) -> None:
        """Record one problem of this file."""
        self.problemen.append(Probleem(rij, kolom, reden, self.bestand))


RijRegel = Callable[[dict, Callable[[str, str], None]], None]


def _kort(waarde: str) -> str:
    return repr(waarde if len(waarde) <= 40 else waarde[:40] + "…")


def bestandsnaam_van(bron: str | Path | bytes, bestandsnaam: str | None) -> str:
    """The name a file goes by in messages."""
    if bestandsnaam:
        return bestandsnaam
    return "het bestand" if isinstance(bron, bytes | bytearray) else Path(str(bron)).name


def lees(bron: str | Path | bytes, bestandsnaam: str | None, formaat: k.Formaat) -> Tabel:
    """Read a file for ``formaat`` with the shared reader; a file that is no table raises :class:`ImportGeweigerd`."""
    try:
        return lees_tabel(bron, bestandsnaam, verplicht=list(formaat.verplicht))
    except SpreadsheetFout as exc:
        naam = bestandsnaam_van(bron, bestandsnaam)
        raise ImportGeweigerd([Probleem(0, "", p, naam) for p in exc.problemen]) from exc


# Cells -----------------------------------------------------------------------------------------------------------
_DAG_EERST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$",
                        re.ASCII)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?)?$", re.ASCII)
_SERIEEL = re.compile(r"^\d{5}([.,]\d+)?$", re.ASCII)
SERIEEL_BEREIK = (20_000, 80_000)  # Excel day numbers of 1954 to 2119: a plausible date, not a year or a count
_EXCEL_NUL = dt.datetime(1899, 12, 30)
_EEN_PUNT = re.compile(r"^[+-]?[0-9]{1,3}\.[0-9]{3}$")
_TELBAAR = re.compile(r"^[+-]?[0-9 .\u00a0\u202f\u2009]+(,0+)?$")


def _tijd(tekst: str, getal: float | None, kolom: k.Kolom) -> tuple[dt.datetime | None, str | None]:
    t = tekst.strip()
    serieel = getal if getal is not None else (float(t.replace(",", ".")) if kolom.excel_serieel and _SERIEEL.match(t)
                                               else None)
    if serieel is not None:
        if not kolom.excel_serieel or not SERIEEL_BEREIK[0] <= serieel <= SERIEEL_BEREIK[1]:
            return None, f"{_kort(t)} is geen datum (een getal, geen datum; zet de cel op een datumnotatie)"
        moment = _EXCEL_NUL + dt.timedelta(days=serieel)
        return moment.replace(microsecond=0, tzinfo=TZ), None
    if m := _DAG_EERST.match(t):
        dag, maand, jaar, uur, minuut, sec = (int(x) if x else 0 for x in m.groups())
        try:
            return dt.datetime(jaar, maand, dag, uur, minuut, sec, tzinfo=TZ), None
        except ValueError:
            return None, f"{_kort(t)} is geen bestaande datum (dag-maand-jaar)"
    if _ISO.match(t):
        try:
            moment = dt.datetime.fromisoformat(t.replace("Z", "+00:00"))
        except ValueError:
            return None, f"{_kort(t)} is geen bestaande datum"
        return (moment.replace(tzinfo=TZ) if moment.tzinfo is None else moment.astimezone(TZ)), None
    return None, f"{_kort(t)} is geen datum (bijvoorbeeld 01-05-2024 of 2024-05-01" + (
        " 14:30)" if kolom.soort == k.TIJDSTIP else ")")


GEHEIM = object()
"""The value of a ``geheim`` column's cell that holds a CBS secrecy or missing code (counted, then no value)."""


def _getal(tekst: str, getal: float | None, kolom: k.Kolom, decimaal: str | None) -> tuple[object, str | None]:
    soort = GETAL_AANTAL if kolom.soort == k.AANTAL else GETAL_RATIO
    if kolom.geheim and getal is None and lees_getal(tekst, soort).geheim:
        return GEHEIM, None
    if kolom.soort == k.AANTAL and getal is None and not _TELBAAR.match(tekst.strip()):
        return None, f"{_kort(tekst)} is geen geheel getal"
    if getal is None and any(c.isdigit() and not c.isascii() for c in tekst):
        return None, f"{_kort(tekst)} is geen getal (alleen de cijfers 0-9)"
    g = lees_getal(tekst, soort, decimaal=decimaal, getal=getal)
    if g.fout and kolom.bereik and _EEN_PUNT.match(tekst.strip()):
        lezingen = [w for w in (float(tekst.strip()), float(tekst.strip().replace(".", ""))) if _binnen(w, kolom)]
        if len(lezingen) == 1:  # only one reading is plausible for this column (51.923 as a latitude)
            return lezingen[0], None
    if g.fout:
        return None, g.fout
    if g.geheim:
        return None, f"{_kort(tekst)} is geen getal (een geheimgehouden of ontbrekende waarde hoort hier niet)"
    waarde = g.waarde
    if kolom.soort == k.GELD and waarde is not None and round(waarde, 2) != waarde:
        return None, f"{_kort(tekst)} heeft meer dan twee decimalen"
    return waarde, None


Keuzes = Mapping[str, Mapping[str, str]]
Uitkomst = tuple[object, str | None]


def _getal_cel(tekst: str, getal: float | None, kolom: k.Kolom, decimaal: str | None, _: Keuzes) -> Uitkomst:
    waarde, fout = _getal(tekst, getal, kolom, decimaal)
    return (int(waarde) if fout is None and waarde is not GEHEIM and kolom.soort == k.AANTAL else waarde), fout


def _tijd_cel(tekst: str, getal: float | None, kolom: k.Kolom, _d: str | None, _: Keuzes) -> Uitkomst:
    waarde, fout = _tijd(tekst, getal, kolom)
    return (waarde.date() if waarde is not None and kolom.soort == k.DATUM else waarde), fout


def _keuze_cel(tekst: str, _g: float | None, kolom: k.Kolom, _d: str | None, keuzes: Keuzes) -> Uitkomst:
    opties = kolom.keuzes if kolom.keuzes is not None else keuzes.get(kolom.bron_keuzes or kolom.naam, {})
    waarde = opties.get(" ".join(tekst.lower().split()))
    if waarde is not None:
        return waarde, None
    hoe = (f"; kies uit {', '.join(sorted(set(opties.values())))}" if kolom.keuzes is not None
           else " (gebruik de code of de naam)")
    return None, f"{_bijv('onbekend', kolom.uitleg or 'waarde')} {_kort(tekst)}{hoe}"


def _tekst_cel(tekst: str, _g: float | None, kolom: k.Kolom, _d: str | None, _: Keuzes) -> Uitkomst:
    if len(tekst) > kolom.max_tekens:
        return None, f"langer dan {kolom.max_tekens} tekens ({len(tekst)})"
    if kolom.patroon and not re.fullmatch(kolom.patroon, tekst):
        return None, f"{_kort(tekst)} is geen {_bijv('geldig', kolom.uitleg or 'code')}"
    if kolom.vrij and (soorten := zoek_persoonsgegevens(tekst)):
        return None, (f"bevat persoonsgegevens ({', '.join(soorten)}); die slaan we niet op. Beschrijf wat er "
                      "gebeurde zonder namen, adressen, telefoonnummers of e-mailadressen")
    return tekst, None


_LEZERS = {k.AANTAL: _getal_cel, k.RATIO: _getal_cel, k.GELD: _getal_cel, k.DATUM: _tijd_cel, k.TIJDSTIP: _tijd_cel,
           k.KEUZE: _keuze_cel, k.CODE: _tekst_cel, k.TEKST: _tekst_cel}


def _cel(rij: Rij, kop: str, kolom: k.Kolom, decimaal: str | None, keuzes: Keuzes) -> Uitkomst:
    """Parse one non-empty cell by its column's type: (value, None) or (None, reason)."""
    tekst = rij.waarden.get(kop, "")
    waarde, fout = _LEZERS[kolom.soort](tekst, rij.getallen.get(kop), kolom, decimaal, keuzes)
    if fout is None and kolom.bereik and isinstance(waarde, int | float) and not _binnen(waarde, kolom):
        fout = f"{tekst or waarde} ligt buiten het bereik {_bereik(kolom.bereik)}" + (
            f" {kolom.bereik_uitleg}" if kolom.bereik_uitleg else "")
    return waarde, fout


def _binnen(waarde: float, kolom: k.Kolom) -> bool:
    laag, hoog = kolom.bereik or (None, None)
    return (laag is None or waarde >= laag) and (hoog is None or waarde <= hoog)


def _bijv(bijvoeglijk: str, uitleg: str) -> str:
    """``onbekende bron`` but ``onbekend niveau``: a ``het``-word is declared as ``het niveau``."""
    return f"{bijvoeglijk} {uitleg[4:]}" if uitleg.startswith("het ") else f"{bijvoeglijk}e {uitleg}"


def _bereik(bereik: tuple[float | None, float | None]) -> str:
    laag, hoog = (None if b is None else (int(b) if b == int(b) else b) for b in bereik)
    return f"{laag} tot en met {hoog}" if laag is not None and hoog is not None else (
        f"van {laag} of meer" if laag is not None else f"tot en met {hoog}")


# The file --------------------------------------------------------------------------------------------------------
def _kop(tabel: Tabel, formaat: k.Formaat, controle: Controle) -> dict[str, str]:
    """Map every declared column to its header name; refuse personal-data columns, report ignored ones."""
    gevonden: dict[str, str] = {}
    persoonlijk, genegeerd = [], []
    for kop in tabel.kolommen:
        if not kop:
            continue
        kolom = formaat.kolom(kop)
        if kolom is None and kop.strip().lower() == HERKOMST_KOLOM.lower():
            continue  # the source column of our own downloads
        if kolom is None:
            (persoonlijk if is_persoonskolom(kop) else genegeerd).append(kop)
        elif kolom.naam in gevonden:
            controle.fout(tabel.kopregel, kop, f"staat ook als {gevonden[kolom.naam]!r} in de kop (dezelfde kolom "
                                                "twee keer)")
        else:
            gevonden[kolom.naam] = kop
    if persoonlijk:
        controle.fout(0, ", ".join(persoonlijk), "kolom met persoonsgegevens; die slaan we niet op. Verwijder de "
                                                 "kolom en lever het bestand opnieuw aan")
    if genegeerd:
        controle.meldingen.append(f"{'kolom' if len(genegeerd) == 1 else 'kolommen'} {', '.join(genegeerd)} genegeerd (niet in dit formaat)")
    ontbreekt = [c.naam for c in formaat.kolommen if c.verplicht and c.naam not in gevonden]
    if ontbreekt:
        controle.fout(0, "", f"{'kolom ontbreekt' if len(ontbreekt) == 1 else 'kolommen ontbreken'}: {', '.join(ontbreekt)}. Verwacht: "
                             f"{', '.join(c.naam for c in formaat.kolommen)}")
    return gevonden


def _celtelling(tabel: Tabel, rij: Rij) -> str | None:
    """Why a row does not have as many cells as its header (``None``: it does)."""
    csv_telling = tabel.formaat == "csv" and tabel.kop_cellen and rij.cellen != tabel.kop_cellen
    telling = f" ({rij.cellen} cellen, de kop heeft er {tabel.kop_cellen})" if csv_telling else ""
    if rij.extra or (csv_telling and rij.cellen > tabel.kop_cellen):
        return (f"meer cellen dan kolommen in de kop{telling}; staat er een komma of puntkomma zonder "
                "aanhalingstekens in een waarde (een omschrijving of een decimaal getal)? Zet zo'n waarde tussen "
                "aanhalingstekens. De rij is niet gelezen")
    if csv_telling:
        return f"minder cellen dan kolommen in de kop{telling}; ontbreekt er een scheidingsteken? De rij is niet gelezen"
    return None


PerRij = Callable[[k.Kolom, dict], k.Kolom]


def controleer(tabel: Tabel, formaat: k.Formaat, *, keuzes: Mapping[str, Mapping[str, str]] | None = None,
               rijregel: RijRegel | None = None, per_rij: PerRij | None = None) -> Controle:
    """Hold every row of ``tabel`` to ``formaat``; never writes.

    Parameters
    ----------
    tabel
        The file as read by :func:`lees`.
    formaat
        The declaration.
    keuzes
        Per ``bron_keuzes`` name the accepted spellings of a choice known only to the database (corporations).
    rijregel
        The importer's own rule on a parsed row (``regel, fout``): it may add derived values to the row and call
        ``fout(kolom, reden)``; it runs only on rows whose cells are all valid.
    per_rij
        Where a column's type and range depend on the row (a long file with one value column for indicators of
        different kinds): ``per_rij(kolom, regel)`` returns the declaration to parse this row's cell with, given the
        cells parsed so far (columns are parsed in declaration order).
    """
    controle = Controle(bestand=tabel.bestand, meldingen=list(tabel.meldingen))
    kop = controle.kop = _kop(tabel, formaat, controle)
    if controle.problemen:
        return controle
    rijen = [r for r in tabel.rijen if not r.leeg()]
    if not rijen:
        controle.fout(0, "", "het bestand bevat geen regels")
        return controle
    if len(rijen) > formaat.max_regels:
        controle.fout(0, "", f"meer dan {formaat.max_regels} regels; splits het bestand")
        return controle
    decimaal = {c.naam: decimaalteken([r.waarden.get(kop[c.naam], "") for r in rijen])
                for c in formaat.kolommen if c.naam in kop and c.soort in (k.AANTAL, k.RATIO, k.GELD)}
    gezien: dict[tuple, tuple[int, dict]] = {}
    for rij in rijen:
        if len(controle.problemen) >= MAX_PROBLEMEN:
            controle.fout(0, "", f"meer dan {MAX_PROBLEMEN} problemen; de controle is gestopt")
            break
        regel = _regel(tabel, rij, formaat, kop, decimaal, keuzes or {}, controle, per_rij)
        if regel is None:
            continue
        voor = len(controle.problemen)
        if rijregel is not None:
            rijregel(regel, lambda kolom, reden, _r=rij.nummer: controle.fout(_r, kolom, reden))
        if len(controle.problemen) > voor:
            continue
        if _nieuw_in_bestand(regel, rij.nummer, formaat, gezien, controle):
            controle.regels.append(regel)
            controle.rijnummers.append(rij.nummer)
    _meld_dubbel(controle)
    return controle


def _meld_dubbel(controle: Controle) -> None:
    """Tell the user which rows were exact copies of an earlier row (each loaded once)."""
    if controle.dubbel:
        paren = ", ".join(f"rij {r} (gelijk aan rij {eerder})" for r, eerder in controle.dubbel[:20])
        meer = f" en nog {len(controle.dubbel) - 20}" if len(controle.dubbel) > 20 else ""
        controle.meldingen.append(f"{aantal(len(controle.dubbel), 'dubbele regel', 'dubbele regels')} in het bestand "
                                  f"één keer geladen: {paren}{meer}")


def _nieuw_in_bestand(regel: dict, nummer: int, formaat: k.Formaat, gezien: dict[tuple, tuple[int, dict]],
                      controle: Controle) -> bool:
    """Whether ``regel`` is the first of its natural key in the file. A row equal to an earlier one is noted (and
    loaded once); the same key with other values is refused (which of the two is meant?)."""
    sleutel = tuple(regel.get(n) for n in formaat.sleutel)
    if not sleutel or sleutel not in gezien:
        gezien[sleutel] = (nummer, regel)
        return True
    eerder, eerdere_regel = gezien[sleutel]
    if regel == eerdere_regel:
        controle.dubbel.append((nummer, eerder))
    else:
        verschil = [n for n in regel if regel[n] != eerdere_regel.get(n)]
        controle.fout(nummer, formaat.sleutel[0] if len(formaat.sleutel) == 1 else "",
                      f"dezelfde {', '.join(formaat.sleutel)} als rij {eerder} maar een andere "
                      f"{', '.join(verschil)} (dubbele regel in het bestand); laat één van beide staan")
    return False


def _regel(tabel: Tabel, rij: Rij, formaat: k.Formaat, kop: dict[str, str], decimaal: dict[str, str | None],
           keuzes: Mapping[str, Mapping[str, str]], controle: Controle, per_rij: PerRij | None = None) -> dict | None:
    """One row parsed by the declaration, or ``None`` after recording its problems."""
    if (reden := _celtelling(tabel, rij)) is not None:
        controle.fout(rij.nummer, "", reden)
        return None
    regel: dict = {}
    fouten = 0
    for kolom in formaat.kolommen:
        naam = kop.get(kolom.naam)
        tekst = rij.waarden.get(naam, "") if naam else ""
        if not tekst:
            regel[kolom.naam] = None
            if kolom.verplicht:
                controle.fout(rij.nummer, kolom.naam, "leeg")
                fouten += 1
            continue
        waarde, fout = _cel(rij, naam, per_rij(kolom, regel) if per_rij else kolom, decimaal.get(kolom.naam), keuzes)
        if fout:
            controle.fout(rij.nummer, kolom.naam, fout)
            fouten += 1
        elif waarde is GEHEIM:
            controle.geheim += 1
            waarde = None
        regel[kolom.naam] = waarde
    return None if fouten else regel


def lezer(formaat: k.Formaat, fout: type[ImportGeweigerd] = ImportGeweigerd) -> Callable[..., Tabel]:
    """The reading step of one format: ``lees_bestand(bron, bestandsnaam=None)`` raising ``fout``."""
    def lees_bestand(bron: str | Path | bytes, bestandsnaam: str | None = None) -> Tabel:
        try:
            return lees(bron, bestandsnaam, formaat)
        except ImportGeweigerd as exc:
            raise fout(exc.problems) from exc
    lees_bestand.__doc__ = f"Read a {formaat.titel} file with the shared reader (raises ``{fout.__name__}``)."
    return lees_bestand


def vereis_geldig(plan: Controle, fout: type[ImportGeweigerd] = ImportGeweigerd) -> None:
    """Refuse to write a plan with problems (or without rows): all or nothing."""
    if not plan.geldig:
        raise fout(plan.problemen or [Probleem(0, "", "het bestand bevat geen regels", plan.bestand)])


def leg_vast(conn, plan: RegelPlan, tabel: str, **tellingen: int) -> None:
    """The one audit entry of this load: the file, how many rows it had and what became of them."""
    from queries.importeren import audit_laden

    audit_laden(conn, tabel, {"bestand": getattr(plan, "bestand", ""), "regels": len(plan.regels), **tellingen})


def tel(plan: Controle, nieuw: int, gewijzigd: int) -> dict[str, int]:
    """What a replacing load did with the rows of ``plan``: new, changed and unchanged (loaded before as they are)."""
    plan.tellingen = {"nieuw": nieuw, "gewijzigd": gewijzigd, "ongewijzigd": len(plan.regels) - nieuw - gewijzigd}
    plan.overgeslagen = plan.tellingen["ongewijzigd"]
    return plan.tellingen


def schrijf_vervangend(conn, plan: Controle, fout: type[ImportGeweigerd], tabel: str,
                       upsert: Callable[..., tuple[int, int]]) -> int:
    """Write a valid plan whose natural key replaces what was loaded before: ``upsert(conn, rows)`` returns
    ``(new, changed)``; counts and the load's one audit entry follow. Returns the rows in the file."""
    vereis_geldig(plan, fout)
    leg_vast(conn, plan, tabel, **tel(plan, *upsert(conn, plan.regels)))
    return len(plan.regels)


def laadfunctie(lees_bestand: Callable[..., Tabel], plan_import: Callable[..., Controle],
                schrijf: Callable[..., int], titel: str) -> Callable[..., int]:
    """``laad(engine, bestand, bestandsnaam=None, *, gebruiker, bron)`` for a format: read, check and write in one
    transaction attributed to ``gebruiker``, all or nothing; ``bron`` defaults to the title and the file's name."""
    def laad(engine, bestand: str | Path | bytes, bestandsnaam: str | None = None, *, gebruiker: str = "hkd load",
             bron: str | None = None) -> int:
        from queries.db import acting_as

        tabel = lees_bestand(bestand, bestandsnaam)
        with acting_as(engine, gebruiker) as conn:
            return schrijf(conn, plan_import(conn, tabel, bron or f"{titel} ({tabel.bestand})"))
    laad.__doc__ = f"Read, check and write a {titel} file in one transaction, attributed to ``gebruiker``."
    return laad


def weigering(exc: Exception, bestand: str) -> ImportGeweigerd:
    """An unforeseen failure while loading a file as a Dutch refusal that names the file and no values.

    A lost database connection says so; nothing of the exception's own text (which may quote a row) is shown."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    if isinstance(exc, OperationalError) or (isinstance(exc, DBAPIError) and exc.connection_invalidated):
        reden = ("de verbinding met de database is weggevallen tijdens het laden; er is niets opgeslagen. Probeer "
                 "het opnieuw als de database weer bereikbaar is")
    elif isinstance(exc, DBAPIError):
        reden = "de database weigerde een regel; er is niets opgeslagen"
    else:
        reden = f"het bestand kon niet worden verwerkt ({type(exc).__name__}); er is niets opgeslagen"
    return ImportGeweigerd([Probleem(0, "", reden, bestand)])


def afgerond(waarde: float | None, decimalen: int = 1) -> float | None:
    """A parsed ratio rounded for storage (``None`` stays ``None``)."""
    return None if waarde is None or not math.isfinite(waarde) else round(waarde, decimalen)

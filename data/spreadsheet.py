"""One hardened reader for every tabular file a user feeds in (CSV, Excel xlsx/xls, OpenDocument ods).

Every tabular importer (locations register, indicators, and later meldingen and uitstroom) reads its file here,
so the same bytes get the same answer everywhere. The API:

:func:`lees_tabel`
    ``lees_tabel(bron, bestandsnaam, verplicht=[...])`` returns a :class:`Tabel`: the columns (lower-case,
    stripped), the data rows as :class:`Rij` (``nummer`` is the spreadsheet row as Excel shows it, ``waarden`` the
    cells as text, ``getallen`` the cells a workbook stored as numbers), which sheet was read and where the header
    was found (``meldingen`` says so when it was not the obvious place). Anything wrong with the file as a file
    raises :class:`SpreadsheetFout` whose ``problemen`` are Dutch sentences naming the file, the row and the reason.
:func:`lees_getal`
    A number the Dutch way (decimal comma, thousands dot or space) or a CBS secrecy/missing code, parsed
    unambiguously for a count (:data:`AANTAL`) or a ratio (:data:`RATIO`); see :func:`decimaalteken` for the
    per-column evidence that decides what a dot means.

What is detected from the content, never from the name: xlsx/xlsm (zip with ``xl/``), ods (zip with the
OpenDocument mimetype), xls (OLE2 compound file), else text. Text may be UTF-8 (with or without BOM), UTF-16 with
BOM, or Windows-1252; lines may end in CRLF, LF or CR only (Excel for Mac); a first line ``sep=;`` sets the
separator, else ``;``, ``,`` or tab is chosen as the one with which the required header is found. The header may
be on any of the first :data:`KOP_ZOEKEN` rows; a workbook is searched sheet by sheet and the first sheet with the
header is read. Refused: an empty file, a file larger than :data:`MAX_BYTES`, more than :data:`MAX_RIJEN` rows, a
cell longer than :data:`MAX_CEL` characters, NUL or other control characters (with row and column), a quoted value
that is not closed (a file cut off in the middle), a zip or binary file that is no workbook.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
MAX_RIJEN = 200_000
MAX_CEL = 2_000
KOP_ZOEKEN = 20
SCHEIDINGSTEKENS = (";", ",", "\t")
# Control characters never belong in a cell (tab, LF and CR may: Alt+Enter in Excel, tab-separated files).
CONTROLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SEP_REGEL = re.compile(r"^\s*sep=(.)\s*$", re.IGNORECASE)

AANTAL = "aantal"
RATIO = "ratio"
# CBS explanation symbols (StatLine, Kerncijfers wijken en buurten) for secret or missing values.
CBS_SYMBOLEN = frozenset({".", "x", "X", "-", "?", "\u2212"})
# Numeric codes CBS writes in the Wijk- en Buurtkaart and Kerncijfers files for secret/missing values.
CBS_CODES = frozenset({-99999999.0, -99999998.0, -99999997.0, -99999996.0, -99999995.0,
                       -99999.0, -99998.0, -99997.0, -99996.0, -99995.0})

csv.field_size_limit(MAX_BYTES)  # our own MAX_CEL check gives the message; csv's own limit would only crash


class SpreadsheetFout(ValueError):
    """A file that cannot be read as a table; ``problemen`` are Dutch sentences with file, row and reason."""

    def __init__(self, problemen: list[str]):
        self.problemen = problemen
        super().__init__("\n".join(problemen))


@dataclass(frozen=True)
class Rij:
    """One data row: ``nummer`` is the spreadsheet row (as Excel numbers it), cells keyed by lower-case column."""

    nummer: int
    waarden: dict[str, str]
    getallen: dict[str, float] = field(default_factory=dict)
    extra: bool = False  # more cells than the header has columns (with text in them)
    cellen: int = -1  # how many cells the row has in the file (a CSV row must have as many as its header)

    def leeg(self) -> bool:
        """True for a row without any text."""
        return not any(v for v in self.waarden.values()) and not self.extra


@dataclass(frozen=True)
class Tabel:
    """A table read from a file: what was read, from where, and its rows."""

    bestand: str
    formaat: str  # csv, xlsx, xls or ods
    kolommen: tuple[str, ...]
    rijen: tuple[Rij, ...]
    kopregel: int
    blad: str | None = None
    scheidingsteken: str | None = None
    codering: str | None = None
    meldingen: tuple[str, ...] = ()
    kop_cellen: int = 0  # how many cells the header row has (with empty ones), to hold every CSV row to


# Format detection ------------------------------------------------------------------------------------------------
def herken_formaat(raw: bytes) -> str:
    """The real format from the content: ``xlsx``, ``ods``, ``xls``, ``zip`` (another zip), ``zip-kapot`` (a
    broken zip, e.g. a workbook cut off), or ``tekst``."""
    if raw[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as z:
                names = set(z.namelist())
                if "mimetype" in names and z.read("mimetype").startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
                    return "ods"
                if any(n.startswith("xl/") for n in names):
                    return "xlsx"
        except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, NotImplementedError, EOFError):
            return "zip-kapot"
        return "zip"
    if raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "xls"
    return "tekst"


def _decodeer(raw: bytes, naam: str) -> tuple[str, str]:
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "UTF-8 (met BOM)"
        except UnicodeDecodeError as exc:
            raise SpreadsheetFout([f"{naam}: begint als UTF-8 maar byte {exc.start} is geen UTF-8"]) from exc
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise SpreadsheetFout([f"{naam}: begint als UTF-16 maar is het niet (byte {exc.start})"]) from exc
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        raise SpreadsheetFout([
            f"{naam}: geen tekstbestand in UTF-8 of Windows-1252 (byte {exc.start}); sla het op als CSV (UTF-8) of "
            "als Excel-werkmap"]) from exc


# Header search ---------------------------------------------------------------------------------------------------
Verplicht = Sequence[str | tuple[str, ...]]


def _kop(cellen: Sequence[object]) -> list[str]:
    return [_tekst(c).strip().lower() for c in cellen]


def _ontbreekt(kop: list[str], verplicht: Verplicht) -> list[str]:
    gezet = set(kop)
    uit = []
    for v in verplicht:
        opties = (v,) if isinstance(v, str) else v
        if not gezet.intersection(opties):
            uit.append(" of ".join(opties))
    return uit


def _zoek_kop(records: list[list[object]], verplicht: Verplicht) -> tuple[int | None, list[str]]:
    """Index of the first record (of the first :data:`KOP_ZOEKEN`) holding every required column, else the
    columns still missing in the best candidate."""
    beste: list[str] | None = None
    for i, rec in enumerate(records[:KOP_ZOEKEN]):
        mist = _ontbreekt(_kop(rec), verplicht)
        if not mist:
            return i, []
        if any(_tekst(c).strip() for c in rec) and (beste is None or len(mist) < len(beste)):
            beste = mist
    return None, beste if beste is not None else [" of ".join((v,) if isinstance(v, str) else v) for v in verplicht]


# Cells -----------------------------------------------------------------------------------------------------------
def _tekst(waarde: object) -> str:
    """A cell as the user sees it: whole floats without ``.0``, dates as ISO."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "WAAR" if waarde else "ONWAAR"
    if isinstance(waarde, float):
        if math.isfinite(waarde) and waarde == int(waarde) and abs(waarde) < 1e15:
            return str(int(waarde))
        return repr(waarde)
    if isinstance(waarde, dt.datetime):
        return waarde.date().isoformat() if waarde.time() == dt.time() else waarde.isoformat(sep=" ")
    if isinstance(waarde, dt.date | dt.time):
        return waarde.isoformat()
    if isinstance(waarde, dt.timedelta):
        return str(waarde)
    return str(waarde)


def tabel_uit_records(records: list[list[object]], naam: str, formaat: str) -> Tabel:
    """A table of rows another reader read (a boundary file's attribute table): the first record is the header,
    the next are rows 1, 2, ...; the same cell checks as every file (NUL and control characters, cell size),
    raising :class:`SpreadsheetFout` with every problem."""
    kolommen, rijen, problemen = _rijen(records, 0, 0, naam, "")
    if problemen:
        raise SpreadsheetFout(problemen)
    return Tabel(naam, formaat, kolommen, tuple(rijen), kopregel=0)


def _rijen(
    records: list[list[object]], kop_index: int, eerste_rijnummer: int, naam: str, waar: str
) -> tuple[tuple[str, ...], list[Rij], list[str]]:
    kolommen = _kop(records[kop_index])
    problemen: list[str] = []
    dubbel = sorted({k for k in kolommen if k and kolommen.count(k) > 1})
    if dubbel:
        problemen.append(f"{naam}{waar}, rij {kop_index + eerste_rijnummer}: "
                         f"{'kolom' if len(dubbel) == 1 else 'kolommen'} {', '.join(dubbel)} "
                         f"{'staat' if len(dubbel) == 1 else 'staan'} meer dan eens in de kop")
    rijen = []
    for i, rec in enumerate(records[kop_index + 1:], start=kop_index + 1):
        nummer = i + eerste_rijnummer
        waarden: dict[str, str] = {}
        getallen: dict[str, float] = {}
        for j, cel in enumerate(rec):
            tekst = _tekst(cel)
            kolom = kolommen[j] if j < len(kolommen) and kolommen[j] else f"kolom {j + 1}"
            if len(tekst) > MAX_CEL:
                problemen.append(f"{naam}{waar}, rij {nummer}, {kolom}: cel van {len(tekst)} tekens is te groot "
                                 f"(maximaal {MAX_CEL})")
                tekst = tekst[:MAX_CEL]
            if m := CONTROLE.search(tekst):
                teken = "NUL-teken" if m.group() == "\x00" else f"stuurteken U+{ord(m.group()):04X}"
                problemen.append(f"{naam}{waar}, rij {nummer}, {kolom}: bevat een {teken}; dat hoort niet in een "
                                 "cel (beschadigd bestand?)")
            if j < len(kolommen) and kolommen[j]:
                waarden[kolommen[j]] = tekst.strip()
                if isinstance(cel, int | float) and not isinstance(cel, bool):
                    getallen[kolommen[j]] = float(cel)
        extra = any(_tekst(c).strip() for c in rec[len(kolommen):]) or any(
            _tekst(c).strip() for j, c in enumerate(rec[: len(kolommen)]) if not kolommen[j])
        for k in kolommen:
            if k:
                waarden.setdefault(k, "")
        rijen.append(Rij(nummer, waarden, getallen, extra, len(rec)))
        if len(rijen) > MAX_RIJEN:
            raise SpreadsheetFout([f"{naam}{waar}: meer dan {MAX_RIJEN} rijen; splits het bestand"])
    return tuple(k for k in kolommen), rijen, problemen


# CSV ---------------------------------------------------------------------------------------------------------------
def _csv_records(tekst: str, sep: str, naam: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(tekst, newline=""), delimiter=sep, strict=True)
    records: list[list[str]] = []
    while True:
        try:
            rec = next(reader)
        except StopIteration:
            return records
        except csv.Error as exc:
            rij = len(records) + 1
            if "end of data" in str(exc) or "EOF" in str(exc):
                reden = "een waarde tussen aanhalingstekens is niet afgesloten (is het bestand afgebroken?)"
            else:
                reden = "de aanhalingstekens kloppen niet (een \" midden in een waarde moet als \"\" geschreven)"
            raise SpreadsheetFout([f"{naam}, rij {rij}: {reden}"]) from exc
        records.append(rec)
        if len(records) > MAX_RIJEN + KOP_ZOEKEN:
            raise SpreadsheetFout([f"{naam}: meer dan {MAX_RIJEN} rijen; splits het bestand"])


def _lees_csv(raw: bytes, naam: str, verplicht: Verplicht) -> Tabel:
    tekst, codering = _decodeer(raw, naam)
    if not tekst.strip():
        raise SpreadsheetFout([f"{naam} is leeg"])
    eerste, _, rest = tekst.partition("\n")
    eerste = eerste.split("\r")[0]
    meldingen = []
    if m := _SEP_REGEL.match(eerste):
        sep_opties: tuple[str, ...] = (m.group(1),)
        tekst = tekst[len(eerste):].lstrip("\r").removeprefix("\n")
        if not tekst.strip():
            raise SpreadsheetFout([f"{naam} bevat alleen de regel {eerste.strip()!r} en verder niets"])
    else:
        # Most likely separator first: the one most frequent in the first lines.
        begin = tekst[:20_000]
        sep_opties = tuple(sorted(SCHEIDINGSTEKENS, key=lambda s: -begin.count(s)))
    beste_mist: list[str] | None = None
    for sep in sep_opties:
        records = _csv_records(tekst, sep, naam)
        kop_index, mist = _zoek_kop(records, verplicht)
        if kop_index is None:
            if beste_mist is None or len(mist) < len(beste_mist):
                beste_mist = mist
            continue
        if kop_index:
            meldingen.append(f"de kop staat op rij {kop_index + 1}; de rijen erboven zijn overgeslagen")
        kolommen, rijen, problemen = _rijen(records, kop_index, 1, naam, "")
        if problemen:
            raise SpreadsheetFout(problemen)
        return Tabel(naam, "csv", kolommen, tuple(rijen), kop_index + 1, None, sep, codering, tuple(meldingen),
                     len(records[kop_index]))
    raise SpreadsheetFout([
        f"{naam}: geen kopregel gevonden met de kolommen {', '.join(beste_mist or [])}; de kop moet in een van de "
        f"eerste {KOP_ZOEKEN} rijen staan (gescheiden door ; , of tab)"])


# Workbooks -------------------------------------------------------------------------------------------------------
def _lees_werkmap(raw: bytes, naam: str, formaat: str, verplicht: Verplicht) -> Tabel:
    from python_calamine import CalamineWorkbook  # reads xlsx, xls and ods alike (openpyxl reads only xlsx)

    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        bladen = list(wb.sheet_names)
    except Exception as exc:  # calamine raises its own error types for every kind of broken workbook
        raise SpreadsheetFout([f"{naam}: de werkmap ({formaat}) is beschadigd of versleuteld en kan niet worden "
                               "gelezen"]) from exc
    if not bladen:
        raise SpreadsheetFout([f"{naam}: de werkmap heeft geen bladen"])
    gemist: list[str] = []
    leeg = True
    for blad in bladen:
        try:
            records = wb.get_sheet_by_name(blad).to_python(skip_empty_area=False)
        except Exception as exc:
            raise SpreadsheetFout([f"{naam}, blad {blad!r}: kan het blad niet lezen (beschadigd?)"]) from exc
        if len(records) > MAX_RIJEN + KOP_ZOEKEN:
            raise SpreadsheetFout([f"{naam}, blad {blad!r}: meer dan {MAX_RIJEN} rijen; splits het bestand"])
        leeg = leeg and not any(_tekst(c).strip() for rec in records for c in rec)
        kop_index, mist = _zoek_kop(records, verplicht)
        if kop_index is None:
            gemist.append(f"blad {blad!r} mist {', '.join(mist)}")
            continue
        meldingen = [f"blad {blad!r} gelezen" + (f" (het eerste blad met de vereiste kop; {'; '.join(gemist)})"
                                                  if gemist else "")]
        if kop_index:
            meldingen.append(f"de kop staat op rij {kop_index + 1}; de rijen erboven zijn overgeslagen")
        kolommen, rijen, problemen = _rijen(records, kop_index, 1, naam, f", blad {blad!r}")
        if problemen:
            raise SpreadsheetFout(problemen)
        return Tabel(naam, formaat, kolommen, tuple(rijen), kop_index + 1, blad, None, None, tuple(meldingen),
                     len(records[kop_index]))
    if leeg:
        raise SpreadsheetFout([f"{naam} is leeg (de werkmap heeft geen cellen)"])
    raise SpreadsheetFout([f"{naam}: geen blad met de vereiste kop in de eerste {KOP_ZOEKEN} rijen ("
                           + "; ".join(gemist) + ")"])


def lees_tabel(bron: str | Path | bytes, bestandsnaam: str | None = None, *, verplicht: Verplicht = ()) -> Tabel:
    """Read any tabular file a user supplies; see the module docstring for what is accepted and refused.

    Parameters
    ----------
    bron
        A path or the file's bytes (an upload).
    bestandsnaam
        The name to use in messages (defaults to the path's name, or "het bestand").
    verplicht
        The columns that make up the header (lower-case); a tuple means "one of these". The header is the first
        row (of the first :data:`KOP_ZOEKEN`) that has them all; with no columns, row 1 is the header.

    Raises
    ------
    SpreadsheetFout
        With every problem of the file as a Dutch sentence (file, row, column, reason).
    """
    raw, naam = _bytes(bron, bestandsnaam)
    if len(raw) > MAX_BYTES:
        raise SpreadsheetFout([f"{naam} is groter dan {MAX_BYTES // (1024 * 1024)} MB"])
    if not raw.strip():
        raise SpreadsheetFout([f"{naam} is leeg"])
    formaat = herken_formaat(raw)
    if formaat == "zip-kapot":
        raise SpreadsheetFout([f"{naam} is een beschadigd of afgebroken zip-bestand (een Excel-werkmap die niet "
                               "helemaal is opgeslagen of gedownload?)"])
    if formaat == "zip":
        raise SpreadsheetFout([f"{naam} is een zip-bestand maar geen Excel- of OpenDocument-werkmap"])
    if formaat in ("xlsx", "xls", "ods"):
        return _naam_en_inhoud(_lees_werkmap(raw, naam, formaat, verplicht), naam)
    return _naam_en_inhoud(_lees_csv(raw, naam, verplicht), naam)


def _bytes(bron: str | Path | bytes, bestandsnaam: str | None) -> tuple[bytes, str]:
    """The file's bytes and the name messages use; a path that cannot be read is refused in Dutch."""
    if isinstance(bron, bytes | bytearray):
        return bytes(bron), bestandsnaam or "het bestand"
    p = Path(bron)
    naam = bestandsnaam or p.name
    try:
        if p.stat().st_size > MAX_BYTES:
            raise SpreadsheetFout([f"{naam} is groter dan {MAX_BYTES // (1024 * 1024)} MB"])
        return p.read_bytes(), naam
    except FileNotFoundError as exc:
        raise SpreadsheetFout([f"bestand niet gevonden: {bron}"]) from exc
    except IsADirectoryError as exc:
        raise SpreadsheetFout([f"{bron} is een map, geen bestand"]) from exc
    except OSError as exc:
        raise SpreadsheetFout([f"{naam} kan niet worden gelezen ({exc.strerror})"]) from exc


def _naam_en_inhoud(tabel: Tabel, naam: str) -> Tabel:
    """The table, noting first when the file's extension says another format than its content."""
    naam_lc = naam.lower()
    verwacht = {"xlsx": (".xlsx", ".xlsm"), "xls": (".xls",), "ods": (".ods",), "csv": (".csv", ".txt", ".tsv")}
    if "." in naam_lc and not naam_lc.endswith(verwacht[tabel.formaat]):
        return Tabel(**{**tabel.__dict__, "meldingen": (
            f"{naam} heet {naam_lc.rsplit('.', 1)[-1]} maar is gelezen als {tabel.formaat} (naar de inhoud)",
            *tabel.meldingen)})
    return tabel


# Numbers the Dutch way ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Getal:
    """The outcome of :func:`lees_getal`: a value, a blank, a CBS code (secret/missing), or a reason it is not."""

    waarde: float | None = None
    geheim: bool = False
    fout: str | None = None

    @property
    def leeg(self) -> bool:
        return self.waarde is None and not self.geheim and self.fout is None


_KOMMA = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+),\d+$")          # 12,5 or 1.234,5: decimal comma
_PUNT = re.compile(r"^[+-]?(\d+\.(\d{1,2}|\d{4,})|0\.\d+|\d{1,3}(,\d{3})+\.\d+)$")  # 12.5, 0.125: decimal dot
_DUIZEND_PUNT = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")              # 3.455 or 1.234.567
_DUIZEND_SPATIE = re.compile(r"^[+-]?\d{1,3}( \d{3})+(,\d+)?$")       # 3 455 or 1 234,5
_GEHEEL = re.compile(r"^[+-]?\d+$")


def _schoon(tekst: str) -> str:
    return tekst.strip().replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")


def decimaalteken(waarden: Sequence[str]) -> str | None:
    """What the values of one column say a decimal separator is: ``","``, ``"."``, ``"beide"`` or ``None``.

    ``12,5`` is evidence for a comma, ``12.5`` or ``0.125`` for a dot; ``3.455`` is no evidence either way.
    """
    komma = any(_KOMMA.match(_schoon(w)) for w in waarden if w)
    punt = any(_PUNT.match(_schoon(w)) for w in waarden if w)
    return "beide" if komma and punt else "," if komma else "." if punt else None


def lees_getal(cel: str | None, soort: str = RATIO, *, decimaal: str | None = None, getal: float | None = None) -> Getal:
    """Parse one cell: a count (:data:`AANTAL`, a whole number) or a ratio (:data:`RATIO`), the Dutch way.

    ``decimaal`` is the column's evidence from :func:`decimaalteken`; ``getal`` the value when a workbook stored
    the cell as a number (then there is nothing to guess). CBS symbols (``.``, ``x``, ``-``) and codes
    (``-99999999``, ``-99997``, ``-99995``, ...) come back as ``geheim``. A value that can be read two ways
    (``3.455`` as a ratio with no evidence in its column) is refused, never guessed.
    """
    if getal is not None:
        return _uit_werkmap(float(getal), cel, soort)
    t = _schoon(cel or "")
    if not t:
        return Getal()
    if t in CBS_SYMBOLEN:
        return Getal(geheim=True)
    if t.startswith("\u2212"):
        t = "-" + t[1:]
    waarde = _lees_tekst(t, cel, soort, decimaal)
    if isinstance(waarde, Getal):
        return waarde
    return _als_getal(waarde, soort, f"{cel!r} is geen geheel aantal")


def _als_getal(waarde: float, soort: str, geen_geheel: str) -> Getal:
    """A finite value: a CBS code is secret, a count must be whole."""
    if waarde in CBS_CODES:
        return Getal(geheim=True)
    if soort == AANTAL and waarde != int(waarde):
        return Getal(fout=geen_geheel)
    return Getal(waarde)


def _uit_werkmap(waarde: float, cel: str | None, soort: str) -> Getal:
    """A cell the workbook stored as a number: nothing to guess."""
    if not math.isfinite(waarde):
        return Getal(fout=f"{cel!r} is geen getal")
    return _als_getal(waarde, soort, f"{_tekst(waarde)} is geen geheel aantal")


def _lees_tekst(t: str, cel: str | None, soort: str, decimaal: str | None) -> float | Getal:
    """The value of a cleaned text cell, or a :class:`Getal` with the reason it is refused."""
    if _GEHEEL.match(t):
        return float(int(t))
    if _DUIZEND_SPATIE.match(t):
        return float(t.replace(" ", "").replace(",", "."))
    if _KOMMA.match(t):
        if decimaal in (".", "beide") and soort == AANTAL:
            return Getal(fout=f"{cel!r} is dubbelzinnig: deze kolom gebruikt een punt als decimaalteken")
        return float(t.replace(".", "").replace(",", "."))
    if _DUIZEND_PUNT.match(t):
        return _duizend_punt(t, cel, soort, decimaal)
    if _PUNT.match(t):
        if decimaal in (",", "beide"):
            return Getal(fout=f"{cel!r} is dubbelzinnig: deze kolom gebruikt een komma als decimaalteken")
        return float(t.replace(",", ""))
    return _vrij_getal(t, cel)


def _duizend_punt(t: str, cel: str | None, soort: str, decimaal: str | None) -> float | Getal:
    """``3.455`` or ``1.234.567``: thousands, unless the column (or a lone dot in a ratio) says it may be decimal."""
    if decimaal == "." or (decimaal is None and soort == RATIO and t.count(".") == 1) or decimaal == "beide":
        if soort == AANTAL and decimaal == ".":
            return Getal(fout=f"{cel!r} is geen geheel aantal (de kolom gebruikt een punt als decimaalteken)")
        if decimaal == ".":
            return float(t)
        return Getal(fout=f"{cel!r} is dubbelzinnig: {t.replace('.', '')} of {t}? Schrijf een decimaal met "
                          "een komma (3,455) of een duizendtal zonder punt (3455)")
    return float(t.replace(".", ""))


def _vrij_getal(t: str, cel: str | None) -> float | Getal:
    """Any other notation Python reads (``1e3`` and the like), if finite."""
    try:
        waarde = float(t)
    except ValueError:
        return Getal(fout=f"{cel!r} is geen getal")
    return waarde if math.isfinite(waarde) else Getal(fout=f"{cel!r} is geen getal")


def lees_frame(bron: str | Path | bytes, bestandsnaam: str | None = None, *, verplicht: Verplicht = ()):
    """:func:`lees_tabel` as a pandas frame of strings for the importers.

    Columns are lower-case; ``frame.attrs["rijen"]`` holds each row's spreadsheet row number (the header need not
    be on row 1), ``frame.attrs["extra"]`` the rows with more cells than columns and ``frame.attrs["meldingen"]``
    what the reader noted (sheet read, header row). Raises :class:`SpreadsheetFout` for a file that is not a table.
    """
    import pandas as pd

    tabel = lees_tabel(bron, bestandsnaam, verplicht=verplicht)
    kolommen = [k if k else f"kolom {i + 1}" for i, k in enumerate(tabel.kolommen)]
    frame = pd.DataFrame([[r.waarden.get(k, "") for k in tabel.kolommen] for r in tabel.rijen], columns=kolommen,
                         dtype=str)
    frame.attrs["rijen"] = [r.nummer for r in tabel.rijen]
    frame.attrs["extra"] = [r.nummer for r in tabel.rijen if r.extra]
    frame.attrs["meldingen"] = list(tabel.meldingen)
    return frame


def rijnummers(frame) -> list[int]:
    """The spreadsheet row number of every row of a frame from :func:`lees_frame` (header on row 1 otherwise)."""
    return list(frame.attrs.get("rijen") or range(2, len(frame) + 2))

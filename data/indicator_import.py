"""Import indicator files (Leefbaarometer, Wijkprofiel, CBS Kerncijfers, generic) into ``hkd.indicatoren``.

Every importer reads the whole file, checks every row and collects every problem with its line number (the header
is line 1). Only a file without problems is written, in one transaction, with one audit entry for the load. Area
codes are matched against the areas loaded in ``hkd.gebieden`` on the same level, whatever their boundary year;
a code that does not exist there is reported (an error, or a reported skip with ``onbekende_codes="overslaan"``).

The formats (column names are case-insensitive; ``,`` or ``;`` separated; decimal comma allowed with ``;``):

``generiek``
    ``niveau`` (optional when given as argument; else derived from the codes), ``gebied_code``, ``jaar``,
    ``indicator`` (``a-z0-9_``), ``waarde``, optional ``bron``.
``leefbaarometer``
    Leefbaarometer 3.0 open data per buurt or PC4: one code column (``bu_code``, ``pc4``, ``wk_code`` or
    ``gm_code``), ``jaar``, the scores ``lbm`` (total), ``fys``, ``won``, ``vrz``, ``soc``, ``onv``, and optionally
    their classes ``kl_lbm``, ``kl_fys``, ... (1 = zeer onvoldoende ... 9 = uitstekend).
``wijkprofiel``
    Rotterdam Wijkprofiel: ``geo_key`` (the Wijkprofiel area code), optional ``wp_slug``, ``year``/``jaar``,
    ``veiligheid_index``, ``sociaal_index``, ``fysiek_index``. Several Wijkprofiel wijken on one area code (Groot
    IJsselmonde-Noord and -Zuid share one CBS buurt) are averaged, and that is reported.
``cbs``
    CBS Kerncijfers wijken en buurten: a code column (``code``, ``gwb_code`` or ``geo_key``), optional ``level``,
    ``year``/``jaar`` and any of the known columns in :data:`CBS_KOLOMMEN`. Blank cells and the CBS secrecy code
    are skipped and counted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine

from data.spreadsheet import (
    AANTAL,
    RATIO,
    Getal,
    Rij,
    SpreadsheetFout,
    Verplicht,
    decimaalteken,
    lees_getal,
    lees_tabel,
)
from queries import trends
from queries.db import acting_as

LEVELS = ("gemeente", "gebied", "buurt", "wijkprofiel", "pc4")
JAAR_MIN, JAAR_MAX = 1990, 2100
CBS_GEHEIM = -99999999.0
INDICATOR_RE = re.compile(r"^[a-z0-9_]+$")

LEEFBAAROMETER_SCORES = {
    "lbm": "lbm_totaal",
    "fys": "lbm_fysieke_omgeving",
    "won": "lbm_woningvoorraad",
    "vrz": "lbm_voorzieningen",
    "soc": "lbm_sociale_samenhang",
    "onv": "overlast_onveiligheid",
}
LEEFBAAROMETER_CODES = {"bu_code": "buurt", "pc4": "pc4", "postcode4": "pc4", "wk_code": "gebied", "gm_code": "gemeente"}
WIJKPROFIEL_INDICES = {
    "veiligheid_index": "wijkprofiel_veiligheid",
    "sociaal_index": "wijkprofiel_sociaal",
    "fysiek_index": "wijkprofiel_fysiek",
}
# CBS column (any of the aliases, first found wins) -> indicator.
CBS_KOLOMMEN: dict[str, tuple[str, ...]] = {
    "inwoners": ("inwoners", "aant_inw", "a_inw"),
    "personen_bijstand": ("personen_bijstand",),
    "bijstandsuitkeringen": ("wwb_uittot", "a_soz_wb"),
    "pct_bijstand_van_inwoners": ("pct_bijstand_van_inwoners",),
    "pct_huurwoningen": ("pct_huurwoningen", "p_huurw"),
    "aandeel_corporatie": ("pct_huurwoningen_corporatie", "p_wcorpw"),
    "pct_koopwoningen": ("pct_koopwoningen", "p_koopw"),
    "gem_woz_x1000eur": ("gem_woz_x1000eur", "g_woz"),
    "gem_inkomen_per_inwoner_x1000eur": ("gem_inkomen_per_inwoner_x1000eur", "g_ink_pi"),
    "pct_huishoudens_laag_inkomen": ("pct_huishoudens_laag_inkomen", "p_ink_li"),
    "pct_65_plus": ("pct_65_plus", "p_65_eo_jr"),
    "pct_eenpersoonshuishoudens": ("pct_eenpersoonshuishoudens", "p_eenp_hh"),
}
CBS_LEVEL = {"wijk": "gebied", "buurt": "buurt", "gemeente": "gemeente", "wijkprofiel": "wijkprofiel"}


class IndicatorImportError(ValueError):
    """A file that cannot be loaded; ``problems`` lists every reason with its line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Gelezen:
    """The validated contents of a file, before the area codes are matched.

    ``rijen`` has ``regel, niveau, gebied_code, jaar, indicator, waarde, bron``; ``meldingen`` are notes for the
    user (merged areas, skipped blank cells) that do not stop the load.
    """

    formaat: str
    rijen: pd.DataFrame
    meldingen: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LoadResultaat:
    """What a load wrote."""

    formaat: str
    bestand: str
    waarden: int
    gebieden: int
    jaren: tuple[int, ...]
    indicatoren: tuple[str, ...]
    meldingen: tuple[str, ...]


# Reading ---------------------------------------------------------------------------------------------------------
# Counts are whole numbers (a dot between groups of three digits is a thousands dot); everything else is a ratio.
AANTALLEN = frozenset({"inwoners", "personen_bijstand", "bijstandsuitkeringen", "adressen", "directe_bemiddeling"})
# Range per indicator (inclusive); an indicator not listed must only be a finite number.
BEREIK: dict[str, tuple[float, float]] = {
    **{i: (0.0, 100.0) for i in ("pct_bijstand_van_inwoners", "pct_huurwoningen", "aandeel_corporatie",
                                  "pct_koopwoningen", "pct_huishoudens_laag_inkomen", "pct_65_plus",
                                  "pct_eenpersoonshuishoudens")},
    **{i: (0.0, 1e8) for i in AANTALLEN},
    "gem_woz_x1000eur": (0.0, 100_000.0),
    "gem_inkomen_per_inwoner_x1000eur": (0.0, 10_000.0),
    **{ind: (0.0, 400.0) for ind in ("wijkprofiel_veiligheid", "wijkprofiel_sociaal", "wijkprofiel_fysiek")},
}


def soort(indicator: str) -> str:
    """Whether an indicator is a count or a ratio (decides how ``3.455`` is read)."""
    return AANTAL if indicator in AANTALLEN or indicator.startswith(("aantal_", "aant_")) else RATIO


def buiten_bereik(indicator: str, waarde: float) -> str | None:
    """Why ``waarde`` cannot be a value of ``indicator`` (``None`` when it can)."""
    if indicator in BEREIK:
        lo, hi = BEREIK[indicator]
        if not lo <= waarde <= hi:
            if indicator.startswith("pct_") or indicator == "aandeel_corporatie":
                return f"{waarde:g} is geen percentage (0 t/m 100)"
            if waarde < 0:
                return f"{waarde:g} is negatief"
            return f"{waarde:g} ligt buiten het bereik {lo:g} t/m {hi:g}"
    elif soort(indicator) == AANTAL and waarde < 0:
        return f"{waarde:g} is negatief"
    return None


@dataclass
class _Tabel:
    header: list[str]
    rows: list[Rij]
    meldingen: list[str]
    decimaal: dict[str, str | None]
    kop_cellen: int = 0  # a CSV row must have as many cells as its header (0: a workbook, no such check)


def _read_table(path: str | Path, verplicht: Verplicht, bestandsnaam: str | None = None) -> _Tabel:
    """Read with the shared spreadsheet reader; reading problems become an import error."""
    try:
        tabel = lees_tabel(path, bestandsnaam, verplicht=verplicht)
    except SpreadsheetFout as exc:
        raise IndicatorImportError(exc.problemen) from exc
    rows = [r for r in tabel.rijen if not r.leeg()]
    decimaal = {c: decimaalteken([r.waarden.get(c, "") for r in rows]) for c in tabel.kolommen}
    return _Tabel(list(tabel.kolommen), rows, list(tabel.meldingen), decimaal,
                  tabel.kop_cellen if tabel.formaat == "csv" else 0)


def _cell(t: _Tabel, rij: Rij, col: str, indicator: str) -> Getal:
    return lees_getal(rij.waarden.get(col), soort(indicator), decimaal=t.decimaal.get(col), getal=rij.getallen.get(col))


def _year(text: str | None) -> int:
    if text is None or not re.fullmatch(r"\d{4}", text):
        raise ValueError(text)
    jaar = int(text)
    if not JAAR_MIN <= jaar <= JAAR_MAX:
        raise ValueError(text)
    return jaar


def _require(header: list[str], columns: list[str], name: str) -> list[str]:
    missing = [c for c in columns if c not in header]
    return [f"kolom ontbreekt: {c} (formaat {name}; aanwezig: {', '.join(header)})" for c in missing]


def _first(header: list[str], options: tuple[str, ...] | list[str]) -> str | None:
    return next((c for c in options if c in header), None)


def _normalise_code(code: str, niveau: str) -> str:
    if niveau in ("buurt", "gebied", "gemeente"):
        return code.upper()
    if niveau == "wijkprofiel":
        return code.lower()
    return code


def _frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["regel", "niveau", "gebied_code", "jaar", "indicator", "waarde", "bron"])


def _infer_level(code: str) -> str | None:
    for prefix, level in (("GM", "gemeente"), ("WK", "gebied"), ("BU", "buurt")):
        if code.upper().startswith(prefix):
            return level
    if re.fullmatch(r"[1-9]\d{3}", code):
        return "pc4"
    if re.fullmatch(r"[a-z0-9-]+", code):
        return "wijkprofiel"
    return None


def _year_and_code(row: dict, line: int, code_col: str, year_col: str, problems: list[str]) -> tuple[str, int | None]:
    code = row.get(code_col) or ""
    where = f"regel {line}" + (f" ({code})" if code else "")
    if not code:
        problems.append(f"{where}: gebiedscode ontbreekt")
    try:
        jaar = _year(row.get(year_col))
    except ValueError:
        problems.append(f"{where}: jaar {row.get(year_col)!r} is geen jaartal tussen {JAAR_MIN} en {JAAR_MAX}")
        jaar = None
    return code, jaar


def _extra_cells(t: _Tabel, rij: Rij, line: int, problems: list[str]) -> bool:
    """A row with more or fewer cells than its header (an unquoted decimal comma) is refused, never shifted."""
    if rij.extra or (t.kop_cellen and rij.cellen > t.kop_cellen):
        problems.append(f"regel {line}: meer cellen dan kolommen in de kop; staat er een decimale komma of een komma "
                        "in een tekst zonder aanhalingstekens?")
        return True
    if t.kop_cellen and rij.cellen < t.kop_cellen:
        problems.append(f"regel {line}: minder cellen ({rij.cellen}) dan kolommen in de kop ({t.kop_cellen})")
        return True
    return False


# The four formats ------------------------------------------------------------------------------------------------
def read_generiek(path: str | Path, *, niveau: str | None = None, bron: str | None = None) -> Gelezen:
    """Read a generic ``gebied_code, jaar, indicator, waarde`` file (see the module docstring)."""
    t = _read_table(path, ["gebied_code"])
    header = t.header
    problems = _require(header, ["gebied_code", "jaar", "indicator", "waarde"], "generiek")
    if niveau is not None and niveau not in LEVELS:
        problems.append(f"onbekend niveau {niveau!r}; kies uit {', '.join(LEVELS)}")
    if problems:
        raise IndicatorImportError(problems)
    out, geheim = [], 0
    for rij in t.rows:
        i, row = rij.nummer, rij.waarden
        if _extra_cells(t, rij, i, problems):
            continue
        code, jaar = _year_and_code(row, i, "gebied_code", "jaar", problems)
        where = f"regel {i}" + (f" ({code})" if code else "")
        lvl = niveau or row.get("niveau") or (_infer_level(code) if code else None)
        if lvl not in LEVELS:
            problems.append(f"{where}: niveau {lvl!r} onbekend of niet af te leiden; kies uit {', '.join(LEVELS)}")
        indicator = (row.get("indicator") or "").strip().lower()
        if not INDICATOR_RE.match(indicator):
            problems.append(f"{where}: indicator {row.get('indicator')!r} mag alleen a-z, 0-9 en _ bevatten")
        g = lees_getal(row.get("waarde"), soort(indicator), decimaal=t.decimaal.get("waarde"),
                       getal=rij.getallen.get("waarde"))
        waarde = g.waarde
        if g.fout:
            problems.append(f"{where}: waarde {g.fout}")
        elif g.geheim:
            geheim += 1
            continue
        elif waarde is None:
            problems.append(f"{where}: waarde ontbreekt")
        elif INDICATOR_RE.match(indicator) and (reden := buiten_bereik(indicator, waarde)):
            problems.append(f"{where}: {indicator} = {reden}")
            waarde = None
        if code and jaar and lvl in LEVELS and INDICATOR_RE.match(indicator) and waarde is not None:
            out.append((i, lvl, _normalise_code(code, lvl), jaar, indicator, waarde,
                        row.get("bron") or bron or Path(path).name))
    if problems:
        raise IndicatorImportError(problems)
    meldingen = t.meldingen + ([f"{geheim} geheimgehouden of ontbrekende CBS-waarden overgeslagen."] if geheim else [])
    return Gelezen("generiek", _frame(out), meldingen)


def read_leefbaarometer(path: str | Path, *, bron: str | None = None) -> Gelezen:
    """Read Leefbaarometer 3.0 open data (total score, five dimensions, optional classes) per buurt or PC4."""
    t = _read_table(path, [tuple(LEEFBAAROMETER_CODES)])
    header = t.header
    code_col = _first(header, list(LEEFBAAROMETER_CODES))
    problems = [] if code_col else [
        f"geen gebiedskolom gevonden: verwacht een van {', '.join(LEEFBAAROMETER_CODES)} (aanwezig: {', '.join(header)})"
    ]
    problems += _require(header, ["jaar", *LEEFBAAROMETER_SCORES], "leefbaarometer")
    if problems:
        raise IndicatorImportError(problems)
    niveau = LEEFBAAROMETER_CODES[code_col]
    bron = bron or f"Leefbaarometer 3.0 ({Path(path).name})"
    out, leeg = [], 0
    for rij in t.rows:
        i, row = rij.nummer, rij.waarden
        if _extra_cells(t, rij, i, problems):
            continue
        code, jaar = _year_and_code(row, i, code_col, "jaar", problems)
        if niveau == "pc4" and code and not re.fullmatch(r"[1-9]\d{3}", code):
            problems.append(f"regel {i} ({code}): een postcodegebied heeft vier cijfers")
        where = f"regel {i}" + (f" ({code})" if code else "")
        for col, indicator in LEEFBAAROMETER_SCORES.items():
            g = _cell(t, rij, col, indicator)
            if g.fout:
                problems.append(f"{where}: {col} {g.fout}")
                continue
            if g.waarde is None:
                leeg += 1
                continue
            score = g.waarde
            if abs(score) > 10:
                problems.append(f"{where}: {col} = {score:g} ligt buiten het bereik van een Leefbaarometer-score")
                continue
            if code and jaar:
                out.append((i, niveau, _normalise_code(code, niveau), jaar, indicator, score, bron))
            klasse_col = f"kl_{col}"
            if klasse_col in header and row.get(klasse_col):
                k = row.get(klasse_col)
                if not (k.isascii() and k.isdigit() and 1 <= int(k) <= 9):
                    problems.append(f"{where}: {klasse_col} {k!r} is geen klasse 1 t/m 9")
                elif code and jaar:
                    out.append((i, niveau, _normalise_code(code, niveau), jaar, f"{indicator}_klasse", float(k), bron))
    if problems:
        raise IndicatorImportError(problems)
    meldingen = t.meldingen + ([f"{leeg} lege scores overgeslagen (te weinig adressen of niet gemeten)."]
                               if leeg else [])
    return Gelezen("leefbaarometer", _frame(out), meldingen)


def read_wijkprofiel(path: str | Path, *, bron: str | None = None) -> Gelezen:
    """Read Wijkprofiel indices per wijk and year; several wijken on one area code are averaged and reported."""
    t = _read_table(path, [("geo_key", "wijk_code", "code")])
    header = t.header
    code_col = _first(header, ["geo_key", "wijk_code", "code"])
    year_col = _first(header, ["year", "jaar"])
    problems = [] if code_col else [f"kolom ontbreekt: geo_key (formaat wijkprofiel; aanwezig: {', '.join(header)})"]
    problems += [] if year_col else [f"kolom ontbreekt: year of jaar (formaat wijkprofiel; aanwezig: {', '.join(header)})"]
    present = [c for c in WIJKPROFIEL_INDICES if c in header]
    if not present:
        problems.append(f"geen indexkolom gevonden: verwacht {', '.join(WIJKPROFIEL_INDICES)}")
    if problems:
        raise IndicatorImportError(problems)
    bron = bron or f"Wijkprofiel Rotterdam, OBI ({Path(path).name})"
    values: dict[tuple[str, int, str], list[tuple[int, str, float]]] = defaultdict(list)
    leeg = 0
    for rij in t.rows:
        i, row = rij.nummer, rij.waarden
        if _extra_cells(t, rij, i, problems):
            continue
        code, jaar = _year_and_code(row, i, code_col, year_col, problems)
        code = code.lower()
        slug = (row.get("wp_slug") or code).lower()
        where = f"regel {i}" + (f" ({slug})" if slug else "")
        for col in present:
            g = _cell(t, rij, col, WIJKPROFIEL_INDICES[col])
            if g.fout:
                problems.append(f"{where}: {col} {g.fout}")
                continue
            if g.waarde is None:
                leeg += 1
                continue
            index = g.waarde
            if not 0 <= index <= 400:
                problems.append(f"{where}: {col} = {index:g} is geen Wijkprofiel-index (0 t/m 400; 100 = Rotterdam 2014)")
                continue
            if code and jaar:
                values[(code, jaar, WIJKPROFIEL_INDICES[col])].append((i, slug, index))
    for (_code, jaar, indicator), found in sorted(values.items()):
        slugs = [s for _, s, _ in found]
        dup = sorted({s for s in slugs if slugs.count(s) > 1})
        for s in dup:
            lines = ", ".join(str(line) for line, s2, _ in found if s2 == s)
            problems.append(f"regels {lines}: {s} staat meer dan één keer in {jaar} ({indicator})")
    if problems:
        raise IndicatorImportError(problems)
    out, merged = [], defaultdict(set)
    for (code, jaar, indicator), found in sorted(values.items()):
        if len(found) > 1:
            merged[(code, tuple(sorted({s for _, s, _ in found})))].add(jaar)
        out.append((found[0][0], "wijkprofiel", code, jaar, indicator,
                    round(sum(v for _, _, v in found) / len(found), 2), bron))
    meldingen = [
        f"{code}: de Wijkprofiel-wijken {' en '.join(slugs)} vallen samen in één gebied {code} op de kaart; "
        f"opgeslagen is het gemiddelde van hun indices ({len(jaren)} jaren: {min(jaren)}-{max(jaren)})."
        for (code, slugs), jaren in sorted(merged.items())
    ]
    if leeg:
        meldingen.append(f"{leeg} lege indexwaarden overgeslagen.")
    meldingen = t.meldingen + meldingen
    return Gelezen("wijkprofiel", _frame(out), meldingen)


def read_cbs(path: str | Path, *, bron: str | None = None) -> Gelezen:
    """Read CBS Kerncijfers wijken en buurten (population, bijstand, ownership shares; see :data:`CBS_KOLOMMEN`)."""
    t = _read_table(path, [("code", "gwb_code", "geo_key", "gwb_code_10")])
    header = t.header
    code_col = _first(header, ["code", "gwb_code", "geo_key", "gwb_code_10"])
    year_col = _first(header, ["year", "jaar"])
    problems = [] if code_col else [f"kolom ontbreekt: code, gwb_code of geo_key (aanwezig: {', '.join(header)})"]
    problems += [] if year_col else [f"kolom ontbreekt: year of jaar (aanwezig: {', '.join(header)})"]
    columns = {ind: col for ind, aliases in CBS_KOLOMMEN.items() if (col := _first(header, aliases))}
    if not columns:
        problems.append("geen bekende CBS-kolom gevonden; verwacht bijvoorbeeld "
                        + ", ".join(a[0] for a in CBS_KOLOMMEN.values()))
    if problems:
        raise IndicatorImportError(problems)
    bron = bron or f"CBS Kerncijfers wijken en buurten ({Path(path).name})"
    out, leeg, geheim = [], 0, 0
    for rij in t.rows:
        i, row = rij.nummer, rij.waarden
        if _extra_cells(t, rij, i, problems):
            continue
        code, jaar = _year_and_code(row, i, code_col, year_col, problems)
        where = f"regel {i}" + (f" ({code})" if code else "")
        level_text = (row.get("level") or row.get("recs") or "").strip().lower()
        niveau = CBS_LEVEL.get(level_text) if level_text else (_infer_level(code) if code else None)
        if niveau is None:
            problems.append(f"{where}: niveau {level_text or code!r} onbekend (wijk, buurt, gemeente of wijkprofiel)")
            continue
        for indicator, col in columns.items():
            g = _cell(t, rij, col, indicator)
            if g.fout:
                problems.append(f"{where}: {col} {g.fout}")
                continue
            if g.geheim:
                geheim += 1
                continue
            if g.waarde is None:
                leeg += 1
                continue
            value = g.waarde
            if value < 0:
                problems.append(f"{where}: {col} = {value:g} is negatief")
                continue
            if reden := buiten_bereik(indicator, value):
                problems.append(f"{where}: {col} = {reden}")
                continue
            if code and jaar:
                out.append((i, niveau, _normalise_code(code, niveau), jaar, indicator, value, bron))
    if problems:
        raise IndicatorImportError(problems)
    meldingen = list(t.meldingen)
    if leeg:
        meldingen.append(f"{leeg} lege cellen overgeslagen (niet gepubliceerd).")
    if geheim:
        meldingen.append(f"{geheim} geheimgehouden CBS-waarden overgeslagen.")
    return Gelezen("cbs", _frame(out), meldingen)


READERS: dict[str, Callable[..., Gelezen]] = {
    "generiek": read_generiek,
    "leefbaarometer": read_leefbaarometer,
    "wijkprofiel": read_wijkprofiel,
    "cbs": read_cbs,
}


# Matching and writing --------------------------------------------------------------------------------------------
def match_codes(
    gelezen: Gelezen, bekend: dict[str, pd.DataFrame], *, onbekende_codes: str = "fout"
) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Match the area codes of ``gelezen`` to the loaded areas per level, whatever their boundary year.

    Parameters
    ----------
    gelezen
        The validated file.
    bekend
        Per level the loaded areas (``code, naam, jaar``).
    onbekende_codes
        ``"fout"``: an unknown code is a problem; ``"overslaan"``: its rows are skipped and reported.

    Returns
    -------
    tuple
        ``(rows to store, problems, notes)``.
    """
    if onbekende_codes not in ("fout", "overslaan"):
        raise ValueError(onbekende_codes)
    rows = gelezen.rijen
    problems, meldingen = [], []
    keep = pd.Series(True, index=rows.index)
    for niveau, part in rows.groupby("niveau"):
        areas = bekend.get(niveau)
        if areas is None or areas.empty:
            problems.append(f"er zijn geen gebieden op niveau {niveau} geladen; laad eerst de grenzen "
                            "(hkd load gebieden) of de demo (hkd demo)")
            keep[part.index] = False
            continue
        known = set(areas["code"])
        unknown = part[~part["gebied_code"].isin(known)]
        grensjaar = ", ".join(str(j) for j in sorted(areas["jaar"].unique()))
        for code, lines in unknown.groupby("gebied_code")["regel"]:
            regels = ", ".join(str(x) for x in sorted(set(lines)))
            text = f"regel {regels}: code {code} bestaat niet op niveau {niveau} (grenzen {grensjaar})"
            if onbekende_codes == "fout":
                problems.append(text)
            else:
                meldingen.append(text + "; overgeslagen")
        keep[unknown.index] = False
        other_years = sorted(set(part.loc[part.index.difference(unknown.index), "jaar"]) - set(areas["jaar"]))
        if other_years:
            meldingen.append(f"{niveau}: cijfers uit {', '.join(map(str, other_years))} zijn op code gekoppeld aan "
                             f"de grenzen van {grensjaar}.")
    dup = rows[rows.duplicated(["niveau", "gebied_code", "jaar", "indicator"], keep=False)]
    for (niveau, code, jaar, indicator), lines in dup.groupby(["niveau", "gebied_code", "jaar", "indicator"])["regel"]:
        problems.append(f"regels {', '.join(map(str, sorted(set(lines))))}: {indicator} voor {code} ({niveau}) in "
                        f"{jaar} staat er meer dan één keer in")
    return rows[keep].drop(columns=["regel"]).reset_index(drop=True), problems, meldingen


def load_indicatoren(
    engine: Engine,
    path: str | Path,
    formaat: str,
    *,
    niveau: str | None = None,
    bron: str | None = None,
    onbekende_codes: str = "fout",
    gebruiker: str = "hkd load",
) -> LoadResultaat:
    """Validate ``path`` completely, match its codes, then write all values in one transaction (or nothing).

    Raises :class:`IndicatorImportError` listing every problem; the database is then unchanged.
    """
    if formaat not in READERS:
        raise IndicatorImportError([f"onbekend formaat {formaat!r}; kies uit {', '.join(READERS)}"])
    kwargs = {"bron": bron} | ({"niveau": niveau} if formaat == "generiek" else {})
    gelezen = READERS[formaat](path, **kwargs)
    if gelezen.rijen.empty:
        raise IndicatorImportError([f"{Path(path).name} bevat geen waarden"])
    with acting_as(engine, gebruiker) as conn:
        bekend = {lvl: trends.gebied_codes(conn, lvl) for lvl in sorted(gelezen.rijen["niveau"].unique())}
        rows, problems, meldingen = match_codes(gelezen, bekend, onbekende_codes=onbekende_codes)
        if problems:
            raise IndicatorImportError(problems)  # leaves the transaction: nothing written
        meldingen = gelezen.meldingen + meldingen
        result = LoadResultaat(
            formaat=formaat, bestand=str(path), waarden=len(rows), gebieden=rows["gebied_code"].nunique(),
            jaren=tuple(sorted(int(j) for j in rows["jaar"].unique())),
            indicatoren=tuple(sorted(rows["indicator"].unique())), meldingen=tuple(meldingen),
        )
        trends.store_indicatoren(conn, rows, {
            "formaat": formaat, "bestand": Path(path).name, "waarden": result.waarden, "gebieden": result.gebieden,
            "jaren": list(result.jaren), "indicatoren": list(result.indicatoren), "meldingen": list(meldingen),
        })
    return result

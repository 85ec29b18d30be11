"""Import indicator files (Leefbaarometer, Wijkprofiel, CBS Kerncijfers, generic) into ``hkd.indicatoren``.

Every format is a declaration in :mod:`geo.formaten` (``GENERIEK``, ``LEEFBAAROMETER``, ``WIJKPROFIEL``, ``CBS``)
whose value columns are indicators of the one catalogue (:mod:`core.indicatoren`: count or ratio, range). The
shared engine (:mod:`data.importeur`) reads and checks the file: Dutch numbers per column type (a count's ``2.000``
is 2000, an ambiguous ratio is refused), a row whose cell count differs from its header refused with its row, CBS
secrecy codes and blank cells skipped and counted, every problem with file, row and column. What stays here is
what only indicator files need: one row into several values, the level of an area code, the mean of Wijkprofiel
wijken on one area, the observations behind a value, and matching the codes to the loaded areas.

Only a file without problems is written, in one transaction, with one audit entry for the load. The natural key
is (level, area code, year, indicator): loading the same file twice changes nothing, and a file that overlaps an
earlier load stores only what is new or changed and says how many values it skipped.

Observations (seed 002 footnote 6): a ``waarnemingen`` (or ``n``) column gives them per row (generic format);
otherwise they are derived as the catalogue says: a count of persons is its own number, a share of the
inhabitants is inhabitants x share / 100 when the file gives the inhabitants of the same area and year. The
database withholds a value under its indicator's minimum (10; 100 for income data) for every layer.

CBS 100 m squares (level ``vierkant``, code ``E0912N4366``, :mod:`geo.vierkanten`) load like any level, in the
generic and the CBS format (column ``crs28992res100m``): a square must lie in a loaded buurt (its centre), and its
value needs its observations (given or derived), or the file is refused.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine

from core.indicatoren import CATALOGUS
from core.taal import aantal
from data.importeur import Controle, ImportGeweigerd, Probleem, controleer, lees
from geo import formaten as f
from geo import vierkanten
from geo.kolommen import Kolom
from queries import indicatoren, trends
from queries.db import acting_as

LEVELS = tuple(dict.fromkeys(f.INDICATOR_NIVEAUS.values()))  # gemeente, gebied, buurt, wijkprofiel, pc4, vierkant
VIERKANT_UITLEG = ("geen CBS-vierkantcode van 100 m: E en de RD-x van de linkeronderhoek in hectometers, N en de "
                   "RD-y, elk in vier cijfers (bijvoorbeeld E0912N4366)")
KOLOMMEN = ["regel", "niveau", "gebied_code", "jaar", "indicator", "waarde", "bron", "waarnemingen"]


class IndicatorImportError(ImportGeweigerd):
    """A file that cannot be loaded; ``problems`` lists every problem with file, row and column."""


@dataclass
class Gelezen:
    """The validated contents of a file, before the area codes are matched.

    ``rijen`` has ``regel, niveau, gebied_code, jaar, indicator, waarde, bron, waarnemingen``; ``meldingen`` are
    notes for the user (merged areas, skipped blank or secret cells, ignored columns) that do not stop the load.
    """

    formaat: str
    rijen: pd.DataFrame
    meldingen: list[str] = field(default_factory=list)
    bestand: str = ""


@dataclass(frozen=True)
class LoadResultaat:
    """What a load did: values in the file, and of those how many were new, changed, or skipped as loaded before."""

    formaat: str
    bestand: str
    waarden: int
    gebieden: int
    jaren: tuple[int, ...]
    indicatoren: tuple[str, ...]
    meldingen: tuple[str, ...]
    nieuw: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0


# Reading ---------------------------------------------------------------------------------------------------------
def _controle(path: str | Path, formaat, **kwargs) -> Controle:
    """Read and check ``path`` by the declaration; a file that is no table, or has problems, is refused."""
    try:
        tabel = lees(path, None, formaat)
    except ImportGeweigerd as exc:
        raise IndicatorImportError(exc.problems) from exc
    controle = controleer(tabel, formaat, **kwargs)
    if controle.problemen:
        raise IndicatorImportError(controle.problemen)
    return controle


def _weiger(controle: Controle, reden: str) -> IndicatorImportError:
    return IndicatorImportError([Probleem(0, "", reden, controle.bestand)])


def _infer_level(code: str) -> str | None:
    for prefix, level in (("GM", "gemeente"), ("WK", "gebied"), ("BU", "buurt")):
        if code.upper().startswith(prefix):
            return level
    if vierkanten.lees_code(code) is not None:
        return "vierkant"
    if re.fullmatch(r"[1-9]\d{3}", code):
        return "pc4"
    if re.fullmatch(r"[a-z0-9-]+", code):
        return "wijkprofiel"
    return None


def _normalise_code(code: str, niveau: str) -> str:
    if niveau == "vierkant":
        return vierkanten.normaliseer(code)
    if niveau in ("buurt", "gebied", "gemeente"):
        return code.upper()
    return code.lower() if niveau == "wijkprofiel" else code


def _overgeslagen(controle: Controle, kolommen: list[str]) -> list[str]:
    """Notes on the cells of the value columns read as no value: blank, or a CBS secrecy code."""
    leeg = sum(r[k] is None for r in controle.regels for k in kolommen) - controle.geheim
    return ([f"{aantal(leeg, 'lege cel', 'lege cellen')} overgeslagen (niet gepubliceerd of niet gemeten)."]
            if leeg else []) + (
        [f"{aantal(controle.geheim, 'geheimgehouden of ontbrekende CBS-waarde', 'geheimgehouden of ontbrekende CBS-waarden')} overgeslagen."]
        if controle.geheim else [])


def met_waarnemingen(rijen: pd.DataFrame) -> pd.DataFrame:
    """Fill the observations the file does not give where the catalogue derives them: a count of persons is its own
    number; a share of the inhabitants is inhabitants x share / 100 (inhabitants of the same area and year in
    these rows). Anything else stays unknown (never guessed)."""
    rijen = rijen.copy()
    inw = rijen[rijen["indicator"] == "inwoners"].set_index(["niveau", "gebied_code", "jaar"])["waarde"]
    inw = inw[~inw.index.duplicated()]
    n = []
    for r in rijen.itertuples(index=False):
        i = CATALOGUS.get(r.indicator)
        if not pd.isna(r.waarnemingen) or i is None or i.waarnemingen_uit is None:
            n.append(r.waarnemingen)
        else:  # a count of persons needs nothing else; a share of the inhabitants their number
            n.append(i.waarnemingen(r.waarde, inw.get((r.niveau, r.gebied_code, r.jaar))))
    rijen["waarnemingen"] = pd.array([None if pd.isna(x) else int(x) for x in n], dtype="Int64")
    return rijen


def _vierkantcode(r: dict, kolom: str, fout) -> None:
    """A row on level vierkant needs a CBS square code (checked before the code is normalised)."""
    if r["niveau"] == "vierkant" and vierkanten.lees_code(r[kolom]) is None:
        fout(kolom, f"{r[kolom]!r} is {VIERKANT_UITLEG}")


def _gelezen(formaat: str, rows: list[tuple], controle: Controle, meldingen: list[str]) -> Gelezen:
    """The rows with their observations; a square's value without them is refused (the database withholds a
    square under the minimum, and can only when it knows the number)."""
    frame = met_waarnemingen(pd.DataFrame(rows, columns=KOLOMMEN))
    eigen = (frame["niveau"] == "vierkant") & (frame["indicator"] == "inwoners") & frame["waarnemingen"].isna()
    frame.loc[eigen, "waarnemingen"] = frame.loc[eigen, "waarde"].round().astype("Int64")  # a square's own count
    zonder = frame[(frame["niveau"] == "vierkant") & frame["waarnemingen"].isna()]
    if not zonder.empty:
        raise IndicatorImportError([
            Probleem(int(r.regel), "waarnemingen", f"{r.indicator} voor vierkant {r.gebied_code} zonder aantal "
                     "waarnemingen; een waarde per vierkant wordt alleen met dat aantal geladen (kleine aantallen "
                     "worden dan achtergehouden); vul de kolom waarnemingen of geef de inwoners van het vierkant",
                     controle.bestand)
            for r in zonder.itertuples()])
    return Gelezen(formaat, frame, controle.meldingen + meldingen, controle.bestand)


# The four formats ------------------------------------------------------------------------------------------------
def _per_indicator(kolom: Kolom, regel: dict) -> Kolom:
    """The generic format's ``waarde`` is read as its row's indicator says (count or ratio, range)."""
    if kolom.naam == "waarde" and regel.get("indicator") in CATALOGUS:
        return f.indicator_kolom(regel["indicator"], "waarde", verplicht=True)
    return kolom


def read_generiek(path: str | Path, *, niveau: str | None = None, bron: str | None = None) -> Gelezen:
    """Read a generic ``gebied_code, jaar, indicator, waarde`` file (optional ``niveau``, ``waarnemingen``, ``bron``).

    ``niveau`` (argument) applies to every row; else each row's ``niveau`` cell, else the level its code shows."""
    if niveau is not None and niveau not in LEVELS:
        raise IndicatorImportError([Probleem(0, "", f"onbekend niveau {niveau!r}; kies uit {', '.join(LEVELS)}",
                                             Path(path).name)])

    def regel(r: dict, fout) -> None:
        r["niveau"] = niveau or r["niveau"] or _infer_level(r["gebied_code"])
        if r["niveau"] not in LEVELS:
            fout("niveau", f"niveau van {r['gebied_code']!r} niet af te leiden; vul de kolom niveau "
                           f"({', '.join(LEVELS)})")
        _vierkantcode(r, "gebied_code", fout)

    controle = _controle(path, f.GENERIEK, keuzes=f.INDICATOR_KEUZES, rijregel=regel, per_rij=_per_indicator)
    rows = [(nr, r["niveau"], _normalise_code(r["gebied_code"], r["niveau"]), r["jaar"], r["indicator"],
             float(r["waarde"]), r["bron"] or bron or controle.bestand, r["waarnemingen"])
            for nr, r in zip(controle.rijnummers, controle.regels, strict=True) if r["waarde"] is not None]
    return _gelezen("generiek", rows, controle, _overgeslagen(controle, ["waarde"]))


def read_leefbaarometer(path: str | Path, *, bron: str | None = None) -> Gelezen:
    """Read Leefbaarometer 3.0 open data (total score, five dimensions, optional classes) per buurt, PC4, wijk."""
    controle = _controle(path, f.LEEFBAAROMETER)
    code_col = next((c for c in f.LBM_CODES if c in controle.kop), None)
    if code_col is None:
        raise _weiger(controle, f"geen gebiedskolom gevonden: verwacht een van {', '.join(f.LBM_CODES)}")
    niveau = f.LBM_CODES[code_col]
    bron = bron or f"Leefbaarometer 3.0 ({controle.bestand})"
    kolommen = [k.naam for k in f.LEEFBAAROMETER.kolommen if k.naam in f.LBM_SCORES or k.naam.startswith("kl_")]
    aanwezig = [k for k in kolommen if k in controle.kop]
    rows, problemen = [], []
    for nr, r in zip(controle.rijnummers, controle.regels, strict=True):
        if not r[code_col]:
            problemen.append(Probleem(nr, code_col, "leeg", controle.bestand))
            continue
        code = _normalise_code(r[code_col], niveau)
        for kol in aanwezig:
            if r[kol] is not None:
                ind = f.LBM_SCORES[kol] if kol in f.LBM_SCORES else f"{f.LBM_SCORES[kol[3:]]}_klasse"
                rows.append((nr, niveau, code, r["jaar"], ind, float(r[kol]), bron, None))
    if problemen:
        raise IndicatorImportError(problemen)
    return _gelezen("leefbaarometer", rows, controle, _overgeslagen(controle, aanwezig))


def read_wijkprofiel(path: str | Path, *, bron: str | None = None) -> Gelezen:
    """Read Wijkprofiel indices per wijk and year; several wijken on one area code are averaged and reported."""
    controle = _controle(path, f.WIJKPROFIEL)
    aanwezig = [k for k in f.WP_INDICES if k in controle.kop]
    if not aanwezig:
        raise _weiger(controle, f"geen indexkolom gevonden: verwacht {', '.join(f.WP_INDICES)}")
    bron = bron or f"Wijkprofiel Rotterdam, OBI ({controle.bestand})"
    values: dict[tuple[str, int, str], list[tuple[int, str, float]]] = defaultdict(list)
    for nr, r in zip(controle.rijnummers, controle.regels, strict=True):
        code = r["geo_key"].lower()
        for kol in aanwezig:
            if r[kol] is not None:
                values[(code, r["jaar"], f.WP_INDICES[kol])].append((nr, (r["wp_slug"] or code).lower(), r[kol]))
    rows, merged = [], defaultdict(set)
    for (code, jaar, indicator), found in sorted(values.items()):
        if len(found) > 1:
            merged[(code, tuple(sorted({s for _, s, _ in found})))].add(jaar)
        rows.append((found[0][0], "wijkprofiel", code, jaar, indicator,
                     round(sum(v for _, _, v in found) / len(found), 2), bron, None))
    meldingen = [
        f"{code}: de Wijkprofiel-wijken {' en '.join(slugs)} vallen samen in één gebied {code} op de kaart; "
        f"opgeslagen is het gemiddelde van hun indices ({len(jaren)} jaren: {min(jaren)}-{max(jaren)})."
        for (code, slugs), jaren in sorted(merged.items())
    ]
    return _gelezen("wijkprofiel", rows, controle, meldingen + _overgeslagen(controle, aanwezig))


def read_cbs(path: str | Path, *, bron: str | None = None) -> Gelezen:
    """Read CBS Kerncijfers wijken en buurten (population, bijstand, ownership shares; see ``f.CBS_KOLOMMEN``)."""
    def regel(r: dict, fout) -> None:
        r["niveau"] = r["niveau"] or _infer_level(r["code"])
        if r["niveau"] is None:
            fout("code", f"niveau van {r['code']!r} niet af te leiden; vul de kolom level (wijk, buurt, gemeente, "
                         "wijkprofiel of vierkant)")
        _vierkantcode(r, "code", fout)

    controle = _controle(path, f.CBS, rijregel=regel)
    aanwezig = [k for k in f.CBS_KOLOMMEN if k in controle.kop]
    if not aanwezig:
        raise _weiger(controle, "geen bekende CBS-kolom gevonden; verwacht bijvoorbeeld "
                      + ", ".join((a or (k,))[0] for k, a in f.CBS_KOLOMMEN.items()))
    bron = bron or f"CBS Kerncijfers wijken en buurten ({controle.bestand})"
    rows = [(nr, r["niveau"], _normalise_code(r["code"], r["niveau"]), r["jaar"], ind, float(r[ind]), bron, None)
            for nr, r in zip(controle.rijnummers, controle.regels, strict=True)
            for ind in aanwezig if r[ind] is not None]
    return _gelezen("cbs", rows, controle, _overgeslagen(controle, aanwezig))


READERS: dict[str, Callable[..., Gelezen]] = {
    "generiek": read_generiek,
    "leefbaarometer": read_leefbaarometer,
    "wijkprofiel": read_wijkprofiel,
    "cbs": read_cbs,
}


# Matching and writing --------------------------------------------------------------------------------------------
def _rijen(lines) -> str:
    regels = sorted({int(x) for x in lines})
    return f"ook in rij {', '.join(map(str, regels[1:]))}" if len(regels) > 1 else ""


def match_codes(
    gelezen: Gelezen, bekend: dict[str, pd.DataFrame], *, onbekende_codes: str = "fout"
) -> tuple[pd.DataFrame, list[Probleem], list[str]]:
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
        ``(rows to store, problems, notes)``; a problem names the first row of a code (and the others).
    """
    if onbekende_codes not in ("fout", "overslaan"):
        raise ValueError(onbekende_codes)
    rows, naam = gelezen.rijen, gelezen.bestand
    problems: list[Probleem] = []
    meldingen: list[str] = []
    keep = pd.Series(True, index=rows.index)
    for niveau, part in rows.groupby("niveau"):
        areas = bekend.get(niveau)
        if areas is None or areas.empty:
            problems.append(Probleem(0, "", f"er zijn geen gebieden op niveau {niveau} geladen; laad eerst de "
                                            "grenzen (hkd load gebieden) of de demo (hkd demo)", naam))
            keep[part.index] = False
            continue
        known = set(areas["code"])
        unknown = part[~part["gebied_code"].isin(known)]
        grensjaar = ", ".join(str(j) for j in sorted(areas["jaar"].unique()))
        for code, lines in unknown.groupby("gebied_code")["regel"]:
            ook = _rijen(lines)
            reden = (f"vierkant {code} ligt niet in een geladen buurt (grenzen {grensjaar})" if niveau == "vierkant"
                     else f"code {code} bestaat niet op niveau {niveau} (grenzen {grensjaar})") + (f"; {ook}" if ook else "")
            if onbekende_codes == "fout":
                problems.append(Probleem(int(lines.min()), "gebied_code", reden, naam))
            else:
                meldingen.append(f"rij {int(lines.min())}: {reden}; overgeslagen")
        keep[unknown.index] = False
        other_years = sorted(set(part.loc[part.index.difference(unknown.index), "jaar"]) - set(areas["jaar"]))
        if other_years:
            meldingen.append(f"{niveau}: cijfers uit {', '.join(map(str, other_years))} zijn op code gekoppeld aan "
                             f"de grenzen van {grensjaar}.")
    dup = rows[rows.duplicated(["niveau", "gebied_code", "jaar", "indicator"], keep=False)]
    for (niveau, code, jaar, indicator), lines in dup.groupby(["niveau", "gebied_code", "jaar", "indicator"])["regel"]:
        problems.append(Probleem(int(lines.min()), "", f"{indicator} voor {code} ({niveau}) in {jaar} staat er meer "
                                                       f"dan één keer in; {_rijen(lines)}", naam))
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

    Raises :class:`IndicatorImportError` listing every problem; the database is then unchanged. Values loaded
    before as they are stay untouched (counted as ``ongewijzigd``).
    """
    if formaat not in READERS:
        raise IndicatorImportError([Probleem(0, "", f"onbekend formaat {formaat!r}; kies uit {', '.join(READERS)}",
                                             Path(path).name)])
    kwargs = {"bron": bron} | ({"niveau": niveau} if formaat == "generiek" else {})
    gelezen = READERS[formaat](path, **kwargs)
    if gelezen.rijen.empty:
        raise IndicatorImportError([Probleem(0, "", "het bestand bevat geen waarden", gelezen.bestand)])
    with acting_as(engine, gebruiker) as conn:
        bekend = {lvl: trends.gebied_codes(conn, lvl) if lvl != "vierkant" else
                  trends.vierkanten_in_buurten(conn, sorted(set(gelezen.rijen.loc[gelezen.rijen["niveau"] == lvl,
                                                                                   "gebied_code"])))
                  for lvl in sorted(gelezen.rijen["niveau"].unique())}
        rows, problems, meldingen = match_codes(gelezen, bekend, onbekende_codes=onbekende_codes)
        if problems:
            raise IndicatorImportError(problems)  # leaves the transaction: nothing written
        meldingen = gelezen.meldingen + meldingen
        nieuw, gewijzigd = indicatoren.upsert_geteld(conn, rows)
        result = LoadResultaat(
            formaat=formaat, bestand=str(path), waarden=len(rows), gebieden=rows["gebied_code"].nunique(),
            jaren=tuple(sorted(int(j) for j in rows["jaar"].unique())),
            indicatoren=tuple(sorted(rows["indicator"].unique())), meldingen=tuple(meldingen),
            nieuw=nieuw, gewijzigd=gewijzigd, ongewijzigd=len(rows) - nieuw - gewijzigd,
        )
        trends.audit_indicator_load(conn, {
            "formaat": formaat, "bestand": gelezen.bestand, "waarden": result.waarden, "gebieden": result.gebieden,
            "jaren": list(result.jaren), "indicatoren": list(result.indicatoren), "meldingen": list(meldingen),
            "nieuw": nieuw, "gewijzigd": gewijzigd, "ongewijzigd": result.ongewijzigd,
        })
    return result

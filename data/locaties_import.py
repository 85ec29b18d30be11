"""Import of the municipality's locations register (CSV or Excel): validate every row, diff by code, write all or nothing.

Columns (header row 1; row numbers in messages are spreadsheet rows, so the first data row is row 2):
``code, naam, aanbieder, woonvorm, doelgroep, plaatsen, straat, huisnummer, postcode`` (required),
``plaats`` (optional, default Rotterdam), and a position: ``x, y`` (RD New) or ``lat, lon`` (WGS84); without
either, the point comes from the geocoder (postcode + huisnummer), and offline such a row is not placeable.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import shapely
from pyproj import Transformer
from shapely.prepared import prep
from sqlalchemy import Connection

from clients.geocoder import AddressNotFound, GeocodeResult, GeocoderUnavailable, geocode
from core.taal import aantal
from data.spreadsheet import lees_frame
from queries import locaties as q

VERPLICHT = ("code", "naam", "aanbieder", "woonvorm", "doelgroep", "plaatsen", "straat", "huisnummer", "postcode")
OPTIONEEL = ("plaats", "x", "y", "lat", "lon")
CODE = re.compile(r"^[A-Za-z0-9_-]+$")
POSTCODE = re.compile(r"^([1-9][0-9]{3})([A-Z]{2})$")
HUISNUMMER = re.compile(r"^[1-9][0-9]{0,4}[A-Za-z]?(-[A-Za-z0-9]{1,4})?$")
NIET_TE_PLAATSEN = "niet te plaatsen zonder coördinaten (geocoder niet bereikbaar)"
VERPLAATST_VANAF_METER = 1.0
_WGS84_TO_RD = Transformer.from_crs(4326, 28992, always_xy=True)

Geocoder = Callable[[str, str], GeocodeResult]


@dataclass(frozen=True)
class Probleem:
    """One problem in the file: spreadsheet row (0 = the file as a whole), column and reason in Dutch."""

    rij: int
    kolom: str
    reden: str

    def __str__(self) -> str:
        waar = f"rij {self.rij}" if self.rij else "bestand"
        return f"{waar}, {self.kolom}: {self.reden}" if self.kolom else f"{waar}: {self.reden}"


@dataclass(frozen=True)
class Referentie:
    """What rows are checked against: providers and housing forms (by code or name), the municipality (RD)."""

    aanbieders: dict[str, str]
    woonvormen: dict[str, str]
    gemeente: shapely.Geometry | None

    @classmethod
    def uit_database(cls, conn: Connection) -> Referentie:
        """Read the lookups from the database."""
        a, w = q.aanbieders(conn), q.woonvormen(conn)
        aanbieders = {**{n.lower(): c for c, n in zip(a.code, a.naam, strict=True)}, **{c.lower(): c for c in a.code}}
        woonvormen = {**{n.lower(): c for c, n in zip(w.code, w.naam, strict=True)}, **{c.lower(): c for c in w.code}}
        return cls(aanbieders, woonvormen, q.gemeente(conn))


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
        super().__init__(aantal(len(problems), "probleem", "problemen"))
        self.problems = problems


@dataclass
class ImportPlan(RegelPlan):
    """The validated register and what applying it would change."""

    nieuw: list[dict] = field(default_factory=list)
    gewijzigd: list[tuple[dict, dict[str, tuple]]] = field(default_factory=list)
    ongewijzigd: list[dict] = field(default_factory=list)
    niet_in_bestand: list[str] = field(default_factory=list)


def lees_bestand(bron: str | Path | bytes, bestandsnaam: str | None = None) -> pd.DataFrame:
    """Read the register with the shared reader (:func:`data.spreadsheet.lees_tabel`) into a frame of strings.

    Columns are lower-case; ``frame.attrs["rijen"]`` holds each row's spreadsheet row number (the header need not
    be on row 1) and ``frame.attrs["meldingen"]`` what the reader noted (sheet read, header row). Raises
    :class:`data.spreadsheet.SpreadsheetFout` with Dutch problems for a file that is not a readable table.
    """
    return lees_frame(bron, bestandsnaam, verplicht=VERPLICHT)


def _getal(tekst: str) -> float | None:
    try:
        value = float(tekst.replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _excel_geheel(tekst: str) -> str:
    """Excel turns 12 into '12.0' when a column is numeric: undo that."""
    return tekst[:-2] if re.fullmatch(r"\d+\.0", tekst) else tekst


class _Plaatser:
    """Positions a row: RD, WGS84 or the geocoder (asked at most until it proves unreachable)."""

    def __init__(self, geocoder: Geocoder):
        self.geocoder = geocoder
        self.onbereikbaar = False

    def positie(self, rij: dict, fouten: list[tuple[str, str]], adres_geldig: bool) -> tuple[float, float] | None:
        x, y, lat, lon = (rij.get(k, "") for k in ("x", "y", "lat", "lon"))
        if x or y:
            if not (x and y):
                fouten.append(("x/y", "x en y horen samen (RD); één van beide ontbreekt"))
                return None
            px, py = _getal(x), _getal(y)
            if px is None or py is None:
                fouten.append(("x/y", f"geen getallen: x={x!r}, y={y!r}"))
                return None
            if not (0 <= px <= 300_000 and 289_000 <= py <= 629_000):
                fouten.append(("x/y", f"buiten het RD-bereik van Nederland: x={x}, y={y} (lat/lon verwisseld?)"))
                return None
            return px, py
        if lat or lon:
            if not (lat and lon):
                fouten.append(("lat/lon", "lat en lon horen samen (WGS84); één van beide ontbreekt"))
                return None
            plat, plon = _getal(lat), _getal(lon)
            if plat is None or plon is None:
                fouten.append(("lat/lon", f"geen getallen: lat={lat!r}, lon={lon!r}"))
                return None
            if not (50.5 <= plat <= 53.7 and 3.2 <= plon <= 7.3):
                fouten.append(("lat/lon", f"buiten Nederland: lat={lat}, lon={lon} (verwisseld?)"))
                return None
            return _WGS84_TO_RD.transform(plon, plat)
        if not adres_geldig:
            return None  # the address problem is reported already; no point in asking the geocoder
        if self.onbereikbaar:
            fouten.append(("x/y", NIET_TE_PLAATSEN))
            return None
        try:
            gevonden = self.geocoder(rij["postcode"], rij["huisnummer"])
        except GeocoderUnavailable:
            self.onbereikbaar = True
            fouten.append(("x/y", NIET_TE_PLAATSEN))
            return None
        except AddressNotFound:
            fouten.append(("postcode", f"adres {rij['postcode']} {rij['huisnummer']} niet gevonden door de geocoder"))
            return None
        return gevonden.x_rd, gevonden.y_rd


def valideer(frame: pd.DataFrame, ref: Referentie, geocoder: Geocoder = geocode) -> tuple[list[dict], list[Probleem]]:
    """Check every row; return the clean rows (dicts ready for the database) and every problem found."""
    ontbrekend = [k for k in VERPLICHT if k not in frame.columns]
    if ontbrekend:
        return [], [Probleem(0, "", f"kolom(men) ontbreken: {', '.join(ontbrekend)}")]
    if frame.empty:
        return [], [Probleem(0, "", "het bestand heeft geen regels")]
    gemeente = prep(ref.gemeente) if ref.gemeente is not None else None
    plaatser = _Plaatser(geocoder)
    regels: list[dict] = []
    problemen: list[Probleem] = []
    gezien: dict[str, int] = {}
    rijnummers = frame.attrs.get("rijen") or list(range(2, len(frame) + 2))
    extra = set(frame.attrs.get("extra") or [])
    for rijnr, ruw in zip(rijnummers, frame.to_dict("records"), strict=True):
        rij = {k: str(v) for k, v in ruw.items()}
        if not any(rij.values()):
            continue  # an empty spreadsheet row
        fouten: list[tuple[str, str]] = [(k, "leeg") for k in VERPLICHT if not rij.get(k)]
        if rijnr in extra:
            fouten.append(("", "meer cellen dan kolommen in de kop (staat er een ; of , te veel?)"))
        code = rij.get("code", "")
        if code and not CODE.fullmatch(code):
            fouten.append(("code", f"{code!r}: alleen letters, cijfers, - en _"))
        elif code in gezien:
            fouten.append(("code", f"{code} staat ook in rij {gezien[code]} (dubbele code)"))
        elif code:
            gezien[code] = rijnr
        aanbieder = ref.aanbieders.get(rij.get("aanbieder", "").lower())
        if rij.get("aanbieder") and aanbieder is None:
            fouten.append(("aanbieder", f"onbekende aanbieder {rij['aanbieder']!r}"))
        woonvorm = ref.woonvormen.get(rij.get("woonvorm", "").lower())
        if rij.get("woonvorm") and woonvorm is None:
            fouten.append(("woonvorm", f"onbekende woonvorm {rij['woonvorm']!r}"))
        plaatsen = _getal(rij.get("plaatsen", ""))
        if rij.get("plaatsen") and (plaatsen is None or plaatsen < 0 or plaatsen != int(plaatsen)):
            fouten.append(("plaatsen", f"{rij['plaatsen']!r} is geen geheel aantal van 0 of meer"))
        pc = re.sub(r"\s+", "", rij.get("postcode", "")).upper()
        pc_match = POSTCODE.fullmatch(pc)
        if rij.get("postcode") and not pc_match:
            fouten.append(("postcode", f"{rij['postcode']!r} is geen postcode (1234 AB)"))
        huisnummer = _excel_geheel(rij.get("huisnummer", ""))
        if huisnummer and not HUISNUMMER.fullmatch(huisnummer):
            fouten.append(("huisnummer", f"{huisnummer!r} is geen huisnummer (bijv. 12, 12A, 12-3)"))
        postcode = f"{pc_match.group(1)} {pc_match.group(2)}" if pc_match else pc
        adres_geldig = bool(pc_match and huisnummer and HUISNUMMER.fullmatch(huisnummer))
        positie = plaatser.positie({**rij, "postcode": postcode, "huisnummer": huisnummer}, fouten, adres_geldig)
        if positie is not None and gemeente is not None and not gemeente.contains(shapely.Point(positie)):
            fouten.append(("x/y", "het punt ligt buiten de gemeente"))
        if fouten:
            problemen += [Probleem(rijnr, kolom, reden) for kolom, reden in fouten]
            continue
        regels.append({
            "rij": rijnr, "code": code, "naam": rij["naam"], "aanbieder_code": aanbieder, "woonvorm": woonvorm,
            "doelgroep": rij["doelgroep"], "plaatsen": int(plaatsen), "straat": rij["straat"],
            "huisnummer": huisnummer, "postcode": postcode, "plaats": rij.get("plaats") or "Rotterdam",
            "x": round(float(positie[0]), 2), "y": round(float(positie[1]), 2),
        })
    return regels, problemen


def verschil(regels: list[dict], bestaand: pd.DataFrame, plan: ImportPlan | None = None) -> ImportPlan:
    """Compare valid rows with the stored register by code: new, changed (field: (old, new)), unchanged."""
    plan = plan or ImportPlan()
    plan.regels = regels
    opgeslagen = {r["code"]: r for r in bestaand.to_dict("records")}
    for regel in regels:
        oud = opgeslagen.get(regel["code"])
        if oud is None:
            plan.nieuw.append(regel)
            continue
        wijzigingen = {k: (oud[k], regel[k]) for k in q.REGISTER_VELDEN if str(oud[k]) != str(regel[k])}
        afstand = math.hypot(oud["x"] - regel["x"], oud["y"] - regel["y"])
        if afstand >= VERPLAATST_VANAF_METER:
            wijzigingen["positie"] = (f"{oud['x']:.0f}, {oud['y']:.0f}", f"{regel['x']:.0f}, {regel['y']:.0f}")
        if wijzigingen:
            plan.gewijzigd.append((regel, wijzigingen))
        else:
            plan.ongewijzigd.append(regel)
    in_bestand = {r["code"] for r in regels}
    plan.niet_in_bestand = sorted(c for c in opgeslagen if c not in in_bestand)
    return plan


def plan_import(conn: Connection, frame: pd.DataFrame, geocoder: Geocoder = geocode) -> ImportPlan:
    """Validate ``frame`` against the database and work out the diff; writes nothing."""
    regels, problemen = valideer(frame, Referentie.uit_database(conn), geocoder)
    if problemen:
        return ImportPlan(regels=regels, problemen=problemen)
    return verschil(regels, q.register(conn))


def pas_toe(conn: Connection, plan: ImportPlan) -> tuple[int, int]:
    """Write a valid plan in the caller's transaction: insert new, update changed. Returns ``(nieuw, gewijzigd)``.

    The diff is worked out again inside the transaction, so a change made since the preview is not overwritten
    blindly: what is applied is what differs now. Locations missing from the file are left untouched.
    """
    if not plan.geldig:
        raise ValueError("alleen een bestand zonder problemen kan worden toegepast")
    actueel = verschil(plan.regels, q.register(conn))
    return q.insert_locaties(conn, actueel.nieuw), q.update_locaties(conn, [r for r, _ in actueel.gewijzigd])

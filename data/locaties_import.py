"""Import of the municipality's locations register (CSV or Excel), declared in :data:`geo.formaten.LOCATIES`:
validate every row, diff by code (the natural key), write all or nothing.

Columns: ``code, naam, aanbieder, woonvorm, doelgroep, plaatsen, straat, huisnummer, postcode`` (required),
``plaats`` (optional, default Rotterdam), and a position: ``x, y`` (RD New) or ``lat, lon`` (WGS84); without
either, the point comes from the geocoder (postcode + huisnummer), and offline such a row is not placeable.
Row numbers in messages are spreadsheet rows.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import shapely
from pyproj import Transformer
from shapely.prepared import prep
from sqlalchemy import Connection

from clients.geocoder import AddressNotFound, GeocodeResult, GeocoderUnavailable, geocode
from data.importeur import Controle, RegelPlan, Tabel, controleer, leg_vast, lezer
from geo.formaten import LOCATIES
from queries import locaties as q

FORMAAT = LOCATIES
NIET_TE_PLAATSEN = "niet te plaatsen zonder coördinaten (geocoder niet bereikbaar)"
VERPLAATST_VANAF_METER = 1.0
_WGS84_TO_RD = Transformer.from_crs(4326, 28992, always_xy=True)

Geocoder = Callable[[str, str], GeocodeResult]


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
class ImportPlan(RegelPlan):
    """The validated register and what applying it would change (``meldingen``: what the reader and the check
    noted, such as ignored columns)."""

    meldingen: list[str] = field(default_factory=list)
    bestand: str = ""
    nieuw: list[dict] = field(default_factory=list)
    gewijzigd: list[tuple[dict, dict[str, tuple]]] = field(default_factory=list)
    ongewijzigd: list[dict] = field(default_factory=list)
    niet_in_bestand: list[str] = field(default_factory=list)


lees_bestand = lezer(FORMAAT)


class _Plaatser:
    """Positions a row: RD, WGS84 or the geocoder (asked at most until it proves unreachable)."""

    def __init__(self, geocoder: Geocoder):
        self.geocoder = geocoder
        self.onbereikbaar = False

    def positie(self, r: dict, fout: Callable[[str, str], None]) -> tuple[float, float] | None:
        if r["x"] is not None or r["y"] is not None:
            if r["x"] is None or r["y"] is None:
                fout("x/y", "x en y horen samen (RD); één van beide ontbreekt")
                return None
            return r["x"], r["y"]
        if r["lat"] is not None or r["lon"] is not None:
            if r["lat"] is None or r["lon"] is None:
                fout("lat/lon", "lat en lon horen samen (WGS84); één van beide ontbreekt")
                return None
            return _WGS84_TO_RD.transform(r["lon"], r["lat"])
        if self.onbereikbaar:
            fout("x/y", NIET_TE_PLAATSEN)
            return None
        try:
            gevonden = self.geocoder(r["postcode"], r["huisnummer"])
        except GeocoderUnavailable:
            self.onbereikbaar = True
            fout("x/y", NIET_TE_PLAATSEN)
            return None
        except AddressNotFound:
            fout("postcode", f"adres {r['postcode']} {r['huisnummer']} niet gevonden door de geocoder")
            return None
        return gevonden.x_rd, gevonden.y_rd


def _regel(ref: Referentie, geocoder: Geocoder):
    gemeente = prep(ref.gemeente) if ref.gemeente is not None else None
    plaatser = _Plaatser(geocoder)

    def regel(r: dict, fout: Callable[[str, str], None]) -> None:
        pc = re.sub(r"\s+", "", r["postcode"]).upper()
        r["postcode"] = f"{pc[:4]} {pc[4:]}"
        positie = plaatser.positie(r, fout)
        if positie is None:
            return
        if gemeente is not None and not gemeente.contains(shapely.Point(positie)):
            fout("x/y", "het punt ligt buiten de gemeente")
        r.update(aanbieder_code=r.pop("aanbieder"), plaats=r["plaats"] or "Rotterdam",
                 x=round(float(positie[0]), 2), y=round(float(positie[1]), 2))
        del r["lat"], r["lon"]
    return regel


def valideer(tabel: Tabel, ref: Referentie, geocoder: Geocoder = geocode) -> Controle:
    """Check every row against the declaration, the lookups and the municipality; write nothing."""
    controle = controleer(tabel, FORMAAT, keuzes={"aanbieders": ref.aanbieders, "woonvormen": ref.woonvormen},
                          rijregel=_regel(ref, geocoder))
    for regel, rij in zip(controle.regels, controle.rijnummers, strict=True):
        regel["rij"] = rij
    return controle


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


def plan_import(conn: Connection, tabel: Tabel, geocoder: Geocoder = geocode) -> ImportPlan:
    """Validate ``tabel`` against the database and work out the diff; writes nothing."""
    controle = valideer(tabel, Referentie.uit_database(conn), geocoder)
    plan = ImportPlan(regels=controle.regels, problemen=controle.problemen, meldingen=controle.meldingen,
                      bestand=controle.bestand)
    return plan if plan.problemen else verschil(controle.regels, q.register(conn), plan)


def pas_toe(conn: Connection, plan: ImportPlan) -> tuple[int, int]:
    """Write a valid plan in the caller's transaction: insert new, update changed. Returns ``(nieuw, gewijzigd)``.

    The diff is worked out again inside the transaction, so a change made since the preview is not overwritten
    blindly: what is applied is what differs now. Locations missing from the file are left untouched.
    """
    if not plan.geldig:
        raise ValueError("alleen een bestand zonder problemen kan worden toegepast")
    actueel = verschil(plan.regels, q.register(conn))
    nieuw, gewijzigd = q.insert_locaties(conn, actueel.nieuw), q.update_locaties(conn, [r for r, _ in actueel.gewijzigd])
    leg_vast(conn, plan, "locaties", nieuw=nieuw, gewijzigd=gewijzigd, ongewijzigd=len(actueel.ongewijzigd))
    return nieuw, gewijzigd

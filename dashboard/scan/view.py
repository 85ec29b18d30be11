"""What the Draagkrachtscan page reads and writes: the woonvormen, the surroundings of a point (locations at address
level and buurt outlines), the scan itself, an address lookup and a note about a wijk."""

from __future__ import annotations

import pandas as pd

from dashboard import db
from geo.draagkracht import Kandidaat
from geo.scan_norms import ScanConfig
from queries import kaart, scan

CLUSTERS = scan.CLUSTERS  # the clusters a note belongs to (MO, SO, DV)


class AdresFout(Exception):
    """The address could not be placed; the message is Dutch and meant for the person."""


def woonvormen() -> dict[str, str]:
    return db.run_cached(scan.woonvormen)


def locaties_omgeving(x: float, y: float, straal: float) -> pd.DataFrame:
    """Locations at address level within ``straal`` metres (the page logs the view)."""
    return db.run_query(scan.locaties_omgeving, x, y, straal)


def buurten_omgeving(x: float, y: float, straal: float) -> dict:
    """The buurt outlines around a point as GeoJSON, simplified in PostGIS (cached per rounded point)."""
    return kaart.feature_collection(db.run_cached(scan.buurten_omgeving, round(x), round(y), straal))


def bereken(kandidaat: Kandidaat, config: ScanConfig):
    """The scan for a candidate; a ``ValueError`` (outside the loaded areas) is the page's to show."""
    return db.run_query(scan.scan, kandidaat, config, None, db.run_cached(scan.veerkracht_klassen))


def notitie_toevoegen(buurt_code: str, cluster: str, tekst: str) -> None:
    db.run_write(scan.notitie_toevoegen, buurt_code, cluster, tekst)


def zoek_adres(postcode: str, huisnummer: str):
    """The address through the configured geocoder, or :class:`AdresFout` with a Dutch reason."""
    from clients.geocoder import AddressNotFound, GeocoderUnavailable, geocode

    try:
        return geocode(postcode, huisnummer)
    except GeocoderUnavailable as exc:
        raise AdresFout("De adreszoeker is niet bereikbaar (offline of niet ingesteld: HKD_GEOCODER_URL). Klik de "
                        "locatie aan op de kaart of voer coördinaten in.") from exc
    except AddressNotFound as exc:
        raise AdresFout("Dit adres is niet gevonden. Controleer postcode en huisnummer.") from exc

"""A small client for a PDOK-Locatieserver-compatible geocoder: postcode + huisnummer to an RD point."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from core.settings import get_settings

_POINT = re.compile(r"POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)")
TIMEOUT_SECONDS = 5.0


class GeocoderUnavailable(Exception):
    """The geocoder is not configured or cannot be reached (offline): never guess a position then."""


class AddressNotFound(Exception):
    """The geocoder answered, but knows no address for this postcode and house number."""


@dataclass(frozen=True)
class GeocodeResult:
    """A found address: its centroid in RD New (EPSG:28992) and the geocoder's display name."""

    x_rd: float
    y_rd: float
    weergavenaam: str


def geocode(postcode: str, huisnummer: str, *, base_url: str | None = None,
            timeout: float = TIMEOUT_SECONDS) -> GeocodeResult:
    """Look up an address at ``{base_url}/free?q=...&fq=type:adres`` (PDOK Locatieserver v3 shape).

    ``base_url`` defaults to ``settings.geocoder_url`` (``HKD_GEOCODER_URL``), e.g.
    ``https://api.pdok.nl/bzk/locatieserver/search/v3_1``. Raises :class:`GeocoderUnavailable` when it is unset,
    unreachable or answers garbage, and :class:`AddressNotFound` when it has no such address.
    """
    base = (base_url if base_url is not None else get_settings().geocoder_url).strip().rstrip("/")
    if not base:
        raise GeocoderUnavailable("geen geocoder ingesteld (HKD_GEOCODER_URL)")
    pc = re.sub(r"\s+", "", postcode).upper()
    nummer = huisnummer.strip()
    query = urllib.parse.urlencode(
        {"q": f"{pc} {nummer}", "fq": "type:adres", "rows": "1",
         "fl": "weergavenaam,centroide_rd,postcode,huis_nlt"}
    )
    try:
        with urllib.request.urlopen(f"{base}/free?{query}", timeout=timeout) as response:  # noqa: S310 (configured URL)
            payload = json.load(response)
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        raise GeocoderUnavailable(f"geocoder niet bereikbaar: {exc}") from exc
    try:
        docs = payload["response"]["docs"]
    except (KeyError, TypeError) as exc:
        raise GeocoderUnavailable("onverwacht antwoord van de geocoder") from exc
    for doc in docs:
        # free text search may return a neighbour: accept only the same postcode when the geocoder reports it
        if doc.get("postcode") and str(doc["postcode"]).replace(" ", "").upper() != pc:
            continue
        match = _POINT.search(str(doc.get("centroide_rd", "")))
        if match:
            return GeocodeResult(float(match.group(1)), float(match.group(2)), str(doc.get("weergavenaam", "")))
    raise AddressNotFound(f"adres {postcode} {huisnummer} niet gevonden")


@dataclass(frozen=True)
class Suggestie:
    """One answer of the free search: what it is (``adres``, ``postcode``, ``weg``, ...), its name and point (WGS84)."""

    soort: str
    weergavenaam: str
    lon: float
    lat: float


def zoek(tekst: str, *, rows: int = 5, base_url: str | None = None, timeout: float = TIMEOUT_SECONDS,
         gemeente: str = "Rotterdam") -> list[Suggestie]:
    """Free search at ``{base_url}/free`` (PDOK Locatieserver v3): addresses, postcodes and streets in ``gemeente``.

    Raises :class:`GeocoderUnavailable` when no geocoder is configured or it cannot be reached; returns ``[]`` when
    it knows nothing. Only public address data comes back (never anything of this application).
    """
    base = (base_url if base_url is not None else get_settings().geocoder_url).strip().rstrip("/")
    if not base:
        raise GeocoderUnavailable("geen geocoder ingesteld (HKD_GEOCODER_URL)")
    query = urllib.parse.urlencode({
        "q": tekst[:80], "rows": str(max(1, min(rows, 10))), "fl": "type,weergavenaam,centroide_ll",
        "fq": ["type:(adres OR postcode OR weg)", f"gemeentenaam:{gemeente}"]}, doseq=True)
    try:
        with urllib.request.urlopen(f"{base}/free?{query}", timeout=timeout) as response:  # noqa: S310 (configured URL)
            payload = json.load(response)
        docs = payload["response"]["docs"]
    except (urllib.error.URLError, TimeoutError, OSError, ValueError, KeyError, TypeError) as exc:
        raise GeocoderUnavailable(f"geocoder niet bereikbaar: {exc}") from exc
    found = []
    for doc in docs if isinstance(docs, list) else []:
        match = _POINT.search(str(doc.get("centroide_ll", ""))) if isinstance(doc, dict) else None
        if match:
            lon, lat = float(match.group(1)), float(match.group(2))
            if -180 <= lon <= 180 and -90 <= lat <= 90:
                found.append(Suggestie(str(doc.get("type", "")), str(doc.get("weergavenaam", ""))[:200], lon, lat))
    return found

"""A client for a Signalen (SIA) meldingen system: read the signals list and map each signal onto the register.

Shape read (Signalen's private API ``/signals/v1/private/signals/``, documented in the public Amsterdam/signals
repository, ``docs/topics/api/v1/private/signals/03.listing_signals.md``): a page ``{"_links": {"next": {"href"}},
"count", "results": [signal]}``; a signal has ``id``, ``id_display``, ``created_at``, ``status.state`` (``o`` =
Afgehandeld, ``a`` = Geannuleerd, ...) with ``status.created_at``, ``category.main_slug``/``sub_slug``,
``location.geometrie`` (GeoJSON Point, WGS84), ``source`` and a ``reporter`` block. The reporter block and the free
text are never read: the register keeps no personal data of reporters, and the description is the category.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

TIMEOUT_SECONDS = 10.0
MAX_PAGINAS = 200
LIST_PATH = "/signals/v1/private/signals/"
AFGEHANDELD = "o"
GEANNULEERD = "a"
DOORVERWEZEN = {"forwarded to external", "done external", "sent"}


class SignalenUnavailable(Exception):
    """The Signalen system is not configured, cannot be reached or answers something that is not its list."""


@dataclass(frozen=True)
class SignaalMelding:
    """A signal as the register needs it (no reporter data, no free text)."""

    extern_id: str
    ontvangen_op: datetime
    bron: str
    categorie: str
    omschrijving: str
    afgehandeld_op: datetime | None
    afhandeling: str | None
    lon: float
    lat: float


def _categorie(main: str, sub: str) -> str:
    slug = f"{main} {sub}".lower()
    if "geluid" in slug or "lawaai" in slug or "muziek" in slug:
        return "geluid"
    if "drugs" in slug or "drank" in slug or "alcohol" in slug:
        return "drugs_alcohol"
    if "agress" in slug or "bedreig" in slug or "geweld" in slug or "vechten" in slug:
        return "agressie"
    if "afval" in slug or "vuil" in slug or "schoon" in slug or "zwerfafval" in slug:
        return "vervuiling"
    return "anders"


def _bron(source: str) -> str:
    s = source.lower()
    if "politie" in s:
        return "politie"
    if "intern" in s or "handhaving" in s or "boa" in s or "wijkteam" in s:
        return "gemeente"
    return "omwonende"


def map_signal(signal: dict) -> SignaalMelding | None:
    """Map one signal; ``None`` for a cancelled signal or one without a point or date (nothing to register)."""
    try:
        status = signal.get("status") or {}
        if status.get("state") == GEANNULEERD:
            return None
        lon, lat = (float(c) for c in signal["location"]["geometrie"]["coordinates"][:2])
        ontvangen = datetime.fromisoformat(signal["created_at"])
        category = signal.get("category") or {}
        main, sub = str(category.get("main_slug") or ""), str(category.get("sub_slug") or "")
        afgehandeld_op, hoe = None, None
        if status.get("state") == AFGEHANDELD:
            afgehandeld_op, hoe = datetime.fromisoformat(status["created_at"]), "afgehandeld"
        elif status.get("state") in DOORVERWEZEN and status.get("created_at"):
            afgehandeld_op, hoe = datetime.fromisoformat(status["created_at"]), "doorverwezen"
        extern = str(signal.get("id_display") or f"SIG-{int(signal['id'])}")
    except (KeyError, TypeError, ValueError):
        return None
    if ontvangen.tzinfo is None or (afgehandeld_op is not None and afgehandeld_op.tzinfo is None):
        return None  # Signalen always sends offsets; a naive time is not its format
    omschrijving = f"Signalen: {category.get('main') or main} / {category.get('sub') or sub}"[:300]
    return SignaalMelding(extern[:64], ontvangen, _bron(str(signal.get("source") or "")), _categorie(main, sub),
                          omschrijving, afgehandeld_op, hoe, lon, lat)


def _zelfde_herkomst(a: str, b: str) -> bool:
    pa, pb = urllib.parse.urlsplit(a), urllib.parse.urlsplit(b)
    return (pa.scheme, pa.netloc) == (pb.scheme, pb.netloc)


def signalen_paginas(base_url: str, token: str = "", created_after: datetime | None = None,
                     timeout: float = TIMEOUT_SECONDS) -> Iterator[list[dict]]:
    """Yield the raw ``results`` of every page of the list, following ``_links.next`` on the same host only."""
    base = base_url.strip().rstrip("/")
    if not base:
        raise SignalenUnavailable("geen Signalen-adres ingesteld (HKD_SIGNALEN_URL)")
    params = {"ordering": "created_at", "page_size": "100"}
    if created_after is not None:
        params["created_after"] = created_after.isoformat()
    url: str | None = f"{base}{LIST_PATH}?{urllib.parse.urlencode(params)}"
    headers = {"Accept": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    for _ in range(MAX_PAGINAS):
        if url is None:
            return
        try:
            request = urllib.request.Request(url, headers=headers)
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (configured URL)
                payload = json.load(response)
            results = payload["results"]
            if not isinstance(results, list):
                raise TypeError("results is geen lijst")
            volgende = ((payload.get("_links") or {}).get("next") or {}).get("href")
        except (urllib.error.URLError, TimeoutError, OSError, ValueError, KeyError, TypeError,
                AttributeError) as exc:
            raise SignalenUnavailable(f"Signalen niet bereikbaar of onverwacht antwoord: {exc}") from exc
        yield [r for r in results if isinstance(r, dict)]
        if volgende and not _zelfde_herkomst(volgende, base):
            raise SignalenUnavailable("Signalen verwijst naar een andere server; gestopt")
        url = volgende
    raise SignalenUnavailable(f"meer dan {MAX_PAGINAS} pagina's; gestopt")

"""A client for a Signalen (SIA) meldingen system that trusts nothing it is sent.

Shape read (Signalen's private API ``/signals/v1/private/signals/``, documented in the public Amsterdam/signals
repository, ``docs/topics/api/v1/private/signals/03.listing_signals.md``): a page ``{"_links": {"next": {"href"}},
"count", "results": [signal]}``; of a signal only ``id``, ``created_at``, ``status.state`` (``o`` = Afgehandeld,
``a`` = Geannuleerd, ...) with ``status.created_at``, ``category.main_slug``/``sub_slug``, ``location.geometrie``
(GeoJSON Point, WGS84) and ``source`` are read. Display names (``category.main``/``sub``, ``id_display``,
``state_display``), the ``reporter`` block and the free text are never read: the register keeps no personal data of
reporters, and a display field is free text in all but name. The slugs are read for their keywords only (the
stored description is the register's own category label), and the source for its kind only.

The server is treated as hostile: redirects are never followed (so the bearer token never travels to another
origin); a token goes over https only (plain http for a loopback test server); every request has a wall-clock
deadline (a watchdog closes the socket, so a server that trickles a byte every second cannot hold it), and so has the
whole import; a page is streamed and dropped beyond ``MAX_PAGINA_BYTES``; JSON deeper than ``MAX_JSON_DIEPTE`` is
refused before it is parsed. Plain ``http.client`` on purpose: it follows no redirects at all, and no HTTP library
offers a wall-clock deadline over a whole response (httpx's timeouts are per read, like urllib's).
"""

from __future__ import annotations

import http.client
import ipaddress
import json
import math
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from core.domain import MELDING_CATEGORIEEN

TIMEOUT_SECONDS = 10.0  # wall clock per request, from connect to the last byte
IMPORT_SECONDS = 300.0  # wall clock for all pages of one import
MAX_PAGINAS = 200
MAX_PAGINA_BYTES = 4 * 1024 * 1024  # 100 signals are about 150 kB; a page is streamed and dropped beyond this
MAX_JSON_DIEPTE = 32  # a signals page nests about 6 deep
LIST_PATH = "/signals/v1/private/signals/"
AFGEHANDELD = "o"
GEANNULEERD = "a"
DOORVERWEZEN = {"forwarded to external", "done external", "sent"}
_SLUG = re.compile(r"[a-z][a-z0-9-]{0,79}")
_CIJFERREEKS = re.compile(r"\d{5,}")  # a phone number, BSN or house number hidden in a slug
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_HAAK = re.compile(rb"[\[\]{}]")


class SignalenUnavailable(Exception):
    """The Signalen system is not configured, cannot be reached or answers something that is not its list."""


@dataclass(frozen=True)
class SignaalMelding:
    """A signal as the register needs it (no reporter data, no free text, no display names)."""

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
    slug = f"{main} {sub}"
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


def _slug(value: object) -> str:
    """A category slug as Signalen makes them (lower case, digits, hyphens), else ``""``: nothing free enters."""
    if not isinstance(value, str) or not _SLUG.fullmatch(value) or _CIJFERREEKS.search(value):
        return ""
    return value


def _tijd(value: object) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError("geen tijdstip")
    t = datetime.fromisoformat(value)
    if t.tzinfo is None:
        raise ValueError("Signalen stuurt altijd een tijdzone; een tijd zonder is niet zijn formaat")
    return t


def map_signal(signal: dict) -> SignaalMelding | None:
    """Map one signal; ``None`` for a cancelled signal or one without a point, date or numeric id."""
    uitkomst = lees_signaal(signal)
    return uitkomst if isinstance(uitkomst, SignaalMelding) else None


GEANNULEERD_REDEN = "geannuleerd in Signalen"


def _nummer(signal: dict) -> int | None:
    nummer = signal.get("id")
    if isinstance(nummer, bool) or not isinstance(nummer, int) or not 0 < nummer < 10**12:
        return None  # Signalen's id is a number; id_display is a display field and never read
    return nummer


def _punt(signal: dict) -> tuple[float, float] | None:
    try:
        lon, lat = (float(c) for c in signal["location"]["geometrie"]["coordinates"][:2])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    ok = math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90
    return (lon, lat) if ok else None


def _afhandeling(status: dict) -> tuple[datetime | None, str | None]:
    state = status.get("state")
    if state == AFGEHANDELD:
        return _tijd(status["created_at"]), "afgehandeld"
    if state in DOORVERWEZEN and status.get("created_at"):
        return _tijd(status["created_at"]), "doorverwezen"
    return None, None


def lees_signaal(signal: object) -> SignaalMelding | str:
    """One signal as a melding, or why it is not one, in Dutch and without its values (a cancelled signal:
    :data:`GEANNULEERD_REDEN`)."""
    if not isinstance(signal, dict):
        return "geen signaal (geen object)"
    if (nummer := _nummer(signal)) is None:
        return "id: geen nummer"
    status = signal.get("status") if isinstance(signal.get("status"), dict) else {}
    if status.get("state") == GEANNULEERD:
        return GEANNULEERD_REDEN
    if (punt := _punt(signal)) is None:
        return "location: geen punt met geldige coördinaten"
    try:
        ontvangen = _tijd(signal.get("created_at"))
    except ValueError:
        return "created_at: geen tijdstip met tijdzone"
    try:
        afgehandeld_op, hoe = _afhandeling(status)
    except (KeyError, TypeError, ValueError):
        return "status.created_at: geen tijdstip met tijdzone"
    category = signal.get("category") if isinstance(signal.get("category"), dict) else {}
    categorie = _categorie(_slug(category.get("main_slug")), _slug(category.get("sub_slug")))
    # the description is the register's own label: a slug is read for its keywords only and never stored
    return SignaalMelding(f"SIG-{nummer}", ontvangen, _bron(str(signal.get("source") or "")[:80]), categorie,
                          f"Signalen: {MELDING_CATEGORIEEN[categorie]}", afgehandeld_op, hoe, *punt)


def _zelfde_herkomst(a: str, b: str) -> bool:
    pa, pb = urllib.parse.urlsplit(a), urllib.parse.urlsplit(b)
    return (pa.scheme, pa.netloc) == (pb.scheme, pb.netloc)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _controleer_adres(base: str) -> urllib.parse.SplitResult:
    """Refuse an address the token must not go to: https only, plain http for a loopback test server."""
    parts = urllib.parse.urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SignalenUnavailable(f"Signalen-adres {base!r} is geen http(s)-adres")
    if parts.scheme == "http" and not _loopback(parts.hostname):
        raise SignalenUnavailable("Signalen-adres moet met https:// beginnen: het token en de meldingen gaan anders "
                                  "onversleuteld over het netwerk")
    if parts.username or parts.password:
        raise SignalenUnavailable("zet geen gebruikersnaam of wachtwoord in het Signalen-adres; gebruik het token")
    return parts


def json_diepte(data: bytes) -> int:
    """The deepest nesting of arrays and objects in a JSON text, counted without parsing it."""
    diepte = hoogste = 0
    for m in _HAAK.finditer(_STRING.sub(b'""', data)):
        if m.group() in (b"[", b"{"):
            diepte += 1
            hoogste = max(hoogste, diepte)
        else:
            diepte -= 1
    return hoogste


def _lees_json(data: bytes) -> object:
    if json_diepte(data) > MAX_JSON_DIEPTE:
        raise SignalenUnavailable(f"antwoord van Signalen is dieper genest dan {MAX_JSON_DIEPTE} niveaus; "
                                  "niet gelezen")
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise SignalenUnavailable("antwoord van Signalen is geen geldige JSON") from exc


def _waakhond(conn: http.client.HTTPConnection, resterend: float, verlopen: threading.Event,
              klaar: threading.Event) -> None:
    """At the deadline, close whatever socket the connection has, and keep doing so (a TLS handshake or a connect
    may put a socket in place after the first try) until the request is over."""
    if klaar.wait(resterend):
        return
    verlopen.set()
    while not klaar.is_set():
        sock = conn.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        klaar.wait(0.05)


def _te_groot(max_bytes: int) -> SignalenUnavailable:
    return SignalenUnavailable(f"pagina van Signalen is groter dan {max_bytes // 1024 // 1024} MB; gestopt")


def _controleer_antwoord(response: http.client.HTTPResponse, max_bytes: int) -> None:
    """Refuse a redirect (never followed), any status but 200, and a declared length over ``max_bytes``."""
    if 300 <= response.status < 400:
        raise SignalenUnavailable(f"Signalen stuurt door (HTTP {response.status}); doorverwijzingen worden "
                                  "niet gevolgd")
    if response.status != 200:
        raise SignalenUnavailable(f"Signalen antwoordt HTTP {response.status}")
    lengte = response.getheader("Content-Length")
    if lengte and lengte.isdigit() and int(lengte) > max_bytes:
        raise _te_groot(max_bytes)


def _lees_body(response: http.client.HTTPResponse, max_bytes: int, verlopen: threading.Event) -> bytes:
    """The body, read in chunks: at most ``max_bytes``, and not past the deadline."""
    body = bytearray()
    while chunk := response.read1(65536):
        body += chunk
        if len(body) > max_bytes:
            raise _te_groot(max_bytes)
        if verlopen.is_set():
            break
    if verlopen.is_set():
        raise SignalenUnavailable("Signalen antwoordt te traag; gestopt")
    return bytes(body)


def haal_op(url: str, headers: dict[str, str], deadline: float, max_bytes: int = MAX_PAGINA_BYTES) -> bytes:
    """GET ``url`` and return its body, within the wall-clock ``deadline`` (``time.monotonic``) and ``max_bytes``.

    A redirect is an error, never followed. Raises :class:`SignalenUnavailable` for everything that is not a
    complete 200 answer in time and within the size.
    """
    parts = urllib.parse.urlsplit(url)
    resterend = deadline - time.monotonic()
    if resterend <= 0:
        raise SignalenUnavailable("tijd voor het ophalen uit Signalen is op; gestopt")
    cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = cls(parts.hostname, parts.port, timeout=min(resterend, TIMEOUT_SECONDS))
    verlopen, klaar = threading.Event(), threading.Event()
    threading.Thread(target=_waakhond, args=(conn, resterend, verlopen, klaar), daemon=True,
                     name="signalen-waakhond").start()
    try:
        pad = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request("GET", pad or "/", headers=headers)
        response = conn.getresponse()
        if verlopen.is_set():
            raise SignalenUnavailable("Signalen antwoordt te traag; gestopt")
        _controleer_antwoord(response, max_bytes)
        return _lees_body(response, max_bytes, verlopen)
    except (OSError, http.client.HTTPException) as exc:
        if verlopen.is_set() or isinstance(exc, TimeoutError):
            raise SignalenUnavailable("Signalen antwoordt te traag; gestopt") from exc
        raise SignalenUnavailable(f"Signalen niet bereikbaar: {exc}") from exc
    finally:
        klaar.set()
        conn.close()


def signalen_paginas(base_url: str, token: str = "", created_after: datetime | None = None,
                     timeout: float = TIMEOUT_SECONDS, import_seconds: float = IMPORT_SECONDS,
                     max_bytes: int = MAX_PAGINA_BYTES) -> Iterator[list[dict]]:
    """Yield the raw ``results`` of every page of the list, following ``_links.next`` on the same origin only.

    ``timeout`` bounds each request and ``import_seconds`` all of them together, by the wall clock.
    """
    base = base_url.strip().rstrip("/")
    if not base:
        raise SignalenUnavailable("geen Signalen-adres ingesteld (HKD_SIGNALEN_URL)")
    _controleer_adres(base)
    einde = time.monotonic() + import_seconds
    params = {"ordering": "created_at", "page_size": "100"}
    if created_after is not None:
        params["created_after"] = created_after.isoformat()
    url: str | None = f"{base}{LIST_PATH}?{urllib.parse.urlencode(params)}"
    headers = {"Accept": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    for _ in range(MAX_PAGINAS):
        if url is None:
            return
        payload = _lees_json(haal_op(url, headers, min(einde, time.monotonic() + timeout), max_bytes))
        try:
            results = payload["results"]  # type: ignore[index]
            if not isinstance(results, list):
                raise TypeError("results is geen lijst")
            volgende = ((payload.get("_links") or {}).get("next") or {}).get("href")  # type: ignore[union-attr]
            if volgende is not None and not isinstance(volgende, str):
                raise TypeError("next is geen adres")
        except (KeyError, TypeError, AttributeError) as exc:
            raise SignalenUnavailable(f"onverwacht antwoord van Signalen: {exc}") from exc
        yield [r for r in results if isinstance(r, dict)]
        if volgende and not _zelfde_herkomst(volgende, base):
            raise SignalenUnavailable("Signalen verwijst naar een andere server; gestopt")
        url = volgende
    raise SignalenUnavailable(f"meer dan {MAX_PAGINAS} pagina's; gestopt")

"""The basemap under every map, from one setting (``HKD_BASEMAP``): a PDOK BRT-Achtergrondkaart style, any XYZ
tile URL, or none. Pure: resolves the setting to a tile URL template and the attribution to show.

The PDOK BRT-Achtergrondkaart (Kadaster, free, no key) is the documented production default for a Dutch
municipality; its WMTS serves Web Mercator tiles as ``.../{layer}/EPSG:3857/{z}/{x}/{y}.png``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import urlsplit

PDOK_WMTS = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/{stijl}/EPSG:3857/{{z}}/{{x}}/{{y}}.png"
PDOK_STIJLEN = ("standaard", "grijs", "pastel", "water")
PDOK_ATTRIBUTIE = "Kaartgegevens © Kadaster (BRT-Achtergrondkaart, PDOK)"


class BasemapError(ValueError):
    """A basemap setting that is neither a known style, ``geen`` nor an http(s) tile URL template."""


@dataclass(frozen=True)
class Basemap:
    """A resolved basemap: ``url`` is an XYZ template with ``{z}``, ``{x}``, ``{y}`` (``None`` = no basemap)."""

    url: str | None
    attributie: str = ""

    @property
    def host(self) -> str | None:
        """The tile host (for the privacy statement and the tests: nothing else is ever requested)."""
        return urlsplit(self.url).netloc if self.url else None


WMTS_PLACEHOLDERS = {"{TileMatrix}": "{z}", "{TileCol}": "{x}", "{TileRow}": "{y}"}
"""A WMTS RESTful template in Web Mercator (GoogleMapsCompatible / EPSG:3857) addresses tiles exactly as XYZ does."""


def resolve(setting: str | None) -> Basemap:
    """``pdok-standaard|pdok-grijs|pdok-pastel|pdok-water``, ``geen`` (or empty), or an ``https://...{z}/{x}/{y}``
    template (optionally followed by ``|attribution``). A WMTS RESTful template in Web Mercator with
    ``{TileMatrix}/{TileCol}/{TileRow}`` is accepted as well and rewritten to ``{z}/{x}/{y}``."""
    raw = (setting or "").strip()
    for wmts, xyz in WMTS_PLACEHOLDERS.items():
        raw = raw.replace(wmts, xyz)
    if raw.lower() in ("", "geen", "none", "uit"):
        return Basemap(None)
    if raw.lower().startswith("pdok-"):
        stijl = raw.lower().removeprefix("pdok-")
        if stijl not in PDOK_STIJLEN:
            raise BasemapError(f"onbekende PDOK-stijl {stijl!r}; kies uit {', '.join(PDOK_STIJLEN)}")
        return Basemap(PDOK_WMTS.format(stijl=stijl), PDOK_ATTRIBUTIE)
    url, _, attributie = raw.partition("|")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or not all(t in url for t in ("{z}", "{x}", "{y}")):
        raise BasemapError("HKD_BASEMAP moet een PDOK-stijl, 'geen' of een http(s)-URL met {z}, {x} en {y} zijn")
    return Basemap(url, attributie.strip())


def tile_for(lon: float, lat: float, zoom: int) -> tuple[int, int, int]:
    """The XYZ (Web Mercator, 256 px) tile ``(z, x, y)`` that holds ``lon, lat`` at ``zoom``."""
    n = 2**zoom
    x = int((lon + 180.0) / 360.0 * n)
    lat_r = math.radians(max(min(lat, 85.0511), -85.0511))
    y = int((1.0 - math.log(math.tan(lat_r) + 1.0 / math.cos(lat_r)) / math.pi) / 2.0 * n)
    return zoom, min(max(x, 0), n - 1), min(max(y, 0), n - 1)


def tile_url(basemap: Basemap, z: int, x: int, y: int) -> str:
    """The URL of one tile of ``basemap`` (for the reachability probe)."""
    if not basemap.url:
        raise BasemapError("geen achtergrondkaart ingesteld")
    return basemap.url.replace("{z}", str(z)).replace("{x}", str(x)).replace("{y}", str(y))


def raster_style(basemap: Basemap) -> dict | None:
    """A MapLibre/Mapbox GL style (version 8) with the basemap as its one raster source, or ``None``.

    Streamlit's deck.gl element draws its map style (Mapbox GL JS 1.x, which needs no token for sources that are
    not Mapbox's) *under* every deck.gl layer, loads tiles on its own and never holds the layers back; the
    ``attribution`` appears in the map's attribution control, as PDOK/Kadaster require.
    """
    if not basemap.url:
        return None
    return {
        "version": 8,
        "sources": {"achtergrond": {"type": "raster", "tiles": [basemap.url], "tileSize": 256,
                                    "attribution": basemap.attributie, "maxzoom": 19}},
        "layers": [{"id": "achtergrond", "type": "raster", "source": "achtergrond"}],
    }

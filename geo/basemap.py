"""The basemap under every map, from one setting (``HKD_BASEMAP``): a PDOK BRT-Achtergrondkaart style, any XYZ
tile URL, or none. Pure: resolves the setting to a tile URL template and the attribution to show.

The PDOK BRT-Achtergrondkaart (Kadaster, free, no key) is the documented production default for a Dutch
municipality; its WMTS serves Web Mercator tiles as ``.../{layer}/EPSG:3857/{z}/{x}/{y}.png``.
"""

from __future__ import annotations

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


def resolve(setting: str | None) -> Basemap:
    """``pdok-standaard|pdok-grijs|pdok-pastel|pdok-water``, ``geen`` (or empty), or an ``https://...{z}/{x}/{y}``
    template (optionally followed by ``|attribution``)."""
    raw = (setting or "").strip()
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

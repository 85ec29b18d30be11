"""Reading a drawn map as a person sees it: its pixels, the colours of the legend beside it, and error text.

A map "draws" when it is not one block of colour (the meldkaart with its radius read in pixels was one solid
circle, Kaart 4-4 with directe bemiddeling all black), when colours of its legend are painted on it, and when the
page shows no error (the 100 m grids said ``Error: Unexpected "@" at character 0``)."""

from __future__ import annotations

import io
import re
import time
from dataclasses import dataclass

import numpy as np
from PIL import Image

KAART = '[data-testid="stDeckGlJsonChart"]'
FOLIUM = 'iframe[title*="streamlit_folium"]'
FOUTTEKST = re.compile(r"\bError\b|Unexpected \"|Traceback|Exception")
MIN_DEKKING = 0.5
"""A colour may be painted pure or mixed with the white page below it (layer opacity; deck.gl's 0.55 comes out as
0.76): any mix from this share of the colour up to the pure colour counts."""


@dataclass(frozen=True)
class Oordeel:
    """What the pixels of one map say."""

    grootste_vlak: float  # share of the most common colour (quantised) other than the light grey or white ground
    kleuren: int  # colours that each cover at least 0.1 % of the map
    legenda_gezien: tuple[tuple[int, int, int], ...]  # legend colours painted (at least 30 pixels)
    legenda: tuple[tuple[int, int, int], ...]  # the legend colours looked for
    fout: str  # error text on the page or in the map element

    def problemen(self, min_legenda: int = 2) -> list[str]:
        uit = []
        if self.grootste_vlak > 0.85:
            uit.append(f"one colour covers {self.grootste_vlak:.0%} of the map")
        if self.kleuren < 3:
            uit.append(f"only {self.kleuren} colours drawn")
        nodig = min(min_legenda, len(self.legenda))
        if len(self.legenda_gezien) < nodig:
            uit.append(f"{len(self.legenda_gezien)} of the legend colours {list(self.legenda)} painted, {nodig} needed")
        if self.fout:
            uit.append(f"error on the page: {self.fout!r}")
        return uit


def beeld(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(np.int16)


def _gekleurd(rgb: tuple[int, int, int]) -> bool:
    """A colour that can be told from the page and the grey outlines (greys are left out of the legend check)."""
    return max(rgb) - min(rgb) >= 25


def aantal_in_kleur(pixels: np.ndarray, rgb: tuple[int, int, int], speling: int = 14) -> int:
    """Pixels painted in ``rgb``, pure or mixed with white (at least :data:`MIN_DEKKING` of the colour)."""
    plat = pixels.reshape(-1, 3).astype(float)
    kleur = np.array(rgb, dtype=float)
    k = int(np.argmax(255 - kleur))  # the channel that tells the most how much of the colour there is
    if 255 - kleur[k] < 1:
        return 0
    dekking = np.clip((255 - plat[:, k]) / (255 - kleur[k]), MIN_DEKKING, 1.0)
    doel = dekking[:, None] * kleur + (1 - dekking[:, None]) * 255
    return int((np.abs(plat - doel).max(axis=1) <= speling).sum())


def oordeel(pixels: np.ndarray, legenda: list[tuple[int, int, int]], fout: str = "") -> Oordeel:
    plat = pixels.reshape(-1, 3) // 16
    codes = plat[:, 0] * 256 + plat[:, 1] * 16 + plat[:, 2]
    waarden, tellingen = np.unique(codes, return_counts=True)
    aandelen = tellingen / len(codes)
    r, g, b = waarden // 256, waarden // 16 % 16, waarden % 16
    # a sparse map is mostly its ground (the white page, Leaflet's light grey): that is no solid block
    wit = (np.minimum(np.minimum(r, g), b) >= 12) & (np.maximum(np.maximum(r, g), b) - np.minimum(np.minimum(r, g), b) <= 1)
    kleurig = tuple(dict.fromkeys(c for c in legenda if _gekleurd(c)))
    gezien = tuple(c for c in kleurig if aantal_in_kleur(pixels, c) >= 30)
    vlak = float(aandelen[~wit].max()) if (~wit).any() else 0.0
    return Oordeel(vlak, int((aandelen >= 0.001).sum()), gezien, kleurig, fout)


def legenda_kleuren(page) -> list[tuple[int, int, int]]:
    """The swatch colours of every legend on the page (``dashboard.kaart.maps.legend_html`` and its kin)."""
    kleuren = page.evaluate(
        """() => [...document.querySelectorAll('[role="list"] [aria-hidden="true"]')]
                 .map(e => getComputedStyle(e).backgroundColor)""")
    uit = []
    for k in kleuren:
        m = re.fullmatch(r"rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)", k or "")
        if m and (m.group(4) is None or float(m.group(4)) > 0.5):
            uit.append((int(m.group(1)), int(m.group(2)), int(m.group(3))))
    return uit


def fouttekst(page) -> str:
    """Error text anywhere in the main block (a Python exception, or deck.gl's message in the map element)."""
    main = page.locator('[data-testid="stMainBlockContainer"]')
    if page.locator('[data-testid="stException"]').count():
        return page.locator('[data-testid="stException"]').first.inner_text()[:200]
    m = FOUTTEKST.search(main.inner_text())
    return m.group(0) if m else ""


def lees_kaart(page, element, legenda: list[tuple[int, int, int]] | None = None, min_legenda: int = 2,
               wachten: float = 40.0) -> tuple[Oordeel, bytes]:
    """Look at the map ``element`` until it draws (deck.gl paints on later frames, data arrives after the element)
    or ``wachten`` seconds have passed; returns the last judgement and screenshot."""
    element.wait_for(timeout=240_000)
    element.scroll_into_view_if_needed()
    einde = time.monotonic() + wachten
    while True:
        png = element.screenshot(timeout=30_000)
        o = oordeel(beeld(png), legenda if legenda is not None else legenda_kleuren(page), fouttekst(page))
        if not o.problemen(min_legenda) or time.monotonic() > einde:
            return o, png
        page.wait_for_timeout(1000)

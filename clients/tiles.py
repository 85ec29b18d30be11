"""Is the configured basemap reachable? One small tile request, answered quickly (never holds a map back)."""

from __future__ import annotations

import urllib.error
import urllib.request

from geo.basemap import Basemap, tile_for, tile_url

PROBE_TIMEOUT_SECONDS = 1.5
ROTTERDAM_LONLAT = (4.46, 51.905)


def tile_reachable(basemap: Basemap, *, timeout: float = PROBE_TIMEOUT_SECONDS) -> bool:
    """Whether one tile of ``basemap`` over Rotterdam (zoom 10) answers with an image.

    ``False`` for no basemap, a refused or timed-out connection, an HTTP error or a non-image answer. The server's
    view stands in for the browser's (both are usually in the same network); the map draws its layers either way.
    """
    if not basemap.url:
        return False
    url = tile_url(basemap, *tile_for(*ROTTERDAM_LONLAT, 10))
    request = urllib.request.Request(url, headers={"User-Agent": "HKD-Kaart/1 (achtergrondkaart-controle)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (configured URL)
            kind = response.headers.get("Content-Type", "")
            return response.status == 200 and kind.startswith("image/")
    except (urllib.error.URLError, TimeoutError, OSError, ValueError):
        return False

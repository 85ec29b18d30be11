"""The basemap setting resolves to one tile URL template and a raster style; tiles are addressed as XYZ does."""

from __future__ import annotations

import pytest

from geo.basemap import PDOK_ATTRIBUTIE, BasemapError, raster_style, resolve, tile_for, tile_url


@pytest.mark.parametrize("setting", ["", "geen", "GEEN", None, "uit"])
def test_no_basemap(setting):
    assert resolve(setting).url is None and raster_style(resolve(setting)) is None


def test_pdok_styles_and_attribution():
    bm = resolve("pdok-grijs")
    assert bm.url.startswith("https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/")
    assert bm.attributie == PDOK_ATTRIBUTIE and bm.host == "service.pdok.nl"
    style = raster_style(bm)
    source = style["sources"]["achtergrond"]
    assert source["tiles"] == [bm.url] and "Kadaster" in source["attribution"] and "PDOK" in source["attribution"]
    assert style["layers"] == [{"id": "achtergrond", "type": "raster", "source": "achtergrond"}]


def test_wmts_template_becomes_xyz():
    bm = resolve("https://tiles.example.nl/wmts/laag/EPSG:3857/{TileMatrix}/{TileCol}/{TileRow}.png|© Voorbeeld")
    assert bm.url == "https://tiles.example.nl/wmts/laag/EPSG:3857/{z}/{x}/{y}.png" and bm.attributie == "© Voorbeeld"


@pytest.mark.parametrize("setting", ["pdok-roze", "javascript:alert(1)//{z}{x}{y}", "ftp://h/{z}/{x}/{y}",
                                     "https://h/tiles.png", "file:///etc/passwd"])
def test_hostile_or_broken_settings_are_refused(setting):
    with pytest.raises(BasemapError):
        resolve(setting)


def test_tile_math_matches_the_xyz_scheme():
    # Rotterdam centre at zoom 10 lies in tile 524/338 (OSM/PDOK Web Mercator tiling)
    assert tile_for(4.46, 51.905, 10) == (10, 524, 338)
    assert tile_for(0, 0, 0) == (0, 0, 0)
    assert tile_url(resolve("https://t.example/{z}/{x}/{y}.png"), 10, 524, 337) == "https://t.example/10/524/337.png"

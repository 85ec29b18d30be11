"""The published site's search index (``data/gebieden.json``) from a real publication of the demo: every CBS wijk
and buurt with its name, frame and the PC4 areas whose figures the search opens; small enough for the site's bytes."""

import gzip
import json

from ops import publicatie as pub

GZ_MAX = 24_000  # the whole index, gzip -9: well under the PC4 layer it accompanies


def test_the_index_names_every_wijk_and_buurt_and_points_at_published_pc4s(fresh_demo, tmp_path):
    pub.publiceer(fresh_demo, tmp_path, "tester")
    live = pub.actueel(tmp_path).resolve()
    index = json.loads((live / "data/gebieden.json").read_text(encoding="utf-8"))
    laag = json.loads((live / "data/pc4.geojson").read_text(encoding="utf-8"))
    pc4s = {f["properties"]["pc4"] for f in laag["features"]}
    assert len(index["gebied"]) >= 10 and len(index["buurt"]) >= 60
    namen = {r[1] for r in index["buurt"]}
    assert {"Bloemhof", "Hillesluis"} <= namen
    for code, naam, (w, z, o, n), (lon, lat), gebied_pc4s, *_ in index["gebied"] + index["buurt"]:
        assert naam and code and w < o and z < n and w <= lon <= o and z <= lat <= n, (code, naam)
        assert set(gebied_pc4s) <= pc4s, (naam, gebied_pc4s)
    # nearly every area lies in a published PC4 (the search opens its figures)
    assert sum(bool(r[4]) for r in index["buurt"]) >= 0.9 * len(index["buurt"])
    # a buurt names its wijk; a wijk carries its border for orientation
    assert sum(bool(r[5]) for r in index["buurt"]) >= 0.9 * len(index["buurt"])
    assert all(r[5] and len(r[5][0]) >= 4 for r in index["gebied"])
    ruw = (live / "data/gebieden.json").read_bytes()
    gz = len(gzip.compress(ruw, 9, mtime=0))
    print(f"\ngebieden.json: {len(ruw)} bytes, {gz} gzip; pc4.geojson: {(live / 'data/pc4.geojson').stat().st_size}")
    assert gz < GZ_MAX

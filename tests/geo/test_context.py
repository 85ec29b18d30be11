"""The schematic Maas through the centre lies where the river is: between the buurten of the two banks."""

from __future__ import annotations

import json

from pyproj import Transformer
from shapely.geometry import LineString, Point, shape
from shapely.ops import transform

from core.settings import SHARED_DATA
from geo.context import WATER, label_punt
from tests.conftest import needs_shared_data

RD = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True).transform
MAAS = transform(RD, LineString(next(lijn for lijn in WATER if lijn.naam == "Nieuwe Maas").punten))
# buurten facing each other across the Nieuwe Maas, west to east: their shared boundary is the river's middle
OEVERS = (("Nieuwe Werk", "Katendrecht"), ("Nieuwe Werk", "Kop van Zuid"), ("Stadsdriehoek", "Kop van Zuid"),
          ("Stadsdriehoek", "Noordereiland"), ("Struisenburg", "Noordereiland"), ("Struisenburg", "Feijenoord"))


def test_the_maas_passes_north_of_the_noordereiland_and_south_of_the_city_centre():
    # the island's middle (Maasboulevard side) lies south of the river; the Markthal and Blaak lie north of it
    for lon, lat, kant in ((4.4985, 51.9135, "zuid"), (4.4866, 51.9199, "noord"), (4.4885, 51.9050, "zuid")):
        x, y = RD(lon, lat)
        rivier_y = MAAS.interpolate(MAAS.project(Point(x, y))).y
        assert (y < rivier_y) == (kant == "zuid"), (lon, lat, kant)


@needs_shared_data
def test_the_maas_follows_the_shared_boundary_of_the_two_banks():
    gebieden = {f["properties"]["name"]: shape(f["geometry"]) for f in json.loads(
        (SHARED_DATA / "rotterdam_buurten_2015.geojson").read_text())["features"]}
    for noord, zuid in OEVERS:
        grens = transform(RD, gebieden[noord].boundary.intersection(gebieden[zuid].boundary))
        assert grens.length > 50, (noord, zuid)
        verste = max(MAAS.distance(Point(c)) for lijn in getattr(grens, "geoms", [grens]) for c in lijn.coords)
        assert verste < 120, f"the schematic Maas lies {verste:.0f} m from the boundary of {noord} and {zuid}"



def test_a_name_is_written_on_its_line():
    for lijn in WATER:
        assert label_punt(lijn) in lijn.punten, lijn.naam

"""Orientation without a basemap: a SCHEMATIC course of the Maas and of the main roads around Rotterdam.

Drawn by hand from public knowledge (the course of the Nieuwe Maas / Nieuwe Waterweg and the ring A4-A13-A15-A16-A20
with the A15 to the Maasvlakte), to within a few hundred metres: enough to tell north from south of the river and
where the ring runs, never to judge a street or an address. Through the centre (Parkhaven to De Esch) the Nieuwe
Maas follows the middle of the river as the CBS buurt boundaries draw it: under the Erasmusbrug between Kop van
Zuid and the Boompjes, north of the Noordereiland (``tests/geo/test_context.py`` holds it to those boundaries).
Every map that shows it says so ("schematisch").
Coordinates are WGS84 ``(lon, lat)``. Pure data: no file, no network, works offline.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContextLijn:
    """One schematic line: its name (shown as a label), kind (``water`` or ``weg``) and course; ``label`` the
    vertex its name is written at when not the middle one."""

    naam: str
    soort: str
    punten: tuple[tuple[float, float], ...]
    label: tuple[float, float] | None = None


WATER = (
    ContextLijn("Nieuwe Maas", "water", (
        (4.600, 51.913), (4.570, 51.906), (4.545, 51.902), (4.530, 51.901), (4.517, 51.903), (4.5166, 51.908),
        (4.5152, 51.9124), (4.5125, 51.9147), (4.5075, 51.9168), (4.5003, 51.9181), (4.4941, 51.9163),
        (4.4883, 51.9126), (4.4855, 51.9098), (4.4797, 51.9047), (4.4731, 51.9018), (4.4678, 51.9003),
        (4.455, 51.901), (4.440, 51.897), (4.420, 51.898), (4.400, 51.900),
        (4.380, 51.897), (4.360, 51.895), (4.340, 51.897),
    ), label=(4.4731, 51.9018)),  # by the Rijnhaven: in view of the centre and of Zuid at once
    ContextLijn("Nieuwe Waterweg", "water", (
        (4.340, 51.897), (4.300, 51.902), (4.265, 51.910), (4.240, 51.920), (4.200, 51.940), (4.160, 51.960),
        (4.120, 51.983),
    )),
    ContextLijn("Oude Maas", "water", (
        (4.340, 51.897), (4.330, 51.880), (4.350, 51.860), (4.400, 51.845), (4.450, 51.835), (4.500, 51.830),
    )),
    ContextLijn("Calandkanaal", "water", (
        (4.120, 51.983), (4.100, 51.960), (4.080, 51.950), (4.040, 51.955), (4.000, 51.960),
    )),
)

WEGEN = (
    ContextLijn("A20", "weg", (
        (4.250, 51.915), (4.330, 51.918), (4.380, 51.921), (4.440, 51.930), (4.490, 51.945), (4.530, 51.950),
    )),
    ContextLijn("A16", "weg", (
        (4.530, 51.950), (4.545, 51.930), (4.548, 51.905), (4.570, 51.880), (4.590, 51.865),
    )),
    ContextLijn("A15", "weg", (
        (4.590, 51.865), (4.540, 51.862), (4.490, 51.860), (4.440, 51.866), (4.390, 51.870), (4.320, 51.875),
        (4.250, 51.890), (4.180, 51.925), (4.100, 51.945), (4.030, 51.955),
    )),
    ContextLijn("A4", "weg", (
        (4.380, 51.921), (4.384, 51.905), (4.386, 51.890), (4.390, 51.870),
    )),
    ContextLijn("A13", "weg", (
        (4.440, 51.930), (4.420, 51.950), (4.400, 51.975), (4.380, 52.000),
    )),
)

LIJNEN = WATER + WEGEN

KLEUREN = {"water": (86, 180, 233), "weg": (150, 120, 90)}
"""The colour of each kind of line on every map that draws them (water: Okabe-Ito sky blue; roads: brown)."""


def label_punt(lijn: ContextLijn) -> tuple[float, float]:
    """Where a line's name is written: its ``label`` vertex, else its middle vertex."""
    return lijn.label or lijn.punten[len(lijn.punten) // 2]

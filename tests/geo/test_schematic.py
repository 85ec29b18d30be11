"""The schematic geography: every area gets one cell, inside the outline, levels nest where they should."""

import shapely

from data.boundaries import read_facts
from geo.schematic import schematic_layers


def test_cells_cover_all_areas_and_gebieden_are_unions_of_buurten():
    facts = {lvl: read_facts(lvl) for lvl in ("buurt", "gebied", "wijkprofiel", "pc4")}
    layers = schematic_layers(facts)
    assert sorted(layers["buurt"]["code"]) == sorted(facts["buurt"]["code"])
    assert sorted(layers["pc4"]["code"]) == sorted(facts["pc4"]["code"])
    outline = layers["gemeente"].geometry.iloc[0]
    for level in ("buurt", "pc4", "wijkprofiel"):
        assert layers[level].geometry.is_valid.all()
        assert shapely.union_all(layers[level].geometry).difference(outline.buffer(1)).area < 1
    # a buurt lies inside its gebied
    gebied = layers["gebied"].set_index("code").geometry
    for code, parent, geom in zip(layers["buurt"]["code"], layers["buurt"]["parent_code"], layers["buurt"].geometry,
                                  strict=True):
        assert gebied[parent].buffer(1).contains(geom), code

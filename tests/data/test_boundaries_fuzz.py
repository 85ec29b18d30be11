"""Generated malformed boundary files: each is refused with a reason or loaded whole; nothing crashes."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from data.boundaries import load_boundaries
from geo.boundaries import BoundaryError

coords = st.floats(min_value=-200, max_value=200, allow_nan=False, allow_infinity=False)
ring = st.lists(st.tuples(coords, coords), min_size=0, max_size=6).map(lambda pts: [list(p) for p in pts])
geometry = st.one_of(
    st.none(),
    st.builds(lambda r: {"type": "Polygon", "coordinates": [r + r[:1]]}, ring),
    st.builds(lambda p: {"type": "Point", "coordinates": list(p)}, st.tuples(coords, coords)),
    st.just({"type": "Polygon", "coordinates": [[[4.47, 51.91], [4.48, 51.91], [4.48, 51.92], [4.47, 51.92],
                                                 [4.47, 51.91]]]}),
)
props = st.fixed_dictionaries({
    "code": st.one_of(st.none(), st.just(""), st.sampled_from(["BU05990001", "BU05990002", "3011", "x y"])),
    "name": st.one_of(st.none(), st.just(""), st.text(max_size=8)),
    "year": st.one_of(st.none(), st.just(2015), st.just("twee")),
})
feature = st.builds(lambda g, p: {"type": "Feature", "geometry": g, "properties": p}, geometry, props)


def _areas(engine) -> list:
    with engine.connect() as conn:
        return conn.execute(text("SELECT niveau, code, md5(ST_AsBinary(geom)) FROM hkd.gebieden ORDER BY 1, 2")).all()


@example(features=[{"type": "Feature", "geometry": {"type": "Point", "coordinates": [0.0, 91.0]},
                    "properties": {"code": None, "name": None, "year": None}}], raw_garbage=False)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(features=st.lists(feature, max_size=5), raw_garbage=st.booleans())
def test_any_file_is_loaded_whole_or_refused_with_reasons(fresh_demo, tmp_path, features, raw_garbage):
    path = tmp_path / "grenzen.geojson"
    if raw_garbage:
        path.write_text(json.dumps(features)[: max(1, len(json.dumps(features)) // 2)])
    else:
        path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    before = _areas(fresh_demo)
    try:
        niveau, n = load_boundaries(fresh_demo, str(path), niveau="buurt", jaar=2015)
    except BoundaryError as exc:
        assert exc.problems and all(isinstance(p, str) and p for p in exc.problems)
        assert _areas(fresh_demo) == before
    else:
        assert n == len(features) > 0
        loaded = [a for a in _areas(fresh_demo) if a[0] == "buurt"]
        assert len(loaded) == n

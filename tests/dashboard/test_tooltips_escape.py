"""Map tooltips never carry a user's string as markup or as a JavaScript template expression."""

from __future__ import annotations

import pandas as pd

from dashboard import ladder_view
from dashboard.maps import scan_folium
from tests.data.hostile import PAYLOADS


def _locaties() -> pd.DataFrame:
    n = len(PAYLOADS)
    return pd.DataFrame({
        "id": range(1, n + 1), "code": [f"H-{i}" for i in range(n)], "naam": list(PAYLOADS),
        "aanbieder": list(PAYLOADS), "woonvorm": list(PAYLOADS), "fase": ["2"] * n, "plaatsen": [10] * n,
        "lat": [51.91 + i / 1000 for i in range(n)], "lon": [4.47] * n,
    })


def test_scan_map_tooltips_are_escaped_for_html_and_template_literals():
    html = scan_folium(_locaties(), (51.91, 4.47), (250,), {"2": (230, 159, 0)}).get_root().render()
    for payload in PAYLOADS:
        if any(t in payload for t in "<>`${}\"'"):
            assert payload not in html
    assert "<script>window.__xss" not in html and "${window.__xss" not in html and "${alert" not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html


def test_ladder_map_data_is_escaped_before_pydeck_renders_its_tooltip(monkeypatch):
    # the outlines and area labels come from the database; this test looks only at the locations' own strings
    monkeypatch.setattr(ladder_view, "gebied_omtrek", lambda _f: {"type": "FeatureCollection", "features": []})
    monkeypatch.setattr(ladder_view, "gebied_namen", lambda: [])
    deck = ladder_view.fase_deck(_locaties().assign(fase=["2"] * len(PAYLOADS)))
    data = deck.to_json()
    assert "<script>" not in data and "onerror=\\\"" not in data and "${" not in data

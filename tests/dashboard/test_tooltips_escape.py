"""Map tooltips never run a user's string: folium tooltips (HTML in a JavaScript template literal) are escaped;
pydeck tooltips are text tooltips (innerText in every Streamlit version) whose values are sent exactly as typed, so
a name shows as ``Huis 't Anker & Co``, never as ``Huis &#x27;t Anker &amp; Co``."""

from __future__ import annotations

import json

import pandas as pd
import pydeck as pdk
import pytest

from dashboard.initiatieven import view as initiatieven_view
from dashboard.kaart.maps import deck, scan_folium, tekst_tooltip
from dashboard.ladder import view as ladder_view
from dashboard.meldingen import view as meldingen_view
from dashboard.trends import lagen as trends_maps
from geo.meldingen import MeldingNormen
from tests.data.hostile import PAYLOADS

NAMEN = ("Huis 't Anker & Co", '"De <Brug>"', *PAYLOADS)


def _locaties(namen=PAYLOADS) -> pd.DataFrame:
    n = len(namen)
    return pd.DataFrame({
        "id": range(1, n + 1), "code": [f"H-{i}" for i in range(n)], "naam": list(namen),
        "aanbieder": list(namen), "woonvorm": list(namen), "fase": ["2"] * n, "plaatsen": [10] * n,
        "lat": [51.91 + i / 1000 for i in range(n)], "lon": [4.47] * n,
    })


def _text_only(d: pdk.Deck) -> dict:
    """The deck's tooltip, asserted to be a text tooltip (what Streamlit sends beside the spec)."""
    tooltip = d._tooltip
    assert tooltip and set(tooltip) == {"text", "style"} and "html" not in tooltip, tooltip
    return tooltip


def _layer(d: pdk.Deck, layer_id: str) -> list[dict]:
    return next(layer for layer in json.loads(d.to_json())["layers"] if layer["id"] == layer_id)["data"]


def test_scan_map_tooltips_are_escaped_for_html_and_template_literals():
    html = scan_folium(_locaties(), (51.91, 4.47), (250,), {"2": (230, 159, 0)}).get_root().render()
    for payload in PAYLOADS:
        if any(t in payload for t in "<>`${}\"'"):
            assert payload not in html
    assert "<script>window.__xss" not in html and "${window.__xss" not in html and "${alert" not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html


def test_ladder_map_is_a_text_tooltip_with_every_name_as_typed(monkeypatch):
    # the outlines and area labels come from the database; this test looks only at the locations' own strings
    monkeypatch.setattr(ladder_view, "gebied_omtrek", lambda _f: {"type": "FeatureCollection", "features": []})
    monkeypatch.setattr(ladder_view, "gebied_namen", lambda: [])
    frame = _locaties(NAMEN)
    frame.loc[0, "aanbieder"] = None  # a missing value is blank, never "null" or "None"
    d = ladder_view.fase_deck(frame)
    assert _text_only(d)["text"] == "{code} {naam}\n{fase_naam}\n{woonvorm}, {aanbieder}"
    punten = _layer(d, ladder_view.KAART_LAAG)
    assert [p["naam"] for p in punten] == list(NAMEN) and [p["woonvorm"] for p in punten] == list(NAMEN)
    assert punten[0]["aanbieder"] == ""
    assert "&#x27;" not in d.to_json() and "&amp;" not in d.to_json() and "&lt;" not in d.to_json()


def test_meldkaart_is_a_text_tooltip_with_names_as_typed():
    frame = _locaties(NAMEN).assign(aantal=3, buiten_norm=1, open=0, ring_100=1, ring_250=2, ring_500=3)
    d = meldingen_view.meldkaart(frame, MeldingNormen())
    assert "{naam}" in _text_only(d)["text"] and "{ringen}" in _text_only(d)["text"]
    assert [p["naam"] for p in _layer(d, "meldingen")] == list(NAMEN)


def test_kandidaten_map_is_a_text_tooltip_with_names_as_typed():
    n = len(NAMEN)
    frame = pd.DataFrame({"initiatief_id": range(1, n + 1), "initiatief": list(NAMEN), "omschrijving": list(NAMEN),
                          "stap": ["aangemeld"] * n, "lat": [51.91] * n, "lon": [4.47] * n})
    tips = [p["tip"] for p in _layer(initiatieven_view.kandidaten_deck(frame), "kandidaten")]
    assert tips[0] == "Initiatief 1 Huis 't Anker & Co: Huis 't Anker & Co (Aangemeld)"
    assert all(naam in tip for naam, tip in zip(NAMEN, tips, strict=True))
    kandidaten = initiatieven_view.kandidaten_deck(frame, kleur_kolom="kandidaat")
    _text_only(kandidaten)
    assert _layer(kandidaten, "kandidaten")[0]["tip"] == "Kandidaat A: Huis 't Anker & Co"


def test_the_100m_grid_tooltip_is_text_with_the_callers_text_as_typed():
    cellen = pd.DataFrame({"lon": [4.47, 4.48], "lat": [51.91, 51.92], "gebied_code": ["BU1", "BU2"]})
    d = trends_maps.raster_klassen_deck(cellen, pd.Series([0, 1]), ((1, 2, 3), (4, 5, 6)),
                                        pd.Series(["Woonstad 't Anker & Co (60 %)", "geen corporatiebezit"]), "r")
    assert _text_only(d)["text"] == "Vierkant 100 m\n{t}"
    assert _layer(d, "r")[0]["t"] == "Woonstad 't Anker & Co (60 %)"


def test_a_deck_refuses_an_html_tooltip():
    assert tekst_tooltip("{naam}\n{toelichting}")["text"] == "{naam}\n{toelichting}"
    with pytest.raises(ValueError, match="text tooltips"):
        deck([], tooltip={"html": "<b>{naam}</b>"})

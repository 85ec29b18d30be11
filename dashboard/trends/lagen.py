"""Wijktrends maps (pydeck, no basemap): level and development choropleths, the bivariate Kaart 4-8, facilities.

Every filled area also carries a text label (the class number on Kaart 4-8) and a tooltip with the class in words,
so that the meaning never rests on colour alone. Facilities are drawn at the resolution of the user's role: points
only for HKD, counts per postcode area for everyone else.
"""

from __future__ import annotations

import html

import pandas as pd
import pydeck as pdk
import streamlit as st

from core.taal import aantal
from dashboard.kaart.maps import (
    MAP_HEIGHT_PX,
    compact_json,
    deck,
    features_json,
    gebied_namen,
    laag,
    spliced,
    tekst_tooltip,
)
from geo.kaarten4 import cirkel_straal
from geo.veerkracht import ALLE_KLASSEN, KLASSE_BY_CODE
from geo.view import bounds_of, kern
from queries.kaart import feature_collection

TOOLTIP = tekst_tooltip("{naam}\n{toelichting}")
NO_DATA = [230, 230, 230]
# Placeholders for the large layer data: the deck is serialised without them (small), then the cached JSON of the
# areas is put in their place (dashboard.kaart.maps.spliced), so that thousands of polygons are never parsed and
# re-serialised on a rerun.
_AREAS, _LABELS = "@@hkd_vlakken@@", "@@hkd_labels@@"


def _labels_json(vlakken: pd.DataFrame, labels: list[str]) -> str:
    """TextLayer rows ``lon, lat, label`` (5 decimals, ~1 m) as JSON text."""
    return compact_json([{"lon": round(x, 5), "lat": round(y, 5), "label": t}
                     for x, y, t in zip(vlakken["lon"], vlakken["lat"], labels, strict=True)])


@st.cache_data(ttl=600, max_entries=8, show_spinner=False)
def _bivariaat_data(_vlakken: pd.DataFrame, bron: tuple, klasse: pd.Series) -> tuple[str, str]:
    """Areas and labels of Kaart 4-8, cached per source (level, role) and classification."""
    codes = _vlakken["code"].map(klasse).fillna("geen_gegevens")
    props = pd.DataFrame({
        "code": _vlakken["code"], "naam": _vlakken["naam"].fillna(""),  # as typed: the tooltip is text
        # class number and colour name; the legend beside the map gives each class its sentence
        "toelichting": [f"{KLASSE_BY_CODE[c].label}. {KLASSE_BY_CODE[c].kleur}" for c in codes],
        "kleur": [list(KLASSE_BY_CODE[c].rgb) for c in codes],
    })
    return features_json(_vlakken["geometry"], props), _labels_json(_vlakken, [KLASSE_BY_CODE[c].label for c in codes])


@st.cache_data(ttl=600, max_entries=16, show_spinner=False)
def _choropleth_data(_vlakken: pd.DataFrame, bron: tuple, klasse: pd.Series, kleuren: tuple, waarden: pd.Series,
                     label: str) -> str:
    """Areas of a choropleth, cached per source (level, role), classes and values."""
    idx = _vlakken["code"].map(klasse)
    values = _vlakken["code"].map(waarden)
    props = pd.DataFrame({
        "code": _vlakken["code"], "naam": _vlakken["naam"].fillna(""),  # as typed: the tooltip is text
        "toelichting": [f"{label}: {v:.3g}".replace(".", ",") if pd.notna(v) else f"{label}: geen gegevens"
                        for v in values],
        "kleur": [list(kleuren[int(i)]) if pd.notna(i) else NO_DATA for i in idx],
    })
    return features_json(_vlakken["geometry"], props)


def _area_layer(layer_id: str) -> pdk.Layer:
    """Filled, pickable areas (data spliced in later); features carry ``code, naam, toelichting, kleur``."""
    return laag(
        "GeoJsonLayer", _AREAS, id=layer_id, stroked=True, filled=True, pickable=True,
        get_fill_color="properties.kleur", get_line_color=[70, 70, 70, 220], line_width_min_pixels=1,
        auto_highlight=True, highlight_color=[0, 0, 0, 60],
    )


def _selection_layer(vlakken: pd.DataFrame, code: str | None) -> list[pdk.Layer]:
    """A thick black outline around the selected area (empty when nothing is selected)."""
    chosen = vlakken[vlakken["code"] == code]
    if chosen.empty:
        return []
    return [laag(
        "GeoJsonLayer", feature_collection(chosen[["code", "geometry"]]), id="selectie", stroked=True,
        filled=False, get_line_color=[0, 0, 0, 255], line_width_min_pixels=4, pickable=False,
    )]


def _text_layer(layer_id: str, size: int = 13) -> pdk.Layer:
    """Short labels (``label``) at ``lon, lat`` on a white background, readable on every fill colour."""
    return laag(
        "TextLayer", _LABELS, id=layer_id, get_position=["lon", "lat"],
        get_text="label", get_size=size, get_color=[20, 20, 20, 255], background=True,
        get_background_color=[255, 255, 255, 200], background_padding=[2, 1], pickable=False,
    )


def _bounds(vlakken: pd.DataFrame):
    """The areas' extent from their label points within the core city, widened (outlines reach beyond them).

    The Veerkracht analysis draws its maps of the core city, with Pernis and Hoogvliet, without the port area,
    Rozenburg and Hoek van Holland (seed 002, section 4.1); these maps open the same way, the rest a pan away."""
    box = kern(bounds_of(zip(vlakken["lon"], vlakken["lat"], strict=True)))
    return box.padded(1500) if box is not None else None


def _spliced_deck(layers: list[pdk.Layer], data: dict[str, str], bounds, hoogte: int) -> pdk.Deck:
    """A deck from :func:`dashboard.kaart.maps.deck` (``hoogte`` pixels high) whose placeholder layer data is replaced by
    cached JSON text (:func:`dashboard.kaart.maps.spliced`)."""
    return spliced(deck(layers, tooltip=TOOLTIP, labels=gebied_namen(), bounds=bounds, height=hoogte), data)


def bivariaat_deck(vlakken: pd.DataFrame, klassen: pd.DataFrame, gekozen: str | None,
                   extra: list[pdk.Layer], bron: tuple, bounds=None, hoogte: int = MAP_HEIGHT_PX) -> pdk.Deck:
    """Kaart 4-8: every area in its class colour, with the class number as label and in the tooltip.

    ``klassen`` is indexed by area code with a ``klasse`` column (see :func:`geo.veerkracht.classificeer`);
    ``bron`` identifies ``vlakken`` (level, role) for the cache.
    """
    areas, labels = _bivariaat_data(vlakken, bron, klassen["klasse"])
    layers = [_area_layer("kaart_4_8"), _text_layer("kaart_4_8_labels"), *_selection_layer(vlakken, gekozen), *extra]
    return _spliced_deck(layers, {_AREAS: areas, _LABELS: labels}, bounds or _bounds(vlakken), hoogte)


def choropleth_deck(vlakken: pd.DataFrame, klasse: pd.Series, kleuren: tuple, waarden: pd.Series, label: str,
                    gekozen: str | None, extra: list[pdk.Layer], layer_id: str, bron: tuple,
                    bounds=None, hoogte: int = MAP_HEIGHT_PX) -> pdk.Deck:
    """A choropleth of one indicator: ``klasse`` (class index per code) picks the colour from ``kleuren``.

    ``bron`` identifies ``vlakken`` (level, role) for the cache.
    """
    areas = _choropleth_data(vlakken, bron, klasse, tuple(kleuren), waarden, label)
    return _spliced_deck([_area_layer(layer_id), *_selection_layer(vlakken, gekozen), *extra], {_AREAS: areas},
                         bounds or _bounds(vlakken), hoogte)


def voorziening_layers(rol: str, pc4: pd.DataFrame | None, punten: pd.DataFrame | None) -> list[pdk.Layer]:
    """Facilities at the resolution a role allows: points for ``hkd``; counts per PC4 for everyone else.

    A point frame is used only for ``rol == "hkd"``; for any other role it is ignored even when passed in.
    """
    if rol == "hkd" and punten is not None:
        data = [
            {"lon": r.lon, "lat": r.lat, "naam": r.naam, "toelichting": f"{r.woonvorm}, {r.plaatsen} plaatsen"}
            for r in punten.itertuples()
        ]
        return [laag("ScatterplotLayer", data, id="voorzieningen_punten", get_position=["lon", "lat"],
                          get_radius=70, radius_min_pixels=4, get_fill_color=[0, 0, 0, 230],
                          get_line_color=[255, 255, 255, 255], stroked=True, line_width_min_pixels=1,
                          pickable=True)]
    if pc4 is None or pc4.empty:
        return []
    frame = pc4.assign(
        label=pc4["voorzieningen"].astype(str), naam="Postcode " + pc4["pc4"].astype(str),
        toelichting=pc4["voorzieningen"].map(lambda n: aantal(int(n), "voorziening", "voorzieningen"))
        + " in dit postcodegebied",
    )
    circles = laag(
        "ScatterplotLayer", frame[["lon", "lat", "naam", "toelichting", "voorzieningen"]].to_dict("records"),
        id="voorzieningen_pc4", get_position=["lon", "lat"], get_radius=110, radius_min_pixels=9,
        get_fill_color=[40, 40, 40, 200], get_line_color=[255, 255, 255, 255], stroked=True,
        line_width_min_pixels=1, pickable=True,
    )
    counts = laag(
        "TextLayer", frame[["lon", "lat", "label"]].to_dict("records"), id="voorzieningen_pc4_aantal",
        get_position=["lon", "lat"], get_text="label", get_size=11, get_color=[255, 255, 255, 255],
        font_weight="bold", pickable=False,
    )
    return [circles, counts]


def bivariaat_legenda_html(telling: dict[str, int]) -> str:
    """The Kaart 4-8 legend: swatch, class number, the report's colour name, a Dutch sentence and the count."""
    rows = []
    for k in ALLE_KLASSEN:
        rows.append(
            '<div role="listitem" style="display:flex;gap:.5em;align-items:flex-start;margin:.3em 0">'
            f'<span aria-hidden="true" style="flex:0 0 1.6em;height:1.6em;border:1px solid #444;'
            f'background:rgb{k.rgb};display:flex;align-items:center;justify-content:center;font-weight:bold;'
            f'color:#111;background-clip:padding-box"><span style="background:#fff;padding:0 .15em">'
            f'{html.escape(k.label)}</span></span>'
            f'<span><b>{html.escape(k.label)} · {html.escape(k.kleur)}</b> ({telling.get(k.code, 0)}): '
            f'{html.escape(k.zin)}</span></div>'
        )
    return f'<div role="list" aria-label="Legenda Kaart 4-8">{"".join(rows)}</div>'


def raster_deck(cellen: pd.DataFrame, klasse: pd.Series, kleuren: tuple, waarden: pd.Series, label: str,
                layer_id: str, hoogte: int = MAP_HEIGHT_PX) -> pdk.Deck:
    """100 m squares as a deck.gl GridCellLayer: per square only its south-west corner, its class and its value
    (the colour comes from the class in the browser), so that ten thousand squares stay well under a megabyte."""
    idx = cellen["code"].map(klasse)
    vals = cellen["code"].map(waarden)
    data = pd.DataFrame({
        "lon": cellen["lon"], "lat": cellen["lat"],
        "k": [int(i) if pd.notna(i) else -1 for i in idx],
        "w": [f"{v:.3g}".replace(".", ",") if pd.notna(v) else "geen gegevens" for v in vals],
    })
    kleur = " : ".join(f"k == {i} ? {list(rgb)}" for i, rgb in enumerate(kleuren)) + f" : {list(NO_DATA)}"
    layer = laag("GridCellLayer", data, id=layer_id, get_position=["lon", "lat"], cell_size=100,
                      extruded=False, get_fill_color=kleur, pickable=True)
    return deck([layer], tooltip=tekst_tooltip(f"Vierkant 100 m\n{label}: {{w}}"), height=hoogte)


@st.cache_data(ttl=600, max_entries=8, show_spinner=False)
def _categorie_data(_vlakken: pd.DataFrame, bron: tuple, klasse: pd.Series, kleuren: tuple,
                    toelichting: pd.Series) -> tuple[str, str]:
    """Areas and class-number labels of a categorical map, cached per source (level, role), classes and texts."""
    idx = _vlakken["code"].map(klasse)
    props = pd.DataFrame({
        "code": _vlakken["code"], "naam": _vlakken["naam"].fillna(""),  # as typed: the tooltip is text
        "toelichting": _vlakken["code"].map(toelichting).fillna("geen gegevens"),
        "kleur": [list(kleuren[int(i)]) if pd.notna(i) else NO_DATA for i in idx],
    })
    labels = [str(int(i) + 1) if pd.notna(i) else "–" for i in idx]
    return features_json(_vlakken["geometry"], props), _labels_json(_vlakken, labels)


def categorie_deck(vlakken: pd.DataFrame, klasse: pd.Series, kleuren: tuple, toelichting: pd.Series,
                   gekozen: str | None, extra: list[pdk.Layer], layer_id: str, bron: tuple,
                   bounds=None, hoogte: int = MAP_HEIGHT_PX) -> pdk.Deck:
    """A categorical map (Kaart 4-1): colour per class, the class number as label, ``toelichting`` (plain text per
    area code, as typed) in the tooltip."""
    areas, labels = _categorie_data(vlakken, bron, klasse, tuple(kleuren), toelichting)
    layers = [_area_layer(layer_id), _text_layer(f"{layer_id}_labels"), *_selection_layer(vlakken, gekozen), *extra]
    return _spliced_deck(layers, {_AREAS: areas, _LABELS: labels}, bounds or _bounds(vlakken), hoogte)


def bemiddeling_layer(punten: pd.DataFrame, jaar: int) -> pdk.Layer:
    """Kaart 4-4 overlay: a circle per area at its label point (``lon, lat``, computed in PostGIS), its area
    proportional to ``aantal``; the tooltip names the area and the count. Only shown counts may be passed in."""
    data = [{"lon": round(float(r.lon), 5), "lat": round(float(r.lat), 5),
             "naam": "" if pd.isna(r.naam) else str(r.naam),  # as typed: the tooltip is text
             "toelichting": f"{int(r.aantal)} plaatsingen via directe bemiddeling ({jaar})",
             "straal": round(cirkel_straal(r.aantal), 1)}
            for r in punten.itertuples()]
    return laag("ScatterplotLayer", data, id="directe_bemiddeling", get_position=["lon", "lat"],
                     get_radius="straal", radius_units="meters", radius_min_pixels=3, stroked=True, filled=True,
                     get_fill_color=[0, 0, 0, 70], get_line_color=[0, 0, 0, 230], line_width_min_pixels=2,
                     pickable=True)


def cirkel_legenda_html(aantallen: tuple[int, ...], meter_per_pixel: float = 12.0) -> str:
    """Size legend of the directe-bemiddeling circles: one circle per example count, area proportional."""
    items = []
    for n in aantallen:
        r = max(3.0, cirkel_straal(n) / meter_per_pixel)
        d = 2 * r + 4
        items.append(
            f'<span role="listitem" style="display:inline-flex;align-items:center;gap:.35em;margin-right:1em">'
            f'<svg aria-hidden="true" width="{d:.0f}" height="{d:.0f}"><circle cx="{d / 2:.1f}" cy="{d / 2:.1f}" '
            f'r="{r:.1f}" fill="rgba(0,0,0,.27)" stroke="#000" stroke-width="2"/></svg>{n} plaatsingen</span>')
    return ('<div role="list" aria-label="Grootte van de cirkels: plaatsingen via directe bemiddeling">'
            f'{"".join(items)}</div>')


def raster_klassen_deck(cellen: pd.DataFrame, klasse: pd.Series, kleuren: tuple, tekst: pd.Series,
                        layer_id: str, extra: list[pdk.Layer] | None = None,
                        hoogte: int = MAP_HEIGHT_PX) -> pdk.Deck:
    """Categorical 100 m squares (Kaart 4-1 on the grid): per square its south-west corner, class index ``k``,
    the area ``code`` (a click selects the area) and the tooltip text ``t`` (plain text, as typed).
    ``klasse`` and ``tekst`` are aligned with the rows of ``cellen``."""
    data = pd.DataFrame({
        "lon": cellen["lon"].to_numpy(), "lat": cellen["lat"].to_numpy(), "code": cellen["gebied_code"].to_numpy(),
        "k": [int(i) if pd.notna(i) else -1 for i in klasse], "t": list(tekst),
    })
    kleur = " : ".join(f"k == {i} ? {list(rgb)}" for i, rgb in enumerate(kleuren)) + f" : {list(NO_DATA)}"
    layer = laag("GridCellLayer", data, id=layer_id, get_position=["lon", "lat"], cell_size=100,
                      extruded=False, get_fill_color=kleur, pickable=True)
    return deck([layer, *(extra or [])], tooltip=tekst_tooltip("Vierkant 100 m\n{t}"), height=hoogte)

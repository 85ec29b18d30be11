"""Wijktrends building blocks: cached data, indicator names, plotly charts (Figuur 3-x) and selectable tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from core.indicatoren import CATALOGUS, aantallen, geen_reeks, label
from core.settings import get_settings
from dashboard import db
from dashboard.trends import toestand as trends_state
from dashboard.widgets import downloads
from dashboard.widgets.paging import kies_pagina
from geo import analysegebied
from geo import veerkracht as vk
from geo.herkomst import Bron
from queries import corporatiebezit, trends
from reports.veilig import csv_bytes

INDICATOR_NAMEN = {c: i.label for c, i in CATALOGUS.items()}  # the labels of the one catalogue
# Figuur 3-1..3-17 of the report, in its order: the indicators the charts offer first.
FIGUUR_3 = ("laagste_inkomens", "pct_bijstand", "vluchtelingenlanden", "lvb", "psychiatrie", "chronisch_meervoudig",
            "lbm_totaal", "lbm_bewoners", "overlast_onveiligheid", "kwetsbare_groepen")
NIVEAU_NAMEN = {"buurt": "Wijken (CBS-buurten)", "wijkprofiel": "Wijkprofiel-wijken", "gebied": "Gebieden (CBS-wijken)",
                "pc4": "Postcodegebieden", "gemeente": "Gemeente", "vierkant": "Vierkanten van 100 m (CBS)"}
# Headers of the Wijktrends tables (the frames keep their codes; the grid shows these names).
KOLOM_NAMEN = {
    "gebied_code": "Code", "gebied": "Gebied", "focus": "Focusgebied", "index_nl": "Index (NL = 100)",
    "klasse_nr": "Klasse", "klasse_naam": "Klasse (omschrijving)", "opmerkingen": "Opmerkingen",
    "corporaties": "Grootste corporatie", "corporatie": "Grootste corporatie", "kwetsbaar_van": "Kwetsbaar begin",
    "kwetsbaar_tot": "Kwetsbaar eind", "overlast_van": "Overlast begin", "overlast_tot": "Overlast eind",
    "overlast_z": "Overlast begin (z-score)", "jaar": "Jaar", "waarde": "Waarde", "naam": "Naam",
    "aandeel": "Aandeel (%)", "woningen": "Woningen", "klasse": "Klasse", "bron": "Bron",
    "deel_vierkanten": "Vierkanten in deze klasse (%)",
}
# Codes, denominators and classes, not measurements: never offered as an indicator to plot or classify.
GEEN_REEKS = geen_reeks()


def naam(indicator: str) -> str:
    """Dutch display name of an indicator."""
    return label(indicator)


def catalogus() -> list[trends.IndicatorInfo]:
    """Loaded indicators per level (cached per role for a few minutes)."""
    return db.run_cached(trends.indicator_catalogus)


def reeks(niveau: str, indicator: str) -> pd.DataFrame:
    """One indicator on one level, every year (cached per role)."""
    return db.run_cached(trends.indicator_reeks, niveau, indicator)


def referentie(indicator: str) -> pd.Series:
    """The Dutch average per year of an indicator (index ``jaar``; empty when no reference is loaded)."""
    frame = db.run_cached(trends.referentie_reeks, indicator, "NL")
    return frame.set_index("jaar")["waarde"] if not frame.empty else pd.Series(dtype=float)


AANTALLEN = aantallen()
"""Indicators that are counts (spread over squares by area share); everything else is a share or score."""


def raster(niveau: str, indicator: str, jaar: int) -> pd.DataFrame:
    """The indicator on 100 m squares: ``code`` (``x_y`` in RD), ``waarde``, south-west corner ``lon, lat``."""
    buiten = tuple(sorted(analysegebied.BUITEN_KERNSTAD)) if get_settings().analyse_kernstad else ()
    cellen = db.run_cached(trends.raster_100m, niveau, indicator, jaar, indicator in AANTALLEN,
                           trends.MIN_WAARNEMINGEN, buiten)
    return cellen.assign(code=cellen["cel_x"].astype(str) + "_" + cellen["cel_y"].astype(str))
def vierkanten_periode(kw_ind: str, ov_ind: str, van: int, tot: int) -> pd.DataFrame:
    """Per CBS 100 m square in a buurt its two Kaart 4-8 indicators in ``van`` and ``tot`` (cached per role)."""
    return db.run_cached(trends.vierkanten_periode, kw_ind, ov_ind, van, tot)


def dominante_corporatie(niveau: str, jaar: int) -> pd.DataFrame:
    """Kaart 4-1: the dominant corporation per area of a level in a year (cached per role)."""
    return db.run_cached(corporatiebezit.dominante_corporatie, niveau, jaar)


def raster_corporatie(niveau: str, jaar: int) -> pd.DataFrame:
    """Kaart 4-1 on the 100 m squares (cached per role; computing it takes seconds)."""
    return db.run_cached(corporatiebezit.raster_dominant, niveau, jaar)


def bezit_jaren(niveau: str) -> list[int]:
    """The years with corporatiebezit on a level (cached per role)."""
    return db.run_cached(corporatiebezit.bezit_jaren, niveau)


def indicator_regel():
    """The disclosure rule of the public indicators (cached per role)."""
    return db.run_cached(trends.indicator_regel)


def achtergehouden() -> pd.DataFrame:
    """Withheld indicator values per level, indicator, year and reason (cached per role)."""
    return db.run_cached(trends.achtergehouden)


def vlakken(niveau: str) -> pd.DataFrame:
    """Outlines and label points of a level (cached per role)."""
    return db.run_cached(trends.gebied_vlakken, niveau)


def voorzieningen_pc4() -> pd.DataFrame:
    """Facilities per PC4 from the public, disclosure-controlled view (cached per role)."""
    return db.run_cached(trends.voorzieningen_pc4)


def voorzieningen_punten() -> pd.DataFrame:
    """Facility points: call only for the HKD role (the page writes the view to the inzage log once per visit)."""
    return db.run_query(trends.voorzieningen_punten)


def lijn_grafiek(data: pd.DataFrame, codes: dict[str, str], titel: str, y_titel: str,
                 gekozen: str | None) -> go.Figure:
    """Lines per area over the years against the average (dashed); clicking a point selects the area."""
    fig = go.Figure()
    naar_code = {v: k for k, v in codes.items()}
    for name, part in data.groupby("naam", sort=False):
        is_avg = part["soort"].iloc[0] == "gemiddelde"
        code = naar_code.get(name)
        fig.add_trace(go.Scatter(
            x=part["jaar"], y=part["waarde"], name=name, mode="lines+markers",
            customdata=[[code]] * len(part) if code else None,
            line={"dash": "dash", "color": "#444"} if is_avg else {"width": 4 if code == gekozen else 2},
            marker={"symbol": "diamond" if is_avg else "circle", "size": 8},
        ))
    fig.update_layout(title=titel, xaxis_title="Jaar", yaxis_title=y_titel, height=420, legend_title_text="",
                      margin={"t": 50, "l": 10, "r": 10, "b": 10})
    fig.update_xaxes(dtick=2)
    return fig


def groep_grafiek(data: pd.DataFrame, titel: str, volgorde: list[str], ref_naam: str = "gemiddelde alle gebieden"
                  ) -> go.Figure:
    """Figuur 3-x: the mean per group relative to a reference (index 100 or difference 0), with its line."""
    vorm = data["vorm"].iloc[0] if len(data) else "index"
    fig = go.Figure()
    symbols = ["circle", "square", "diamond", "triangle-up", "x"]
    for i, groep in enumerate(g for g in volgorde if g in set(data["groep"])):
        part = data[data["groep"] == groep]
        fig.add_trace(go.Scatter(x=part["jaar"], y=part["relatief"], mode="lines+markers", name=groep,
                                 marker={"symbol": symbols[i % len(symbols)], "size": 9},
                                 hovertemplate="%{y:.1f} (" + part["gebieden"].astype(str) + " gebieden)"))
    ref = 100.0 if vorm == "index" else 0.0
    fig.add_hline(y=ref, line_dash="dot", line_color="#444", annotation_text=ref_naam,
                  annotation_position="bottom right")
    y = f"Index ({ref_naam} = 100)" if vorm == "index" else f"Verschil met {ref_naam}"
    fig.update_layout(title=titel, xaxis_title="Jaar", yaxis_title=y, height=400, legend_title_text="",
                      margin={"t": 50, "l": 10, "r": 10, "b": 10})
    fig.update_xaxes(dtick=2)
    return fig


PAGINA = 250  # rows per table page; the download always holds every row


def _gemarkeerd(frame: pd.DataFrame, codes: pd.Series, gekozen: str | None) -> pd.DataFrame:
    out = frame.reset_index(drop=True)
    out.insert(0, "Gekozen", np.where(codes.to_numpy() == gekozen, "●", ""))
    return out


def tabel(frame: pd.DataFrame, codes: pd.Series, key: str, bestand: str, gekozen: str | None, bron: Bron) -> None:
    """A selectable table (a click selects the area everywhere) with a CSV download of every row.

    ``bron`` (the source and rule origin) becomes the ``Bron`` column of the download.

    Long tables are shown a page of :data:`PAGINA` rows at a time; the selected area stays visible as the first
    row when it is not on the current page.
    """
    codes = pd.Series(list(codes))
    start, eind = kies_pagina(len(frame), PAGINA, f"{key}_pagina", "rijen")
    rijen = list(range(start, eind))
    if gekozen is not None and gekozen not in set(codes.iloc[start:eind]):
        rijen = list(np.flatnonzero(codes.to_numpy() == gekozen)) + rijen
    shown_codes = codes.iloc[rijen].reset_index(drop=True)
    shown = _gemarkeerd(frame.iloc[rijen], shown_codes, gekozen)
    config = {k: st.column_config.Column(v) for k, v in KOLOM_NAMEN.items() if k in shown.columns}
    st.dataframe(shown, hide_index=True, width="stretch", key=key, column_config=config, placeholder="–",
                 on_select=trends_state.tabel_callback(key, shown_codes), selection_mode="single-row")
    downloads.knop("Download als CSV", lambda: csv_bytes(
        csv_koppen(_gemarkeerd(frame.drop(columns="bron", errors="ignore"), codes, gekozen)), bron),
                   bestand, "text/csv", key=f"{key}_csv")


def csv_koppen(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with the headers the grid shows (:data:`KOLOM_NAMEN`); a header that would repeat (the class as
    number and as code) says which is the code."""
    koppen = [KOLOM_NAMEN.get(str(k), str(k)) for k in frame.columns]
    koppen = [f"{k} (code)" if koppen.index(k) != i else k for i, k in enumerate(koppen)]
    return frame.set_axis(koppen, axis=1)


def kaart48_tabel(klassen: pd.DataFrame, namen: dict[str, str]) -> pd.DataFrame:
    """The Kaart 4-8 rows per area: code, name, focus programmes, class number and name, values."""
    codes = klassen.index.to_series()
    gebied = codes.map(namen)
    return pd.DataFrame({
        "gebied_code": codes.to_numpy(), "gebied": gebied.to_numpy(),
        "focus": gebied.map(vk.focus, na_action="ignore").fillna("").to_numpy(),
        "klasse_nr": klassen["klasse"].map({c: k.label for c, k in vk.KLASSE_BY_CODE.items()}).to_numpy(),
        "klasse_naam": klassen["klasse"].map({c: k.naam for c, k in vk.KLASSE_BY_CODE.items()}).to_numpy(),
        **{c: klassen[c].to_numpy() for c in ("kwetsbaar_van", "kwetsbaar_tot", "overlast_van", "overlast_tot",
                                              "overlast_z", "klasse")},
    })


@st.cache_data(ttl=600, max_entries=32, show_spinner=False)
def _klassen(rol: str, niveau: str, kw_ind: str, ov_ind: str, van: int, tot: int,
             drempels: vk.Drempels, codes: pd.Series | None) -> pd.DataFrame:
    kw, ov = (db.run_cached(trends.indicator_jaren, niveau, ind, van, tot) for ind in (kw_ind, ov_ind))
    if codes is not None:  # the analysis area: only these areas count in the mean and standard deviation
        kw, ov = kw[kw["gebied_code"].isin(codes)], ov[ov["gebied_code"].isin(codes)]
    return vk.classificeer(vk.periode_waarden(kw, van, tot), vk.periode_waarden(ov, van, tot), drempels=drempels,
                           kwetsbaar_indicator=kw_ind, overlast_indicator=ov_ind)


def klassen(niveau: str, kw_ind: str, ov_ind: str, van: int, tot: int, drempels: vk.Drempels,
            codes: pd.Series | None = None) -> pd.DataFrame:
    """The Kaart 4-8 classification over the areas ``codes`` (all when ``None``), cached on its inputs (and the
    role, like the series it is computed from). ``codes`` is a Series: the cache hashes it in one pass, where a
    tuple of 14,000 buurt codes was hashed item by item (a second on a cold page)."""
    from dashboard.toegang.auth import current_user

    return _klassen(current_user().rol, niveau, kw_ind, ov_ind, van, tot, drempels, codes)

"""Wijktrends weergave "Kaarten": Kaart 3-1, 3-2 and 4-3 to 4-7 as choropleths with a class filter on the table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.kaart.maps import legend_html, show
from dashboard.trends import bronnen
from dashboard.trends import corporatie as trends_corporatie_view
from dashboard.trends import indicatoren as views
from dashboard.trends import lagen as maps
from dashboard.trends import toestand as state
from dashboard.trends.keuzes import Keuzes
from geo import herkomst
from geo import kaarten4 as k4
from geo import trends as tr
from geo import veerkracht as vk

KAARTEN = {"4-3": "4-3 Niveau kwetsbare groepen", "4-4": "4-4 Ontwikkeling kwetsbare groepen",
           "4-5": "4-5 Toenemende concentratie", "4-6": "4-6 Niveau overlast", "4-7": "4-7 Ontwikkeling overlast",
           "3-1": "3-1 Dominante eigendomsvorm", "3-2": "3-2 Aandeel corporatiebezit",
           "4-1": "4-1 Dominante corporatie"}


# The indicators each map is drawn from (for its source line); 4-3 to 4-5 use the chosen kwetsbaar indicator.
KAART_INDICATOREN = {"3-1": ("dominant_eigendom",), "3-2": ("aandeel_corporatie",), "4-1": ("adressen",)}


def _indicatoren(k: Keuzes, kaart: str) -> tuple[str, ...]:
    return KAART_INDICATOREN.get(kaart, (k.ov_ind,) if kaart in ("4-6", "4-7") else (k.kw_ind,))


def _laatste(niveau: str, indicator: str) -> pd.Series:
    r = views.reeks(niveau, indicator)
    return r[r["jaar"] == r["jaar"].max()].set_index("gebied_code")["waarde"] if not r.empty \
        else pd.Series(dtype=float)


def toon(k: Keuzes) -> None:
    """The chosen map with its rule above it, its legend (with counts) and the table filtered by class or area."""
    regels = k4.uitleg()
    kaart = st.radio("Kaart", list(KAARTEN), horizontal=True, key="wijktrends_kaartnr", format_func=KAARTEN.get)
    st.caption(regels[kaart])
    bronnen.regel(*herkomst.FIGUUR_REGELS[kaart])
    bronnen.toon(k.niveau, *_indicatoren(k, kaart))
    if kaart == "4-1":
        trends_corporatie_view.toon(k, _tabel)
        return
    niveau, van, tot = k.niveau, k.van, k.tot
    kw = views.reeks(niveau, k.kw_ind)
    ov = views.reeks(niveau, k.ov_ind)
    kw, ov = kw[kw["gebied_code"].isin(k.namen)], ov[ov["gebied_code"].isin(k.namen)]  # the analysis area
    nl = views.referentie(k.kw_ind)
    kw_tot = kw[kw["jaar"] == tot]
    if nl.empty or tot not in nl.index:
        # no Dutch reference loaded: fall back to the mean of all areas and say so
        nl = kw.groupby("jaar")["waarde"].mean()
        st.info(f"Geen Nederlands gemiddelde geladen voor {views.naam(k.kw_ind)}: de index is hier ten opzichte van "
                "het gemiddelde van alle gebieden (100).")
    index_nl = tr.index_tegen(kw_tot, nl)
    delta_k = tr.ontwikkeling(kw, van, tot)
    ov_van = ov[ov["jaar"] == van].set_index("gebied_code")["waarde"]
    ov_tot = ov[ov["jaar"] == tot].set_index("gebied_code")["waarde"]
    beter = vk.HOGER_IS_BETER.get(k.ov_ind, True)

    eigendom, corporatie = _laatste(niveau, "dominant_eigendom"), _laatste(niveau, "aandeel_corporatie")
    keuzes = {
        "3-1": (k4.kaart_3_1(eigendom), k4.KAART_3_1, eigendom, "Dominant eigendom (code 1-4)"),
        "3-2": (k4.kaart_3_2(corporatie), k4.KAART_3_2, corporatie, "Aandeel corporatiebezit (%)"),
        "4-3": (k4.kaart_4_3(index_nl), k4.KAART_4_3, index_nl, "Index (NL = 100)"),
        "4-4": (k4.kaart_4_4(delta_k), k4.KAART_4_4, delta_k, f"Verandering {van}-{tot} (punten)"),
        "4-5": (k4.kaart_4_5(index_nl, delta_k), k4.KAART_4_5, index_nl, "Index (NL = 100)"),
        "4-6": (k4.kaart_4_6(ov_tot, beter), k4.KAART_4_6, ov_tot, views.naam(k.ov_ind)),
        "4-7": (k4.kaart_4_7(ov_van, ov_tot, beter), k4.KAART_4_7, ov_tot - ov_van.reindex(ov_tot.index),
                f"Verandering {van}-{tot}"),
    }
    klasse, legenda, waarden, label = keuzes[kaart]
    telling = klasse.value_counts().to_dict()
    filter_klasse = st.pills("Filter op klasse (tabel)", [c.nr for c in legenda], key="wijktrends_klassefilter",
                             format_func=lambda nr: legenda[int(nr)].label)
    overlay = trends_corporatie_view.bemiddeling(k) if kaart == "4-4" else None
    with st.spinner("Kaart tekenen..."):  # the map takes the full width, its legend under it
        extra = k.extra if overlay is None else [*k.extra, overlay.layer]
        show(maps.choropleth_deck(k.vlakken, klasse, tuple(c.rgb for c in legenda), waarden, label, k.gekozen,
                                  extra, f"kaart_{kaart}", k.bron, k.zoom, hoogte=560), key="wijktrends_kaart_4x",
             on_select=state.kaart_callback("wijktrends_kaart_4x"))
    st.html(f"<b>Legenda Kaart {kaart}</b>" + legend_html(
        [(c.rgb, f"{c.nr + 1}. {c.label} ({telling.get(float(c.nr), 0)})") for c in legenda], naast=True))
    if overlay is not None:
        overlay.legenda()
    _tabel(k, kaart, klasse, legenda, waarden, filter_klasse)


def _tabel(k: Keuzes, kaart: str, klasse: pd.Series, legenda, waarden: pd.Series, filter_klasse, *,
           extra: dict[str, pd.Series] | None = None, waarde_naam: str = "waarde") -> None:
    """The table of a map: one row per area with class number and name, value (and ``extra`` columns by code);
    filtered to one class (the pills, or the class of the chosen area) with a button that clears it."""
    namen, gekozen = k.namen, k.gekozen
    kaartdata = pd.DataFrame({"gebied_code": list(namen)}).assign(
        gebied=lambda f: f["gebied_code"].map(namen),
        klasse_nr=lambda f: f["gebied_code"].map(klasse).map(lambda v: "–" if pd.isna(v) else str(int(v) + 1)),
        klasse=lambda f: f["gebied_code"].map(klasse).map(lambda v: "geen gegevens" if pd.isna(v)
                                                          else legenda[int(v)].label),
        **{waarde_naam: lambda f: f["gebied_code"].map(waarden)},
        **{naam: (lambda f, s=s: f["gebied_code"].map(s)) for naam, s in (extra or {}).items()},
    )
    if filter_klasse is None and gekozen in klasse.index and pd.notna(klasse.get(gekozen)):
        filter_klasse = klasse[gekozen]  # an area chosen on the map (or in a table) filters to its class
        st.caption(f"Gefilterd op de klasse van {namen[gekozen]}.")
    if filter_klasse is not None:
        kaartdata = kaartdata[kaartdata["gebied_code"].map(klasse) == float(filter_klasse)]
        st.caption(f"Klasse {int(filter_klasse) + 1}: {len(kaartdata)} gebieden.")
        st.button("Selectie wissen", key="wijktrends_wis", on_click=state.wis, args=("wijktrends_klassefilter",))
    views.tabel(kaartdata, kaartdata["gebied_code"], "wijktrends_tabel_kaart", f"hkd_kaart_{kaart}_{k.niveau}.csv",
                gekozen, bronnen.csv_bron(k.niveau, *_indicatoren(k, kaart), regels=herkomst.FIGUUR_REGELS[kaart]))

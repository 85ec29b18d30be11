"""Wijktrends, weergave "Kaarten": Kaart 4-1 (dominant woningcorporatie) and the directe-bemiddeling overlay of
Kaart 4-4 (circles per buurt, never an address). Called from :mod:`dashboard.trends.kaarten`."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import pydeck as pdk
import streamlit as st

from dashboard.kaart.maps import legend_html, show
from dashboard.trends import indicatoren as views
from dashboard.trends import lagen as maps
from dashboard.trends import toestand as state
from dashboard.trends.keuzes import Keuzes
from geo import kaarten4 as k4


def _getal(v: float, decimalen: int = 0) -> str:
    return f"{v:,.{decimalen}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def bezit_jaar(jaren: list[int], tot: int) -> int | None:
    """The year of corporatiebezit to show for a period ending in ``tot``: the latest up to ``tot``, else the first."""
    if not jaren:
        return None
    eerder = [j for j in jaren if j <= tot]
    return max(eerder) if eerder else min(jaren)


def toon(k: Keuzes, tabel: Callable) -> None:
    """Kaart 4-1 with its legend (corporation names and counts), tooltip (name and share) and table."""
    jaar = bezit_jaar(views.bezit_jaren(k.niveau), k.tot)
    if jaar is None:
        st.info(f"Op het niveau {views.NIVEAU_NAMEN.get(k.niveau, k.niveau)} is geen corporatiebezit geladen. Laad "
                "het met `hkd corporatiebezit laden <bestand>` (woningen per corporatie, gebied en jaar).")
        return
    st.caption(f"Corporatiebezit in {jaar}" + ("." if jaar == k.tot else
                                               f" (het laatste jaar met gegevens tot en met {k.tot})." if jaar < k.tot
                                               else f" (er zijn geen gegevens van {k.tot} of eerder)."))
    dom = views.dominante_corporatie(k.niveau, jaar)
    dom = dom[dom["gebied_code"].isin(k.namen)].set_index("gebied_code")
    klasse, legenda = k4.kaart_4_1(dom["corporatie"], list(k.namen))
    toelichting = pd.Series({code: (
        f"{r.corporatie}: " + (f"{_getal(r.aandeel, 1)} % van de adressen, " if pd.notna(r.aandeel)
                               else "") + f"{_getal(r.woningen)} woningen ({jaar})")
        for code, r in dom.iterrows()}, dtype=object)
    toelichting = toelichting.reindex(list(k.namen)).fillna(f"geen corporatiebezit ({jaar})")
    telling = klasse.value_counts().to_dict()
    filter_klasse = st.pills("Filter op klasse (tabel)", [c.nr for c in legenda], key="wijktrends_klassefilter",
                             format_func=lambda nr: legenda[int(nr)].label)
    raster = st.radio("Tekenen op", ["gebieden", "raster"], horizontal=True, key="wijktrends_kaart41_op",
                      format_func={"gebieden": "gebieden", "raster": "vierkanten van 100 m (gebiedswaarde per vierkant)"}.get)
    kleuren = tuple(c.rgb for c in legenda)
    with st.spinner("Kaart tekenen..."):  # the map takes the full width, its legend under it
        if raster == "raster":
            with st.spinner("Raster berekenen (enkele seconden, daarna bewaard)..."):
                cellen = views.raster_corporatie(k.niveau, jaar)
            cellen = cellen[cellen["gebied_code"].isin(k.namen)]  # the analysis area
            # a short text per square (ten thousands of squares): name and share; the table has the rest
            kort = pd.Series({code: str(r.corporatie) + (f" ({r.aandeel:.0f} %)" if pd.notna(r.aandeel)
                                                         else "") for code, r in dom.iterrows()},
                             dtype=object).reindex(list(k.namen)).fillna("geen corporatiebezit")
            kaart = maps.raster_klassen_deck(cellen, cellen["gebied_code"].map(klasse), kleuren,
                                             cellen["gebied_code"].map(kort), "kaart_4-1_raster", k.extra,
                                             hoogte=560)
        else:
            kaart = maps.categorie_deck(k.vlakken, klasse, kleuren, toelichting, k.gekozen, k.extra, "kaart_4-1",
                                        k.bron, k.zoom, hoogte=560)
        show(kaart, key="wijktrends_kaart_4x", on_select=state.kaart_callback("wijktrends_kaart_4x"))
    if raster == "raster":
        st.caption("Elk vierkant van 100 bij 100 meter (RD, uitgelijnd als de CBS-vierkantstatistiek) krijgt de "
                   "dominante corporatie van het gebied dat het grootste deel ervan bedekt; vierkanten die voor minder "
                   "dan de helft in gebieden liggen, worden niet getekend. Klik op een vierkant om het gebied te kiezen.")
    st.markdown("**Legenda Kaart 4-1** " + ("(naam en aandeel in de tooltip van elk vierkant)" if raster == "raster"
                                            else "(cijfer op de kaart = klasse)"))
    st.html(legend_html([(c.rgb, f"{c.nr + 1}. {html.escape(c.label)} ({telling.get(float(c.nr), 0)} gebieden)")
                         for c in legenda], naast=True))
    aandeel = dom["aandeel"].reindex(list(k.namen))
    tabel(k, "4-1", klasse, legenda, aandeel, filter_klasse,
          extra={"corporatie": dom["corporatie"], "woningen": dom["woningen"], "adressen": dom["adressen"]},
          waarde_naam="aandeel_adressen_pct")


@dataclass(frozen=True)
class Overlay:
    """A map layer with the legend to draw beside the map."""

    layer: pdk.Layer
    legenda: Callable[[], None]


def bemiddeling(k: Keuzes) -> Overlay | None:
    """The toggle "Directe bemiddeling tonen" and, when on, the circles of the end year (or the latest before it).

    Only counts the public view shows reach the browser: a withheld count (under the rule's minimum) is NULL in
    ``publiek.indicator_waarden`` and is dropped here, for every role."""
    if not st.toggle("Directe bemiddeling tonen", value=False, key="wijktrends_bemiddeling",
                     help="Plaatsingen vanuit de maatschappelijke opvang via directe bemiddeling, per buurt."):
        return None
    reeks = views.reeks(k.niveau, "directe_bemiddeling")
    jaar = bezit_jaar(sorted(set(reeks["jaar"])), k.tot)
    if jaar is None:
        st.info(f"Op het niveau {views.NIVEAU_NAMEN.get(k.niveau, k.niveau)} zijn geen plaatsingen via directe "
                "bemiddeling geladen (indicator directe_bemiddeling).")
        return None
    regel = views.indicator_regel()
    jaar_reeks = reeks[reeks["jaar"] == jaar]
    getoond = jaar_reeks.dropna(subset=["waarde"])
    punten = k.vlakken[["code", "naam", "lon", "lat"]].merge(
        getoond.rename(columns={"gebied_code": "code", "waarde": "aantal"})[["code", "aantal"]], on="code")
    weg = int(jaar_reeks["waarde"].isna().sum())

    def legenda() -> None:
        st.markdown(f"**Directe bemiddeling {jaar}** (cirkel = aantal plaatsingen)")
        st.html(maps.cirkel_legenda_html(k4.CIRKEL_LEGENDA))
        st.caption(k4.uitleg()["4-4b"] + f" {len(punten)} gebieden getoond; {weg} gebieden met minder dan "
                   f"{regel.min_waarnemingen} plaatsingen niet getoond.")

    return Overlay(maps.bemiddeling_layer(punten, jaar), legenda)

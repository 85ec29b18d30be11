"""Wijktrends: the choices every view shares (level, indicators, period, thresholds, area, overlays).

:func:`kies` draws them at the top of the page, in this order, and returns them as one :class:`Keuzes`; each
weergave (``dashboard/trends_*_view.py``) takes that and draws only itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pydeck as pdk
import streamlit as st

from core.settings import get_settings
from dashboard import inzage
from dashboard.kaart import zoeken
from dashboard.kaart.focus import focus_keuze, legenda_item
from dashboard.kaart.maps import focus_layer, legend_html
from dashboard.toegang.auth import User, current_user
from dashboard.trends import indicatoren as views
from dashboard.trends import lagen as maps
from dashboard.trends import toestand as state
from dashboard.widgets import selectie
from geo import analysegebied, herkomst
from geo import veerkracht as vk
from queries import trends


@dataclass
class Keuzes:
    """What the user chose at the top of the page, and the data every view needs from it."""

    niveau: str
    kw_ind: str
    ov_ind: str
    van: int
    tot: int
    drempels: vk.Drempels
    per_niveau: dict[str, dict[str, trends.IndicatorInfo]]
    vlakken: pd.DataFrame
    namen: dict[str, str]
    klassen: pd.DataFrame
    user: User
    bron: tuple  # identifies the outlines for the map caches (level, role)
    gekozen: str | None
    extra: list[pdk.Layer]
    zoom: object


def _indicatoren() -> tuple[dict[str, dict[str, trends.IndicatorInfo]], list[str]]:
    with st.spinner("Indicatoren laden..."):
        catalogus = views.catalogus()
    per_niveau: dict[str, dict[str, trends.IndicatorInfo]] = {}
    for info in catalogus:
        if info.indicator not in views.GEEN_REEKS:
            per_niveau.setdefault(info.niveau, {})[info.indicator] = info
    niveaus = [n for n in ("buurt", "wijkprofiel", "gebied", "pc4") if len(per_niveau.get(n, {})) >= 2]
    if not niveaus:
        st.info("Er zijn nog geen indicatoren geladen. Laad de demo (`hkd demo`) of een bestand met "
                "`hkd load indicatoren`.")
        st.stop()
    return per_niveau, niveaus


def _drempels() -> vk.Drempels:
    with st.expander("Drempels van de indeling (instelbaar)"):
        d1, d2, d3 = st.columns(3)
        drempels = vk.Drempels(
            kwetsbaar_toename=d1.number_input("Toename kwetsbaar groter dan", 0.0, value=0.0, step=0.5),
            overlast_verslechtering=d2.number_input("Verslechtering overlast groter dan", 0.0, value=0.0, step=0.01),
            overlast_hoog_sd=d3.number_input("Overlast hoog: slechter dan gemiddelde + (sd)", 0.0, 3.0, 0.0, 0.25),
        )
    for zin in vk.drempel_uitleg(drempels):
        st.caption(zin)
    return drempels


def _openbaarmaking(niveau: str) -> None:
    with st.expander("Openbaarmaking van indicatoren"):
        for zin in views.indicator_regel().toelichting():
            st.caption(zin)
        weg = views.achtergehouden()
        weg = weg[weg["niveau"] == niveau]
        if weg.empty:
            st.caption(f"Op het niveau {views.NIVEAU_NAMEN.get(niveau, niveau)} is geen enkele waarde "
                       "achtergehouden.")
        else:
            st.dataframe(
                weg.assign(indicator=weg["indicator"].map(views.naam))[["indicator", "jaar", "reden", "waarden"]],
                hide_index=True,
                column_config={"jaar": st.column_config.NumberColumn("jaar", format="%d"),
                               "waarden": st.column_config.NumberColumn("niet getoond")},
            )


def _gebied(namen: dict[str, str]):
    """Search (postcode, wijk/buurt name; never a facility here) and the selection in the URL (?gebied=CODE)."""
    treffer = zoeken.zoekbalk("wijktrends", locaties=False, voorkeur=set(namen))
    gezocht = treffer.code if treffer is not None and treffer.code in namen else None
    if gezocht and st.session_state.get("_wijktrends_gezocht") != gezocht:
        st.session_state[state.SELECTIE] = gezocht  # a new search result selects the area
    st.session_state["_wijktrends_gezocht"] = gezocht
    if "_wijktrends_url" not in st.session_state:  # first opening: a shared link selects its area
        st.session_state["_wijktrends_url"] = True
        uit_link = selectie.uit_url("gebied")
        if uit_link in namen:
            st.session_state[state.SELECTIE] = uit_link
        elif "gebied" in st.query_params:
            st.info("Het gebied uit de link bestaat niet op dit niveau; de kaart toont het overzicht.",
                    icon=":material/link_off:")
    return treffer


def _voorzieningen(toon: bool, user: User, kolom) -> list[pdk.Layer]:
    if not toon:
        return []
    punten = views.voorzieningen_punten() if user.rol == "hkd" else None
    if punten is not None:
        inzage.vastleggen("wijktrends", "alle locaties als punten op de Wijktrends-kaart", {"aantal": len(punten)},
                          sleutel="punten")
    kolom.caption("Voorzieningen als punten (HKD)." if user.rol == "hkd" else
                  "Aantal voorzieningen per postcodegebied (zonder vertrouwelijke woonvormen); nooit adressen.")
    return maps.voorziening_layers(user.rol, views.voorzieningen_pc4(), punten)


def kies() -> Keuzes:
    """Draw the shared choices (stops the page with a message when there is nothing to show)."""
    per_niveau, niveaus = _indicatoren()
    c1, c2, c3 = st.columns(3)
    niveau = c1.selectbox("Gebiedsniveau", niveaus, format_func=views.NIVEAU_NAMEN.get, key="wijktrends_niveau")
    opties = sorted(per_niveau[niveau])

    def _default(voorkeur: tuple[str, ...]) -> int:
        return next((opties.index(v) for v in voorkeur if v in opties), 0)

    kw_ind = c2.selectbox("Kwetsbare groepen", opties, format_func=views.naam, key="wijktrends_kwetsbaar",
                          index=_default(("kwetsbare_groepen", "pct_bijstand_van_inwoners")))
    ov_ind = c3.selectbox("Overlast en onveiligheid", opties, format_func=views.naam, key="wijktrends_overlast",
                          index=_default(("overlast_onveiligheid", "wijkprofiel_veiligheid")))
    jaren = sorted(set(per_niveau[niveau][kw_ind].jaren) & set(per_niveau[niveau][ov_ind].jaren))
    if len(jaren) < 2:
        st.warning(f"{views.naam(kw_ind)} en {views.naam(ov_ind)} hebben minder dan twee gemeenschappelijke jaren.")
        st.stop()
    van, tot = st.select_slider("Periode", options=jaren, key="wijktrends_periode",
                                value=(2012, 2018) if {2012, 2018} <= set(jaren) else (jaren[0], jaren[-1]))
    if van == tot:
        st.warning("Kies een periode van minstens twee verschillende jaren.")
        st.stop()
    drempels = _drempels()
    _openbaarmaking(niveau)

    vlakken = views.vlakken(niveau)
    kernstad = get_settings().analyse_kernstad
    vlakken = vlakken[analysegebied.in_analysegebied(vlakken["code"], vlakken["parent_code"], kernstad)]
    st.caption(analysegebied.uitleg(kernstad) + " " + herkomst.herkomst_zin("analysegebied_kernstad"))
    namen = dict(zip(vlakken["code"], vlakken["naam"], strict=True))
    klassen = views.klassen(niveau, kw_ind, ov_ind, van, tot, drempels, pd.Series(sorted(namen), dtype=object))
    klassen = klassen[klassen.index.isin(namen)]
    user = current_user()

    treffer = _gebied(namen)
    s1, s2 = st.columns([3, 2])
    if state.selectie() not in namen:
        st.session_state[state.SELECTIE] = None
    gekozen = s1.selectbox("Gekozen gebied (klik ook op de kaart, een grafiek of een tabel)",
                           [None, *sorted(namen, key=namen.get)], format_func=lambda c: "—" if c is None else namen[c],
                           key=state.SELECTIE, placeholder="Kies een gebied")
    selectie.naar_url("gebied", gekozen)
    toon = s2.toggle("Voorzieningen tonen", value=False, key="wijktrends_voorzieningen",
                     help="HKD ziet adressen als punten; anderen zien alleen aantallen per postcodegebied.")
    extra = [*zoeken.markering(treffer), *_voorzieningen(toon, user, s2)]
    focus = focus_keuze("wijktrends_focusgebieden")
    if focus:
        extra = [*extra, focus_layer(focus)]
        st.html(legend_html([legenda_item()]))
    return Keuzes(niveau=niveau, kw_ind=kw_ind, ov_ind=ov_ind, van=van, tot=tot, drempels=drempels,
                  per_niveau=per_niveau, vlakken=vlakken, namen=namen, klassen=klassen, user=user,
                  bron=(niveau, user.rol), gekozen=gekozen, extra=extra,
                  zoom=treffer.bounds if treffer is not None else None)

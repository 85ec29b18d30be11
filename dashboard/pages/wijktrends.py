"""Wijktrends: the Veerkracht analysis (Kaart 4-8, Tabel 4-1/4-2, Figuur 3-x) as living maps and charts."""

import pandas as pd
import streamlit as st

from dashboard import inzage
from dashboard import trends_maps as maps
from dashboard import trends_state as state
from dashboard import trends_views as views
from dashboard.auth import current_user
from dashboard.maps import legend_html
from geo import kaarten4 as k4
from geo import trends as tr
from geo import veerkracht as vk
from queries import trends

st.title("Wijktrends")
st.write("Hoe ontwikkelden kwetsbare groepen zich ten opzichte van overlast en onveiligheid, per wijk? De analyse "
         "van *Veerkracht in Rotterdam* (2012-2018), doorgetrokken met elk nieuw jaar dat geladen wordt.")

with st.spinner("Indicatoren laden..."):
    catalogus = views.catalogus()
per_niveau = {}
for info in catalogus:
    if info.indicator not in views.GEEN_REEKS:
        per_niveau.setdefault(info.niveau, {})[info.indicator] = info
niveaus = [n for n in ("buurt", "wijkprofiel", "gebied", "pc4") if len(per_niveau.get(n, {})) >= 2]
if not niveaus:
    st.info("Er zijn nog geen indicatoren geladen. Laad de demo (`hkd demo`) of een bestand met "
            "`hkd load indicatoren`.")
    st.stop()

c1, c2, c3 = st.columns(3)
niveau = c1.selectbox("Gebiedsniveau", niveaus, format_func=views.NIVEAU_NAMEN.get, key="wijktrends_niveau")
opties = sorted(per_niveau[niveau])


def _default(voorkeur: tuple[str, ...]) -> int:
    return next((opties.index(v) for v in voorkeur if v in opties), 0)


kw_ind = c2.selectbox("Kwetsbare groepen", opties, index=_default(("kwetsbare_groepen", "pct_bijstand_van_inwoners")),
                      format_func=views.naam, key="wijktrends_kwetsbaar")
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

with st.expander("Drempels van de indeling (instelbaar)"):
    d1, d2, d3 = st.columns(3)
    drempels = vk.Drempels(
        kwetsbaar_toename=d1.number_input("Toename kwetsbaar groter dan", 0.0, value=0.0, step=0.5),
        overlast_verslechtering=d2.number_input("Verslechtering overlast groter dan", 0.0, value=0.0, step=0.01),
        overlast_hoog_sd=d3.number_input("Overlast hoog: slechter dan gemiddelde + (sd)", 0.0, 3.0, 0.0, 0.25),
    )
for zin in vk.drempel_uitleg(drempels):
    st.caption(zin)

vlakken = views.vlakken(niveau)
namen = dict(zip(vlakken["code"], vlakken["naam"], strict=True))
klassen = views.klassen(niveau, kw_ind, ov_ind, van, tot, drempels)
klassen = klassen[klassen.index.isin(namen)]
user = current_user()
bron = (niveau, user.rol)  # identifies the outlines for the map caches

s1, s2 = st.columns([3, 2])
if state.selectie() not in namen:
    st.session_state[state.SELECTIE] = None
gekozen = s1.selectbox("Gekozen gebied (klik ook op de kaart, een grafiek of een tabel)", [None, *sorted(namen, key=namen.get)],
                       format_func=lambda c: "—" if c is None else namen[c], key=state.SELECTIE,
                       placeholder="Kies een gebied")
toon = s2.toggle("Voorzieningen tonen", value=False, key="wijktrends_voorzieningen",
                 help="HKD ziet adressen als punten; anderen zien alleen aantallen per postcodegebied.")
extra = []
if toon:
    punten = views.voorzieningen_punten() if user.rol == "hkd" else None
    if punten is not None:
        inzage.vastleggen("wijktrends", "alle locaties als punten op de Wijktrends-kaart", {"aantal": len(punten)},
                          sleutel="punten")
    extra = maps.voorziening_layers(user.rol, views.voorzieningen_pc4(), punten)
    s2.caption("Voorzieningen als punten (HKD)." if user.rol == "hkd" else
               "Aantal voorzieningen per postcodegebied (zonder vertrouwelijke woonvormen); nooit adressen.")

# One view at a time: only the chosen view is computed and sent (st.tabs would render every map, chart and table).
WEERGAVEN = {"kaart48": "Kaart 4-8: ontwikkeling samen", "kaarten": "Kaart 4-3 tot 4-7",
             "lijnen": "Door de jaren (Figuur 3-x)", "tabellen": "Tabel 4-1, 4-2 en 4-3",
             "raster": "Raster 100 m"}
weergave = st.segmented_control("Weergave", list(WEERGAVEN), format_func=WEERGAVEN.get, default="kaart48",
                                required=True, key="wijktrends_weergave") or "kaart48"
kolommen = ["gebied_code", "gebied", "focus", "klasse_nr", "klasse_naam", "kwetsbaar_van", "kwetsbaar_tot",
            "overlast_van", "overlast_tot", "overlast_z"]
if weergave == "kaart48":
    st.subheader(f"Ontwikkeling kwetsbare groepen × niveau en ontwikkeling overlast, {van}-{tot}")
    links, rechts = st.columns([3, 2])
    with links, st.spinner("Kaart tekenen..."):
        st.pydeck_chart(maps.bivariaat_deck(vlakken, klassen, gekozen, extra, bron), height=600, key="wijktrends_kaart_48",
                        on_select=state.kaart_callback("wijktrends_kaart_48"), selection_mode="single-object")
    with rechts:
        st.markdown("**Legenda Kaart 4-8** (cijfer op de kaart = klasse)")
        st.html(maps.bivariaat_legenda_html(klassen["klasse"].value_counts().to_dict()))
    uitvoer = views.kaart48_tabel(klassen, namen)
    views.tabel(uitvoer[kolommen], uitvoer["gebied_code"], "wijktrends_tabel_48",
                f"hkd_kaart_4_8_{niveau}_{van}_{tot}.csv", gekozen)

elif weergave == "kaarten":
    regels = k4.uitleg()
    kaart = st.radio("Kaart", ["4-3", "4-4", "4-5", "4-6", "4-7", "3-1", "3-2"], horizontal=True,
                     key="wijktrends_kaartnr",
                     format_func={"3-1": "3-1 Dominante eigendomsvorm", "3-2": "3-2 Aandeel corporatiebezit",
                                  "4-3": "4-3 Niveau kwetsbare groepen", "4-4": "4-4 Ontwikkeling kwetsbare groepen",
                                  "4-5": "4-5 Toenemende concentratie", "4-6": "4-6 Niveau overlast",
                                  "4-7": "4-7 Ontwikkeling overlast"}.get)
    st.caption(regels[kaart])
    kw = views.reeks(niveau, kw_ind)
    ov = views.reeks(niveau, ov_ind)
    nl = views.referentie(kw_ind)
    kw_tot = kw[kw["jaar"] == tot]
    if nl.empty or tot not in nl.index:
        # no Dutch reference loaded: fall back to the mean of all areas and say so
        nl = kw.groupby("jaar")["waarde"].mean()
        st.info(f"Geen Nederlands gemiddelde geladen voor {views.naam(kw_ind)}: de index is hier ten opzichte van "
                "het gemiddelde van alle gebieden (100).")
    index_nl = tr.index_tegen(kw_tot, nl)
    delta_k = tr.ontwikkeling(kw, van, tot)
    ov_van = ov[ov["jaar"] == van].set_index("gebied_code")["waarde"]
    ov_tot = ov[ov["jaar"] == tot].set_index("gebied_code")["waarde"]
    beter = vk.HOGER_IS_BETER.get(ov_ind, True)

    def _laatste(indicator: str) -> pd.Series:
        r = views.reeks(niveau, indicator)
        return r[r["jaar"] == r["jaar"].max()].set_index("gebied_code")["waarde"] if not r.empty \
            else pd.Series(dtype=float)

    eigendom, corporatie = _laatste("dominant_eigendom"), _laatste("aandeel_corporatie")
    keuzes = {
        "3-1": (k4.kaart_3_1(eigendom), k4.KAART_3_1, eigendom, "Dominant eigendom (code 1-4)"),
        "3-2": (k4.kaart_3_2(corporatie), k4.KAART_3_2, corporatie, "Aandeel corporatiebezit (%)"),
        "4-3": (k4.kaart_4_3(index_nl), k4.KAART_4_3, index_nl, "Index (NL = 100)"),
        "4-4": (k4.kaart_4_4(delta_k), k4.KAART_4_4, delta_k, f"Verandering {van}-{tot} (punten)"),
        "4-5": (k4.kaart_4_5(index_nl, delta_k), k4.KAART_4_5, index_nl, "Index (NL = 100)"),
        "4-6": (k4.kaart_4_6(ov_tot, beter), k4.KAART_4_6, ov_tot, views.naam(ov_ind)),
        "4-7": (k4.kaart_4_7(ov_van, ov_tot, beter), k4.KAART_4_7, ov_tot - ov_van.reindex(ov_tot.index),
                f"Verandering {van}-{tot}"),
    }
    klasse, legenda, waarden, label = keuzes[kaart]
    telling = klasse.value_counts().to_dict()
    filter_klasse = st.pills("Filter op klasse (tabel)", [k.nr for k in legenda], key="wijktrends_klassefilter",
                             format_func=lambda nr: legenda[int(nr)].label)
    links, rechts = st.columns([3, 2])
    with links, st.spinner("Kaart tekenen..."):
        st.pydeck_chart(maps.choropleth_deck(vlakken, klasse, tuple(k.rgb for k in legenda), waarden, label, gekozen,
                                             extra, f"kaart_{kaart}", bron), height=520, key="wijktrends_kaart_4x",
                        on_select=state.kaart_callback("wijktrends_kaart_4x"))
    with rechts:
        st.markdown(f"**Legenda Kaart {kaart}**")
        st.html(legend_html([(k.rgb, f"{k.nr + 1}. {k.label} ({telling.get(float(k.nr), 0)})") for k in legenda]))
    kaartdata = pd.DataFrame({"gebied_code": list(namen)}).assign(
        gebied=lambda f: f["gebied_code"].map(namen),
        klasse_nr=lambda f: f["gebied_code"].map(klasse).map(lambda v: "–" if pd.isna(v) else str(int(v) + 1)),
        klasse=lambda f: f["gebied_code"].map(klasse).map(lambda v: "geen gegevens" if pd.isna(v)
                                                          else legenda[int(v)].label),
        waarde=lambda f: f["gebied_code"].map(waarden),
    )
    if filter_klasse is None and gekozen in klasse.index and pd.notna(klasse.get(gekozen)):
        filter_klasse = klasse[gekozen]  # an area chosen on the map (or in a table) filters to its class
        st.caption(f"Gefilterd op de klasse van {namen[gekozen]}.")
    if filter_klasse is not None:
        kaartdata = kaartdata[kaartdata["gebied_code"].map(klasse) == float(filter_klasse)]
        st.caption(f"Klasse {int(filter_klasse) + 1}: {len(kaartdata)} gebieden.")
        st.button("Selectie wissen", key="wijktrends_wis", on_click=state.wis, args=("wijktrends_klassefilter",))
    views.tabel(kaartdata, kaartdata["gebied_code"], "wijktrends_tabel_kaart", f"hkd_kaart_{kaart}_{niveau}.csv",
                gekozen)

elif weergave == "raster":
    st.caption("Zoals het rapport (voetnoot 6): de cijfers op vierkanten van 100 bij 100 meter in RD, uitgelijnd als "
               "de CBS-vierkantstatistiek. Aantallen worden naar oppervlakte over de vierkanten verdeeld, aandelen "
               "en scores zijn het oppervlaktegewogen gemiddelde. Een vierkant met minder dan "
               f"{trends.MIN_WAARNEMINGEN} waarnemingen, of dat voor minder dan de helft onder gebieden met een waarde "
               "valt, wordt niet getoond. Het raster verandert niet als buurtgrenzen veranderen: de ontwikkeling "
               "wordt op dezelfde vierkanten berekend.")
    welke = st.radio("Indicator", [kw_ind, ov_ind], format_func=views.naam, horizontal=True, key="wijktrends_rasterind")
    with st.spinner("Raster berekenen (enkele seconden, daarna bewaard)..."):
        cel_van, cel_tot = views.raster(niveau, welke, van), views.raster(niveau, welke, tot)
    if cel_tot.empty:
        st.info("Geen vierkanten met genoeg waarnemingen voor deze indicator.")
        st.stop()
    delta = cel_tot.set_index("code")["waarde"] - cel_van.set_index("code")["waarde"]
    beter = vk.HOGER_IS_BETER.get(welke, True)
    niveau_k, niveau_leg = tr.niveau_klassen(cel_tot.set_index("code")["waarde"], beter)
    ontw_k, ontw_leg = tr.ontwikkeling_klassen(delta, beter)
    toon_r = st.radio("Kaart", ["niveau", "ontwikkeling"], horizontal=True, key="wijktrends_raster_kaart",
                      format_func={"niveau": f"Niveau {tot}", "ontwikkeling": f"Ontwikkeling {van}-{tot}"}.get)
    links, rechts = st.columns([3, 2])
    with links, st.spinner("Kaart tekenen..."):
        if toon_r == "niveau":
            kaart, leg = maps.raster_deck(cel_tot, niveau_k, tr.NIVEAU_KLEUREN, cel_tot.set_index("code")["waarde"],
                                          views.naam(welke), "raster_niveau"), niveau_leg
        else:
            kaart, leg = maps.raster_deck(cel_tot, ontw_k, tr.ONTWIKKELING_KLEUREN, delta, "Verandering",
                                          "raster_ontw"), ontw_leg
        st.pydeck_chart(kaart, height=520, key="wijktrends_raster")
    with rechts:
        st.markdown(f"**{views.naam(welke)}**, {len(cel_tot)} vierkanten")
        st.html(legend_html(leg))
    uit = cel_tot[["cel_x", "cel_y", "waarde"]].assign(verandering=cel_tot["code"].map(delta))
    st.download_button("Download het raster als CSV", uit.to_csv(index=False).encode("utf-8"),
                       f"hkd_raster_100m_{welke}_{tot}.csv", "text/csv", key="wijktrends_raster_csv",
                       on_click="ignore")

elif weergave == "lijnen":
    ind = st.radio("Indicator", [kw_ind, ov_ind], format_func=views.naam, horizontal=True, key="wijktrends_lijnind")
    data = views.reeks(niveau, ind)
    standaard = [gekozen] if gekozen else [c for c in sorted(namen, key=namen.get) if namen[c] in vk.NPRZ][:3]
    keuze = st.multiselect("Gebieden in de grafiek", sorted(namen, key=namen.get), default=standaard,
                           format_func=namen.get, key=f"wijktrends_lijnen_{niveau}_{gekozen}")
    lijn = tr.gebieden_tegen_gemiddelde(data, keuze, namen)
    st.plotly_chart(views.lijn_grafiek(lijn, {c: namen[c] for c in keuze}, views.naam(ind), views.naam(ind), gekozen),
                    key="wijktrends_grafiek_lijn", on_select=state.grafiek_callback("wijktrends_grafiek_lijn"),
                    selection_mode="points")
    st.download_button("Download als CSV", lijn.to_csv(index=False).encode("utf-8"), f"hkd_{ind}_{niveau}_reeks.csv",
                       "text/csv", key="wijktrends_lijn_csv")
    st.markdown("**Figuur 3-x: per eigendomstype en per aandeel corporatiebezit**")
    figuur_opties = [i for i in views.FIGUUR_3 if i in per_niveau[niveau]] or [ind]
    fig_ind = st.selectbox("Indicator (Figuur 3-1 tot 3-17)", figuur_opties, format_func=views.naam,
                           key="wijktrends_figuur_ind")
    fig_data = views.reeks(niveau, fig_ind)
    nl_ref = views.referentie(fig_ind)
    score = tr.relatieve_vorm(fig_data) == "verschil"
    if score:  # Leefbaarometer scores: 0 is the Dutch mean by construction
        nl_ref = pd.Series(0.0, index=sorted(fig_data["jaar"].unique()))
    ref_naam = "Nederland" if score or not nl_ref.empty else "gemiddelde alle gebieden"
    st.caption("Ten opzichte van het gemiddelde in Nederland (" + ("0 = Nederland" if score else "100 = Nederland")
               + ")." if ref_naam == "Nederland" else "Geen Nederlands gemiddelde geladen voor deze indicator: "
               "ten opzichte van het gemiddelde van alle gebieden.")
    g1, g2 = st.columns(2)
    eig, corp = views.reeks(niveau, "dominant_eigendom"), views.reeks(niveau, "aandeel_corporatie")
    for kolom, groep_reeks, fn, volgorde, titel in (
        (g1, eig, tr.eigendom_klasse, list(tr.EIGENDOM.values()), "naar dominant eigendom"),
        (g2, corp, tr.corporatie_klasse, [c[0] for c in tr.CORPORATIE_KLASSEN], "naar aandeel corporatiebezit"),
    ):
        with kolom:
            if groep_reeks.empty:
                st.info(f"Geen gegevens om {titel} te groeperen op dit niveau.")
                continue
            laatste = groep_reeks[groep_reeks["jaar"] == groep_reeks["jaar"].max()]
            groep = laatste.set_index("gebied_code")["waarde"].map(fn)
            per = tr.per_groep(fig_data, groep, None if nl_ref.empty else nl_ref)
            st.plotly_chart(views.groep_grafiek(per, f"{views.naam(fig_ind)} {titel}", volgorde, ref_naam),
                            key=f"wt_groep_{titel}")
            st.download_button("Download als CSV", per.to_csv(index=False).encode("utf-8"),
                               f"hkd_{fig_ind}_{titel.replace(' ', '_')}.csv", "text/csv", key=f"wt_groep_csv_{titel}")

else:
    regels = k4.uitleg()
    uitvoer = views.kaart48_tabel(klassen, namen)
    kw = views.reeks(niveau, kw_ind)
    nl = views.referentie(kw_ind)
    if nl.empty or tot not in nl.index:
        nl = kw.groupby("jaar")["waarde"].mean()
        st.info("Geen Nederlands gemiddelde geladen: Tabel 4-1 rekent hier met het gemiddelde van alle gebieden.")
    index_nl = tr.index_tegen(kw[kw["jaar"] == tot], nl)
    inwoners = views.reeks(niveau, "inwoners")
    inw_tot = inwoners[inwoners["jaar"] == inwoners["jaar"].max()].set_index("gebied_code")["waarde"] \
        if not inwoners.empty else pd.Series(dtype=float)
    lijsten = uitvoer.assign(index_nl=uitvoer["gebied_code"].map(index_nl).round(1),
                             hoog=uitvoer["gebied_code"].map(k4.tabel_4_1(index_nl)).fillna(False).astype(bool),
                             opmerkingen=[vk.opmerking(r.kwetsbaar_van, r.kwetsbaar_tot, r.overlast_z,
                                                       inw_tot.get(r.gebied_code)) for r in uitvoer.itertuples()],
                             corporaties="geen gegevens")
    tabel_kolommen = ["gebied_code", "gebied", "focus", "index_nl", "klasse_nr", "klasse_naam", "opmerkingen",
                      "corporaties", "kwetsbaar_van", "kwetsbaar_tot", "overlast_van", "overlast_tot", "overlast_z"]
    for titel, regel, rijen, key in (
        (f"Tabel 4-1: hoge concentratie kwetsbare groepen ({tot})", regels["4-1t"], lijsten[lijsten["hoog"]],
         "wijktrends_tabel_41"),
        (f"Tabel 4-2: toename kwetsbare groepen én overlast, waar die al hoog was ({van}-{tot})", regels["4-2t"],
         lijsten[lijsten["klasse"] == "donkerrood"], "wijktrends_tabel_42"),
        (f"Tabel 4-3: toename kwetsbare groepen maar minder overlast, waar die hoog was ({van}-{tot})",
         regels["4-3t"], lijsten[lijsten["klasse"] == "donkergroen"], "wijktrends_tabel_43"),
    ):
        st.subheader(titel)
        st.caption(f"Regel: {regel} {len(rijen)} gebieden; focusgebieden gemarkeerd (NPRZ: {', '.join(vk.NPRZ)}; "
                   f"RGW: {', '.join(vk.RGW)}).")
        rijen = rijen.sort_values("gebied")
        views.tabel(rijen[tabel_kolommen], rijen["gebied_code"], key, f"hkd_{key.removeprefix('wijktrends_')}.csv",
                    gekozen)

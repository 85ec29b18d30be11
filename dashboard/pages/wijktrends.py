"""Wijktrends: the Veerkracht analysis (Kaart 4-8, Tabel 4-1/4-2, Figuur 3-x) as living maps and charts."""

import streamlit as st

from dashboard import inzage, selectie, zoeken
from dashboard import trends_maps as maps
from dashboard import trends_state as state
from dashboard import trends_views as views
from dashboard.auth import current_user
from dashboard.maps import legend_html, show
from geo import trends as tr
from geo import veerkracht as vk

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
    d1, d2, d3, d4 = st.columns(4)
    drempels = vk.Drempels(
        kwetsbaar_toename=d1.number_input("Toename kwetsbaar groter dan", 0.0, value=0.0, step=0.5),
        overlast_verslechtering=d2.number_input("Verslechtering overlast groter dan", 0.0, value=0.0, step=0.01),
        overlast_hoog_sd=d3.number_input("Overlast hoog: slechter dan gemiddelde + (sd)", 0.0, 3.0, 0.0, 0.25),
        kwetsbaar_hoog_sd=d4.number_input("Tabel 4-1: boven gemiddelde + (sd)", 0.0, 3.0, 0.5, 0.25),
    )
for zin in vk.drempel_uitleg(drempels):
    st.caption(zin)

vlakken = views.vlakken(niveau)
namen = dict(zip(vlakken["code"], vlakken["naam"], strict=True))
klassen = views.klassen(niveau, kw_ind, ov_ind, van, tot, drempels)
klassen = klassen[klassen.index.isin(namen)]
user = current_user()
bron = (niveau, user.rol)  # identifies the outlines for the map caches

# search (postcode, wijk/buurt name; never a facility here) and the selection in the URL (?gebied=CODE)
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
s1, s2 = st.columns([3, 2])
if state.selectie() not in namen:
    st.session_state[state.SELECTIE] = None
gekozen = s1.selectbox("Gekozen gebied (klik ook op de kaart, een grafiek of een tabel)", [None, *sorted(namen, key=namen.get)],
                       format_func=lambda c: "—" if c is None else namen[c], key=state.SELECTIE,
                       placeholder="Kies een gebied")
selectie.naar_url("gebied", gekozen)
toon = s2.toggle("Voorzieningen tonen", value=False, key="wijktrends_voorzieningen",
                 help="HKD ziet adressen als punten; anderen zien alleen aantallen per postcodegebied.")
extra = list(zoeken.markering(treffer))
zoom = treffer.bounds if treffer is not None else None
if toon:
    punten = views.voorzieningen_punten() if user.rol == "hkd" else None
    if punten is not None:
        inzage.vastleggen("wijktrends", "alle locaties als punten op de Wijktrends-kaart", {"aantal": len(punten)},
                          sleutel="punten")
    extra += maps.voorziening_layers(user.rol, views.voorzieningen_pc4(), punten)
    s2.caption("Voorzieningen als punten (HKD)." if user.rol == "hkd" else
               "Aantal voorzieningen per postcodegebied (zonder vertrouwelijke woonvormen); nooit adressen.")

# One view at a time: only the chosen view is computed and sent (st.tabs would render every map, chart and table).
WEERGAVEN = {"kaart48": "Kaart 4-8: ontwikkeling samen", "kaarten": "Niveau en ontwikkeling",
             "lijnen": "Door de jaren (Figuur 3-x)", "tabellen": "Tabel 4-1 en 4-2"}
weergave = st.segmented_control("Weergave", list(WEERGAVEN), format_func=WEERGAVEN.get, default="kaart48",
                                required=True, key="wijktrends_weergave") or "kaart48"
kolommen = ["gebied_code", "gebied", "focus", "klasse_nr", "klasse_naam", "kwetsbaar_van", "kwetsbaar_tot",
            "overlast_van", "overlast_tot", "overlast_z"]
if weergave == "kaart48":
    st.subheader(f"Ontwikkeling kwetsbare groepen × niveau en ontwikkeling overlast, {van}-{tot}")
    links, rechts = st.columns([3, 2])
    with links, st.spinner("Kaart tekenen..."):
        show(maps.bivariaat_deck(vlakken, klassen, gekozen, extra, bron, zoom), height=600, key="wijktrends_kaart_48",
                        on_select=state.kaart_callback("wijktrends_kaart_48"), selection_mode="single-object")
    with rechts:
        st.markdown("**Legenda Kaart 4-8** (cijfer op de kaart = klasse)")
        st.html(maps.bivariaat_legenda_html(klassen["klasse"].value_counts().to_dict()))
    uitvoer = views.kaart48_tabel(klassen, namen)
    views.tabel(uitvoer[kolommen], uitvoer["gebied_code"], "wijktrends_tabel_48",
                f"hkd_kaart_4_8_{niveau}_{van}_{tot}.csv", gekozen)

elif weergave == "kaarten":
    welke = st.radio("Indicator", [kw_ind, ov_ind], format_func=views.naam, horizontal=True, key="wijktrends_kaartind")
    beter = vk.HOGER_IS_BETER.get(welke, True)
    data = views.reeks(niveau, welke)
    jaar = st.select_slider("Jaar (niveau)", options=sorted(data["jaar"].unique()), value=tot, key="wijktrends_jaar")
    niveau_w = data[data["jaar"] == jaar].set_index("gebied_code")["waarde"]
    niveau_k, niveau_leg = tr.niveau_klassen(niveau_w, beter)
    ontw = tr.ontwikkeling(data, van, tot)
    ontw_k, ontw_leg = tr.ontwikkeling_klassen(ontw, beter)
    k1, k2 = st.columns(2)
    with k1:
        st.markdown(f"**Niveau {jaar}**: {views.naam(welke)}")
        show(maps.choropleth_deck(vlakken, niveau_k, tr.NIVEAU_KLEUREN, niveau_w, views.naam(welke),
                                             gekozen, extra, "niveau", bron, zoom), height=440, key="wijktrends_kaart_niveau",
                        on_select=state.kaart_callback("wijktrends_kaart_niveau"))
        st.html(legend_html(niveau_leg))
    with k2:
        st.markdown(f"**Ontwikkeling {van}-{tot}**: {views.naam(welke)}")
        show(maps.choropleth_deck(vlakken, ontw_k, tr.ONTWIKKELING_KLEUREN, ontw, "Verandering",
                                             gekozen, extra, "ontwikkeling", bron, zoom), height=440,
                        key="wijktrends_kaart_ontw", on_select=state.kaart_callback("wijktrends_kaart_ontw"))
        st.html(legend_html(ontw_leg))
    kaartdata = (niveau_w.rename(f"niveau_{jaar}").to_frame().join(ontw.rename(f"verandering_{van}_{tot}"), how="outer")
                 .reset_index().rename(columns={"index": "gebied_code"}))
    kaartdata.insert(1, "gebied", kaartdata["gebied_code"].map(namen))
    views.tabel(kaartdata, kaartdata["gebied_code"], "wijktrends_tabel_kaart", f"hkd_{welke}_{niveau}.csv", gekozen)

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
            per = tr.per_groep(data, groep)
            st.plotly_chart(views.groep_grafiek(per, f"{views.naam(ind)} {titel}", volgorde), key=f"wt_groep_{titel}")
            st.download_button("Download als CSV", per.to_csv(index=False).encode("utf-8"),
                               f"hkd_{ind}_{titel.replace(' ', '_')}.csv", "text/csv", key=f"wt_groep_csv_{titel}")

else:
    uitvoer = views.kaart48_tabel(klassen, namen)
    hoog = vk.hoge_concentratie(klassen["kwetsbaar_tot"], drempels=drempels, indicator=kw_ind)
    lijsten = uitvoer.assign(hoog=uitvoer["gebied_code"].map(hoog))
    for titel, rijen, key in (
        (f"Tabel 4-1: hoge concentratie kwetsbare groepen ({tot})", lijsten[lijsten["hoog"]], "wijktrends_tabel_41"),
        (f"Tabel 4-2: toename kwetsbare groepen én overlast, waar die al hoog was ({van}-{tot})",
         lijsten[lijsten["klasse"] == "donkerrood"], "wijktrends_tabel_42"),
        (f"Tabel 4-3: toename kwetsbare groepen maar minder overlast, waar die hoog was ({van}-{tot})",
         lijsten[lijsten["klasse"] == "donkergroen"], "wijktrends_tabel_43"),
    ):
        st.subheader(titel)
        st.caption(f"{len(rijen)} gebieden; focusgebieden gemarkeerd (NPRZ: {', '.join(vk.NPRZ)}; "
                   f"RGW: {', '.join(vk.RGW)}).")
        rijen = rijen.sort_values("gebied")
        views.tabel(rijen[kolommen], rijen["gebied_code"], key, f"hkd_{key.removeprefix('wijktrends_')}.csv", gekozen)

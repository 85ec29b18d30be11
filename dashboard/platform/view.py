"""Platform HKD page parts: aanbod against targets, uitstroom, spreiding map and concentration, targets form."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from core.domain import CONVENANT_IN_WERKING, INVENTARISATIE_DATUM, WOONVORM_NAMEN, WOONVORM_TERMIJNEN
from core.kalender import nu, vandaag
from core.taal import aantal
from dashboard import db
from dashboard.kaart.focus import focus_keuze, legenda_item
from dashboard.kaart.maps import (
    deck,
    features_json,
    focus_layer,
    geometrie_punten,
    laag,
    legend_html,
    show,
    spliced,
    tekst_tooltip,
)
from dashboard.widgets import bron, downloads
from dashboard.widgets.tabel import toon as toon_tabel
from dashboard.widgets.upload import plan_in_orde, schrijf_upload, upload_tabel
from data import uitstroom_import
from geo import herkomst
from geo.aanbod import (
    ALLEEN_DIRECTE_BEMIDDELING_VANAF,
    IJKPUNT_AANDEEL_VRIJKOMEND,
    WACHTTIJD_NORM_MAANDEN,
    ijkpunt,
    reguliere_urgenties_na_afspraak,
)
from geo.colours import NO_DATA, colour_for
from geo.herkomst import Bron
from geo.meldingen import PLATFORM_MIN_PER_JAAR, platform_stand
from geo.spreiding import KLASSEN_TOV_STAD, per_1000
from geo.view import Bounds, eerste_kader
from queries import platform, vergaderingen
from reports.platform_pdf import aanbod_samenvatting, getal, render_pdf
from reports.veilig import csv_bytes

GEEN_INWONERS = "inwonertal onbekend"
EERSTE_DATUM = date(2015, 1, 1)  # the series start here (the register's in-use dates and the 2015 areas)


def cijfers(peildatum: date, vorige: date) -> platform.PlatformCijfers:
    """The platform figures for the page and the report (cached one minute per role)."""
    return db.run_cached(platform.platform_cijfers, peildatum, vorige, INVENTARISATIE_DATUM, EERSTE_DATUM.year,
                         ttl="kort")


def rapport_knop(c: platform.PlatformCijfers, gebruiker: str) -> None:
    """The report as a PDF download, built only when the user clicks (at national scale rendering it took 94 % of
    every rerun): the callable runs on the click (``downloads.knop``, Streamlit's deferred download)."""
    downloads.knop("Download rapport voor het Platform (PDF)", lambda: render_pdf(c, gebruiker, nu()),
                   f"hkd_platform_{c.peildatum:%Y%m%d}.pdf", "application/pdf", key="platform_pdf",
                   icon=":material/picture_as_pdf:")


def ritme() -> None:
    """The Platform against its rhythm today (convenant: at least twice a year): held meetings in the last twelve
    months, and a signal when there are fewer."""
    op = vandaag()
    stand = platform_stand(db.run_query(vergaderingen.gehouden_data, "platform", op), op, CONVENANT_IN_WERKING)
    laatste = f"laatste {stand.laatste:%d-%m-%Y}" if stand.laatste else "nog geen vergadering vastgelegd"
    tekst = (f"Platform HKD: {aantal(stand.gehouden, 'vergadering', 'vergaderingen')} in de afgelopen twaalf "
             f"maanden ({laatste}); het convenant vraagt minstens {PLATFORM_MIN_PER_JAAR} per jaar.")
    if stand.achter:
        st.warning(tekst + " Plan een Platformoverleg.", icon=":material/event_busy:")
    else:
        st.caption(tekst)
    st.caption(herkomst.herkomst_zin("platform_ritme"))


def aanbod(c: platform.PlatformCijfers) -> None:
    """Chart of places per woonvorm over the years with the targets, and the table with the gap."""
    a = c.aanbod
    fig = go.Figure()
    for naam, reeks in a.groupby("woonvorm_naam", sort=False):
        fig.add_trace(go.Scatter(x=reeks["jaar"], y=reeks["plaatsen"], mode="lines+markers", name=f"{naam}: plaatsen"))
        doel = reeks[reeks["doel"].notna() & (reeks["doel_soort"] == "stand")]
        if not doel.empty:
            fig.add_trace(go.Scatter(x=doel["jaar"], y=doel["doel"].astype(float), mode="lines",
                                     line={"dash": "dash"}, name=f"{naam}: doel"))
    fig.update_layout(height=380, margin={"l": 10, "r": 10, "t": 30, "b": 10}, yaxis_title="plaatsen",
                      title="Plaatsen in gebruik per woonvorm (doorgetrokken) en doel (gestreept)",
                      legend={"orientation": "h", "y": -0.25})
    st.plotly_chart(fig, width="stretch")
    tabel = pd.DataFrame(aanbod_samenvatting(c)).rename(columns={
        "woonvorm": "Woonvorm", "voorzieningen": "Locaties", "plaatsen": "Plaatsen",
        "plaatsen_vorig_jaar": "Een jaar eerder", "instroom": "Nieuw dit jaar", "doel": "Doel",
        "doel_soort": "Doel telt", "gerealiseerd": "Gerealiseerd", "verschil": "Verschil met doel",
        "percentage": "% van doel"})
    tabel["Doel telt"] = tabel["Doel telt"].map({"stand": "stand", "instroom": "nieuw per jaar"}).fillna("geen doel")
    st.markdown(f"**Stand op {c.peildatum:%d-%m-%Y} tegen het doel van {c.peildatum.year}**")
    toon_tabel(tabel, hide_index=True, width="stretch")
    st.caption("Berekend uit het locatieregister: een locatie telt mee vanaf 'in gebruik sinds' tot 'buiten gebruik "
               "sinds'. Verschil negatief = onder het doel.")
    downloads.knop("Download aanbod per jaar (CSV)", lambda: csv_bytes(aanbod_tabel(c.aanbod), bron.actueel(bron.REGISTER, bron.PLATFORM)),
                   "hkd_aanbod_per_jaar.csv", "text/csv", key="aanbod_csv")


AANBOD_KOPPEN = {"jaar": "Jaar", "op": "Peildatum", "woonvorm_naam": "Woonvorm", "woonvorm": "Woonvorm (code)",
                 "voorzieningen": "Locaties", "plaatsen": "Plaatsen", "instroom": "Nieuw dit jaar", "doel": "Doel",
                 "doel_soort": "Doel telt"}


def aanbod_tabel(aanbod: pd.DataFrame) -> pd.DataFrame:
    """The supply per year and woonvorm as people read it: Dutch headers, the target's kind in words."""
    uit = aanbod[[k for k in AANBOD_KOPPEN if k in aanbod.columns]].rename(columns=AANBOD_KOPPEN)
    if "Doel telt" in uit.columns:
        uit["Doel telt"] = uit["Doel telt"].map({"stand": "stand", "instroom": "nieuw per jaar"}).fillna("geen doel")
    return uit


def uitstroom(c: platform.PlatformCijfers) -> None:
    """The uitstroom series: waiting time against the norm, shares, per corporation."""
    u = c.uitstroom
    if u.empty:
        st.info("Nog geen uitstroomcijfers. Laad ze hieronder (HKD) of met `hkd load uitstroom`.")
        return
    stad = u[u["corporatie_code"].isna()].copy()
    stad["periode"] = [f"{j}" if pd.isna(k) else f"{j} K{int(k)}" for j, k in zip(stad["jaar"], stad["kwartaal"],
                                                                                 strict=True)]
    stad["aandeel_db"] = (100 * stad["directe_bemiddeling"] / stad["uitstromers"]).round(1)
    jaren = stad[stad["kwartaal"].isna()]
    fig = go.Figure()
    fig.add_trace(go.Bar(x=jaren["periode"], y=jaren["uitstromers"], name="uitstromers per jaar", yaxis="y2",
                         marker_color="rgba(86,180,233,0.5)"))
    fig.add_trace(go.Scatter(x=stad["periode"], y=stad["wachttijd_maanden"], mode="lines+markers",
                             name="gemiddelde wachttijd directe bemiddeling (maanden)", line={"color": "#d55e00"}))
    fig.add_hline(y=WACHTTIJD_NORM_MAANDEN, line_dash="dash",
                  annotation_text=f"norm {getal(WACHTTIJD_NORM_MAANDEN)} maanden (convenant)")
    fig.update_layout(height=360, margin={"l": 10, "r": 10, "t": 30, "b": 10}, yaxis_title="maanden",
                      yaxis2={"overlaying": "y", "side": "right", "title": "uitstromers"},
                      legend={"orientation": "h", "y": -0.25}, title="Uitstroom en wachttijd tegen de norm")
    st.plotly_chart(fig, width="stretch")
    toon_tabel(uitstroom_koppen(stad, ["periode", "uitstromers", "directe_bemiddeling", "reguliere_urgentie",
                                       "aandeel_db", "wachttijd_maanden", "bron"]), hide_index=True, width="stretch")
    if any(herkomst.is_demo(str(b)) for b in stad["bron"].dropna()):
        st.caption("**Demo, fictitief.** Bron: " + "; ".join(sorted(set(stad["bron"].dropna()))) + ".")
    st.caption(herkomst.zin("wachttijd_norm", "directe_bemiddeling_2024"))
    st.caption("Uitstroom komt uit de woonvormen met hun termijn volgens het convenant: " + "; ".join(
        f"{WOONVORM_NAMEN[c].lower()}: {t.tekst[0].lower()}{t.tekst[1:]}" for c, t in WOONVORM_TERMIJNEN.items()
        if c != "zelfstandig_zorg") + f"; zelfstandig wonen: {WOONVORM_TERMIJNEN['zelfstandig_zorg'].tekst.lower()}. "
        + herkomst.herkomst_zin("woonvorm_termijnen"))
    for jaar, n in zip(jaren["jaar"], jaren["uitstromers"], strict=True):
        punt = ijkpunt(int(jaar), int(n))
        if punt is not None:
            grens, aandeel = punt
            st.caption(f"Ijkpunt {int(jaar)}: hoogstens {getal(grens)} woningen voor uitstroom "
                       f"({IJKPUNT_AANDEEL_VRIJKOMEND * 100:.0f} % van de vrijkomende corporatiewoningen); uitstroom "
                       f"{getal(int(n))}, {aandeel * 100:.0f} % "
                       f"({'binnen' if n <= grens else 'boven'} het ijkpunt). " + herkomst.herkomst_zin("ijkpunt_25"))
    totalen = jaren.dropna(subset=["reguliere_urgentie"])
    for jaar, n in reguliere_urgenties_na_afspraak([(int(j), int(n)) for j, n in
                                                    zip(totalen["jaar"], totalen["reguliere_urgentie"], strict=True)]):
        st.warning(f"{jaar}: {n} uitstromers via een reguliere urgentie, terwijl het convenant vanaf "
                   f"{ALLEEN_DIRECTE_BEMIDDELING_VANAF} uitsluitend directe bemiddeling afspreekt.")
    per_corp = u[u["corporatie_code"].notna()]
    if not per_corp.empty:
        st.markdown("**Per woningcorporatie (waar bekend)**")
        toon_tabel(uitstroom_koppen(per_corp, ["jaar", "kwartaal", "corporatie", "uitstromers",
                                               "directe_bemiddeling", "wachttijd_maanden"]),
                   hide_index=True, width="stretch")
    downloads.knop("Download uitstroomreeks (CSV)", lambda: csv_bytes(_uitstroom_export(u), _bronnen(u["bron"])),
                   "hkd_uitstroom.csv",
                   "text/csv", key="uitstroom_csv")


UITSTROOM_KOPPEN = {"periode": "Periode", "jaar": "Jaar", "kwartaal": "Kwartaal", "corporatie": "Corporatie",
                    "uitstromers": "Uitstromers", "directe_bemiddeling": "Huurzorgcontract / directe bemiddeling",
                    "reguliere_urgentie": "Reguliere urgentie", "aandeel_db": "% directe bemiddeling",
                    "wachttijd_maanden": f"Wachttijd (maanden, norm {getal(WACHTTIJD_NORM_MAANDEN)})", "bron": "Bron"}
"""The uitstroom columns as people read them: the one mapping of the tables on screen (HKD's and the providers')
and the download; the waiting-time norm is the register's (``herkomst`` rule ``wachttijd_norm``)."""
UITSTROOM_EXPORT = ["jaar", "kwartaal", "corporatie", "uitstromers", "directe_bemiddeling", "reguliere_urgentie",
                    "wachttijd_maanden"]


def uitstroom_koppen(u: pd.DataFrame, kolommen: list[str]) -> pd.DataFrame:
    """These columns of the uitstroom series under their Dutch headers (:data:`UITSTROOM_KOPPEN`)."""
    return u[kolommen].rename(columns=UITSTROOM_KOPPEN)


def _uitstroom_export(u: pd.DataFrame) -> pd.DataFrame:
    """The uitstroom series as people read it: Dutch headers, no internal codes or load times."""
    return uitstroom_koppen(u, UITSTROOM_EXPORT)


def _bronnen(kolom: pd.Series) -> tuple[Bron, ...]:
    """The sources a loaded series names (demo marked), for the ``Bron`` column of its download."""
    return tuple(Bron(b, demo=herkomst.is_demo(b)) for b in sorted(set(kolom.dropna().astype(str)))) or (
        bron.PLATFORM,)


def uitstroom_laden() -> None:
    """Upload an uitstroom file: validate every row, show the problems, write all or nothing (HKD)."""
    with st.expander("Uitstroomcijfers laden (CSV of Excel)"):
        st.markdown("Kolommen: `jaar, kwartaal, corporatie, uitstromers, directe_bemiddeling, reguliere_urgentie, "
                    "wachttijd_maanden, bron`. Kwartaal leeg = heel jaar; corporatie leeg = alle corporaties. Een "
                    "periode die al bestaat wordt vervangen; het auditlog bewaart de oude cijfers.")
        if (upload := upload_tabel("Bestand", "uitstroom_bestand", uitstroom_import.lees_bestand)) is None:
            return
        tabel, naam = upload
        plan = db.run_query(uitstroom_import.plan_import, tabel, f"Uitstroommonitor ({naam})")
        if not plan_in_orde(plan, naam):
            return
        st.success(f"{aantal(len(plan.regels), 'periode', 'perioden')} gecontroleerd, geen problemen.")
        if st.button("Laden", key="uitstroom_laden", type="primary"):
            if (n := schrijf_upload(uitstroom_import.schrijf, plan, naam)) is None:
                return
            st.cache_data.clear()
            t = plan.tellingen
            st.success(f"{aantal(n, 'periode', 'perioden')} geladen: {t.get('nieuw', 0)} nieuw, {t.get('gewijzigd', 0)} gewijzigd, "
                       f"{t.get('ongewijzigd', 0)} ongewijzigd (stonden er al zo).")


def _spreiding_tabel(c: platform.PlatformCijfers, niveau: str) -> tuple[pd.DataFrame, float | None]:
    if niveau == "gebied":  # the figures already hold both dates per gebied: no second trip to the database
        t = platform.tegen_stad(c.spreiding_nu, c.spreiding_vorig)
    else:
        t = db.run_cached(platform.spreiding_tegen_stad, niveau, c.peildatum, c.vorige, ttl="kort")
    return t, per_1000(t["plaatsen"].sum(), t["inwoners"].sum())


_SPREIDING = "@@hkd_spreiding@@"
"""Placeholder of the spreiding layer's data: its cached JSON text is spliced into the deck (maps.spliced)."""


def _spreiding_kaart(conn, niveau: str, peildatum: date, vorige: date) -> tuple[str, Bounds | None]:
    """The spreiding map's layer as FeatureCollection JSON text (colour and tooltip text per area) and the box its
    first view frames, made once per cached call (``db.run_cached``, per role): at national scale parsing 3,000
    outlines, walking their 123,000 coordinates and serialising them again took most of every rerun of the tab."""
    t = platform.spreiding_tegen_stad(conn, niveau, peildatum, vorige)
    kaart = platform.omtrekken(conn, niveau).merge(t.drop(columns=["naam"]), on="code", how="left")
    kaart = kaart.assign(
        tekst=[GEEN_INWONERS if k is None or pd.isna(k) else KLASSEN_TOV_STAD[int(k)] for k in kaart["klasse"]],
        per_1000_tekst=[getal(v, 1) for v in kaart["per_1000"]],
        kleur=[list(NO_DATA if k is None or pd.isna(k) else colour_for(int(k))) for k in kaart["klasse"]],
    )[["code", "naam", "plaatsen", "voorzieningen", "per_1000_tekst", "tekst", "kleur", "geometry"]]
    kaart = kaart.fillna({"plaatsen": 0, "voorzieningen": 0})
    vlakken = features_json(kaart["geometry"], kaart.drop(columns=["geometry"]))
    return vlakken, eerste_kader(geometrie_punten(kaart["geometry"]))


def spreiding(c: platform.PlatformCijfers) -> None:
    """Map and ranked table per gebied or buurt against the city; concentration now, a year ago, over time."""
    niveau = st.radio("Niveau", ["gebied", "buurt"], horizontal=True, key="spreiding_niveau",
                      format_func={"gebied": "Gebied (CBS-wijk)", "buurt": "Wijk (CBS-buurt)"}.get)
    with st.spinner("Spreiding berekenen..."):
        t, stad = _spreiding_tabel(c, niveau)
        vlakken, kader = db.run_cached(_spreiding_kaart, niveau, c.peildatum, c.vorige, ttl="kort")
    st.markdown(f"Rotterdam: **{getal(t['plaatsen'].sum())} plaatsen**, **{getal(stad, 1)} per 1.000 inwoners** op "
                f"{c.peildatum:%d-%m-%Y}.")
    lagen = [laag("GeoJsonLayer", _SPREIDING, id="spreiding", stroked=True, filled=True,
                       pickable=True, get_fill_color="properties.kleur", get_line_color=[90, 90, 90, 200],
                       line_width_min_pixels=1, opacity=0.85)]
    focus = focus_keuze("spreiding_focus")
    if focus:
        lagen.append(focus_layer(focus))
    show(spliced(deck(lagen, tooltip=tekst_tooltip("{naam}\n{plaatsen} plaatsen in {voorzieningen} voorzieningen\n"
                                                   "{per_1000_tekst} per 1.000 inwoners: {tekst}"), height=520,
                      bounds=kader), {_SPREIDING: vlakken}))
    items = [(colour_for(i), label) for i, label in enumerate(KLASSEN_TOV_STAD)] + [(NO_DATA, GEEN_INWONERS)]
    if focus:
        items.append(legenda_item())
    st.html("<b>Plaatsen per 1.000 inwoners tegen de stad</b>" + legend_html(items, naast=True))
    bron.toon((bron.REGISTER, bron.KERNCIJFERS, bron.GRENZEN),
              "spreiding_klassen")
    rang = t.sort_values(["per_1000", "plaatsen"], ascending=False, na_position="last")
    tabel = rang[["naam", "voorzieningen", "plaatsen", "plaatsen_vorig", "inwoners", "per_1000", "index"]].rename(
        columns={"naam": "Gebied" if niveau == "gebied" else "Wijk", "voorzieningen": "Voorzieningen",
                 "plaatsen": "Plaatsen", "plaatsen_vorig": f"Plaatsen op {c.vorige:%d-%m-%Y}", "inwoners": "Inwoners",
                 "per_1000": "Per 1.000 inwoners", "index": "Index (stad = 100)"})
    toon_tabel(tabel, hide_index=True, width="stretch")
    downloads.knop("Download spreiding (CSV)", lambda: csv_bytes(tabel, bron.actueel(bron.REGISTER, bron.KERNCIJFERS)),
                   f"hkd_spreiding_{niveau}_{c.peildatum:%Y%m%d}.csv", "text/csv", key="spreiding_csv")
    concentratie(c)


def concentratie(c: platform.PlatformCijfers) -> None:
    """Concentration figures now and a year ago, the Lorenz curves and the trend over the years."""
    st.markdown("**Concentratie over de woonbuurten**")
    conc = c.concentratie.set_index("jaar")
    if c.peildatum.year not in conc.index:
        st.info("Geen concentratiecijfers voor dit jaar.")
        return
    nu = conc.loc[c.peildatum.year]
    vorig = conc.loc[c.vorige.year] if c.vorige.year in conc.index else None
    k1, k2 = st.columns(2)
    d_top = None if vorig is None else 100 * (nu["aandeel_top20"] - vorig["aandeel_top20"])
    d_gini = None if vorig is None else nu["gini_inwoners"] - vorig["gini_inwoners"]
    # higher = more concentrated = worse; an unchanged figure gets no colour
    k1.metric("Aandeel plaatsen in de 20 % buurten met de meeste plaatsen", f"{getal(100 * nu['aandeel_top20'], 1)} %",
              None if d_top is None else f"{getal(d_top, 1)} procentpunt t.o.v. {c.vorige:%d-%m-%Y}",
              delta_color="inverse" if d_top and abs(d_top) >= 0.05 else "off")
    k2.metric("Gini naar inwoners (0 = naar rato, 1 = alles in één buurt)", getal(nu["gini_inwoners"], 2),
              None if d_gini is None else f"{getal(d_gini, 2)} t.o.v. {c.vorige:%d-%m-%Y}",
              delta_color="inverse" if d_gini and abs(d_gini) >= 0.005 else "off")
    links, rechts = st.columns(2)
    fig = go.Figure()
    for label, op in ((f"{c.peildatum:%d-%m-%Y}", c.peildatum), (f"{c.vorige:%d-%m-%Y}", c.vorige)):
        punten = db.run_cached(platform.lorenz_op, op, ttl="kort")
        fig.add_trace(go.Scatter(x=[100 * x for x, _ in punten], y=[100 * y for _, y in punten], mode="lines",
                                 name=f"Lorenzcurve {label}"))
    fig.add_trace(go.Scatter(x=[0, 100], y=[0, 100], mode="lines", line={"dash": "dot", "color": "#777"},
                             name="gelijke spreiding naar inwoners"))
    fig.update_layout(height=340, margin={"l": 10, "r": 10, "t": 30, "b": 10}, xaxis_title="% van de inwoners",
                      yaxis_title="% van de plaatsen", legend={"orientation": "h", "y": -0.3})
    links.plotly_chart(fig, width="stretch")
    trend = go.Figure(go.Scatter(x=conc.index, y=conc["gini_inwoners"], mode="lines+markers", name="Gini naar inwoners"))
    trend.add_trace(go.Scatter(x=conc.index, y=conc["aandeel_top20"], mode="lines+markers",
                               name="aandeel top 20 % buurten"))
    trend.update_layout(height=340, margin={"l": 10, "r": 10, "t": 30, "b": 10}, yaxis_title="0 tot 1",
                        title="Concentratie door de jaren", legend={"orientation": "h", "y": -0.3})
    rechts.plotly_chart(trend, width="stretch")


def doelen_beheer() -> None:
    """HKD sets targets per woonvorm and year; the corporations as parties."""
    st.caption(herkomst.REGEL["convenant_besluiten"].omschrijving + " "
               + herkomst.herkomst_zin("convenant_besluiten", "doelen"))
    doelen = db.run_cached(platform.doelen, ttl="kort")
    toon_tabel(doelen.rename(columns={"woonvorm_naam": "Woonvorm", "jaar": "Jaar", "soort": "Telt",
                                        "plaatsen": "Doel (plaatsen)", "bron": "Bron",
                                        "vastgesteld_door": "Vastgesteld door", "vastgesteld_op": "Op"}).drop(
        columns=["woonvorm"]), hide_index=True, width="stretch")
    woonvormen = dict(zip(doelen["woonvorm"], doelen["woonvorm_naam"], strict=False))
    with st.form("doel_form"):
        st.markdown("**Doel vaststellen of wijzigen**")
        k1, k2, k3, k4 = st.columns(4)
        woonvorm = k1.selectbox("Woonvorm", list(woonvormen), format_func=woonvormen.get)
        jaar = k2.number_input("Jaar", 2015, 2100, vandaag().year, step=1)
        soort = k3.selectbox("Telt", ["stand", "instroom"],
                             format_func={"stand": "stand op 31-12", "instroom": "nieuw per jaar"}.get)
        plaatsen = k4.number_input("Plaatsen", 0, 100_000, 0, step=10)
        doel_bron = st.text_input("Bron of besluit", max_chars=200, placeholder="bijv. Platform HKD 12-11-2026")
        if st.form_submit_button("Vastleggen"):
            if not doel_bron.strip():
                st.error("Vul de bron of het besluit in.")
            else:
                db.run_write(platform.zet_doel, woonvorm, int(jaar), int(plaatsen), doel_bron.strip(), soort)
                st.cache_data.clear()
                st.success(f"Doel vastgelegd: {woonvormen[woonvorm]} {jaar}: {plaatsen} ({soort}).")
    st.markdown("**Woningcorporaties (partijen van het convenant)**")
    corp = db.run_cached(platform.corporaties)
    toon_tabel(corp.drop(columns=["id"]).rename(columns={"code": "Code", "naam": "Naam",
                                                          "eigenaar_van": "Eigenaar van locaties",
                                                          "verhuurder_van": "Verhuurder van locaties"}),
                 hide_index=True, width="stretch")

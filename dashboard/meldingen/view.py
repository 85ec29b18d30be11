"""Meldingen UI pieces: meldkaart, per-location timeline, the register form and file import, commissies, planning.

Session state: ``meldingen_melding`` holds a success message shown once after a write (popped by the page).
"""

from __future__ import annotations

from datetime import date, datetime, time

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

from core import kalender
from core.domain import (
    COMMISSIE_PARTIJEN,
    EXTRA_INZET_MAATREGELEN,
    FASE_KLEUREN,
    MELDING_AFHANDELING,
    MELDING_BRONNEN,
    MELDING_CATEGORIEEN,
    VERBETERACTIE_STATUS,
)
from core.kalender import TZ
from core.taal import aantal
from dashboard import db, inzage
from dashboard.kaart.maps import MAP_HEIGHT_PX, deck, laag, legend_html, tekst_tooltip
from dashboard.trends import indicatoren as trends_views
from dashboard.widgets import bron, downloads
from dashboard.widgets.grafiek import datum_as
from dashboard.widgets.tabel import toon as toon_tabel
from dashboard.widgets.upload import plan_in_orde, schrijf_upload, upload_tabel
from data import meldingen_import as mi
from geo import herkomst
from geo.formaten import MELDINGEN
from geo.herkomst import Bron
from geo.meldingen import MeldingNormen
from queries import meldingen as q
from queries import monitoring as mq
from reports.veilig import csv_bytes, md_tekst

GEEN_FASE = (153, 153, 153)
BERICHT = "meldingen_melding"
PLANNING_STAND = {"gereed": "✔ gereed", "te_laat": "⚠ te laat", "binnenkort": "⏰ binnenkort",
                  "op_schema": "○ op schema"}
PRIVACY = ("Leg geen namen, adressen, telefoonnummers of e-mailadressen van melders vast: het register bewaart "
           "geen persoonsgegevens van melders. Beschrijf kort wat er gemeld is.")


def normen() -> MeldingNormen:
    """The monitoring norms (cached)."""
    return db.run_cached(q.normen)


def norm_tekst(nrm: MeldingNormen) -> str:
    """The norm as shown with every handling-time figure."""
    return (f"Norm: afgehandeld binnen {nrm.afhandel_norm_dagen} dagen (\"binnen korte tijd naar tevredenheid\"). "
            f"Agendasignaal bij {nrm.signaal_min_meldingen} of meer meldingen in {nrm.signaal_periode_maanden} "
            f"maanden, of {nrm.signaal_min_buiten_norm} of meer niet binnen de norm. "
            + herkomst.herkomst_zin("afhandel_norm", "agendasignaal")
            + " Instelbaar in de monitoringnormen.")


def locaties_keuze() -> pd.DataFrame:
    """The locations the signed-in user may register meldingen for (cached: the register changes rarely)."""
    return db.run_cached(q.locaties_keuze)


def per_locatie(van: date, tot: date, nrm: MeldingNormen) -> pd.DataFrame:
    """Counts per visible location (cached briefly; cleared after a write)."""
    return db.run_cached(q.per_locatie, van, tot, nrm, ttl="kort")


def meldkaart(frame: pd.DataFrame, nrm: MeldingNormen, hoogte: int = MAP_HEIGHT_PX) -> pdk.Deck:
    """Locations as circles sized by their meldingen, coloured by fase, with the count printed on them."""
    data = frame[["id", "code", "naam", "lon", "lat", "aantal", "buiten_norm", "open"]].copy()
    data["kleur"] = [list(FASE_KLEUREN.get(f, GEEN_FASE)) for f in frame["fase"].fillna("")]
    data["straal"] = 40 + 25 * data["aantal"].clip(upper=40) ** 0.5 * 4
    data["label"] = data["aantal"].astype(str)
    ringen = [frame[f"ring_{s}"].astype(str) + f" binnen {s} m" for s in nrm.ring_meters]
    data["ringen"] = ringen[0].str.cat(ringen[1:], sep=" · ") if ringen else ""
    lagen = [
        laag("ScatterplotLayer", data, id="meldingen", get_position=["lon", "lat"], get_radius="straal",
             radius_units="meters", get_fill_color="kleur", opacity=0.55, stroked=True, get_line_color=[0, 0, 0],
             line_width_min_pixels=1, pickable=True),
        laag("TextLayer", data[data["aantal"] > 0], id="aantallen", get_position=["lon", "lat"],
                  get_text="label", get_size=13, get_color=[0, 0, 0]),
    ]
    tooltip = tekst_tooltip("{code} {naam}\n{aantal} meldingen, {buiten_norm} niet binnen de norm, {open} open\n"
                            "{ringen}")
    return deck(lagen, tooltip=tooltip, height=hoogte)


def log_meldkaart(frame: pd.DataFrame, van: date, tot: date) -> None:
    """One inzage entry for the meldkaart (the visible locations as points at their address with their
    meldingen), once per visit and period."""
    if not frame.empty:
        inzage.vastleggen("meldingen", f"meldkaart met {len(frame)} locaties op adresniveau",
                          {"van": van.isoformat(), "tot": tot.isoformat(), "aantal": len(frame)},
                          sleutel=("kaart", van, tot))


def meldkaart_legenda() -> str:
    """Legend of the meldkaart: circle size = number, colour = fase (with the fase written in the table)."""
    from core.domain import FASES
    items = [(FASE_KLEUREN[f.code], f"{f.symbool} Fase {f.code}") for f in FASES] + [(GEEN_FASE, "– geen fase")]
    return (legend_html(items, naast=True) + "<p><small>Kleur: de fase. Grootte van de cirkel en het getal: aantal "
            "meldingen in de periode.</small></p>")


def tijdlijn_figuur(tijdlijn: pd.DataFrame, nrm: MeldingNormen, referentie: date | None = None) -> go.Figure:
    """Meldingen per month (bars), the late ones hatched; the reference date marked when given."""
    fig = go.Figure()
    fig.add_bar(x=tijdlijn["maand"], y=tijdlijn["aantal"] - tijdlijn["buiten_norm"], name="binnen de norm of open",
                marker_color="rgb(0,114,178)")
    fig.add_bar(x=tijdlijn["maand"], y=tijdlijn["buiten_norm"],
                name=f"niet binnen de norm ({nrm.afhandel_norm_dagen} dagen)", marker_color="rgb(213,94,0)",
                marker_pattern_shape="/")
    if referentie is not None:
        fig.add_vline(x=datetime.combine(referentie, time()).timestamp() * 1000, line_dash="dash",
                      annotation_text=f"referentie {referentie:%d-%m-%Y}")
    fig.update_layout(barmode="stack", height=260, margin={"l": 10, "r": 10, "t": 30, "b": 10},
                      yaxis_title="meldingen per maand", legend={"orientation": "h", "y": -0.25},
                      title="Meldingen per maand")
    return datum_as(fig, tijdlijn["maand"], per_maand=True)


def locatie_detail(row: pd.Series, van: date, tot: date, nrm: MeldingNormen) -> None:
    """Timeline and list of one location's meldingen; logs the view once (address-level data)."""
    st.subheader(f"{row['code']} {md_tekst(row['naam'])}")
    inzage.vastleggen("meldingen", f"meldingen van locatie {row['code']}",
                      {"locatie_id": int(row["id"]), "van": van.isoformat(), "tot": tot.isoformat()},
                      sleutel=(row["code"], van, tot))
    gem = row["gem_afhandel_dagen"]
    st.markdown(f"{aantal(int(row['aantal']), 'melding', 'meldingen')}, {int(row['buiten_norm'])} niet binnen de norm, "
                f"{int(row['open'])} open · gemiddelde afhandeltijd "
                f"{'–' if pd.isna(gem) else f'{gem:.1f} dagen'} (norm {nrm.afhandel_norm_dagen} dagen)"
                + (f" · melder tevreden: {int(row['tevreden'])} van {int(row['tevredenheid_bekend'])} bekend"
                   if row["tevredenheid_bekend"] else ""))
    tijdlijn = db.run_query(q.tijdlijn, int(row["id"]), van, tot, nrm.afhandel_norm_dagen)
    st.plotly_chart(tijdlijn_figuur(tijdlijn, nrm), width="stretch", key=f"tijdlijn_{row['id']}")
    lijst = db.run_query(q.lijst, van, tot, nrm.afhandel_norm_dagen, int(row["id"]))
    tabel = pd.DataFrame({
        "Ontvangen": pd.to_datetime(lijst["ontvangen_op"], utc=True).dt.tz_convert(TZ).dt.strftime("%d-%m-%Y %H:%M"),
        "Gemeld via": lijst["bron"].map(MELDING_BRONNEN), "Categorie": lijst["categorie"].map(MELDING_CATEGORIEEN),
        "Omschrijving": lijst["omschrijving"],
        "Afgehandeld": pd.to_datetime(lijst["afgehandeld_op"], utc=True).dt.tz_convert(TZ).dt.strftime("%d-%m-%Y"),
        "Hoe": lijst["afhandeling"].map(MELDING_AFHANDELING), "Dagen": lijst["afhandel_dagen"],
        "Binnen norm": lijst["binnen_norm"].map({True: "ja", False: "nee"}).fillna("open"),
    })
    toon_tabel(tabel, hide_index=True, width="stretch")
    downloads.knop("Download meldingen als CSV", csv_bytes(tabel, bron.actueel(bron.MELDINGEN, bron.REGISTER)),
                   f"hkd_meldingen_{row['code']}_{van:%Y%m%d}_{tot:%Y%m%d}.csv", "text/csv",
                   key=f"download_{row['id']}")
    extra_inzet_lijst(int(row["id"]))


def extra_inzet_lijst(locatie_id: int) -> None:
    """The extra inzet (fase 3b) of one location, running first; nothing when there is none."""
    inzet = db.run_query(mq.extra_inzet, locatie_id)
    if inzet.empty:
        return
    vandaag = kalender.vandaag()
    lopend = [pd.isna(t) or t >= vandaag for t in inzet["tot"]]
    st.markdown(f"**Extra inzet (fase 3b)**: {sum(lopend)} lopend, {len(inzet) - sum(lopend)} afgelopen")
    toon_tabel(pd.DataFrame({
        "Maatregel": inzet["maatregel"].map(EXTRA_INZET_MAATREGELEN).fillna(inzet["maatregel"]),
        "Van": [d.strftime("%d-%m-%Y") for d in inzet["van"]],
        "Tot": ["loopt" if pd.isna(t) else t.strftime("%d-%m-%Y") for t in inzet["tot"]],
        "Stand": ["lopend" if x else "afgelopen" for x in lopend],
        "Toelichting": inzet["toelichting"],
    }), hide_index=True, width="stretch")


def _schrijf(fn, *args, bericht: str) -> bool:
    try:
        db.run_write(fn, *args)
    except Exception as exc:  # the database's check refused: say why, in Dutch, without a traceback
        if (zin := db.db_fout(exc)) is None:
            raise
        st.error(zin, icon=":material/error:")
        return False
    st.cache_data.clear()
    st.session_state[BERICHT] = bericht
    return True


def registreer_formulier(locaties: pd.DataFrame) -> None:
    """Record one melding for a location the user may record for (the database enforces it too)."""
    st.caption(PRIVACY)
    keuze = dict(zip(locaties["code"] + " " + locaties["naam"], locaties["id"], strict=True))
    with st.form("melding_registreren", clear_on_submit=True):
        k1, k2, k3 = st.columns(3)
        locatie = k1.selectbox("Locatie", list(keuze), index=None, placeholder="Kies een locatie")
        nu = kalender.nu()  # keyed widgets: the default follows the clock without resetting what a user chose
        dag = k2.date_input("Ontvangen op", value=nu.date(), max_value=nu.date(), format="DD-MM-YYYY",
                            key="melding_dag")
        uur = k3.time_input("Tijd", value=nu.time().replace(second=0, microsecond=0), key="melding_tijd")
        k4, k5 = st.columns(2)
        bron = k4.selectbox("Bron", list(MELDING_BRONNEN), format_func=MELDING_BRONNEN.get)
        categorie = k5.selectbox("Categorie", list(MELDING_CATEGORIEEN), format_func=MELDING_CATEGORIEEN.get)
        omschrijving = st.text_input("Korte omschrijving", max_chars=mi.MAX_OMSCHRIJVING,
                                     help="Wat is er gemeld? Geen namen of contactgegevens.")
        k6, k7, k8 = st.columns(3)
        afgehandeld = k6.date_input("Afgehandeld op (leeg = nog open)", value=None, max_value=kalender.vandaag(),
                                    format="DD-MM-YYYY")
        hoe = k7.selectbox("Hoe afgehandeld", list(MELDING_AFHANDELING), format_func=MELDING_AFHANDELING.get,
                           index=None, placeholder="–")
        tevreden = k8.selectbox("Melder tevreden?", ["onbekend", "ja", "nee"])
        if st.form_submit_button("Melding vastleggen", type="primary"):
            if locatie is None or not omschrijving.strip():
                st.error("Kies een locatie en geef een korte omschrijving.")
                return
            if (afgehandeld is None) != (hoe is None):
                st.error("Vul bij een afgehandelde melding zowel de datum als de manier van afhandelen in.")
                return
            ontvangen = datetime.combine(dag, uur, TZ)
            if ontvangen > kalender.nu():
                st.error(f"Het tijdstip van ontvangst ({ontvangen:%d-%m-%Y %H:%M}) ligt in de toekomst.")
                return
            af = datetime.combine(afgehandeld, time(23, 59) if afgehandeld != kalender.vandaag()
                                  else kalender.nu().time().replace(microsecond=0), TZ) if afgehandeld else None
            melding = q.Melding(int(keuze[locatie]), ontvangen, bron, categorie, omschrijving.strip(), af, hoe,
                                {"ja": True, "nee": False}.get(tevreden) if af else None)
            if _schrijf(q.registreer, melding, bericht=f"Melding vastgelegd voor {locatie}."):
                st.rerun()


def import_sectie() -> None:
    """Upload a CSV/Excel file, show every problem by row, write all or nothing."""
    st.caption(f"Verplicht: `{'`, `'.join(MELDINGEN.verplichte_namen)}`. "
               f"Optioneel: `{'`, `'.join(MELDINGEN.optionele_namen)}`. " + PRIVACY)
    if (upload := upload_tabel("Meldingenbestand (CSV of Excel)", "meldingen_bestand", mi.lees_bestand)) is None:
        return
    tabel, naam = upload
    plan = db.run_query(mi.plan_import, tabel)
    if not plan_in_orde(plan, naam):
        return
    st.success(f"{aantal(len(plan.regels), 'melding is', 'meldingen zijn')} in orde. Meldingen die al in het register staan (zelfde locatie, "
               "ontvangst, bron, categorie en omschrijving) worden overgeslagen.")
    if st.button("Alle meldingen inlezen", type="primary", key="meldingen_inlezen"):
        if (r := schrijf_upload(mi.importeer, plan, naam)) is not None:
            st.cache_data.clear()
            st.session_state[BERICHT] = (f"{aantal(r.nieuw, 'melding', 'meldingen')} ingelezen uit {md_tekst(naam)}; "
                                         f"{r.overgeslagen} overgeslagen (stonden al in het register).")
            st.rerun()


def signalen_sectie(datum: date) -> None:
    """The meldingen signals for the agenda on ``datum`` (HKD)."""
    voorstellen = db.run_cached(q.agenda_voorstellen, datum, ttl="kort")
    if not voorstellen:
        st.info("Geen locaties boven de drempel.")
        return
    # a plain table (few rows): readable on the big screen and by screen readers
    st.table(pd.DataFrame({"Locatie": [md_tekst(v.titel) for v in voorstellen],
                           "Reden": [v.redenen[0] for v in voorstellen],
                           "Voorstel": [v.redenen[1] for v in voorstellen]}), hide_index=True)


def commissie_sectie(op: date, locaties: pd.DataFrame) -> None:
    """Commissies behind their rhythm, and a form to record a meeting."""
    stand = db.run_cached(mq.commissies_op, op, ttl="kort")
    achter = stand[stand["achter"]]
    st.markdown(f"**{len(achter)} beheercommissies achter op hun ritme** (fase 0: minstens eens per "
                f"{normen().ritme_fase_0_maanden} maanden, fase 1: eens per {normen().ritme_fase_1_maanden} maanden)")
    st.caption(herkomst.herkomst_zin("commissie_ritme_fase_0", "commissie_ritme") + " Instelbaar in de "
               "monitoringnormen.")
    toon_tabel(pd.DataFrame({
        "Code": achter["code"], "Locatie": achter["naam"], "Fase": achter["fase"],
        "Laatste vergadering": [d.strftime("%d-%m-%Y") if d else "nog nooit" for d in achter["laatste"]],
        "Uiterlijk volgende": [d.strftime("%d-%m-%Y") if d else "–" for d in achter["volgende_uiterlijk"]],
    }), hide_index=True, width="stretch")
    keuze = dict(zip(locaties["code"] + " " + locaties["naam"], locaties["id"], strict=True))
    with st.form("vergadering_vastleggen", clear_on_submit=True):
        k1, k2 = st.columns(2)
        locatie = k1.selectbox("Locatie", list(keuze), index=None, placeholder="Kies een locatie")
        datum = k2.date_input("Datum vergadering", value=kalender.vandaag(), max_value=kalender.vandaag(), format="DD-MM-YYYY")
        aanwezig = st.multiselect("Aanwezige partijen", list(COMMISSIE_PARTIJEN), format_func=COMMISSIE_PARTIJEN.get,
                                  placeholder="Kies een of meer partijen")
        verslag = st.text_input("Verslag (verwijzing, bijv. documentnummer)", max_chars=200)
        if st.form_submit_button("Vergadering vastleggen", type="primary"):
            if locatie is None or not aanwezig:
                st.error("Kies een locatie en minstens één aanwezige partij.")
                return
            if _schrijf(mq.vergadering_toevoegen, mq.Vergadering(int(keuze[locatie]), datum, tuple(aanwezig),
                                                                 verslag.strip()),
                        bericht=f"Vergadering vastgelegd voor {locatie}."):
                st.rerun()


def verbeteracties_sectie(op: date) -> None:
    """Every current verbeteractie, overdue flagged (text and symbol, not colour alone)."""
    acties = db.run_cached(mq.verbeteracties, op, None, ttl="kort")
    if acties.empty:
        st.info("Geen verbeteracties vastgelegd.")
        return
    toon_tabel(pd.DataFrame({
        "Locatie": acties["code"] + " " + acties["naam"], "Actie": acties["actie"], "Eigenaar": acties["eigenaar"],
        "Deadline": pd.to_datetime(acties["deadline"]).dt.strftime("%d-%m-%Y"),
        "Status": acties["status"].map(VERBETERACTIE_STATUS),
        "Over tijd": acties["over_tijd"].map({True: "⚠ over tijd", False: ""}),
    }), hide_index=True, width="stretch")


def planning_sectie(op: date) -> None:
    """The planned inventory actions against ``op``: late, due soon, done."""
    plan = db.run_cached(mq.planning, op, ttl="kort")
    if plan.empty:
        st.info("Geen planning vastgelegd.")
        return
    telling = plan["stand"].value_counts()
    for kolom, (sleutel, tekst) in zip(st.columns(4), PLANNING_STAND.items(), strict=True):
        kolom.metric(tekst, int(telling.get(sleutel, 0)))
    toon_tabel(pd.DataFrame({
        "Prioriteit": plan["prioriteit"], "Code": plan["code"], "Locatie": plan["naam"],
        "Actie": plan["soort"].map({"commissie": "Beheercommissie (her)starten",
                                    "convenant": "Beheerconvenant actualiseren"}),
        "Streefdatum": pd.to_datetime(plan["streefdatum"]).dt.strftime("%d-%m-%Y"),
        "Gereed op": [g.strftime("%d-%m-%Y") if g else "" for g in plan["gereed_op"]],
        "Stand": plan["stand"].map(PLANNING_STAND),
    }), hide_index=True, width="stretch")



def _klein_figuur(titel: str, x, y, referentie: date, y_titel: str) -> go.Figure:
    fig = go.Figure(go.Scatter(x=x, y=y, mode="lines+markers", line={"color": "rgb(0,114,178)"}, name=titel))
    fig.add_vline(x=datetime.combine(referentie, time()).timestamp() * 1000, line_dash="dash",
                  line_color="rgb(213,94,0)")
    fig.add_annotation(x=datetime.combine(referentie, time()).timestamp() * 1000, yref="paper", y=1.0,
                       text=f"referentie {referentie:%d-%m-%Y}", showarrow=False, xanchor="left", font={"size": 10})
    fig.update_layout(title={"text": titel, "font": {"size": 13}}, height=220, showlegend=False,
                      margin={"l": 10, "r": 10, "t": 35, "b": 10}, yaxis_title=y_titel)
    return datum_as(fig, x)


# The level a before/after indicator is measured on, as the chart title names it (the indicator's name comes from the
# one catalogue, core.indicatoren).
NIVEAU_KORT = {"buurt": "buurt", "wijkprofiel": "wijkprofiel-wijk", "gebied": "gebied", "pc4": "postcodegebied"}


def kwalitatief(notities: pd.DataFrame, referentie: date) -> None:
    """The qualitative side of a voor- en nameting: what colleagues in the wijk wrote before and after the date."""
    moment = pd.to_datetime(notities["geschreven_op"], utc=True).dt.tz_convert(TZ)
    voor = int((moment.dt.date < referentie).sum())
    st.markdown(f"**Kwalitatief: notities over de wijk (clusters MO, SO, DV)**: {voor} voor en {len(notities) - voor} "
                f"na {referentie:%d-%m-%Y}")
    if notities.empty:
        st.caption("Geen notities over deze wijk in deze jaren; ze worden op de Draagkrachtscan vastgelegd.")
        return
    st.table(pd.DataFrame({
        "Geschreven": moment.dt.strftime("%d-%m-%Y"),
        "Moment": ["voor" if d < referentie else "na" for d in moment.dt.date],
        "Cluster": notities["cluster"], "Notitie": notities["tekst"].map(md_tekst),
        "Door": notities["auteur"].map(md_tekst),
    }), hide_index=True)


def voor_na_sectie(locatie_id: int, code: str, standaard: date | None, sleutel: str, download: bool = True) -> None:
    """Voor- en nameting: one small chart per measure around a reference date (opening or fase change).

    ``download=False`` in the meeting view, whose downloads are the agenda and the besluitenlijst."""
    # opt-in: the charts cost several queries, and opening them is the deliberate view the inzage log records
    if not st.checkbox("Toon voor- en nameting", key=f"voor_na_aan_{sleutel}"):
        return
    nrm = normen()
    referentie = st.date_input("Referentiedatum (opening of fasewijziging)", value=standaard or kalender.vandaag(),
                               format="DD-MM-YYYY", key=f"voor_na_ref_{sleutel}")
    inzage.vastleggen("meldingen", f"voor- en nameting meldingen rond locatie {code}",
                      {"locatie_id": locatie_id, "referentie": referentie.isoformat()},
                      sleutel=("voor_na", code, referentie))
    with st.spinner("Voor- en nameting berekenen..."):
        ring = db.run_query(q.voor_na_meldingen, locatie_id, referentie, nrm.ring_meters)
        indicatoren = db.run_query(q.voor_na_indicatoren, locatie_id, referentie)
    figuren = []
    for straal, groep in ring.groupby("straal"):
        midden = groep["begin"] + (groep["eind"] - groep["begin"]) / 2
        figuren.append(_klein_figuur(f"Meldingen binnen {straal} m (per km², per half jaar)", midden,
                                     groep["per_km2"].round(1), referentie, "per km²"))
    for (niveau, indicator), groep in indicatoren.groupby(["niveau", "indicator"]):
        x = pd.to_datetime(groep["jaar"].astype(str) + "-07-01")
        figuren.append(_klein_figuur(f"{trends_views.naam(indicator)} ({NIVEAU_KORT.get(niveau, niveau)})", x, groep["waarde"],
                                     referentie, "waarde"))
    for i in range(0, len(figuren), 3):
        for kolom, fig in zip(st.columns(3), figuren[i:i + 3], strict=False):
            kolom.plotly_chart(fig, width="stretch", key=f"voor_na_{sleutel}_{i}_{fig.layout.title.text}")
    st.caption("Stippellijn: referentiedatum. Indicatoren per jaar (midden van het jaar); meldingen per half jaar "
               "binnen de ringen rond de locatie. Een periode die nog loopt is onvolledig.")
    kwalitatief(db.run_query(q.voor_na_notities, locatie_id, referentie), referentie)
    if not download:
        return
    tabel = ring.assign(periode=ring["begin"].dt.strftime("%d-%m-%Y") + " – " + ring["eind"].dt.strftime("%d-%m-%Y"))
    downloads.knop("Download voor- en nameting (CSV)",
                   csv_bytes(pd.concat([tabel[["periode", "straal", "aantal", "per_km2"]].assign(maat="meldingen"),
                                        indicatoren.rename(columns={"bron": "bron_indicator"})
                                        .assign(maat="indicator")]),
                             bron.actueel(bron.MELDINGEN) + tuple(
                                 Bron(b, demo=herkomst.is_demo(b)) for b in indicatoren["bron"].dropna().unique())),
                   f"hkd_voor_na_{code}_{referentie:%Y%m%d}.csv", "text/csv", key=f"voor_na_csv_{sleutel}")


def locatie_signalen(locatie_id: int, datum: date) -> list[str]:
    """The meldingen and monitoring reasons of one location on ``datum`` (for the meeting view)."""
    voorstellen = db.run_cached(q.agenda_voorstellen, datum, ttl="kort") + db.run_cached(
        mq.agenda_voorstellen, datum, ttl="kort")
    return [r for v in voorstellen if v.locatie_id == locatie_id for r in v.redenen]


def verbeteractie_formulier(locaties: pd.DataFrame) -> None:
    """Record a new verbeteractie, or a status change of an existing one (a new row that replaces it)."""
    keuze = dict(zip(locaties["code"] + " " + locaties["naam"], locaties["id"], strict=True))
    with st.form("verbeteractie_vastleggen", clear_on_submit=True):
        k1, k2 = st.columns(2)
        locatie = k1.selectbox("Locatie van de actie", list(keuze), index=None, placeholder="Kies een locatie",
                               key="verbeter_locatie")
        eigenaar = k2.selectbox("Eigenaar (partij)", list(COMMISSIE_PARTIJEN), format_func=COMMISSIE_PARTIJEN.get,
                                key="verbeter_eigenaar")
        actie = st.text_input("Verbeteractie", max_chars=300, key="verbeter_actie")
        k3, k4 = st.columns(2)
        deadline = k3.date_input("Deadline", value=kalender.vandaag(), format="DD-MM-YYYY", key="verbeter_deadline")
        status = k4.selectbox("Status", list(VERBETERACTIE_STATUS), format_func=VERBETERACTIE_STATUS.get,
                              key="verbeter_status")
        if st.form_submit_button("Verbeteractie vastleggen", type="primary"):
            if locatie is None or not actie.strip():
                st.error("Kies een locatie en beschrijf de actie.")
                return
            if _schrijf(mq.verbeteractie_toevoegen,
                        mq.Verbeteractie(int(keuze[locatie]), actie.strip(), eigenaar, deadline, status),
                        bericht=f"Verbeteractie vastgelegd voor {locatie}."):
                st.rerun()


def status_formulier(op: date) -> None:
    """Change the status of a current verbeteractie (appends a new version; the old one stays in the history)."""
    acties = db.run_cached(mq.verbeteracties, op, None, ttl="kort")
    open_acties = acties[~acties["status"].isin(["gereed", "vervallen"])]
    if open_acties.empty:
        return
    labels = dict(zip(open_acties["code"] + ": " + open_acties["actie"], open_acties.index, strict=True))
    with st.form("verbeteractie_status", clear_on_submit=True):
        k1, k2 = st.columns([3, 1])
        gekozen = k1.selectbox("Actie", list(labels), index=None, placeholder="Kies een open actie")
        status = k2.selectbox("Nieuwe status", list(VERBETERACTIE_STATUS), format_func=VERBETERACTIE_STATUS.get,
                              index=2)
        if st.form_submit_button("Status vastleggen") and gekozen is not None:
            r = open_acties.loc[labels[gekozen]]
            if _schrijf(mq.verbeteractie_toevoegen,
                        mq.Verbeteractie(int(r["locatie_id"]), r["actie"], r["eigenaar"], r["deadline"], status,
                                         int(r["id"])),
                        bericht=f"Status van de actie bij {r['code']} vastgelegd."):
                st.rerun()


def extra_inzet_formulier(locaties: pd.DataFrame) -> None:
    """Record a period of extra inzet (fase 3b): which measure, from when to when."""
    keuze = dict(zip(locaties["code"] + " " + locaties["naam"], locaties["id"], strict=True))
    with st.form("extra_inzet_vastleggen", clear_on_submit=True):
        k1, k2, k3, k4 = st.columns(4)
        locatie = k1.selectbox("Locatie", list(keuze), index=None, placeholder="Kies een locatie", key="inzet_loc")
        maatregel = k2.selectbox("Maatregel", list(EXTRA_INZET_MAATREGELEN), format_func=EXTRA_INZET_MAATREGELEN.get)
        van = k3.date_input("Van", value=kalender.vandaag(), format="DD-MM-YYYY", key="inzet_van")
        tot = k4.date_input("Tot (leeg = loopt)", value=None, format="DD-MM-YYYY", key="inzet_tot")
        toelichting = st.text_input("Toelichting", max_chars=300, key="inzet_toelichting")
        if st.form_submit_button("Extra inzet vastleggen", type="primary"):
            if locatie is None:
                st.error("Kies een locatie.")
                return
            if _schrijf(mq.extra_inzet_toevoegen,
                        mq.ExtraInzet(int(keuze[locatie]), maatregel, van, tot, toelichting.strip()),
                        bericht=f"Extra inzet vastgelegd voor {locatie}."):
                st.rerun()


def planning_tegen_stand(op: date) -> str | None:
    """One line for the escalatieladder's progress: the inventory's actions against the plan on ``op``."""
    plan = db.run_cached(mq.planning, op, ttl="kort")
    if plan.empty:
        return None
    t = plan["stand"].value_counts()
    return (f"Tegen de planning: {int(t.get('gereed', 0))} gereed, {int(t.get('te_laat', 0))} te laat, "
            f"{int(t.get('binnenkort', 0))} binnenkort, {int(t.get('op_schema', 0))} op schema "
            f"(van {len(plan)} geplande acties).")

"""Nieuwe initiatieven: the pieces of the Initiatieven page (list, map, detail, scans, comparison, forms)."""

from __future__ import annotations

import pandas as pd
import pydeck as pdk
import streamlit as st

from core import kalender
from core.domain import ADVIEZEN, EINDSTAPPEN, FASE_BY_CODE, FASE_CODES, STAPPEN, VOORSTEL_SOORTEN
from core.settings import get_settings
from dashboard import db, inzage
from dashboard.initiatieven.invoer import fouten, voorstel_fouten
from dashboard.kaart.maps import MAP_HEIGHT_PX, deck, laag, legend_html, tekst_tooltip
from dashboard.toegang.auth import User
from dashboard.widgets import downloads
from dashboard.widgets.tabel import gekozen
from geo import herkomst, stappenplan
from geo.draagkracht import Kandidaat
from geo.scan_archief import vergelijking
from geo.scan_norms import NIVEAU_SYMBOOL, load_config
from geo.stappenplan import Context, OngeldigeStap, ruimtelijk_telt, volgende_stappen
from queries import initiatieven as q
from queries import scan
from queries import vergaderingen as vg
from reports.veilig import md_tekst

# Okabe-Ito: open steps blue, advice/college orange, realised green, ended grey (the label carries the meaning)
KIES = "initiatief_kies"
"""Session state: the initiative the detail tab should open on its next run (set by a write, e.g. a submission)."""
STAP_KLEUR = {"aangemeld": (86, 180, 233), "draagkrachtscan": (86, 180, 233), "bespreking": (0, 114, 178),
              "advies": (230, 159, 0), "collegebesluit": (230, 159, 0), "ruimtelijke_procedure": (230, 159, 0),
              "beheerafspraken": (0, 158, 115), "gerealiseerd": (0, 158, 115), "ingetrokken": (150, 150, 150),
              "afgewezen": (150, 150, 150)}
KANDIDAAT_KLEUREN = [(0, 114, 178), (213, 94, 0), (0, 158, 115), (204, 121, 167)]


def lijst(hkd: bool) -> pd.DataFrame:
    """Every initiative the signed-in user may see (row-level security), with its current step and days in it."""
    return db.run_query(q.lijst, kalender.vandaag(), hkd)


def alle_kandidaten() -> pd.DataFrame:
    return db.run_query(q.alle_kandidaten)


def initiatief(initiatief_id: int):
    return db.run_query(q.initiatief, initiatief_id)


def kandidaten(initiatief_id: int) -> pd.DataFrame:
    return db.run_query(q.kandidaten, initiatief_id)


def historie(initiatief_id: int) -> pd.DataFrame:
    """The initiative's steps and spatial-procedure changes as one table for people."""
    return stappen_tabel(db.run_query(q.stappen, initiatief_id), db.run_query(q.ruimtelijk_historie, initiatief_id))


def voorstellen() -> pd.DataFrame:
    return db.run_query(q.voorstellen)


def eigen_locaties() -> pd.DataFrame:
    return db.run_query(q.eigen_locaties)


def lijst_tabel(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Nr": frame["id"], "Initiatief": frame["naam"], "Aanbieder": frame["aanbieder"],
        "Woonvorm": frame["woonvorm_naam"], "Plaatsen": frame["plaatsen"], "Stap": frame["stap_naam"],
        "Sinds": frame["sinds"], "Dagen in stap": frame["dagen_in_stap"], "Kandidaten": frame["kandidaten"],
        "Gebied": frame["gebieden"], "Ingediend": frame["ingediend"]})


def filters(frame: pd.DataFrame) -> pd.DataFrame:
    """Filters on step, woonvorm, provider, gebied and age; returns the filtered list."""
    c1, c2, c3, c4, c5 = st.columns(5)
    stappen = c1.multiselect("Stap", list(STAPPEN), format_func=STAPPEN.get, placeholder="alle")
    woonvormen = c2.multiselect("Woonvorm", sorted(frame["woonvorm_naam"].unique()), placeholder="alle")
    aanbieders = c3.multiselect("Aanbieder", sorted(frame["aanbieder"].unique()), placeholder="alle")
    gebied = c4.text_input("Gebied bevat", "")
    leeftijd = c5.number_input("Minstens dagen in stap", min_value=0, value=0, step=7)
    out = gekozen(frame, {"stap": stappen, "woonvorm_naam": woonvormen, "aanbieder": aanbieders})
    if gebied.strip():
        out = out[out["gebieden"].str.contains(gebied.strip(), case=False, regex=False)]
    if leeftijd:
        out = out[out["dagen_in_stap"] >= leeftijd]
    return out


KANDIDAAT_STIP_PX = 10
"""Radius of a candidate's dot in pixels: the same size at every zoom, so its letter always sits just above it."""


def kandidaten_deck(frame: pd.DataFrame, kleur_kolom: str = "stap", hoogte: int = MAP_HEIGHT_PX) -> pdk.Deck:
    """Candidate addresses as lettered (or numbered) points, the first view framing all of them in a map
    ``hoogte`` pixels high (the letter and the tooltip carry the meaning, not the colour).

    The view is fitted to the candidates like every map's (:func:`dashboard.kaart.maps.deck`): two candidates kilometres
    apart are both in the picture, one candidate gets about a kilometre around it."""
    data = frame.copy()
    if kleur_kolom == "stap":
        data["kleur"] = [list(STAP_KLEUR.get(s, (150, 150, 150))) for s in data["stap"]]
        data["label"] = data["initiatief_id"].astype(str)
        data["tip"] = [f"Initiatief {i} {n}: {o} ({STAPPEN.get(s, s)})"
                       for i, n, o, s in zip(data["initiatief_id"], data["initiatief"], data["omschrijving"],
                                             data["stap"], strict=True)]
    else:
        data["kleur"] = [list(KANDIDAAT_KLEUREN[i % len(KANDIDAAT_KLEUREN)]) for i in range(len(data))]
        data["label"] = [chr(65 + i) for i in range(len(data))]
        data["tip"] = [f"Kandidaat {chr(65 + i)}: {o}" for i, o in enumerate(data["omschrijving"])]
    layers = [
        # a dot of a fixed size in pixels (the units quoted: pydeck reads a bare string as an expression)
        laag("ScatterplotLayer", data, id="kandidaten", get_position=["lon", "lat"], get_fill_color="kleur",
                  get_line_color=[0, 0, 0], stroked=True, line_width_min_pixels=2, radius_units="pixels",
                  get_radius=KANDIDAAT_STIP_PX, pickable=True),
        # the letter on a white label just above its dot, legible over water, roads and the basemap
        laag("TextLayer", data, id="kandidaat_labels", get_position=["lon", "lat"], get_text="label",
                  get_size=16, font_weight=700, get_color=[0, 0, 0, 255], get_text_anchor="'middle'",
                  get_alignment_baseline="'bottom'", get_pixel_offset=[0, -(KANDIDAAT_STIP_PX + 3)],
                  background=True, get_background_color=[255, 255, 255, 235], background_padding=[3, 1]),
    ]
    return deck(layers, tooltip=tekst_tooltip("{tip}"), height=hoogte)


def stap_legenda() -> str:
    seen = {}
    for stap, kleur in STAP_KLEUR.items():
        seen.setdefault(kleur, []).append(STAPPEN[stap].lower())
    return legend_html([(k, ", ".join(v)) for k, v in seen.items()]) + \
        "<p><small>Het nummer bij elke stip is het nummer van het initiatief.</small></p>"


# Detail --------------------------------------------------------------------------------------------------------
def _leidend(waarde: bool) -> str:
    return "leidend" if waarde else "niet leidend"


def stappen_tabel(frame: pd.DataFrame, wijzigingen: pd.DataFrame | None = None) -> pd.DataFrame:
    """The step history; with ``wijzigingen`` (:func:`queries.initiatieven.ruimtelijk_historie`) every change of the
    ruimtelijke-procedure flag as a row of its own, in the order they were recorded."""
    tabel = pd.DataFrame({
        "Stap": frame["stap_naam"], "Datum": frame["datum"], "Toelichting": frame["reden"],
        "Advies": frame["advies"].map(lambda a: ADVIEZEN.get(a, "") if a else ""),
        "Voorwaarden": frame["voorwaarden"], "Startfase": frame["fase"].fillna(""),
        "Overleg": frame["overleg_datum"].map(lambda d: "" if pd.isna(d) else f"{d:%d-%m-%Y}"),
        "Door": frame["vastgelegd_door"]})
    if wijzigingen is None or wijzigingen.empty:
        return tabel
    extra = pd.DataFrame({
        "Stap": [f"Ruimtelijke procedure: {_leidend(n)} (was {_leidend(v)})"
                 for n, v in zip(wijzigingen["ruimtelijke_procedure"], wijzigingen["vorige"], strict=True)],
        "Datum": wijzigingen["datum"], "Toelichting": wijzigingen["reden"], "Advies": "", "Voorwaarden": "",
        "Startfase": "", "Overleg": "", "Door": wijzigingen["vastgelegd_door"]})
    volgorde = pd.concat([frame["vastgelegd_op"], wijzigingen["vastgelegd_op"]], ignore_index=True)
    samen = pd.concat([tabel, extra], ignore_index=True)
    return samen.iloc[volgorde.argsort(kind="stable")].reset_index(drop=True)


def koptekst(row) -> None:
    """The initiative's heading: what the provider typed is shown literally (never as markdown)."""
    st.subheader(md_tekst(row.naam))
    delen = [f"**{md_tekst(row.aanbieder)}**", md_tekst(row.woonvorm), md_tekst(row.doelgroep), f"{row.plaatsen} plaatsen"]
    if row.startdatum:
        delen.append(f"beoogde start {row.startdatum:%d-%m-%Y}")
    st.write(" · ".join(delen))
    st.write(f"Huidige stap: **{STAPPEN[row.stap]}** sinds {row.sinds:%d-%m-%Y}"
             + (" · ruimtelijke procedure leidend" if row.ruimtelijke_procedure else ""))
    st.caption(f"Contact: {md_tekst(row.contact_rol)}"
               + (f" ({md_tekst(row.contact_kanaal)})" if row.contact_kanaal else ""))
    if row.context:
        st.text(row.context)  # st.text: free text shown as typed, never as markdown


def intrek_formulier(row) -> None:
    """A provider withdraws its own initiative: a reason and a confirmation, then one step 'ingetrokken' today."""
    if row.stap in EINDSTAPPEN:
        return
    with st.expander("Initiatief intrekken"), st.form(f"intrekken_{row.id}", clear_on_submit=True):
        reden = st.text_area("Reden van intrekken (verplicht)", max_chars=2000)
        zeker = st.checkbox("Ik trek dit initiatief in; dit kan niet ongedaan worden gemaakt")
        if st.form_submit_button("Initiatief intrekken"):
            if not zeker:
                st.error("Niet ingetrokken: bevestig eerst dat u het initiatief intrekt.")
                return
            try:
                db.run_write(q.intrekken, int(row.id), reden)
            except OngeldigeStap as exc:
                st.error(f"Niet ingetrokken: {exc}.")
                return
            st.cache_data.clear()
            st.session_state["initiatief_melding"] = "Het initiatief is ingetrokken."
            st.rerun()


def _kandidaat(res_row, woonvorm_naam: str, plaatsen: int) -> Kandidaat:
    return Kandidaat(float(res_row.x), float(res_row.y), woonvorm_naam, int(plaatsen), "adres",
                     str(res_row.omschrijving))


def criteria_tabel(beoordelingen) -> pd.DataFrame:
    return pd.DataFrame([{"Oordeel": f"{NIVEAU_SYMBOOL[b.niveau]} {b.niveau}: {b.label}", "Criterium": b.criterium,
                          "Waarde": b.waarde, "Norm": b.normtekst} for b in beoordelingen])


def _verschillen_vandaag(conn, scan_id: int, config, datum, klassen, versie: int):
    """What differs if saved scan ``scan_id`` were run on ``datum`` with ``config``. A saved scan never changes, so
    its id names its inputs; ``versie`` (:func:`queries.scan.gegevens_versie`) only keys the cache."""
    bewaard = q.scan_openen(conn, scan_id)
    return q.vergelijk_met_nu(bewaard, scan.scan(conn, bewaard.resultaat.kandidaat, config, datum, klassen))


def _scan_en_versie(conn, scan_id: int):
    """A saved scan as kept, and the data version, read in one transaction."""
    return q.scan_openen(conn, scan_id), scan.gegevens_versie(conn)


def verschillen_vandaag(scan_id: int, config, versie: int):
    """Today's comparison of a saved scan, cached on the scan, the norms, the date and the data version (read with
    the saved scan on every rerun): a rerun that changes nothing does not redo today's scan; an audited change of
    locations, decisions, areas or indicators does. Only the small list of differences is kept in the cache."""
    return db.run_cached(_verschillen_vandaag, int(scan_id), config, kalender.vandaag(),
                         db.run_cached(scan.veerkracht_klassen), versie)


def scans_sectie(row, kandidaten: pd.DataFrame, user: User) -> None:
    """Run and keep a scan per candidate; reopen saved scans exactly as kept, with what differs today."""
    from reports.scan_pdf import render_pdf

    config = load_config(get_settings().scan_normen)
    woonvormen = db.run_cached(scan.woonvormen)
    st.markdown("**Draagkrachtscan per kandidaat**")
    for k in kandidaten.itertuples():
        if st.button(f"Scan uitvoeren en bewaren: {md_tekst(k.omschrijving)}", key=f"scan_{k.id}"):
            kandidaat = _kandidaat(k, woonvormen.get(row.woonvorm, row.woonvorm), row.plaatsen)
            with st.spinner("Scan berekenen en bewaren..."):
                res = db.run_query(scan.scan, kandidaat, config, None, db.run_cached(scan.veerkracht_klassen))
                pdf = render_pdf(res, user.naam, kalender.nu())
                scan_id = db.run_write(q.scan_bewaren, int(row.id), int(k.id), res, pdf, kalender.vandaag())
            inzage.vastleggen("initiatieven", "draagkrachtscan voor een kandidaatadres bewaard",
                              {"initiatief": int(row.id), "kandidaat": int(k.id), "scan": scan_id,
                               "locaties": [n.code for n in res.nabij]}, sleutel=("scan", scan_id))
            st.session_state["initiatief_scan"] = scan_id
            st.session_state["initiatief_melding"] = f"Scan {scan_id} bewaard voor {md_tekst(k.omschrijving)}."
            st.rerun()
    bewaard = db.run_query(q.scans, int(row.id))
    if bewaard.empty:
        st.caption("Nog geen bewaarde scans.")
        return
    st.dataframe(pd.DataFrame({"Scan": bewaard["id"], "Kandidaat": bewaard["kandidaat"],
                               "Normen (versie)": bewaard["normen_versie"], "Gegevens van": bewaard["data_datum"],
                               "Grenzen": bewaard["grensset"], "Door": bewaard["vastgelegd_door"],
                               "Bewaard op": bewaard["vastgelegd_op"].dt.strftime("%d-%m-%Y %H:%M")}),
                 hide_index=True, width="stretch")
    keuze = st.selectbox("Bewaarde scan openen", bewaard["id"].tolist(),
                         index=bewaard["id"].tolist().index(st.session_state["initiatief_scan"])
                         if st.session_state.get("initiatief_scan") in bewaard["id"].tolist() else 0,
                         format_func=lambda i: f"Scan {i}: " + bewaard.set_index("id").loc[i, "kandidaat"])
    b, versie = db.run_query(_scan_en_versie, int(keuze))
    inzage.vastleggen("initiatieven", "bewaarde draagkrachtscan geopend (locaties op adresniveau)",
                      {"scan": b.id, "locaties": [n.code for n in b.resultaat.nabij]}, sleutel=("open", b.id))
    st.markdown(f"**Scan {b.id} zoals bewaard** (normen {b.normen_versie}, gegevens van {b.data_datum:%d-%m-%Y}, "
                f"{b.grensset})")
    st.dataframe(criteria_tabel(b.beoordelingen), hide_index=True, width="stretch")
    if b.pdf:
        downloads.knop("Download de bewaarde scan (PDF)", b.pdf, f"draagkrachtscan_scan{b.id}.pdf",
                       "application/pdf", key=f"pdf_{b.id}")
    with st.spinner("Vergelijken met de gegevens en normen van vandaag..."):
        diff = verschillen_vandaag(b.id, config, versie)
    if not diff:
        st.success("Vandaag uitgevoerd geeft deze scan dezelfde uitkomst.", icon=":material/check_circle:")
    else:
        st.warning(f"Vandaag uitgevoerd verschillen {len(diff)} criteria:", icon=":material/difference:")
        st.dataframe(pd.DataFrame([{"Criterium": v.criterium,
                                    "Toen": f"{NIVEAU_SYMBOOL[v.toen_niveau]} {v.toen_waarde}",
                                    "Nu": f"{NIVEAU_SYMBOOL[v.nu_niveau]} {v.nu_waarde}",
                                    "Norm gewijzigd": "ja" if v.norm_gewijzigd else "nee"} for v in diff]),
                     hide_index=True, width="stretch")


def vergelijk_sectie(row, kandidaten: pd.DataFrame) -> None:
    """The latest saved scan of each candidate side by side, and the spreading figures per candidate."""
    bewaard = db.run_query(q.scans, int(row.id))
    laatste = bewaard.drop_duplicates("kandidaat_id") if not bewaard.empty else bewaard
    if len(laatste) >= 1:
        kolommen = {}
        for s in laatste.sort_values("kandidaat_id").itertuples():
            b = db.run_query(q.scan_openen, int(s.id))
            kolommen[f"{s.kandidaat} (scan {s.id})"] = b.beoordelingen
        st.markdown("**Kandidaten naast elkaar** (laatste bewaarde scan per kandidaat; ✔ binnen de norm, "
                    "! let op, ✖ buiten de norm, ? geen gegevens)")
        st.dataframe(pd.DataFrame(vergelijking(kolommen)), hide_index=True, width="stretch")
    st.markdown("**Spreiding: per 1.000 inwoners, nu en na het initiatief**")
    rijen = []
    for i, k in enumerate(kandidaten.itertuples()):
        sp = db.run_query(q.spreiding, float(k.x), float(k.y), int(row.plaatsen))
        for r in sp.itertuples():
            rijen.append({"Kandidaat": f"{chr(65 + i)}: {k.omschrijving}", "Niveau": r.niveau, "Gebied": r.naam,
                          "Voorzieningen nu": r.voorzieningen, "Voorzieningen na": r.voorzieningen_na,
                          "Plaatsen per 1.000 nu": r.plaatsen_per_1000,
                          "Plaatsen per 1.000 na": r.plaatsen_na_per_1000,
                          "Voorzieningen per 1.000 na": r.voorzieningen_na_per_1000})
    st.dataframe(pd.DataFrame(rijen), hide_index=True, width="stretch")
    st.caption("Buurt = Rotterdamse wijk (CBS-buurt), wijk = CBS-wijk (gebied); stad = heel Rotterdam, de maat om "
               "tegen af te zetten. Inwoners: laatste jaar per buurt.")


def stap_formulier(row) -> None:
    """Record the next step (only the steps the stappenplan allows from here are offered)."""
    ctx = Context(row.woonvorm, bool(row.ruimtelijke_procedure), row.advies)
    verder = [s for s in volgende_stappen(row.stap, ctx) if s != "gerealiseerd"]
    if not verder:
        return
    with st.form(f"stap_{row.id}", clear_on_submit=True):
        st.markdown("**Volgende stap vastleggen**")
        stap = st.selectbox("Stap", verder, format_func=STAPPEN.get)
        datum = st.date_input("Datum", value=kalender.vandaag(), format="DD-MM-YYYY")
        reden = st.text_area("Toelichting (wie besloot, waarom)")
        advies = st.radio("Advies (alleen bij de stap Advies)", list(ADVIEZEN), format_func=ADVIEZEN.get,
                          horizontal=True)
        voorwaarden = st.text_area("Voorwaarden (verplicht bij een voorwaardelijk advies)")
        fase = st.selectbox("Startfase na positief of voorwaardelijk advies", FASE_CODES,
                            format_func=lambda c: f"Fase {c}: {FASE_BY_CODE[c].naam}")
        overleg = st.checkbox("Besloten in het Sturingsoverleg op deze datum")
        if st.form_submit_button("Stap vastleggen", type="primary"):
            try:
                db.run_write(lambda conn: q.stap_vastleggen(
                    conn, int(row.id), stap, datum, reden, advies=advies if stap == "advies" else None,
                    voorwaarden=voorwaarden if stap == "advies" else "",
                    fase=fase if stap == "advies" and advies != "negatief" else None,
                    overleg_datum=datum if overleg or stap == "advies" else None))
            except OngeldigeStap as exc:
                st.error(f"Niet vastgelegd: {exc}.")
                return
            st.session_state["initiatief_melding"] = f"Stap '{STAPPEN[stap]}' vastgelegd."
            st.rerun()


def ruimtelijk_formulier(row) -> None:
    """HKD changes the ruimtelijke-procedure flag with a date and a reason; the next steps follow at once. Offered
    only while the flag can still change the route (the database refuses it otherwise too)."""
    ctx = Context(row.woonvorm, bool(row.ruimtelijke_procedure), row.advies)
    if not ruimtelijk_telt(row.stap, ctx):
        if row.stap not in EINDSTAPPEN:
            st.caption(f"Ruimtelijke procedure: {_leidend(ctx.ruimtelijk)}. Vanaf '{STAPPEN[row.stap]}' bepaalt die "
                       "de volgende stappen niet meer; wijzigen kan daarom niet meer.")
        return
    nieuw = not ctx.ruimtelijk
    verder = volgende_stappen(row.stap, Context(row.woonvorm, nieuw, row.advies))
    with st.expander("Ruimtelijke procedure wijzigen"), st.form(f"ruimtelijk_{row.id}", clear_on_submit=True):
        st.markdown(f"Nu: **{_leidend(ctx.ruimtelijk)}**. Na de wijziging: **{_leidend(nieuw)}** "
                    "(onderdeel van een gebiedsontwikkeling of sloop/nieuwbouw). Het vervolg van het stappenplan "
                    "hangt hiervan af; vanaf de huidige stap kan het initiatief dan naar: "
                    + ", ".join(STAPPEN[s].lower() for s in verder) + ".")
        datum = st.date_input("Datum van de wijziging", value=kalender.vandaag(), max_value=kalender.vandaag(),
                              min_value=row.ingediend_op.astimezone(kalender.TZ).date(), format="DD-MM-YYYY",
                              key=f"ruimtelijk_datum_{row.id}")
        reden = st.text_area("Reden van de wijziging (verplicht)", max_chars=2000, key=f"ruimtelijk_reden_{row.id}")
        if st.form_submit_button(f"Ruimtelijke procedure {_leidend(nieuw)} maken"):
            try:
                db.run_write(q.ruimtelijk_wijzigen, int(row.id), nieuw, datum, reden)
            except OngeldigeStap as exc:
                st.error(f"Niet gewijzigd: {exc}.")
                return
            st.session_state["initiatief_melding"] = f"De ruimtelijke procedure is nu {_leidend(nieuw)}."
            st.rerun()


def realiseren_formulier(row, kandidaten: pd.DataFrame) -> None:
    if row.stap != "beheerafspraken":
        return
    with st.form(f"realiseren_{row.id}"):
        st.markdown("**Gerealiseerd: opnemen in het locatieregister** (start in de fase van het advies: "
                    f"{row.advies_fase or '0'})")
        kandidaat = st.selectbox("Gekozen kandidaat", kandidaten["id"].tolist(),
                                 format_func=lambda i: kandidaten.set_index("id").loc[i, "omschrijving"])
        c1, c2 = st.columns(2)
        code = c1.text_input("Locatiecode", placeholder="HKD-101")
        naam = c2.text_input("Naam van de locatie")
        straat = c1.text_input("Straat")
        huisnummer = c2.text_input("Huisnummer")
        postcode = c1.text_input("Postcode", placeholder="3072 AB")
        if st.form_submit_button("Gerealiseerd vastleggen"):
            try:
                db.run_write(q.realiseren, int(row.id), q.Realisatie(kalender.vandaag(), int(kandidaat), code.strip(),
                                                                      naam.strip(), straat.strip(),
                                                                      huisnummer.strip(), postcode.strip().upper()))
            except OngeldigeStap as exc:
                st.error(f"Niet vastgelegd: {exc}.")
                return
            except Exception as exc:  # the register's checks (code, postcode, huisnummer)
                if (zin := db.db_fout(exc)) is None:
                    raise
                st.error(f"{zin} Controleer code (letters, cijfers, - of _; nog niet in gebruik), huisnummer en "
                         "postcode (1234 AB).")
                return
            st.session_state["initiatief_melding"] = "Het initiatief is opgenomen in het locatieregister."
            st.rerun()


# Provider forms -------------------------------------------------------------------------------------------------
def indien_formulier(user: User) -> None:
    """A provider submits an initiative for its own organisation with one to three candidate addresses."""
    woonvormen = {c: n for c, n in db.run_cached(scan.woonvormen).items() if stappenplan.gezamenlijk_traject(c)}
    with st.form("indienen", clear_on_submit=False):
        st.markdown("**Nieuw initiatief indienen**")
        st.caption("Zelfstandig wonen staat niet in de keuzelijst: het convenant volgt het stappenplan voor alle "
                   "woonvormen behalve zelfstandig wonen. " + herkomst.herkomst_zin("gezamenlijk_traject"))
        naam = st.text_input("Naam van het initiatief")
        c1, c2, c3 = st.columns(3)
        woonvorm = c1.selectbox("Woonvorm", list(woonvormen), format_func=woonvormen.get)
        doelgroep = c2.text_input("Doelgroep")
        plaatsen = c3.number_input("Aantal plaatsen", min_value=1, max_value=500, value=12)
        startdatum = c1.date_input("Beoogde startdatum", value=None, format="DD-MM-YYYY")
        contact_rol = c2.text_input("Contact: rol of functie", placeholder="teamleider wonen")
        contact_kanaal = c3.text_input("Contact: functioneel adres", placeholder="initiatieven@aanbieder.nl")
        ruimtelijk = st.checkbox("Onderdeel van een gebiedsontwikkeling of sloop/nieuwbouw (ruimtelijke procedure)")
        context = st.text_area("Toelichting")
        st.markdown("Kandidaatadressen: postcode en huisnummer, of RD-coördinaten als het adres nog niet bestaat.")
        rijen = []
        for i in range(3):
            k1, k2, k3, k4, k5 = st.columns([3, 2, 1, 2, 2])
            rijen.append((k1.text_input(f"Kandidaat {chr(65 + i)}: omschrijving", key=f"k_oms_{i}"),
                          k2.text_input("Postcode", key=f"k_pc_{i}"), k3.text_input("Nr.", key=f"k_nr_{i}"),
                          k4.text_input("RD x", key=f"k_x_{i}"), k5.text_input("RD y", key=f"k_y_{i}")))
        verzonden = st.form_submit_button("Initiatief indienen", type="primary")
    if not verzonden:
        return
    ini = q.NieuwInitiatief(naam, woonvorm, doelgroep, int(plaatsen), contact_rol, startdatum, contact_kanaal.strip(),
                            context.strip(), ruimtelijk)
    kandidaten, problemen = plaats_kandidaten(rijen)
    problemen = fouten(ini, kandidaten, set(woonvormen)) + problemen
    if problemen:
        st.error("Niet ingediend:\n" + "\n".join(f"- {md_tekst(p)}" for p in problemen))
        return
    try:
        nieuw = db.run_write(_indienen_eigen, ini, kandidaten)
    except Exception as exc:
        if (zin := db.db_fout(exc, "Niet ingediend")) is None:
            raise
        st.error(zin)
        return
    st.session_state["initiatief_melding"] = f"Initiatief {nieuw} is ingediend; HKD neemt het in behandeling."
    st.session_state[KIES] = nieuw
    st.rerun()


def _indienen_eigen(conn, ini, kandidaten) -> int:
    return q.indienen(conn, q.eigen_aanbieder_id(conn), ini, kandidaten)


def plaats_kandidaten(rijen) -> tuple[list[q.KandidaatAdres], list[str]]:
    """Place each filled-in candidate: RD coordinates as given, else the address via the geocoder; an address
    that cannot be placed is reported, never guessed."""
    out, fouten = [], []
    for i, (oms, pc, nr, x, y) in enumerate(rijen):
        letter = chr(65 + i)
        if not any(v.strip() for v in (oms, pc, nr, x, y)):
            continue
        if x.strip() or y.strip():
            try:
                xf, yf = float(x.replace(",", ".")), float(y.replace(",", "."))
            except ValueError:
                fouten.append(f"Kandidaat {letter}: RD x en y zijn getallen in meters.")
                continue
            if not (0 < xf < 300000 and 300000 < yf < 625000):
                fouten.append(f"Kandidaat {letter}: deze RD-coördinaten liggen niet in Nederland.")
                continue
            out.append(q.KandidaatAdres(oms.strip() or f"RD {xf:.0f}, {yf:.0f}", xf, yf, "coördinaten"))
            continue
        from clients.geocoder import AddressNotFound, GeocoderUnavailable, geocode

        try:
            found = geocode(pc, nr)
        except GeocoderUnavailable:
            fouten.append(f"Kandidaat {letter}: de adreszoeker is niet bereikbaar; geef RD-coördinaten op.")
            continue
        except (AddressNotFound, ValueError):
            fouten.append(f"Kandidaat {letter}: adres {pc} {nr} niet gevonden; controleer postcode en huisnummer.")
            continue
        out.append(q.KandidaatAdres(oms.strip() or found.weergavenaam, found.x_rd, found.y_rd, "adres"))
    return out, fouten


def voorstel_formulier(user: User, locaties: pd.DataFrame) -> None:
    """A provider proposes an update to one of its own locations."""
    if locaties.empty:
        st.caption("Uw organisatie heeft geen locaties in het register.")
        return
    with st.form("voorstel", clear_on_submit=True):
        st.markdown("**Wijziging voorstellen voor een eigen locatie** (HKD beoordeelt het voorstel)")
        loc = st.selectbox("Locatie", locaties["id"].tolist(),
                           format_func=lambda i: " ".join(locaties.set_index("id").loc[i, ["code", "naam"]]))
        soort = st.selectbox("Wat is er veranderd", list(VOORSTEL_SOORTEN), format_func=VOORSTEL_SOORTEN.get)
        datum = st.date_input("Per datum (vergadering, ondertekening, sinds)", value=kalender.vandaag(), format="DD-MM-YYYY")
        plaatsen = st.number_input("Nieuw aantal plaatsen (alleen bij plaatsen)", min_value=0, max_value=500, value=0)
        toelichting = st.text_area("Toelichting")
        if st.form_submit_button("Voorstel indienen"):
            fout = voorstel_fouten(soort, int(plaatsen) if soort == "plaatsen" else None, toelichting)
            if fout:
                st.error("Niet ingediend: " + " ".join(fout))
                return
            db.run_write(_voorstel_eigen, int(loc), soort, datum, int(plaatsen) if soort == "plaatsen" else None,
                         toelichting)
            st.session_state["initiatief_melding"] = "Voorstel ingediend; HKD beoordeelt het."
            st.rerun()


def _voorstel_eigen(conn, locatie_id, soort, datum, plaatsen, toelichting) -> int:
    return q.voorstel_indienen(conn, q.eigen_aanbieder_id(conn), locatie_id, soort, datum, plaatsen, toelichting)


def voorstellen_tabel(frame: pd.DataFrame) -> pd.DataFrame:
    def status(r):
        if pd.isna(r.goedgekeurd):
            return "wacht op beoordeling"
        return "goedgekeurd" if r.goedgekeurd else "afgewezen"

    return pd.DataFrame({
        "Nr": frame["id"], "Locatie": frame["locatie_code"] + " " + frame["locatie"], "Aanbieder": frame["aanbieder"],
        "Voorstel": frame["soort"].map(VOORSTEL_SOORTEN), "Per": frame["datum"],
        "Plaatsen": frame["plaatsen"].astype("Int64"), "Toelichting": frame["toelichting"],
        "Status": [status(r) for r in frame.itertuples()], "Reden": frame["reden"].fillna("")})


def beoordeel_formulier(frame: pd.DataFrame, vergadering_id: int | None = None, key: str = "beoordeel") -> None:
    """HKD approves or rejects an open proposal with a reason; in a meeting (``vergadering_id``) on the meeting's date
    and with a line in its besluitenlijst."""
    open_ = frame[frame["goedgekeurd"].isna()]
    if open_.empty:
        st.caption("Geen voorstellen die op beoordeling wachten.")
        return
    with st.form(key, clear_on_submit=True):
        st.markdown("**Voorstel beoordelen**")
        nr = st.selectbox("Voorstel", open_["id"].tolist(), format_func=lambda i: "{} {}: {}".format(
            i, open_.set_index("id").loc[i, "locatie_code"], VOORSTEL_SOORTEN[open_.set_index("id").loc[i, "soort"]]))
        besluit = st.radio("Besluit", ["goedkeuren", "afwijzen"], horizontal=True)
        reden = st.text_area("Reden (verplicht)")
        if st.form_submit_button("Besluit vastleggen", type="primary"):
            if not reden.strip():
                st.error("Niet vastgelegd: geef een reden.")
                return
            if vergadering_id is None:
                db.run_write(q.voorstel_beoordelen, int(nr), besluit == "goedkeuren", reden, None)
            else:
                db.run_write(vg.leg_beoordeling_vast, vergadering_id, int(nr), besluit == "goedkeuren", reden)
            st.cache_data.clear()
            st.session_state["initiatief_melding"] = f"Voorstel {nr} {'goedgekeurd' if besluit == 'goedkeuren' else 'afgewezen'}."
            st.rerun()

"""Draagkrachtscan (HKD only): a candidate location weighed against transparent norms, before and after."""


import pandas as pd
import streamlit as st

from core.domain import FASE_BY_CODE, FASE_KLEUREN
from core.kalender import nu
from core.settings import get_settings
from dashboard import inzage
from dashboard.kaart.focus import focus_keuze, legenda_item
from dashboard.kaart.maps import (
    ROTTERDAM_VIEW,
    basemap_notice,
    focus_folium,
    leaflet_available,
    legend_html,
    scan_folium,
)
from dashboard.scan import view as scan
from dashboard.toegang.auth import require_role
from dashboard.widgets import downloads
from geo import herkomst
from geo.draagkracht import Kandidaat
from geo.rings import KAART_OVERZICHT_STRAAL, kaart_straal, lonlat_to_rd, parse_ringen, rd_to_lonlat
from geo.scan_norms import NIVEAU_SYMBOOL, ScanConfig, load_config
from reports.scan_pdf import render_pdf
from reports.veilig import md_tekst

st.title("Draagkrachtscan")
user = require_role("hkd")
st.write("Kan de wijk een nieuwe voorziening dragen? Kies een kandidaatlocatie, de woonvorm en het aantal plaatsen. "
         "Elk criterium staat met zijn eigen norm; de scan telt niets op tot één oordeel.")
st.caption("Deze pagina toont locaties op adresniveau. Elke weergave wordt vastgelegd (wie, wanneer, wat) voor de DPIA.")

config = load_config(get_settings().scan_normen)
woonvormen = scan.woonvormen()
KEY = "scan_kandidaat"  # session state: (x_rd, y_rd, bron, omschrijving) of the chosen candidate

links, rechts = st.columns([3, 2])
with rechts:
    manier = st.radio("Kies de kandidaatlocatie", ["Klik op de kaart", "Adres", "Coördinaten (RD)"])
    if manier == "Adres":
        with st.form("adres"):
            postcode = st.text_input("Postcode", placeholder="3072 AB")
            huisnummer = st.text_input("Huisnummer", placeholder="12")
            zoek = st.form_submit_button("Zoek adres")
        if zoek:
            try:
                found = scan.zoek_adres(postcode, huisnummer)
                st.session_state[KEY] = (found.x_rd, found.y_rd, "adres", found.weergavenaam)
            except scan.AdresFout as exc:
                st.warning(str(exc))
    elif manier == "Coördinaten (RD)":
        with st.form("coordinaten"):
            x = st.number_input("RD x (meter)", value=92000.0, step=10.0, format="%.0f")
            y = st.number_input("RD y (meter)", value=436000.0, step=10.0, format="%.0f")
            if st.form_submit_button("Gebruik deze coördinaten"):
                st.session_state[KEY] = (x, y, "coördinaten", "")
    woonvorm = st.selectbox("Geplande woonvorm", list(woonvormen), format_func=woonvormen.get)
    plaatsen = st.number_input("Geplande plaatsen", min_value=0, max_value=500, value=20, step=1)
    ringen_tekst = st.text_input("Ringen (meter, komma's)", ", ".join(str(r) for r in config.ringen))
    try:
        ringen = parse_ringen(ringen_tekst)
        if config.normring not in ringen:
            ringen = tuple(sorted({*ringen, config.normring}))
        config = ScanConfig(ringen, config.normring, config.normen)
    except ValueError as exc:
        st.error(str(exc))

kandidaat_rd = st.session_state.get(KEY)
kandidaat_ll = rd_to_lonlat(kandidaat_rd[0], kandidaat_rd[1])[::-1] if kandidaat_rd else None
# the map draws only the surroundings of the candidate (or of the start view): points and outlines from PostGIS
midden = kandidaat_rd[:2] if kandidaat_rd else lonlat_to_rd(ROTTERDAM_VIEW.longitude, ROTTERDAM_VIEW.latitude)
straal = kaart_straal(config.ringen) if kandidaat_rd else KAART_OVERZICHT_STRAAL
with links:
    with st.spinner("Kaart laden..."):
        locaties = scan.locaties_omgeving(midden[0], midden[1], straal)
        if not kandidaat_rd:  # with a candidate, the scan's own entry below covers the map
            inzage.vastleggen("draagkrachtscan", f"locaties op adresniveau binnen {straal / 1000:g} km (overzichtskaart)",
                              {"x": round(midden[0]), "y": round(midden[1]), "straal": round(straal),
                               "aantal": len(locaties)}, sleutel=("kaart", round(midden[0]), round(midden[1]), straal))
        wijken = scan.buurten_omgeving(midden[0], midden[1], straal)
    focus = focus_keuze("scan_focusgebieden")
    if leaflet_available():
        from streamlit_folium import st_folium

        kaartbeeld = scan_folium(locaties, kandidaat_ll, config.ringen, FASE_KLEUREN, wijken,
                                 center=rd_to_lonlat(*midden)[::-1])
        if focus:
            focus_folium(focus).add_to(kaartbeeld)
        klik = st_folium(kaartbeeld, height=520, width=None, key="scan_kaart", returned_objects=["last_clicked"])
        basemap_notice("de buurtgrenzen en locaties")  # water and roads: schematic
        punt = (klik or {}).get("last_clicked")
        if manier == "Klik op de kaart" and punt:
            xy = lonlat_to_rd(punt["lng"], punt["lat"])
            if not kandidaat_rd or abs(xy[0] - kandidaat_rd[0]) > 1 or abs(xy[1] - kandidaat_rd[1]) > 1:
                st.session_state[KEY] = (xy[0], xy[1], "kaart", "")
                st.rerun()
    else:
        st.warning("De kaartbibliotheek (Leaflet) is niet geïnstalleerd: draai ./scripts/setup. "
                   "Gebruik intussen een adres of coördinaten.")
    if focus:
        st.html(legend_html([legenda_item()]))
    st.caption("Cirkels: locaties, gekleurd naar fase (" + "; ".join(
        f"fase {c}: {f.naam}" for c, f in FASE_BY_CODE.items()) + "). Zwart-wit: de kandidaat. Blauw: de ringen.")
    st.caption(f"De kaart toont alleen wat de scan nodig heeft: de {len(locaties)} locaties en de buurtgrenzen binnen "
               f"{straal / 1000:g} km van {'de kandidaat' if kandidaat_rd else 'het midden van de kaart'}. "
               "Kies een kandidaat om de omgeving van die plek te zien.")

if not kandidaat_rd:
    st.info("Nog geen kandidaatlocatie gekozen.")
    st.stop()

kandidaat = Kandidaat(kandidaat_rd[0], kandidaat_rd[1], woonvormen[woonvorm], int(plaatsen), kandidaat_rd[2],
                      kandidaat_rd[3])
try:
    with st.spinner("Scan berekenen..."):
        res = scan.bereken(kandidaat, config)
except ValueError as exc:
    st.error(f"{exc}. Kies een andere plek.")
    st.stop()

inzage.vastleggen("draagkrachtscan", "scan voor een kandidaatlocatie (locaties op adresniveau in de ringen)",
                  {"x": round(kandidaat.x), "y": round(kandidaat.y), "woonvorm": kandidaat.woonvorm,
                   "plaatsen": kandidaat.plaatsen, "locaties": [n.code for n in res.nabij]},
                  sleutel=("scan", round(kandidaat.x), round(kandidaat.y), kandidaat.woonvorm, kandidaat.plaatsen,
                           config.ringen))
st.header(f"Scan voor {kandidaat.omschrijving or f'RD {kandidaat.x:.0f}, {kandidaat.y:.0f}'}")
st.write(f"Wijk **{res.buurt or 'onbekend'}** (Wijkprofiel: {res.wijkprofiel or 'onbekend'}), postcodegebied "
         f"{res.pc4 or 'onbekend'}; focusgebied: **{', '.join(res.focus()) or 'geen'}**.")
st.subheader("Voor en na toevoegen")
st.dataframe(pd.DataFrame([{"Straal": f"{r.straal} m", "Voorzieningen voor": r.voorzieningen,
                            "Voorzieningen na": r.voorzieningen_na, "Plaatsen voor": r.plaatsen,
                            "Plaatsen na": r.plaatsen_na} for r in res.ringen]), hide_index=True)
c1, c2, c3 = st.columns(3)
c1.metric("Plaatsen per 1.000 inwoners (voor)", res.per_1000(False) if res.inwoners else "onbekend")
c2.metric("Plaatsen per 1.000 inwoners (na)", res.per_1000(True) if res.inwoners else "onbekend")
c3.metric(f"Locaties in fase 2 of hoger binnen {max(config.ringen)} m", len(res.fase2))

st.subheader("Criteria")
st.dataframe(pd.DataFrame([{"Oordeel": f"{NIVEAU_SYMBOOL[b.niveau]} {b.niveau}: {b.label}", "Criterium": b.criterium,
                            "Waarde": b.waarde, "Norm": b.normtekst} for b in res.beoordelingen()]),
             hide_index=True, width="stretch")
st.caption("Oordeel in woorden en teken: ✔ binnen de norm (groen), ! let op (oranje), ✖ buiten de norm (rood), "
           "? geen gegevens. Normen zijn instelbaar (HKD_SCAN_NORMEN, zie README). "
           + herkomst.herkomst_zin("scan_normen", "scan_veerkracht"))

st.subheader(f"Locaties binnen {max(config.ringen)} m")
st.dataframe(pd.DataFrame([{"Code": n.code, "Naam": n.naam, "Aanbieder": n.aanbieder, "Woonvorm": n.woonvorm,
                            "Plaatsen": n.plaatsen, "Fase": n.fase, "Afstand (m)": round(n.afstand_m)}
                           for n in res.nabij]), hide_index=True, width="stretch")

st.subheader(f"Notities over {md_tekst(res.buurt or 'de wijk')} (MO, SO, DV)")
for note in res.notities:
    st.markdown(f"**{md_tekst(note.cluster)}**, {md_tekst(note.auteur)}, {note.geschreven_op:%d-%m-%Y}: "
                f"{md_tekst(note.tekst)}")
if not res.notities:
    st.caption("Nog geen notities over deze wijk.")
if res.buurt_code:
    with st.form("notitie", clear_on_submit=True):
        cluster = st.selectbox("Cluster", list(scan.CLUSTERS), format_func=lambda c: f"{c}: {scan.CLUSTERS[c]}")
        tekst = st.text_area("Notitie (wijkkennis; wordt met uw naam en de datum bewaard, niet te wijzigen)")
        if st.form_submit_button("Notitie toevoegen") and tekst.strip():
            scan.notitie_toevoegen(res.buurt_code, cluster, tekst)
            st.rerun()

downloads.knop("Download de scan als PDF", lambda: render_pdf(res, user.naam, nu()),
               f"draagkrachtscan_{nu():%Y%m%d_%H%M}.pdf", "application/pdf", type="primary")

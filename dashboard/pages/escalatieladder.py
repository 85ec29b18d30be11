"""Escalatieladder: every location's fase on a chosen date, on a map and in a table, with its history."""


from functools import partial

import streamlit as st

from core.domain import FASE_CODES, FASES, INVENTARISATIE_DATUM
from core.kalender import vandaag
from core.taal import aantal
from dashboard.kaart import maps, zoeken
from dashboard.kaart.focus import focus_keuze, legenda_item
from dashboard.kaart.kader import buiten_beeld_tekst
from dashboard.kaart.maps import focus_layer, legend_html
from dashboard.ladder import view as lv
from dashboard.toegang.auth import require_role
from dashboard.widgets import bron, downloads, selectie
from dashboard.widgets.paging import kies_pagina
from dashboard.widgets.tabel import DATUM, gekozen
from reports.veilig import csv_bytes

st.title("Escalatieladder")
require_role("hkd")

# one row of controls, then the map: the centre of the page, high on the meeting's big screen and on a laptop;
# the filters open over the map (a popover) instead of pushing it down, the counts and legend go under it
datum_kolom, zoek_kolom, filter_kolom = st.columns([1, 3, 1], vertical_alignment="bottom")
op = datum_kolom.date_input("Stand per datum", value=vandaag(), min_value=INVENTARISATIE_DATUM,
                            format="DD-MM-YYYY", key="ladder_datum",
                            help="Kaart, aantallen en checklist zoals ze op deze datum waren.")
with st.spinner("Stand laden..."):
    alle = lv.locaties_op(op)

actief = sum(1 for sleutel in lv.FILTER_SLEUTELS if st.session_state.get(sleutel))
with filter_kolom.popover(f"Filters ({actief})" if actief else "Filters", icon=":material/filter_list:",
                          width="stretch", key="ladder_filters",
                          help="Fase, woonvorm, aanbieder, gebied, open beheeracties en focusgebieden"):
    fase_keuze = st.multiselect("Fase", FASE_CODES, format_func=lv.fase_label, key="ladder_fase",
                                placeholder="Alle fasen")
    woonvorm_keuze = st.multiselect("Woonvorm", sorted(alle["woonvorm"].unique()), key="ladder_woonvorm",
                                    placeholder="Alle woonvormen")
    aanbieder_keuze = st.multiselect("Aanbieder", sorted(alle["aanbieder"].unique()), key="ladder_aanbieder",
                                     placeholder="Alle aanbieders")
    gebied_keuze = st.multiselect("Gebied of wijk", sorted(set(alle["gebied"].dropna()) | set(alle["buurt"].dropna())),
                                  key="ladder_gebied", placeholder="Alle gebieden en wijken")
    alleen_open = st.checkbox("Alleen met open beheeracties", key="ladder_open")
    focus = focus_keuze("ladder_focusgebieden")

lijst = gekozen(alle, {"fase": fase_keuze, "woonvorm": woonvorm_keuze, "aanbieder": aanbieder_keuze})
if gebied_keuze:
    lijst = lijst[lijst["gebied"].isin(gebied_keuze) | lijst["buurt"].isin(gebied_keuze)]
if alleen_open:
    lijst = lijst[lijst["open_acties"] > 0]
lijst = lijst.reset_index(drop=True)

with zoek_kolom:
    treffer = zoeken.zoekbalk("ladder", locaties=True)
extra_lagen = [*(zoeken.markering(treffer) or []), *([focus_layer(focus)] if focus else [])]
lv.log_overzichtskaart(lijst, op)
kaart = maps.show(lv.fase_deck(lijst, extra=extra_lagen or None,
                               bounds=treffer.bounds if treffer is not None else None, hoogte=620),
                  on_select="rerun", selection_mode="single-object", key="ladder_kaart")
buiten = buiten_beeld_tekst(lijst, per="gebied") if treffer is None else ""
st.caption(f"{len(lijst)} van {aantal(len(alle), 'locatie', 'locaties')} getoond · stand op {op:%d-%m-%Y}"
           + (f" · {buiten}" if buiten else ""))
st.html(lv.fase_legenda(kort=True) + (legend_html([legenda_item()], naast=True) if focus else ""))
telling = lijst["fase"].value_counts()
for col, fase in zip(st.columns(len(FASES)), FASES, strict=True):
    col.metric(f"{fase.symbool} Fase {fase.code}", int(telling.get(fase.code, 0)), help=f"{fase.naam}: {fase.betekenis}")
bron.toon((bron.REGISTER, bron.GRENZEN), "fasen", "inventarisatie", "kaartlagen")

tabel = lijst.assign(fase_tekst=lijst["fase"].map(lv.fase_label), acties=lv.open_acties_kolom(lijst))
st.markdown("Klik een regel of een stip op de kaart voor de geschiedenis van die locatie.")
begin, eind = kies_pagina(len(tabel), lv.TABEL_PAGINA, "ladder_pagina", "locaties")
keuze = st.dataframe(
    tabel.iloc[begin:eind][
        ["code", "naam", "aanbieder", "woonvorm", "plaatsen", "buurt", "fase_tekst", "fase_sinds", "acties"]].rename(
        columns={"code": "Code", "naam": "Locatie", "aanbieder": "Aanbieder", "woonvorm": "Woonvorm",
                 "plaatsen": "Plaatsen", "buurt": "Wijk", "fase_tekst": "Fase", "fase_sinds": "Fase sinds",
                 "acties": "Open beheeracties"}),
    hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row", key="ladder_tabel",
    column_config={"Fase sinds": st.column_config.DateColumn(format=DATUM)},
)
downloads.knop("Download lijst als CSV", partial(csv_bytes, lv.export_tabel(tabel), bron.actueel(bron.REGISTER)),
               f"hkd_escalatieladder_{op:%Y%m%d}.csv", "text/csv")  # made on the click

# one selection from the table, a click on the map or a search, carried in the URL (?locatie=CODE) for a shared link
uit_tabel = str(lijst.iloc[begin + keuze.selection.rows[0]]["code"]) if keuze and keuze.selection.rows else None
uit_kaart = (str(kaart.selection.objects[lv.KAART_LAAG][0]["code"])
             if kaart and kaart.selection.objects.get(lv.KAART_LAAG) else None)
gezocht = treffer.code if treffer is not None and treffer.soort == "locatie" else None
gekozen_code = selectie.kies("locatie", {"tabel": uit_tabel, "kaart": uit_kaart, "zoek": gezocht},
                            set(alle["code"]), "locatie", kaart="ladder")
gekozen_id = int(alle.loc[alle["code"] == gekozen_code, "id"].iloc[0]) if gekozen_code else None
if gekozen_id is None:
    codes = dict(zip(alle["code"] + " " + alle["naam"], alle["id"], strict=True))
    naam = st.selectbox("Of kies een locatie", list(codes), index=None, placeholder="Kies een locatie",
                        key="ladder_locatie")
    gekozen_id = codes.get(naam) if naam else None
if gekozen_id is not None:
    lv.detail(alle[alle["id"] == gekozen_id].iloc[0], op)

st.divider()
st.subheader("Voortgang van de inventarisatie")
lv.voortgang(op)

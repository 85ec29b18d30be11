"""Escalatieladder UI pieces shared by the ladder and the meeting page: data, the fase map, legend, detail panel."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

from core.domain import (
    BEHEERCOMMISSIE,
    BEHEERCONVENANT,
    BEHEERSAFSPRAAK_SOORTEN,
    FASE_BY_CODE,
    FASE_KLEUREN,
    FASES,
    INVENTARISATIE_DATUM,
    WOONVORM_NAMEN,
    WOONVORM_TERMIJNEN,
)
from dashboard import db, inzage
from dashboard.kaart.maps import deck, gebied_namen, laag, legend_html, outline_layer, tekst_tooltip
from dashboard.ladder import afspraken as afspraken_form
from dashboard.widgets.grafiek import datum_as
from dashboard.widgets.tabel import datums_als_tekst
from geo import herkomst
from geo.view import Bounds
from queries import fasen, monitoring
from queries.kaart import feature_collection, outline
from reports.veilig import md_tekst

GEEN_FASE_KLEUR = (153, 153, 153)
# the convenant's term per woonvorm, by the name the location list carries
TERMIJN_BY_NAAM = {WOONVORM_NAMEN[c]: t for c, t in WOONVORM_TERMIJNEN.items()}
KAART_LAAG = "locaties"


def locaties_op(op: date) -> pd.DataFrame:
    """All locations on ``op`` with fase, beheer-status and open actions (cached per role, cleared after writes)."""
    return db.run_cached(fasen.locaties_kaart, op, ttl="kort")


MAX_OMTREKKEN = 60
"""At most this many gebied outlines on the map; beyond that only the gemeente outline (national scale)."""
FILTER_SLEUTELS = ("ladder_fase", "ladder_woonvorm", "ladder_aanbieder", "ladder_gebied", "ladder_open",
                   "ladder_focusgebieden")
"""The Escalatieladder's filters (widget keys): their number in use is written on the button that opens them."""
TABEL_PAGINA = 500
"""Rows per page of the escalatieladder table (the CSV download always holds every row)."""


def gebied_omtrek(frame: pd.DataFrame) -> dict:
    """Outlines for orientation: the gebieden of the locations in ``frame`` when few, else the gemeente outline."""
    codes = tuple(sorted(frame["gebied_code"].dropna().unique())) if "gebied_code" in frame else ()
    if 0 < len(codes) <= MAX_OMTREKKEN:
        return feature_collection(db.run_cached(fasen.gebied_omtrekken, codes))
    return feature_collection(db.run_cached(outline, "gemeente"))


def wis_cache() -> None:
    """Forget cached stands after a write, so every page shows the new entry at once."""
    st.cache_data.clear()


def fase_label(code: str | None) -> str:
    """Short text for a fase: symbol, code and name (meaning never by colour alone)."""
    if not code or code not in FASE_BY_CODE:
        return "– geen fase"
    f = FASE_BY_CODE[code]
    return f"{f.symbool} Fase {f.code}: {f.naam}"


FOCUS_BREEDTE_PX = 560
"""The Overleg map of one location sits in a column beside its checklist: its first view is fitted to this width."""
FOCUS_OMGEVING_M = 900
"""The Overleg map of one location shows this many metres around it (streets and neighbours, not the city)."""


def fase_deck(frame: pd.DataFrame, focus: pd.Series | None = None, hoogte_zoom: float = 14.0,
              hoogte: int = 560, *, extra: list[pdk.Layer] | None = None, bounds: Bounds | None = None,
              breedte: int | None = None) -> pdk.Deck:
    """Dots coloured by fase with the fase code printed on them; ``focus`` zooms to and rings one location;
    ``extra`` layers (focus-area outlines, search markers) are drawn between the area outlines and the dots.

    The first view is fitted (all dots, or :data:`FOCUS_OMGEVING_M` around ``focus``) for a map ``hoogte`` pixels
    high; ``hoogte_zoom`` is no longer used (kept for callers)."""
    # compact payload: only the columns the dots, labels and tooltip use, points rounded to about a metre
    fase = frame["fase"].fillna("")
    punten = frame[["lon", "lat"]].round(5)
    data = punten.assign(
        # the tooltip is text (innerText): values exactly as typed, a missing one blank
        id=frame["id"], code=frame["code"].fillna(""), naam=frame["naam"].fillna(""),
        aanbieder=frame["aanbieder"].fillna(""), woonvorm=frame["woonvorm"].fillna(""),
        fase_naam=fase.map(fase_label),
        kleur=fase.map(lambda f: [*FASE_KLEUREN.get(f, GEEN_FASE_KLEUR), 235]),
    )
    labels = punten.assign(label=fase.replace("", "-"))
    layers = [
        outline_layer(gebied_omtrek(frame), "gebieden"),
        *(extra or []),
        laag("ScatterplotLayer", data, id=KAART_LAAG, get_position=["lon", "lat"], get_fill_color="kleur",
                  get_line_color=[30, 30, 30, 255], stroked=True, line_width_min_pixels=1, get_radius=90,
                  radius_min_pixels=9, radius_max_pixels=30, pickable=True),
        laag("TextLayer", labels, id="fase_labels", get_position=["lon", "lat"], get_text="label", get_size=13,
                  get_color=[0, 0, 0, 255], font_weight=700, get_text_anchor="'middle'",
                  get_alignment_baseline="'center'", pickable=False),
    ]
    if focus is not None:
        ring = pd.DataFrame([{"lon": focus["lon"], "lat": focus["lat"]}])
        layers.append(laag("ScatterplotLayer", ring, id="focus", get_position=["lon", "lat"], filled=False,
                                stroked=True, get_line_color=[0, 0, 0, 255], line_width_min_pixels=4,
                                get_radius=60, radius_min_pixels=22))
        # the surroundings of one location: about a kilometre around it, whatever else the frame holds
        bounds = Bounds(float(focus["lon"]), float(focus["lat"]), float(focus["lon"]), float(focus["lat"])).padded(
            FOCUS_OMGEVING_M)
    tooltip = tekst_tooltip("{code} {naam}\n{fase_naam}\n{woonvorm}, {aanbieder}")
    return deck(layers, tooltip=tooltip, labels=gebied_namen(), bounds=bounds, height=hoogte, breedte=breedte)


def log_overzichtskaart(frame: pd.DataFrame, op: date) -> None:
    """One inzage entry for the overview map (every shown location as a point at its address), once per visit
    and per set of shown locations: a filter or a date that shows other locations is a new view."""
    codes = tuple(sorted(frame["code"].astype(str)))
    if codes:
        inzage.vastleggen("escalatieladder", f"overzichtskaart met {len(codes)} locaties op adresniveau",
                          {"stand_op": op.isoformat(), "aantal": len(codes), "locaties": list(codes)},
                          sleutel=("kaart", op, codes))


def fase_legenda(kort: bool = False) -> str:
    """Legend naming every fase with its symbol, code shown on the dot, and meaning; ``kort``: side by side under
    a full-width map, without the meaning (each fase's metric above the map explains it in its help)."""
    items = [(FASE_KLEUREN[f.code], f"<b>{f.symbool} {f.code}</b> {f.naam}" +
              ("" if kort else f": <small>{f.betekenis}</small>")) for f in FASES]
    items.append((GEEN_FASE_KLEUR, "<b>-</b> nog geen fase vastgesteld"))
    return legend_html(items, naast=kort) + "<p><small>Het cijfer op elke stip is de fase.</small></p>"


def open_acties_kolom(frame: pd.DataFrame) -> pd.Series:
    """:func:`open_acties_tekst` for every row of ``frame`` at once (vectorised, for large lists)."""
    delen = [frame[kolom].fillna(False).astype(bool).map({True: tekst + ", ", False: ""})
             for kolom, tekst in (("actie_commissie", "beheercommissie"), ("actie_convenant", "convenant"),
                                  ("actie_meldingenregister", "meldingenregister"))]
    tekst = (delen[0] + delen[1] + delen[2]).str.removesuffix(", ")
    return tekst.where(tekst != "", "geen")


# The list as a CSV: Dutch headers, in this order (the frame's own codes never reach the file).
EXPORT_KOLOMMEN = {
    "code": "Code", "naam": "Locatie", "aanbieder": "Aanbieder", "aanbieder_code": "Code aanbieder",
    "woonvorm": "Woonvorm", "doelgroep": "Doelgroep", "plaatsen": "Plaatsen", "straat": "Straat",
    "huisnummer": "Huisnummer", "postcode": "Postcode", "pc4": "Postcodegebied", "buurt": "Wijk",
    "buurt_code": "Code wijk (CBS-buurt)", "gebied": "Gebied", "gebied_code": "Code gebied (CBS-wijk)",
    "wijkprofiel_wijk": "Wijkprofiel-wijk", "wijkprofiel_code": "Code Wijkprofiel-wijk", "fase_tekst": "Fase",
    "fase_sinds": "Fase sinds", "beheercommissie": "Beheercommissie", "beheerconvenant": "Beheerconvenant",
    "convenant_datum": "Convenant van", "meldingenregister": "Meldingenregister", "acties": "Open beheeracties",
    "lon": "Lengtegraad (WGS84)", "lat": "Breedtegraad (WGS84)",
}


def export_tabel(tabel: pd.DataFrame) -> pd.DataFrame:
    """The Escalatieladder's list as it is downloaded: the columns of :data:`EXPORT_KOLOMMEN` that ``tabel`` has,
    statuses in words."""
    uit = tabel[[k for k in EXPORT_KOLOMMEN if k in tabel.columns]].copy()
    if "beheercommissie" in uit:
        uit["beheercommissie"] = uit["beheercommissie"].map(BEHEERCOMMISSIE).fillna("onbekend")
    if "beheerconvenant" in uit:
        uit["beheerconvenant"] = uit["beheerconvenant"].map(BEHEERCONVENANT).fillna("onbekend")
    if "meldingenregister" in uit:
        uit["meldingenregister"] = uit["meldingenregister"].map({True: "ja", False: "nee"}).fillna("onbekend")
    return uit.rename(columns=EXPORT_KOLOMMEN)


def checklist(row: pd.Series) -> None:
    """The beheersafspraken of one location as a checklist (icon plus words, not colour alone)."""
    def regel(ok: bool, tekst: str) -> None:
        # Material icons ship with Streamlit (emoji fonts may be missing); the words carry the meaning
        icoon = ":material/check_circle:" if ok else ":material/error:"
        st.markdown(f"{icoon} {tekst} — {'in orde' if ok else '**actie open**'}")

    commissie = BEHEERCOMMISSIE.get(row["beheercommissie"], "onbekend") if row["beheercommissie"] else "onbekend"
    regel(not row["actie_commissie"], f"Beheercommissie: {commissie.lower()}")
    convenant = BEHEERCONVENANT.get(row["beheerconvenant"], "onbekend") if row["beheerconvenant"] else "onbekend"
    sinds = f" (sinds {row['convenant_datum']:%d-%m-%Y})" if pd.notna(row["convenant_datum"]) else ""
    regel(not row["actie_convenant"], f"Beheerconvenant: {convenant.lower()}{sinds}")
    regel(not row["actie_meldingenregister"],
          "Meldingenregister: " + ("bijgehouden" if row["meldingenregister"] else "niet bijgehouden"))


def afspraken(row: pd.Series, op: date) -> None:
    """The three kinds of beheersafspraken of the convenant for one location on ``op`` (icon plus words)."""
    sinds = db.run_query(monitoring.beheersafspraken_op, int(row["id"]), op)
    for soort, naam in BEHEERSAFSPRAAK_SOORTEN.items():
        if soort == "partijen":
            ok = bool(row["beheerconvenant"]) and row["beheerconvenant"] != "afwezig"  # an agreement exists
            stand = BEHEERCONVENANT.get(row["beheerconvenant"], "onbekend").lower() if row["beheerconvenant"] \
                else "onbekend"
        else:
            ok = soort in sinds
            stand = f"vastgelegd sinds {sinds[soort]:%d-%m-%Y}" if ok else "niet vastgelegd"
        icoon = ":material/check_circle:" if ok else ":material/error:"
        st.markdown(f"{icoon} {naam}: {stand}")
    st.caption(herkomst.herkomst_zin("beheersafspraken"))


def tijdlijn_tabel(tijdlijn: pd.DataFrame) -> pd.DataFrame:
    """The fase decisions as a Dutch table, corrections marked both ways."""
    def opmerking(r) -> str:
        if pd.notna(r.corrigeert_id):
            return f"correctie van besluit {int(r.corrigeert_id)}"
        if pd.notna(r.gecorrigeerd_door_id):
            return f"gecorrigeerd door besluit {int(r.gecorrigeerd_door_id)}"
        return ""
    return pd.DataFrame({
        "Besluit": tijdlijn["id"], "Ingangsdatum": tijdlijn["ingangsdatum"],
        "Fase": [fase_label(f) for f in tijdlijn["fase"]], "Reden": tijdlijn["reden"],
        "Overleg": tijdlijn["overleg_datum"], "Vastgelegd door": tijdlijn["vastgelegd_door"],
        "Correctie": [opmerking(r) for r in tijdlijn.itertuples()],
    })


def detail(row: pd.Series, op: date) -> None:
    """Everything about one location on ``op``: facts, checklist, Wijkprofiel context, fase timeline."""
    st.subheader(f"{row['code']} {md_tekst(row['naam'])}")
    inzage.vastleggen("escalatieladder", f"locatie {row['code']} (adres, geschiedenis)",
                      {"locatie_id": int(row["id"]), "stand_op": op.isoformat()}, sleutel=row["code"])
    links, midden, rechts = st.columns(3)
    with links:
        st.markdown(f"**{fase_label(row['fase'])}**" + (f" sinds {row['fase_sinds']:%d-%m-%Y}"
                                                       if pd.notna(row["fase_sinds"]) else ""))
        t = {k: md_tekst(row[k] or "-") for k in ("woonvorm", "doelgroep", "aanbieder", "straat", "huisnummer",
                                                   "postcode", "buurt", "gebied")}
        termijn = TERMIJN_BY_NAAM.get(row["woonvorm"])
        st.markdown(f"Woonvorm: {t['woonvorm']}" + (f" ({termijn.tekst.lower()}, convenant)" if termijn else "")
                    + f"  \nDoelgroep: {t['doelgroep']}  \nPlaatsen: {row['plaatsen']}  \n"
                    f"Aanbieder: {t['aanbieder']}  \nAdres: {t['straat']} {t['huisnummer']}, {t['postcode']}  \n"
                    f"Wijk: {t['buurt']} · gebied {t['gebied']}")
    with midden:
        st.markdown("**Inventarisatie**")
        checklist(row)
        st.markdown("**Beheersafspraken (drie soorten)**")
        afspraken(row, op)
    with rechts:
        indices = db.run_query(fasen.wijkprofiel_indices, row["wijkprofiel_code"], op.year)
        st.markdown(f"**Wijkprofiel {md_tekst(row['wijkprofiel_wijk'] or '')}**")
        if indices.empty:
            st.caption("Geen Wijkprofiel-cijfers geladen voor deze wijk.")
        for r in indices.itertuples():
            naam = r.indicator.removeprefix("wijkprofiel_").capitalize()
            st.markdown(f"{naam}: **{r.waarde:.0f}** ({r.jaar}; 100 = Rotterdam 2014)")
    st.markdown("**Fasegeschiedenis**")
    # a plain table (not the canvas grid): few rows, readable on the big screen and by screen readers
    tabel = datums_als_tekst(tijdlijn_tabel(db.run_query(fasen.fase_tijdlijn, int(row["id"]), op)))
    for kolom in ("Reden", "Vastgelegd door"):  # st.table renders markdown: typed text is shown literally
        tabel[kolom] = tabel[kolom].map(md_tekst)
    st.table(tabel, hide_index=True)
    with st.expander("Beheersafspraken: vastleggen en geschiedenis"):
        afspraken_form.formulier(int(row["id"]), row["code"])
        afspraken_form.historie(int(row["id"]))
    with st.expander("Voor- en nameting leefbaarheid"):
        from dashboard.meldingen import (
            view as meldingen_view,  # issue 13: meldingen and indicators around a reference date
        )

        meldingen_view.voor_na_sectie(int(row["id"]), row["code"],
                                      row["fase_sinds"] if pd.notna(row["fase_sinds"]) else None, "ladder")


def voortgang(op: date) -> None:
    """The inventory's three actions as done/open over time: numbers and a line chart."""
    data = db.run_query(fasen.inventaris_voortgang, INVENTARISATIE_DATUM, op)
    if data.empty:
        st.info("Nog geen inventarisatie vastgelegd op deze datum.")
        return
    laatst = data.iloc[-1]
    acties = (("verscherpt", "Verscherpt regime ingesteld"), ("commissies", "Beheercommissies (opnieuw) gestart"),
              ("convenanten", "Beheerconvenanten geactualiseerd"))
    from dashboard.meldingen import view as meldingen_view  # issue 13: progress against the plan, not only in total

    if tegen_plan := meldingen_view.planning_tegen_stand(op):
        st.markdown(tegen_plan)
    fig = go.Figure()
    for (sleutel, titel), kolom in zip(acties, st.columns(3), strict=True):
        gedaan, totaal = int(laatst[f"{sleutel}_gedaan"]), int(laatst[f"{sleutel}_totaal"])
        kolom.markdown(f"**{titel}**  \n{gedaan} van {totaal} gedaan, {totaal - gedaan} open")
        kolom.progress(gedaan / totaal if totaal else 1.0)
        fig.add_trace(go.Scatter(x=data["datum"], y=data[f"{sleutel}_gedaan"], mode="lines+markers",
                                 line_shape="hv", name=f"{titel} (van {totaal})"))
    fig.update_layout(height=320, margin={"l": 10, "r": 10, "t": 30, "b": 10}, yaxis_title="gedaan",
                      legend={"orientation": "h", "y": -0.2}, title="Acties uit de inventarisatie, gedaan in de tijd")
    st.plotly_chart(datum_as(fig, data["datum"]), width="stretch")

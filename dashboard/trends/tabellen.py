"""Wijktrends weergave "Tabellen": Tabel 4-1, 4-2 and 4-3 derived from the data, each with its rule above it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.trends import bronnen
from dashboard.trends import indicatoren as views
from dashboard.trends.corporatie import bezit_jaar
from dashboard.trends.keuzes import Keuzes
from geo import herkomst, vierkanten
from geo import kaarten4 as k4
from geo import trends as tr
from geo import veerkracht as vk

KOLOMMEN = ["gebied_code", "gebied", "focus", "index_nl", "klasse_nr", "klasse_naam", "opmerkingen",
            "corporaties", "kwetsbaar_van", "kwetsbaar_tot", "overlast_van", "overlast_tot", "overlast_z"]
DEEL = ["deel_vierkanten"]  # Tabel 4-2/4-3: the share of the buurt's squares in the table's class


def _corporaties(niveau: str, tot: int) -> pd.Series:
    """The dominant corporation with its share of the addresses per area (Kaart 4-1), as the report's tables have;
    "geen corporatiebezit" where a loaded year has none; empty when no corporatiebezit is loaded."""
    jaar = bezit_jaar(views.bezit_jaren(niveau), tot)
    if jaar is None:
        return pd.Series(dtype=object)
    dom = views.dominante_corporatie(niveau, jaar)
    tekst = pd.Series([f"{r.corporatie} ({r.aandeel:.0f} %)" if pd.notna(r.aandeel) else r.corporatie
                       for r in dom.itertuples()], index=dom["gebied_code"], dtype=object)
    alle = views.vlakken(niveau)["code"]
    return tekst.reindex(alle).fillna("geen corporatiebezit").set_axis(alle)


def _vierkanten(k: Keuzes) -> pd.DataFrame:
    """Kaart 4-8 per CBS 100 m square of the buurten in the analysis area (empty on other levels or without
    squares): ``vierkant, buurt_code, klasse``."""
    if k.niveau != "buurt":
        return pd.DataFrame(columns=["vierkant", "buurt_code", "klasse"])
    periode = views.vierkanten_periode(k.kw_ind, k.ov_ind, k.van, k.tot)
    periode = periode[periode["buurt_code"].isin(k.namen)]
    return vierkanten.klassen(periode, k.klassen["overlast_van"], drempels=k.drempels,
                              kwetsbaar_indicator=k.kw_ind, overlast_indicator=k.ov_ind)


def _tabel(lijsten: pd.DataFrame, per_vierkant: pd.DataFrame, klasse: str, aandeel: float | None) -> pd.DataFrame:
    """The rows of Tabel 4-2 or 4-3 by the page rule (geo.vierkanten.tabelrijen); a part is named with the buurt."""
    rijen = vierkanten.tabelrijen(lijsten.set_index("gebied_code")["klasse"], per_vierkant, klasse, aandeel)
    naam = {r.gebied_code: r for r in rijen}
    uit = lijsten[lijsten["gebied_code"].isin(naam)]
    return uit.assign(gebied=[naam[c].naam(g) for c, g in zip(uit["gebied_code"], uit["gebied"], strict=True)],
                      deel_vierkanten=[None if naam[c].deel is None else round(naam[c].deel * 100)
                                       for c in uit["gebied_code"]])


def toon(k: Keuzes) -> None:
    """The three tables, sorted by name, with the focus programmes and remarks; a click selects the area."""
    niveau, van, tot = k.niveau, k.van, k.tot
    regels = k4.uitleg()
    uitvoer = views.kaart48_tabel(k.klassen, k.namen)
    kw = views.reeks(niveau, k.kw_ind)
    kw = kw[kw["gebied_code"].isin(k.namen)]  # the analysis area
    nl = views.referentie(k.kw_ind)
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
                             corporaties=uitvoer["gebied_code"].map(_corporaties(niveau, tot)).fillna("geen gegevens"))
    bronnen.toon(niveau, k.kw_ind, k.ov_ind, "inwoners")
    per_vierkant = _vierkanten(k)
    gemeten = int((per_vierkant["klasse"] != "geen_gegevens").sum())
    delen = (f" {herkomst.REGEL['tabel_4_2_4_3'].omschrijving} Vierkanten met eigen waarden: {len(per_vierkant)} in "
             f"{per_vierkant['buurt_code'].nunique()} buurten, waarvan {gemeten} met een klasse (de andere "
             "achtergehouden of onvolledig)." if not per_vierkant.empty else "")
    for titel, code, rijen, key in (
        (f"Tabel 4-1: hoge concentratie kwetsbare groepen ({tot})", "4-1t", lijsten[lijsten["hoog"]],
         "wijktrends_tabel_41"),
        (f"Tabel 4-2: toename kwetsbare groepen én overlast, waar die al hoog was ({van}-{tot})", "4-2t",
         _tabel(lijsten, per_vierkant, "donkerrood", vierkanten.AANDEEL_TABEL_4_2), "wijktrends_tabel_42"),
        (f"Tabel 4-3: toename kwetsbare groepen maar minder overlast, waar die hoog was ({van}-{tot})",
         "4-3t", _tabel(lijsten, per_vierkant, "donkergroen", None), "wijktrends_tabel_43"),
    ):
        regel = regels[code] + (delen if code != "4-1t" else "")
        st.subheader(titel)
        st.caption(f"Regel: {regel} {len(rijen)} gebieden; focusgebieden gemarkeerd (NPRZ: {', '.join(vk.NPRZ)}; "
                   f"RGW: {', '.join(vk.RGW)}).")
        bronnen.regel(*herkomst.FIGUUR_REGELS[code])
        rijen = rijen.sort_values("gebied")
        views.tabel(rijen[KOLOMMEN + (DEEL if code != "4-1t" else [])], rijen["gebied_code"], key, f"hkd_{key.removeprefix('wijktrends_')}.csv",
                    k.gekozen, bronnen.csv_bron(niveau, k.kw_ind, k.ov_ind, regels=herkomst.FIGUUR_REGELS[code]))

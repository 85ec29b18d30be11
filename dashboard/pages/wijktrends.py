"""Wijktrends: the Veerkracht analysis (Kaart 4-8, Tabel 4-1/4-2, Figuur 3-x) as living maps and charts.

The page is thin: the shared choices come from :mod:`dashboard.trends.keuzes`, and each weergave is its own module
``dashboard/trends_<weergave>_view.py`` with a ``toon(keuzes)`` function.
"""

import streamlit as st

from dashboard.trends import kaart48 as trends_kaart48_view
from dashboard.trends import kaarten as trends_kaarten_view
from dashboard.trends import keuzes as trends_keuzes
from dashboard.trends import lijnen as trends_lijnen_view
from dashboard.trends import raster as trends_raster_view
from dashboard.trends import tabellen as trends_tabellen_view

st.title("Wijktrends")
st.write("Hoe ontwikkelden kwetsbare groepen zich ten opzichte van overlast en onveiligheid, per wijk? De analyse "
         "van *Veerkracht in Rotterdam* (2012-2018), doorgetrokken met elk nieuw jaar dat geladen wordt.")

keuzes = trends_keuzes.kies()

# One view at a time: only the chosen view is computed and sent (st.tabs would render every map, chart and table).
WEERGAVEN = {
    "kaart48": ("Kaart 4-8: ontwikkeling samen", trends_kaart48_view.toon),
    "kaarten": ("Kaart 4-3 tot 4-7", trends_kaarten_view.toon),
    "lijnen": ("Door de jaren (Figuur 3-x)", trends_lijnen_view.toon),
    "tabellen": ("Tabel 4-1, 4-2 en 4-3", trends_tabellen_view.toon),
    "raster": ("Raster 100 m", trends_raster_view.toon),
}
weergave = st.segmented_control("Weergave", list(WEERGAVEN), format_func=lambda w: WEERGAVEN[w][0],
                                default="kaart48", required=True, key="wijktrends_weergave") or "kaart48"
WEERGAVEN[weergave][1](keuzes)

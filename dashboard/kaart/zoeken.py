"""The search box on every map: postcode (PC4, PC6 + huisnummer), address, wijk/buurt name and, for the signed-in
layers, location code or name. It zooms the map to the result and highlights it.

Areas are searched locally (the public view ``publiek.indicator_gebieden``: works offline). Locations are searched
only when the page allows it (``locaties=True``, never on the public map) and the database still limits a provider to
its own rows. Addresses come from the PDOK Locatieserver when ``HKD_GEOCODER_URL`` is set.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pydeck as pdk
import streamlit as st

from clients.geocoder import GeocoderUnavailable, zoek
from core.settings import get_settings
from core.taal import aantal
from dashboard import db
from dashboard.kaart.maps import laag
from geo.search import Zoekvraag, lees
from geo.view import Bounds
from queries import zoeken
from reports.veilig import md_tekst

NIVEAU_NAAM = {"pc4": "postcodegebied", "gebied": "gebied", "wijkprofiel": "wijk (Wijkprofiel)", "buurt": "wijk/buurt"}
PUNT_OMGEVING_M = 250
"""A found point (location, address) is shown with this many metres around it."""


@dataclass(frozen=True)
class Treffer:
    """One search result: what it is, how it is listed, where the map goes and what it highlights."""

    soort: str  # "gebied", "locatie" or "adres"
    label: str
    bounds: Bounds
    geometry: str | None = None  # GeoJSON text of an area
    punt: tuple[float, float] | None = None  # lon, lat of a location or address
    locatie_id: int | None = None
    code: str | None = None


def _gebied_treffers(vraag: Zoekvraag) -> list[Treffer]:
    rows = db.run_cached(zoeken.gebieden, vraag)
    treffers = []
    for r in rows.itertuples():
        label = f"{NIVEAU_NAAM.get(r.niveau, r.niveau).capitalize()} {r.code}" if r.niveau == "pc4" else \
            f"{r.naam} ({NIVEAU_NAAM.get(r.niveau, r.niveau)})"
        if vraag.soort == "pc6" and r.niveau == "pc4":
            label = f"Postcode {vraag.pc6}{' ' + vraag.huisnummer if vraag.huisnummer else ''} ligt in " \
                    f"postcodegebied {r.code}"
        treffers.append(Treffer("gebied", label, Bounds(r.min_lon, r.min_lat, r.max_lon, r.max_lat),
                                geometry=r.geometry, code=r.code))
    return treffers


def _locatie_treffers(vraag: Zoekvraag) -> list[Treffer]:
    rows = db.run_query(zoeken.locaties, vraag)
    return [Treffer("locatie", f"Locatie {r.code} {r.naam}",
                    Bounds(r.lon, r.lat, r.lon, r.lat).padded(PUNT_OMGEVING_M), punt=(r.lon, r.lat),
                    locatie_id=int(r.id), code=r.code) for r in rows.itertuples()]


@st.cache_data(ttl=600, max_entries=200, show_spinner=False)
def _adressen(tekst: str, url: str) -> list[tuple[str, str, float, float]]:
    return [(s.soort, s.weergavenaam, s.lon, s.lat) for s in zoek(tekst, base_url=url)]


def _adres_treffers(vraag: Zoekvraag) -> tuple[list[Treffer], bool]:
    url = get_settings().geocoder_url.strip()
    if not url:
        return [], True
    try:
        found = _adressen(vraag.tekst, url)
    except GeocoderUnavailable:
        return [], False
    return [Treffer("adres", f"{naam} ({soort})", Bounds(lon, lat, lon, lat).padded(PUNT_OMGEVING_M),
                    punt=(lon, lat)) for soort, naam, lon, lat in found], True


def zoek_treffers(vraag: Zoekvraag, locaties: bool) -> tuple[list[Treffer], bool]:
    """Every result for ``vraag`` (locations first when allowed, then areas, then addresses) and whether the
    address search (when configured) answered."""
    treffers = _locatie_treffers(vraag) if locaties else []
    treffers += _gebied_treffers(vraag)
    adressen, bereikbaar = _adres_treffers(vraag) if vraag.soort != "pc4" else ([], True)
    return treffers + adressen, bereikbaar


def zoekbalk(key: str, locaties: bool = False, voorkeur: frozenset[str] | set[str] = frozenset()) -> Treffer | None:
    """The search box above a map; returns the chosen result (the first by default) or ``None``.

    ``locaties`` lets the signed-in layers find locations by code, name or postcode + huisnummer; the public map
    passes ``False`` and searches areas (and addresses) only. Results whose code is in ``voorkeur`` (the areas the
    map draws) are listed first."""
    wat = "postcode, adres, wijk of buurt" + (", locatiecode of -naam" if locaties else "")
    tekst = st.text_input("Zoek op de kaart", key=f"{key}_zoek", placeholder="Bijvoorbeeld 3072, 3011AB 12 of Feijenoord",
                          help=f"Zoek een {wat}; de kaart zoomt erheen en omlijnt het resultaat.")
    vraag = lees(tekst)
    if vraag is None:
        return None
    treffers, bereikbaar = zoek_treffers(vraag, locaties)
    treffers.sort(key=lambda t: t.code not in voorkeur)  # stable: otherwise the order of relevance
    if not bereikbaar:
        st.caption("De adreszoeker is niet bereikbaar; gezocht in de geladen gebieden"
                   + (" en locaties." if locaties else "."))
    if not treffers:
        st.caption(f"Niets gevonden voor “{md_tekst(vraag.tekst)}”. Zoek op een {wat}.")
        return None
    if len(treffers) == 1:
        st.caption(f"Gevonden: {md_tekst(treffers[0].label)}")
        return treffers[0]
    keuze = st.selectbox(f"{aantal(len(treffers), 'resultaat', 'resultaten')}", range(len(treffers)), key=f"{key}_keuze",
                         format_func=lambda i: treffers[i].label)
    return treffers[keuze if keuze is not None else 0]


def markering(treffer: Treffer | None) -> list[pdk.Layer]:
    """The highlight of a result: a thick dark outline around an area, a ring around a point."""
    if treffer is None:
        return []
    if treffer.geometry:
        feature = {"type": "Feature", "geometry": json.loads(treffer.geometry), "properties": {}}
        return [laag("GeoJsonLayer", {"type": "FeatureCollection", "features": [feature]}, id="zoekresultaat",
                          stroked=True, filled=False, get_line_color=[0, 0, 0, 255], line_width_min_pixels=4,
                          pickable=False)]
    if treffer.punt:
        return [laag("ScatterplotLayer", [{"lon": treffer.punt[0], "lat": treffer.punt[1]}],
                          id="zoekresultaat", get_position=["lon", "lat"], filled=False, stroked=True,
                          get_line_color=[0, 0, 0, 255], line_width_min_pixels=4, get_radius=40,
                          radius_min_pixels=18, pickable=False)]
    return []

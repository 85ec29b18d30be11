"""Every pydeck map of every map page, walked as HKD in the real app: each tooltip is a text tooltip.

Streamlit and deck.gl set a text tooltip with ``innerText`` in every version, so its values are sent as typed and
shown as typed. An ``"html"`` tooltip would interpret markup in older Streamlit and escape every value itself in
newer (streamlit/streamlit#15820): pre-escaped values showed ``&#x27;`` and ``&amp;``. None may slip back in."""

from __future__ import annotations

import json
import re
from pathlib import Path

from sqlalchemy import text

from dashboard.toegang.auth import User
from dashboard.trends.kaarten import KAARTEN
from queries import initiatieven as q
from queries.lagen import as_layer

HKD = User("beleid", "hkd")
ALFA = User("alfa", "aanbieder", "alfa")
NAAM = "Huis 't Anker & Co"


def _text_tooltips(at, waar: str) -> list[dict]:
    """The tooltip of every pydeck chart on the page, each asserted to be a text tooltip; at least one chart."""
    charts = at.get("deck_gl_json_chart")
    assert not at.exception, f"{waar}: {at.exception}"
    assert charts, f"{waar}: no pydeck map"
    tooltips = [json.loads(c.proto.tooltip) if c.proto.tooltip else None for c in charts]
    for tooltip in tooltips:
        assert tooltip and set(tooltip) == {"text", "style"}, f"{waar}: {tooltip}"
        assert "<br" not in tooltip["text"] and "<b>" not in tooltip["text"], f"{waar}: {tooltip}"
    return tooltips


def _wijktrends(at):
    """Every map of Wijktrends: Kaart 4-8, each of Kaart 3-1 to 4-7 and 4-1 (also on the grid), the overlay, the
    100 m grid (level and development)."""
    yield "Kaart 4-8"
    at.segmented_control(key="wijktrends_weergave").set_value("kaarten").run()
    for nr in KAARTEN:
        at.radio(key="wijktrends_kaartnr").set_value(nr).run()
        yield f"Kaart {nr}"
    at.radio(key="wijktrends_kaartnr").set_value("4-1").run()
    at.radio(key="wijktrends_kaart41_op").set_value("raster").run()
    yield "Kaart 4-1 op het raster"
    at.radio(key="wijktrends_kaartnr").set_value("4-4").run()
    at.toggle(key="wijktrends_bemiddeling").set_value(True).run()
    yield "Kaart 4-4 met directe bemiddeling"
    at.segmented_control(key="wijktrends_weergave").set_value("raster").run()
    yield "Raster niveau"
    at.radio(key="wijktrends_raster_kaart").set_value("ontwikkeling").run()
    yield "Raster ontwikkeling"


def test_every_map_on_the_read_only_pages_has_a_text_tooltip(app):
    gezien = {}
    for page in ("openbare_kaart", "aanbiederskaart", "escalatieladder", "platform", "meldingen"):
        # the Platform map is on its Spreiding tab (only the open tab runs)
        sessie = {"platform_tab": "Spreiding"} if page == "platform" else {}
        gezien[page] = len(_text_tooltips(app(page, hkd_user=HKD, **sessie), page))
    # the provider's view of the Platform page draws the PC4 map of its own module
    gezien["platform (aanbieder)"] = len(_text_tooltips(app("platform", hkd_user=ALFA), "platform (aanbieder)"))
    at = app("wijktrends", hkd_user=HKD)
    for waar in _wijktrends(at):
        gezien[waar] = len(_text_tooltips(at, waar))
    assert len(gezien) == 6 + len(KAARTEN) + 5, gezien


def test_initiatieven_and_overleg_maps_have_text_tooltips_with_names_as_typed(app_rw, fresh_demo):
    with fresh_demo.connect() as conn:
        punt = conn.execute(text("SELECT ST_X(geom) + 40, ST_Y(geom) - 30 FROM hkd.locaties "
                                 "WHERE code = 'HKD-010'")).one()
    with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
        ini = q.indienen(conn, q.eigen_aanbieder_id(conn), q.NieuwInitiatief(NAAM, "flexwonen", "x", 16, "x"),
                         [q.KandidaatAdres(NAAM, *punt)])
    at = app_rw("initiatieven", HKD, initiatief_keuze=ini)
    (detail,) = _text_tooltips(at, "initiatief")
    assert detail["text"] == "{tip}"
    (kaart,) = at.get("deck_gl_json_chart")
    kandidaat = next(la for la in json.loads(kaart.proto.json)["layers"] if la["id"] == "kandidaten")["data"][0]
    assert kandidaat["tip"] == f"Kandidaat A: {NAAM}"  # as typed: the tooltip is innerText
    at.toggle(key="initiatieven_kaart").set_value(True).run()
    assert len(_text_tooltips(at, "initiatieven en detail")) == 2

    at = app_rw("overleg", hkd_user=HKD)
    for _ in range(15):  # step through the agenda to the first item about one location (it has a map)
        if at.get("deck_gl_json_chart"):
            break
        at.button(key="overleg_volgende").click().run()
    _text_tooltips(at, "overleg")


def test_no_module_builds_a_deck_around_dashboard_maps_deck():
    """Every pydeck map goes through :func:`dashboard.kaart.maps.deck`, which refuses an ``"html"`` tooltip."""
    root = Path(__file__).resolve().parents[2]
    bouwers = [p.relative_to(root).as_posix() for d in ("dashboard", "reports", "geo")
               for p in (root / d).rglob("*.py") if re.search(r"Deck\(", p.read_text())]
    assert bouwers == ["dashboard/kaart/maps.py"], bouwers

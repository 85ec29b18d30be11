"""The Platform page per role on the demo (AppTest): HKD sees aanbod, uitstroom, spreiding and the report; a provider
sees the per-PC4 aggregates; the public is refused."""

from __future__ import annotations

import io
import json

import pypdf

from core.kalender import vandaag
from dashboard.toegang.auth import User
from geo import herkomst
from geo.aanbod import WACHTTIJD_NORM_MAANDEN

WACHTTIJD_KOP = f"Wachttijd (maanden, norm {WACHTTIJD_NORM_MAANDEN:g})"  # the register's norm, not a copy of it


def _tekst(at) -> str:
    return " ".join(str(m.value) for m in at.markdown) + " " + " ".join(str(c.value) for c in at.caption)


def test_hkd_sees_aanbod_against_targets_uitstroom_spreiding_and_the_report(app):
    at = app("platform", hkd_user=User("beleid", "hkd"))
    assert not at.exception, at.exception
    assert not at.error
    aanbod = at.dataframe[0].value.set_index("Woonvorm")
    assert aanbod.loc["Beschermd wonen", "Doel"] == 1100
    assert aanbod.loc["Beschermd wonen", "Verschil met doel"] == aanbod.loc["Beschermd wonen", "Plaatsen"] - 1100
    assert any(b.proto.label.startswith("Download rapport") for b in at.get("download_button"))
    # only the open tab runs: on the Aanbod tab no spreiding map is built or sent
    assert not at.get("deck_gl_json_chart") and not at.metric
    at.session_state["platform_tab"] = "Uitstroom"
    at.run()
    uitstroom = at.dataframe[0].value.set_index("Periode")
    assert uitstroom.loc["2022", "% directe bemiddeling"] == 56.0
    assert WACHTTIJD_KOP in uitstroom.columns
    at.session_state["platform_tab"] = "Spreiding"
    at.run()
    assert not at.exception, at.exception
    assert "Rotterdam:" in _tekst(at)
    kaart = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    assert kaart["layers"][0]["id"] == "spreiding"
    assert [m.label for m in at.metric][0].startswith("Aandeel plaatsen in de 20 %")
    assert any(b.proto.label.startswith("Download rapport") for b in at.get("download_button"))


def test_focus_overlay_adds_an_outline_layer_and_a_legend_entry(app):
    at = app("platform", hkd_user=User("beleid", "hkd"), platform_tab="Spreiding")
    at.checkbox(key="spreiding_focus").check().run()
    assert not at.exception, at.exception
    kaart = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    focus = [layer for layer in kaart["layers"] if layer["id"] == "focusgebieden"]
    assert len(focus) == 1 and len(focus[0]["data"]["features"]) == 9
    assert any("Focusgebied NPRZ of RGW" in h.proto.body for h in at.get("html"))


def test_provider_sees_pc4_aggregates_only(app):
    at = app("platform", hkd_user=User("alfa", "aanbieder", "alfa"))
    assert not at.exception, at.exception
    assert not at.error
    koppen = [s.value for s in at.subheader]
    assert koppen == ["Aanbod per woonvorm", "Spreiding per postcodegebied", "Uitstroom naar een corporatiewoning"]
    per_woonvorm = at.dataframe[0].value
    # all providers, aggregated; confidential woonvormen (opvang: 12 of the 78) only as a city total (issue 10)
    assert per_woonvorm["Voorzieningen"].sum() == 66
    assert not at.get("download_button")  # no report with HKD figures for a provider
    # the city's uitstroom under the same headers as HKD's table, the norm with its origin
    uitstroom = at.dataframe[-1].value
    assert list(uitstroom.columns) == ["Jaar", "Kwartaal", "Uitstromers", "Huurzorgcontract / directe bemiddeling",
                                       "Reguliere urgentie", WACHTTIJD_KOP]
    assert len(uitstroom) > 0
    assert herkomst.zin("wachttijd_norm") in _tekst(at)


def test_public_is_sent_to_sign_in(app):
    at = app("platform")
    assert not at.exception
    assert not at.dataframe


def _focus_lagen(at) -> list[dict]:
    out = []
    for chart in at.get("deck_gl_json_chart"):
        out += [layer for layer in json.loads(chart.proto.json)["layers"] if layer["id"] == "focusgebieden"]
    return out


def test_focus_overlay_on_the_escalatieladder_and_wijktrends_maps(app):
    at = app("escalatieladder", hkd_user=User("beleid", "hkd"))
    assert not _focus_lagen(at)
    at.checkbox(key="ladder_focusgebieden").check().run()
    assert not at.exception, at.exception
    assert len(_focus_lagen(at)) == 1
    assert any("Focusgebied NPRZ of RGW" in h.proto.body for h in at.get("html"))
    at = app("wijktrends")  # the public may see the focus areas too (public outlines, no facility data)
    at.checkbox(key="wijktrends_focusgebieden").check().run()
    assert not at.exception, at.exception
    lagen = _focus_lagen(at)
    assert lagen and len(lagen[0]["data"]["features"]) == 9


def test_focus_overlay_on_the_draagkrachtscan_map(app):
    at = app("draagkrachtscan", hkd_user=User("beleid", "hkd"))
    at.checkbox(key="scan_focusgebieden").check().run()
    assert not at.exception, at.exception
    assert any("Focusgebied NPRZ of RGW" in h.proto.body for h in at.get("html"))


def test_the_report_is_built_only_when_asked_not_on_a_rerun(app, monkeypatch, uitgestelde):
    """At national scale rendering the PDF was 94 % of every rerun: the button carries a callable instead."""
    from dashboard.platform import view as platform_view

    gebouwd = []
    echte = platform_view.render_pdf
    monkeypatch.setattr(platform_view, "render_pdf", lambda *a, **k: gebouwd.append(1) or echte(*a, **k))
    at = app("platform", hkd_user=User("beleid", "hkd"), platform_tab="Spreiding")
    at.run()
    at.radio(key="spreiding_niveau").set_value("buurt").run()
    assert not at.exception, at.exception
    assert any(b.proto.label.startswith("Download rapport") for b in at.get("download_button"))
    assert gebouwd == []
    # the click: the button's callable makes the report of the figures on the page, once
    pdf = uitgestelde[f"hkd_platform_{vandaag():%Y%m%d}.pdf"]()
    assert gebouwd == [1] and pdf.startswith(b"%PDF")
    body = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert f"Peildatum {vandaag():%d-%m-%Y}" in body and "Spreiding over de stad" in body


def test_the_platform_page_shows_its_rhythm_against_the_convenant(app, demo_engine):
    """Seed 001: the Platform "vergadert min. 2x p/j."; the page counts its held meetings in the last twelve months
    (read from the database, as the demo placed them for its load day) and says where the rule comes from."""
    from sqlalchemy import text

    from core.kalender import vandaag
    from geo.meldingen import maanden_terug

    with demo_engine.connect() as conn:
        gehouden = conn.execute(text(
            "SELECT count(*), max(datum) FROM hkd.vergaderingen WHERE soort = 'platform' AND datum > :van "
            "AND datum <= :op AND status IN ('gehouden', 'verslag_verstuurd')"),
            {"van": maanden_terug(vandaag(), 12), "op": vandaag()}).one()
    at = app("platform", hkd_user=User("beleid", "hkd"))
    assert not at.exception, at.exception
    regel = next(c.value for c in at.caption if c.value.startswith("Platform HKD: "))
    assert regel == (f"Platform HKD: {gehouden[0]} vergaderingen in de afgelopen twaalf maanden (laatste "
                     f"{gehouden[1]:%d-%m-%Y}); het convenant vraagt minstens 2 per jaar.")
    assert gehouden[0] >= 2 and not [w for w in at.warning if "Platformoverleg" in w.value]
    assert any(c.value == "Herkomst: Convenant Huisvesting Kwetsbare Doelgroepen (presentatie 13-6-2023), Platform "
                          "HKD ('vergadert min. 2x p/j.')." for c in at.caption)

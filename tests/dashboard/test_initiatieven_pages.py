"""The Initiatieven page per role (AppTest on a private clone of the demo): the public is refused, a provider
submits and follows its own initiative and proposals, HKD runs and keeps scans, compares and records steps."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from dashboard.auth import User
from queries import initiatieven as q
from queries.lagen import as_layer

HKD = User("beleid", "hkd")
ALFA = User("alfa", "aanbieder", "alfa")
BRAVO = User("bravo", "aanbieder", "bravo")


@pytest.fixture
def open_page(app_rw):
    """The Initiatieven page on a private demo copy: ``open_page(user, **session)``."""
    return lambda user, **session: app_rw("initiatieven", user, **session)


@pytest.fixture
def punten(fresh_demo):
    with fresh_demo.connect() as conn:
        return conn.execute(text("SELECT ST_X(geom) + 40, ST_Y(geom) - 30 FROM hkd.locaties "
                                 "WHERE code IN ('HKD-010', 'HKD-020') ORDER BY code")).all()


def _text_input(at, label):
    return next(t for t in at.text_input if t.label == label)


def test_public_is_refused(open_page):
    at = open_page(None)
    assert at.warning and not at.dataframe


def test_provider_submits_with_two_candidates_and_sees_only_its_own(open_page, fresh_demo, punten):
    with as_layer(fresh_demo, "aanbieder", "bravo", "bravo") as conn:
        q.indienen(conn, q.eigen_aanbieder_id(conn), q.NieuwInitiatief("Geheim van Bravo", "flexwonen", "x", 5, "x"),
                   [q.KandidaatAdres("Bravostraat 1", *punten[0])])
    at = open_page(ALFA)
    assert "Geheim van Bravo" not in str([d.value for d in at.dataframe])
    _text_input(at, "Naam van het initiatief").input("Wonen <script>alert(1)</script> aan de Maas")
    _text_input(at, "Doelgroep").input("jongvolwassenen")
    _text_input(at, "Contact: rol of functie").input("teamleider wonen")
    for i, (x, y) in enumerate(punten):
        _text_input(at, f"Kandidaat {chr(65 + i)}: omschrijving").input(f"Kandidaat {chr(65 + i)}")
        at.text_input(key=f"k_x_{i}").input(f"{x:.0f}")
        at.text_input(key=f"k_y_{i}").input(f"{y:.0f}")
    next(b for b in at.button if b.label == "Initiatief indienen").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "is ingediend" in at.success[0].value
    tabel = at.dataframe[0].value
    assert set(tabel["Aanbieder"]) == {"Stichting Alfa Zorg"}
    nieuw = tabel[tabel["Initiatief"] == "Wonen <script>alert(1)</script> aan de Maas"]
    assert list(nieuw["Kandidaten"]) == [2] and list(nieuw["Stap"]) == ["Aangemeld"]
    assert not at.get("deck_gl_json_chart")  # no address map for a provider
    with fresh_demo.connect() as conn:
        assert conn.execute(text("SELECT a.code FROM hkd.initiatieven i JOIN hkd.aanbieders a ON a.id = "
                                 "i.aanbieder_id WHERE i.naam LIKE 'Wonen <script>%'")).scalar_one() == "alfa"


def test_provider_submission_with_bad_input_says_what_is_wrong(open_page):
    at = open_page(ALFA)
    at.text_input(key="k_x_0").input("veel")
    at.text_input(key="k_y_0").input("437000")
    next(b for b in at.button if b.label == "Initiatief indienen").click().run()
    fout = at.error[0].value
    assert "Geef het initiatief een naam" in fout and "RD x en y zijn getallen" in fout
    assert "Geef de doelgroep op" in fout


def test_provider_withdraws_its_own_initiative_after_confirming(open_page, fresh_demo, punten):
    with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
        ini = q.indienen(conn, q.eigen_aanbieder_id(conn), q.NieuwInitiatief("Terugtrekker", "flexwonen", "x", 8, "x"),
                         [q.KandidaatAdres("Plek A", *punten[0])])
    at = open_page(ALFA, initiatief_keuze=ini)
    next(t for t in at.text_area if t.label == "Reden van intrekken (verplicht)").input("Pand gaat naar een ander")
    next(b for b in at.button if b.label == "Initiatief intrekken").click().run()
    assert "bevestig eerst" in at.error[0].value  # not without the confirmation
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        assert q.initiatief(conn, ini).stap == "aangemeld"
    next(t for t in at.text_area if t.label == "Reden van intrekken (verplicht)").input("Pand gaat naar een ander")
    next(c for c in at.checkbox if c.label.startswith("Ik trek dit initiatief in")).check()
    next(b for b in at.button if b.label == "Initiatief intrekken").click().run()
    assert not at.exception and "ingetrokken" in at.success[0].value
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        assert q.initiatief(conn, ini).stap == "ingetrokken"
    assert not [b for b in at.button if b.label == "Initiatief intrekken"]  # an end step: no form any more


def test_provider_proposes_and_hkd_approves(open_page, fresh_demo):
    at = open_page(ALFA)
    form_areas = [t for t in at.text_area if t.label == "Toelichting"]
    form_areas[-1].input("Commissie kwam 3 november bijeen")
    next(b for b in at.button if b.label == "Voorstel indienen").click().run()
    assert not at.exception and "Voorstel ingediend" in at.success[0].value
    at = open_page(HKD)
    next(t for t in at.text_area if t.label == "Reden (verplicht)").input("Verslag ontvangen")
    next(b for b in at.button if b.label == "Besluit vastleggen").click().run()
    assert not at.exception and "goedgekeurd" in at.success[0].value
    with fresh_demo.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM hkd.beheer_status WHERE voorstel_id IS NOT NULL")).scalar() == 1


def test_hkd_runs_keeps_and_compares_scans_and_records_advice(open_page, fresh_demo, punten):
    with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
        ini = q.indienen(conn, q.eigen_aanbieder_id(conn), q.NieuwInitiatief("Twee plekken", "flexwonen", "x", 16, "x"),
                         [q.KandidaatAdres("Plek A", *punten[0]), q.KandidaatAdres("Plek B", *punten[1])])
    at = open_page(HKD, initiatief_keuze=ini)
    assert at.get("deck_gl_json_chart")  # the candidates map in the detail
    for naam in ("Plek A", "Plek B"):
        next(b for b in at.button if b.label == f"Scan uitvoeren en bewaren: {naam}").click().run()
        assert not at.exception, at.exception
    assert "bewaard" in at.success[0].value
    vergelijk = next(d.value for d in at.dataframe if "Plek A (scan 1)" in d.value.columns)
    assert list(vergelijk.columns) == ["Criterium", "Plek A (scan 1)", "Plek B (scan 2)", "Norm"]
    assert len(vergelijk) == 11 and vergelijk["Plek A (scan 1)"].str[0].isin(["✔", "!", "✖", "?"]).all()
    spreiding = next(d.value for d in at.dataframe if "Plaatsen per 1.000 na" in d.value.columns)
    assert list(spreiding["Niveau"]) == ["buurt", "wijk", "stad"] * 2
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        assert q.initiatief(conn, ini).stap == "draagkrachtscan"
    # record the advice: the form offers only the next steps the stappenplan allows
    stap = next(s for s in at.selectbox if s.label == "Stap")
    assert stap.options == ["Bespreking in het Sturingsoverleg", "Ingetrokken"]
    stap.set_value("bespreking")
    next(t for t in at.text_area if t.label == "Toelichting (wie besloot, waarom)").input("Besproken")
    next(b for b in at.button if b.label == "Stap vastleggen").click().run()
    assert not at.exception and "vastgelegd" in at.success[0].value
    stap = next(s for s in at.selectbox if s.label == "Stap")
    stap.set_value("advies")
    next(r for r in at.radio if r.label.startswith("Advies")).set_value("voorwaardelijk")
    next(t for t in at.text_area if t.label == "Toelichting (wie besloot, waarom)").input("Advies")
    next(b for b in at.button if b.label == "Stap vastleggen").click().run()
    assert "voorwaarden" in at.error[0].value  # conditional advice without conditions is refused in Dutch
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        assert q.initiatief(conn, ini).stap == "bespreking"


def test_overleg_records_a_conditional_advice_live_into_the_besluitenlijst(open_page, fresh_demo):
    import io

    import openpyxl
    import pypdf

    from queries import vergaderingen as vg
    from reports.overleg_exports import vergadering_besluiten_pdf, vergadering_besluiten_xlsx

    at = open_page(HKD)
    at.switch_page("pages/overleg.py").run()
    assert not at.exception, at.exception
    assert any("Flexwonen Maashaven" in m.value for m in at.markdown)  # waiting for advice, on today's meeting
    next(r for r in at.radio if r.label == "Advies").set_value("voorwaardelijk")
    next(t for t in at.text_area if t.label.startswith("Voorwaarden")).input("=HYPERLINK(\"x\") Eerst een beheercommissie")
    next(b for b in at.button if b.label == "Advies vastleggen").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "vastgelegd" in at.success[0].value
    with fresh_demo.connect() as conn:  # the page opens the next meeting in preparation: its date is the advice's
        vergadering_id, datum = conn.execute(text(
            "SELECT id, datum FROM hkd.vergaderingen WHERE status IN ('in_voorbereiding', 'vastgesteld') "
            "ORDER BY datum LIMIT 1")).one()
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        besluiten = vg.besluitenlijst(conn, vergadering_id)
        stand = q.lijst(conn).set_index("naam").loc["Flexwonen Maashaven"]
        stap = q.stappen(conn, int(stand["id"])).iloc[-1]
    assert stand["stap"] == "advies" and (stap.advies, stap.overleg_datum) == ("voorwaardelijk", datum)
    advies = besluiten[besluiten["soort"] == "advies"]
    assert len(advies) == 1 and "Flexwonen Maashaven" in advies.iloc[0]["tekst"]
    assert "Eerst een beheercommissie" in advies.iloc[0]["tekst"]
    ws = openpyxl.load_workbook(io.BytesIO(vergadering_besluiten_xlsx("sturingsoverleg", datum, "", besluiten))).active
    cellen = [c.value for row in ws.iter_rows(min_row=5) for c in row]
    assert any(isinstance(v, str) and "Flexwonen Maashaven" in v for v in cellen)
    assert not any(isinstance(v, str) and v.startswith("=") for v in cellen)  # never a formula
    pdf = vergadering_besluiten_pdf("sturingsoverleg", datum, "", besluiten)
    tekst = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Flexwonen Maashaven" in tekst and "voorwaardelijk" in tekst

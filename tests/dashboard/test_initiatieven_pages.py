"""The Initiatieven page per role (AppTest on a private clone of the demo): the public is refused, a provider
submits and follows its own initiative and proposals, HKD runs and keeps scans, compares and records steps."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from dashboard.toegang.auth import User
from queries import initiatieven as q
from queries.lagen import as_layer
from reports.veilig import md_tekst

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


def _naar_advies(fresh_demo, punten, naam):
    """An initiative of alfa (flexwonen, no ruimtelijke procedure) after a positive advice."""
    from core import kalender

    with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
        ini = q.indienen(conn, q.eigen_aanbieder_id(conn), q.NieuwInitiatief(naam, "flexwonen", "x", 10, "x"),
                         [q.KandidaatAdres("Plek A", *punten[0])])
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        q.stap_vastleggen(conn, ini, "draagkrachtscan", kalender.vandaag(), "scan")
        q.advies_vastleggen(conn, ini, "positief", "", kalender.vandaag(), fase="0")
    return ini


def test_hkd_changes_the_ruimtelijk_flag_with_a_reason_and_the_next_steps_follow(open_page, fresh_demo, punten):
    ini = _naar_advies(fresh_demo, punten, "Blok in ontwikkeling")
    at = open_page(HKD, initiatief_keuze=ini)
    assert next(s for s in at.selectbox if s.label == "Stap").options == ["Beheerafspraken vastgelegd", "Ingetrokken"]
    knop = next(b for b in at.button if b.label == "Ruimtelijke procedure leidend maken")
    knop.click().run()  # without a reason: refused in Dutch, nothing recorded
    assert "Niet gewijzigd: geef een reden" in at.error[0].value
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        assert q.ruimtelijk_historie(conn, ini).empty and not q.initiatief(conn, ini).ruimtelijke_procedure
    next(t for t in at.text_area if t.label == "Reden van de wijziging (verplicht)").input(
        "Het blok valt onder de gebiedsontwikkeling <b>Noord</b>")
    next(b for b in at.button if b.label == "Ruimtelijke procedure leidend maken").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "nu leidend" in at.success[0].value
    # the form now offers the procedure instead of the beheerafspraken, and the history shows the change
    assert next(s for s in at.selectbox if s.label == "Stap").options == ["Ruimtelijke procedure (leidend)",
                                                                          "Ingetrokken"]
    historie = at.dataframe[1].value
    rij = historie[historie["Stap"].str.startswith("Ruimtelijke procedure:")].iloc[0]
    assert rij["Stap"] == "Ruimtelijke procedure: leidend (was niet leidend)"
    assert (rij["Toelichting"], rij["Door"]) == ("Het blok valt onder de gebiedsontwikkeling <b>Noord</b>", "beleid")
    assert historie["Stap"].tolist()[-1] == rij["Stap"]  # recorded after the advice
    assert [b.label for b in at.button if b.label.startswith("Ruimtelijke procedure")] == [
        "Ruimtelijke procedure niet leidend maken"]
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        assert q.initiatief(conn, ini).ruimtelijke_procedure is True
        assert q.ruimtelijk_historie(conn, ini)["vastgelegd_door"].tolist() == ["beleid"]
    # once in the procedure the flag decides nothing: no form, a caption says why
    stap = next(s for s in at.selectbox if s.label == "Stap")
    stap.set_value("ruimtelijke_procedure")
    next(t for t in at.text_area if t.label == "Toelichting (wie besloot, waarom)").input("Bestemmingsplan loopt")
    next(b for b in at.button if b.label == "Stap vastleggen").click().run()
    assert not at.exception and not [b for b in at.button if b.label.startswith("Ruimtelijke procedure")]
    assert any("bepaalt die de volgende stappen niet meer" in c.value for c in at.caption)


def test_a_provider_sees_the_flag_change_but_cannot_change_it(open_page, fresh_demo, punten):
    from core import kalender

    ini = _naar_advies(fresh_demo, punten, "Blok van Alfa")
    with as_layer(fresh_demo, "hkd", "beleid") as conn:
        q.ruimtelijk_wijzigen(conn, ini, True, kalender.vandaag(), "Sloop/nieuwbouw van het blok")
    at = open_page(ALFA, initiatief_keuze=ini)
    assert not [b for b in at.button if b.label.startswith("Ruimtelijke procedure")]
    historie = at.dataframe[1].value
    assert "Ruimtelijke procedure: leidend (was niet leidend)" in historie["Stap"].tolist()
    assert any("ruimtelijke procedure leidend" in m.value for m in at.markdown)


def test_reopening_a_saved_scan_does_not_redo_todays_scan_on_a_plain_rerun(open_page, fresh_demo, punten):
    """Count the scan's ring query through the real app's engine: once to open, none on a rerun that changes
    nothing, once again after an audited change of the data (and the comparison then shows the change)."""
    from sqlalchemy import Engine, event

    from core import kalender
    from geo.draagkracht import Kandidaat
    from geo.scan_norms import ScanConfig
    from queries import scan

    with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
        ini = q.indienen(conn, q.eigen_aanbieder_id(conn), q.NieuwInitiatief("Eén plek", "flexwonen", "x", 16, "x"),
                         [q.KandidaatAdres("Plek A", *punten[0])])
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        k = q.kandidaten(conn, ini).iloc[0]
        res = scan.scan(conn, Kandidaat(float(k.x), float(k.y), "Flexwonen", 16, "adres", "Plek A"), ScanConfig())
        scan_id = q.scan_bewaren(conn, ini, int(k.id), res, None, kalender.vandaag())
    ring_queries = []

    def tel(conn, cursor, statement, parameters, context, executemany):
        if "AS r(straal)" in statement:  # queries/scan.sql ring_tellingen: only today's scan runs it on this page
            ring_queries.append(statement)

    event.listen(Engine, "before_cursor_execute", tel)
    try:
        at = open_page(HKD, initiatief_keuze=ini, initiatief_scan=scan_id)
        geopend = len(ring_queries)
        assert any("dezelfde uitkomst" in s.value for s in at.success)
        for _ in range(3):
            at.run()
            assert not at.exception
        herhaald = len(ring_queries) - geopend
        with fresh_demo.begin() as conn:  # the nearby location grows by 40 places (audited like every change)
            conn.execute(text("SELECT set_config('hkd.gebruiker', 'test', true)"))
            conn.execute(text("UPDATE hkd.locaties SET plaatsen = plaatsen + 40 WHERE code = 'HKD-010'"))
        at.run()
        na_wijziging = len(ring_queries) - geopend - herhaald
    finally:
        event.remove(Engine, "before_cursor_execute", tel)
    assert (geopend, herhaald, na_wijziging) == (1, 0, 1)
    assert any("verschillen" in w.value for w in at.warning)


def test_every_choice_of_initiative_opens_that_initiative(open_page, fresh_demo):
    # The Overleg switches between initiatives during a meeting: each choice must stick, also the second in a row
    # (an unkeyed selectbox whose index followed its own state jumped back on every other change).
    with fresh_demo.connect() as conn:
        namen = dict(conn.execute(text("SELECT id, naam FROM hkd.initiatieven ORDER BY id")).all())
    assert len(namen) >= 3
    at = open_page(HKD)
    for ini in [*list(namen)[-3:], list(namen)[0]]:
        next(s for s in at.selectbox if s.label == "Initiatief").set_value(ini).run()
        assert not at.exception, at.exception
        assert next(s for s in at.selectbox if s.label == "Initiatief").value == ini
        assert md_tekst(namen[ini]) in [h.value for h in at.subheader], (ini, [h.value for h in at.subheader])


def test_the_chosen_initiative_stays_chosen_when_its_step_changes(open_page, fresh_demo):
    # The first kept scan moves an initiative from 'aangemeld' to 'draagkrachtscan'. With the step in the option's
    # label, the browser still held the old label, which matched no option on the next rerun: the page jumped to
    # the first initiative and the journey's second scan went nowhere (why the first keyed fix was reverted).
    with fresh_demo.connect() as conn:
        ini, naam, kandidaat = conn.execute(text(
            "SELECT i.id, i.naam, min(k.id) FROM hkd.initiatieven i JOIN hkd.initiatief_kandidaten k "
            "ON k.initiatief_id = i.id JOIN hkd.initiatief_stand s ON s.initiatief_id = i.id "
            "WHERE s.stap = 'aangemeld' GROUP BY i.id, i.naam ORDER BY i.id")).first()
    at = open_page(HKD)
    next(s for s in at.selectbox if s.label == "Initiatief").set_value(ini).run()
    label_voor = next(o for o in next(s for s in at.selectbox if s.label == "Initiatief").options
                      if o.startswith(f"{ini}:"))
    at.button(key=f"scan_{kandidaat}").click().run()
    assert not at.exception, at.exception
    at.run()  # any next interaction
    keuze = next(s for s in at.selectbox if s.label == "Initiatief")
    assert keuze.value == ini
    assert md_tekst(naam) in [h.value for h in at.subheader]
    assert any("Draagkrachtscan" in m.value for m in at.markdown)  # the step did change ...
    assert label_voor in keuze.options  # ... and the label the browser holds for the choice still matches


def test_the_initiative_dropdown_keeps_every_choice(open_page):
    """Issue 26: the initiative selectbox kept only every other choice. Each choice in a row holds, its
    initiative's heading is shown, and a rerun (a click elsewhere) keeps it."""
    at = open_page(HKD)
    keuze = at.selectbox(key="initiatief_keuze")
    ids = list(keuze.options)
    assert len(ids) >= 3, ids
    for optie in [*ids[1:], ids[0], ids[2]]:
        at.selectbox(key="initiatief_keuze").select(optie).run()
        assert not at.exception, at.exception
        assert at.selectbox(key="initiatief_keuze").value == int(optie.split(":")[0])
        assert md_tekst(optie.split(": ", 1)[1]) in [s.value for s in at.subheader]
    at.run()
    assert at.selectbox(key="initiatief_keuze").value == int(ids[2].split(":")[0])

"""Nieuwe initiatieven on a real PostGIS: the database's step machine, saved scans that reopen as they were,
comparison and spreading against direct SQL, provider attacks refused by the database, approvals as one fact."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from core import kalender
from core.domain import OVERGANGEN, STAPPEN, WOONVORM_NAMEN, WOONVORM_TERMIJNEN, ZONDER_GEZAMENLIJK_TRAJECT
from geo.draagkracht import Kandidaat
from geo.scan_archief import naar_json, uit_json, vergelijking
from geo.scan_norms import ScanConfig
from geo.stappenplan import OngeldigeStap
from queries import initiatieven as q
from queries import scan
from queries.lagen import as_layer
from reports.scan_pdf import render_pdf

VANDAAG = date(2026, 11, 2)


@pytest.fixture
def punten(demo_engine):
    with demo_engine.connect() as conn:
        return conn.execute(text(
            "SELECT ST_X(geom) + 40 AS x, ST_Y(geom) - 30 AS y FROM hkd.locaties WHERE code IN ('HKD-010', 'HKD-020')"
            " ORDER BY code")).all()


def _ids(engine, *codes):
    with engine.connect() as conn:
        return [conn.execute(text("SELECT id FROM hkd.aanbieders WHERE code = :c"), {"c": c}).scalar_one()
                for c in codes]


def _indienen(engine, punten, woonvorm="flexwonen", ruimtelijk=False, als="alfa"):
    with as_layer(engine, "aanbieder", f"{als}@test", als) as conn:
        return q.indienen(conn, q.eigen_aanbieder_id(conn),
                          q.NieuwInitiatief("Flexwonen Test", woonvorm, "jongeren", 16, "teamleider",
                                            ruimtelijke_procedure=ruimtelijk),
                          [q.KandidaatAdres("Kandidaat A", *punten[0]), q.KandidaatAdres("Kandidaat B", *punten[1])])


def _refused(engine, rol, statement, params=None, aanbieder=None):
    with pytest.raises((ProgrammingError, DBAPIError)) as err:
        with as_layer(engine, rol, "aanvaller", aanbieder) as conn:
            conn.execute(text(statement), params or {})
    msg = str(err.value)
    assert "permission denied" in msg or "row-level security" in msg or "alleen-toevoegen" in msg, msg


def test_database_holds_the_same_stappenplan_as_core_domain(demo_engine):
    with demo_engine.connect() as conn:
        stappen = dict(conn.execute(text("SELECT code, naam FROM hkd.stappen ORDER BY volgorde")).all())
        overgangen = set(conn.execute(text(
            "SELECT van, naar, college, ruimtelijk, negatief FROM hkd.stap_overgangen")).all())
    assert stappen == STAPPEN
    assert overgangen == {(o.van, o.naar, o.college, o.ruimtelijk, o.negatief) for o in OVERGANGEN}


def test_submission_starts_aangemeld_and_the_database_refuses_illegal_steps(fresh_demo, punten):
    ini = _indienen(fresh_demo, punten, woonvorm="opvang")
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        assert q.initiatief(conn, ini).stap == "aangemeld"
        assert q.stappen(conn, ini)["vastgelegd_door"].tolist() == ["alfa@test"]
    # straight into the table, past the Python check: the trigger refuses skipping a step
    for stap, advies in [("advies", "positief"), ("gerealiseerd", None), ("bespreking", None)]:
        with pytest.raises(DBAPIError, match="niet toegestaan"):
            with as_layer(fresh_demo, "hkd", "hkd") as conn:
                conn.execute(text("INSERT INTO hkd.initiatief_stappen (initiatief_id, stap, datum, reden, advies, fase)"
                                  " VALUES (:i, :s, current_date, 'x', :a, '0')"), {"i": ini, "s": stap, "a": advies})
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        q.stap_vastleggen(conn, ini, "draagkrachtscan", VANDAAG, "scan gedaan")
        q.advies_vastleggen(conn, ini, "positief", "", VANDAAG, fase="1")
        assert q.initiatief(conn, ini).stap == "advies"
        # opvang: the collegebesluit cannot be skipped, neither in Python nor in the database
        with pytest.raises(OngeldigeStap, match="Collegebesluit"):
            q.stap_vastleggen(conn, ini, "beheerafspraken", VANDAAG, "afspraken")
    with pytest.raises(DBAPIError, match="niet toegestaan"):
        with as_layer(fresh_demo, "hkd", "hkd") as conn:
            conn.execute(text("INSERT INTO hkd.initiatief_stappen (initiatief_id, stap, datum, reden)"
                              " VALUES (:i, 'beheerafspraken', current_date, 'x')"), {"i": ini})
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        q.stap_vastleggen(conn, ini, "collegebesluit", VANDAAG, "college akkoord")
        q.stap_vastleggen(conn, ini, "beheerafspraken", VANDAAG, "beheercommissie en convenant")
        k = q.kandidaten(conn, ini).iloc[0]
        loc = q.realiseren(conn, ini, q.Realisatie(VANDAAG, int(k.id), "INI-T1", "Opvang Test", "Teststraat", "1",
                                                    "3011 AA"))
        assert q.initiatief(conn, ini).stap == "gerealiseerd"
        fase = conn.execute(text("SELECT fase FROM hkd.fase_op(:d) WHERE locatie_id = :l"),
                            {"d": VANDAAG, "l": loc}).scalar_one()
        assert fase == "1"  # the fase the advice set
        with pytest.raises(OngeldigeStap, match="afgerond"):
            q.stap_vastleggen(conn, ini, "ingetrokken", VANDAAG, "toch niet")
    _refused(fresh_demo, "hkd", "UPDATE hkd.initiatief_stappen SET reden = 'x'")
    _refused(fresh_demo, "hkd", "DELETE FROM hkd.initiatief_stappen")


def test_negative_advice_goes_to_afgewezen_and_ruimtelijk_flag_reroutes(fresh_demo, punten):
    a = _indienen(fresh_demo, punten)
    b = _indienen(fresh_demo, punten, ruimtelijk=True)
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        for ini in (a, b):
            q.stap_vastleggen(conn, ini, "draagkrachtscan", VANDAAG, "scan")
        q.advies_vastleggen(conn, a, "negatief", "", VANDAAG, fase=None)
        with pytest.raises(OngeldigeStap):
            q.stap_vastleggen(conn, a, "beheerafspraken", VANDAAG, "x")
        q.stap_vastleggen(conn, a, "afgewezen", VANDAAG, "Negatief advies")
        with pytest.raises(OngeldigeStap, match="voorwaarden"):
            q.advies_vastleggen(conn, b, "voorwaardelijk", "  ", VANDAAG)
        q.advies_vastleggen(conn, b, "voorwaardelijk", "Beheercommissie voor de opening", VANDAAG, fase="1")
        with pytest.raises(OngeldigeStap):
            q.stap_vastleggen(conn, b, "beheerafspraken", VANDAAG, "x")
        q.stap_vastleggen(conn, b, "ruimtelijke_procedure", VANDAAG, "bestemmingsplan")
        assert [s for s in q.stappen(conn, b)["stap"]] == [
            "aangemeld", "draagkrachtscan", "bespreking", "advies", "ruimtelijke_procedure"]


def _scan(conn, punt, config=None, plaatsen=16):
    return scan.scan(conn, Kandidaat(punt[0], punt[1], "Flexwonen", plaatsen, "adres", "Kandidaat"),
                     config or ScanConfig())


def test_saved_scan_reopens_as_it_was_after_norms_and_indicators_change(fresh_demo, punten):
    ini = _indienen(fresh_demo, punten)
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        kand = q.kandidaten(conn, ini)
        res = _scan(conn, punten[0])
        pdf = render_pdf(res, "hkd", datetime(2026, 11, 2, 10, 0))
        scan_id = q.scan_bewaren(conn, ini, int(kand.id[0]), res, pdf, VANDAAG)
        assert q.initiatief(conn, ini).stap == "draagkrachtscan"
    toen = [b for b in res.beoordelingen()]
    # the world changes: new indicator values for the buurt, a new location nearby, stricter norms
    with fresh_demo.begin() as conn:
        conn.execute(text("UPDATE hkd.indicatoren SET waarde = waarde + 50 WHERE niveau = 'wijkprofiel' "
                          "AND indicator = 'wijkprofiel_veiligheid' AND gebied_code = :c"),
                     {"c": conn.execute(text("SELECT hkd.area_code_at(ST_SetSRID(ST_MakePoint(:x, :y), 28992), "
                                             "'wijkprofiel')"), {"x": punten[0][0], "y": punten[0][1]}).scalar_one()})
    strenger = ScanConfig(normen={**ScanConfig().normen,
                                  "plaatsen_ring": replace(ScanConfig().normen["plaatsen_ring"], groen_tot=1,
                                                           oranje_tot=2)})
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        bewaard = q.scan_openen(conn, scan_id)
        nu = _scan(conn, punten[0], strenger)
    assert bewaard.beoordelingen == toen
    assert bewaard.resultaat.beoordelingen() == toen  # rebuilt from the stored figures and norms, not today's
    assert bewaard.pdf == pdf and bewaard.grensset and bewaard.data_datum == VANDAAG
    diff = {v.criterium: v for v in q.vergelijk_met_nu(bewaard, nu)}
    assert "Wijkprofiel veiligheidsindex" in diff
    assert diff["Plaatsen in de normring (na toevoegen)"].norm_gewijzigd
    assert len(diff) < len(toen)  # unchanged criteria are not flagged


def test_json_round_trip_keeps_every_figure(demo_engine, punten):
    with as_layer(demo_engine, "hkd", "hkd") as conn:
        res = _scan(conn, punten[1])
    terug = uit_json(naar_json(res))
    assert terug.beoordelingen() == res.beoordelingen()
    assert terug.ringen == res.ringen and terug.nabij == res.nabij and terug.indices == res.indices


def test_comparison_equals_the_single_scans(demo_engine, punten):
    with as_layer(demo_engine, "hkd", "hkd") as conn:
        scans = {f"K{i}": _scan(conn, p).beoordelingen() for i, p in enumerate(punten)}
    rijen = vergelijking(scans)
    assert [r["Criterium"] for r in rijen] == [b.criterium for b in scans["K0"]]
    for rij in rijen:
        for k, criteria in scans.items():
            b = next(x for x in criteria if x.criterium == rij["Criterium"])
            assert b.waarde in rij[k] and b.label in rij[k]
            assert rij["Norm"] == b.normtekst


def test_spreading_figures_match_direct_sql(demo_engine, punten):
    x, y = punten[0]
    with as_layer(demo_engine, "hkd", "hkd") as conn:
        frame = q.spreiding(conn, x, y, 16).set_index("niveau")
    with demo_engine.connect() as conn:
        p = {"x": x, "y": y}
        buurt = conn.execute(text("SELECT code FROM hkd.gebieden WHERE niveau = 'buurt' AND "
                                  "ST_Contains(geom, ST_SetSRID(ST_MakePoint(:x, :y), 28992))"), p).scalar_one()
        wijk = conn.execute(text("SELECT code FROM hkd.gebieden WHERE niveau = 'gebied' AND "
                                 "ST_Contains(geom, ST_SetSRID(ST_MakePoint(:x, :y), 28992))"), p).scalar_one()
        n_b, p_b = conn.execute(text("SELECT count(*), sum(plaatsen) FROM hkd.locaties l JOIN hkd.gebieden g "
                                     "ON g.niveau = 'buurt' AND ST_Contains(g.geom, l.geom) WHERE g.code = :c"),
                                {"c": buurt}).one()
        n_w, p_w = conn.execute(text("SELECT count(*), sum(plaatsen) FROM hkd.locaties l JOIN hkd.gebieden g "
                                     "ON g.niveau = 'gebied' AND ST_Contains(g.geom, l.geom) WHERE g.code = :c"),
                                {"c": wijk}).one()
        inw_b = conn.execute(text("SELECT waarde FROM hkd.indicatoren WHERE niveau = 'buurt' AND indicator = "
                                  "'inwoners' AND gebied_code = :c ORDER BY jaar DESC LIMIT 1"), {"c": buurt}).scalar()
        n_s, p_s = conn.execute(text("SELECT count(*), sum(plaatsen) FROM hkd.locaties")).one()
    assert (frame.loc["buurt", "code"], frame.loc["wijk", "code"]) == (buurt, wijk)
    assert (frame.loc["buurt", "voorzieningen"], frame.loc["buurt", "plaatsen"]) == (n_b, p_b or 0)
    assert (frame.loc["wijk", "voorzieningen"], frame.loc["wijk", "plaatsen"]) == (n_w, p_w or 0)
    assert (frame.loc["stad", "voorzieningen"], frame.loc["stad", "plaatsen"]) == (n_s, p_s)
    assert frame.loc["buurt", "plaatsen_na_per_1000"] == round(((p_b or 0) + 16) * 1000 / inw_b, 2)
    assert frame.loc["buurt", "voorzieningen_na"] == n_b + 1


def test_provider_attacks_are_refused_by_the_database(fresh_demo, punten):
    alfa, bravo = _ids(fresh_demo, "alfa", "bravo")
    eigen = _indienen(fresh_demo, punten, als="bravo")
    with fresh_demo.connect() as conn:
        bravo_loc = conn.execute(text("SELECT min(id) FROM hkd.locaties WHERE aanbieder_id = :b"), {"b": bravo}).scalar()
        alfa_loc = conn.execute(text("SELECT min(id) FROM hkd.locaties WHERE aanbieder_id = :a"), {"a": alfa}).scalar()
    ini = {"naam": "x", "woonvorm": "flexwonen", "doelgroep": "x", "plaatsen": 5, "startdatum": None,
           "contact_rol": "x", "contact_kanaal": "", "context": "", "ruimtelijke_procedure": False}
    # submit for another provider
    _refused(fresh_demo, "aanbieder", "INSERT INTO hkd.initiatieven (aanbieder_id, naam, woonvorm, doelgroep, "
             "plaatsen, contact_rol) VALUES (:b, 'x', 'flexwonen', 'x', 5, 'x')", {"b": bravo}, "alfa")
    with pytest.raises(DBAPIError, match="row-level security"):
        with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
            q.indienen(conn, bravo, q.NieuwInitiatief(**ini), [])
    # add a candidate to another provider's initiative; read it
    _refused(fresh_demo, "aanbieder", "INSERT INTO hkd.initiatief_kandidaten (initiatief_id, omschrijving, bron, geom)"
             " VALUES (:i, 'x', 'kaart', ST_SetSRID(ST_MakePoint(92000, 437000), 28992))", {"i": eigen}, "alfa")
    with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
        assert q.initiatief(conn, eigen) is None
        assert set(q.lijst(conn, met_gebied=False)["aanbieder_code"]) == {"alfa"}
        assert q.kandidaten(conn, eigen).empty and q.stappen(conn, eigen).empty
        # a provider with no provider named sees nothing either
    with as_layer(fresh_demo, "aanbieder", "alfa", None) as conn:
        assert conn.execute(text("SELECT count(*) FROM hkd.initiatieven")).scalar_one() == 0
    # proposals: for another provider's location, or own id with another provider's location
    _refused(fresh_demo, "aanbieder", "INSERT INTO hkd.voorstellen (aanbieder_id, locatie_id, soort, datum) "
             "VALUES (:b, :l, 'meldingenregister', current_date)", {"b": bravo, "l": bravo_loc}, "alfa")
    _refused(fresh_demo, "aanbieder", "INSERT INTO hkd.voorstellen (aanbieder_id, locatie_id, soort, datum) "
             "VALUES (:a, :l, 'meldingenregister', current_date)", {"a": alfa, "l": bravo_loc}, "alfa")
    # no fact table, no step, no decision, no scan
    for stmt in [
        "INSERT INTO hkd.beheer_status (locatie_id, ingangsdatum, beheercommissie, beheerconvenant, meldingenregister,"
        " vastgelegd_door) VALUES (:l, current_date, 'actief', 'afwezig', true, 'x')",
        "INSERT INTO hkd.fase_besluiten (locatie_id, fase, ingangsdatum, reden, vastgelegd_door) "
        "VALUES (:l, '0', current_date, 'x', 'x')",
        "UPDATE hkd.locaties SET plaatsen = 1 WHERE id = :l",
        "INSERT INTO hkd.voorstel_besluiten (voorstel_id, goedgekeurd, reden) VALUES (1, true, 'x')",
        "SELECT hkd.voorstel_beoordelen(1, true, 'x', NULL)",
        "SELECT count(*) FROM hkd.scans",
        "UPDATE hkd.initiatieven SET aanbieder_id = :l",
        "DELETE FROM hkd.voorstellen",
    ]:
        _refused(fresh_demo, "aanbieder", stmt, {"l": alfa_loc}, "alfa")
    # withdraw another provider's initiative (a provider may withdraw only its own: see the test below)
    _refused(fresh_demo, "aanbieder", "INSERT INTO hkd.initiatief_stappen (initiatief_id, stap, datum, reden) "
             "VALUES (:i, 'ingetrokken', current_date, 'x')", {"i": eigen}, "alfa")
    for lezen in ("SELECT * FROM hkd.initiatieven", "SELECT * FROM hkd.initiatief_kandidaten",
                  "SELECT * FROM hkd.initiatief_stappen", "SELECT * FROM hkd.scans", "SELECT * FROM hkd.voorstellen",
                  "SELECT * FROM hkd.voorstel_besluiten", "SELECT * FROM hkd.initiatief_stand"):
        _refused(fresh_demo, "publiek", lezen)
    # own proposal works and stays invisible to bravo
    with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
        v = q.voorstel_indienen(conn, alfa, alfa_loc, "meldingenregister", VANDAAG, toelichting="<b>x</b>")
        assert q.voorstellen(conn)["id"].tolist() == [v]  # none of bravo's (the demo has one)
    with as_layer(fresh_demo, "aanbieder", "bravo", "bravo") as conn:
        assert v not in q.voorstellen(conn)["id"].tolist()


def test_approval_appends_exactly_one_fact_and_rejection_none(fresh_demo):
    (alfa,) = _ids(fresh_demo, "alfa")
    with fresh_demo.connect() as conn:
        loc = conn.execute(text("SELECT min(id) FROM hkd.locaties WHERE aanbieder_id = :a"), {"a": alfa}).scalar()
    with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
        ja = q.voorstel_indienen(conn, alfa, loc, "beheerconvenant", VANDAAG, toelichting="Nieuw convenant getekend")
        nee = q.voorstel_indienen(conn, alfa, loc, "beheercommissie", VANDAAG)
        plaatsen = q.voorstel_indienen(conn, alfa, loc, "plaatsen", VANDAAG, plaatsen=7)

    def tel(conn):
        return conn.execute(text("SELECT count(*) FROM hkd.beheer_status")).scalar_one()

    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        voor = tel(conn)
        besluit = q.voorstel_beoordelen(conn, ja, True, "Convenant gezien", VANDAAG)
        q.voorstel_beoordelen(conn, nee, False, "Geen verslag bijgevoegd", VANDAAG)
        q.voorstel_beoordelen(conn, plaatsen, True, "Akkoord", VANDAAG)
        assert tel(conn) == voor + 1
        fact = conn.execute(text("SELECT * FROM hkd.beheer_status WHERE voorstel_id = :v"), {"v": ja}).one()
        assert (fact.beheerconvenant, fact.convenant_datum, fact.overleg_datum) == ("actueel", VANDAAG, VANDAAG)
        assert conn.execute(text("SELECT beheer_status_id FROM hkd.voorstel_besluiten WHERE id = :b"),
                            {"b": besluit}).scalar_one() == fact.id
        assert conn.execute(text("SELECT plaatsen FROM hkd.locaties WHERE id = :l"), {"l": loc}).scalar_one() == 7
        beslist = q.voorstellen(conn).set_index("id").loc[[ja, nee, plaatsen]]
        assert list(beslist["overleg_datum"]) == [VANDAAG] * 3
        with pytest.raises(ValueError):
            q.voorstel_beoordelen(conn, nee, True, "  ", VANDAAG)
    with pytest.raises(DBAPIError, match="al besloten"):
        with as_layer(fresh_demo, "hkd", "hkd") as conn:
            q.voorstel_beoordelen(conn, ja, True, "nogmaals", VANDAAG)
    with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:  # the provider follows its proposals
        eigen = q.voorstellen(conn).set_index("id")
        assert bool(eigen.loc[ja, "goedgekeurd"]) and not bool(eigen.loc[nee, "goedgekeurd"])
        assert eigen.loc[nee, "reden"] == "Geen verslag bijgevoegd"


def test_meeting_contract_agenda_and_besluiten(fresh_demo, punten):
    ini = _indienen(fresh_demo, punten)
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        assert not [v for v in q.agenda_voorstellen(conn, kalender.vandaag()) if v.sleutel == f"initiatief:{ini}"]
        q.stap_vastleggen(conn, ini, "draagkrachtscan", kalender.vandaag(), "scan")
        items = {v.sleutel: v for v in q.agenda_voorstellen(conn, kalender.vandaag())}
        assert items[f"initiatief:{ini}"].bron == "initiatief"
        q.advies_vastleggen(conn, ini, "voorwaardelijk", "Eerst een beheercommissie", kalender.vandaag(), fase="1")
        assert f"initiatief:{ini}" not in {v.sleutel for v in q.agenda_voorstellen(conn, kalender.vandaag())}
        rij = q.stappen(conn, ini).iloc[-1]
        assert (rij.stap, rij.advies, rij.voorwaarden, rij.fase, rij.overleg_datum) == (
            "advies", "voorwaardelijk", "Eerst een beheercommissie", "1", kalender.vandaag())


def test_candidate_outside_the_municipality_is_refused(fresh_demo):
    with pytest.raises(DBAPIError, match="buiten de gemeente"):
        with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
            q.indienen(conn, q.eigen_aanbieder_id(conn),
                       q.NieuwInitiatief("x", "flexwonen", "x", 5, "x"), [q.KandidaatAdres("Utrecht", 136000, 455000)])
    with as_layer(fresh_demo, "hkd", "hkd") as conn:  # all or nothing: no initiative without its candidate
        assert q.lijst(conn).empty or "x" not in set(q.lijst(conn)["naam"])


def test_demo_holds_initiatives_in_different_steps_and_stays_at_78_locations(demo_engine):
    with as_layer(demo_engine, "hkd", "hkd") as conn:
        frame = q.lijst(conn, date(2026, 11, 29)).set_index("naam")
        n_loc = conn.execute(text("SELECT count(*) FROM hkd.locaties")).scalar_one()
        realised = q.stappen(conn, int(frame.loc["Wonen Eerst Oost", "id"])).iloc[-1]
        hkd070 = conn.execute(text("SELECT id FROM hkd.locaties WHERE code = 'HKD-070'")).scalar_one()
        voorstellen = q.voorstellen(conn)
    assert n_loc == 78
    assert frame.loc["Flexwonen Maashaven", "kandidaten"] == 2
    assert frame.loc["Doorstroomhuis Zuidplein", "stap"] == "afgewezen"
    assert (realised.stap, realised.locatie_id) == ("gerealiseerd", hkd070)
    assert len(set(frame["stap"])) >= 5
    assert list(voorstellen["goedgekeurd"].isna()) == [True]



def test_advice_in_a_meeting_is_a_step_and_a_besluit_together_or_neither(fresh_demo, punten):
    from queries import vergaderingen as vg

    ini = _indienen(fresh_demo, punten)
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        q.stap_vastleggen(conn, ini, "draagkrachtscan", kalender.vandaag(), "scan")
        v = vg.maak_vergadering(conn, "sturingsoverleg", date(2031, 3, 6))
    with pytest.raises(OngeldigeStap):  # conditional advice without conditions: refused, nothing recorded
        with as_layer(fresh_demo, "hkd", "hkd") as conn:
            vg.leg_advies_vast(conn, v, ini, "voorwaardelijk", "  ", "1")
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        assert vg.besluitenlijst(conn, v).empty and q.initiatief(conn, ini).stap == "draagkrachtscan"
        vg.leg_advies_vast(conn, v, ini, "voorwaardelijk", "Eerst een beheercommissie", "1", "Goed plan")
        besluiten = vg.besluitenlijst(conn, v)
        stap = q.stappen(conn, ini).iloc[-1]
    assert list(besluiten["soort"]) == ["advies"]
    assert "voorwaarden: Eerst een beheercommissie" in besluiten.iloc[0]["tekst"]
    assert (stap.stap, stap.advies, stap.overleg_datum) == ("advies", "voorwaardelijk", date(2031, 3, 6))


def test_a_provider_withdraws_its_own_initiative_and_can_record_no_other_step(fresh_demo, punten):
    ini = _indienen(fresh_demo, punten)
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        q.stap_vastleggen(conn, ini, "draagkrachtscan", kalender.vandaag(), "scan")
    # any other step, a backdated withdrawal, or a withdrawal carrying an advice: refused by the database
    for stmt in [
        "INSERT INTO hkd.initiatief_stappen (initiatief_id, stap, datum, reden) VALUES (:i, 'bespreking', "
        "current_date, 'x')",
        "INSERT INTO hkd.initiatief_stappen (initiatief_id, stap, datum, reden) VALUES (:i, 'ingetrokken', "
        "current_date - 30, 'x')",
        "INSERT INTO hkd.initiatief_stappen (initiatief_id, stap, datum, reden, advies) VALUES (:i, 'ingetrokken', "
        "current_date, 'x', 'positief')",
    ]:
        _refused(fresh_demo, "aanbieder", stmt, {"i": ini}, "alfa")
    with pytest.raises(OngeldigeStap):
        with as_layer(fresh_demo, "aanbieder", "alfa.medewerker", "alfa") as conn:
            q.intrekken(conn, ini, "   ")
    with as_layer(fresh_demo, "aanbieder", "alfa.medewerker", "alfa") as conn:
        q.intrekken(conn, ini, "Pand niet beschikbaar")
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        stap = q.stappen(conn, ini).iloc[-1]
        vandaag = kalender.nu().date()  # the convenant's day, also just after midnight
        assert (stap.stap, stap.reden, stap.datum) == ("ingetrokken", "Pand niet beschikbaar", vandaag)
        assert stap.vastgelegd_door == "alfa.medewerker"
    with pytest.raises((OngeldigeStap, DBAPIError)):  # an end step: nothing follows, not even a second withdrawal
        with as_layer(fresh_demo, "aanbieder", "alfa.medewerker", "alfa") as conn:
            q.intrekken(conn, ini, "nogmaals")


# The ruimtelijke-procedure flag after submission (migration 191) -------------------------------------------------
def _ruimtelijk_raw(engine, ini, waarde, datum="current_date", rol="hkd", aanbieder=None):
    """Straight into the history table, past the Python checks."""
    with as_layer(engine, rol, "hkd", aanbieder) as conn:
        conn.execute(text("INSERT INTO hkd.initiatief_ruimtelijk (initiatief_id, ruimtelijke_procedure, datum, reden)"
                          f" VALUES (:i, :w, {datum}, 'x')"), {"i": ini, "w": waarde})


def test_hkd_changes_the_ruimtelijk_flag_with_history_and_the_next_steps_follow_at_once(fresh_demo, punten):
    ini = _indienen(fresh_demo, punten)  # flexwonen, flag not set at submission
    vandaag = kalender.vandaag()
    with as_layer(fresh_demo, "hkd", "beleid") as conn:
        q.stap_vastleggen(conn, ini, "draagkrachtscan", vandaag, "scan")
        assert q.ruimtelijk_historie(conn, ini).empty
        eerste = q.ruimtelijk_wijzigen(conn, ini, True, vandaag, "  Onderdeel van de gebiedsontwikkeling Hart van Zuid ")
        assert q.initiatief(conn, ini).ruimtelijke_procedure is True
        q.advies_vastleggen(conn, ini, "positief", "", vandaag, fase="1")
    # the database follows the new value: without the procedure the initiative cannot skip it
    with pytest.raises(DBAPIError, match="niet toegestaan"):
        with as_layer(fresh_demo, "hkd", "beleid") as conn:
            conn.execute(text("INSERT INTO hkd.initiatief_stappen (initiatief_id, stap, datum, reden)"
                              " VALUES (:i, 'beheerafspraken', current_date, 'x')"), {"i": ini})
    with as_layer(fresh_demo, "hkd", "beleid") as conn:
        with pytest.raises(OngeldigeStap, match="Ruimtelijke procedure"):
            q.stap_vastleggen(conn, ini, "beheerafspraken", vandaag, "x")
        # and back: the sloop/nieuwbouw is off; now beheerafspraken follows and the procedure step is refused
        tweede = q.ruimtelijk_wijzigen(conn, ini, False, vandaag, "Sloop gaat niet door")
    with pytest.raises(DBAPIError, match="niet toegestaan"):
        with as_layer(fresh_demo, "hkd", "beleid") as conn:
            conn.execute(text("INSERT INTO hkd.initiatief_stappen (initiatief_id, stap, datum, reden)"
                              " VALUES (:i, 'ruimtelijke_procedure', current_date, 'x')"), {"i": ini})
    with as_layer(fresh_demo, "hkd", "beleid") as conn:
        q.stap_vastleggen(conn, ini, "beheerafspraken", vandaag, "Beheercommissie opgericht")
        historie = q.ruimtelijk_historie(conn, ini)
        audit = conn.execute(text("SELECT tabel, actie, gebruiker FROM hkd.audit_log WHERE "
                                  "(tabel = 'initiatief_ruimtelijk' AND rij_id IN (:a, :b)) OR "
                                  "(tabel = 'initiatieven' AND actie = 'UPDATE' AND rij_id = :i) ORDER BY id"),
                             {"a": str(eerste), "b": str(tweede), "i": str(ini)}).all()
    assert historie["id"].tolist() == [eerste, tweede]
    assert historie["vorige"].tolist() == [False, True] and historie["ruimtelijke_procedure"].tolist() == [True, False]
    assert historie["stap"].tolist() == ["draagkrachtscan", "advies"]
    assert historie["reden"].tolist() == ["Onderdeel van de gebiedsontwikkeling Hart van Zuid", "Sloop gaat niet door"]
    assert set(historie["vastgelegd_door"]) == {"beleid"} and set(historie["datum"]) == {vandaag}
    assert [(t, a, g) for t, a, g in audit] == [("initiatief_ruimtelijk", "INSERT", "beleid"),
                                               ("initiatieven", "UPDATE", "beleid")] * 2


def test_the_ruimtelijk_flag_is_refused_when_it_no_longer_matters_or_says_nothing_new(fresh_demo, punten):
    a = _indienen(fresh_demo, punten, ruimtelijk=True)
    b = _indienen(fresh_demo, punten)
    vandaag = kalender.vandaag()
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        with pytest.raises(OngeldigeStap, match="al leidend"):
            q.ruimtelijk_wijzigen(conn, a, True, vandaag, "x")
        with pytest.raises(OngeldigeStap, match="reden"):
            q.ruimtelijk_wijzigen(conn, a, False, vandaag, "   ")
        for ini in (a, b):
            q.stap_vastleggen(conn, ini, "draagkrachtscan", vandaag, "scan")
            q.advies_vastleggen(conn, ini, "positief", "", vandaag, fase="0")
        q.stap_vastleggen(conn, a, "ruimtelijke_procedure", vandaag, "bestemmingsplan")
        q.intrekken(conn, b, "Pand verkocht")
        with pytest.raises(OngeldigeStap, match="bepaalt de volgende stappen niet meer"):
            q.ruimtelijk_wijzigen(conn, a, False, vandaag, "toch niet")
        with pytest.raises(OngeldigeStap, match="is ingetrokken"):
            q.ruimtelijk_wijzigen(conn, b, True, vandaag, "toch wel")
    # the database says the same past the Python checks, and refuses a future date and a repeated value
    for ini, waarde, datum, melding in [
        (a, False, "current_date", "staat al bij 'Ruimtelijke procedure"),
        (b, True, "current_date", "is ingetrokken: de ruimtelijke procedure wijzigt niet meer"),
        (a, True, "current_date", "is al leidend"),
    ]:
        with pytest.raises(DBAPIError, match=melding):
            _ruimtelijk_raw(fresh_demo, ini, waarde, datum)
    c = _indienen(fresh_demo, punten)
    with pytest.raises(DBAPIError, match="tussen de indiening en vandaag"):
        _ruimtelijk_raw(fresh_demo, c, True, "current_date + 1")
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        for datum in (vandaag + timedelta(days=365), date(2020, 1, 1)):  # a year on (also from a 29th of February)
            with pytest.raises(OngeldigeStap, match="tussen de indiening en vandaag"):
                q.ruimtelijk_wijzigen(conn, c, True, datum, "x")
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        assert q.ruimtelijk_historie(conn, a).empty and q.ruimtelijk_historie(conn, b).empty
        assert q.initiatief(conn, a).ruimtelijke_procedure is True and q.initiatief(conn, b).ruimtelijke_procedure is False


def test_the_ruimtelijk_flag_moves_only_through_its_history(fresh_demo, punten):
    ini = _indienen(fresh_demo, punten)
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        wijziging = q.ruimtelijk_wijzigen(conn, ini, True, kalender.vandaag(), "Gebiedsontwikkeling")
    # HKD may no longer UPDATE the column; history rows cannot be rewritten
    _refused(fresh_demo, "hkd", "UPDATE hkd.initiatieven SET ruimtelijke_procedure = false WHERE id = :i", {"i": ini})
    _refused(fresh_demo, "hkd", "UPDATE hkd.initiatief_ruimtelijk SET reden = 'x' WHERE id = :w", {"w": wijziging})
    _refused(fresh_demo, "hkd", "DELETE FROM hkd.initiatief_ruimtelijk")
    # not even the owner changes the value without a history row saying so
    with pytest.raises(DBAPIError, match="alleen met een regel"):
        with fresh_demo.begin() as conn:
            conn.execute(text("UPDATE hkd.initiatieven SET ruimtelijke_procedure = false WHERE id = :i"), {"i": ini})
    with fresh_demo.begin() as conn:  # an UPDATE that leaves the value as the history says is fine
        conn.execute(text("UPDATE hkd.initiatieven SET ruimtelijke_procedure = true WHERE id = :i"), {"i": ini})


def test_a_provider_cannot_change_the_ruimtelijk_flag_but_reads_its_own_history(fresh_demo, punten):
    eigen = _indienen(fresh_demo, punten)
    ander = _indienen(fresh_demo, punten, als="bravo")
    with as_layer(fresh_demo, "hkd", "hkd") as conn:
        q.ruimtelijk_wijzigen(conn, eigen, True, kalender.vandaag(), "Sloop/nieuwbouw")
        q.ruimtelijk_wijzigen(conn, ander, True, kalender.vandaag(), "Sloop/nieuwbouw")
    for stmt in [
        "INSERT INTO hkd.initiatief_ruimtelijk (initiatief_id, ruimtelijke_procedure, datum, reden) "
        "VALUES (:i, false, current_date, 'x')",
        "UPDATE hkd.initiatieven SET ruimtelijke_procedure = false WHERE id = :i",
    ]:
        for i in (eigen, ander):
            _refused(fresh_demo, "aanbieder", stmt, {"i": i}, "alfa")
    with pytest.raises(DBAPIError, match="permission denied"):
        with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
            q.ruimtelijk_wijzigen(conn, eigen, False, kalender.vandaag(), "wij willen anders")
    _refused(fresh_demo, "publiek", "SELECT * FROM hkd.initiatief_ruimtelijk LIMIT 1")
    with as_layer(fresh_demo, "aanbieder", "alfa", "alfa") as conn:
        assert q.ruimtelijk_historie(conn, eigen)["reden"].tolist() == ["Sloop/nieuwbouw"]
        assert q.ruimtelijk_historie(conn, ander).empty
        assert q.initiatief(conn, eigen).ruimtelijke_procedure is True


def test_zelfstandig_wonen_does_not_enter_the_joint_route(fresh_demo, punten):
    """Seed 001, Scope van het convenant: "Voor alle woonvormen, m.u.v. zelfstandig wonen, wordt een gezamenlijk
    traject doorlopen." The database holds the same exception as core.domain and refuses such an initiative; every
    other woonvorm is accepted."""
    with fresh_demo.connect() as conn:
        zonder = {r[0] for r in conn.execute(text("SELECT woonvorm FROM hkd.woonvormen_zonder_traject"))}
        alle = {r[0] for r in conn.execute(text("SELECT code FROM hkd.woonvormen"))}
    assert zonder == set(ZONDER_GEZAMENLIJK_TRAJECT) == {"zelfstandig_zorg"}
    with pytest.raises(DBAPIError, match="doorloopt het stappenplan niet"):
        _indienen(fresh_demo, punten, woonvorm="zelfstandig_zorg")
    for woonvorm in sorted(alle - zonder):
        assert _indienen(fresh_demo, punten, woonvorm=woonvorm) > 0
    # the form says why before the database has to
    from dashboard.initiatieven.invoer import fouten

    fout = fouten(q.NieuwInitiatief("a", "zelfstandig_zorg", "b", 3, "c"), [q.KandidaatAdres("A", *punten[0])],
                    alle)
    assert fout == ["Zelfstandig wonen doorloopt het stappenplan niet: het convenant volgt een gezamenlijk traject "
                    "voor alle woonvormen behalve zelfstandig wonen."]


def test_woonvorm_vocabulary_is_the_database_s(demo_engine):
    """core.domain's woonvorm names and terms cover exactly the woonvormen the database knows (seed 001 terms)."""
    with demo_engine.connect() as conn:
        db_namen = dict(conn.execute(text("SELECT code, naam FROM hkd.woonvormen")).all())
    assert db_namen == WOONVORM_NAMEN
    assert set(WOONVORM_TERMIJNEN) == set(db_namen)
    assert WOONVORM_TERMIJNEN["opvang"].max_maanden == 3
    assert (WOONVORM_TERMIJNEN["beschermd_wonen"].min_maanden, WOONVORM_TERMIJNEN["beschermd_wonen"].max_maanden) \
        == (36, 60)
    assert (WOONVORM_TERMIJNEN["doorstroom"].min_maanden, WOONVORM_TERMIJNEN["doorstroom"].max_maanden) == (9, 16)
    assert WOONVORM_TERMIJNEN["flexwonen"].max_maanden == 12


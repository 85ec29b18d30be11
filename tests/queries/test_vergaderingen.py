"""Meetings as records on the real demo: history, proposals, "since the previous held meeting", actions carried
over, provider visibility, concurrency (two editors of one agenda), the chair, append-only decisions, audit."""

import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from core.domain import INVENTARISATIE_DATUM
from core.kalender import vandaag
from data.demo_vergaderingen import PLATFORM_DATA, platform_data, volgend_sturingsoverleg
from geo.agenda import AGENDA_MAX_PUNTEN, AgendaVoorstel
from queries import agenda_bronnen, overleg
from queries import vergaderingen as vg
from queries.besluiten import FaseBesluit, append_fase_besluit, fase_counts
from queries.lagen import as_layer
from tests.demo_dagen import in_voorbereiding, laaddag

M10, M11 = date(2025, 5, 15), date(2025, 9, 11)  # demo meetings; M10 changed two fasen


def _vid(conn, soort, datum):
    return conn.execute(text("SELECT id FROM hkd.vergaderingen WHERE soort = :s AND datum = :d"),
                        {"s": soort, "d": datum}).scalar_one()


def test_demo_has_a_meeting_history_consistent_with_the_fase_history(demo_engine):
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        lijst = vg.vergaderingen_lijst(conn)
        assert fase_counts(conn, INVENTARISATIE_DATUM) == {"0": 41, "1": 30, "2": 6, "3a": 1, "3b": 0}
        assert fase_counts(conn, vandaag()) == {"0": 41, "1": 31, "2": 6, "3a": 0, "3b": 0}
        ongekoppeld = conn.execute(text(
            "SELECT count(*) FROM hkd.fase_besluiten f WHERE f.overleg_datum IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM hkd.vergadering_besluiten b WHERE b.fase_besluit_id = f.id)")).scalar_one()
        inventaris = vg.besluitenlijst(conn, _vid(conn, "sturingsoverleg", INVENTARISATIE_DATUM))
        geladen = laaddag(conn)
    assert ongekoppeld == 0, "every fase decision of a meeting is on that meeting's besluitenlijst"
    # the 78 inventory decisions, and HKD-078 back to fase 1 per 12-6-2023 (seed 001: "inmiddels terug naar fase 1")
    assert len(inventaris) == 79
    per_soort = lijst.groupby("soort").size().to_dict()
    assert per_soort == {"sturingsoverleg": 19, "platform": len(platform_data(geladen))}
    voorbereiding = lijst[lijst["status"] == "in_voorbereiding"]
    assert list(voorbereiding["datum"]) == [volgend_sturingsoverleg(geladen)]  # the next one after the load day
    assert (voorbereiding["datum"] > geladen).all()
    assert (lijst["open_acties"].sum()) > 0


def test_previous_held_meeting_of_the_same_type(demo_engine):
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        assert vg.vorige_gehouden(conn, "sturingsoverleg", M11) == M10
        assert vg.vorige_gehouden(conn, "platform", M11) == date(2025, 4, 10)
        assert vg.vorige_gehouden(conn, "sturingsoverleg", INVENTARISATIE_DATUM) is None
        # the meeting in preparation is not held: the one after it still looks back to 12-11-2026
        daarna = in_voorbereiding(conn) + timedelta(days=45)
        assert vg.vorige_gehouden(conn, "sturingsoverleg", daarna) == date(2026, 11, 12)


def test_changed_since_the_previous_held_meeting_not_the_day_before(fresh_demo):
    with as_layer(fresh_demo, "hkd", "t.tester") as conn:
        # what M10 decided was discussed at M10: not "changed" for M11 (the old rule showed it again)
        assert overleg.wijzigingen_sinds(conn, M11, vg.vorige_gehouden(conn, "sturingsoverleg", M11)) == {}
        assert len(overleg.fase_wijzigingen(conn, M11, M10)) == 2
        locatie = conn.execute(text("SELECT id FROM hkd.locaties ORDER BY code LIMIT 1")).scalar_one()
        append_fase_besluit(conn, FaseBesluit(locatie, "2", date(2025, 7, 1), "Tussen twee overleggen", "t.tester"))
    with as_layer(fresh_demo, "hkd", "t.tester") as conn:
        gewijzigd = overleg.wijzigingen_sinds(conn, M11, vg.vorige_gehouden(conn, "sturingsoverleg", M11))
        assert list(gewijzigd) == [locatie] and gewijzigd[locatie][1] == "2"
        voorstellen = overleg.agenda_voorstellen(conn, M11)
        mijn = next(v for v in voorstellen if v.locatie_id == locatie)
        assert any("gewijzigd sinds het vorige gehouden overleg" in r for r in mijn.redenen)
        # M10 not held after all: its own changes count again for M11
        conn.execute(text("UPDATE hkd.vergaderingen SET status = 'in_voorbereiding' "
                          "WHERE soort = 'sturingsoverleg' AND datum = :d"), {"d": M10})
        assert vg.vorige_gehouden(conn, "sturingsoverleg", M11) == date(2025, 3, 13)
        terug = set(overleg.wijzigingen_sinds(conn, M11, date(2025, 3, 13)))
        assert terug == {locatie} | set(overleg.fase_wijzigingen(conn, M11, M10)) and len(terug) >= 2


def test_proposed_agenda_is_focused_with_routine_items_bundled(demo_engine, capsys):
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        oud = overleg.agenda(conn, vandaag())
        vs = agenda_bronnen.voorstelling(conn, in_voorbereiding(conn))
        punten = vg.agendapunten(conn, _vid(conn, "sturingsoverleg", in_voorbereiding(conn)))
    with capsys.disabled():
        print(f"\nagenda length: old rule {len(oud)} items today; new rule {len(vs.punten)} items + "
              f"{len(vs.hamerstukken)} hamerstukken bundled as 1 + {len(vs.reserve)} in reserve")
    assert len(vs.punten) <= AGENDA_MAX_PUNTEN and vs.hamerstukken
    assert all(v.hamerstuk and v.redenen[0].startswith("Beheerconvenant over tijd") for v in vs.hamerstukken)
    gewichten = [v.gewicht for v in vs.punten]
    assert gewichten == sorted(gewichten, reverse=True)
    # the meeting in preparation holds the proposals
    assert set(punten.loc[punten["status"] == "voorgesteld", "sleutel"]) == {
        v.sleutel for v in vs.punten + vs.hamerstukken}


def test_open_actions_come_back_until_done(fresh_demo):
    with as_layer(fresh_demo, "hkd", "t.tester") as conn:
        vorige = _vid(conn, "sturingsoverleg", date(2026, 11, 12))
        actie = vg.voeg_actie_toe(conn, vorige, "Rapportage <b>=SUM(A1)</b> aanleveren", "Politie Rotterdam",
                                  date(2026, 12, 1))
        sleutels = {v.sleutel for v in vg.agenda_voorstellen(conn, in_voorbereiding(conn))}
        assert f"actie:{actie}" in sleutels
        assert f"actie:{actie}" not in {v.sleutel for v in vg.agenda_voorstellen(conn, date(2026, 11, 12))}
        vs = agenda_bronnen.voorstelling(conn, in_voorbereiding(conn))
        mijn = next(v for v in vs.punten + vs.reserve if v.sleutel == f"actie:{actie}")
        assert mijn.titel == "Actie: Rapportage <b>=SUM(A1)</b> aanleveren"  # stored as typed; escaped where shown
        assert any("verstreken" in r for r in mijn.redenen)
        vg.zet_actie_status(conn, actie, "gereed", _vid(conn, "sturingsoverleg", in_voorbereiding(conn)))
        daarna = in_voorbereiding(conn) + timedelta(days=45)
        assert f"actie:{actie}" not in {v.sleutel for v in vg.agenda_voorstellen(conn, daarna)}


def test_providers_see_only_decisions_about_their_own_locations(demo_engine):
    with as_layer(demo_engine, "hkd", "t") as conn:
        alle = vg.eigen_besluiten(conn)
        eigen = conn.execute(text(
            "SELECT count(*) FROM hkd.vergadering_besluiten b JOIN hkd.aanbieders a ON a.id = b.aanbieder_id "
            "WHERE a.code = 'alfa'")).scalar_one()
    with as_layer(demo_engine, "aanbieder", "alfa", "alfa") as conn:
        alfa = vg.eigen_besluiten(conn)
        lijst = vg.besluitenlijst(conn, _vid(conn, "sturingsoverleg", INVENTARISATIE_DATUM))
        codes = {r[0] for r in conn.execute(text("SELECT code FROM hkd.mijn_locaties"))}
        ids = {r[0] for r in conn.execute(text("SELECT id FROM hkd.mijn_locaties"))}
        punten = {r[0] for r in conn.execute(text("SELECT locatie_id FROM hkd.agendapunten"))}
    assert 0 < len(alfa) == eigen < len(alle)
    assert set(alfa["code"]) <= codes and set(lijst["code"]) <= codes and len(lijst) == len(codes)
    assert punten and punten <= ids, "agenda items about their own locations only"
    for lezen in ("SELECT * FROM hkd.vergadering_acties", "SELECT * FROM hkd.vergadering_deelnemers"):
        with pytest.raises(DBAPIError, match="permission denied"), as_layer(demo_engine, "aanbieder", "a", "alfa") as c:
            c.execute(text(lezen))
    for lezen in ("SELECT * FROM hkd.vergadering_besluiten", "SELECT * FROM hkd.vergaderingen"):
        with pytest.raises(DBAPIError, match="permission denied"), as_layer(demo_engine, "publiek", "p") as c:
            c.execute(text(lezen))
    with pytest.raises(DBAPIError, match="permission denied"), as_layer(demo_engine, "aanbieder", "a", "alfa") as c:
        vg.voeg_besluit_toe(c, 1, "vrij", "Aanbieder besluit zelf")


def test_two_editors_of_one_agenda_never_overwrite_silently(fresh_demo):
    with as_layer(fresh_demo, "hkd", "a.secretaris") as conn:
        vid = _vid(conn, "sturingsoverleg", in_voorbereiding(conn))
        gezien = vg.vergadering(conn, vid).versie
    # both saw the same version; the first edit wins, the second is refused and writes nothing
    with as_layer(fresh_demo, "hkd", "a.secretaris") as conn:
        vg.bewerk(conn, vid, gezien)
        vg.voeg_punt_toe(conn, vid, AgendaVoorstel("vrij", "rondvraag", "Rondvraag", ()), handmatig=True)
    with pytest.raises(vg.VersieConflict), as_layer(fresh_demo, "hkd", "b.collega") as conn:
        vg.bewerk(conn, vid, gezien)
        vg.voeg_punt_toe(conn, vid, AgendaVoorstel("vrij", "wvttk", "Wat verder ter tafel komt", ()), handmatig=True)
    with as_layer(fresh_demo, "hkd", "t") as conn:
        sleutels = set(vg.agendapunten(conn, vid)["sleutel"])
        assert "rondvraag" in sleutels and "wvttk" not in sleutels
        assert vg.vergadering(conn, vid).versie == gezien + 1


def test_concurrent_edits_wait_for_each_other_and_the_later_one_is_refused(fresh_demo):
    with as_layer(fresh_demo, "hkd", "t") as conn:
        vid = _vid(conn, "sturingsoverleg", in_voorbereiding(conn))
        gezien = vg.vergadering(conn, vid).versie
    uitkomst: list[str] = []
    gestart = threading.Event()

    def tweede():
        gestart.set()
        try:
            with as_layer(fresh_demo, "hkd", "b.collega") as c:
                vg.bewerk(c, vid, gezien)  # blocks on the row lock of the first editor, then sees a new version
                uitkomst.append("geschreven")
        except vg.VersieConflict:
            uitkomst.append("geweigerd")

    with as_layer(fresh_demo, "hkd", "a.secretaris") as conn:
        vg.bewerk(conn, vid, gezien)
        draad = threading.Thread(target=tweede)
        draad.start()
        gestart.wait()
    draad.join()
    assert uitkomst == ["geweigerd"]


def test_only_the_chair_moves_the_current_item(fresh_demo):
    with as_layer(fresh_demo, "hkd", "a.secretaris") as conn:
        vid = _vid(conn, "sturingsoverleg", in_voorbereiding(conn))
        punten = vg.agendapunten(conn, vid)
        eerste, tweede = (int(i) for i in punten["id"][:2])
        assert vg.zet_huidig_punt(conn, vid, eerste)
    with as_layer(fresh_demo, "hkd", "b.collega") as conn:
        assert not vg.zet_huidig_punt(conn, vid, tweede)
        stand = vg.live_stand(conn, vid)
        assert stand.huidig_punt_id == eerste and stand.voorzitter == "a.secretaris"
        vg.neem_voorzitterschap(conn, vid)
        assert vg.zet_huidig_punt(conn, vid, tweede)
        andere = _vid(conn, "platform", PLATFORM_DATA[0])
        assert not vg.zet_huidig_punt(conn, andere, tweede), "an item of another meeting is refused"


def test_decisions_are_appended_linked_and_audited(fresh_demo):
    with as_layer(fresh_demo, "hkd", "a.secretaris") as conn:
        vid = _vid(conn, "sturingsoverleg", in_voorbereiding(conn))
        punt = vg.agendapunten(conn, vid).iloc[0]
        locatie = int(punt["locatie_id"])
        bid = vg.leg_fasebesluit_vast(conn, vid, int(punt["id"]), FaseBesluit(
            locatie, "3a", in_voorbereiding(conn), "Verbeterplan", "a.secretaris", in_voorbereiding(conn)))
        vg.voeg_besluit_toe(conn, vid, "vrij", "Volgende vergadering in het wijkbureau")
        lijst = vg.besluitenlijst(conn, vid)
    assert list(lijst["soort"]) == ["fase", "vrij"] and lijst.iloc[0]["fase"] == "3a"
    assert lijst.iloc[0]["vastgelegd_door"] == "a.secretaris"
    with pytest.raises(DBAPIError, match="permission denied"), as_layer(fresh_demo, "hkd", "x") as conn:
        conn.execute(text("UPDATE hkd.vergadering_besluiten SET tekst = 'anders' WHERE id = :id"), {"id": bid})
    with pytest.raises(DBAPIError, match="alleen-toevoegen"), fresh_demo.begin() as conn:  # not even the owner
        conn.execute(text("DELETE FROM hkd.vergadering_besluiten WHERE id = :id"), {"id": bid})
    with as_layer(fresh_demo, "hkd", "t") as conn:
        tabellen = {r[0] for r in conn.execute(text(
            "SELECT DISTINCT tabel FROM hkd.audit_log WHERE gebruiker = 'a.secretaris'"))}
    assert {"vergadering_besluiten", "fase_besluiten"} <= tabellen

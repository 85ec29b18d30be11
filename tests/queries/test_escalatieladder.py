"""The escalatieladder on the real demo: stand per datum from the append-only history, timeline, checklist, progress."""

from datetime import date

import pandas as pd
import pytest

from core.domain import FASE_CODES, INVENTARISATIE_DATUM
from core.kalender import vandaag
from geo.agenda import convenant_grens
from queries import fasen
from queries.besluiten import fase_counts
from queries.lagen import as_layer

VANDAAG = vandaag()


def _per_fase(frame: pd.DataFrame) -> list[int]:
    counts = frame["fase"].value_counts()
    return [int(counts.get(code, 0)) for code in FASE_CODES]


@pytest.mark.parametrize(("op", "verwacht"), [(INVENTARISATIE_DATUM, [41, 30, 6, 1, 0]), (VANDAAG, [41, 31, 6, 0, 0])])
def test_stand_per_datum_matches_the_inventory_and_today(demo_engine, op, verwacht):
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        kaart = fasen.locaties_kaart(conn, op)
        telling = fase_counts(conn, op)
    assert _per_fase(kaart) == verwacht
    assert list(telling.values()) == verwacht
    assert len(kaart) == 78


def test_before_the_inventory_no_location_has_a_fase(demo_engine):
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        kaart = fasen.locaties_kaart(conn, date(2023, 5, 31))
    assert kaart["fase"].isna().all()


def test_map_frame_has_points_in_rotterdam_and_a_checklist_for_every_location(demo_engine):
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        kaart = fasen.locaties_kaart(conn, VANDAAG)
    assert kaart["lat"].between(51.8, 52.0).all() and kaart["lon"].between(4.0, 4.7).all()
    assert kaart["beheercommissie"].notna().all()
    # open actions today: 4 commissies not yet (re)started, 8 convenanten still being updated (and more overdue)
    assert int(kaart["actie_commissie"].sum()) == 4
    assert int((kaart["beheerconvenant"] != "actueel").sum()) == 8
    assert (kaart["open_acties"] == kaart[["actie_commissie", "actie_convenant", "actie_meldingenregister"]].sum(axis=1)).all()


def test_the_3a_location_returns_to_fase_1_and_its_timeline_shows_why(demo_engine):
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        toen = fasen.locaties_kaart(conn, INVENTARISATIE_DATUM)
        locatie_id = int(toen.loc[toen["fase"] == "3a", "id"].iloc[0])
        nu = fasen.locaties_kaart(conn, VANDAAG).set_index("id").loc[locatie_id]
        tijdlijn = fasen.fase_tijdlijn(conn, locatie_id, VANDAAG)
        eerder = fasen.fase_tijdlijn(conn, locatie_id, INVENTARISATIE_DATUM)
    assert nu["fase"] == "1"
    # seed 001 (13-6-2023): "1 locatie die inmiddels terug is naar fase 1": 3a at the inventory, then back to 1
    assert list(tijdlijn["fase"]) == ["3a", "1"]
    assert tijdlijn["reden"].str.len().gt(0).all() and tijdlijn["vastgelegd_door"].notna().all()
    assert tijdlijn["overleg_datum"].notna().all()
    assert list(eerder["fase"]) == ["3a"], "the stand per datum hides later decisions"


def test_a_corrected_decision_is_kept_and_marked_both_ways(demo_engine):
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        kaart = fasen.locaties_kaart(conn, VANDAAG)
        tijdlijnen = {int(i): fasen.fase_tijdlijn(conn, int(i), VANDAAG) for i in kaart["id"]}
    gecorrigeerd = [t for t in tijdlijnen.values() if t["corrigeert_id"].notna().any()]
    assert len(gecorrigeerd) == 1
    t = gecorrigeerd[0]
    correctie = t[t["corrigeert_id"].notna()].iloc[0]
    fout = t[t["id"] == correctie["corrigeert_id"]].iloc[0]
    assert fout["gecorrigeerd_door_id"] == correctie["id"]
    assert t.iloc[-1]["fase"] == correctie["fase"] == "1"


def test_wijkprofiel_indices_of_a_locations_wijk(demo_engine):
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        kaart = fasen.locaties_kaart(conn, VANDAAG)
        code = kaart["wijkprofiel_code"].dropna().iloc[0]
        indices = fasen.wijkprofiel_indices(conn, code, VANDAAG.year)
        geen = fasen.wijkprofiel_indices(conn, None, VANDAAG.year)
    assert set(indices["indicator"]) == {"wijkprofiel_veiligheid", "wijkprofiel_sociaal", "wijkprofiel_fysiek"}
    assert indices["jaar"].nunique() == 1 and indices["waarde"].between(30, 200).all()
    assert geen.empty


def test_inventory_progress_6_15_31_done_and_open_over_time(demo_engine):
    with as_layer(demo_engine, "hkd", "t.tester") as conn:
        v = fasen.inventaris_voortgang(conn, INVENTARISATIE_DATUM, VANDAAG)
    assert (v[["verscherpt_totaal", "commissies_totaal", "convenanten_totaal"]].iloc[0] == [6, 15, 31]).all()
    eerste, laatste = v.iloc[0], v.iloc[-1]
    assert (eerste["commissies_gedaan"], eerste["convenanten_gedaan"]) == (0, 0)
    assert (laatste["verscherpt_gedaan"], laatste["commissies_gedaan"], laatste["convenanten_gedaan"]) == (6, 11, 23)
    for kolom in ("commissies_gedaan", "convenanten_gedaan"):
        assert v[kolom].is_monotonic_increasing
    assert v["datum"].iloc[-1] == VANDAAG


def test_convenant_grens_handles_leap_day():
    assert convenant_grens(date(2028, 2, 29), 5) == date(2023, 2, 28)
    assert convenant_grens(date(2026, 11, 23), 5) == date(2021, 11, 23)

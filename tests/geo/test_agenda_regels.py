"""The agenda rules (pure): ranking, cap, hamerstukken bundling, merging per location, actions carried over."""

from datetime import date

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from geo.agenda import (
    AGENDA_MAX_PUNTEN,
    AgendaVoorstel,
    actie_voorstel,
    convenant_grens,
    fase_voorstellen,
    stel_agenda_voor,
)

voorstellen = st.lists(st.builds(
    AgendaVoorstel, bron=st.sampled_from(["fase", "actie", "melding"]), sleutel=st.text("abc123", min_size=1, max_size=3),
    titel=st.text(min_size=1, max_size=5), redenen=st.tuples(st.text(max_size=5)), gewicht=st.integers(0, 40),
    locatie_id=st.one_of(st.none(), st.integers(1, 6)), hamerstuk=st.booleans()), max_size=40)


@given(voorstellen, st.integers(0, 15))
def test_cap_ranking_and_bundling_hold_for_any_proposals(vs, cap):
    uit = stel_agenda_voor(vs, cap)
    assert len(uit.punten) <= cap
    assert all(v.hamerstuk for v in uit.hamerstukken) and not any(v.hamerstuk for v in uit.punten + uit.reserve)
    gewichten = [v.gewicht for v in uit.punten + uit.reserve]
    assert gewichten == sorted(gewichten, reverse=True), "heaviest first, the reserve lighter than any item"
    alle = uit.punten + uit.hamerstukken + uit.reserve
    sleutels = [(v.bron, v.sleutel) if v.locatie_id is None else v.locatie_id for v in alle]
    assert len(sleutels) == len(set(sleutels)), "nothing twice"
    # nothing lost: every location and every key without a location is somewhere
    assert {v.locatie_id for v in vs if v.locatie_id is not None} == {v.locatie_id for v in alle if v.locatie_id}
    assert {(v.bron, v.sleutel) for v in vs if v.locatie_id is None} == {
        (v.bron, v.sleutel) for v in alle if v.locatie_id is None}


def test_same_location_from_two_sources_is_one_item_with_both_reasons():
    fase = AgendaVoorstel("fase", "locatie:3", "L003", ("Fase 2",), 10, 3)
    actie = AgendaVoorstel("actie", "actie:9", "Actie: x", ("Deadline verstreken",), 8, 3)
    uit = stel_agenda_voor([actie, fase])
    assert len(uit.punten) == 1
    assert uit.punten[0].sleutel == "locatie:3" and uit.punten[0].redenen == ("Fase 2", "Deadline verstreken")


def test_routine_only_when_every_source_says_so():
    routine = AgendaVoorstel("fase", "locatie:3", "L003", ("Beheerconvenant over tijd",), 0, 3, hamerstuk=True)
    actie = AgendaVoorstel("actie", "actie:9", "Actie: x", ("Open",), 3, 3)
    uit = stel_agenda_voor([routine, actie])
    assert not uit.hamerstukken and len(uit.punten) == 1


def _locatie(i, fase="0", commissie="actief", convenant="actueel", datum=date(2024, 1, 1), register=True):
    return {"id": i, "code": f"L{i:03d}", "naam": f"Locatie {i}", "fase": fase, "beheercommissie": commissie,
            "beheerconvenant": convenant, "convenant_datum": datum, "meldingenregister": register,
            "actie_commissie": commissie != "actief",
            "actie_convenant": convenant != "actueel" or datum < convenant_grens(date(2027, 1, 14)),
            "actie_meldingenregister": not register}


def test_an_old_convenant_alone_is_a_hamerstuk_and_urgent_fasen_rank_first():
    op = date(2027, 1, 14)
    locaties = pd.DataFrame([
        _locatie(1, datum=date(2015, 1, 1)),  # only an old convenant: routine
        _locatie(2, fase="2"),
        _locatie(3, fase="3a"),
        _locatie(4, commissie="opstart"),
        _locatie(5),  # nothing: not proposed
        _locatie(6, fase="1", datum=date(2015, 1, 1)),  # changed fase and old convenant: discussed
    ])
    vs = fase_voorstellen(locaties, {6: ("0", "1")}, convenant_grens(op))
    uit = stel_agenda_voor(vs)
    assert [v.locatie_id for v in uit.punten] == [3, 2, 6, 4]
    assert [v.locatie_id for v in uit.hamerstukken] == [1]
    assert any("gewijzigd sinds het vorige gehouden overleg" in r for r in uit.punten[2].redenen)


def test_many_proposals_are_capped_and_the_rest_waits_in_reserve():
    vs = [AgendaVoorstel("fase", f"locatie:{i}", f"L{i}", ("x",), gewicht=i, locatie_id=i) for i in range(30)]
    uit = stel_agenda_voor(vs)
    assert len(uit.punten) == AGENDA_MAX_PUNTEN and len(uit.reserve) == 30 - AGENDA_MAX_PUNTEN
    assert uit.punten[0].gewicht == 29 and min(v.gewicht for v in uit.punten) > max(v.gewicht for v in uit.reserve)


def test_an_overdue_action_weighs_more_than_an_open_one():
    open_ = actie_voorstel(1, "Convenant", "Stichting Alfa Zorg", date(2027, 3, 1), date(2026, 11, 12), date(2027, 1, 14))
    over = actie_voorstel(2, "Convenant", "Stichting Alfa Zorg", date(2026, 12, 1), date(2026, 11, 12), date(2027, 1, 14))
    assert over.gewicht > open_.gewicht
    assert "verstreken" in over.redenen[-1] and over.sleutel == "actie:2" and over.bron == "actie"


def test_the_hamerstukken_count_as_one_agenda_point():
    from geo.agenda import aantal_agendapunten

    assert aantal_agendapunten([False] * 12 + [True] * 11) == 13
    assert aantal_agendapunten([False, False]) == 2
    assert aantal_agendapunten([True, True, True]) == 1
    assert aantal_agendapunten([]) == 0

"""The stappenplan as a pure state machine: allowed and refused transitions, the routes per woonvorm and flag."""

from __future__ import annotations

import pytest

from core.domain import EINDSTAPPEN, OVERGANGEN, STAPPEN
from geo.stappenplan import (
    Context,
    OngeldigeStap,
    controleer,
    controleer_ruimtelijk,
    route,
    ruimtelijk_telt,
    volgende_stappen,
)


def test_bw_and_opvang_need_a_collegebesluit_after_a_positive_advice():
    for woonvorm in ("beschermd_wonen", "opvang"):
        ctx = Context(woonvorm, advies="positief")
        assert "collegebesluit" in volgende_stappen("advies", ctx)
        assert "beheerafspraken" not in volgende_stappen("advies", ctx)
        with pytest.raises(OngeldigeStap, match="Collegebesluit"):
            controleer("advies", "beheerafspraken", ctx)


def test_other_woonvormen_skip_the_collegebesluit():
    ctx = Context("flexwonen", advies="voorwaardelijk")
    assert volgende_stappen("advies", ctx) == ("beheerafspraken", "ingetrokken")
    with pytest.raises(OngeldigeStap):
        controleer("advies", "collegebesluit", ctx)


def test_ruimtelijke_procedure_flag_changes_the_next_steps():
    assert route(Context("flexwonen", ruimtelijk=True)) == (
        "aangemeld", "draagkrachtscan", "bespreking", "advies", "ruimtelijke_procedure", "beheerafspraken",
        "gerealiseerd")
    assert route(Context("opvang", ruimtelijk=True))[4:6] == ("collegebesluit", "ruimtelijke_procedure")
    assert "ruimtelijke_procedure" not in route(Context("opvang"))


def test_negative_advice_only_leads_to_afgewezen_or_ingetrokken():
    assert volgende_stappen("advies", Context("opvang", advies="negatief")) == ("ingetrokken", "afgewezen")


def test_no_skipping_no_going_back_and_end_steps_are_final():
    ctx = Context("doorstroom")
    for van, naar in [("aangemeld", "advies"), ("aangemeld", "gerealiseerd"), ("bespreking", "draagkrachtscan"),
                      ("beheerafspraken", "advies")]:
        with pytest.raises(OngeldigeStap):
            controleer(van, naar, ctx, advies="positief")
    for eind in EINDSTAPPEN:
        assert volgende_stappen(eind, ctx) == ()
    with pytest.raises(OngeldigeStap, match="afgerond"):
        controleer("gerealiseerd", "ingetrokken", ctx)


def test_an_advice_step_needs_an_advice_and_unknown_steps_are_refused():
    with pytest.raises(OngeldigeStap, match="positief, voorwaardelijk of negatief"):
        controleer("bespreking", "advies", Context("flexwonen"))
    with pytest.raises(OngeldigeStap, match="onbekende stap"):
        controleer("aangemeld", "'; DROP TABLE x; --", Context("flexwonen"))


def test_every_transition_names_known_steps_and_every_step_can_be_withdrawn():
    for o in OVERGANGEN:
        assert o.van in STAPPEN and o.naar in STAPPEN and o.van not in EINDSTAPPEN
    for stap in STAPPEN:
        if stap not in EINDSTAPPEN:
            assert "ingetrokken" in volgende_stappen(stap, Context("opvang"))


def test_the_ruimtelijk_flag_may_change_only_while_it_still_decides_the_route():
    voor = ("aangemeld", "draagkrachtscan", "bespreking", "advies", "collegebesluit")
    for woonvorm in ("flexwonen", "opvang"):
        for ruimtelijk in (False, True):
            ctx = Context(woonvorm, ruimtelijk)
            assert {s for s in STAPPEN if ruimtelijk_telt(s, ctx)} == set(voor)
            for stap in voor:
                controleer_ruimtelijk(stap, ctx, not ruimtelijk)  # allowed
    # after a negative advice only afgewezen or ingetrokken follow: the flag decides nothing
    assert not ruimtelijk_telt("advies", Context("flexwonen", advies="negatief"))
    assert ruimtelijk_telt("advies", Context("flexwonen", advies="voorwaardelijk"))


def test_changing_the_ruimtelijk_flag_too_late_or_to_the_same_value_is_refused_in_dutch():
    with pytest.raises(OngeldigeStap, match="al leidend"):
        controleer_ruimtelijk("aangemeld", Context("flexwonen", True), True)
    with pytest.raises(OngeldigeStap, match="al niet leidend"):
        controleer_ruimtelijk("advies", Context("flexwonen", False), False)
    for eind in EINDSTAPPEN:
        with pytest.raises(OngeldigeStap, match=f"is {STAPPEN[eind].lower()}: de ruimtelijke procedure wijzigt"):
            controleer_ruimtelijk(eind, Context("opvang", True), False)
    for stap in ("ruimtelijke_procedure", "beheerafspraken"):
        with pytest.raises(OngeldigeStap, match="bepaalt de volgende stappen niet meer"):
            controleer_ruimtelijk(stap, Context("opvang", True), False)
    with pytest.raises(OngeldigeStap, match="niet meer"):
        controleer_ruimtelijk("advies", Context("flexwonen", False, "negatief"), True)
    # the new value reroutes at once
    assert volgende_stappen("advies", Context("flexwonen", True, "positief"))[0] == "ruimtelijke_procedure"
    assert volgende_stappen("advies", Context("flexwonen", False, "positief"))[0] == "beheerafspraken"

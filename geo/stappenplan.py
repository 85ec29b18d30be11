"""The stappenplan of a new initiative as a pure state machine over :data:`core.domain.OVERGANGEN`.

The database holds the same transitions (``hkd.stap_overgangen``, migration 120) and refuses an illegal step with
the same rule, so a page, the CLI and a hand-written INSERT are held to one stappenplan.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.domain import COLLEGEBESLUIT_WOONVORMEN, EINDSTAPPEN, OVERGANGEN, STAPPEN, ZONDER_GEZAMENLIJK_TRAJECT


class OngeldigeStap(ValueError):
    """A transition the stappenplan does not allow (the message is Dutch and names the allowed next steps)."""


@dataclass(frozen=True)
class Context:
    """What decides the route: woonvorm (collegebesluit?), the ruimtelijke-procedure flag, the latest advice."""

    woonvorm: str
    ruimtelijk: bool = False
    advies: str | None = None

    @property
    def college(self) -> bool:
        return self.woonvorm in COLLEGEBESLUIT_WOONVORMEN

    @property
    def negatief(self) -> bool:
        return self.advies == "negatief"


def gezamenlijk_traject(woonvorm: str) -> bool:
    """Whether an initiative of this woonvorm goes through the stappenplan: every woonvorm except zelfstandig wonen
    (seed 001, "Scope van het convenant"; the database refuses the others too, migration 490)."""
    return woonvorm not in ZONDER_GEZAMENLIJK_TRAJECT


def _past(waarde: bool | None, feit: bool) -> bool:
    return waarde is None or waarde == feit


def volgende_stappen(huidige: str, ctx: Context) -> tuple[str, ...]:
    """The steps allowed after ``huidige`` for this initiative, in the order of :data:`STAPPEN`."""
    if huidige not in STAPPEN:
        raise OngeldigeStap(f"onbekende stap {huidige!r}")
    naar = {o.naar for o in OVERGANGEN
            if o.van == huidige and _past(o.college, ctx.college) and _past(o.ruimtelijk, ctx.ruimtelijk)
            and _past(o.negatief, ctx.negatief)}
    return tuple(s for s in STAPPEN if s in naar)


def controleer(huidige: str, naar: str, ctx: Context, advies: str | None = None) -> None:
    """Raise :class:`OngeldigeStap` unless ``huidige -> naar`` is allowed; an advies step needs an advice."""
    if naar not in STAPPEN:
        raise OngeldigeStap(f"onbekende stap {naar!r}")
    toegestaan = volgende_stappen(huidige, ctx)
    if naar not in toegestaan:
        verder = ", ".join(STAPPEN[s] for s in toegestaan) or "geen: dit initiatief is afgerond"
        raise OngeldigeStap(f"van '{STAPPEN[huidige]}' kan het initiatief niet naar '{STAPPEN[naar]}'; "
                            f"wel naar: {verder}")
    if naar == "advies" and advies not in ("positief", "voorwaardelijk", "negatief"):
        raise OngeldigeStap("een advies is positief, voorwaardelijk of negatief")


def is_afgerond(stap: str) -> bool:
    return stap in EINDSTAPPEN


def route(ctx: Context) -> tuple[str, ...]:
    """The usual route from aangemeld to gerealiseerd for this initiative (positive advice), for a progress bar."""
    stappen = ["aangemeld"]
    ctx = Context(ctx.woonvorm, ctx.ruimtelijk, ctx.advies if ctx.advies != "negatief" else "positief")
    while stappen[-1] != "gerealiseerd":
        verder = [s for s in volgende_stappen(stappen[-1], ctx) if s not in ("ingetrokken", "afgewezen")]
        if not verder:
            break
        stappen.append(verder[0])
    return tuple(stappen)


def _open(o, ctx: Context) -> bool:
    """Whether transition ``o`` can apply to this initiative whatever the ruimtelijke-procedure flag."""
    return _past(o.college, ctx.college) and _past(o.negatief, ctx.negatief)


def ruimtelijk_telt(huidige: str, ctx: Context) -> bool:
    """Whether the ruimtelijke-procedure flag can still change the route from ``huidige``: a transition that depends
    on the flag is reachable from here (with this woonvorm and advice). From the procedure itself, from
    beheerafspraken, after a negative advice and at an end step the flag decides nothing any more.

    The database applies the same rule to :data:`OVERGANGEN`'s table (migration 191)."""
    if huidige not in STAPPEN:
        raise OngeldigeStap(f"onbekende stap {huidige!r}")
    bereik, rand = {huidige}, [huidige]
    while rand:
        van = rand.pop()
        for o in OVERGANGEN:
            if o.van == van and _open(o, ctx) and o.naar not in bereik:
                bereik.add(o.naar)
                rand.append(o.naar)
    return any(o.van in bereik and o.ruimtelijk is not None and _open(o, ctx) for o in OVERGANGEN)


def controleer_ruimtelijk(huidige: str, ctx: Context, nieuw: bool) -> None:
    """Raise :class:`OngeldigeStap` (Dutch) unless the flag may change to ``nieuw`` now."""
    if nieuw == ctx.ruimtelijk:
        raise OngeldigeStap("de ruimtelijke procedure is al " + ("leidend" if nieuw else "niet leidend"))
    if huidige in EINDSTAPPEN:
        raise OngeldigeStap(f"het initiatief is {STAPPEN[huidige].lower()}: de ruimtelijke procedure wijzigt "
                            "niet meer")
    if not ruimtelijk_telt(huidige, ctx):
        raise OngeldigeStap(f"het initiatief staat al bij '{STAPPEN[huidige]}': de ruimtelijke procedure bepaalt "
                            "de volgende stappen niet meer")

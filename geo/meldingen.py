"""Monitoring rules (pure): handling norm, the meldingen signal to the agenda, the beheercommissie rhythm per fase,
overdue verbeteracties and the state of a planned action against today.

The norms are stored in ``hkd.monitoring_normen`` (one row, changed by the owner); :class:`MeldingNormen` carries
them into these rules, its defaults equal the table's.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta


@dataclass(frozen=True)
class MeldingNormen:
    """The monitoring norms (see ``hkd.monitoring_normen``)."""

    afhandel_norm_dagen: int = 14
    signaal_periode_maanden: int = 3
    signaal_min_meldingen: int = 8
    signaal_min_buiten_norm: int = 3
    ring_meters: tuple[int, ...] = (100, 250, 500)
    koppel_max_meters: int = 250
    ritme_fase_0_maanden: int = 12
    ritme_fase_1_maanden: int = 3
    ritme_fase_2_maanden: int = 2
    ritme_fase_3_maanden: int = 1

    def ritme_maanden(self, fase: str | None) -> int | None:
        """Most months allowed between two commissie meetings in ``fase`` (``None`` without a fase)."""
        return {
            "0": self.ritme_fase_0_maanden, "1": self.ritme_fase_1_maanden, "2": self.ritme_fase_2_maanden,
            "3a": self.ritme_fase_3_maanden, "3b": self.ritme_fase_3_maanden,
        }.get(fase or "")


def maanden_terug(op: date, maanden: int) -> date:
    """``op`` minus ``maanden`` calendar months (the day clamps to the month's last day: 31 May - 3 = 28/29 Feb)."""
    index = op.year * 12 + op.month - 1 - maanden
    jaar, maand = divmod(index, 12)
    dag = min(op.day, calendar.monthrange(jaar, maand + 1)[1])
    return date(jaar, maand + 1, dag)


def maanden_verder(op: date, maanden: int) -> date:
    """``op`` plus ``maanden`` calendar months (clamped like :func:`maanden_terug`)."""
    return maanden_terug(op, -maanden)


def binnen_norm(ontvangen: datetime, afgehandeld: datetime | None, norm_dagen: int, op: datetime) -> bool | None:
    """Whether a melding was handled within the norm.

    ``True`` handled in time; ``False`` handled late, or still open on ``op`` while the norm has passed; ``None``
    open and still within the norm (not judged yet).
    """
    grens = ontvangen + timedelta(days=norm_dagen)
    if afgehandeld is not None:
        return afgehandeld <= grens
    return False if op > grens else None


@dataclass(frozen=True)
class MeldingSignaal:
    """Why a location's meldingen put it on the agenda (both figures, for the reason the meeting reads)."""

    aantal: int
    buiten_norm: int
    periode_maanden: int
    norm_dagen: int
    door_aantal: bool
    door_norm: bool


def melding_signaal(aantal: int, buiten_norm: int, normen: MeldingNormen) -> MeldingSignaal | None:
    """The signal for a location with ``aantal`` meldingen in the period, ``buiten_norm`` of them not in time.

    A signal when ``aantal >= signaal_min_meldingen`` or ``buiten_norm >= signaal_min_buiten_norm``; else ``None``.
    """
    if aantal < 0 or buiten_norm < 0 or buiten_norm > aantal:
        raise ValueError(f"onmogelijke telling: {aantal} meldingen, {buiten_norm} buiten de norm")
    door_aantal = aantal >= normen.signaal_min_meldingen
    door_norm = buiten_norm >= normen.signaal_min_buiten_norm
    if not (door_aantal or door_norm):
        return None
    return MeldingSignaal(aantal, buiten_norm, normen.signaal_periode_maanden, normen.afhandel_norm_dagen,
                          door_aantal, door_norm)


FASE_HEROVERWEGEN = "Voorstel: fase heroverwegen (het besluit ligt bij het overleg)"
"""The proposal that goes with a meldingen signal: a suggestion, never a decision."""


def signaal_reden(s: MeldingSignaal) -> str:
    """The reason as the meeting reads it: '12 meldingen in 3 maanden, 4 niet binnen de norm afgehandeld'."""
    woord = "melding" if s.aantal == 1 else "meldingen"
    reden = f"{s.aantal} {woord} in {s.periode_maanden} maanden"
    if s.buiten_norm:
        reden += f", {s.buiten_norm} niet binnen de norm ({s.norm_dagen} dagen) afgehandeld"
    return reden


@dataclass(frozen=True)
class CommissieStand:
    """A beheercommissie against its rhythm on a date."""

    ritme_maanden: int | None
    laatste: date | None
    volgende_uiterlijk: date | None
    achter: bool


def commissie_stand(fase: str | None, laatste: date | None, op: date, normen: MeldingNormen,
                    sinds: date | None = None) -> CommissieStand:
    """Whether the commissie of a location in ``fase`` is behind its rhythm on ``op``.

    Due ``ritme`` months after the last meeting; without any meeting, ``ritme`` months after ``sinds`` (the start
    of the monitoring, e.g. the inventory), or at once when that is unknown. Behind when ``op`` is past the due date.
    """
    ritme = normen.ritme_maanden(fase)
    if ritme is None:
        return CommissieStand(None, laatste, None, False)
    basis = laatste or sinds
    if basis is None:
        return CommissieStand(ritme, None, None, True)
    volgende = maanden_verder(basis, ritme)
    return CommissieStand(ritme, laatste, volgende, op > volgende)


PLATFORM_MIN_PER_JAAR = 2
"""The Platform HKD meets at least this many times a year (convenant, seed 001: "vergadert min. 2x p/j."); judged over the twelve months up to a date, once the convenant has been in force for twelve months."""


@dataclass(frozen=True)
class PlatformStand:
    """The Platform HKD against its rhythm on a date."""

    gehouden: int  # held meetings in the twelve months up to the date
    laatste: date | None
    achter: bool


def platform_stand(gehouden: Iterable[date], op: date, sinds: date) -> PlatformStand:
    """Whether the Platform is behind its rhythm on ``op``: fewer than :data:`PLATFORM_MIN_PER_JAAR` held meetings in
    the twelve months up to ``op`` (``op`` itself counts). Not judged in the first twelve months from ``sinds`` (the
    convenant in force), when a full year has not passed yet."""
    data = [d for d in gehouden if d <= op]
    in_jaar = [d for d in data if d > maanden_terug(op, 12)]
    achter = op >= maanden_verder(sinds, 12) and len(in_jaar) < PLATFORM_MIN_PER_JAAR
    return PlatformStand(len(in_jaar), max(data, default=None), achter)


def actie_over_tijd(deadline: date, status: str, op: date) -> bool:
    """A verbeteractie is overdue when its deadline has passed and it is neither done nor dropped."""
    return status not in ("gereed", "vervallen") and op > deadline


BINNENKORT_DAGEN = 30
"""A planned action is 'binnenkort' when its target date is at most this many days ahead."""


def planning_stand(streefdatum: date, gereed_op: date | None, op: date, binnenkort_dagen: int = BINNENKORT_DAGEN
                   ) -> str:
    """``gereed``, ``te_laat`` (target passed, not done), ``binnenkort`` or ``op_schema`` for a planned action."""
    if gereed_op is not None and gereed_op <= op:
        return "gereed"
    if op > streefdatum:
        return "te_laat"
    if (streefdatum - op).days <= binnenkort_dagen:
        return "binnenkort"
    return "op_schema"


def commissie_reden(stand: CommissieStand) -> str:
    """Why a commissie behind its rhythm is on the agenda."""
    laatste = f"laatste vergadering {stand.laatste:%d-%m-%Y}" if stand.laatste else "nog geen vergadering vastgelegd"
    return f"Beheercommissie achter op ritme (eens per {stand.ritme_maanden} maanden): {laatste}"


def verbeteracties_reden(aantal: int) -> str:
    """Why overdue verbeteracties put a location on the agenda."""
    return f"{aantal} verbeteractie{'s' if aantal != 1 else ''} over de deadline"


PLANNING_ACTIES = {"commissie": "beheercommissie (her)starten", "convenant": "beheerconvenant actualiseren"}


def planning_reden(soort: str, streefdatum: date) -> str:
    """Why a planned inventory action past its target date is on the agenda."""
    return f"Planning: {PLANNING_ACTIES.get(soort, soort)} niet gereed, streefdatum {streefdatum:%d-%m-%Y} verstreken"

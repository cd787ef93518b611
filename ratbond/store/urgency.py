"""How urgent an active introduction is on a day: its kind (why it stands where it stands on the
day's plan) and its rank. The plan (`ratbond.store.agenda`) sorts by it, and `ratbond today`, the
Today page and the calendar read the kinds from here."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING, Literal, get_args

from ratbond.programs import builtin_vocabulary

if TYPE_CHECKING:
    from ratbond.model import AlertCode
    from ratbond.store.records import StoredAdvice

Kind = Literal["alert", "overdue", "due", "prerequisite", "waiting", "later", "complete"]
"""The kinds, most urgent first: a stop, a danger alert or a health alert; a session overdue;
one due today; a missing vet check or assessment; a countdown (quarantine, settling) running; a
session on a later day; a program finished."""
KINDS: tuple[Kind, ...] = get_args(Kind)

PREREQUISITE_ALERTS = frozenset({"health_check_needed", "assessment_needed"})
"""The alerts that keep an introduction from starting until the owner does something."""


HEALTH_ALERTS = frozenset({"vet_now", "illness_signs"})
"""An animal's health: above pacing and routine whatever their severity."""
OF_THE_SESSION = frozenset({"intervene"})
"""Alerts that ask something of the owner during the session that raised them only: on a later
day they tell what happened then, below what needs doing today."""


@cache
def urgent_alerts() -> frozenset[str]:
    """The alert codes that put an introduction first: every `danger` one and the health ones."""
    return HEALTH_ALERTS | frozenset(
        code for code, info in builtin_vocabulary().alerts.items() if info.severity == "danger"
    )


def alerts_now(advice: StoredAdvice) -> tuple[AlertCode, ...]:
    """The alerts that ask something of the owner on `advice.today`."""
    return tuple(code for code in advice.alerts if code not in past_alerts(advice))


def past_alerts(advice: StoredAdvice) -> tuple[AlertCode, ...]:
    """The alerts that belonged to the session that called for them (`OF_THE_SESSION`), once
    its day has passed."""
    if OF_THE_SESSION.isdisjoint(advice.alerts):
        return ()  # read without decoding the advice's payload
    return past_of(advice.alerts, called_on(advice), advice.today)


def past_of(
    alerts: tuple[AlertCode, ...], called: dt.date | None, today: dt.date
) -> tuple[AlertCode, ...]:
    """Of `alerts`, those that belonged to the session of date `called`, read on `today`."""
    if called is None or called >= today:
        return ()
    return tuple(code for code in alerts if code in OF_THE_SESSION)


def called_on(advice: StoredAdvice) -> dt.date | None:
    """The date of the session whose alerts the advice carries (the engine's `decided_on`;
    the last session's for advice stored without it)."""
    day = advice.payload.get("decided_on")
    return dt.date.fromisoformat(day) if day else advice.last_session


def seen(advice: StoredAdvice) -> tuple[tuple[str, str], ...]:
    """What that session showed: (animal's name, signal) pairs (the engine's `seen`)."""
    return tuple((str(animal), str(signal)) for animal, signal in advice.payload.get("seen", ()))


def kind_of(advice: StoredAdvice, *, counting_down: bool) -> Kind:
    """The kind of an introduction with `advice`; `counting_down`: it waits out its program's
    first, timed stage (quarantine, settling) with nothing missing."""
    if advice.stopped or not urgent_alerts().isdisjoint(alerts_now(advice)):
        return "alert"
    if advice.action == "complete":
        return "complete"
    if advice.action == "wait":
        if not PREREQUISITE_ALERTS.isdisjoint(advice.alerts):
            return "prerequisite"
        return "waiting" if counting_down else "later"
    if advice.overdue_days > 0:
        return "overdue"
    if advice.not_before is not None and advice.not_before <= advice.today:
        return "due"
    return "later"


def rank_of(kind: Kind, advice: StoredAdvice) -> tuple[int, int, int]:
    """Where an introduction of `kind` sorts: by kind; among the alerts, an animal's health
    (`HEALTH_ALERTS`) first; then the most overdue first, else the nearest day first."""
    health = 0 if kind == "alert" and not HEALTH_ALERTS.isdisjoint(alerts_now(advice)) else 1
    if kind == "overdue":
        return KINDS.index(kind), health, -advice.overdue_days
    days = (advice.not_before - advice.today).days if advice.not_before else 0
    return KINDS.index(kind), health, days

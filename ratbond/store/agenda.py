"""The day's plan: every active introduction's next step, read from the stored advice in one
query (no history is replayed), with countdowns, overdue sessions and missing prerequisites,
sorted by urgency.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, Text, cast, select

from ratbond.model import AlertCode
from ratbond.store.advice import stored_from_row, valid_on
from ratbond.store.common import programs, vocabulary
from ratbond.store.db import Database
from ratbond.store.queries import today_or
from ratbond.store.records import StoredAdvice
from ratbond.store.tables import advice, animals, introduction_animals, introductions

PREREQUISITE_ALERTS: frozenset[str] = frozenset({"health_check_needed", "assessment_needed"})
# Urgency ranks, most urgent first; `kind` names them for callers and screens.
KINDS = ("alert", "overdue", "due", "prerequisite", "stop", "waiting", "later", "complete")


@dataclass(frozen=True)
class AgendaItem:
    """One active introduction on the day's plan."""

    key: str
    program: str
    label: str
    """The animals' names, `Tom & Pip`."""
    kind: str
    """One of `KINDS`: why it is where it is in the list."""
    advice: StoredAdvice
    countdown: int | None
    """Days left of a waiting period (quarantine, settling) or until the next session."""
    gate: str | None
    """The waiting stage being counted down, e.g. `quarantine`."""

    @property
    def urgent_alerts(self) -> tuple[AlertCode, ...]:
        catalogue = vocabulary().alerts
        return tuple(a for a in self.advice.alerts if catalogue[a].severity == "danger")

    @property
    def rank(self) -> tuple[int, int, str]:
        advice = self.advice
        days = (advice.not_before - advice.today).days if advice.not_before else 0
        return (
            KINDS.index(self.kind),
            -advice.overdue_days if self.kind == "overdue" else days,
            self.key,
        )


def agenda_query(today: dt.date) -> Select[Any]:
    """Active introductions with their members and the advice holding on `today`: one query."""
    return (
        select(
            introductions.c.key,
            introductions.c.program,
            animals.c.key.label("animal_key"),
            animals.c.name.label("animal_name"),
            # As text, decoded once per introduction rather than once per animal row.
            *(column for column in advice.columns if column.name != "payload"),
            cast(advice.c.payload, Text).label("payload"),
        )
        .join(advice, advice.c.introduction_id == introductions.c.id)
        .join(introduction_animals, introduction_animals.c.introduction_id == introductions.c.id)
        .join(animals, animals.c.id == introduction_animals.c.animal_id)
        .where(introductions.c.status == "active", valid_on(today))
        .order_by(introductions.c.id, introduction_animals.c.position)
    )


def _kind(item: StoredAdvice, gated: bool) -> str:
    if item.action == "stop":
        return "alert"
    if any(vocabulary().alerts[a].severity == "danger" for a in item.alerts):
        return "alert"
    if item.action == "complete":
        return "complete"
    if item.action == "wait":
        if PREREQUISITE_ALERTS & set(item.alerts):
            return "prerequisite"
        return "waiting" if gated else "later"
    if item.overdue_days > 0:
        return "overdue"
    if item.not_before is not None and item.not_before <= item.today:
        return "due"
    return "later"


def agenda(db: Database, *, today: dt.date | None = None) -> list[AgendaItem]:
    """Every active introduction's next step on `today`, most urgent first."""
    day = today_or(today)
    with db.read() as connection:
        rows = connection.execute(agenda_query(day)).all()
    grouped: dict[int, tuple[Any, list[str]]] = {}
    for row in rows:
        entry = grouped.setdefault(row.introduction_id, (row, []))
        entry[1].append(row.animal_name or row.animal_key)
    known = programs()
    items: list[AgendaItem] = []
    for row, names in grouped.values():
        stored = stored_from_row(row, day, json.loads(row.payload))
        first = known[row.program].stages[0] if row.program in known else None
        gated = (
            first is not None and first.gate is not None and stored.stage == first.id
        ) and not (PREREQUISITE_ALERTS & set(stored.alerts))
        countdown = (stored.not_before - day).days if stored.not_before else None
        items.append(
            AgendaItem(
                key=row.key,
                program=row.program,
                label=" & ".join(names),
                kind=_kind(stored, gated and stored.action == "wait"),
                advice=stored,
                countdown=countdown,
                gate=first.id if gated and first is not None and stored.action == "wait" else None,
            )
        )
    items.sort(key=lambda item: item.rank)
    return items

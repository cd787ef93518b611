"""The day's plan: every active introduction's next step, read from the stored advice in one
SQL statement (no history is replayed), with countdowns, overdue sessions and missing
prerequisites, most urgent first (`ratbond.store.urgency`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ratbond.programs import builtin_program, builtin_program_files
from ratbond.store.sqltext import (
    ADVICE_COLUMNS,
    ADVICE_FIELDS,
    ADVICE_HOLDS,
    execute,
    stored_advice,
)
from ratbond.store.urgency import PREREQUISITE_ALERTS, Kind, kind_of, rank_of

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from ratbond.model import Stage
    from ratbond.store.db import Database
    from ratbond.store.records import StoredAdvice

# Active introductions with the stored advice holding on :today, and their members (one row
# each, in role order): the advice's columns first, then the introduction's and the animal's.
AGENDA_SQL = f"""
SELECT {ADVICE_COLUMNS}, i.key, i.program, m.key, m.name
FROM introductions AS i
JOIN advice ON advice.introduction_id = i.id
JOIN introduction_animals AS ia ON ia.introduction_id = i.id
JOIN animals AS m ON m.id = ia.animal_id
WHERE i.status = 'active' AND {ADVICE_HOLDS}
ORDER BY i.id, ia.position
"""
# Where the introduction's columns start in an `AGENDA_SQL` row.
INTRODUCTION = len(ADVICE_FIELDS)


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One active introduction on the day's plan."""

    key: str
    program: str
    label: str
    """The animals' names, `Tom & Pip`."""
    kind: Kind
    """Why it is where it is in the list."""
    advice: StoredAdvice
    countdown: int | None
    """Days left of a waiting period (quarantine, settling) or until the next session."""
    gate: str | None
    """The waiting stage being counted down, e.g. `quarantine`."""

    @property
    def rank(self) -> tuple[int, int, str]:
        return (*rank_of(self.kind, self.advice), self.key)


@cache
def _first_stage(program_id: str) -> Stage | None:
    """The first stage of a shipped program; None for a program no longer shipped."""
    if program_id not in builtin_program_files():
        return None
    return builtin_program(program_id).stages[0]


def _item(row: Sequence[Any], names: list[str], day: dt.date) -> AgendaItem:
    """One introduction's agenda item from its first `AGENDA_SQL` row and its members' names."""
    advice = stored_advice(row[:INTRODUCTION], day)
    key, program = row[INTRODUCTION], row[INTRODUCTION + 1]
    first = _first_stage(program)
    gate = (
        first.id
        if first is not None
        and first.gate is not None
        and advice.stage == first.id
        and advice.action == "wait"
        and PREREQUISITE_ALERTS.isdisjoint(advice.alerts)
        else None
    )
    return AgendaItem(
        key=key,
        program=program,
        label=" & ".join(names),
        kind=kind_of(advice, counting_down=gate is not None),
        advice=advice,
        countdown=(advice.not_before - day).days if advice.not_before else None,
        gate=gate,
    )


def agenda(db: Database, *, today: dt.date | None = None) -> list[AgendaItem]:
    """Every active introduction's next step on `today` (default: the local date), most urgent
    first."""
    day = dt.date.today() if today is None else today
    with db.read() as connection:
        rows = execute(connection, AGENDA_SQL, day)
    grouped: dict[int, tuple[Sequence[Any], list[str]]] = {}
    for row in rows:  # the introduction's id first, its animal's key and name last
        grouped.setdefault(row[0], (row, []))[1].append(row[-1] or row[-2])
    items = [_item(row, names, day) for row, names in grouped.values()]
    items.sort(key=lambda item: item.rank)
    return items

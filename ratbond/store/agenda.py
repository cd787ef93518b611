"""The day's plan: every active introduction's next step, read from the stored advice in one
SQL statement (no history is replayed), with countdowns, overdue sessions and missing
prerequisites, most urgent first (`ratbond.store.urgency`); narrowed to one animal or a search,
and cut into sections of a kind, a page each (`agenda_page`), for the Today page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ratbond.programs import builtin_program, builtin_program_files
from ratbond.store.sqltext import (
    ADVICE_COLUMNS,
    ADVICE_FIELDS,
    ADVICE_HOLDS,
    execute,
    stored_advice,
)
from ratbond.store.urgency import KINDS, PREREQUISITE_ALERTS, Kind, kind_of, rank_of

if TYPE_CHECKING:
    from collections.abc import Sequence

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
WHERE i.household_id = :household AND advice.household_id = :household
  AND ia.household_id = :household AND m.household_id = :household
  AND i.status = 'active' AND {ADVICE_HOLDS}{{narrowed}}
ORDER BY i.id, ia.position
"""
# The introductions one of whose animals matches `{{match}}` (on `a`, the animal).
_WITH_ANIMAL = """i.id IN (SELECT f.introduction_id FROM introduction_animals AS f
JOIN animals AS a ON a.id = f.animal_id
WHERE f.household_id = :household AND a.household_id = :household AND ({match}))"""
# An animal by its id or its name, case-insensitively (`:animal` is lower case).
BY_ANIMAL = _WITH_ANIMAL.format(match="a.key = :animal OR lower(a.name) = :animal")
# `:pattern` (lower case, LIKE's wildcards escaped) anywhere in the introduction's id, its
# program, or an animal's id or name.
_LIKE = "LIKE :pattern ESCAPE '!'"
BY_SEARCH = (
    f"(lower(i.key) {_LIKE} OR i.program {_LIKE} OR "
    + _WITH_ANIMAL.format(match=f"lower(a.key) {_LIKE} OR lower(a.name) {_LIKE}")
    + ")"
)
PAGE_SIZE = 50
"""Introductions a section of the Today page shows at a time, whatever the request asks."""
PRESSING: frozenset[Kind] = frozenset({"alert", "overdue", "due", "prerequisite"})
"""The kinds that need the owner now: their sections always show their introductions."""
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


def agenda(
    db: Database,
    *,
    today: dt.date | None = None,
    animal: str | None = None,
    search: str | None = None,
) -> list[AgendaItem]:
    """Every active introduction's next step on `today` (default: the local date), most urgent
    first; only those of `animal` (its id or name) and those matching `search` (part of the
    introduction's id, its program, or an animal's id or name), case-insensitively."""
    day = dt.date.today() if today is None else today
    narrowed = ""
    params: dict[str, Any] = {}
    if animal is not None:
        narrowed += f" AND {BY_ANIMAL}"
        params["animal"] = animal.strip().lower()
    if search is not None:
        escaped = search.strip().lower().replace("!", "!!").replace("%", "!%").replace("_", "!_")
        narrowed += f" AND {BY_SEARCH}"
        params["pattern"] = f"%{escaped}%"
    with db.read() as connection:
        rows = execute(connection, AGENDA_SQL.format(narrowed=narrowed), day, **params)
    grouped: dict[int, tuple[Sequence[Any], list[str]]] = {}
    for row in rows:  # the introduction's id first, its animal's key and name last
        grouped.setdefault(row[0], (row, []))[1].append(row[-1] or row[-2])
    items = [_item(row, names, day) for row, names in grouped.values()]
    items.sort(key=lambda item: item.rank)
    return items


@dataclass(frozen=True, slots=True)
class Section:
    """The introductions of one kind on the plan: how many, and the page of them shown."""

    kind: Kind
    total: int
    page: int
    """The page shown, from 1; 0 when the section is summarised (its count alone)."""
    pages: int
    items: tuple[AgendaItem, ...]


def agenda_page(
    db: Database,
    *,
    today: dt.date | None = None,
    section: Kind | None = None,
    page: int = 1,
    animal: str | None = None,
    search: str | None = None,
) -> list[Section]:
    """The plan (`agenda`, narrowed the same way) as sections, one per kind present, most
    urgent first, each showing at most `PAGE_SIZE` introductions: the pressing kinds their
    first page, `section` its `page` (past the last page: the last), the others their count
    alone, unless the whole plan fits on one page."""
    items = agenda(db, today=today, animal=animal, search=search)
    small = len(items) <= PAGE_SIZE
    sections = []
    for kind in KINDS:
        of_kind = [item for item in items if item.kind == kind]
        if not of_kind:
            continue
        pages = (len(of_kind) + PAGE_SIZE - 1) // PAGE_SIZE
        shown = min(page, pages) if kind == section else 1 if small or kind in PRESSING else 0
        start = (shown - 1) * PAGE_SIZE
        sections.append(
            Section(
                kind=kind,
                total=len(of_kind),
                page=shown,
                pages=pages,
                items=tuple(of_kind[start : start + PAGE_SIZE]) if shown else (),
            )
        )
    return sections

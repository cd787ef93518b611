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
from ratbond.store.urgency import (
    KINDS,
    OF_THE_SESSION,
    PREREQUISITE_ALERTS,
    Kind,
    kind_of,
    rank_of,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy import Connection

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
# What places every active introduction on the plan: the advice's columns up to its session
# count, then the introduction's key and program, and the payload only where an alert that
# belongs to its session needs the payload's date of that session (`urgency.called_on`).
PLACE_KEY = ADVICE_FIELDS.index("advice.session_count")
_OF_A_SESSION = " OR ".join(f"advice.alerts LIKE '%{code}%'" for code in sorted(OF_THE_SESSION))
PLACES_SQL = f"""
SELECT {", ".join(ADVICE_FIELDS[:PLACE_KEY])}, i.key, i.program,
  CASE WHEN {_OF_A_SESSION} THEN CAST(advice.payload AS TEXT) ELSE '' END
FROM introductions AS i
JOIN advice ON advice.introduction_id = i.id
WHERE i.household_id = :household AND advice.household_id = :household
  AND i.status = 'active' AND {ADVICE_HOLDS}{{narrowed}}
"""
# An animal (`a`) by its id or its name, case-insensitively (`:animal` is lower case).
ANIMAL_IS = "a.key = :animal OR lower(a.name) = :animal"
# `:pattern` (lower case, LIKE's wildcards escaped) in an animal's (`a`) id or name.
_LIKE = "LIKE :pattern ESCAPE '!'"
ANIMAL_MATCHES = f"lower(a.key) {_LIKE} OR lower(a.name) {_LIKE}"
# The introductions one of whose animals matches `{{match}}` (on `a`, the animal).
_WITH_ANIMAL = """i.id IN (SELECT f.introduction_id FROM introduction_animals AS f
JOIN animals AS a ON a.id = f.animal_id
WHERE f.household_id = :household AND a.household_id = :household AND ({match}))"""
BY_ANIMAL = _WITH_ANIMAL.format(match=ANIMAL_IS)
# The search anywhere in the introduction's id, its program, or an animal's id or name.
BY_SEARCH = (
    f"(lower(i.key) {_LIKE} OR i.program {_LIKE} OR "
    + _WITH_ANIMAL.format(match=ANIMAL_MATCHES)
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
    def rank(self) -> tuple[int, int, int, str]:
        return (*rank_of(self.kind, self.advice), self.key)


@cache
def _first_stage(program_id: str) -> Stage | None:
    """The first stage of a shipped program; None for a program no longer shipped."""
    if program_id not in builtin_program_files():
        return None
    return builtin_program(program_id).stages[0]


def _placement(advice: StoredAdvice, program: str) -> tuple[Kind, str | None]:
    """Where an introduction of `program` with `advice` goes on the plan: its kind, and the
    waiting stage it counts down (None when none). Read from the advice's columns alone."""
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
    return kind_of(advice, counting_down=gate is not None), gate


def _item(row: Sequence[Any], names: list[str], day: dt.date) -> AgendaItem:
    """One introduction's agenda item from its first `AGENDA_SQL` row and its members' names."""
    advice = stored_advice(row[:INTRODUCTION], day)
    key, program = row[INTRODUCTION], row[INTRODUCTION + 1]
    kind, gate = _placement(advice, program)
    return AgendaItem(
        key=key,
        program=program,
        label=" & ".join(names),
        kind=kind,
        advice=advice,
        countdown=(advice.not_before - day).days if advice.not_before else None,
        gate=gate,
    )


def narrowing(animal: str | None, search: str | None) -> dict[str, str]:
    """The parameters of `ANIMAL_IS` (`animal`, an animal's id or name) and of the search
    (`pattern`: `search` anywhere, any case), for those given."""
    params = {}
    if animal is not None:
        params["animal"] = animal.strip().lower()
    if search is not None:
        escaped = search.strip().lower().replace("!", "!!").replace("%", "!%").replace("_", "!_")
        params["pattern"] = f"%{escaped}%"
    return params


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
    narrowed, params = _narrowed(animal, search)
    with db.read() as connection:
        return _items(connection, day, narrowed, params)


def _narrowed(animal: str | None, search: str | None) -> tuple[str, dict[str, str]]:
    """The condition narrowing `AGENDA_SQL` and `PLACES_SQL` to `animal` and `search`, and its
    parameters."""
    narrowed = f" AND {BY_ANIMAL}" if animal is not None else ""
    narrowed += f" AND {BY_SEARCH}" if search is not None else ""
    return narrowed, narrowing(animal, search)


def _items(
    connection: Connection, day: dt.date, narrowed: str, params: dict[str, Any]
) -> list[AgendaItem]:
    """The agenda items `AGENDA_SQL` narrowed by `narrowed` reads, most urgent first."""
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
    day = dt.date.today() if today is None else today
    narrowed, params = _narrowed(animal, search)
    with db.read() as connection:
        places = _places(connection, day, narrowed, params)
        small = sum(map(len, places.values())) <= PAGE_SIZE
        shown: dict[Kind, tuple[int, int, list[int]]] = {}  # kind: page, pages, ids shown
        for kind in KINDS:
            of_kind = places.get(kind)
            if not of_kind:
                continue
            pages = (len(of_kind) + PAGE_SIZE - 1) // PAGE_SIZE
            number = min(page, pages) if kind == section else 1 if small or kind in PRESSING else 0
            start = (number - 1) * PAGE_SIZE
            shown[kind] = (number, pages, of_kind[start : start + PAGE_SIZE] if number else [])
        ids = [intro for _, _, page_ids in shown.values() for intro in page_ids]
        # Only the introductions shown are read in full (their payloads, their animals).
        items = _items(connection, day, _only(ids), {}) if ids else []
    by_kind: dict[Kind, list[AgendaItem]] = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    return [
        Section(
            kind=kind,
            total=len(places[kind]),
            page=number,
            pages=pages,
            items=tuple(by_kind.get(kind, ())),
        )
        for kind, (number, pages, _) in shown.items()
    ]


def _only(ids: Sequence[int]) -> str:
    """The condition narrowing `AGENDA_SQL` to the introductions of `ids` (integers of the
    store, written out: a page holds at most `PAGE_SIZE` of a few sections)."""
    return f" AND i.id IN ({', '.join(str(int(intro)) for intro in ids)})"


def _places(
    connection: Connection, day: dt.date, narrowed: str, params: dict[str, Any]
) -> dict[Kind, list[int]]:
    """The ids of the introductions `PLACES_SQL` narrowed by `narrowed` reads, by kind, each
    kind's in the plan's order (`AgendaItem.rank`). The kind and the rank follow from the
    advice's columns and the program alone, so they are worked out once for each different
    set of them (a plan of thousands of introductions has a few hundred), on the advice of
    the first introduction that has it; its payload is read only as `PLACES_SQL` says."""
    placed: dict[tuple[Any, ...], tuple[Kind, tuple[int, int, int]]] = {}
    ranked: list[tuple[tuple[int, int, int], str, Kind, int]] = []
    for row in execute(connection, PLACES_SQL.format(narrowed=narrowed), day, **params):
        shape = (*row[1:PLACE_KEY], row[PLACE_KEY + 1], row[PLACE_KEY + 2])
        if shape not in placed:
            advice = stored_advice((*row[:PLACE_KEY], 0, row[PLACE_KEY + 2]), day)
            kind, _ = _placement(advice, row[PLACE_KEY + 1])
            placed[shape] = (kind, rank_of(kind, advice))
        kind, rank = placed[shape]
        ranked.append((rank, row[PLACE_KEY], kind, row[0]))
    ranked.sort()
    places: dict[Kind, list[int]] = {}
    for _, _, kind, intro in ranked:
        places.setdefault(kind, []).append(intro)
    return places

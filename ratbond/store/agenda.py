"""The day's plan: every active introduction's next step, read from the stored advice in one
statement (no history is replayed), with countdowns, overdue sessions and missing
prerequisites, most urgent first (`ratbond.store.urgency`); narrowed to one animal or a search,
and cut into sections of a kind, a page each (`agenda_page`), for the Today page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, or_, select

from ratbond.programs import builtin_program, builtin_program_files
from ratbond.store.advice_rows import (
    ADVICE_COLUMNS,
    PAYLOAD_TEXT,
    advice_holds,
    stored_advice,
)
from ratbond.store.scope import within
from ratbond.store.tables import advice, animals, introduction_animals, introductions
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

    from sqlalchemy import ColumnElement, Connection, FromClause

    from ratbond.model import Stage
    from ratbond.store.db import Database
    from ratbond.store.records import StoredAdvice

# Where the introduction's columns start in an `_agenda_rows` row, and the advice's columns
# up to its session count, that place an introduction on the plan (`_places`).
INTRODUCTION = len(ADVICE_COLUMNS)
PLACE_KEY = next(i for i, column in enumerate(ADVICE_COLUMNS) if column is advice.c.session_count)
# The payload only where an alert that belongs to its session needs the payload's date of
# that session (`urgency.called_on`).
_PAYLOAD_IF_NEEDED = case(
    (or_(*(advice.c.alerts.like(f"%{code}%") for code in sorted(OF_THE_SESSION))), PAYLOAD_TEXT),
    else_="",
)


def _like(column: ColumnElement[str], pattern: str) -> ColumnElement[bool]:
    return column.like(pattern, escape="!")


def like_pattern(search: str) -> str:
    """`search` anywhere, any case: lower case, LIKE's wildcards escaped with `!`."""
    escaped = search.strip().lower().replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return f"%{escaped}%"


def animal_is(a: FromClause, animal: str) -> ColumnElement[bool]:
    """The animal `a` is `animal`, by its id or its name, case-insensitively."""
    wanted = animal.strip().lower()
    return or_(a.c.key == wanted, func.lower(a.c.name) == wanted)


def animal_matches(a: FromClause, search: str) -> ColumnElement[bool]:
    """`search` is in the animal `a`'s id or name, case-insensitively."""
    pattern = like_pattern(search)
    return or_(_like(func.lower(a.c.key), pattern), _like(func.lower(a.c.name), pattern))


def _with_animal(
    connection: Connection, match: Callable[[FromClause], ColumnElement[bool]]
) -> ColumnElement[bool]:
    """The introductions one of whose animals `match`es."""
    member, animal = introduction_animals.alias("f"), animals.alias("a")
    ids = select(member.c.introduction_id).join_from(
        member, animal, animal.c.id == member.c.animal_id
    )
    return introductions.c.id.in_(within(connection, ids.where(match(animal))))


PAGE_SIZE = 50
"""Introductions a section of the Today page shows at a time, whatever the request asks."""
PRESSING: frozenset[Kind] = frozenset({"alert", "overdue", "due", "prerequisite"})
"""The kinds that need the owner now: their sections always show their introductions."""


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
    """One introduction's agenda item from its first `_agenda_rows` row and its members'
    names."""
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
    with db.read() as connection:
        return _items(connection, day, _narrowed(connection, animal, search))


def plan_kept_since(db: Database) -> dt.date | None:
    """The first day for which the stored plan of every active introduction is the one that
    held then: the latest day any of their advice was worked out (a write to it, the first
    day its stored advice covers). Before it, an introduction's plan of that day is not kept.
    None without active introductions."""
    with db.read() as connection:
        firsts = connection.execute(
            select(func.min(advice.c.valid_from))
            .join_from(introductions, advice, advice.c.introduction_id == introductions.c.id)
            .where(introductions.c.status == "active")
            .group_by(introductions.c.id)
        ).scalars()
        return max(firsts, default=None)


def _narrowed(
    connection: Connection, animal: str | None, search: str | None
) -> list[ColumnElement[bool]]:
    """The conditions narrowing the plan to `animal` (its id or name) and `search` (part of
    the introduction's id, its program, or an animal's id or name)."""
    narrowed = []
    if animal is not None:
        narrowed.append(_with_animal(connection, lambda a: animal_is(a, animal)))
    if search is not None:
        pattern = like_pattern(search)
        narrowed.append(
            or_(
                _like(func.lower(introductions.c.key), pattern),
                _like(introductions.c.program, pattern),
                _with_animal(connection, lambda a: animal_matches(a, search)),
            )
        )
    return narrowed


def _agenda_rows(
    connection: Connection, day: dt.date, narrowed: Sequence[ColumnElement[bool]]
) -> Sequence[Sequence[Any]]:
    """Active introductions with the stored advice holding on `day`, and their members (one
    row each, in role order): the advice's columns first, then the introduction's key and
    program, and the animal's key and name."""
    return connection.execute(
        select(
            *ADVICE_COLUMNS,
            introductions.c.key,
            introductions.c.program,
            animals.c.key,
            animals.c.name,
        )
        .join_from(introductions, advice, advice.c.introduction_id == introductions.c.id)
        .join(introduction_animals, introduction_animals.c.introduction_id == introductions.c.id)
        .join(animals, animals.c.id == introduction_animals.c.animal_id)
        .where(introductions.c.status == "active", advice_holds(day), *narrowed)
        .order_by(introductions.c.id, introduction_animals.c.position)
    ).all()


def _items(
    connection: Connection, day: dt.date, narrowed: Sequence[ColumnElement[bool]]
) -> list[AgendaItem]:
    """The agenda items of the plan narrowed by `narrowed`, most urgent first."""
    rows = _agenda_rows(connection, day, narrowed)
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
    with db.read() as connection:
        places = _places(connection, day, _narrowed(connection, animal, search))
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
        items = _items(connection, day, [introductions.c.id.in_(ids)]) if ids else []
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


def _places(
    connection: Connection, day: dt.date, narrowed: Sequence[ColumnElement[bool]]
) -> dict[Kind, list[int]]:
    """The ids of the active introductions on the plan narrowed by `narrowed`, by kind, each
    kind's in the plan's order (`AgendaItem.rank`). The kind and the rank follow from the
    advice's columns and the program alone, so they are worked out once for each different
    set of them (a plan of thousands of introductions has a few hundred), on the advice of
    the first introduction that has it; its payload is read only where an alert needs it."""
    placed: dict[tuple[Any, ...], tuple[Kind, tuple[int, int, int]]] = {}
    ranked: list[tuple[tuple[int, int, int], str, Kind, int]] = []
    rows = connection.execute(
        select(
            *ADVICE_COLUMNS[:PLACE_KEY],
            introductions.c.key,
            introductions.c.program,
            _PAYLOAD_IF_NEEDED,
        )
        .join_from(introductions, advice, advice.c.introduction_id == introductions.c.id)
        .where(introductions.c.status == "active", advice_holds(day), *narrowed)
    )
    for row in rows:
        shape = (*row[1:PLACE_KEY], row[PLACE_KEY + 1], row[PLACE_KEY + 2])
        if shape not in placed:
            first = stored_advice((*row[:PLACE_KEY], 0, row[PLACE_KEY + 2]), day)
            kind, _ = _placement(first, row[PLACE_KEY + 1])
            placed[shape] = (kind, rank_of(kind, first))
        kind, rank = placed[shape]
        ranked.append((rank, row[PLACE_KEY], kind, row[0]))
    ranked.sort()
    places: dict[Kind, list[int]] = {}
    for _, _, kind, intro in ranked:
        places.setdefault(kind, []).append(intro)
    return places

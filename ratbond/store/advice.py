"""Each introduction's current advice: computed with `ratbond.advice.advise` on every write and
stored as a short timeline, so reading the day's plan never replays a history.

The engine's answer depends on the date only through a few thresholds: the end of a waiting
period, the long-break limit after the last session, and vet checks expiring. The store
evaluates the scenario on today and on each of those dates, and keeps one row per distinct
answer with the dates it holds for; `current_advice` picks the row for the day asked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, and_, case, delete, func, insert, or_, select

from ratbond.engine import Decision, Replay
from ratbond.errors import InputError, RatbondError
from ratbond.model import Advice, Scenario, Session
from ratbond.scenario import parse_scenario
from ratbond.store import replays
from ratbond.store.advice_rows import ADVICE_COLUMNS, advice_holds, stored_advice
from ratbond.store.common import now, programs, vocabulary
from ratbond.store.queries import load_history, load_introductions, lock_introduction
from ratbond.store.records import IntroductionRecord, StoredAdvice
from ratbond.store.replays import Replayed
from ratbond.store.scope import within
from ratbond.store.tables import advice as advice_table

ONE_DAY = dt.timedelta(days=1)
# More thresholds than this in a row would mean a bug, not a real calendar.
MAX_EVALUATIONS = 12
ACTIONABLE: frozenset[str] = frozenset({"start", "repeat", "advance", "step_back"})


def scenario_document(
    intro: IntroductionRecord, sessions: list[dict[str, Any]], today: dt.date
) -> dict[str, Any]:
    """The contract's scenario JSON for an introduction with the given session entries."""
    return {
        "program": intro.program,
        "today": today.isoformat(),
        "animals": [member.animal.to_contract() for member in intro.members],
        "roles": {role: list(keys) for role, keys in intro.roles.items()},
        "sessions": sessions,
    }


def build_scenario(
    intro: IntroductionRecord, sessions: Sequence[Session], today: dt.date
) -> Scenario:
    """The engine's scenario from stored records.

    Animals and roles go through the contract's validation (cheap, and it catches an edit
    that made them invalid); stored sessions were validated when logged and are used as they are.
    """
    try:
        base = parse_scenario(scenario_document(intro, [], today), vocabulary(), programs(), today)
    except InputError as error:
        raise InputError(
            f"introduction '{intro.key}'" + (f", {error.path}" if error.path else ""),
            error.message,
        ) from None
    return replace(base, sessions=tuple(sessions))


def _thresholds(scenario: Scenario, state: Replay, answer: Advice, day: dt.date) -> set[dt.date]:
    """Dates after `day` on which the answer may change with nothing new logged (`state`: the
    history replayed)."""
    rules = scenario.program.rules
    dates: set[dt.date] = set()
    if answer.action == "wait" and answer.not_before is not None:
        dates.add(answer.not_before)
    for observed in (state.last_contact, state.last):
        if observed is not None:
            dates.add(observed.session.date + dt.timedelta(days=rules.long_break_days + 1))
    checks_matter = "health_check" in rules.prerequisites
    for animal in scenario.animals.values() if checks_matter else ():
        if animal.health_check is not None:
            dates.add(animal.health_check + dt.timedelta(days=rules.health_check_max_age_days + 1))
    return {d for d in dates if d > day}


def _same(a: Advice, b: Advice, day: dt.date) -> bool:
    """`b` (evaluated on `day`) says nothing new compared with `a`, once `a`'s date has passed."""
    moved = None if a.not_before is None else max(a.not_before, day)
    return replace(a, not_before=moved) == b


def timeline(scenario: Scenario, state: Replay | None = None) -> list[tuple[dt.date, Advice]]:
    """The advice from `scenario.today` on, as (first day it holds, advice) pairs.

    Each entry equals `advise(replace(scenario, today=day))`. The history is replayed once
    (or not at all when `state` is the scenario's history already replayed): it does not
    depend on the date, only the engine's final decision does, so each threshold date costs
    one decision, not one replay.
    """
    if state is None:
        state = replays.replay(scenario, scenario.sessions, None).state
    engine = replays.engine_for(scenario.program)

    def on(day: dt.date) -> Advice:
        return Decision(engine, replace(scenario, today=day), state).advice()

    entries = [(scenario.today, on(scenario.today))]
    pending = _thresholds(scenario, state, entries[0][1], scenario.today)
    evaluations = 1
    while pending and evaluations < MAX_EVALUATIONS:
        day = min(pending)
        pending.discard(day)
        answer = on(day)
        evaluations += 1
        if not _same(entries[-1][1], answer, day):
            entries.append((day, answer))
        pending |= _thresholds(scenario, state, answer, day)
    return entries


def refresh(
    connection: Connection,
    intro: IntroductionRecord,
    today: dt.date,
    *,
    base: Scenario | None = None,
    replayed: Replayed | None = None,
) -> Advice:
    """Recompute and store an introduction's advice timeline and its replay state (see
    `ratbond.store.replays`); returns today's advice.

    A caller that has the live sessions already replayed passes them (`replayed`), else the
    stored history is read and replayed; it may pass `base`, the introduction's validated
    scenario for `today`, so nothing is built twice."""
    scenario = (
        base if base is not None and base.today == today else build_scenario(intro, [], today)
    )
    if replayed is None:
        history, last_seq = load_history(connection, intro.id)
        replayed = replays.replay(scenario, history, last_seq)
    entries = timeline(scenario, replayed.state)
    connection.execute(delete(advice_table).where(advice_table.c.introduction_id == intro.id))
    stamp = now()
    rows: list[dict[str, Any]] = []
    due_on: dt.date | None = None
    for index, (valid_from, answer) in enumerate(entries):
        # The next session stays due from the first day it was due until something is logged.
        if answer.action in ACTIONABLE:
            due_on = due_on if due_on is not None else answer.not_before
        else:
            due_on = None
        rows.append(
            {
                "introduction_id": intro.id,
                "valid_from": valid_from,
                "valid_to": entries[index + 1][0] if index + 1 < len(entries) else None,
                "action": answer.action,
                "stage": answer.stage,
                "minutes": answer.minutes,
                "not_before": answer.not_before,
                "due_on": due_on,
                "last_session": replayed.last_date,
                "session_count": replayed.session_count,
                "alerts": " ".join(answer.alerts),
                "payload": answer.to_json(),
                "computed_at": stamp,
            }
        )
    connection.execute(insert(advice_table), rows)
    replays.store(connection, intro.id, scenario, replayed)
    return entries[0][1]


def current_advice(connection: Connection, introduction_id: int, today: dt.date) -> StoredAdvice:
    """The stored advice holding on `today` (the earliest one if `today` is before them all)."""
    holding_first = case((advice_holds(today), 0), else_=1)
    row = connection.execute(
        select(*ADVICE_COLUMNS)
        .where(advice_table.c.introduction_id == introduction_id)
        .order_by(holding_first, advice_table.c.valid_from)
        .limit(1)
    ).first()
    if row is None:
        raise LookupError(f"introduction {introduction_id} has no stored advice")
    return stored_advice(row, today)


def every_current_advice(connection: Connection, today: dt.date) -> dict[int, StoredAdvice]:
    """Each introduction's `current_advice` on `today`, by introduction id, in one query: the
    row holding on `today`, or the earliest row when `today` is before it (then no row holds:
    the rows cover every later day)."""
    earlier = advice_table.alias("earlier")
    none_earlier = ~within(
        connection,
        select(earlier.c.id).where(
            earlier.c.introduction_id == advice_table.c.introduction_id,
            earlier.c.valid_from < advice_table.c.valid_from,
        ),
    ).exists()
    rows = connection.execute(
        select(*ADVICE_COLUMNS).where(
            or_(advice_holds(today), and_(advice_table.c.valid_from > today, none_earlier))
        )
    ).all()
    return {row[0]: stored_advice(row, today) for row in rows}


def refresh_stale(connection: Connection, ids: Sequence[int]) -> int:
    """Replay the introductions `ids` whose stored state is still stale (`replays.stale`: a
    writer may have refreshed some since they were found) and store their advice anew, from
    the day it was worked out before (its first row's), so it covers the same days; returns
    how many were replayed (one whose animals no longer make a valid scenario is left).
    `connection` is in a write transaction."""
    still = set(replays.stale(connection)) & set(ids)
    if not still:
        return 0
    first_days = dict(
        connection.execute(
            select(advice_table.c.introduction_id, func.min(advice_table.c.valid_from))
            .where(advice_table.c.introduction_id.in_(sorted(still)))
            .group_by(advice_table.c.introduction_id)
        ).all()
    )
    replayed = 0
    for intro in load_introductions(connection, sorted(still)):
        lock_introduction(connection, intro.id)
        try:
            with connection.begin_nested():
                refresh(connection, intro, first_days.get(intro.id) or dt.date.today())
        except RatbondError:
            # Its animals or roles no longer make a valid scenario: any write to it says
            # why; every other introduction is still replayed and read.
            continue
        replayed += 1
    return replayed

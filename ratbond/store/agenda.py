"""The day's plan: every active introduction's next step, read from the stored advice in one
SQL statement (no history is replayed), with countdowns, overdue sessions and missing
prerequisites, sorted by urgency.

`AGENDA_SQL` is that statement, written once: the store runs it through SQLAlchemy on either
backend (`agenda`), and `ratbond today` runs it through the standard library's sqlite3 on the
default SQLite store (`sqlite_agenda`), without importing SQLAlchemy. Both turn the same rows
into the same items (`agenda_items`). This module uses SQLAlchemy only inside `agenda`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ratbond.programs import builtin_program, builtin_program_files, builtin_vocabulary
from ratbond.store.records import StoredAdvice

if TYPE_CHECKING:
    from ratbond.model import Stage
    from ratbond.store.db import Database

PREREQUISITE_ALERTS: frozenset[str] = frozenset({"health_check_needed", "assessment_needed"})
# Urgency ranks, most urgent first; `kind` names them for callers and screens.
KINDS = ("alert", "overdue", "due", "prerequisite", "stop", "waiting", "later", "complete")

# Active introductions with their members (one row each, in role order) and the stored advice
# holding on :today: it holds from valid_from up to, not including, valid_to (NULL: open).
# The payload is read as text, decoded once per introduction rather than once per member row.
AGENDA_SQL = """
SELECT i.id, i.key, i.program, m.key, m.name,
       a.action, a.stage, a.minutes, a.not_before, a.alerts, a.due_on, a.last_session,
       a.session_count, CAST(a.payload AS TEXT)
FROM introductions AS i
JOIN advice AS a ON a.introduction_id = i.id
JOIN introduction_animals AS ia ON ia.introduction_id = i.id
JOIN animals AS m ON m.id = ia.animal_id
WHERE i.status = 'active'
  AND a.valid_from <= :today AND (a.valid_to IS NULL OR a.valid_to > :today)
ORDER BY i.id, ia.position
"""
MIGRATIONS = os.path.join(os.path.dirname(__file__), "migrations", "versions")


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
    def rank(self) -> tuple[int, int, str]:
        advice = self.advice
        days = (advice.not_before - advice.today).days if advice.not_before else 0
        return (
            KINDS.index(self.kind),
            -advice.overdue_days if self.kind == "overdue" else days,
            self.key,
        )


@cache
def danger_alerts() -> frozenset[str]:
    """The alert codes of severity `danger`: any of them puts an introduction first."""
    return frozenset(
        code for code, info in builtin_vocabulary().alerts.items() if info.severity == "danger"
    )


def _kind(item: StoredAdvice, gated: bool) -> str:
    if item.action == "stop" or not danger_alerts().isdisjoint(item.alerts):
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


def _date(value: dt.date | str | None) -> dt.date | None:
    """A date column: SQLite gives the ISO text SQLAlchemy stored, PostgreSQL a date."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


@cache
def _first_stage(program_id: str) -> Stage | None:
    """The first stage of a shipped program; None for a program no longer shipped."""
    if program_id not in builtin_program_files():
        return None
    return builtin_program(program_id).stages[0]


def _item(row: Sequence[Any], names: list[str], day: dt.date) -> AgendaItem:
    """One introduction's agenda item from its first `AGENDA_SQL` row and its members' names."""
    key, program = row[1], row[2]
    action, stage, minutes, not_before, alerts, due_on, last, count, payload_text = row[5:]
    # As the stored advice reads on `day`: a date that has passed means "today".
    shown = _date(not_before)
    if shown is not None and shown < day:
        shown = day
    payload = dict(json.loads(payload_text), not_before=shown.isoformat() if shown else None)
    stored = StoredAdvice(
        introduction_id=row[0],
        today=day,
        action=action,
        stage=stage,
        minutes=minutes,
        not_before=shown,
        alerts=tuple(alerts.split()),
        reasons=tuple(payload.get("reasons", ())),
        due_on=_date(due_on),
        last_session=_date(last),
        session_count=count,
        payload=payload,
    )
    first = _first_stage(program)
    waiting = (
        first is not None
        and first.gate is not None
        and stored.stage == first.id
        and stored.action == "wait"
        and not PREREQUISITE_ALERTS & set(stored.alerts)
    )
    return AgendaItem(
        key=key,
        program=program,
        label=" & ".join(names),
        kind=_kind(stored, waiting),
        advice=stored,
        countdown=(shown - day).days if shown else None,
        gate=first.id if waiting and first is not None else None,
    )


def agenda_items(rows: Iterable[Sequence[Any]], day: dt.date) -> list[AgendaItem]:
    """The items of the rows `AGENDA_SQL` gave for `day`, most urgent first."""
    grouped: dict[int, tuple[Sequence[Any], list[str]]] = {}
    for row in rows:
        grouped.setdefault(row[0], (row, []))[1].append(row[4] or row[3])
    items = [_item(row, names, day) for row, names in grouped.values()]
    items.sort(key=lambda item: item.rank)
    return items


def agenda(db: Database, *, today: dt.date | None = None) -> list[AgendaItem]:
    """Every active introduction's next step on `today`, most urgent first."""
    from sqlalchemy import Date, bindparam, text

    day = dt.date.today() if today is None else today
    statement = text(AGENDA_SQL).bindparams(bindparam("today", type_=Date))
    with db.read() as connection:
        rows = connection.execute(statement, {"today": day}).all()
    return agenda_items(rows, day)


def sqlite_file(environ: Mapping[str, str]) -> str | None:
    """The SQLite file the environment selects, or None when only the store can tell.

    Follows `ratbond.store.db.database_url` for the plain cases (no setting: the default file;
    `sqlite:///path`); anything else (PostgreSQL, a URL with options, a mistake) is left to the
    store, which also explains a bad setting.
    """
    raw = environ.get("RATBOND_DATABASE_URL", "").strip()
    if not raw:
        if sys.platform != "linux":
            return None  # platformdirs' folder; the store knows it
        # platformdirs' rule on Linux, without its import cost.
        home = environ.get("XDG_DATA_HOME", "")
        if not home.strip():
            home = os.path.expanduser("~/.local/share")
        return os.path.join(home, "ratbond", "ratbond.db")
    path = raw.removeprefix("sqlite:///")
    if path == raw or not path or path == ":memory:" or any(c in path for c in "?%#"):
        return None
    return path


def migration_head() -> str:
    """The latest migration: revision ids are the numeric prefixes of the version files."""
    names = [n for n in os.listdir(MIGRATIONS) if n[:4].isdigit() and n.endswith(".py")]
    return max(names)[:4]


def sqlite_agenda(file: str, today: dt.date) -> list[AgendaItem] | None:
    """The agenda of the SQLite store in `file` read with sqlite3, in one read transaction.

    None when the store itself must answer: the file is missing or not a database yet, or its
    schema is not at the latest migration (the store migrates it on first use).
    """
    import sqlite3

    if not os.path.isfile(file):
        return None
    try:
        connection = sqlite3.connect(file, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        connection.execute("BEGIN")
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        if revision != [(migration_head(),)]:
            return None
        rows = connection.execute(AGENDA_SQL, {"today": today.isoformat()}).fetchall()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return agenda_items(rows, today)

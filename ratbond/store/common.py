"""Helpers shared by the store modules: clock, program cache, history rows, JSON conversion."""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import os
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import Connection, Row, Table

from ratbond.engine import Engine
from ratbond.errors import InputError, NotFound, did_you_mean
from ratbond.model import Program, Scenario, Session, Species, Vocabulary
from ratbond.programs import builtin_program_files, builtin_programs, builtin_vocabulary
from ratbond.scenario import plausible_day, unknown_program
from ratbond.store.tables import history
from ratbond.store.text import line_text


def now() -> dt.datetime:
    """The current UTC time, naive, to the microsecond (both backends store it the same)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


MAX_WHO = 100
"""The longest name of who logged or checked a record, as the `logged_by` columns hold."""


def who(value: str | None) -> str:
    """Who logged or checked a record: the name given (`--by`), kept on one line without
    control characters and refused past `MAX_WHO` characters (not cut unsaid), else the
    acting person (`current_user`)."""
    return line_text(value, "by", longest=MAX_WHO) or current_user()


def current_user() -> str:
    """Who is logging: the person the transaction acts as (`ratbond.store.scope`), else
    `RATBOND_USER`, else the login name."""
    from ratbond.store.scope import ACTOR

    acting = ACTOR.get()
    if acting:
        return acting
    # The same cleaning as `--by`: the variable may hold a paste (a colour code, a line break).
    configured = line_text(os.environ.get("RATBOND_USER"), "RATBOND_USER", longest=MAX_WHO)
    if configured:
        return configured
    try:
        return line_text(getpass.getuser(), "login name", longest=MAX_WHO) or "unknown"
    except (OSError, KeyError):
        return "unknown"


RecordT = TypeVar("RecordT")


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def from_row(kind: type[RecordT], row: Row[Any], **converted: Any) -> RecordT:
    """A record whose fields are the row's columns of the same names; `converted` gives the
    fields whose stored form differs (a list kept as text, say)."""
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(kind))  # type: ignore[arg-type]
    values = row._mapping
    return kind(**{name: values[name] for name in names} | converted)


@cache
def programs() -> dict[str, Program]:
    """The built-in programs, loaded once per process (their files do not change at run time)."""
    return builtin_programs()


def vocabulary() -> Vocabulary:
    return builtin_vocabulary()


def program(program_id: str) -> Program:
    """A built-in program by id, or an error naming the known ones."""
    known = programs()
    if program_id not in known:
        raise InputError("program", unknown_program(program_id, builtin_program_files()))
    return known[program_id]


def jsonable(value: Any) -> Any:
    """A column value as JSON: dates and times in ISO format, everything else as it is."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def row_json(row: Row[Any] | Mapping[str, Any]) -> dict[str, Any]:
    mapping = row._mapping if isinstance(row, Row) else row
    return {key: jsonable(value) for key, value in mapping.items()}


def record_history(
    connection: Connection, table: Table, row: Row[Any], change: str, version: int
) -> None:
    """Keep `row` as it was before `change` (edit, delete, archive, status)."""
    connection.execute(
        history.insert().values(
            table_name=table.name,
            row_id=row._mapping["id"],
            version=version,
            data=row_json(row),
            change=change,
            recorded_at=now(),
        )
    )


def relocate(error: InputError, prefix: str, replacement: str = "") -> InputError:
    """The same error with its path rebased, e.g. `animals[0].born` -> `born`."""
    path = error.path
    if path.startswith(prefix):
        path = replacement + path[len(prefix) :].lstrip(".")
    return InputError(path, error.message)


def only_editable(changes: Mapping[str, Any], editable: Sequence[str]) -> None:
    """Refuse a change to a field that cannot be edited, naming the ones that can."""
    unknown = [key for key in changes if key not in editable]
    if unknown:
        raise InputError(
            unknown[0], "this field cannot be edited; editable: " + ", ".join(editable)
        )


def not_future(day: dt.date | None, today: dt.date, what: str) -> None:
    """`day`, when given, is one an owner can have seen (`ratbond.scenario.plausible_day`)."""
    if day is not None:
        plausible_day(day, today, (what,))


def clearance(cleared_by: str | None, needed: bool, ask: str, nothing: str) -> str | None:
    """Who cleared a step back from a safety stop (a new start, a withdrawn danger), trimmed:
    None when not given; an empty one is refused (`ask` says whom to name), and so is one
    given when nothing needs clearing (`nothing` says why). Whether it is missing where it is
    needed, each caller says in its own words."""
    cleared = None if cleared_by is None else cleared_by.strip()
    if cleared == "":
        raise InputError("cleared_by", ask)
    if cleared is not None and not needed:
        raise InputError("cleared_by", nothing)
    return cleared


def not_found(kind: str, ref: str, choices: list[str], hint: str) -> NotFound:
    """`no animal 'x' (did you mean 'y'?); see ...`: nothing of `kind` answers to `ref`."""
    return NotFound(f"no {kind} '{ref}'" + did_you_mean(ref.strip().lower(), choices) + f"; {hint}")


@cache
def engine_of(program_id: str) -> Engine:
    """The engine of a built-in program, built once per process (its signal tables are the
    same for every history)."""
    return Engine(programs()[program_id], vocabulary())


def session_class(program_id: str, species: Mapping[str, Species], session: Session) -> str:
    """The contract's class of one session (calm, stress, aggression, danger), by the engine.

    Give the session as the advice sees it: with its `noted` signals read from the notes
    (`with_notes_read`), so the class shown in the history matches the advice.
    """
    return engine_of(program_id).observe(0, session, dict(species)).klass


def with_notes_read(scenario: Scenario) -> Scenario:
    """The scenario with signals read from session notes, as `ratbond.advice.advise` does."""
    if not any(session.notes for session in scenario.sessions):
        return scenario
    from ratbond.notes import read_notes_into

    return read_notes_into(scenario, vocabulary())


def species_of(scenario: Scenario) -> dict[str, Species]:
    return {animal.id: animal.species for animal in scenario.animals.values()}

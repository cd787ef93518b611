"""Each introduction's replayed history, stored beside its advice (`replay_states`), so logging a
session that comes last reads no history and feeds the engine that one session.

The state is written by `ratbond.store.advice.refresh`, in the transaction of every write that
refreshes the advice, and tagged with what it depends on besides the sessions:

- the engine's version (`ratbond.engine.ENGINE_VERSION`, the state's shape and rules);
- the program's version: a digest of the validated program, of the vocabulary that classes
  its signals, and of the notes reader (its rules, notes.yaml, and its code), so any change
  to a program file, to signals.yaml or to how notes are read shows;
- the basis: a digest of the introduction's animals and roles (an arrival date moves a
  quarantine's end; an origin changes how many calm sessions a stage needs);
- what it was replayed over: the number of live sessions and the last of them in the
  engine's order (its number and date).

A new session resumes from the state only when every tag still holds and the session comes
last in the engine's order (dated on or after every other); anything else (a correction, a
withdrawal, a session filling in an earlier day, a changed program, animal or role) replays
the stored history from the start and stores a fresh state.

Reads check the tags too (`stale`): the first transaction a process opens in a household
replays every introduction whose state was made under another engine, program or notes
reader (a ratbond upgraded, a program file edited) before anything is read, so the advice
an owner sees is never one older rules worked out (`ratbond.store.db.Database`, which calls
`ratbond.store.advice.refresh_stale`). Changes made outside the store (SQL typed by hand) are
not seen: `ratbond.store.introductions.refresh_advice` replays after them. The engine's
property tests hold a resumed replay equal to a full one (`tests/engine/test_resumed_replay.py`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib.util
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from ratbond.engine import ENGINE_VERSION, Engine, Replay
from ratbond.model import Program, Scenario, Session
from ratbond.programs import NOTES_FILE
from ratbond.store.common import engine_of, programs, vocabulary, with_notes_read
from ratbond.store.scope import within
from ratbond.store.tables import replay_states, sessions


@dataclasses.dataclass(frozen=True, slots=True)
class Replayed:
    """An introduction's live sessions, replayed: the engine's state and what it was fed."""

    state: Replay
    session_count: int
    last_seq: int | None
    """The number (`seq`) of the last live session in the engine's order; None: no session."""
    last_date: dt.date | None


def engine_for(program: Program) -> Engine:
    # The built-in programs' engines are built once per process; any other program (a test's
    # own file, say) gets a fresh one, as `ratbond.advice.advise` would.
    if program.id in programs():
        engine = engine_of(program.id)
        if engine.program is program:
            return engine
    return Engine(program, vocabulary())


def _digest(value: Any) -> str:
    # The records' reprs spell out every field, in the files' order, the same in every process.
    return hashlib.sha256(repr(value).encode()).hexdigest()


def program_version(program: Program) -> str:
    """A digest of the program, the vocabulary and the notes reader (`reader_version`).

    Worked out from the values themselves each time (a fraction of a millisecond), so a
    program changed in memory (a test's, or one replaced while running) is never taken for
    another with the same id."""
    return _digest((program, vocabulary(), reader_version()))


@cache
def reader_version() -> str:
    """A digest of the notes reader: its rules (notes.yaml) and its code (the modules of
    `ratbond.notes`), which do not change while a process runs. Any change to how notes are
    read gives another version, so the states read under the old reader are replayed."""
    # Found, never imported: importing the notes package loads the reader, which a command
    # that only reads the stored advice (`next`) never uses, and every read checks this.
    spec = importlib.util.find_spec("ratbond.notes")
    assert spec is not None
    assert spec.submodule_search_locations is not None
    digest = hashlib.sha256(Path(NOTES_FILE).read_bytes())
    for folder in spec.submodule_search_locations:
        for module in sorted(Path(folder).glob("*.py")):
            digest.update(module.name.encode() + b"\0" + module.read_bytes())
    return digest.hexdigest()


def basis(scenario: Scenario) -> str:
    """A digest of the scenario's animals and roles: what a replay depends on besides the
    sessions and the program."""
    return _digest((scenario.animals, scenario.roles))


def replay(base: Scenario, history: Sequence[Session], last_seq: int | None) -> Replayed:
    """`history` (the live sessions in the engine's order) replayed from the start."""
    read = with_notes_read(dataclasses.replace(base, sessions=tuple(history)))
    state = engine_for(base.program).replay(read)
    last_date = history[-1].date if history else None
    return Replayed(state, len(history), last_seq, last_date)


def extend(known: Replayed, base: Scenario, read: Session, seq: int) -> Replayed:
    """`known` fed one more session, numbered `seq`, that comes last in the engine's order,
    its notes already read in (`with_notes_read`); `known` was read for this write alone, so
    its state is fed in place."""
    engine_for(base.program).feed(known.state, known.session_count, read)
    return Replayed(known.state, known.session_count + 1, seq, read.date)


def resumable(connection: Connection, introduction_id: int, base: Scenario) -> Replayed | None:
    """The introduction's stored state, if it was made under the current engine, program,
    animals and roles and over the live sessions the database holds now; else None."""

    def newest(column: Any) -> Any:
        """`column` of the live session that comes last in the engine's order."""
        latest = (
            select(column)
            .where(sessions.c.introduction_id == introduction_id, sessions.c.deleted_at.is_(None))
            .order_by(sessions.c.date.desc(), sessions.c.seq.desc())
            .limit(1)
        )
        return within(connection, latest).scalar_subquery()

    # The state and the last live session, in one statement.
    row = connection.execute(
        select(
            replay_states,
            newest(sessions.c.seq).label("live_seq"),
            newest(sessions.c.date).label("live_date"),
        ).where(replay_states.c.introduction_id == introduction_id)
    ).first()
    if (
        row is None
        or row.engine_version != ENGINE_VERSION
        or row.program_version != program_version(base.program)
        or row.basis != basis(base)
        or (row.live_seq, row.live_date) != (row.last_seq, row.last_date)
    ):
        return None
    return Replayed(Replay.from_json(row.state), row.session_count, row.last_seq, row.last_date)


def stale(connection: Connection) -> list[int]:
    """The introductions (of the transaction's household) whose stored state, and so their
    stored advice, was made under another engine, program or notes reader than this
    process runs, or that have none: their advice must be replayed before it is read."""
    from ratbond.store.tables import introductions

    made = {
        row.introduction_id: (row.engine_version, row.program_version)
        for row in connection.execute(
            select(
                replay_states.c.introduction_id,
                replay_states.c.engine_version,
                replay_states.c.program_version,
            )
        )
    }
    rows = connection.execute(select(introductions.c.id, introductions.c.program)).all()
    known = programs()
    current = {
        program: (ENGINE_VERSION, program_version(known[program]))
        for program in {row.program for row in rows}
        if program in known
    }
    # A program this ratbond does not ship (any more) has no current version to compare with.
    return [
        row.id
        for row in rows
        if row.program in current and made.get(row.id) != current[row.program]
    ]


def store(connection: Connection, introduction_id: int, base: Scenario, replayed: Replayed) -> None:
    """Keep `replayed` as the introduction's state, tagged for `base`: one statement, which
    replaces the state kept before."""
    values = {
        "introduction_id": introduction_id,
        "engine_version": ENGINE_VERSION,
        "program_version": program_version(base.program),
        "basis": basis(base),
        "session_count": replayed.session_count,
        "last_seq": replayed.last_seq,
        "last_date": replayed.last_date,
        "state": replayed.state.to_json(),
    }
    # Both backends write `INSERT ... ON CONFLICT DO UPDATE`; each dialect has its own builder.
    statement: Any
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        statement = postgresql_insert(replay_states).values(values)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        statement = sqlite_insert(replay_states).values(values)
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=[replay_states.c.introduction_id],
            set_={name: statement.excluded[name] for name in values if name != "introduction_id"},
        )
    )

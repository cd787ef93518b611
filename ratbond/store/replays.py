"""Each introduction's replayed history, remembered by this process between writes, so logging
a session reads no history and replays one session instead of all of them.

An entry is used only under two checks, both made inside the write transaction that holds the
introduction's lock:

- its history token (`history_tokens`, which triggers on `sessions` change with every insert,
  edit or delete of one of its sessions, by any process or tool) is the one in the database;
- the introduction's animals and roles (what the replay depends on besides the sessions) are
  the ones it was replayed with.

And a new session extends an entry only when it comes last in the engine's order (its date is
on or after every other); one filling in an earlier day is replayed with the whole history.
Entries are immutable once stored: extending one feeds a copy of its state. The engine's
property tests hold a resumed replay equal to a full one (`tests/engine/test_resumed_replay.py`).
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from collections.abc import Sequence

from sqlalchemy import Connection

from ratbond.engine import Engine, Replay
from ratbond.model import Program, Scenario, Session
from ratbond.store.common import engine_of, programs, vocabulary, with_notes_read
from ratbond.store.sqltext import execute

# Introductions remembered per process: a rescue's day of logging touches far fewer, and an
# entry costs a few hundred bytes a session.
CAPACITY = 256


@dataclasses.dataclass(frozen=True, slots=True)
class Replayed:
    """An introduction's live history as replayed, and what it was replayed under."""

    token: int | None
    """The history token when the entry was made (None: no session ever written)."""
    base: Scenario
    """The scenario it was replayed with; its animals and roles must still hold."""
    sessions: tuple[Session, ...]
    """The live sessions as stored, in the engine's order."""
    read: tuple[Session, ...]
    """The same sessions with their notes read: what the engine replayed."""
    state: Replay
    last_seq: int
    """The highest session number used, withdrawn sessions included."""

    def fits(self, token: int | None, base: Scenario) -> bool:
        return (
            token == self.token
            and base.program is self.base.program
            and base.animals == self.base.animals
            and base.roles == self.base.roles
        )

    def scenario(self, base: Scenario) -> Scenario:
        """`base` (for its date) with the replayed sessions, notes read."""
        return dataclasses.replace(base, sessions=self.read)


def engine_for(program: Program) -> Engine:
    # The built-in programs' engines are built once per process; any other program (a test's
    # own file, say) gets a fresh one, as `ratbond.advice.advise` would.
    if programs().get(program.id) is program:
        return engine_of(program.id)
    return Engine(program, vocabulary())


def replay(
    base: Scenario, sessions: Sequence[Session], token: int | None, last_seq: int
) -> Replayed:
    """The whole history replayed from the start."""
    read = with_notes_read(dataclasses.replace(base, sessions=tuple(sessions)))
    state = engine_for(base.program).replay(read)
    return Replayed(token, base, tuple(sessions), read.sessions, state, last_seq)


def extend(
    entry: Replayed, base: Scenario, session: Session, token: int | None, last_seq: int
) -> Replayed:
    """`entry` with one more session, last in the engine's order, written under `token`
    (`entry` itself is unchanged)."""
    (read,) = with_notes_read(dataclasses.replace(base, sessions=(session,))).sessions
    state = entry.state.copy()
    engine_for(base.program).feed(state, len(entry.sessions), read)
    return Replayed(token, base, (*entry.sessions, session), (*entry.read, read), state, last_seq)


_TOKEN = "SELECT token FROM history_tokens WHERE introduction_id = :intro"


def history_token(connection: Connection, introduction_id: int) -> int | None:
    """The introduction's history token as this transaction sees it."""
    rows = execute(connection, _TOKEN, intro=introduction_id)
    return int(rows[0][0]) if rows else None


class Replays:
    """The remembered entries, least recently used dropped first; safe across threads."""

    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        self._entries: OrderedDict[int, Replayed] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, introduction_id: int, token: int | None, base: Scenario) -> Replayed | None:
        """The entry for the introduction if it still fits its history, else None."""
        with self._lock:
            entry = self._entries.get(introduction_id)
            if entry is None or not entry.fits(token, base):
                return None
            self._entries.move_to_end(introduction_id)
            return entry

    def put(self, introduction_id: int, entry: Replayed) -> None:
        """Remember `entry`; only ever called once its transaction has committed."""
        with self._lock:
            self._entries[introduction_id] = entry
            self._entries.move_to_end(introduction_id)
            while len(self._entries) > self.capacity:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)

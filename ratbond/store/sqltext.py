"""Read statements written as SQL text, so one text serves two readers: SQLAlchemy on either
backend (`run_on`), and the standard library's sqlite3 on a SQLite file (`read_sqlite`), which
`ratbond today` uses so that reading its plan does not import SQLAlchemy.

A statement takes the day as `:today`; a reader is a `Run`: it executes one statement for its
day and returns the rows. Date columns come back as dates from PostgreSQL and as the ISO text
SQLAlchemy stored from SQLite (`as_date` reads both). This module imports SQLAlchemy only
inside `execute`.
"""

from __future__ import annotations

import os
import sys

from ratbond.store.migrations import head_revision

# Types only: `ratbond today` imports neither `typing` nor the records (`ratbond.model`).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Mapping, Sequence
    from typing import Any, TypeVar, overload

    from sqlalchemy import Connection

    from ratbond.store.records import StoredAdvice

    T = TypeVar("T")
    Run = Callable[[str], Sequence[Sequence[Any]]]
else:
    from ratbond import leandate as dt

# An advice row's columns, in the order `stored_advice` reads them. The payload is read as
# text, the same on both backends and both readers, and decoded by the record when read.
ADVICE_FIELDS = (
    "advice.introduction_id",
    "advice.action",
    "advice.stage",
    "advice.minutes",
    "advice.not_before",
    "advice.alerts",
    "advice.due_on",
    "advice.last_session",
    "advice.session_count",
    "CAST(advice.payload AS TEXT)",
)
ADVICE_COLUMNS = ", ".join(ADVICE_FIELDS)
# The advice row holding on :today: from valid_from up to, not including, valid_to (NULL: open).
ADVICE_HOLDS = (
    "advice.valid_from <= :today AND (advice.valid_to IS NULL OR advice.valid_to > :today)"
)
# How much of a SQLite file the lean reader maps into memory (`read_sqlite`).
MMAP_SIZE = 1 << 30


if TYPE_CHECKING:

    @overload
    def as_date(value: dt.date | str) -> dt.date: ...

    @overload
    def as_date(value: None) -> None: ...


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A date column as either reader returns it."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def stored_advice(values: Sequence[Any], today: dt.date) -> StoredAdvice:
    """An advice row (its `ADVICE_FIELDS`) as it reads on `today`: a `not_before` that has
    passed means today (in its payload too, once decoded)."""
    from ratbond.store.records import StoredAdvice

    intro, action, stage, minutes, not_before, alerts, due_on, last, count, text = values
    shown = as_date(not_before)
    if shown is not None and shown < today:
        shown = today
    return StoredAdvice(
        introduction_id=intro,
        today=today,
        action=action,
        stage=stage,
        minutes=minutes,
        not_before=shown,
        alerts=tuple(alerts.split()),
        due_on=as_date(due_on),
        last_session=as_date(last),
        session_count=count,
        payload_json=text,
    )


def execute(
    connection: Connection, sql: str, today: dt.date | None = None, **params: Any
) -> Sequence[Sequence[Any]]:
    """Run a statement of this module's kind in an open transaction, with `:today` bound as a
    date when given (other parameters are plain numbers or text)."""
    if today is not None:
        params["today"] = today
    statement = _STATEMENTS.get(sql)
    if statement is None:
        from sqlalchemy import Date, bindparam, text

        statement = text(sql)
        if ":today" in sql:
            statement = statement.bindparams(bindparam("today", type_=Date))
        _STATEMENTS[sql] = statement  # a fixed set: the module-level texts of the store
    return connection.execute(statement, params).all()


_STATEMENTS: dict[str, Any] = {}
"""Each text as SQLAlchemy parsed it, kept: PostgreSQL runs the same few texts all day."""


def run_on(connection: Connection, today: dt.date) -> Run:
    """The reader of an open SQLAlchemy transaction, for `today`."""
    return lambda sql: execute(connection, sql, today)


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


def read_sqlite(file: str, today: dt.date, read: Callable[[Run], T]) -> T | None:
    """`read` given the reader of one read transaction on the SQLite store in `file`.

    None when the store itself must answer: the file is missing or not a database yet, or its
    schema is not at the latest migration (the store migrates it on first use).
    """
    # The module `sqlite3` re-exports (its connections and errors are `sqlite3`'s), without
    # the package's default date adapters, which import `datetime` whole (~1 ms): the dates
    # are bound and read as ISO text here.
    import _sqlite3 as sqlite3

    if not os.path.isfile(file):
        return None
    try:
        connection = sqlite3.connect(file, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        # Pages are read from the file mapped into memory rather than copied through
        # SQLite's page cache: a read of a few thousand rows on a connection that lives for
        # one command. The size only bounds the mapping; nothing is written.
        connection.execute(f"PRAGMA mmap_size = {MMAP_SIZE}")
        connection.execute("BEGIN")
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        if revision != [(head_revision(),)]:
            return None
        bound = {"today": today.isoformat()}
        return read(lambda sql: connection.execute(sql, bound).fetchall())
    except sqlite3.Error:
        return None
    finally:
        connection.close()

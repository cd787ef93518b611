"""Core statements compiled once and, on SQLite, run straight on the driver.

Logging a session runs a handful of short statements, and for each one SQLAlchemy's execution
(an execution context, a result object, type processing row by row) costs several times what
SQLite itself does: on the benchmark machine about 30 µs against 6 for a one-row SELECT.
`Prepared` works out once what SQLAlchemy would work out on every call: the statement's SQL
for the dialect, the order of its parameters, and the bind and result processors of their
types (SQLAlchemy's own, so values are stored and read back exactly as it stores and reads
them). On SQLite it then hands the statement to the sqlite3 connection under the caller's
open transaction. On PostgreSQL SQLAlchemy executes it as usual: there the round trip to
the server is the cost, not the Python around it.

Only plain statements qualify: named bind parameters, no expanding `IN`, no Python-side
column defaults (the tables have none); `tests/store/test_prepared.py` holds both ways equal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Insert, Table, bindparam, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.expression import Executable

from ratbond.store.sqltext import sqlite_driver

Processor = Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A statement as SQLite's driver takes it."""

    sql: str
    names: tuple[str, ...]
    """The bind parameters' names in the order of the SQL's `?` marks."""
    binds: tuple[Processor | None, ...]
    keys: tuple[str, ...]
    """The result columns' names (empty for a statement that returns no rows)."""
    results: tuple[tuple[int, Processor], ...]
    """(position, processor) of each result column whose value SQLAlchemy converts."""

    def parameters(self, values: Mapping[str, Any]) -> tuple[Any, ...]:
        out = []
        for name, process in zip(self.names, self.binds, strict=True):
            value = values[name]
            out.append(value if process is None or value is None else process(value))
        return tuple(out)

    def mapping(self, row: Sequence[Any]) -> dict[str, Any]:
        values = list(row)
        for position, process in self.results:
            if values[position] is not None:
                values[position] = process(values[position])
        return dict(zip(self.keys, values, strict=True))


class Prepared:
    """One Core statement, run on SQLite's driver when the connection is SQLite's."""

    def __init__(self, statement: Executable) -> None:
        self.statement = statement
        self._insert = isinstance(statement, Insert)
        self._compiled: dict[type[Dialect], _Compiled] = {}
        self._lock = threading.Lock()

    def rows(
        self, connection: Connection, values: Mapping[str, Any]
    ) -> Sequence[Mapping[Any, Any]]:
        """The rows of a SELECT, each as a mapping from column name to value (SQLAlchemy's
        `RowMapping` on PostgreSQL)."""
        on_sqlite = self._on_sqlite(connection)
        if on_sqlite is None:
            return connection.execute(self.statement, values).mappings().all()
        compiled, driver = on_sqlite
        cursor = driver.execute(compiled.sql, compiled.parameters(values))
        return [compiled.mapping(row) for row in cursor.fetchall()]

    def run(self, connection: Connection, values: Mapping[str, Any]) -> int | None:
        """Run an INSERT, UPDATE or DELETE once; an INSERT's new primary key (SQLite's rowid,
        the one integer key column of these tables), else None."""
        on_sqlite = self._on_sqlite(connection)
        if on_sqlite is None:
            result = connection.execute(self.statement, values)
            if not self._insert:
                return None
            key = result.inserted_primary_key
            assert key is not None
            return int(key[0])
        compiled, driver = on_sqlite
        cursor = driver.execute(compiled.sql, compiled.parameters(values))
        return int(cursor.lastrowid) if self._insert else None

    def run_many(self, connection: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        """Run an INSERT, UPDATE or DELETE once per row of values."""
        on_sqlite = self._on_sqlite(connection)
        if on_sqlite is None:
            connection.execute(self.statement, list(rows))
            return
        compiled, driver = on_sqlite
        driver.executemany(compiled.sql, [compiled.parameters(values) for values in rows])

    def _on_sqlite(self, connection: Connection) -> tuple[_Compiled, Any] | None:
        """The statement compiled for SQLite and the sqlite3 connection to run it on; None
        on another database."""
        driver = sqlite_driver(connection)
        if driver is None:
            return None
        dialect = connection.dialect
        # Keyed by the dialect's class: every SQLite engine of the store is created alike.
        compiled = self._compiled.get(type(dialect))
        if compiled is None:
            with self._lock:
                compiled = self._compiled.setdefault(type(dialect), self._compile(dialect))
        return compiled, driver

    def _compile(self, dialect: Dialect) -> _Compiled:
        compiled: Any = self.statement.compile(dialect=dialect)  # type: ignore[attr-defined]
        names = tuple(compiled.positiontup or ())
        binds = tuple(
            compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
            for name in names
        )
        columns = getattr(self.statement, "selected_columns", None)
        keys = tuple(column.key for column in columns) if columns is not None else ()
        results = tuple(
            (position, process)
            for position, column in enumerate(columns if columns is not None else ())
            if (process := column.type.dialect_impl(dialect).result_processor(dialect, None))
            is not None
        )
        return _Compiled(compiled.string, names, binds, keys, results)


def insert_into(table: Table, *, leave_out: tuple[str, ...] = ("id",)) -> Prepared:
    """An INSERT of one row of `table`, every column but `leave_out` given by its name."""
    names = [column.name for column in table.c if column.name not in leave_out]
    return Prepared(insert(table).values({name: bindparam(name) for name in names}))

"""Every row of a SQLite store, to tell that a refused input wrote nothing (the fuzz tests)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

Rows = dict[str, list[tuple[object, ...]]]


def store_file(sqlite_url: str) -> Path:
    return Path(sqlite_url.removeprefix("sqlite:///"))


def all_rows(database: Path) -> Rows:
    """Each table's rows, sorted, by table name."""
    with sqlite3.connect(database) as connection:
        query = "SELECT name FROM sqlite_master WHERE type = 'table'"
        tables = [name for (name,) in connection.execute(query)]
        return {
            table: sorted(map(tuple, connection.execute(f'SELECT * FROM "{table}"')))
            for table in tables
        }

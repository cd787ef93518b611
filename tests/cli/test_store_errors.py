"""A database the command cannot use (locked by another program, read-only, full) is one line
and exit 2, and nothing of the command is saved."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

from tests.conftest import Outcome


def test_a_locked_database_is_one_line_and_saves_nothing(
    cli: Callable[..., Outcome], sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ratbond.store.db.SQLITE_BUSY_TIMEOUT", 0)  # give up at once
    assert cli("animal", "add", "Tom", "--species", "cat").code == 0
    other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        refused = cli("animal", "add", "Rex", "--species", "rat")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert refused.code == 2
    assert "database is locked" in refused.error
    assert "nothing of this was saved" in refused.error
    assert "Traceback" not in refused.error
    listed = cli("animal", "list")
    assert "Tom" in listed.output
    assert "Rex" not in listed.output

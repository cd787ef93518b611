"""Alembic migrations of the ratbond store, applied programmatically by `ratbond.store.db`."""

from __future__ import annotations

import os

VERSIONS = os.path.join(os.path.dirname(__file__), "versions")


def head_revision() -> str:
    """The latest migration: revision ids are the numeric prefixes of the version files.

    Read from the folder, without Alembic or SQLAlchemy, so the lean sqlite3 read can check it.
    """
    names = [
        n for n in os.listdir(VERSIONS) if n[:4].isdigit() and n[4:5] == "_" and n.endswith(".py")
    ]
    return max(names)[:4]

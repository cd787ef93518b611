"""Alembic migrations of the ratbond store, applied programmatically by `ratbond.store.db`."""

from __future__ import annotations

import os

VERSIONS = os.path.join(os.path.dirname(__file__), "versions")


def revisions() -> list[str]:
    """Every migration's revision id, oldest first: the numeric prefixes of the version files.

    Read from the folder, without Alembic or SQLAlchemy, so the lean sqlite3 read can check it.
    """
    names = [
        n for n in os.listdir(VERSIONS) if n[:4].isdigit() and n[4:5] == "_" and n.endswith(".py")
    ]
    return sorted(name[:4] for name in names)


def head_revision() -> str:
    """The latest migration's revision id."""
    return revisions()[-1]


def unknown_revision(revision: str | None, where: str) -> str | None:
    """Why a database at `revision` cannot be used by this ratbond, or None when it can: a
    revision no migration of this version has was written by a newer ratbond (or garbled),
    and migrating it would fail half-way in Alembic."""
    if revision is None or revision in revisions():
        return None
    return (
        f"{where} was written by a newer ratbond (schema revision '{revision[:40]}'; this "
        f"ratbond knows up to {head_revision()}): upgrade ratbond to use it; nothing was changed"
    )

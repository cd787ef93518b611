"""The household store: animals, vet checks, weights, introductions and sessions, kept for good.

Open a `Database` (see `ratbond.store.db`) and call the functions of the concept modules
(`animals`, `introductions`, `sessions`, `agenda`, `transfer`); every write is one transaction
and refreshes the stored advice of the introductions it touches. See docs/store.md.

The names below load `ratbond.store.db`, and with it SQLAlchemy, on first use: importing a
module of the package that needs neither (the day's plan read with sqlite3) does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ratbond.store.db import Database, database_url, open_database

__all__ = ["Database", "database_url", "open_database"]


def __getattr__(name: str) -> object:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from ratbond.store import db

    value = getattr(db, name)
    globals()[name] = value
    return value

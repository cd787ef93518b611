"""The household store: animals, vet checks, weights, introductions and sessions, kept for good.

Open a `Database` (see `ratbond.store.db`) and call the functions of the concept modules
(`animals`, `introductions`, `sessions`, `agenda`, `transfer`); every write is one transaction
and refreshes the stored advice of the introductions it touches. See docs/store.md.
"""

from ratbond.store.db import Database, database_url, open_database

__all__ = ["Database", "database_url", "open_database"]

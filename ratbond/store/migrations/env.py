"""Alembic environment: runs migrations on the connection (and transaction) `db.py` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from ratbond.store.tables import metadata

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError(
        "ratbond migrations run through ratbond.store.db.Database.ensure_schema(), "
        "which supplies the connection"
    )
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
# The caller's transaction is already open, so this joins it: all or nothing.
with context.begin_transaction():
    context.run_migrations()

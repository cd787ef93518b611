"""Alembic migrations of the ratbond store, applied programmatically by `ratbond.store.db`."""

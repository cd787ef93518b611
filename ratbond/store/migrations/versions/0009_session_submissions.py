"""A session remembers the request that logged it: `sessions.submission`, the one-time key
the log form (or an API client's `Idempotency-Key` header) sends with it.

A save sent twice (a double tap the page's script did not catch, a phone retrying on a weak
signal, a browser's "resend") carries the same key: the second finds the first's session
instead of logging the session again. Unique per introduction; NULL for sessions logged
without a key (the command line, imports, every session before this migration), which a
unique constraint never compares. SQLite cannot add a constraint to an existing table, so the
batch operation copies it; existing rows keep their values.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision: str | None = "0008"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("submission", sa.String(64)))
        batch.create_unique_constraint(
            "uq_sessions_introduction_submission", ["introduction_id", "submission"]
        )


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.drop_constraint("uq_sessions_introduction_submission", type_="unique")
        batch.drop_column("submission")

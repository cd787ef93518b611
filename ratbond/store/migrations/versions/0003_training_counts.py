"""Training counts on sessions: `attempts` and `rewarded`, for stages with a success rate.

Both are nullable (introductions other than trick training never have them) and checked by
the database as well as by the contract's validation: neither negative, rewarded <= attempts.
SQLite cannot add a CHECK constraint to an existing table, so the batch operation copies the
table; on PostgreSQL it is two ALTER TABLE statements. Existing rows keep their values.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

# A NULL count passes a CHECK, so sessions without counts need no special case.
TRAINING_COUNTS = "attempts >= 0 AND rewarded >= 0 AND rewarded <= attempts"


def upgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("attempts", sa.Integer()))
        batch.add_column(sa.Column("rewarded", sa.Integer()))
        batch.create_check_constraint("ck_sessions_training_counts", TRAINING_COUNTS)


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.drop_constraint("ck_sessions_training_counts", type_="check")
        batch.drop_column("rewarded")
        batch.drop_column("attempts")

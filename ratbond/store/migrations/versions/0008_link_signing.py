"""Signed links and calendar feeds (issue 17): the server's signing key kept in the database,
and a kind on each personal token (an API token, or a calendar feed link).

Invitation and reset links are signed (`itsdangerous`) with a key every process of the server
must share and that must outlive a restart: `ratbond people invite` makes a link at the
command line that `ratbond serve --workers N` checks in any of its processes, possibly days
later. The database is the one place all of them already share (a file beside it would not
be shared by two machines on one PostgreSQL), so the key is a row of `server_keys`, made on
first use. A calendar feed link is a personal token like an API token (stored as its SHA-256,
revocable, in one household with the person's role) that opens the calendar feed only. And
an index finds the audit entries of given rows, which an owner's history and animal pages now
show beside the rows.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "server_keys",
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("value", sa.String(128), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_server_keys"),
    )
    with op.batch_alter_table("api_tokens") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(8), nullable=False, server_default="api"),
        )
        batch.create_check_constraint("ck_api_tokens_kind", "kind IN ('api', 'feed')")
    op.create_index("ix_audit_household_row", "audit", ["household_id", "row_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_household_row", table_name="audit")
    with op.batch_alter_table("api_tokens") as batch:
        batch.drop_constraint("ck_api_tokens_kind", type_="check")
        batch.drop_column("kind")
    op.drop_table("server_keys")

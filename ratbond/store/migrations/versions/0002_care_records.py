"""Care records: free-roam checks, trust signs, grooming and care tasks done.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def _recorded() -> list[sa.Column[object]]:
    """The columns every care record ends with: notes, who, when, and the soft delete."""
    return [
        sa.Column("notes", sa.Text()),
        sa.Column("logged_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime()),
    ]


def upgrade() -> None:
    op.create_table(
        "free_roam_checks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("ready", sa.Boolean(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("checked_by", sa.String(100), nullable=False),
        sa.Column("notes", sa.Text()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime()),
        sa.PrimaryKeyConstraint("id", name="pk_free_roam_checks"),
    )
    op.create_index("ix_free_roam_checks_date", "free_roam_checks", ["date"])
    op.create_table(
        "trust_signs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("animal_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("sign", sa.String(64), nullable=False),
        *_recorded(),
        sa.ForeignKeyConstraint(
            ["animal_id"], ["animals.id"], name="fk_trust_signs_animal_id_animals"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_trust_signs"),
    )
    op.create_index("ix_trust_signs_animal_date", "trust_signs", ["animal_id", "date"])
    op.create_table(
        "grooming",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("animal_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("findings", sa.String(400), nullable=False),
        *_recorded(),
        sa.ForeignKeyConstraint(
            ["animal_id"], ["animals.id"], name="fk_grooming_animal_id_animals"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_grooming"),
    )
    op.create_index("ix_grooming_animal_date", "grooming", ["animal_id", "date"])
    op.create_table(
        "care_done",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("task", sa.String(64), nullable=False),
        sa.Column("animal_id", sa.Integer()),
        sa.Column("date", sa.Date(), nullable=False),
        *_recorded(),
        sa.ForeignKeyConstraint(
            ["animal_id"], ["animals.id"], name="fk_care_done_animal_id_animals"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_care_done"),
    )
    op.create_index("ix_care_done_task_date", "care_done", ["task", "date"])


def downgrade() -> None:
    for table in ("care_done", "grooming", "trust_signs", "free_roam_checks"):
        op.drop_table(table)

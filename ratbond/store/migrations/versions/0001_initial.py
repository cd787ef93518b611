"""Initial schema: animals, vet checks, weights, introductions, sessions, advice, history.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "animals",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200)),
        sa.Column("species", sa.String(8), nullable=False),
        sa.Column("sex", sa.String(40)),
        sa.Column("born", sa.Date()),
        sa.Column("arrived", sa.Date()),
        sa.Column("origin", sa.String(16)),
        sa.Column("prey_drive", sa.String(16)),
        sa.Column("markings", sa.Text()),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("notes", sa.Text()),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("species IN ('cat', 'rat')", name="ck_animals_species"),
        sa.CheckConstraint("status IN ('active', 'rehomed', 'deceased')", name="ck_animals_status"),
        sa.PrimaryKeyConstraint("id", name="pk_animals"),
        sa.UniqueConstraint("key", name="uq_animals_key"),
    )
    op.create_table(
        "vet_checks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("animal_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("vet", sa.String(200)),
        sa.Column("findings", sa.Text()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime()),
        sa.ForeignKeyConstraint(
            ["animal_id"], ["animals.id"], name="fk_vet_checks_animal_id_animals"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_vet_checks"),
    )
    op.create_index("ix_vet_checks_animal_id", "vet_checks", ["animal_id"])
    op.create_table(
        "weights",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("animal_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("grams", sa.Float(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime()),
        sa.CheckConstraint("grams > 0", name="ck_weights_grams_positive"),
        sa.ForeignKeyConstraint(["animal_id"], ["animals.id"], name="fk_weights_animal_id_animals"),
        sa.PrimaryKeyConstraint("id", name="pk_weights"),
    )
    op.create_index("ix_weights_animal_id", "weights", ["animal_id"])
    op.create_table(
        "introductions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("program", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("started", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text()),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('active', 'paused', 'stopped', 'completed')",
            name="ck_introductions_status",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_introductions"),
        sa.UniqueConstraint("key", name="uq_introductions_key"),
    )
    op.create_table(
        "introduction_animals",
        sa.Column("introduction_id", sa.Integer(), nullable=False),
        sa.Column("animal_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["introduction_id"],
            ["introductions.id"],
            name="fk_introduction_animals_introduction_id_introductions",
        ),
        sa.ForeignKeyConstraint(
            ["animal_id"], ["animals.id"], name="fk_introduction_animals_animal_id_animals"
        ),
        sa.PrimaryKeyConstraint("introduction_id", "animal_id", name="pk_introduction_animals"),
    )
    op.create_index("ix_introduction_animals_animal_id", "introduction_animals", ["animal_id"])
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("introduction_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("stage", sa.String(64), nullable=False),
        sa.Column("minutes", sa.Float()),
        sa.Column("supervised", sa.Boolean(), nullable=False),
        sa.Column("signals", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text()),
        sa.Column("session_class", sa.String(16), nullable=False),
        sa.Column("logged_by", sa.String(100), nullable=False),
        sa.Column("logged_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime()),
        sa.ForeignKeyConstraint(
            ["introduction_id"],
            ["introductions.id"],
            name="fk_sessions_introduction_id_introductions",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
        sa.UniqueConstraint("introduction_id", "seq", name="uq_sessions_introduction_seq"),
    )
    op.create_index("ix_sessions_introduction_date", "sessions", ["introduction_id", "date", "seq"])
    op.create_table(
        "advice",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("introduction_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date()),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("stage", sa.String(64), nullable=False),
        sa.Column("minutes", sa.Float()),
        sa.Column("not_before", sa.Date()),
        sa.Column("due_on", sa.Date()),
        sa.Column("last_session", sa.Date()),
        sa.Column("session_count", sa.Integer(), nullable=False),
        sa.Column("alerts", sa.String(400), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["introduction_id"],
            ["introductions.id"],
            name="fk_advice_introduction_id_introductions",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_advice"),
    )
    op.create_index("ix_advice_introduction_valid", "advice", ["introduction_id", "valid_from"])
    op.create_table(
        "history",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("change", sa.String(16), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_history"),
    )
    op.create_index("ix_history_row", "history", ["table_name", "row_id"])


def downgrade() -> None:
    for table in (
        "history",
        "advice",
        "sessions",
        "introduction_animals",
        "introductions",
        "weights",
        "vet_checks",
        "animals",
    ):
        op.drop_table(table)

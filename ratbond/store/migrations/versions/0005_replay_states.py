"""Replay states: each introduction's replayed history stored beside its advice, in place of
the history tokens of 0004 and their triggers.

A process no longer remembers replays between writes: the engine's state is written with the
advice, in the same transaction, and a new session resumes from it (`ratbond.store.replays`).
The table starts empty; an introduction's first write after the upgrade replays its history
and stores its state.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

SQLITE_TRIGGERS = ("sessions_token_insert", "sessions_token_update", "sessions_token_delete")


def upgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
    else:
        op.execute("DROP TRIGGER sessions_history_token ON sessions")
        op.execute("DROP FUNCTION ratbond_history_token()")
    op.drop_table("history_tokens")
    op.create_table(
        "replay_states",
        sa.Column("introduction_id", sa.Integer(), nullable=False),
        sa.Column("engine_version", sa.Integer(), nullable=False),
        sa.Column("program_version", sa.String(64), nullable=False),
        sa.Column("basis", sa.String(64), nullable=False),
        sa.Column("session_count", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer()),
        sa.Column("last_date", sa.Date()),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["introduction_id"],
            ["introductions.id"],
            name="fk_replay_states_introduction_id_introductions",
        ),
        sa.PrimaryKeyConstraint("introduction_id", name="pk_replay_states"),
    )


def downgrade() -> None:
    op.drop_table("replay_states")
    # 0004's own upgrade creates the tokens and their triggers again (no token: every
    # process of that version then replays from the rows).
    importlib.import_module("ratbond.store.migrations.versions.0004_history_tokens").upgrade()

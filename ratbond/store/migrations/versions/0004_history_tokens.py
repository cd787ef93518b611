"""History tokens: a random number per introduction that changes with every change to its
sessions, kept by the database itself (triggers on `sessions`).

A process that remembers an introduction's replayed history (`ratbond.store.replays`) keeps
the token it saw; a write that finds the same token knows the history is unchanged, and one
that finds another (any writer, any process, any tool writing SQL) replays from the rows.
A random token rather than a counter: a database restored from a backup cannot bring back a
value a process has remembered for a different history.

Migrations that rebuild `sessions` on SQLite (batch operations copy the table) drop these
triggers with it and must create them again.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def _sqlite_upsert(row: str) -> str:
    return (
        "INSERT INTO history_tokens (introduction_id, token) "
        f"VALUES ({row}.introduction_id, random()) "
        "ON CONFLICT (introduction_id) DO UPDATE SET token = excluded.token;"
    )


SQLITE_TRIGGERS = {
    "sessions_token_insert": ("AFTER INSERT", ("NEW",)),
    "sessions_token_update": ("AFTER UPDATE", ("OLD", "NEW")),
    "sessions_token_delete": ("AFTER DELETE", ("OLD",)),
}

POSTGRESQL_FUNCTION = """
CREATE FUNCTION ratbond_history_token() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO history_tokens (introduction_id, token)
        VALUES (OLD.introduction_id, (random() * 9007199254740991)::bigint)
        ON CONFLICT (introduction_id) DO UPDATE SET token = excluded.token;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO history_tokens (introduction_id, token)
        VALUES (NEW.introduction_id, (random() * 9007199254740991)::bigint)
        ON CONFLICT (introduction_id) DO UPDATE SET token = excluded.token;
    END IF;
    RETURN NULL;
END
$$
"""


def upgrade() -> None:
    op.create_table(
        "history_tokens",
        sa.Column("introduction_id", sa.Integer(), nullable=False),
        sa.Column("token", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["introduction_id"],
            ["introductions.id"],
            name="fk_history_tokens_introduction_id_introductions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("introduction_id", name="pk_history_tokens"),
    )
    if op.get_context().dialect.name == "sqlite":
        for name, (when, rows) in SQLITE_TRIGGERS.items():
            body = " ".join(_sqlite_upsert(row) for row in rows)
            op.execute(f"CREATE TRIGGER {name} {when} ON sessions FOR EACH ROW BEGIN {body} END")
    else:
        op.execute(POSTGRESQL_FUNCTION)
        op.execute(
            "CREATE TRIGGER sessions_history_token AFTER INSERT OR UPDATE OR DELETE ON sessions "
            "FOR EACH ROW EXECUTE FUNCTION ratbond_history_token()"
        )


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
    else:
        op.execute("DROP TRIGGER sessions_history_token ON sessions")
        op.execute("DROP FUNCTION ratbond_history_token()")
    op.drop_table("history_tokens")

"""People and households (issue 17): households, people, memberships with roles, server-side
web sessions, hashed API tokens, invitations, read-only shares, the audit trail and failed
sign-ins; a `household_id` on every table a household owns.

An existing database becomes one household, `home` (id 1), which every existing row joins;
the first person created later owns it (`ratbond.store.people.add_person`). Animal and
introduction keys become unique per household. On PostgreSQL, row-level security keyed on the
transaction's `app.household` setting (`ratbond.store.scope`) hides every other household's
rows from any role but a superuser, as a second wall behind the store's own filter.

SQLite cannot add a foreign key or change a unique constraint in place, so batch operations
copy the tables; `ratbond.store.db` runs a migration with SQLite's foreign key checks off and
checks every foreign key before it commits, as SQLite's own procedure for this asks.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import datetime as dt
import importlib

import sqlalchemy as sa
from alembic import op

# The revision ids, in this one place.
revision = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None

# Tables a household owns, as they stood at 0005, and the ones this migration adds owned.
EXISTING = (
    "animals",
    "vet_checks",
    "weights",
    "introductions",
    "introduction_animals",
    "sessions",
    "advice",
    "replay_states",
    "history",
    "free_roam_checks",
    "trust_signs",
    "grooming",
    "care_done",
)
NEW_SCOPED = ("invitations", "shares", "audit")
# Parents first, so the children's foreign keys find them whichever order SQLite copies in.
KEYED = ("animals", "introductions")
HOME = 1
# Row-level security: the household the transaction set, NULL (so nothing) when it set none.
CURRENT_HOUSEHOLD = "NULLIF(current_setting('app.household', true), '')::integer"


def upgrade() -> None:
    households = op.create_table(
        "households",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_households"),
        sa.UniqueConstraint("key", name="uq_households_key"),
    )
    assert households is not None
    op.bulk_insert(
        households,
        [{"id": HOME, "key": "home", "name": "Home", "created_at": dt.datetime.now(dt.UTC)}],
    )
    _create_people_tables()
    for name in EXISTING:
        _add_household(name)
    if op.get_context().dialect.name == "sqlite":
        _restore_checks_kept_as_triggers()
    if op.get_context().dialect.name == "postgresql":
        # The next household after `home` (the id was given explicitly above).
        op.execute("SELECT setval(pg_get_serial_sequence('households', 'id'), 1)")
        for name in EXISTING + NEW_SCOPED:
            _row_level_security(name)


def _restore_checks_kept_as_triggers() -> None:
    # SQLite drops a table's triggers with the table, and batch mode copies `animals` and
    # `introductions`: the checks 0006 wrote as triggers on them are made again, as 0006 made them.
    field_limits = importlib.import_module("ratbond.store.migrations.versions.0006_field_limits")
    for table in field_limits.PARENTS:
        for name, condition in field_limits.CHECKS[table]:
            for statement in field_limits._triggers(table, name, condition):
                op.execute(statement)


def _add_household(name: str) -> None:
    with op.batch_alter_table(name) as batch:
        batch.add_column(
            sa.Column("household_id", sa.Integer(), nullable=False, server_default=str(HOME))
        )
    with op.batch_alter_table(name) as batch:
        # Every new row names its household (the store does); no default could be right.
        batch.alter_column("household_id", server_default=None)
        batch.create_foreign_key(
            f"fk_{name}_household_id_households", "households", ["household_id"], ["id"]
        )
        batch.create_index(f"ix_{name}_household_id", ["household_id"])
        if name in KEYED:
            batch.drop_constraint(f"uq_{name}_key", type_="unique")
            batch.create_unique_constraint(f"uq_{name}_household_id", ["household_id", "key"])


def _row_level_security(name: str) -> None:
    op.execute(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY")
    # The table's owner too (the role ratbond usually connects as); superusers still pass.
    op.execute(f"ALTER TABLE {name} FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY household ON {name} USING (household_id = {CURRENT_HOUSEHOLD}) "
        f"WITH CHECK (household_id = {CURRENT_HOUSEHOLD})"
    )


def _household_fk(name: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["household_id"], ["households.id"], name=f"fk_{name}_household_id_households"
    )


def _person_fk(name: str, column: str = "person_id") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], ["people.id"], name=f"fk_{name}_{column}_people")


def _create_people_tables() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("login", sa.String(100), nullable=False),
        sa.Column("email", sa.String(254)),
        sa.Column("password_hash", sa.String(200)),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_people"),
        sa.UniqueConstraint("login", name="uq_people_login"),
    )
    op.create_table(
        "memberships",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("animals", sa.JSON()),
        sa.Column("until", sa.Date()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "role IN ('owner', 'carer', 'viewer', 'sitter')", name="ck_memberships_role"
        ),
        _person_fk("memberships"),
        _household_fk("memberships"),
        sa.PrimaryKeyConstraint("person_id", "household_id", name="pk_memberships"),
    )
    op.create_index("ix_memberships_household_id", "memberships", ["household_id"])
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime()),
        sa.Column("address", sa.String(64)),
        _person_fk("web_sessions"),
        _household_fk("web_sessions"),
        sa.PrimaryKeyConstraint("id", name="pk_web_sessions"),
    )
    op.create_index("ix_web_sessions_person_id", "web_sessions", ["person_id"])
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_used_at", sa.DateTime()),
        sa.Column("revoked_at", sa.DateTime()),
        _person_fk("api_tokens"),
        _household_fk("api_tokens"),
        sa.PrimaryKeyConstraint("id", name="pk_api_tokens"),
        sa.UniqueConstraint("token_hash", name="uq_api_tokens_token_hash"),
    )
    op.create_index("ix_api_tokens_person_id", "api_tokens", ["person_id"])
    op.create_table(
        "invitations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(8), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("person_id", sa.Integer()),
        sa.Column("role", sa.String(8)),
        sa.Column("animals", sa.JSON()),
        sa.Column("until", sa.Date()),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime()),
        sa.CheckConstraint("purpose IN ('join', 'reset')", name="ck_invitations_purpose"),
        _household_fk("invitations"),
        _person_fk("invitations"),
        sa.PrimaryKeyConstraint("id", name="pk_invitations"),
        sa.UniqueConstraint("token_hash", name="uq_invitations_token_hash"),
    )
    op.create_index("ix_invitations_household_id", "invitations", ["household_id"])
    op.create_table(
        "shares",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("until", sa.Date(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime()),
        sa.CheckConstraint("kind IN ('animal', 'introduction')", name="ck_shares_kind"),
        _household_fk("shares"),
        sa.PrimaryKeyConstraint("id", name="pk_shares"),
        sa.UniqueConstraint("token_hash", name="uq_shares_token_hash"),
    )
    op.create_index("ix_shares_household_id", "shares", ["household_id"])
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer()),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("via", sa.String(8), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("row_id", sa.Integer()),
        sa.Column("detail", sa.String(400)),
        sa.CheckConstraint("via IN ('web', 'api', 'cli')", name="ck_audit_via"),
        _household_fk("audit"),
        _person_fk("audit"),
        sa.PrimaryKeyConstraint("id", name="pk_audit"),
    )
    op.create_index("ix_audit_household_at", "audit", ["household_id", "at"])
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(100), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sign_in_failures"),
    )
    op.create_index("ix_sign_in_failures_login_at", "sign_in_failures", ["login", "at"])
    op.create_index("ix_sign_in_failures_address_at", "sign_in_failures", ["address", "at"])


def downgrade() -> None:
    postgresql = op.get_context().dialect.name == "postgresql"
    for name in NEW_SCOPED:
        op.drop_table(name)
    for name in ("sign_in_failures", "api_tokens", "web_sessions", "memberships", "people"):
        op.drop_table(name)
    # Only the home household's rows fit the single household of 0005.
    for name in reversed(EXISTING):
        if postgresql:
            op.execute(f"DROP POLICY household ON {name}")
            op.execute(f"ALTER TABLE {name} NO FORCE ROW LEVEL SECURITY")
            op.execute(f"ALTER TABLE {name} DISABLE ROW LEVEL SECURITY")
        op.execute(f"DELETE FROM {name} WHERE household_id <> {HOME}")
    for name in EXISTING:
        with op.batch_alter_table(name) as batch:
            if name in KEYED:
                batch.drop_constraint(f"uq_{name}_household_id", type_="unique")
                batch.create_unique_constraint(f"uq_{name}_key", ["key"])
            batch.drop_index(f"ix_{name}_household_id")
            batch.drop_constraint(f"fk_{name}_household_id_households", type_="foreignkey")
            batch.drop_column("household_id")
    if not postgresql:
        _restore_checks_kept_as_triggers()
    op.drop_table("households")

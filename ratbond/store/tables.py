"""The tables, as SQLAlchemy Core metadata; the migrations in `migrations/versions` create them.

Nothing is ever lost: animals and introductions keep every earlier version in `history`;
vet checks, weights and sessions are soft-deleted (`deleted_at`) and their earlier versions
go to `history` too. `advice` holds each introduction's current advice as a short timeline
(see `ratbond.store.advice`), so the day's plan is read without replaying any history.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from ratbond.limits import (
    DATE_FLOOR,
    MAX_ATTEMPTS,
    MAX_GRAMS,
    MAX_ID,
    MAX_MINUTES,
    MAX_NAME,
    MAX_NOTES,
    MAX_SEX,
    MIN_GRAMS,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

# The limits of the validation (`ratbond.scenario`, `ratbond.store.animals`,
# `ratbond.store.sessions`), held by the columns too (migration 0006), so SQLite and
# PostgreSQL refuse the same rows whatever writes them. A NULL passes a CHECK.
FLOOR = f"'{DATE_FLOOR.isoformat()}'"
ANIMAL_LENGTHS = (
    f"length(key) <= {MAX_ID} AND length(name) <= {MAX_NAME} AND length(sex) <= {MAX_SEX}"
)
ANIMAL_DATES = f"born >= {FLOOR} AND arrived >= {FLOOR} AND born <= arrived"
WEIGHT_RANGE = f"grams >= {MIN_GRAMS:g} AND grams < {max(MAX_GRAMS.values())}"
SESSION_RANGES = (
    f"date >= {FLOOR} AND minutes >= 0 AND minutes <= {MAX_MINUTES} "
    f"AND attempts <= {MAX_ATTEMPTS} AND length(notes) <= {MAX_NOTES}"
)


def date_floor(column: str = "date") -> CheckConstraint:
    """`column` holds no date before the floor."""
    return CheckConstraint(f"{column} >= {FLOOR}", name=f"{column}_floor")


ANIMAL_STATUSES = ("active", "rehomed", "deceased")
INTRODUCTION_STATUSES = ("active", "paused", "stopped", "completed")

animals = Table(
    "animals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(64), nullable=False),
    Column("name", String(200)),
    Column("species", String(8), nullable=False),
    Column("sex", String(40)),
    Column("born", Date),
    Column("arrived", Date),
    Column("origin", String(16)),
    Column("prey_drive", String(16)),
    Column("markings", Text),
    Column("status", String(16), nullable=False),
    Column("notes", Text),
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    CheckConstraint("species IN ('cat', 'rat')", name="species"),
    CheckConstraint("status IN ('active', 'rehomed', 'deceased')", name="status"),
    CheckConstraint(ANIMAL_LENGTHS, name="lengths"),
    CheckConstraint(ANIMAL_DATES, name="dates"),
)

vet_checks = Table(
    "vet_checks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("animal_id", Integer, ForeignKey("animals.id"), nullable=False, index=True),
    Column("date", Date, nullable=False),
    Column("vet", String(200)),
    Column("findings", Text),
    Column("created_at", DateTime, nullable=False),
    Column("deleted_at", DateTime),
    date_floor(),
)

weights = Table(
    "weights",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("animal_id", Integer, ForeignKey("animals.id"), nullable=False, index=True),
    Column("date", Date, nullable=False),
    Column("grams", Float, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("deleted_at", DateTime),
    CheckConstraint("grams > 0", name="grams_positive"),
    CheckConstraint(WEIGHT_RANGE, name="grams_plausible"),
    date_floor(),
)

introductions = Table(
    "introductions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(64), nullable=False),
    Column("program", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("started", Date, nullable=False),
    Column("notes", Text),
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    CheckConstraint("status IN ('active', 'paused', 'stopped', 'completed')", name="status"),
    date_floor("started"),
)

introduction_animals = Table(
    "introduction_animals",
    metadata,
    Column("introduction_id", Integer, ForeignKey("introductions.id"), primary_key=True),
    Column("animal_id", Integer, ForeignKey("animals.id"), primary_key=True, index=True),
    Column("role", String(32), nullable=False),
    Column("position", Integer, nullable=False),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("introduction_id", Integer, ForeignKey("introductions.id"), nullable=False),
    # Order of logging within the introduction: same-date sessions keep this order.
    Column("seq", Integer, nullable=False),
    Column("date", Date, nullable=False),
    Column("stage", String(64), nullable=False),
    Column("minutes", Float),
    Column("supervised", Boolean, nullable=False),
    # Animal key -> list of signal ids, as in the contract.
    Column("signals", JSON, nullable=False),
    Column("notes", Text),
    # Training stages (migration 0003): tries at the behaviour and how many were rewarded.
    Column("attempts", Integer),
    Column("rewarded", Integer),
    # The session's class (calm, stress, aggression, danger), kept for the history table.
    Column("session_class", String(16), nullable=False),
    Column("logged_by", String(100), nullable=False),
    Column("logged_at", DateTime, nullable=False),
    Column("version", Integer, nullable=False),
    Column("deleted_at", DateTime),
    # The one-time key of the form or API request that logged it (migration 0009): the same
    # request sent again (a double tap, a retry) finds this session instead of adding one.
    Column("submission", String(64)),
    UniqueConstraint("introduction_id", "seq", name="uq_sessions_introduction_seq"),
    UniqueConstraint("introduction_id", "submission", name="uq_sessions_introduction_submission"),
    Index("ix_sessions_introduction_date", "introduction_id", "date", "seq"),
    # A NULL count passes, so sessions without counts need no special case.
    CheckConstraint(
        "attempts >= 0 AND rewarded >= 0 AND rewarded <= attempts", name="training_counts"
    ),
    CheckConstraint(SESSION_RANGES, name="ranges"),
)

advice = Table(
    "advice",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("introduction_id", Integer, ForeignKey("introductions.id"), nullable=False),
    # The advice holds from `valid_from` up to (not including) `valid_to`; NULL: open-ended.
    Column("valid_from", Date, nullable=False),
    Column("valid_to", Date),
    Column("action", String(16), nullable=False),
    Column("stage", String(64), nullable=False),
    Column("minutes", Float),
    Column("not_before", Date),
    # The date the next session was first due (the not_before of the advice when written).
    Column("due_on", Date),
    Column("last_session", Date),
    Column("session_count", Integer, nullable=False),
    Column("alerts", String(400), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("computed_at", DateTime, nullable=False),
    Index("ix_advice_introduction_valid", "introduction_id", "valid_from"),
)

# Each introduction's replayed history as the engine left it (migration 0005), so a session
# logged after every other feeds the engine one session: see `ratbond.store.replays`. Derived,
# like `advice`, so it is neither exported nor kept in `history`.
replay_states = Table(
    "replay_states",
    metadata,
    Column("introduction_id", Integer, ForeignKey("introductions.id"), primary_key=True),
    # What the state was made under: `ratbond.engine.ENGINE_VERSION`, a digest of the program
    # and vocabulary, and a digest of the introduction's animals and roles.
    Column("engine_version", Integer, nullable=False),
    Column("program_version", String(64), nullable=False),
    Column("basis", String(64), nullable=False),
    # What it was replayed over: the live sessions, and the last of them in the engine's order.
    Column("session_count", Integer, nullable=False),
    Column("last_seq", Integer),
    Column("last_date", Date),
    # `ratbond.engine.Replay.to_json`.
    Column("state", JSON, nullable=False),
)

history = Table(
    "history",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("table_name", String(40), nullable=False),
    Column("row_id", Integer, nullable=False),
    Column("version", Integer, nullable=False),
    # The row as it was before the change, in the JSON shape of an export.
    Column("data", JSON, nullable=False),
    Column("change", String(16), nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    Index("ix_history_row", "table_name", "row_id"),
)

# --- care records (migration 0002): free-roam checks, trust signs, grooming, tasks done ----
# All soft-deleted through `deleted_at`, with earlier versions in `history`, like weights.

free_roam_checks = Table(
    "free_roam_checks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("date", Date, nullable=False),
    # Computed from `answers` by the checklist, never taken from the caller.
    Column("ready", Boolean, nullable=False),
    # Checklist item id -> true, false or null (not answered).
    Column("answers", JSON, nullable=False),
    Column("checked_by", String(100), nullable=False),
    Column("notes", Text),
    Column("created_at", DateTime, nullable=False),
    Column("deleted_at", DateTime),
    Index("ix_free_roam_checks_date", "date"),
    date_floor(),
)

trust_signs = Table(
    "trust_signs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("animal_id", Integer, ForeignKey("animals.id"), nullable=False),
    Column("date", Date, nullable=False),
    # A trust sign id of care-tasks.yaml (a rat signal id).
    Column("sign", String(64), nullable=False),
    Column("notes", Text),
    Column("logged_by", String(100), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("deleted_at", DateTime),
    Index("ix_trust_signs_animal_date", "animal_id", "date"),
    date_floor(),
)

grooming = Table(
    "grooming",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("animal_id", Integer, ForeignKey("animals.id"), nullable=False),
    Column("date", Date, nullable=False),
    # Finding ids separated by spaces; empty when nothing was found.
    Column("findings", String(400), nullable=False),
    Column("notes", Text),
    Column("logged_by", String(100), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("deleted_at", DateTime),
    Index("ix_grooming_animal_date", "animal_id", "date"),
    date_floor(),
)

care_done = Table(
    "care_done",
    metadata,
    Column("id", Integer, primary_key=True),
    # A task id of care-tasks.yaml.
    Column("task", String(64), nullable=False),
    # The animal for per-animal tasks (weigh-in, health check); NULL for household tasks.
    Column("animal_id", Integer, ForeignKey("animals.id")),
    Column("date", Date, nullable=False),
    Column("notes", Text),
    Column("logged_by", String(100), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("deleted_at", DateTime),
    Index("ix_care_done_task_date", "task", "date"),
    date_floor(),
)

# --- people and households (migration 0006, issue 17) -------------------------------------
# Every table above holds a `household_id` (added below, so the definitions above stay as
# the earlier migrations made them); `ratbond.store.scope` filters every statement by it.

ROLES = ("owner", "carer", "viewer", "sitter")
VIAS = ("web", "api", "cli")

households = Table(
    "households",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(64), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

people = Table(
    "people",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
    # The name as typed at sign-in is compared with this: case-folded, spaces trimmed.
    Column("login", String(100), nullable=False, unique=True),
    Column("email", String(254)),
    # An argon2 hash (`ratbond.store.passwords`); NULL until the person chooses a password.
    Column("password_hash", String(200)),
    Column("created_at", DateTime, nullable=False),
)

memberships = Table(
    "memberships",
    metadata,
    Column("person_id", Integer, ForeignKey("people.id"), primary_key=True),
    Column("household_id", Integer, ForeignKey("households.id"), primary_key=True, index=True),
    Column("role", String(8), nullable=False),
    # A sitter's animals (row ids) and last day; NULL for the other roles.
    Column("animals", JSON),
    Column("until", Date),
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("role IN ('owner', 'carer', 'viewer', 'sitter')", name="role"),
)

web_sessions = Table(
    "web_sessions",
    metadata,
    # The SHA-256 of the cookie's secret: a stolen database holds no usable cookie.
    Column("id", String(64), primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id"), nullable=False, index=True),
    Column("household_id", Integer, ForeignKey("households.id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("revoked_at", DateTime),
    Column("address", String(64)),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id"), nullable=False, index=True),
    Column("household_id", Integer, ForeignKey("households.id"), nullable=False),
    Column("name", String(100), nullable=False),
    # The SHA-256 of the token: the token itself is shown once, when made.
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime, nullable=False),
    Column("last_used_at", DateTime),
    Column("revoked_at", DateTime),
    # What the token opens: the API (`api`), or the person's calendar feed only (`feed`).
    Column("kind", String(8), nullable=False, server_default="api"),
    CheckConstraint("kind IN ('api', 'feed')", name="kind"),
)

# Keys the server signs with, shared by every process and kept across restarts (migration
# 0008 says why they live in the database): `link` signs invitation and reset links.
server_keys = Table(
    "server_keys",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", String(128), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

invitations = Table(
    "invitations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("household_id", Integer, ForeignKey("households.id"), nullable=False, index=True),
    # What the link is for: joining with a role, or choosing a new password (a reset).
    Column("purpose", String(8), nullable=False),
    # The SHA-256 of the link's secret part (`ratbond.store.people.make_link`).
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("person_id", Integer, ForeignKey("people.id")),
    Column("role", String(8)),
    Column("animals", JSON),
    Column("until", Date),
    Column("created_by", String(100), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("used_at", DateTime),
    CheckConstraint("purpose IN ('join', 'reset')", name="purpose"),
)

shares = Table(
    "shares",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("household_id", Integer, ForeignKey("households.id"), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("row_id", Integer, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("until", Date, nullable=False),
    Column("created_by", String(100), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("revoked_at", DateTime),
    CheckConstraint("kind IN ('animal', 'introduction')", name="kind"),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("household_id", Integer, ForeignKey("households.id"), nullable=False),
    Column("person_id", Integer, ForeignKey("people.id")),
    # Who, as named when it happened (a person's name, or the login name at the CLI).
    Column("actor", String(100), nullable=False),
    Column("via", String(8), nullable=False),
    Column("at", DateTime, nullable=False),
    # What: a verb and the table, e.g. `insert sessions`, `sign-in`, `sign-in failed`.
    Column("action", String(40), nullable=False),
    Column("row_id", Integer),
    Column("detail", String(400)),
    Index("ix_audit_household_at", "household_id", "at"),
    # Who wrote these rows (`ratbond.store.audit.changes`, on every history and animal page).
    Index("ix_audit_household_row", "household_id", "row_id"),
    CheckConstraint("via IN ('web', 'api', 'cli')", name="via"),
)

# Failed sign-ins, per account and per address, read to slow the next try (`people.py`).
sign_in_failures = Table(
    "sign_in_failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("login", String(100), nullable=False),
    Column("address", String(64), nullable=False),
    Column("at", DateTime, nullable=False),
    Index("ix_sign_in_failures_login_at", "login", "at"),
    Index("ix_sign_in_failures_address_at", "address", "at"),
)

# The household's own tables: each row belongs to one household.
SCOPED = (
    animals,
    vet_checks,
    weights,
    introductions,
    introduction_animals,
    sessions,
    advice,
    replay_states,
    history,
    free_roam_checks,
    trust_signs,
    grooming,
    care_done,
    invitations,
    shares,
    audit,
)
# Tables read across households on purpose, each with its reason (`ratbond.store.scope`).
GLOBAL = {
    "households": "the households themselves; a person lists the ones they belong to",
    "people": "a person signs in before any household is chosen, and may belong to several",
    "memberships": "which households a person belongs to, read at sign-in",
    "web_sessions": "looked up by the cookie before the household is known",
    "api_tokens": "looked up by the token before the household is known",
    "sign_in_failures": "slows sign-ins by account and address, before any household",
    "server_keys": "the server's signing keys, checked before any household is known",
}
_ADDED = (t for t in SCOPED if "household_id" not in t.c)
for _table in _ADDED:
    _table.append_column(
        Column("household_id", Integer, ForeignKey("households.id"), nullable=False, index=True)
    )
for _table in (animals, introductions):
    # Keys are unique within a household, not across households (migration 0006).
    _table.append_constraint(UniqueConstraint("household_id", "key"))

"""Field limits held by the columns: the validation's lengths, ranges, date floor and order.

Until now only the validation kept a name to 60 characters, a date after 1980, a session to a
day: SQLite stored whatever reached it, and PostgreSQL refused some of it (a name over 200
characters) with an error no owner could read. These CHECK constraints make both refuse the
same rows as the validation does (`ratbond.limits`). The values are written out as they stood
when this migration was made, as a migration's must be. SQLite cannot add a CHECK constraint
to an existing table, so each batch operation copies its table (but see `PARENTS`); on
PostgreSQL it is one ALTER TABLE each. Existing rows keep their values (on PostgreSQL a row
outside the limits stops the upgrade, and the database's message names it).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

FLOOR = "'1980-01-01'"
# Table -> (constraint name, as `ratbond.store.tables` names it, and its condition).
CHECKS: dict[str, list[tuple[str, str]]] = {
    "animals": [
        ("lengths", "length(key) <= 64 AND length(name) <= 60 AND length(sex) <= 40"),
        ("dates", f"born >= {FLOOR} AND arrived >= {FLOOR} AND born <= arrived"),
    ],
    "vet_checks": [("date_floor", f"date >= {FLOOR}")],
    "weights": [
        ("grams_plausible", "grams >= 1 AND grams < 15000"),
        ("date_floor", f"date >= {FLOOR}"),
    ],
    "introductions": [("started_floor", f"started >= {FLOOR}")],
    "sessions": [
        (
            "ranges",
            f"date >= {FLOOR} AND minutes >= 0 AND minutes <= 1440 "
            "AND attempts <= 1000 AND length(notes) <= 10000",
        )
    ],
    "free_roam_checks": [("date_floor", f"date >= {FLOOR}")],
    "trust_signs": [("date_floor", f"date >= {FLOOR}")],
    "grooming": [("date_floor", f"date >= {FLOOR}")],
    "care_done": [("date_floor", f"date >= {FLOOR}")],
}


# Tables other tables' foreign keys point at. SQLite adds a CHECK only by copying the table,
# and copying one of these inside the migration's transaction (where foreign keys cannot be
# switched off) breaks the keys pointing at it: on SQLite their checks are triggers instead,
# refusing the same rows with the same condition.
PARENTS = {"animals": ("key", "name", "sex", "born", "arrived"), "introductions": ("started",)}


def _triggers(table: str, name: str, condition: str) -> list[str]:
    columns = ", ".join(f"NEW.{column} AS {column}" for column in PARENTS[table])
    return [
        f"CREATE TRIGGER ck_{table}_{name}_{event.lower()} BEFORE {event} ON {table} "
        f"WHEN NOT (SELECT {condition} FROM (SELECT {columns})) "
        f"BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: ck_{table}_{name}'); END"
        for event in ("INSERT", "UPDATE")
    ]


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, checks in CHECKS.items():
        if sqlite and table in PARENTS:
            for name, condition in checks:
                for statement in _triggers(table, name, condition):
                    op.execute(statement)
            continue
        with op.batch_alter_table(table) as batch:
            for name, condition in checks:
                batch.create_check_constraint(f"ck_{table}_{name}", condition)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, checks in CHECKS.items():
        if sqlite and table in PARENTS:
            for name, _ in checks:
                for event in ("insert", "update"):
                    op.execute(f"DROP TRIGGER ck_{table}_{name}_{event}")
            continue
        with op.batch_alter_table(table) as batch:
            for name, _ in checks:
                batch.drop_constraint(f"ck_{table}_{name}", type_="check")

"""The columns hold the validation's limits (`ratbond.limits`, migration 0006): a row the
validation refuses is refused by SQLite and PostgreSQL alike, whatever writes it."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import pytest
from sqlalchemy import CheckConstraint, insert
from sqlalchemy.exc import DBAPIError

from ratbond.limits import DATE_FLOOR, MAX_NAME
from ratbond.store import Database
from ratbond.store.migrations import head_revision
from ratbond.store.tables import animals, metadata, sessions, weights

MIGRATION = importlib.import_module("ratbond.store.migrations.versions.0006_field_limits")
NOW = dt.datetime(2026, 1, 1)
EARLY = DATE_FLOOR - dt.timedelta(days=1)


def test_the_migration_adds_the_checks_the_tables_declare() -> None:
    for table, checks in MIGRATION.CHECKS.items():
        declared = {
            str(c.name): str(c.sqltext)
            for c in metadata.tables[table].constraints
            if isinstance(c, CheckConstraint)
        }
        for name, condition in checks:
            assert declared[f"ck_{table}_{name}"] == condition


def _animal(**fields: Any) -> dict[str, Any]:
    row = {
        "key": "pip",
        "name": "Pip",
        "species": "rat",
        "status": "active",
        "version": 1,
        "created_at": NOW,
        "updated_at": NOW,
    }
    return row | fields


@pytest.mark.parametrize(
    "fields",
    [
        {"name": "P" * (MAX_NAME + 1)},
        {"sex": "f" * 41},
        {"born": EARLY},
        {"arrived": EARLY},
        {"born": dt.date(2025, 5, 2), "arrived": dt.date(2025, 5, 1)},
    ],
    ids=["name", "sex", "born", "arrived", "order"],
)
def test_an_animal_outside_the_limits_is_refused_by_the_database(
    db: Database, fields: dict[str, Any]
) -> None:
    with pytest.raises(DBAPIError), db.write() as connection:
        connection.execute(insert(animals).values(**_animal(**fields)))


def test_a_weight_or_a_session_outside_the_limits_is_refused_by_the_database(
    db: Database,
) -> None:
    with db.write() as connection:
        animal = connection.execute(insert(animals).values(**_animal())).inserted_primary_key
    assert animal is not None
    with pytest.raises(DBAPIError), db.write() as connection:
        connection.execute(
            insert(weights).values(
                animal_id=animal[0], date=dt.date(2025, 1, 1), grams=1e-320, created_at=NOW
            )
        )
    for wrong in ({"minutes": 1441.0}, {"attempts": 1001, "rewarded": 0}, {"notes": "n" * 10_001}):
        with pytest.raises(DBAPIError), db.write() as connection:
            connection.execute(insert(sessions).values(**_session(animal[0], connection, wrong)))


def _session(animal_id: int, connection: Any, fields: dict[str, Any]) -> dict[str, Any]:
    from ratbond.store.tables import introductions

    intro = connection.execute(
        insert(introductions).values(
            key=f"i{animal_id}-{len(str(fields))}",
            program="rat-human",
            status="active",
            started=dt.date(2025, 1, 1),
            version=1,
            created_at=NOW,
            updated_at=NOW,
        )
    ).inserted_primary_key
    return {
        "introduction_id": intro[0],
        "seq": 1,
        "date": dt.date(2025, 1, 2),
        "stage": "settle",
        "supervised": True,
        "signals": {},
        "session_class": "calm",
        "logged_by": "me",
        "logged_at": NOW,
        "version": 1,
    } | fields


def test_a_household_at_0005_is_upgraded_with_every_row_kept(db_url: str) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import func, select, text

    from ratbond.store import open_database
    from ratbond.store.db import MIGRATIONS
    from ratbond.store.tables import vet_checks

    old = open_database(db_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with old.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
        animal = connection.execute(insert(animals).values(**_animal())).inserted_primary_key
        assert animal is not None
        connection.execute(
            insert(vet_checks).values(animal_id=animal[0], date=dt.date(2025, 1, 1), created_at=NOW)
        )
    old.close()
    new = open_database(db_url)
    new.ensure_schema()
    with new.read() as connection:
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert version == head_revision()
        assert connection.execute(select(func.count()).select_from(vet_checks)).scalar() == 1
        assert connection.execute(select(animals.c.name)).scalars().all() == ["Pip"]
    new.close()

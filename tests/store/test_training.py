"""Training sessions (clicker programs): attempts and rewarded counts through the store, the
database's own check of them, export and import, and migration 0003 over a 0002 database."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, inspect, update
from sqlalchemy.exc import IntegrityError

from ratbond.errors import InputError
from ratbond.store import Database, open_database
from ratbond.store.db import MIGRATIONS
from ratbond.store.introductions import get_advice
from ratbond.store.sessions import (
    NewSession,
    delete_session,
    edit_session,
    list_sessions,
    log_session,
)
from ratbond.store.tables import history, sessions
from ratbond.store.transfer import export_database, import_document
from tests.store.helpers import TODAY, but_the_import, cat_and_rat, day, rat_in_training


def clicks(offset: int, attempts: int | None, rewarded: int | None) -> NewSession:
    return NewSession(
        stage="charge_clicker", date=day(offset), minutes=3, attempts=attempts, rewarded=rewarded
    )


@pytest.mark.parametrize(
    ("counts", "action"),
    [
        ([(10, 8), (10, 9)], "advance"),
        ([(5, 4), (10, 8)], "advance"),  # exactly 80% counts
        ([(10, 8), (10, 7)], "repeat"),  # the second is below the rate
        ([(10, 7), (10, 9)], "repeat"),  # only one in a row
        ([(10, 9), (10, 6), (10, 9)], "repeat"),  # a low session starts the streak again
    ],
)
def test_a_training_stage_moves_on_after_two_sessions_in_a_row_at_the_rate(
    db: Database, counts: list[tuple[int, int]], action: str
) -> None:
    rat_in_training(db)
    for offset, (attempts, rewarded) in enumerate(counts, start=-len(counts)):
        logged = log_session(db, "pip", clicks(offset, attempts, rewarded), today=TODAY)
    assert logged.advice.action == action
    # The stored advice is the same replay, read back from the counts as stored.
    assert get_advice(db, "pip", today=TODAY)[1].action == action
    _, stored = list_sessions(db, "pip")
    assert [(s.attempts, s.rewarded) for s in stored] == counts
    assert logged.session == stored[-1]


@pytest.mark.parametrize(
    ("attempts", "rewarded", "message"),
    [
        (None, 8, r"^attempts: required at the training stage 'charge_clicker'; count the tries"),
        (10, None, r"^rewarded: required at the training stage 'charge_clicker'; count the tries"),
        (10, 11, r"^rewarded: 11 rewarded is more than the 10 attempts; count each try once"),
        (-1, 0, r"^attempts: -1 is negative; count 0 or more"),
        (4, -2, r"^rewarded: -2 is negative; count 0 or more"),
    ],
)
def test_bad_counts_are_one_clear_error_and_nothing_is_saved(
    db: Database, attempts: int | None, rewarded: int | None, message: str
) -> None:
    rat_in_training(db)
    before = get_advice(db, "pip", today=TODAY)[1]
    with pytest.raises(InputError, match=message):
        log_session(db, "pip", clicks(0, attempts, rewarded), today=TODAY)
    assert list_sessions(db, "pip")[1] == []
    assert get_advice(db, "pip", today=TODAY)[1] == before


def test_sessions_without_a_training_stage_need_no_counts(db: Database) -> None:
    cat_and_rat(db)
    logged = log_session(db, "tom-pip", NewSession(stage="visual", minutes=5), today=TODAY)
    assert (logged.session.attempts, logged.session.rewarded) == (None, None)


def test_an_edit_corrects_the_counts_and_keeps_the_earlier_version(db: Database) -> None:
    rat_in_training(db)
    first = log_session(db, "pip", clicks(-1, 10, 9), today=TODAY).session
    log_session(db, "pip", clicks(0, 10, 7), today=TODAY)
    edited = edit_session(db, first.id + 1, {"rewarded": 8}, today=TODAY)
    assert (edited.session.attempts, edited.session.rewarded) == (10, 8)
    assert edited.advice.action == "advance"
    with pytest.raises(InputError, match=r"^rewarded: 12 rewarded is more than the 10 attempts"):
        edit_session(db, first.id, {"rewarded": 12}, today=TODAY)
    with db.read() as connection:
        (earlier,) = connection.execute(history.select()).all()
    assert (earlier.data["attempts"], earlier.data["rewarded"]) == (10, 7)
    assert delete_session(db, edited.session.id, today=TODAY).advice.action == "repeat"


@pytest.mark.parametrize(("attempts", "rewarded"), [(10, 11), (-1, None), (None, -1)])
def test_the_database_refuses_counts_that_do_not_fit(
    db: Database, attempts: int | None, rewarded: int | None
) -> None:
    # The store checks first; this is the last line of defence for rows written any other way.
    rat_in_training(db)
    session = log_session(db, "pip", clicks(0, 10, 9), today=TODAY).session
    with pytest.raises(IntegrityError), db.write() as connection:
        connection.execute(
            update(sessions)
            .where(sessions.c.id == session.id)
            .values(attempts=attempts, rewarded=rewarded)
        )


def test_export_then_import_keeps_the_counts(db: Database, tmp_path: Path) -> None:
    rat_in_training(db)
    for offset, rewarded in ((-2, 9), (-1, 8)):
        log_session(db, "pip", clicks(offset, 10, rewarded), today=TODAY)
    exported = json.loads(json.dumps(export_database(db)))
    assert [(s["attempts"], s["rewarded"]) for s in exported["tables"]["sessions"]] == [
        (10, 9),
        (10, 8),
    ]
    copy = open_database(f"sqlite:///{tmp_path / 'copy.db'}")
    import_document(copy, exported, today=TODAY)
    assert but_the_import(export_database(copy)) == exported
    assert get_advice(copy, "pip", today=TODAY)[1].action == "advance"
    copy.close()


def test_an_export_with_a_training_session_missing_its_counts_is_refused(
    db: Database, tmp_path: Path
) -> None:
    rat_in_training(db)
    log_session(db, "pip", clicks(0, 10, 9), today=TODAY)
    exported = export_database(db)
    del exported["tables"]["sessions"][0]["attempts"]
    copy = open_database(f"sqlite:///{tmp_path / 'copy.db'}")
    with pytest.raises(InputError, match=r"^tables\.sessions\[0\]\.attempts: required"):
        import_document(copy, exported, today=TODAY)
    copy.close()


def test_an_export_from_before_the_counts_still_imports(db: Database, tmp_path: Path) -> None:
    cat_and_rat(db)
    log_session(db, "tom-pip", NewSession(stage="visual", date=day(-1), minutes=5), today=TODAY)
    exported = export_database(db)
    # What 0002 wrote: no such columns at all.
    older = json.loads(json.dumps(exported))
    older["schema"] = "0002"
    for row in older["tables"]["sessions"]:
        del row["attempts"], row["rewarded"]
    copy = open_database(f"sqlite:///{tmp_path / 'copy.db'}")
    import_document(copy, older, today=TODAY)
    assert but_the_import(export_database(copy))["tables"] == exported["tables"]
    copy.close()


def test_a_scenario_import_keeps_the_counts(db: Database) -> None:
    scenario: dict[str, Any] = {
        "program": "trick-spin",
        "animals": [{"id": "pip", "species": "rat"}],
        "roles": {"rat": ["pip"]},
        "sessions": [
            {"date": day(d).isoformat(), "stage": "charge_clicker", "minutes": 3, **counts}
            for d, counts in ((-2, {"attempts": 10, "rewarded": 9}), (-1, {"attempts": 5}))
        ],
    }
    with pytest.raises(InputError, match=r"^sessions\[1\]\.rewarded: required"):
        import_document(db, scenario, today=TODAY)
    scenario["sessions"][1]["rewarded"] = 4
    imported = import_document(db, scenario, today=TODAY)
    _, stored = list_sessions(db, imported.introduction_key or "")
    assert [(s.attempts, s.rewarded) for s in stored] == [(10, 9), (5, 4)]


@contextmanager
def alembic(db: Database) -> Iterator[tuple[Config, Connection]]:
    """Alembic on one of `db`'s write transactions, as `Database.ensure_schema` runs it."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with db._begin(write=True, foreign_keys=False) as connection:
        config.attributes["connection"] = connection
        yield config, connection


def session_columns(connection: Connection) -> set[str]:
    return {column["name"] for column in inspect(connection).get_columns("sessions")}


def test_migration_0003_keeps_the_sessions_of_a_0002_database(db_url: str) -> None:
    db = open_database(db_url)
    cat_and_rat(db)
    for offset in (-2, -1):
        log_session(
            db, "tom-pip", NewSession(stage="visual", date=day(offset), minutes=5), today=TODAY
        )
    _, logged = list_sessions(db, "tom-pip")
    advice = get_advice(db, "tom-pip", today=TODAY)[1]
    with alembic(db) as (config, connection):
        command.downgrade(config, "0002")
        assert {"attempts", "rewarded"}.isdisjoint(session_columns(connection))
    db.close()

    upgraded = open_database(db_url)  # first use migrates to head
    with upgraded.read() as connection:
        assert {"attempts", "rewarded"} <= session_columns(connection)
    assert list_sessions(upgraded, "tom-pip")[1] == logged
    assert get_advice(upgraded, "tom-pip", today=TODAY)[1] == advice
    # The database's check came with the columns.
    with pytest.raises(IntegrityError), upgraded.write() as connection:
        connection.execute(update(sessions).values(attempts=1, rewarded=2))
    upgraded.close()

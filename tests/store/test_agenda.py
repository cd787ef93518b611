"""The day's plan: one SQL statement, read through SQLAlchemy (both backends) or sqlite3 alike."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from ratbond.store import Database, open_database
from ratbond.store.agenda import AgendaItem, agenda, read_agenda
from ratbond.store.animals import NewAnimal, add_animal, add_vet_check
from ratbond.store.db import default_url
from ratbond.store.introductions import set_status, start_introduction
from ratbond.store.sessions import NewSession, log_session
from ratbond.store.sqltext import read_sqlite, sqlite_file
from tests.store.helpers import TODAY, cat_and_rat, day, sqlite_twin

# Days to read the plan on: the household's first day, the next, a few days on, weeks later.
DAYS = (0, 1, 5, 12, 40)


def household(db: Database) -> None:
    """An introduction of every kind the plan sorts: an alert, a calm one due, a quarantine,
    a missing vet check, a paused one (left out), and a training introduction."""
    cat_and_rat(db)
    log_session(
        db,
        "tom-pip",
        NewSession(stage="visual", minutes=5, signals={"tom": ["lunging"]}),
        today=TODAY,
    )
    for name in ("Ada", "Bo"):
        add_animal(db, NewAnimal(species="rat", name=name, arrived=day(-100)), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Cy", arrived=day(-3)), today=TODAY)
    start_introduction(db, "rat-rat", {"newcomer": ["cy"], "residents": ["ada", "bo"]}, today=TODAY)
    add_animal(db, NewAnimal(species="cat", name="Rex", prey_drive="high"), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Dot", arrived=day(-60)), today=TODAY)
    start_introduction(db, "cat-rat", {"cat": ["rex"], "rat": ["dot"]}, today=TODAY)
    add_animal(db, NewAnimal(species="cat", name="Mo", prey_drive="low"), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Nib", arrived=day(-60)), today=TODAY)
    for animal in ("mo", "nib"):
        add_vet_check(db, animal, day(-10), today=TODAY)
    start_introduction(db, "cat-rat", {"cat": ["mo"], "rat": ["nib"]}, today=TODAY)
    calm = {"mo": ["slow_blink"], "nib": ["relaxed"]}
    log_session(db, "mo-nib", NewSession(stage="visual", minutes=5, signals=calm), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Ozzy", arrived=day(-60)), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Pim", arrived=day(-60)), today=TODAY)
    start_introduction(db, "rat-rat", {"newcomer": ["ozzy"], "residents": ["pim"]}, today=TODAY)
    set_status(db, "ozzy-pim", "paused", today=TODAY)


def sqlite_agenda(file: str, today: dt.date) -> list[AgendaItem] | None:
    """The plan read from the SQLite file with sqlite3, as `ratbond today` reads it."""
    return read_sqlite(file, today, lambda run: read_agenda(run, today))


@pytest.fixture
def twin(tmp_path: Path) -> str:
    """The household again, in a SQLite file of its own: the file's name."""
    return sqlite_twin(tmp_path, household)


def test_sqlite3_reads_the_plan_the_store_reads_on_either_backend(db: Database, twin: str) -> None:
    household(db)
    kinds: set[str] = set()
    for offset in DAYS:
        items = agenda(db, today=day(offset))
        assert sqlite_agenda(twin, day(offset)) == items, offset
        kinds |= {item.kind for item in items}
        assert "ozzy-pim" not in {item.key for item in items}
    assert kinds == {"alert", "overdue", "due", "prerequisite", "waiting", "later"}


def test_the_plan_is_sorted_and_labelled(db: Database) -> None:
    household(db)
    items = agenda(db, today=TODAY)
    assert [item.key for item in items][:1] == ["tom-pip"]
    assert [item.rank for item in items] == sorted(item.rank for item in items)
    waiting = next(item for item in items if item.key == "cy-ada-bo")
    assert (waiting.kind, waiting.gate, waiting.countdown) == ("waiting", "quarantine", 11)
    assert waiting.label == "Cy & Ada & Bo"
    blocked = next(item for item in items if item.key == "rex-dot")
    assert blocked.kind == "prerequisite"
    assert blocked.gate is None
    later = agenda(db, today=day(5))
    overdue = next(item for item in later if item.key == "mo-nib")
    assert (overdue.kind, overdue.advice.overdue_days) == ("overdue", 4)
    assert overdue.advice.not_before == day(5)  # a date that has passed reads as today
    assert overdue.advice.payload["not_before"] == day(5).isoformat()


def test_sqlite3_leaves_a_missing_or_unmigrated_file_to_the_store(tmp_path: Path) -> None:
    file = tmp_path / "ratbond.db"
    assert sqlite_agenda(str(file), TODAY) is None
    assert not file.exists()  # not created behind the store's back
    file.write_text("not a database")
    assert sqlite_agenda(str(file), TODAY) is None
    file.unlink()
    store = open_database(f"sqlite:///{file}")
    assert agenda(store, today=TODAY) == []
    store.close()
    assert sqlite_agenda(str(file), TODAY) == []
    with sqlite3.connect(file) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    assert sqlite_agenda(str(file), TODAY) is None


@pytest.mark.parametrize(
    ("setting", "file"),
    [
        ("sqlite:////srv/ratbond.db", "/srv/ratbond.db"),
        ("sqlite:///relative.db", "relative.db"),
        ("  sqlite:////srv/ratbond.db  ", "/srv/ratbond.db"),
        ("sqlite://", None),
        ("sqlite:///:memory:", None),
        ("sqlite:////srv/ratbond.db?mode=ro", None),
        ("sqlite+pysqlite:////srv/ratbond.db", None),
        ("postgresql+psycopg://postgres@127.0.0.1/test", None),
        ("bogus", None),
    ],
)
def test_sqlite_file_of_a_setting(setting: str, file: str | None) -> None:
    assert sqlite_file({"RATBOND_DATABASE_URL": setting}) == file
    if file is not None:
        assert make_url(setting.strip()).database == file


@pytest.mark.skipif(sys.platform != "linux", reason="elsewhere the store names the file")
def test_sqlite_file_by_default_is_the_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert (
        sqlite_file({"XDG_DATA_HOME": str(tmp_path / "data")}) == make_url(default_url()).database
    )
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert sqlite_file({}) == make_url(default_url()).database

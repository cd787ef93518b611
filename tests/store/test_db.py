"""Database settings, migrations on first use, and SQLite's WAL and foreign keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from ratbond.errors import RatbondError
from ratbond.store import Database, database_url, open_database
from ratbond.store.migrations import head_revision
from ratbond.store.tables import metadata


def test_default_is_a_sqlite_file_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RATBOND_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    url = database_url()
    assert url.get_backend_name() == "sqlite"
    assert url.database == str(tmp_path / "ratbond" / "ratbond.db")


def test_environment_selects_postgresql_through_psycopg() -> None:
    url = database_url({"RATBOND_DATABASE_URL": "postgresql://postgres@db.example/ratbond"})
    assert url.drivername == "postgresql+psycopg"
    assert url.host == "db.example"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("not a url", "is not a database URL"),
        ("mysql://root@localhost/x", "'mysql' database is not supported"),
        ("sqlite://", "give SQLite a file"),
    ],
)
def test_bad_database_url_is_one_clear_error(value: str, message: str) -> None:
    with pytest.raises(RatbondError, match=message):
        database_url({"RATBOND_DATABASE_URL": value})


def test_unreachable_server_is_a_clear_error() -> None:
    db = open_database("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    with pytest.raises(RatbondError, match=r"cannot open the database .*RATBOND_DATABASE_URL"):
        db.ensure_schema()


def test_first_use_migrates_to_head_and_matches_the_tables(db: Database) -> None:
    with db.read() as connection:
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert version == head_revision() == "0009"
    assert differences == []


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url: str) -> None:
    db = open_database(sqlite_url)
    with db.read() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.close()


def test_a_second_open_finds_the_schema_in_place(sqlite_url: str) -> None:
    open_database(sqlite_url).ensure_schema()
    again = open_database(sqlite_url)
    assert again._current_revision() == head_revision()


def test_postgresql_commits_with_the_durability_sqlite_has(postgres_url: str) -> None:
    db = Database(postgres_url)
    with db.read() as connection:
        assert connection.execute(text("SHOW synchronous_commit")).scalar() == "off"
    db.close()


def test_a_database_from_a_newer_ratbond_is_refused_untouched(db: Database) -> None:
    with db.write() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    db.close()
    newer = open_database(db.url)
    with pytest.raises(RatbondError) as raised:
        newer.ensure_schema()
    assert str(raised.value) == (
        f"the database {db.url.render_as_string(hide_password=True)} was written by a newer "
        f"ratbond (schema revision '0099'; this ratbond knows up to {head_revision()}): upgrade "
        "ratbond to use it; nothing was changed"
    )
    with newer._connect() as connection:
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert version == "0099"
    newer.close()

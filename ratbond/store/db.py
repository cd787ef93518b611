"""Database settings (strictly from the environment), engine creation, transactions, migrations.

SQLite is the default, a file in the platform's user data folder; `RATBOND_DATABASE_URL`
selects another database (PostgreSQL through psycopg 3). The schema is brought to the latest
Alembic revision on first use, in one transaction, so two processes starting at once are safe.
"""

from __future__ import annotations

import copy
import dataclasses
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from ratbond.errors import RatbondError, StoreUnavailable
from ratbond.store import scope as scoping
from ratbond.store.migrations import head_revision, unknown_revision
from ratbond.store.scope import Scope

ENV_URL = "RATBOND_DATABASE_URL"
MIGRATIONS = Path(__file__).parent / "migrations"
# SQLite writers queue behind each other for this long before giving up (seconds).
SQLITE_BUSY_TIMEOUT = 60
# Key of the PostgreSQL advisory lock that serialises migrations across processes.
MIGRATION_LOCK = 0x7261_7462  # "ratb"


def make_folder(file: Path) -> None:
    """Create the folder of a SQLite file, or say in one line why it cannot be and what to do."""
    folder = file.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        existing = next(p for p in (folder, *folder.parents) if p.exists())
        if not existing.is_dir():
            reason = f"{existing} is a file, not a folder"
        else:
            reason = f"{error.strerror or error} ({error.filename or folder})"
        raise RatbondError(
            f"cannot create the folder {folder} for the database {file}: {reason}; set "
            f"{ENV_URL} to a file in a folder you can write to, e.g. sqlite:///"
            f"{Path.home() / 'ratbond.db'}"
        ) from None


def default_url() -> str:
    """SQLite file `ratbond.db` in the platform's user data folder (created if missing)."""
    import platformdirs

    file = Path(platformdirs.user_data_dir("ratbond")) / "ratbond.db"
    make_folder(file)
    return f"sqlite:///{file}"


def database_url(environ: dict[str, str] | None = None) -> URL:
    """The database URL from `RATBOND_DATABASE_URL`, else the default SQLite file; validated."""
    env = os.environ if environ is None else environ
    raw = env.get(ENV_URL, "").strip()
    if not raw:
        return make_url(default_url())
    try:
        url = make_url(raw)
    except ArgumentError:
        raise RatbondError(
            f"{ENV_URL}: '{raw}' is not a database URL; use sqlite:///path/to/ratbond.db "
            "or postgresql+psycopg://user@host:5432/dbname"
        ) from None
    backend = url.get_backend_name()
    if backend == "postgresql":
        # psycopg 3 is the only PostgreSQL driver ratbond ships with.
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if url.database in (None, "", ":memory:"):
            raise RatbondError(
                f"{ENV_URL}: give SQLite a file, e.g. sqlite:///{Path.home()}/ratbond.db; "
                "an in-memory database would forget everything at exit"
            )
        return url.set(drivername="sqlite")
    raise RatbondError(
        f"{ENV_URL}: the '{backend}' database is not supported; use sqlite:///... "
        "or postgresql+psycopg://..."
    )


def describe(url: URL) -> str:
    """The URL as it is safe to show: no password."""
    return url.render_as_string(hide_password=True)


class Database:
    """One database: an engine, migrated on first use, and its read and write transactions."""

    def __init__(self, url: URL | str) -> None:
        self.url = make_url(url) if isinstance(url, str) else url
        self.dialect = self.url.get_backend_name()
        self._migrated = False
        # The household its transactions work in (`ratbond.store.scope`); None: the first
        # household, as its owner, at the command line (a household of one, as before).
        self.scope: Scope | None = None
        self._default: Scope | None = None
        # The scopes whose stored advice this process has checked (`_fresh_advice`): the
        # household's id and the animals and introductions it is limited to (None: the
        # default scope); shared by the scoped copies.
        self._fresh: set[tuple[int, Any, Any] | None] = set()

    def scoped(self, scope: Scope) -> Database:
        """The same database (engine and pool shared) whose transactions work in `scope`."""
        engine = self.engine
        # Checked once here, so no copy checks the schema again.
        self.ensure_schema()
        other = copy.copy(self)
        other.__dict__["engine"] = engine
        other.scope = scope
        return other

    def default_scope(self, connection: Connection) -> Scope:
        """The first household, as its owner, acting as the login name at the command line."""
        from ratbond.store.common import current_user

        if self._default is not None:
            return self._default
        first = connection.execute(text("SELECT MIN(id) FROM households")).scalar()
        if not isinstance(first, int):
            raise RatbondError("the database has no household; run `ratbond household add NAME`")
        # The first household stays the first (households are never deleted): kept per
        # Database, it costs one query per process.
        self._default = Scope(household_id=first, role="owner", actor=current_user())
        return self._default

    @cached_property
    def engine(self) -> Engine:
        if self.dialect == "sqlite":
            assert self.url.database is not None
            make_folder(Path(self.url.database).expanduser())
            engine = create_engine(self.url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})
            event.listen(engine, "connect", _sqlite_connect)
            scoping.install(engine)
            return engine
        engine = create_engine(self.url, pool_pre_ping=False)
        event.listen(engine, "connect", _postgresql_connect)
        scoping.install(engine)
        return engine

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    def close(self) -> None:
        """Release pooled connections (the database itself stays as it is)."""
        if "engine" in self.__dict__:
            self.engine.dispose()

    def ensure_schema(self) -> None:
        """Apply pending migrations once per process; a database already at head costs one query."""
        if self._migrated:
            return
        current = self._current_revision()
        if current != head_revision():
            refusal = unknown_revision(current, f"the database {describe(self.url)}")
            if refusal is not None:
                raise RatbondError(refusal)
            self._migrate()
        self._migrated = True

    def _fresh_advice(self) -> None:
        """Before the first transaction this process opens in a household: replay the
        introductions whose stored advice older rules worked out (another engine, program or
        notes reader: `ratbond.store.replays.stale`), so no read shows it. One query when
        none is stale. The replay is derived data, so it is written whatever the role (a
        viewer's first read too), for the introductions the scope sees."""
        scope = self.scope
        key = None if scope is None else (scope.household_id, scope.animals, scope.introductions)
        if key in self._fresh:
            return
        self._fresh.add(key)  # first: the replay's own transactions do not check again
        try:
            self._replay_stale()
        except BaseException:
            self._fresh.discard(key)
            raise

    def _replay_stale(self) -> None:
        from ratbond.store.advice import refresh_stale
        from ratbond.store.replays import stale

        with self._begin(write=False) as connection:
            scope = self.scope or self._first_household(connection)
            if scope is None:
                return  # no household yet: nothing stored
            scoping.enter(connection, scope)
            ids = stale(connection)
        if ids:
            with self._begin(write=True) as connection:
                scoping.enter(connection, dataclasses.replace(scope, role="owner"))
                refresh_stale(connection, ids)

    def _first_household(self, connection: Connection) -> Scope | None:
        try:
            return self.default_scope(connection)
        except RatbondError:
            return None

    def _current_revision(self) -> str | None:
        try:
            with self._connect() as connection:
                row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
                return None if row is None else str(row[0])
        except DBAPIError as error:
            if _missing_table(error):
                return None
            raise self._connection_error(error) from None

    def _migrate(self) -> None:
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self._begin(write=True, foreign_keys=False) as connection:
            if self.dialect == "postgresql":
                # Two processes migrating at once: the second waits, then finds nothing to do.
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
                )
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            if self.is_sqlite:
                # Tables copied with the checks off (SQLite's procedure): check before commit.
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken is not None:
                    raise RatbondError(
                        f"migrating {describe(self.url)} left a row of {broken[0]} pointing at "
                        f"nothing in {broken[2]}; nothing was changed"
                    )

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        try:
            connection = self.engine.connect()
        except OperationalError as error:
            raise self._connection_error(error) from None
        with connection:
            yield connection

    @contextmanager
    def _begin(self, *, write: bool, foreign_keys: bool = True) -> Iterator[Connection]:
        try:
            with self._connect() as connection:
                if self.is_sqlite and not foreign_keys:
                    # Only between transactions does SQLite take this (migrations only).
                    connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
                    connection.commit()
                try:
                    with connection.begin():
                        if self.is_sqlite:
                            # The driver leaves transactions to us (see `_sqlite_connect`):
                            # SQLAlchemy's transaction has begun, so this opens SQLite's,
                            # which its commit ends.
                            connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
                        yield connection
                finally:
                    scoping.leave(connection)
                    if self.is_sqlite and not foreign_keys:
                        connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                        connection.commit()
        except OperationalError as error:
            # Locked, read-only, full or gone: the transaction rolled back as it left.
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise StoreUnavailable(
                f"the database {describe(self.url)} could not be used ({reason}), so nothing "
                "of this was saved; close other programs using it, check the disk and "
                f"{ENV_URL}, then try again"
            ) from None

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back on any error.

        On SQLite it starts with BEGIN IMMEDIATE, so concurrent writers queue instead of
        failing when they upgrade a read lock.
        """
        self.ensure_schema()
        self._fresh_advice()
        with self._begin(write=True) as connection:
            scope = self.scope or self.default_scope(connection)
            scoping.enter(connection, scope)
            yield connection
            from ratbond.store.audit import record_writes

            record_writes(connection, scope)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """One read transaction: a consistent snapshot of the database."""
        self.ensure_schema()
        self._fresh_advice()
        with self._begin(write=False) as connection:
            scoping.enter(connection, self.scope or self.default_scope(connection))
            yield connection

    def _connection_error(self, error: DBAPIError) -> RatbondError:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        return RatbondError(
            f"cannot open the database {describe(self.url)}: {reason}; check {ENV_URL} "
            "and that the server is running"
        )


def _missing_table(error: DBAPIError) -> bool:
    # PostgreSQL: undefined_table (42P01); SQLite says so in words.
    if isinstance(error.orig, sqlite3.OperationalError):
        return "no such table" in str(error.orig)
    return getattr(error.orig, "sqlstate", None) == "42P01"


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # `Database._begin` issues BEGIN itself (the pysqlite driver would not for DDL).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT * 1000}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    # WAL makes NORMAL durable against application crashes and much faster than FULL.
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _postgresql_connect(dbapi_connection: Any, _record: Any) -> None:
    # The durability SQLite has here (WAL, synchronous NORMAL): safe from any crash of the
    # application or the server process, while a power loss may lose the last transactions
    # (never corrupt the database). A commit then needs no wait for the disk.
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
    dbapi_connection.commit()


def open_database(url: URL | str | None = None) -> Database:
    """The database at `url`, or the one the environment selects (see `database_url`)."""
    return Database(database_url() if url is None else url)

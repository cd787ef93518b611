"""Shared fixtures: a fresh store per test on SQLite (a file under tmp_path) and on PostgreSQL
(a fresh schema in database `test`), and the household CLI bound to a temporary database.

PostgreSQL unreachable: its tests are skipped with the reason, except under CI=true, where
they fail, so a broken server never turns a red build green.

Hypothesis runs under one of two profiles: `ci` (many examples, derandomised, so a red build
is red again on a rerun) and `dev` (few random examples, for the edit-test loop).
`HYPOTHESIS_PROFILE` chooses one; without it, CI=true means `ci` and anything else `dev`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from bench.postgres import throwaway_schema, unreachable
from ratbond.store import Database, open_database

# A property test's examples are whole histories replayed by the engine: time limits per
# example would only make a slow machine fail.
settings.register_profile(
    "ci",
    max_examples=200,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev", max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev")
)


@cache
def postgres_problem() -> str | None:
    """Why PostgreSQL cannot be used, or None when it can (checked once per run)."""
    return unreachable()


def require_postgres() -> None:
    problem = postgres_problem()
    if problem is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(problem + " (CI=true: PostgreSQL tests must run)")
    pytest.skip(problem)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """The URL of a fresh, empty schema in the test database, dropped afterwards."""
    require_postgres()
    with throwaway_schema("t_") as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ratbond.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    """A fresh database URL, once per backend."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(name)
    return url


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A fresh store, once per backend."""
    database = open_database(db_url)
    yield database
    database.close()


@dataclass
class Outcome:
    """What a CLI run gave: exit code, standard output and the one-line error, if any."""

    code: int
    output: str
    error: str


@pytest.fixture
def cli(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Outcome]:
    """Run `ratbond ARGS` through Typer's runner on a temporary database, like `run()` does."""
    from typer.testing import CliRunner

    from ratbond.cli.app import app
    from ratbond.errors import RatbondError

    monkeypatch.setenv("RATBOND_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("RATBOND_USER", "tester")
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Outcome:
        result = runner.invoke(app, list(args), input=input)
        if isinstance(result.exception, RatbondError):
            # `ratbond.cli.app.run` prints these as one line and exits 2.
            return Outcome(2, result.stdout, str(result.exception))
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Outcome(result.exit_code, result.stdout, result.stderr)

    return invoke

"""Shared fixtures: a fresh store per test on SQLite (a file under tmp_path) and on PostgreSQL
(a fresh schema in database `test`), and the household CLI bound to a temporary database.

PostgreSQL unreachable: its tests are skipped with the reason, except under CI=true, where
they fail, so a broken server never turns a red build green.

Hypothesis runs under one of three profiles: `ci` (100 examples a property, derandomised, so a
red build is red again on a rerun), `dev` (few random examples, for the edit-test loop) and
`thorough` (1,000 random examples a property, for a nightly run or before a release: it looks
where `ci` never does). `HYPOTHESIS_PROFILE` chooses one; without it, CI=true means `ci` and
anything else `dev`.

Every test gets its own user data, config and cache folders (so the default database is a
fresh file of its own) and its own PostgreSQL schema: tests share no state, and scripts/test
runs them on every core with pytest-xdist.

Every test runs on one day: the clock stands at noon of the day the test process started and
runs on from there, so a run that crosses midnight never sees two different todays (a date a
test worked out and the one the command under test reads). Tests that start ratbond as a server
process compare times with a clock this process cannot move, so they are marked `real_clock`.

The quality scripts' scores of every labelled part (some 2,800 questions, 4,000 notes) are
made once per test process and shared by the tests that read them.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import time_machine
from hypothesis import HealthCheck, settings

from bench.postgres import throwaway_schema, unreachable
from ratbond.store import Database, open_database

# pytest-xdist gives its workers COLUMNS=80 and LINES=24. Rich fixes a console's width from
# COLUMNS when the console is made (the CLI's, on import), so every CLI test in a worker would
# print 80 wide whatever width it asks for: the tests set their terminal size themselves.
for variable in ("COLUMNS", "LINES"):
    os.environ.pop(variable, None)

# A property test's examples are whole histories replayed by the engine: time limits per
# example would only make a slow machine fail. In CI each safety rule holds over 100 histories
# (every prefix of each checked); the run that looks further is `thorough`.
settings.register_profile(
    "ci",
    max_examples=100,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=1000,
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


def quality_script(name: str) -> ModuleType:
    """A quality script of `scripts/` as a module (the project folder is on the path)."""
    return importlib.import_module(f"scripts.{name}")


@pytest.fixture(scope="session")
def ask_quality_parts() -> Sequence[Any]:
    """Every part of the labelled questions as scripts/ask_quality.py scores them, the
    committed held-out part last."""
    quality = quality_script("ask_quality")
    parts: Sequence[Any] = quality.SCRIPT.score(quality.HELDOUT)
    return parts


@pytest.fixture(scope="session")
def notes_quality_parts() -> Sequence[Any]:
    """Every labelled notes file as scripts/notes_quality.py scores it: the tuned parts in
    order, the committed held-out part last."""
    quality = quality_script("notes_quality")
    parts: Sequence[Any] = quality.SCRIPT.score(quality.HELDOUT)
    return parts


@pytest.fixture(scope="session", autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One cache of validated files per test process (and the commands it starts), so no run
    reads what another left in ~/.cache, and parallel workers never share one."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RATBOND_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(autouse=True)
def _own_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test its own user data and config folders, and no database, household or person
    chosen by the environment: the default database is then a fresh file of the test's own,
    never ~/.local/share/ratbond/ratbond.db, so no test reads what another (or the owner) left,
    and tests can run in parallel. A test that wants a database or a household sets it."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    for variable in ("RATBOND_DATABASE_URL", "RATBOND_HOUSEHOLD", "RATBOND_PERSON"):
        monkeypatch.delenv(variable, raising=False)


# Taken when the test process starts, so every test of the run shares it.
NOON_OF_THE_RUN = dt.datetime.combine(dt.date.today(), dt.time(12)).astimezone()


@pytest.fixture(autouse=True)
def _one_day(request: pytest.FixtureRequest) -> Iterator[None]:
    """The clock at noon of the run's first day, ticking, unless the test is `real_clock`."""
    if request.node.get_closest_marker("real_clock"):
        yield
        return
    with time_machine.travel(NOON_OF_THE_RUN, tick=True):
        yield


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

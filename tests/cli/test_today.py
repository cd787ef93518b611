"""`ratbond today` as a user runs it: the fast path (sqlite3, no Typer) and the Typer path
(SQLAlchemy, any backend) print the same plan and care part, readable at 80 columns; mistakes
exit 2."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from rich.text import Text

from ratbond.care.knowledge import builtin_care_tasks
from ratbond.cli import display
from ratbond.cli.plain import Segment, plain_width, write_plain
from ratbond.store import open_database
from ratbond.store.today_facts import today_facts
from tests.cli.process import FAST, ROOT, plain_environment, run_ratbond
from tests.store.helpers import day
from tests.store.test_agenda import household
from tests.store.test_care_plan import care_records

TYPER = "import sys; from ratbond.cli.app import run; sys.argv[0] = 'ratbond'; run()"
DATES = [day(0).isoformat(), day(5).isoformat()]


def ratbond(code: str, url: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`ratbond ARGS` run as `code` runs it (the console script's fast path, or Typer)."""
    return run_ratbond(code, *args, RATBOND_DATABASE_URL=url, RATBOND_USER="tester", **env)


@pytest.fixture
def household_file(tmp_path: Path) -> str:
    """The URL of a SQLite store holding the households of the store's agenda and care plan
    tests."""
    url = f"sqlite:///{tmp_path / 'ratbond.db'}"
    db = open_database(url)
    household(db)
    care_records(db)
    db.close()
    return url


@pytest.mark.parametrize("columns", ["200", "80"])
@pytest.mark.parametrize("date", DATES)
def test_fast_path_and_typer_print_the_same_plan(
    household_file: str, columns: str, date: str
) -> None:
    fast = ratbond(FAST, household_file, "today", "--date", date, COLUMNS=columns)
    assert fast.returncode == 0, fast.stderr
    typer = ratbond(TYPER, household_file, "today", "--date", date, COLUMNS=columns)
    assert typer.returncode == 0, typer.stderr
    assert fast.stdout == typer.stdout
    assert ratbond(FAST, household_file, "today", f"--date={date}", COLUMNS=columns).stdout == (
        fast.stdout
    )
    plan, care = fast.stdout.split("\n\n")  # the care part follows a blank line
    assert plan.startswith(f"Plan for {date}: 4 active introductions")
    assert "tom-pip" in plan
    assert "ozzy-pim" not in plan  # paused
    assert max(len(line) for line in plan.splitlines()) <= int(columns)
    assert care.startswith("Care\nALERT   Kit: lump or swelling found on 2026-11-14; see a vet\n")
    assert "\noverdue Cage cleaning: " in care
    assert care.endswith("record one with 'ratbond care done TASK'\n")


def test_the_plan_fits_80_columns_on_two_lines_per_introduction(household_file: str) -> None:
    wide = ratbond(FAST, household_file, "today", "--date", DATES[0], COLUMNS="200").stdout
    narrow = ratbond(FAST, household_file, "today", "--date", DATES[0], COLUMNS="80").stdout
    wide_plan, narrow_plan = wide.split("\n\n")[0], narrow.split("\n\n")[0]
    assert len(narrow_plan.splitlines()) == 2 * len(wide_plan.splitlines()) - 2
    assert "quarantine ends in 11 days" in narrow_plan
    assert "Vet check needed" in narrow_plan
    assert " ".join(wide_plan.split()) == " ".join(narrow_plan.split())  # the same words


def test_fast_path_does_not_build_the_typer_application(household_file: str) -> None:
    heavy = {"typer", "sqlalchemy", "rich", "pydantic"}
    # Nor the records and the data files' machinery: a few values of them are cached plainly.
    heavy |= {"ratbond.model", "ratbond.programs", "ratbond.store.records", "pickle", "json"}
    probe = (
        "import sys, atexit\n"
        "atexit.register(lambda: print('app' if 'ratbond.cli.app' in sys.modules else 'fast',"
        f" *sorted({heavy!r} & set(sys.modules)), file=sys.stderr))\n" + FAST
    )
    builtin_care_tasks()  # validated and cached, as after any earlier run
    today_facts()
    done = ratbond(probe, household_file, "today")
    assert done.returncode == 0, done.stderr
    # Nor Typer, SQLAlchemy, Rich (output to a pipe), or the data files' validation.
    assert done.stderr == "fast\n"
    assert ratbond(probe, household_file, "today", "--help").stderr.startswith("app ")


def test_postgresql_prints_the_plan_sqlite_prints(household_file: str, postgres_url: str) -> None:
    db = open_database(postgres_url)
    household(db)
    care_records(db)
    db.close()
    on_postgres = ratbond(FAST, postgres_url, "today", "--date", DATES[1], COLUMNS="120")
    assert on_postgres.returncode == 0, on_postgres.stderr
    on_sqlite = ratbond(FAST, household_file, "today", "--date", DATES[1], COLUMNS="120")
    assert on_postgres.stdout == on_sqlite.stdout


def test_a_missing_sqlite_file_is_created_by_the_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'ratbond.db'}"
    done = ratbond(FAST, url, "today")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Nothing planned: no active introductions.")
    assert (tmp_path / "new" / "ratbond.db").exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("bogus", "is not a database URL"),
        ("mysql://me@host/db", "the 'mysql' database is not supported"),
        ("sqlite://", "give SQLite a file"),
        ("postgresql://postgres@127.0.0.1:1/test", "cannot open the database"),
    ],
)
def test_a_bad_database_setting_is_one_line_and_exit_2(url: str, message: str) -> None:
    done = ratbond(FAST, url, "today")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("error: RATBOND_DATABASE_URL") or "cannot open" in done.stderr
    assert message in done.stderr
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize("code", [FAST, TYPER])
@pytest.mark.parametrize("command", [["today"], ["animal", "list"]])
def test_a_sqlite_file_under_a_file_is_one_line_and_exit_2(
    tmp_path: Path, code: str, command: list[str]
) -> None:
    (tmp_path / "notes").write_text("a file, not a folder\n")
    done = ratbond(code, f"sqlite:///{tmp_path / 'notes' / 'ratbond.db'}", *command)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"error: cannot create the folder {tmp_path / 'notes'} for the database "
        f"{tmp_path / 'notes' / 'ratbond.db'}: {tmp_path / 'notes'} is a file, not a folder; "
        f"set RATBOND_DATABASE_URL to a file in a folder you can write to, "
        f"e.g. sqlite:///{Path.home() / 'ratbond.db'}\n"
    )


def test_a_missing_postgresql_database_is_one_line_and_exit_2(postgres_url: str) -> None:
    missing = postgres_url.split("?")[0].rsplit("/", 1)[0] + "/no_such_database"
    done = ratbond(FAST, missing, "today")
    assert done.returncode == 2
    assert 'database "no_such_database" does not exist' in done.stderr
    assert done.stderr.count("\n") == 1


def test_a_file_that_is_no_database_is_one_line_and_exit_2(tmp_path: Path) -> None:
    file = tmp_path / "ratbond.db"
    file.write_text("these are my notes, not a database\n" * 100)
    done = ratbond(FAST, f"sqlite:///{file}", "today")
    assert done.returncode == 2
    assert "file is not a database" in done.stderr
    assert done.stderr.count("\n") == 1


def test_a_bad_date_is_the_same_error_on_both_paths(household_file: str) -> None:
    fast = ratbond(FAST, household_file, "today", "--date", "2026-13-01")
    typer = ratbond(TYPER, household_file, "today", "--date", "2026-13-01")
    assert (fast.returncode, typer.returncode) == (2, 2)
    assert fast.stderr == typer.stderr
    assert fast.stderr.startswith("error: --date:")
    assert fast.stderr.count("\n") == 1


LINES: list[list[Segment]] = [
    [("Plan for 2026-11-20", "bold")],
    [("ALERT   ", "bold red"), ("tom-pip  ", "cyan"), ("Tom & Pip", ""), ("intervene", "red")],
    [("3 ALERT", "dim")],
]


@pytest.mark.parametrize("terminal", [True, False])
@pytest.mark.parametrize("no_color", [True, False])
def test_styled_lines_are_written_as_rich_prints_them(
    monkeypatch: pytest.MonkeyPatch, terminal: bool, no_color: bool
) -> None:
    def console(file: io.StringIO) -> Console:
        return Console(
            file=file, force_terminal=terminal, no_color=no_color, width=60, highlight=False
        )

    expected, written = io.StringIO(), io.StringIO()
    for line in LINES:
        console(expected).print(Text.assemble(*line), soft_wrap=True)
    monkeypatch.setattr(display, "out", console(written))
    display.write_lines(LINES)
    assert written.getvalue() == expected.getvalue()
    if not terminal:
        plain = io.StringIO()
        monkeypatch.setattr(sys, "stdout", plain)
        write_plain(LINES)
        assert plain.getvalue() == expected.getvalue()


@pytest.mark.parametrize("columns", ["80", "132", "", "wide"])
def test_plain_width_is_the_width_rich_gives_a_pipe(
    monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert plain_width() == Console(file=io.StringIO()).width


def test_a_reader_that_closes_the_pipe_ends_the_plan_quietly(household_file: str) -> None:
    # `ratbond today | head`: the reader leaves before the plan is written.
    environ = plain_environment(RATBOND_DATABASE_URL=household_file)
    read, write = os.pipe()
    os.close(read)  # no reader at all: the first write fails
    try:
        done = subprocess.run(
            [sys.executable, "-c", FAST, "today"],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            cwd=ROOT,
            env=environ,
        )
    finally:
        os.close(write)
    assert done.stderr == ""  # no traceback, no complaint at exit
    assert done.returncode == 1

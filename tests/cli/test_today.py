"""`ratbond today` as a user runs it: the plan, each introduction with its program, then the
care part, readable from 40 columns up, the same on SQLite and PostgreSQL; mistakes exit 2."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ratbond.limits import PLAN_AHEAD_DAYS
from ratbond.store import open_database
from tests.cli.helpers import Cli, cat_and_rat
from tests.cli.process import CONSOLE_SCRIPT, ROOT, plain_environment, run_ratbond
from tests.store.helpers import care_records, day, every_kind_of_introduction

DATES = [day(0).isoformat(), day(5).isoformat()]


def ratbond(url: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`ratbond ARGS` on the store at `url`, as the console script runs it."""
    return run_ratbond(*args, RATBOND_DATABASE_URL=url, RATBOND_USER="tester", **env)


def past(stdout: str, date: str) -> str:
    """The plan of a past day without the line that says it is one."""
    label, plan = stdout.split("\n\n", 1)
    label = " ".join(label.split())  # a narrow console wraps it
    assert label.startswith("The plan of "), label
    assert label.endswith(f"({date}), as it stood then."), label
    return plan


@pytest.fixture
def household_file(tmp_path: Path) -> str:
    """The URL of a SQLite store holding the households of the store's agenda and care plan
    tests."""
    url = f"sqlite:///{tmp_path / 'ratbond.db'}"
    db = open_database(url)
    every_kind_of_introduction(db)
    care_records(db)
    db.close()
    return url


@pytest.mark.parametrize("date", DATES)
def test_health_alerts_then_the_plan_then_the_care_tasks(household_file: str, date: str) -> None:
    done = ratbond(household_file, "today", "--date", date, COLUMNS="100")
    assert done.returncode == 0, done.stderr
    assert ratbond(household_file, "today", f"--date={date}", COLUMNS="100").stdout == done.stdout
    health, plan, care = past(done.stdout, date).split("\n\n")  # a blank line between parts
    assert health.startswith("Health\nALERT   Kit: lump or swelling found on 2026-11-14; see a vet")
    lines = plan.splitlines()
    assert lines[0] == f"Plan for {date}: 4 active introductions"
    if date == DATES[0]:
        assert lines[1].startswith("ALERT   tom-pip  cat-rat  Tom & Pip  Repeat Seeing each other")
    else:  # the step-in-now of the first day's session is what happened then, not an alert
        assert lines[1].startswith("overdue mo-nib")
        assert lines[2].startswith("overdue tom-pip")
        assert lines[4].strip() == (
            "Step in now on 2026-11-20, during that session (seen: Tom: lunging)"
        )
    assert "ozzy-pim" not in plan  # paused
    assert care.startswith("Care\n")
    assert "ALERT" not in care
    assert "\noverdue Cage cleaning: " in care
    assert care.endswith("record one with 'ratbond care done TASK'\n")


def test_the_plan_names_each_introductions_program(household_file: str) -> None:
    plan = ratbond(household_file, "today", "--date", DATES[0], COLUMNS="200").stdout
    plan = past(plan, DATES[0]).split("\n\n")[1]  # after the health alerts
    programs = {line.split()[1]: line.split()[2] for line in plan.splitlines()[1:5]}
    assert programs == {
        "tom-pip": "cat-rat",
        "mo-nib": "cat-rat",
        "rex-dot": "cat-rat",
        "cy-ada-bo": "rat-rat",
    }


@pytest.mark.parametrize("columns", [40, 60, 100, 200])
def test_every_line_fits_the_console_and_no_word_is_lost(household_file: str, columns: int) -> None:
    done = ratbond(household_file, "today", "--date", DATES[0], COLUMNS=str(columns))
    assert done.returncode == 0, done.stderr
    assert max(len(line) for line in done.stdout.splitlines()) <= columns
    wide = ratbond(household_file, "today", "--date", DATES[0], COLUMNS="200").stdout
    assert done.stdout.split() == wide.split()


def test_a_narrow_console_indents_an_introduction_that_goes_on(household_file: str) -> None:
    narrow = ratbond(household_file, "today", "--date", DATES[0], COLUMNS="40").stdout
    plan = past(narrow, DATES[0]).split("\n\n")[1].splitlines()
    waiting = plan.index("waiting cy-ada-bo  rat-rat")
    assert plan[waiting + 1 : waiting + 3] == [
        "        Cy & Ada & Bo  Wait (Quarantine)",
        "        Quarantine ends in 11 days",
    ]


def test_postgresql_prints_the_plan_sqlite_prints(household_file: str, postgres_url: str) -> None:
    db = open_database(postgres_url)
    every_kind_of_introduction(db)
    care_records(db)
    db.close()
    on_postgres = ratbond(postgres_url, "today", "--date", DATES[1], COLUMNS="120")
    assert on_postgres.returncode == 0, on_postgres.stderr
    on_sqlite = ratbond(household_file, "today", "--date", DATES[1], COLUMNS="120")
    assert on_postgres.stdout == on_sqlite.stdout


def test_a_missing_sqlite_file_is_created_by_the_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'ratbond.db'}"
    done = ratbond(url, "today")
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
    done = ratbond(url, "today")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("error: RATBOND_DATABASE_URL") or "cannot open" in done.stderr
    assert message in done.stderr
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize("command", [["today"], ["animal", "list"]])
def test_a_sqlite_file_under_a_file_is_one_line_and_exit_2(
    tmp_path: Path, command: list[str]
) -> None:
    (tmp_path / "notes").write_text("a file, not a folder\n")
    done = ratbond(f"sqlite:///{tmp_path / 'notes' / 'ratbond.db'}", *command)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"error: cannot create the folder {tmp_path / 'notes'} for the database "
        f"{tmp_path / 'notes' / 'ratbond.db'}: {tmp_path / 'notes'} is a file, not a folder; "
        f"set RATBOND_DATABASE_URL to a file in a folder you can write to, "
        f"e.g. sqlite:///{Path.home() / 'ratbond.db'}\n"
    )


def test_a_missing_postgresql_database_is_one_line_and_exit_2(postgres_url: str) -> None:
    missing = postgres_url.split("?")[0].rsplit("/", 1)[0] + "/no_such_database"
    done = ratbond(missing, "today")
    assert done.returncode == 2
    assert 'database "no_such_database" does not exist' in done.stderr
    assert done.stderr.count("\n") == 1


def test_a_file_that_is_no_database_is_one_line_and_exit_2(tmp_path: Path) -> None:
    file = tmp_path / "ratbond.db"
    file.write_text("these are my notes, not a database\n" * 100)
    done = ratbond(f"sqlite:///{file}", "today")
    assert done.returncode == 2
    assert "file is not a database" in done.stderr
    assert done.stderr.count("\n") == 1


def test_a_bad_date_is_one_line_and_exit_2(household_file: str) -> None:
    done = ratbond(household_file, "today", "--date", "2026-13-01")
    assert done.returncode == 2
    assert done.stderr.startswith("error: --date:")
    assert done.stderr.count("\n") == 1


def test_a_reader_that_closes_the_pipe_ends_the_plan_quietly(household_file: str) -> None:
    # `ratbond today | head`: the reader leaves before the plan is written.
    environ = plain_environment(RATBOND_DATABASE_URL=household_file)
    read, write = os.pipe()
    os.close(read)  # no reader at all: the first write fails
    try:
        done = subprocess.run(
            [sys.executable, "-c", CONSOLE_SCRIPT, "today"],
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


def test_a_stopped_introduction_is_listed_but_not_counted_as_active(cli: Cli) -> None:
    cat_and_rat(cli)
    assert cli("log", "tom-pip", "--minutes", "5", "--signal", "tom:biting").code == 0
    plan = cli("today").output
    assert ": 0 active introductions, 1 stopped (keep those animals apart)" in plan
    assert "STOPPED" in plan


def test_a_day_ahead_is_planned_and_said_to_assume_nothing_is_logged_before_it(
    household_file: str,
) -> None:
    ahead = (dt.date.today() + dt.timedelta(days=PLAN_AHEAD_DAYS)).isoformat()
    done = ratbond(household_file, "today", "--date", ahead, COLUMNS="200")
    assert done.returncode == 0, done.stderr
    label, plan = done.stdout.split("\n\n", 1)
    assert label == (
        f"Planning ahead: in {PLAN_AHEAD_DAYS} days ({ahead}), if nothing is logged before then."
    )
    assert f"Plan for {ahead}: " in plan


def test_a_day_further_ahead_is_refused_naming_the_last_day_to_give(household_file: str) -> None:
    last = dt.date.today() + dt.timedelta(days=PLAN_AHEAD_DAYS)
    too_far = (last + dt.timedelta(days=1)).isoformat()
    done = ratbond(household_file, "today", "--date", too_far)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"error: --date: {too_far} is {PLAN_AHEAD_DAYS + 1} days ahead; the plan looks at most "
        f"{PLAN_AHEAD_DAYS} days ahead, as each later day assumes nothing is logged before it: "
        f"give a date up to {last.isoformat()}\n"
    )


def test_a_past_day_before_the_plan_was_worked_out_again_is_refused(
    household_file: str,
) -> None:
    # The households were written on TODAY (2026-11-20): their plan holds from then on.
    kept = ratbond(household_file, "today", "--date", DATES[0])
    assert kept.returncode == 0, kept.stderr
    earlier = day(-1).isoformat()
    done = ratbond(household_file, "today", "--date", earlier)
    assert done.returncode == 2
    assert done.stderr.startswith(
        f"error: --date: {earlier} is before {DATES[0]}, when the plan was last worked out again"
    )
    assert "'ratbond history INTRO'" in done.stderr


def test_care_tasks_plan_any_past_day_and_as_far_ahead_as_today(household_file: str) -> None:
    assert ratbond(household_file, "care", "tasks", "--date", "2020-01-01").returncode == 0
    too_far = dt.date.today() + dt.timedelta(days=PLAN_AHEAD_DAYS + 1)
    done = ratbond(household_file, "care", "tasks", "--date", too_far.isoformat())
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: --date: {too_far.isoformat()} is ")

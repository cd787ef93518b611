"""Clicker training from the command line: start a trick program, log attempts and rewarded
counts, see them in the history; on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import URL

from ratbond.store import Database
from tests.cli.helpers import Cli
from tests.conftest import Outcome


@pytest.fixture
def ratbond(cli: Cli, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Cli]:
    """The `cli` runner, on each backend in turn (it reads the URL at every run).

    A command leaves its database open for the process's exit to release; here the runs share
    one process, so each database they open is kept and closed at the end (PostgreSQL would
    otherwise warn about connections dropped unclosed)."""
    opened: list[Database] = []
    setup = Database.__init__

    def keep(self: Database, url: URL | str) -> None:
        setup(self, url)
        opened.append(self)

    monkeypatch.setattr(Database, "__init__", keep)
    monkeypatch.setenv("RATBOND_DATABASE_URL", db_url)
    yield cli
    for database in opened:
        database.close()


def in_training(ratbond: Cli) -> None:
    assert ratbond("animal", "add", "Pip", "-s", "rat", "--origin", "breeder").code == 0
    started = ratbond("intro", "start", "trick-spin", "--rat", "pip")
    assert started.code == 0, started.error
    assert "Started pip (trick-spin): rat Pip" in started.output
    assert "Start with Charging the clicker" in started.output


def clicks(ratbond: Cli, attempts: int, rewarded: int) -> Outcome:
    return ratbond(
        "log", "pip", "--minutes", "3", "--attempts", str(attempts), "--rewarded", str(rewarded)
    )


@pytest.mark.parametrize(
    ("counts", "advice"),
    [
        ([(10, 8), (10, 9)], "Next: Move on to Following the treat round"),
        ([(10, 9), (10, 7)], "but only 7 of 10 attempts were rewarded"),
        ([(10, 7), (10, 8)], "1 calm session in a row at 'Charging the clicker'"),
    ],
)
def test_two_sessions_in_a_row_at_80_percent_move_on(
    ratbond: Cli, counts: list[tuple[int, int]], advice: str
) -> None:
    in_training(ratbond)
    for attempts, rewarded in counts:
        logged = clicks(ratbond, attempts, rewarded)
        assert logged.code == 0, logged.error
        assert (
            f"{rewarded} of {attempts} rewarded ({rewarded / attempts:.0%}), calm" in logged.output
        )
    assert advice in logged.output
    history = ratbond("history", "pip").output
    assert "rewarded" in history
    assert all(f"{r}/{a} {r / a:.0%}" in history for a, r in counts)
    shown = ratbond("intro", "show", "pip").output
    last_attempts, last_rewarded = counts[-1]
    assert "sessions  2, last " in shown
    assert f"{last_rewarded} of {last_attempts} rewarded" in shown


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            ("--rewarded", "8"),
            "--attempts: required at the training stage 'charge_clicker'; count the tries",
        ),
        (("--attempts", "10"), "--rewarded: required at the training stage 'charge_clicker'"),
        (("--attempts", "10", "--rewarded", "11"), "--rewarded: 11 rewarded is more than the 10"),
        (("--attempts", "-1", "--rewarded", "0"), "--attempts: -1 is negative; count 0 or more"),
    ],
)
def test_bad_counts_exit_2_with_one_message_and_save_nothing(
    ratbond: Cli, options: tuple[str, ...], message: str
) -> None:
    in_training(ratbond)
    before = ratbond("export").output
    refused = ratbond("log", "pip", "--minutes", "3", *options)
    assert refused.code == 2
    assert refused.error.startswith(message)
    assert ratbond("export").output == before


def test_the_step_by_step_log_asks_for_counts_only_at_a_training_stage(ratbond: Cli) -> None:
    in_training(ratbond)
    # Date, stage, minutes, attempts and rewarded (11 of 10 is asked again), watched,
    # Pip's signals, notes.
    answers = ["", "", "3", "10", "11", "10", "9", "y", "", "clicked twenty times"]
    asked = ratbond("log", "pip", input="\n".join(answers) + "\n")
    assert asked.code == 0, asked.error
    assert "is a training stage: 80% or more" in asked.output
    assert "11 rewarded is more than 10 attempts; count again" in asked.output
    assert "9 of 10 rewarded (90%)" in asked.output

    ratbond("animal", "add", "Tom", "-s", "cat", "--prey-drive", "low")
    ratbond("intro", "start", "cat-rat", "--cat", "tom", "--rat", "pip")
    untrained = ratbond("log", "tom-pip", input="\n".join(["", "", "", "y", "", "", ""]) + "\n")
    assert "Attempts" not in untrained.output


def test_history_leaves_out_columns_nobody_filled_in(ratbond: Cli) -> None:
    in_training(ratbond)
    clicks(ratbond, 10, 9)
    history = ratbond("history", "pip").output
    assert "rewarded" in history
    assert "9/10 90%" in history
    assert "signals" not in history
    assert "notes" not in history

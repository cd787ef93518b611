"""What a new-user trial found in the CLI: restarts after a stop, completing anything, early
sessions, session numbers, fixing a session, and messages for values that make no sense."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from tests.conftest import Outcome

Cli = Callable[..., Outcome]
TODAY = dt.date.today()


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def household(cli: Cli) -> None:
    assert cli("animal", "add", "Tom", "--species", "cat", "--prey-drive", "moderate").code == 0
    assert cli("animal", "add", "Pip", "-s", "rat", "--arrived", ago(60)).code == 0
    assert cli("vet", "add", "tom", "--date", ago(30)).code == 0
    assert cli("vet", "add", "pip", "--date", ago(30)).code == 0
    assert cli("intro", "start", "cat-rat", "--cat", "tom", "--rat", "pip").code == 0


def test_a_pair_that_ended_apart_is_not_started_again(cli: Cli) -> None:
    household(cli)
    assert cli("log", "tom-pip", "--minutes", "5", "--signal", "tom:biting").code == 0
    again = cli("intro", "start", "cat-rat", "--cat", "tom", "--rat", "pip")
    assert again.code == 2
    assert "'tom-pip' (Tom & Pip) ended in 'stop'" in again.error
    assert "--cleared-by" in again.error
    assert "tom-pip-2" not in cli("intro", "list", "--all").output
    cleared = cli(
        "intro", "start", "cat-rat", "--cat", "tom", "--rat", "pip", "--cleared-by", "Dr Lee"
    )
    assert cleared.code == 0
    assert "tom-pip-2" in cleared.output


def test_only_a_finished_program_can_be_completed(cli: Cli) -> None:
    household(cli)
    empty = cli("intro", "complete", "tom-pip")
    assert empty.code == 2
    assert "the advice is 'start' at 'visual' after 0 sessions" in empty.error
    assert "'ratbond intro stop tom-pip'" in empty.error
    assert cli("log", "tom-pip", "--minutes", "5", "--signal", "tom:biting").code == 0
    hurt = cli("intro", "complete", "tom-pip")
    assert hurt.code == 2
    assert "the advice is 'stop'" in hurt.error
    assert "vet_now" in cli("today").output
    assert cli("intro", "stop", "tom-pip").code == 0
    shown = cli("intro", "show", "tom-pip")
    assert "This introduction is stopped." in shown.output
    assert "Next:" not in shown.output
    assert "[separate_housing]" in shown.output


def test_log_warns_about_a_session_before_the_advised_day(cli: Cli) -> None:
    household(cli)
    first = cli("log", "tom-pip", "--minutes", "5")
    assert "before the advised day" not in first.output
    second = cli("log", "tom-pip", "--minutes", "5")
    assert second.code == 0
    assert "Logged session" in second.output
    assert f"before the advised day ({ago(-1)})" in second.output

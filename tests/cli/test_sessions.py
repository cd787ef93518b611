"""`ratbond log` and `ratbond history`: a session before the advised day is logged with a
warning, sessions are numbered within their introduction, values that make no sense are refused
by their option, and a paused introduction says how to resume it."""

from __future__ import annotations

from tests.cli.helpers import Cli, ago, cat_and_rat, four_introductions, numbers


def test_log_warns_about_a_session_before_the_advised_day(cli: Cli) -> None:
    cat_and_rat(cli)
    first = cli("log", "tom-pip", "--minutes", "5")
    assert "before the advised day" not in first.output
    second = cli("log", "tom-pip", "--minutes", "5")
    assert second.code == 0
    assert "Logged session" in second.output
    assert f"before the advised day ({ago(-1)})" in second.output


def test_session_numbers_count_within_each_introduction(cli: Cli) -> None:
    cat_and_rat(cli)
    assert cli("animal", "add", "Bea", "-s", "rat", "--arrived", ago(60)).code == 0
    assert cli("intro", "start", "rat-human", "--rat", "bea").code == 0
    for _ in range(3):
        assert cli("log", "bea", "--minutes", "5").code == 0
    first = cli("log", "tom-pip", "--minutes", "5", "--date", ago(2))
    assert "Logged session 1 of tom-pip" in first.output
    second = cli("log", "tom-pip", "--minutes", "8", "--date", ago(1))
    assert "Logged session 2 of tom-pip" in second.output
    assert numbers(cli("history", "tom-pip").output) == ["1", "2"]


def test_counts_and_absurd_lengths_are_refused_by_option(cli: Cli) -> None:
    assert cli("animal", "add", "Bea", "-s", "rat", "--arrived", ago(30)).code == 0
    assert cli("intro", "start", "rat-human", "--rat", "bea").code == 0
    counted = cli("log", "bea", "--minutes", "3", "--attempts", "10", "--rewarded", "8")
    assert counted.code == 2
    assert counted.error.startswith("--attempts: 'voice' is not a training stage")
    endless = cli("log", "bea", "--minutes", "100000")
    assert endless.code == 2
    assert endless.error.startswith("--minutes: 100000 minutes is more than a day")
    assert "No sessions logged" in cli("history", "bea").output


def test_logging_step_by_step_on_a_paused_introduction_says_how_to_resume(cli: Cli) -> None:
    four_introductions(cli)
    refused = cli("log", "clementine", input="")
    assert refused.code == 2
    assert refused.error == (
        "introduction 'clementine' is paused, so nothing can be logged; resume it first: "
        "ratbond intro resume clementine"
    )

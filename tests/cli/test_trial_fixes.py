"""What a new-user trial found in the CLI: restarts after a stop, completing anything, early
sessions, session numbers, fixing a session, and messages for values that make no sense."""

from __future__ import annotations

from tests.cli.test_household import Cli, ago


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
    assert again.error.startswith("--cleared-by: cannot start cat-rat again:")
    assert "'tom-pip' (Tom & Pip) ended in 'stop'" in again.error
    assert again.error.endswith('saying who cleared them: give --cleared-by "who cleared them"')
    assert "tom-pip-2" not in cli("intro", "list", "--all").output
    blank = cli("intro", "start", "cat-rat", "--cat", "tom", "--rat", "pip", "--cleared-by", " ")
    assert blank.code == 2
    assert (
        blank.error
        == "--cleared-by: say who cleared them to meet again (their vet and a behaviourist)"
    )
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


def numbers(history: str) -> list[str]:
    """The "no." column of `ratbond history`."""
    return [line.split("│")[1].strip() for line in history.splitlines() if line.startswith("│")]


def test_session_numbers_count_within_each_introduction(cli: Cli) -> None:
    household(cli)
    assert cli("animal", "add", "Bea", "-s", "rat", "--arrived", ago(60)).code == 0
    assert cli("intro", "start", "rat-human", "--rat", "bea").code == 0
    for _ in range(3):
        assert cli("log", "bea", "--minutes", "5").code == 0
    first = cli("log", "tom-pip", "--minutes", "5", "--date", ago(2))
    assert "Logged session 1 of tom-pip" in first.output
    second = cli("log", "tom-pip", "--minutes", "8", "--date", ago(1))
    assert "Logged session 2 of tom-pip" in second.output
    assert numbers(cli("history", "tom-pip").output) == ["1", "2"]


def test_fix_and_unlog_a_session_by_its_number(cli: Cli) -> None:
    household(cli)
    assert cli("log", "tom-pip", "--minutes", "5", "--date", ago(3)).code == 0
    assert cli("log", "tom-pip", "--minutes", "8", "--date", ago(2)).code == 0
    mistaken = cli("log", "tom-pip", "--minutes", "11", "--signal", "tom:hissing", "--date", ago(1))
    assert "Next: Repeat visual, 5 min" in mistaken.output
    fixed = cli("fix", "tom-pip", "3", "--no-signals", "--notes", "it was the radio, not Tom")
    assert fixed.code == 0
    assert "Fixed session 3 of tom-pip" in fixed.output
    assert "calm" in fixed.output
    assert "Next: Move on to scent" in fixed.output
    assert "it was the radio, not Tom" in cli("history", "tom-pip").output
    assert cli("fix", "tom-pip", "3").code == 2
    missing = cli("fix", "tom-pip", "9", "--minutes", "3")
    assert missing.code == 2
    assert "no session 9 (its sessions: 1, 2, 3)" in missing.error
    bad = cli("fix", "tom-pip", "3", "--minutes", "-4")
    assert bad.code == 2
    assert bad.error.startswith("--minutes:")
    declined = cli("unlog", "tom-pip", "3", input="n\n")
    assert declined.code == 1
    assert numbers(cli("history", "tom-pip").output) == ["1", "2", "3"]
    withdrawn = cli("unlog", "tom-pip", "3", "--yes")
    assert withdrawn.code == 0
    assert "Withdrew session 3 of tom-pip" in withdrawn.output
    assert "Next: Repeat visual, 11 min" in withdrawn.output
    assert numbers(cli("history", "tom-pip").output) == ["1", "2"]
    # A new session takes a new number: 3 stays the withdrawn one's.
    assert "Logged session 4 of tom-pip" in cli("log", "tom-pip", "--minutes", "11").output


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


def test_the_same_animal_twice_is_named_as_such(cli: Cli) -> None:
    household(cli)
    assert cli("animal", "add", "Bea", "-s", "rat", "--arrived", ago(30)).code == 0
    both = cli("intro", "start", "rat-rat", "--newcomer", "bea", "--resident", "Bea")
    assert both.code == 2
    assert both.error == (
        "--resident: 'bea' (Bea) is given as newcomer and as residents, but an animal plays "
        "one role; name each animal once, a different animal for each place"
    )
    twice = cli("intro", "start", "cat-rat", "--cat", "tom", "--cat", "tom", "--rat", "pip")
    assert twice.code == 2
    assert twice.error.startswith("--cat: 'tom' (Tom) is listed twice as cat")


def test_absurd_weights_and_dates_are_refused(cli: Cli) -> None:
    household(cli)
    heavy = cli("weigh", "pip", "50000")
    assert heavy.code == 2
    assert "not the weight of a pet rat" in heavy.error
    early = cli("log", "tom-pip", "--minutes", "5", "--date", ago(61))
    assert early.code == 2
    assert early.error.startswith(f"--date: {ago(61)} is before Pip arrived ({ago(60)})")

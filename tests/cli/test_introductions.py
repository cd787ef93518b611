"""`ratbond intro`: the list at any width with each introduction's program, starting a pair
again after a stop, completing only a finished program, the same animal given twice, and a
change of state that cannot happen saying what to do instead."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from ratbond.cli.introductions import introductions_view
from tests.cli.helpers import Cli, ago, cat_and_rat, four_introductions
from tests.cli.process import ratbond

KEYS = ("tom-pip", "pip", "clementine", "mr-whiskers-clementine-pip")


PROGRAMS = ("cat-rat", "trick-spin", "rat-human")


@pytest.mark.parametrize("columns", ["200", "80", "50"])
def test_intro_list_keeps_ids_and_programs_whole_at_any_width(cli: Cli, columns: str) -> None:
    four_introductions(cli)
    listed = ratbond("intro", "list", COLUMNS=columns)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert all(len(line) <= int(columns) for line in lines)
    words = {word.strip("│┃") for line in lines for word in line.split()}
    assert set(KEYS) | set(PROGRAMS) <= words
    # Nothing cut short: the stages, the days and the status are there in full.
    assert "…" not in listed.stdout
    # Each stage by its title, never its id.
    for word in ("Charging", "clicker,", "Seeing", "voice,", "today", "paused", "Clementine"):
        assert word in words, word


def test_at_80_columns_the_list_is_still_a_table(cli: Cli) -> None:
    four_introductions(cli)
    lines = ratbond("intro", "list", COLUMNS="80").stdout.splitlines()
    header = next(line for line in lines if "id" in line.split())
    assert header.split() == ["┃", "id", "┃", "program", "┃", "animals", "┃", "next", "step", "┃"]
    # One row per introduction starts with its id, then its program.
    rows = [line.split("│")[1:3] for line in lines if line.startswith("│")]
    firsts = [(key.strip(), program.strip()) for key, program in rows if key.strip()]
    assert firsts == [
        ("tom-pip", "cat-rat"),
        ("pip", "trick-spin"),
        ("clementine", "rat-human"),
        ("mr-whiskers-clementine-pip", "cat-rat"),
    ]


def rendered(width: int) -> str:
    rows = [
        ("tom-pip", "cat-rat", "Tom & Pip", "active", "Repeat Seeing each other, 8 min", "today"),
        ("pip", "trick-spin", "Pip", "paused", "Start with Charging the clicker, 2 min", ""),
        ("a-very-long-introduction-id-of-forty-two", "cat-rat", "Tom & Pip", "active", "x", "-"),
    ]
    console = Console(file=io.StringIO(), width=width, no_color=True)
    console.print(introductions_view(rows, width))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(text, str)
    return text


def test_intro_list_layouts_by_width() -> None:
    wide = rendered(200)
    assert "│ when" in wide.replace("┃", "│")
    assert "paused" in wide
    narrow = rendered(60)  # the long id leaves no room for a table: lines per introduction
    assert "┃" not in narrow
    assert "a-very-long-introduction-id-of-forty-two  cat-rat  active" in narrow
    assert "  Next: Start with Charging the clicker, 2 min" in narrow
    assert "  Next: Repeat Seeing each other, 8 min — today" in narrow


def test_history_and_archive_name_the_program(cli: Cli) -> None:
    four_introductions(cli)
    assert cli("log", "pip", "--minutes", "2", "--attempts", "5", "--rewarded", "4").code == 0
    assert "pip (trick-spin) — Pip" in cli("history", "pip").output
    archived = cli("animal", "archive", "clementine", "--status", "rehomed")
    assert archived.code == 0
    assert (
        "Stopped introductions: clementine (rat-human), mr-whiskers-clementine-pip (cat-rat)"
        in archived.output
    )


def test_a_pair_that_ended_apart_is_not_started_again(cli: Cli) -> None:
    cat_and_rat(cli)
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
    cat_and_rat(cli)
    empty = cli("intro", "complete", "tom-pip")
    assert empty.code == 2
    assert "the advice is 'Start with Seeing each other' after 0 sessions" in empty.error
    assert "to end it now, stop it for good, or pause it" in empty.error
    assert cli("log", "tom-pip", "--minutes", "5", "--signal", "tom:biting").code == 0
    hurt = cli("intro", "complete", "tom-pip")
    assert hurt.code == 2
    assert "the advice is 'Stop the introduction" in hurt.error
    assert "See a vet today" in cli("today").output
    assert cli("intro", "stop", "tom-pip").code == 0
    shown = cli("intro", "show", "tom-pip")
    assert "This introduction is stopped." in shown.output
    assert "Next:" not in shown.output
    assert "[separate_housing]" in shown.output


def test_the_same_animal_twice_is_named_as_such(cli: Cli) -> None:
    cat_and_rat(cli)
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


def test_pausing_a_paused_introduction_says_how_to_resume_it(cli: Cli) -> None:
    four_introductions(cli)
    paused = cli("intro", "pause", "tom-pip")
    assert paused.code == 0
    assert paused.output.strip() == (
        "Introduction tom-pip (cat-rat) is paused; resume it with: ratbond intro resume tom-pip"
    )
    again = cli("intro", "pause", "tom-pip")
    assert again.code == 2
    assert again.error == (
        "introduction 'tom-pip' is already paused; to carry on with it: "
        "ratbond intro resume tom-pip"
    )
    assert cli("intro", "resume", "tom-pip").code == 0
    active = cli("intro", "resume", "tom-pip")
    assert active.code == 2
    assert active.error == (
        "introduction 'tom-pip' is already active (it is not paused), so there is nothing to "
        "resume; its next step: ratbond next tom-pip"
    )


def test_a_finished_introduction_says_how_to_start_again(cli: Cli) -> None:
    four_introductions(cli)
    assert cli("intro", "stop", "mr-whiskers-clementine-pip").code == 0
    for command, verb in (("resume", "resumed"), ("pause", "paused"), ("complete", "completed")):
        refused = cli("intro", command, "mr-whiskers-clementine-pip")
        assert refused.code == 2
        assert refused.error == (
            f"introduction 'mr-whiskers-clementine-pip' is stopped, so it cannot be {verb}: a "
            "finished introduction stays as it ended. To work with these animals again, start "
            "a new one: ratbond intro start cat-rat --cat mr-whiskers --rat clementine,pip"
        )
    again = cli("intro", "stop", "mr-whiskers-clementine-pip")
    assert again.error == (
        "introduction 'mr-whiskers-clementine-pip' is already stopped; its records are kept"
    )
    # A completion the advice does not allow yet keeps the store's explanation.
    early = cli("intro", "complete", "pip")
    assert early.code == 2
    assert "the advice is 'Start with Charging the clicker'" in early.error


def test_an_introduction_the_advice_stopped_is_shown_as_stopped(cli: Cli) -> None:
    cat_and_rat(cli)
    assert cli("log", "tom-pip", "--minutes", "5", "--signal", "tom:biting").code == 0
    assert "stopped" in cli("intro", "list", "--all").output
    assert "tom-pip" not in cli("intro", "list").output  # only the unfinished ones
    shown = cli("intro", "show", "tom-pip")
    assert "This introduction is stopped." in shown.output
    assert "Next:" not in shown.output
    assert "STOPPED tom-pip" in cli("today").output


def test_a_second_introduction_of_an_animal_is_named_after_its_program(cli: Cli) -> None:
    assert cli("animal", "add", "Pip", "-s", "rat", "--arrived", ago(60)).code == 0
    assert cli("intro", "start", "rat-human", "--rat", "pip").code == 0
    spin = cli("intro", "start", "trick-spin", "--rat", "pip")
    assert "Started pip-spin (trick-spin)" in spin.output
    listed = cli("intro", "list").output
    assert "pip-spin" in listed
    assert "pip-2" not in listed


def test_starting_with_residents_of_another_rat_rat_introduction_warns(cli: Cli) -> None:
    for name in ("Ada", "Bo", "Cy", "Dee"):
        assert cli("animal", "add", name, "-s", "rat", "--arrived", ago(30)).code == 0
    first = cli("intro", "start", "rat-rat", "--newcomer", "cy", "--resident", "ada,bo")
    assert "Warning" not in first.output
    second = cli("intro", "start", "rat-rat", "--newcomer", "dee", "--resident", "ada,bo")
    assert second.code == 0
    assert (
        "Warning: Ada and Bo are already in rat-rat introduction 'cy-ada-bo' (Cy & Ada & Bo)"
        in " ".join(second.output.split())
    )


def test_a_rat_fight_s_vet_alert_is_in_the_rat_rat_program_s_words(cli: Cli) -> None:
    for name in ("Ada", "Cy"):
        assert cli("animal", "add", name, "-s", "rat", "--arrived", ago(60)).code == 0
    assert cli("intro", "start", "rat-rat", "--newcomer", "cy", "--resident", "ada").code == 0
    hurt = cli("log", "cy-ada", "--minutes", "5", "--signal", "ada:wound")
    assert hurt.code == 0, hurt.error
    shown = " ".join(cli("intro", "show", "cy-ada").output.split())
    assert "A rat was wounded in a fight." in shown
    assert "cat bites" not in shown


def test_step_in_now_reads_as_what_happened_on_its_day(cli: Cli) -> None:
    cat_and_rat(cli)
    assert (
        cli("log", "tom-pip", "--minutes", "5", "--signal", "tom:lunging", "--date", ago(2)).code
        == 0
    )
    shown = " ".join(cli("intro", "show", "tom-pip").output.split())
    assert "! Step in now" not in shown
    # What happened that day, and what was seen.
    assert f"Step in now — on {ago(2)}, during that session (seen: Tom: lunging)." in shown
    assert shown.index("Next:") < shown.index(f"Step in now — on {ago(2)}")


def test_step_in_now_keeps_the_day_of_the_session_that_called_for_it(cli: Cli) -> None:
    cat_and_rat(cli)
    lunged = cli("log", "tom-pip", "--minutes", "5", "--signal", "tom:lunging", "--date", ago(3))
    assert lunged.code == 0
    # A session too short to count, logged after it, decides nothing: the step-in-now still
    # belongs to the day Tom lunged, not to the last session's day.
    assert cli("log", "tom-pip", "--minutes", "1", "--date", ago(2)).code == 0
    shown = " ".join(cli("next", "tom-pip").output.split())
    assert f"Step in now — on {ago(3)}, during that session (seen: Tom: lunging)." in shown
    assert f"Step in now — on {ago(2)}" not in shown


def test_starting_an_intact_male_with_intact_females_warns_of_pregnancy(cli: Cli) -> None:
    for name, sex in (("Bruno", "intact male"), ("Hazel", "female"), ("Olive", "female")):
        assert cli("animal", "add", name, "-s", "rat", "--sex", sex, "--arrived", ago(30)).code == 0
    started = cli("intro", "start", "rat-rat", "--newcomer", "bruno", "--residents", "hazel,olive")
    assert started.code == 0
    assert "They can breed [pregnancy_risk]" in started.output
    assert "Bruno is an intact male and Hazel and Olive are intact females" in " ".join(
        started.output.split()
    )


def test_starting_an_open_introduction_again_is_refused_as_a_slip(cli: Cli) -> None:
    cat_and_rat(cli)  # tom-pip, cat-rat, active
    before = cli("export").output
    again = cli("intro", "start", "cat-rat", "--cat", "Tom", "--rat", "pip")
    assert again.code == 2
    assert again.error == (
        "introduction 'tom-pip' (cat-rat, active) already has these animals in these roles; "
        "nothing was started. Go on with it: ratbond next tom-pip. To run a second one beside "
        "it, add --again"
    )
    assert cli("export").output == before
    assert cli("intro", "pause", "tom-pip").code == 0
    paused = cli("intro", "start", "cat-rat", "--cat", "tom", "--rat", "pip").error
    assert "Go on with it: ratbond intro resume tom-pip." in paused
    # Other roles, another program, or --again: started.
    assert cli("intro", "start", "rat-human", "--rat", "pip").code == 0
    second = cli("intro", "start", "cat-rat", "--cat", "tom", "--rat", "pip", "--again")
    assert second.code == 0, second.error
    assert "Started tom-pip-2 (cat-rat)" in second.output


def test_a_start_waiting_for_a_vet_check_says_to_log_once_that_is_done(cli: Cli) -> None:
    assert cli("animal", "add", "Tom", "-s", "cat", "--prey-drive", "low").code == 0
    assert cli("animal", "add", "Pip", "-s", "rat", "--arrived", ago(60)).code == 0
    waiting = cli("intro", "start", "cat-rat", "--cat", "tom", "--rat", "pip").output
    assert "Once that is done, log a session: ratbond log tom-pip" in waiting
    ready = cli("intro", "start", "trick-spin", "--rat", "pip").output
    assert "\nLog a session: ratbond log pip" in ready

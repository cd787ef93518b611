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
        "introduction 'clementine' is paused, so nothing can be logged; resume it first"
    )


def test_a_diary_entered_later_lands_at_the_stages_of_its_dates(cli: Cli) -> None:
    cat_and_rat(cli)
    for days in (20, 19, 18):
        assert cli("log", "tom-pip", "--date", ago(days)).code == 0
    fourth = cli("log", "tom-pip", "--date", ago(17))
    assert fourth.code == 0
    assert f"Logged session 4 of tom-pip: {ago(17)} Swapping scents, 120 min" in fourth.output
    # The diary's own dates had no long break; today has one, and `next` says so.
    assert f"As it stood on {ago(17)}" in fourth.output
    assert "long_break" not in fourth.output
    assert "Today's advice: ratbond next tom-pip" in fourth.output
    assert "long_break" in cli("next", "tom-pip").output


def test_history_all_shows_withdrawn_sessions_marked(cli: Cli) -> None:
    cat_and_rat(cli)
    for days in (2, 1):
        assert cli("log", "tom-pip", "--date", ago(days)).code == 0
    assert cli("unlog", "tom-pip", "1", "--yes").code == 0
    assert numbers(cli("history", "tom-pip").output) == ["2"]
    everything = cli("history", "tom-pip", "--all").output
    assert numbers(everything) == ["1", "2"]
    assert "withdrawn (calm)" in everything


def test_history_shows_signals_read_from_notes_and_log_names_only_those_used(cli: Cli) -> None:
    cat_and_rat(cli)
    logged = cli(
        "log",
        "tom-pip",
        "--signal",
        "pip:relaxed",
        "--notes",
        "Pip froze, then Tom hissed at the cage",
    )
    assert logged.code == 0
    # Pip's ticked list is her review: the freeze adds nothing (and log says so). A hiss, as
    # any aggression, always counts.
    read = next(line for line in logged.output.splitlines() if line.startswith("Read in"))
    assert read == "Read in your notes: Tom: hissing"
    assert 'Not counted from your notes: "froze" (Pip: freezing;' in logged.output
    shown = cli("history", "tom-pip").output
    assert "Pip: relaxed; Tom: hissing (in notes)" in shown


def test_logging_a_meeting_before_the_checks_says_it_should_not_have_happened(cli: Cli) -> None:
    assert cli("animal", "add", "Tom", "--species", "cat").code == 0
    assert cli("animal", "add", "Pip", "-s", "rat", "--arrived", ago(60)).code == 0
    assert cli("intro", "start", "cat-rat", "--cat", "tom", "--rat", "pip").code == 0
    logged = cli("log", "tom-pip", "--minutes", "5")
    assert logged.code == 0
    assert "This meeting should not have happened yet." in logged.output
    assert "vet check" in logged.output


def test_a_wound_logged_early_gets_the_vet_alert_without_the_pacing_lecture(cli: Cli) -> None:
    cat_and_rat(cli)
    assert cli("log", "tom-pip", "--minutes", "5").code == 0
    hurt = cli("log", "tom-pip", "--minutes", "5", "--signal", "pip:wound")
    assert hurt.code == 0
    assert "[vet_now]" in hurt.output
    assert "before the advised day" not in hurt.output


def test_log_asks_about_danger_the_notes_cannot_rule_out_and_a_no_drops_it(cli: Cli) -> None:
    cat_and_rat(cli)
    notes = "I think Tom might have nipped Pip through the mesh, not sure"
    # Date, stage, minutes, supervised, Tom's signals, Pip's signals, notes; then the question.
    answers = ["", "", "", "y", "", "", notes, "n"]
    asked = cli("log", "tom-pip", input="\n".join(answers) + "\n")
    assert asked.code == 0, asked.output
    assert "may mean Tom: biting, a danger sign. Did it happen?" in asked.output
    assert "biting" not in cli("history", "tom-pip").output


def test_log_counts_and_names_unconfirmed_danger_when_no_one_can_be_asked(cli: Cli) -> None:
    cat_and_rat(cli)
    logged = cli("log", "tom-pip", "--notes", "Tom may have nipped Pip")
    assert logged.code == 0
    assert "Counted, as your words cannot rule it out: Tom: biting" in logged.output
    assert "Tom: biting (in notes)" in cli("history", "tom-pip").output


def test_fix_counts_and_names_unconfirmed_danger_in_new_notes(cli: Cli) -> None:
    cat_and_rat(cli)
    assert cli("log", "tom-pip", "--signal", "tom:ears_forward", "--notes", "calm").code == 0
    fixed = cli("fix", "tom-pip", "1", "--notes", "Tom may have nipped Pip")
    assert fixed.code == 0, fixed.error
    assert "Counted, as your words cannot rule it out: Tom: biting" in fixed.output
    assert "biting" in cli("history", "tom-pip").output
    assert "danger" in fixed.output


def test_the_stage_prompt_lists_titles_and_takes_a_title_or_an_id(cli: Cli) -> None:
    from ratbond.programs import stage_title

    cat_and_rat(cli)
    scent = stage_title("cat-rat", "scent")
    # Date, a stage that is neither, then its title; minutes, supervised, signals, notes.
    answers = ["", "sniffing", scent.upper(), "", "y", "", "", "", "n"]
    asked = cli("log", "tom-pip", input="\n".join(answers) + "\n")
    assert asked.code == 0, asked.output
    assert f"visual — {stage_title('cat-rat', 'visual')}" in asked.output
    assert f"scent — {scent}" in asked.output
    assert "'sniffing' is no stage of cat-rat" in asked.output
    assert scent in cli("history", "tom-pip").output


def test_who_logs_past_100_characters_is_refused_naming_by(cli: Cli) -> None:
    """It was cut to 100 characters unsaid."""
    cat_and_rat(cli)
    refused = cli("log", "tom-pip", "--minutes", "5", "--by", "b" * 101)
    assert refused.code == 2
    assert refused.error == "--by: is 101 characters long; at most 100 are kept: shorten it"
    assert "No sessions logged" in cli("history", "tom-pip").output


def test_an_empty_stage_is_refused_by_option_not_taken_for_the_default(cli: Cli) -> None:
    """`--stage ""` (a script's unset variable) logged at the advised stage, while `--stage " "`
    was refused: both name no stage."""
    cat_and_rat(cli)
    for typed in ("", "  "):
        refused = cli("log", "tom-pip", "--minutes", "5", "--stage", typed)
        assert refused.code == 2
        assert refused.error.startswith("--stage: unknown stage '' for cat-rat; stages: visual")
    assert numbers(cli("history", "tom-pip").output) == []

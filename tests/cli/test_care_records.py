"""`freeroam check|history`, `trust log|trend`, `groom`, `care done|tasks` and the care part of
`today`, through Typer's runner on a temporary database; a free-roam check asks each item in a
terminal and records no verdict from answers nobody gave."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ratbond.care.knowledge import builtin_free_roam
from tests.cli.helpers import TODAY, Cli, ago, cat_and_rat
from tests.cli.process import in_terminal, ratbond

# The checklist's required items, as the CLI names them.
REQUIRED = tuple(item.id.replace("_", "-") for item in builtin_free_roam().items if item.required)


@pytest.fixture
def rats(cli: Cli) -> Cli:
    assert cli("animal", "add", "Pip", "--species", "rat").code == 0
    assert cli("animal", "add", "Tom", "--species", "cat").code == 0
    return cli


def test_free_roam_check_records_ready_and_history_shows_it(cli: Cli) -> None:
    args = [arg for item in REQUIRED for arg in ("--yes", item)]
    ready = cli("freeroam", "check", *args, "--by", "Sam", "--no-prompt")
    assert ready.code == 0
    assert "READY" in ready.output
    assert "Sam" in ready.output
    history = cli("freeroam", "history")
    assert TODAY.isoformat() in history.output
    assert "ready" in history.output


def test_a_blocking_item_is_recorded_as_not_ready_and_exits_1(cli: Cli) -> None:
    answers = [a for item in REQUIRED if item != "cats-elsewhere" for a in ("--yes", item)]
    blocked = cli("freeroam", "check", *answers, "--no", "cats-elsewhere")
    assert blocked.code == 1
    assert "NOT READY" in blocked.output
    assert "Cats and other predators elsewhere (no)" in blocked.output
    (record,) = json.loads(cli("freeroam", "history", "--json").output)
    assert record["ready"] is False
    assert record["answers"]["cats_elsewhere"] is False


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--yes", "windows-shut"),
            "--yes windows-shut: not a free-roam checklist item (did you mean 'windows-closed'?)",
        ),
        (("--yes", "toys", "--no", "toys"), "both yes and no"),
        (("--yes", "toys", "--date", "2999-01-01"), "--date: 2999-01-01 is after today"),
    ],
)
def test_bad_free_roam_checks_write_nothing(cli: Cli, args: tuple[str, ...], message: str) -> None:
    result = cli("freeroam", "check", *args)
    assert result.code == 2
    assert message in result.error
    assert json.loads(cli("freeroam", "history", "--json").output) == []


def free_roam_checks(cli: Cli) -> list[dict[str, object]]:
    checks = json.loads(cli("freeroam", "history", "--json").output)
    assert isinstance(checks, list)
    return checks


def test_a_free_roam_check_without_a_terminal_records_no_verdict(cli: Cli) -> None:
    piped = ratbond("freeroam", "check", stdin="y\n" * 9)
    assert piped.returncode == 2
    assert piped.stdout == ""
    assert piped.stderr == (
        "error: free-roam check not recorded: no answer for 6 required items (windows-closed, "
        "no-toxic-plants, cords-covered, cats-elsewhere, comfortable-temperature, supervised), "
        "and there is no terminal to ask them in. Give each as --yes ITEM (checked and safe) or "
        "--no ITEM (not safe), as 'ratbond freeroam checklist' lists them, or run 'ratbond "
        "freeroam check' in a terminal to be asked\n"
    )
    partly = ratbond("freeroam", "check", "--yes", "windows-closed", "--no", "cats-elsewhere")
    assert partly.returncode == 2
    assert "no answer for 4 required items (no-toxic-plants, cords-covered," in partly.stderr
    assert free_roam_checks(cli) == []


@pytest.mark.parametrize(
    ("option", "or_else"),
    [
        ("--no-prompt", "leave out --no-prompt to be asked"),
        ("--json", "leave out --json to be asked"),
    ],
)
def test_asking_nothing_on_purpose_in_a_terminal_needs_every_answer_too(
    cli: Cli, option: str, or_else: str
) -> None:
    code, shown, error = in_terminal("freeroam", "check", "--yes", "toys", option)
    assert code == 2
    assert shown == ""
    assert error.startswith("error: free-roam check not recorded: no answer for 6 required")
    assert error.endswith(
        f"and {option} asks nothing. Give each as --yes ITEM (checked and safe) or --no ITEM "
        f"(not safe), as 'ratbond freeroam checklist' lists them, or {or_else}\n"
    )
    assert free_roam_checks(cli) == []


def test_in_a_terminal_the_check_asks_each_item(cli: Cli) -> None:
    code, shown, error = in_terminal(
        "freeroam", "check", "--by", "Sam", answers="y\n" * 6 + "\n" * 3
    )
    assert (code, error.strip()) == (0, "")
    assert "Are cats and other predators shut out of the room?" in shown
    assert "READY  free-roam check recorded" in shown
    assert [check["ready"] for check in free_roam_checks(cli)] == [True]


def test_every_required_answer_given_records_the_verdict_without_a_terminal(cli: Cli) -> None:
    answers = [arg for item in REQUIRED[1:] for arg in ("--yes", item)]
    blocked = ratbond("freeroam", "check", *answers, "--no", "windows-closed", "--by", "Sam")
    assert blocked.returncode == 1
    assert blocked.stdout.startswith("NOT READY")
    ready = ratbond("freeroam", "check", *answers, "--yes", "windows-closed")
    assert ready.returncode == 0
    assert ready.stdout.startswith("READY")
    assert [check["ready"] for check in free_roam_checks(cli)] == [True, False]


def test_a_typo_or_a_bad_date_is_named_before_the_missing_answers(cli: Cli) -> None:
    typo = ratbond("freeroam", "check", "--yes", "windows-shut")
    assert typo.stderr.startswith("error: --yes windows-shut: not a free-roam checklist item")
    late = ratbond("freeroam", "check", "--date", "2999-01-01")
    assert late.stderr.startswith("error: --date: 2999-01-01 is after today")
    assert free_roam_checks(cli) == []


def test_trust_log_and_trend(rats: Cli) -> None:
    assert rats("trust", "log", "pip", "--sign", "bruxing", "-s", "grooms_you").code == 0
    assert rats("trust", "log", "Pip", "-s", "takes_treat_from_hand", "--date", ago(14)).code == 0
    trend = rats("trust", "trend", "pip")
    assert trend.code == 0
    assert "Trust signs of Pip" in trend.output
    assert "█" in trend.output
    weeks = json.loads(rats("trust", "trend", "pip", "--json").output)
    assert [w["score"] for w in weeks][-1] == 5
    assert sum(w["count"] for w in weeks) == 3
    assert len(json.loads(rats("trust", "trend", "pip", "--weeks", "8", "--json").output)) == 8


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("tom", "-s", "bruxing"), "animal: 'tom' is a cat"),
        (("nobody", "-s", "bruxing"), "animal: no animal 'nobody'"),
        (("pip", "-s", "brxing"), "-s: unknown trust sign 'brxing' (did you mean 'bruxing'?)"),
        (("pip", "--sign", "brxing"), "error: --sign: unknown trust sign 'brxing'"),
        (("pip",), "sign: name at least one trust sign"),
        (("pip", "-s", "bruxing", "--date", "tomorrow"), "--date"),
    ],
)
def test_bad_trust_logs(rats: Cli, args: tuple[str, ...], message: str) -> None:
    result = rats("trust", "log", *args)
    assert result.code == 2
    assert message in result.error
    assert "Traceback" not in result.error


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # Each week back is a line: a huge count was a loop over it, or an OverflowError.
        (("--weeks", "0"), "--weeks: 0 weeks; give from 1 to 520 (ten years)"),
        (("--weeks", "521"), "--weeks: 521 weeks; give from 1 to 520 (ten years)"),
        (("--weeks", "99999999999999999999"), "--weeks: 99999999999999999999 weeks; give from"),
        # A far date was a table of every week up to it, or an OverflowError at the year 9999.
        (("--date", "9999-12-31"), "--date: 9999-12-31 is after today"),
        (("--date", "2099-01-01"), "--date: 2099-01-01 is after today"),
        (("--date", "1900-01-01"), "--date: 1900-01-01 is before 1980-01-01"),
    ],
)
def test_a_trust_trend_beyond_its_bounds_is_one_line(
    rats: Cli, args: tuple[str, ...], message: str
) -> None:
    assert rats("trust", "log", "pip", "-s", "bruxing").code == 0
    result = rats("trust", "trend", "pip", *args)
    assert (result.code, result.output) == (2, "")
    assert result.error.startswith(f"error: {message}")


@pytest.mark.parametrize("limit", ["0", "-1", "10001", "99999999999999999999"])
def test_free_roam_history_lists_from_one_to_ten_thousand(cli: Cli, limit: str) -> None:
    """0 said "No free-roam check recorded yet" of a recorded one, -1 listed every check
    (SQLite's LIMIT -1) and past 64 bits it was an OverflowError traceback."""
    items = [item.id for item in builtin_free_roam().items if item.required]
    assert cli("freeroam", "check", *(f"--yes={item}" for item in items)).code == 0
    result = cli("freeroam", "history", "--limit", limit)
    assert (result.code, result.output) == (2, "")
    assert result.error == f"error: --limit: {limit} checks; show from 1 to 10,000 (newest first)\n"
    assert "ready" in cli("freeroam", "history", "--limit", "1").output


def test_groom_with_findings_raises_an_alert_in_today(rats: Cli) -> None:
    clean = rats("groom", "pip", "--notes", "all fine")
    assert "nothing found" in clean.output
    found = rats("groom", "pip", "-f", "lump", "-f", "noisy breathing")
    assert found.code == 0
    assert "See a vet" in found.output
    today = rats("today")
    assert "ALERT" in today.output
    assert "lump or swelling, noisy breathing" in today.output


def test_groom_reads_findings_in_the_notes(rats: Cli) -> None:
    note = "found a small scab on her back and porphyrin around the eyes"
    found = rats("groom", "pip", "--notes", note)
    assert found.code == 0
    assert "Read in your notes: Cut or wound ('small scab'); recorded" in found.output
    assert found.output.count("! See a vet") == 2
    assert "cut or wound, red staining" in rats("today").output.lower()
    skipped = rats("groom", "pip", "--notes", note, "--no-read")
    assert "nothing found" in skipped.output


def test_bad_groom(rats: Cli) -> None:
    result = rats("groom", "pip", "-f", "lumpy")
    assert result.code == 2
    assert "did you mean 'lump'" in result.error
    assert rats("groom", "tom").code == 2
    assert "ALERT" not in rats("today").output


def test_weight_loss_alert_in_today(rats: Cli) -> None:
    assert rats("weigh", "pip", "300", "--date", ago(30)).code == 0
    assert rats("weigh", "pip", "270").code == 0
    assert "Pip lost 10 % of its weight" in rats("today").output


def test_care_done_and_tasks(rats: Cli) -> None:
    before = json.loads(rats("care", "tasks", "--json").output)
    assert {t["status"] for t in before["tasks"]} == {"due"}
    assert "never recorded" in rats("today").output
    done = rats("care", "done", "cage-cleaning", "--date", ago(2))
    assert done.code == 0
    assert f"next due {(TODAY + dt.timedelta(days=5)).isoformat()}" in done.output
    assert rats("weigh", "pip", "250g").code == 0  # a weighing is the weigh-in
    tasks = {
        (t["task"], t["animal"]): t
        for t in json.loads(rats("care", "tasks", "--json").output)["tasks"]
    }
    assert tasks["cage_cleaning", None]["status"] == "later"
    assert tasks["weigh_in", "pip"]["last_done"] == TODAY.isoformat()
    assert "Cage cleaning" in rats("care", "tasks").output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("cage-claening",), "task: no care task 'cage-claening' (did you mean 'cage-cleaning'?)"),
        (("cage-cleaning", "pip"), "animal: 'cage-cleaning' is done once for the whole household"),
        (("weigh-in", "tom"), "animal: 'tom' is a cat"),
    ],
)
def test_bad_care_done(rats: Cli, args: tuple[str, ...], message: str) -> None:
    result = rats("care", "done", *args)
    assert result.code == 2
    assert message in result.error


def test_help_lists_the_care_commands(cli: Cli) -> None:
    page = cli("--help").output
    for command in ("trust", "groom", "care", "freeroam"):
        assert command in page
    assert "check" in cli("freeroam", "--help").output


def test_a_weigh_in_without_a_terminal_says_how_to_give_the_weights(rats: Cli) -> None:
    refused = rats("care", "done", "weigh-in")
    assert refused.code == 2
    assert "'ratbond weigh NAME 250g'" in refused.error
    assert "Weekly weigh-in (Pip): never recorded" in rats("care", "tasks").output


def test_in_a_terminal_a_weigh_in_asks_each_rat_s_weight(rats: Cli) -> None:
    code, shown, error = in_terminal("care", "done", "weigh-in", answers="250g\n")
    assert (code, error.strip()) == (0, "")
    assert "Pip's weight (e.g. 250g, 0.55 lb)" in shown
    assert "Pip: 250 g on " in shown
    assert "Tom's weight" not in shown  # a weigh-in is for rats


def test_care_records_name_the_animal_as_the_owner_named_it(cli: Cli) -> None:
    cat_and_rat(cli)  # Pip, id pip
    assert cli("trust", "log", "pip", "-s", "bruxing").output.startswith("Logged for Pip on ")
    assert cli("groom", "PIP").output.startswith("Grooming of Pip on ")
    assert " for Pip; next due " in cli("care", "done", "health-check", "pip").output

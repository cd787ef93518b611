"""What a second trial of the CLI found: `intro list` at 80 columns and the program of each
introduction, state messages, errors naming the option typed, repeated scenario imports, and a
free-roam check without a terminal."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from ratbond.care.knowledge import builtin_free_roam
from ratbond.cli.introductions import introductions_view
from tests.cli.process import CONSOLE_SCRIPT, ROOT, run_ratbond
from tests.cli.test_household import Cli, ago


def ratbond(*args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    """`ratbond ARGS` in its own process, as a person runs it (the database and user are the
    `cli` fixture's, from the environment); standard input and output are pipes."""
    return run_ratbond(*args, stdin=stdin, NO_COLOR="1", **env)


def household(cli: Cli) -> None:
    """Four introductions, one of them paused, and ids of every length."""
    for name, species in (("Tom", "cat"), ("Mr Whiskers", "cat")):
        assert cli("animal", "add", name, "-s", species, "--prey-drive", "low").code == 0
    for name in ("Pip", "Clementine"):
        assert cli("animal", "add", name, "-s", "rat", "--arrived", ago(60)).code == 0
    for animal in ("tom", "mr-whiskers", "pip", "clementine"):
        assert cli("vet", "add", animal, "--date", ago(30)).code == 0
    for args in (
        ("cat-rat", "--cat", "tom", "--rat", "pip"),
        ("trick-spin", "--rat", "pip"),
        ("rat-human", "--rat", "clementine"),
        ("cat-rat", "--cat", "mr-whiskers", "--rat", "clementine,pip"),
    ):
        assert cli("intro", "start", *args).code == 0
    assert cli("intro", "pause", "clementine").code == 0


# --- 1. `intro list` at 80 columns, and the program of each introduction -------------------

KEYS = ("tom-pip", "pip", "clementine", "mr-whiskers-clementine-pip")
PROGRAMS = ("cat-rat", "trick-spin", "rat-human")


@pytest.mark.parametrize("columns", ["200", "80", "50"])
def test_intro_list_keeps_ids_and_programs_whole_at_any_width(cli: Cli, columns: str) -> None:
    household(cli)
    listed = ratbond("intro", "list", COLUMNS=columns)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert all(len(line) <= int(columns) for line in lines)
    words = {word.strip("│┃") for line in lines for word in line.split()}
    assert set(KEYS) | set(PROGRAMS) <= words
    # Nothing cut short: the stages, the days and the status are there in full.
    assert "…" not in listed.stdout
    for word in ("charge_clicker,", "visual,", "voice,", "today", "paused", "Clementine"):
        assert word in words, word


def test_at_80_columns_the_list_is_still_a_table(cli: Cli) -> None:
    household(cli)
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
        ("tom-pip", "cat-rat", "Tom & Pip", "active", "Repeat visual, 8 min", "today"),
        ("pip", "trick-spin", "Pip", "paused", "Start charge_clicker, 2 min", ""),
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
    assert "  Next: Start charge_clicker, 2 min" in narrow
    assert "  Next: Repeat visual, 8 min — today" in narrow


def test_history_and_archive_name_the_program(cli: Cli) -> None:
    household(cli)
    assert cli("log", "pip", "--minutes", "2", "--attempts", "5", "--rewarded", "4").code == 0
    assert "pip (trick-spin) — Pip" in cli("history", "pip").output
    archived = cli("animal", "archive", "clementine", "--as", "rehomed")
    assert archived.code == 0
    assert (
        "Stopped introductions: clementine (rat-human), mr-whiskers-clementine-pip (cat-rat)"
        in archived.output
    )


# --- 2. State messages: what, and what to do ------------------------------------------------


def test_pausing_a_paused_introduction_says_how_to_resume_it(cli: Cli) -> None:
    household(cli)
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
    household(cli)
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
    assert "the advice is 'start' at 'charge_clicker'" in early.error


def test_logging_step_by_step_on_a_paused_introduction_says_how_to_resume(cli: Cli) -> None:
    household(cli)
    refused = cli("log", "clementine", input="")
    assert refused.code == 2
    assert refused.error == (
        "introduction 'clementine' is paused, so nothing can be logged; resume it first: "
        "ratbond intro resume clementine"
    )


# --- 3. An error in an option the user typed names that option, as typed -------------------


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("vet", "add", "pip", "--date", "2999-01-01"), "--date: 2999-01-01 is after today"),
        (("weigh", "pip", "300", "--date=2999-01-01"), "--date: 2999-01-01 is after today"),
        (("animal", "add", "Zed", "-s", "dog"), "-s: unknown species"),
        (("animal", "add", "Zed", "--species", "dog"), "--species: unknown species"),
        (
            ("animal", "add", "Zed", "-s", "rat", "--prey-drive", "low"),
            "--prey-drive: only cats have a prey drive",
        ),
        (("animal", "edit", "pip", "--born", "2999-01-01"), "--born: 2999-01-01 is after today"),
        (("animal", "archive", "pip", "--as", "gone"), "--as: 'gone' is not an archive status"),
        (("intro", "start", "cat-rat", "--cat", "pip", "--rat", "tom"), "--cat: 'pip' is a rat"),
        (
            ("intro", "start", "rat-rat", "--newcomer", "clementine", "--residents", "pip,tom"),
            "--residents: 'tom' is a cat",
        ),
        (
            ("intro", "start", "rat-rat", "--newcomer", "clementine", "--resident", "tom"),
            "--resident: 'tom' is a cat",
        ),
        (
            ("intro", "start", "trick-fetch", "--rat", "pip", "--started", "2999-01-01"),
            "--started: 2999-01-01 is after today",
        ),
        (("log", "tom-pip", "--minutes", "5", "--signal", "tom:hiss"), "--signal: unknown signal"),
        (("trust", "log", "pip", "-s", "bruxing", "--date", "2999-01-01"), "--date: 2999-01-01"),
        (("groom", "pip", "-f", "lumpy"), "-f: unknown finding 'lumpy'"),
        (("care", "done", "weigh-in", "--date", "2999-01-01"), "--date: 2999-01-01 is after"),
        (("freeroam", "check", "--no", "cats-elswhere"), "--no cats-elswhere: not a free-roam"),
    ],
)
def test_a_mistake_in_a_typed_option_names_the_option(
    cli: Cli, args: tuple[str, ...], error: str
) -> None:
    household(cli)
    before = cli("export").output
    outcome = cli(*args)
    assert outcome.code == 2
    assert outcome.error.removeprefix("error: ").startswith(error), outcome.error
    assert cli("export").output == before


def test_a_field_no_option_gave_keeps_its_name(cli: Cli) -> None:
    household(cli)
    # `--clear species`: the species is the animal's, not an option's value.
    cleared = cli("animal", "edit", "pip", "--clear", "species")
    assert cleared.error.startswith("species: 'pip' already takes part in an introduction")
    # An option left out that the store asks for is named as the option to give.
    assert cli("intro", "start", "cat-rat", "--cat", "tom").error.startswith("--rat: name the")
    assert cli("log", "pip", "--minutes", "2").error.startswith("--attempts: required")
    weighed = cli("care", "done", "weigh-in", "tom").error  # `tom` is an argument
    assert weighed.startswith("error: animal: 'tom' is a cat")


def test_the_option_is_named_in_a_real_run_too(cli: Cli) -> None:
    household(cli)
    done = ratbond("animal", "add", "Zed", "--species", "rat", "--origin", "shop")
    assert done.returncode == 2
    assert done.stderr == (
        "error: --origin: unknown origin \"shop\"; expected one of 'breeder', 'pet_store', "
        "'rescue', 'unknown'\n"
    )


# --- 4. Importing the same scenario twice --------------------------------------------------


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    """The README's first week as a scenario file (dated by the real today on import)."""
    document = json.loads((ROOT / "examples" / "cat-rat-first-week.json").read_text())
    document.pop("today")
    path = tmp_path / "first week.json"
    path.write_text(json.dumps(document))
    return path


def test_importing_the_same_scenario_again_is_refused_and_says_how(
    cli: Cli, scenario: Path
) -> None:
    first = cli("import", str(scenario))
    assert first.code == 0
    assert first.output.splitlines() == [
        "Imported introduction tom-pip (cat-rat) with 3 sessions (2 new animals).",
        "See: ratbond next tom-pip",
    ]
    before = cli("export").output
    again = cli("import", str(scenario))
    assert again.code == 2
    assert again.error == (
        f"{scenario}: this scenario is already in the database as introduction 'tom-pip' "
        "(cat-rat, the same animals in the same roles, the same 3 sessions); nothing was "
        "imported. If you mean to have it twice, import it again as another introduction: "
        f"ratbond import '{scenario}' --again"
    )
    assert cli("export").output == before
    twice = cli("import", str(scenario), "--again")
    assert twice.code == 0
    assert twice.output.splitlines() == [
        "Imported introduction tom-pip-2 (cat-rat) with 3 sessions (0 new animals).",
        "Its id is tom-pip-2, not tom-pip: another introduction has that one (ratbond intro "
        "show tom-pip). To choose the id, import with --id.",
        "See: ratbond next tom-pip-2",
    ]


def test_another_scenario_of_the_same_animals_says_its_id_was_taken(
    cli: Cli, scenario: Path, tmp_path: Path
) -> None:
    assert cli("import", str(scenario)).code == 0
    shorter = json.loads(scenario.read_text())
    shorter["sessions"] = shorter["sessions"][:1]
    other = tmp_path / "other.json"
    # An earlier copy of the same history is the same introduction...
    other.write_text(json.dumps(shorter))
    earlier = cli("import", str(other))
    assert earlier.code == 2
    assert (
        "(cat-rat, the same animals in the same roles, the file's 1 session and 2 logged since)"
        in earlier.error
    )
    # ... a different one is not.
    shorter["sessions"][0]["minutes"] = 4
    other.write_text(json.dumps(shorter))
    imported = cli("import", str(other))
    assert imported.code == 0
    assert "Its id is tom-pip-2, not tom-pip" in imported.output
    taken = cli("import", str(other), "--id", "tom-pip", "--again")
    assert taken.code == 2
    assert taken.error == "--id: an introduction with the id 'tom-pip' already exists"
    named = cli("import", str(other), "--id", "evenings", "--again")
    assert named.code == 0
    assert "Its id is" not in named.output
    assert (
        "Imported introduction evenings (cat-rat) with 1 session (0 new animals)." in named.output
    )


# --- 5. A free-roam check without a terminal ------------------------------------------------

# The checklist's required items, as the CLI names them.
REQUIRED = tuple(item.id.replace("_", "-") for item in builtin_free_roam().items if item.required)


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


def in_terminal(*args: str, answers: str = "") -> tuple[int, str, str]:
    """`ratbond ARGS` with a terminal for standard input and output (a pseudo-terminal that
    `answers` are typed into): the exit status, what the terminal showed, standard error."""
    import pty  # POSIX only, as the terminal is

    leader, follower = pty.openpty()
    environ = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    process = subprocess.Popen(
        [sys.executable, "-c", CONSOLE_SCRIPT, *args],
        stdin=follower,
        stdout=follower,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=environ,
    )
    os.close(follower)
    os.write(leader, answers.encode())
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    _, error = process.communicate(timeout=60)
    styles = re.compile(r"\x1b\[[0-9;]*m")  # bold and dim stay on with NO_COLOR
    return process.returncode, styles.sub("", shown.decode()), error


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

"""The everyday commands through Typer's runner, on a temporary database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import Cli, ago
from tests.store.helpers import without_the_import


def household(cli: Cli) -> None:
    assert cli("animal", "add", "Tom", "--species", "cat", "--prey-drive", "moderate").code == 0
    assert cli("animal", "add", "Pip", "-s", "rat", "--origin", "breeder").code == 0
    assert cli("vet", "add", "tom", "--date", ago(30), "--vet", "Dr Lee").code == 0
    assert cli("vet", "add", "PIP", "--date", ago(30)).code == 0
    assert cli("intro", "start", "cat-rat", "--cat", "Tom", "--rat", "pip").code == 0


def test_animal_commands(cli: Cli) -> None:
    added = cli("animal", "add", "Mr Whiskers", "--species", "cat", "--markings", "tabby")
    assert added.code == 0
    assert "id mr-whiskers" in added.output
    assert "assess its prey drive" in added.output
    assert "mr-whiskers" in cli("animal", "list").output
    edited = cli("animal", "edit", "MR WHISKERS", "--prey-drive", "low")
    assert "version 2" in edited.output
    shown = cli("animal", "show", "mr-whiskers")
    assert "tabby" in shown.output
    assert "low" in shown.output
    assert cli("weigh", "mr whiskers", "4200").code == 0
    assert "4200" in cli("animal", "show", "mr-whiskers").output
    archived = cli("animal", "archive", "mr-whiskers", "--status", "rehomed")
    assert "rehomed" in archived.output
    assert "mr-whiskers" not in cli("animal", "list").output
    assert "rehomed" in cli("animal", "list", "--all").output


def test_log_with_options_prints_the_advice_alerts_first(cli: Cli) -> None:
    household(cli)
    calm = cli("log", "tom-pip", "--minutes", "5", "--signal", "tom:ears_forward", "--date", ago(1))
    assert calm.code == 0
    assert "calm" in calm.output
    assert "Next: Repeat Seeing each other, 8 min" in calm.output
    hissed = cli("log", "Tom-Pip", "--minutes", "8", "--signal", "tom:hissing,ears_flat")
    lines = hissed.output.splitlines()
    assert "aggression" in lines[0]
    assert lines[1].startswith("! Step in now")
    assert any(line.startswith("Next: Repeat Seeing each other, 5 min") for line in lines)
    history = cli("history", "tom-pip").output
    assert "calm" in history
    assert "aggression" in history
    assert "tester" in history
    assert "Step in now" in cli("next", "tom-pip").output


def test_log_asks_step_by_step_with_no_options(cli: Cli) -> None:
    household(cli)
    # Date, stage, minutes (Enter keeps the defaults), watched, Tom's signals, Pip's, notes.
    answers = "\n".join(["", "", "", "y", "3, slow_blink", "relaxed", "sat nicely"]) + "\n"
    asked = cli("log", "tom-pip", input=answers)
    assert asked.code == 0, asked.output
    assert "What did Tom do?" in asked.output
    assert "What did Pip do?" in asked.output
    assert "aggression" in asked.output  # the classes are shown, grouped
    assert "Logged session 1 of tom-pip" in asked.output
    history = cli("history", "tom-pip").output
    assert "slow_blink" in history
    assert "sat nicely" in history


def test_today_sorts_by_urgency(cli: Cli) -> None:
    household(cli)
    for name in ("Ada", "Bo"):
        cli("animal", "add", name, "-s", "rat", "--arrived", ago(100))
    cli("animal", "add", "Cy", "-s", "rat", "--arrived", ago(3))
    cli("intro", "start", "rat-rat", "--newcomer", "cy", "--resident", "ada", "--resident", "bo")
    cli("animal", "add", "Rex", "-s", "cat", "--prey-drive", "high")
    cli("animal", "add", "Dot", "-s", "rat")
    cli("intro", "start", "cat-rat", "--cat", "rex", "--rat", "dot")
    cli("log", "tom-pip", "--minutes", "5", "--signal", "tom:lunging")
    plan = cli("today").output
    order = [plan.index(key) for key in ("tom-pip", "rex-dot", "cy-ada-bo")]
    assert order == sorted(order)
    assert "Quarantine ends in 11 days" in plan
    assert "Vet check needed" in plan


def test_pause_resume_and_stopped(cli: Cli) -> None:
    household(cli)
    assert "paused" in cli("intro", "pause", "tom-pip").output
    refused = cli("log", "tom-pip", "--minutes", "5")
    assert refused.code == 2
    assert "resume it first" in refused.error
    cli("intro", "resume", "tom-pip")
    cli("intro", "stop", "tom-pip")
    stopped = cli("log", "tom-pip", "--minutes", "5")
    assert stopped.code == 2
    assert "is stopped" in stopped.error
    assert "stopped" in cli("intro", "list", "--all").output


def test_bad_input_is_one_message_and_nothing_written(cli: Cli) -> None:
    household(cli)
    cases = [
        (("intro", "start", "cat-rat", "--cat", "pip", "--rat", "tom"), "the cat role needs a cat"),
        (("log", "tom-pip", "--minutes", "5", "--signal", "tom:hiss"), "did you mean 'hissing'"),
        (("log", "tom-pip", "--minutes", "5", "--date", "2999-01-01"), "is after today"),
        (("log", "nobody", "--minutes", "5"), "no introduction 'nobody'"),
        (("weigh", "garfield", "300"), "no animal 'garfield'"),
        (("log", "tom-pip", "--signal", "tom"), "should be ANIMAL:SIGNAL"),
    ]
    before = cli("export").output
    for args, message in cases:
        outcome = cli(*args)
        assert outcome.code == 2, args
        assert message in outcome.error
    assert cli("export").output == before


def test_export_import_round_trip(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    household(cli)
    cli("log", "tom-pip", "--minutes", "5", "--signal", "tom:ears_forward", "--notes", "good")
    exported = cli("export", str(tmp_path / "out.json"))
    assert "Exported 2 animals, 1 introduction and 1 session" in exported.output
    monkeypatch.setenv("RATBOND_DATABASE_URL", f"sqlite:///{tmp_path / 'copy.db'}")
    assert cli("import", str(tmp_path / "out.json")).code == 0
    # The copy's trail holds one entry more: the import itself.
    assert without_the_import(cli("export").output) == (tmp_path / "out.json").read_text()


def test_a_scenario_file_imports_and_a_bad_file_does_not(cli: Cli, tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "cat-rat-first-week.json"
    document = json.loads(example.read_text())
    document.pop("today")
    scenario = tmp_path / "scenario.json"
    scenario.write_text(json.dumps(document))
    imported = cli("import", str(scenario), "--id", "first-week")
    assert "Imported introduction first-week (cat-rat) with 3 sessions" in imported.output
    broken = tmp_path / "broken.json"
    broken.write_text('{"program": "cat-rat", "animals": [')
    before = cli("export").output
    outcome = cli("import", str(broken))
    assert outcome.code == 2
    assert "not valid JSON" in outcome.error
    assert cli("export").output == before


def test_backup_copies_the_database(cli: Cli, tmp_path: Path) -> None:
    household(cli)
    assert cli("backup", str(tmp_path / "copy.db")).code == 0
    assert (tmp_path / "copy.db").stat().st_size > 0
    again = cli("backup", str(tmp_path / "copy.db"))
    assert again.code == 2


def test_the_installed_command_exits_2_with_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "RATBOND_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    ratbond = Path(sys.executable).parent / "ratbond"
    done = subprocess.run(
        [str(ratbond), "animal", "show", "nobody"], capture_output=True, text=True, env=env
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "error: no animal 'nobody'; see 'ratbond animal list'"
    ]


def test_starting_names_each_role_once_with_its_animals(cli: Cli) -> None:
    for name in ("Nova", "Rex", "Max"):
        assert cli("animal", "add", name, "--species", "rat", "--arrived", "2026-10-01").code == 0
    started = cli(
        "intro", "start", "rat-rat", "--newcomer", "nova", "--resident", "rex", "--resident", "max"
    )
    assert started.code == 0, started.error
    assert "newcomer Nova; residents Rex, Max" in started.output


def test_several_animals_of_a_role_may_be_given_with_commas(cli: Cli) -> None:
    for name in ("Nova", "Rex", "Max"):
        assert cli("animal", "add", name, "--species", "rat", "--arrived", "2026-10-01").code == 0
    started = cli("intro", "start", "rat-rat", "--newcomer", "nova", "--residents", "rex, max")
    assert started.code == 0, started.error
    assert "residents Rex, Max" in started.output


def test_log_says_what_it_read_in_the_notes(cli: Cli) -> None:
    household(cli)
    logged = cli("log", "tom-pip", "--minutes", "5", "--notes", "Tom hissed; Pip froze.")
    assert logged.code == 0, logged.error
    assert "Read in your notes: Tom: hissing; Pip: freezing" in logged.output
    quiet = cli("log", "tom-pip", "--minutes", "5", "--notes", "A quiet evening.")
    assert "Read in your notes" not in quiet.output


def test_animal_list_leaves_out_columns_nobody_filled_in(cli: Cli) -> None:
    assert cli("animal", "add", "Pip", "--species", "rat").code == 0
    listed = cli("animal", "list").output
    assert "species" in listed
    assert "born" not in listed
    assert "markings" not in listed
    assert "status" not in listed  # without --all every animal listed is active
    assert "status" in cli("animal", "list", "--all").output


def test_notes_parse_reads_a_note_against_a_stored_introduction(cli: Cli) -> None:
    household(cli)
    done = cli("notes", "parse", "--intro", "tom-pip", "Tom never hissed but Pip froze")
    assert done.code == 0, done.error
    read = json.loads(done.output)
    assert read["signals"] == {"pip": ["freezing"]}
    assert {"text": "hissed", "animal": "tom", "negated": True}.items() <= read["spans"][0].items()
    unknown = cli("notes", "parse", "--intro", "nobody", "Tom hissed")
    assert unknown.code == 2
    assert "no introduction 'nobody'" in unknown.error

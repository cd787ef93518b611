"""`ratbond import` of a scenario file: the same scenario twice is refused and says how to
import it anyway; another scenario of the same animals gets an id of its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import Cli
from tests.cli.process import ROOT


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


def test_a_diary_imports_into_an_introduction_whole_or_not_at_all(cli: Cli, tmp_path: Path) -> None:
    from tests.cli.helpers import ago, cat_and_rat, numbers

    cat_and_rat(cli)
    diary = tmp_path / "diary.csv"
    diary.write_text(
        "date,minutes,signals,notes\n"
        f"{ago(5)},5,tom:slow_blink pip:relaxed,\n"
        f"{ago(4)},,,Tom watched quietly\n"
    )
    imported = cli("import", str(diary), "--into", "tom-pip")
    assert imported.code == 0
    assert imported.output.splitlines() == [
        f"Imported 2 sessions ({ago(5)} to {ago(4)}) into tom-pip.",
        "See: ratbond next tom-pip",
    ]
    assert numbers(cli("history", "tom-pip").output) == ["1", "2"]
    diary.write_text(f"date,minutes\n{ago(3)},5\n{ago(2)},-1\n")
    refused = cli("import", str(diary), "--into", "tom-pip")
    assert refused.code == 2
    assert refused.error.startswith(f"{diary}: line 3, minutes")
    assert numbers(cli("history", "tom-pip").output) == ["1", "2"]


def test_export_and_import_count_withdrawn_sessions_alike(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.cli.helpers import ago, cat_and_rat

    cat_and_rat(cli)
    for days in (2, 1):
        assert cli("log", "tom-pip", "--date", ago(days)).code == 0
    assert cli("unlog", "tom-pip", "1", "--yes").code == 0
    file = tmp_path / "all.jsonl"
    exported = cli("export", str(file))
    assert exported.output.strip() == (
        f"Exported 2 animals, 1 introduction and 2 sessions (1 withdrawn) to {file}."
    )
    monkeypatch.setenv("RATBOND_DATABASE_URL", f"sqlite:///{tmp_path / 'copy.db'}")
    imported = cli("import", str(file))
    assert imported.output.strip() == (
        "Imported 2 animals, 1 introduction and 2 sessions (1 withdrawn)."
    )


def test_restore_asks_for_yes_before_replacing_records(cli: Cli, tmp_path: Path) -> None:
    from tests.cli.helpers import cat_and_rat, numbers

    cat_and_rat(cli)
    backup = tmp_path / "backup.db"
    assert cli("backup", str(backup)).code == 0
    assert cli("log", "tom-pip", "--minutes", "5").code == 0
    refused = cli("restore", str(backup))
    assert refused.code == 2
    assert refused.error.endswith(
        f"nothing was changed. To replace them: ratbond restore {backup} --yes"
    )
    assert numbers(cli("history", "tom-pip").output) == ["1"]
    restored = cli("restore", str(backup), "--yes")
    assert restored.code == 0
    assert "2 animals, 1 introduction and 0 sessions" in " ".join(restored.output.split())
    assert "No sessions logged" in cli("history", "tom-pip").output


def test_restore_refuses_a_backup_of_a_newer_ratbond(cli: Cli, tmp_path: Path) -> None:
    """Restored, it would leave a database this ratbond cannot open (a traceback each run)."""
    import sqlite3

    from tests.cli.helpers import cat_and_rat

    cat_and_rat(cli)
    backup = tmp_path / "backup.db"
    assert cli("backup", str(backup)).code == 0
    with sqlite3.connect(backup) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    connection.close()
    refused = cli("restore", str(backup), "--yes")
    assert refused.code == 2
    assert refused.error.startswith(f"{backup} was written by a newer ratbond (schema revision")
    assert refused.error.endswith("upgrade ratbond to use it; nothing was changed")
    assert cli("animal", "list").code == 0


def test_a_files_own_field_is_never_named_as_an_option(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`import` has --id and --again: neither a field of the file (an export's `animals.id`)
    nor the file's name (`id.csv`, `again.csv`) is a reason to blame an option not typed."""
    from tests.cli.helpers import cat_and_rat

    cat_and_rat(cli)
    for name in ("id.csv", "again.csv"):
        diary = tmp_path / name
        diary.write_text("date,minutes\n2026-11-01,five\n")
        refused = cli("import", str(diary), "--into", "tom-pip")
        assert refused.code == 2
        assert refused.error == f"{diary}: line 2, minutes: 'five' is not a number of minutes"
    export = tmp_path / "export.jsonl"
    assert cli("export", str(export)).code == 0
    lines = export.read_text().splitlines()
    row = json.loads(lines[1])
    row["row"]["id"] = "one"
    edited = tmp_path / "edited.jsonl"
    edited.write_text("\n".join([lines[0], json.dumps(row), *lines[2:]]) + "\n")
    monkeypatch.setenv("RATBOND_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    refused = cli("import", str(edited))
    assert refused.code == 2
    assert refused.error == f"{edited}: line 2, animals.id: expected a whole number"


def test_a_backup_that_cannot_be_written_is_one_line(cli: Cli) -> None:
    """/proc is a folder no one can make a file in, root included: was sqlite3's traceback."""
    from tests.cli.helpers import cat_and_rat

    cat_and_rat(cli)
    refused = cli("backup", "/proc/ratbond-backup.db")
    assert refused.code == 2
    assert refused.error == (
        "/proc/ratbond-backup.db: the copy cannot be written (unable to open database file); "
        "nothing was copied. Choose a file in a folder you can write to, on a disk with room"
    )


def test_a_folder_given_as_a_diary_is_one_line(cli: Cli, tmp_path: Path) -> None:
    """Was an IsADirectoryError traceback."""
    from tests.cli.helpers import cat_and_rat

    cat_and_rat(cli)
    refused = cli("import", str(tmp_path), "--into", "tom-pip")
    assert refused.code == 2
    assert refused.error == f"{tmp_path}: cannot be read (Is a directory)"


@pytest.mark.parametrize("given", ["/dev/null", "folder"])
def test_restoring_a_folder_or_a_device_says_what_it_is(
    cli: Cli, tmp_path: Path, given: str
) -> None:
    """They were 'no such file', of something that is there."""
    source = tmp_path if given == "folder" else Path(given)
    refused = cli("restore", str(source), "--yes")
    assert refused.code == 2
    assert refused.error == (
        f"{source}: a folder or a device, not a file; restore a copy made by 'ratbond backup'"
    )


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["import", ""], "file"),
        (["import", " ", "--into", "tom-pip"], "file"),
        (["backup", ""], "file"),
        (["restore", "", "--yes"], "file"),
        (["export", ""], "FILE|-"),
        (["programs", "show", "--program-file", ""], "--program-file"),
    ],
)
def test_an_empty_file_name_is_refused_as_empty(cli: Cli, command: list[str], shown: str) -> None:
    """`Path("")` is the current folder: `import ""` said '.: cannot be read (Is a directory)'."""
    refused = cli(*command)
    assert refused.code == 2
    assert f"Invalid value for '{shown}': is empty; give the path of a file" in refused.error


def test_a_diary_with_only_its_header_is_refused(cli: Cli, tmp_path: Path) -> None:
    """It was 'Imported 0 sessions' with exit 0."""
    from tests.cli.helpers import cat_and_rat

    cat_and_rat(cli)
    diary = tmp_path / "diary.csv"
    diary.write_text("date,minutes,notes\n")
    refused = cli("import", str(diary), "--into", "tom-pip")
    assert refused.code == 2
    assert refused.error == (
        f"{diary}: a header row and no session; add a row under the header for each session"
    )

"""Mistakes on the command line itself, in a real process: one line on stderr and exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ratbond import __version__
from ratbond.cli.app import COMMANDS
from tests.cli.process import CONSOLE_SCRIPT

RATBOND = [sys.executable, "-c", CONSOLE_SCRIPT]


def ratbond(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "RATBOND_DATABASE_URL": f"sqlite:///{tmp_path / 'ratbond.db'}",
        "RATBOND_CACHE_DIR": str(tmp_path / "cache"),
    }
    return subprocess.run(
        [*RATBOND, *args], input=stdin, capture_output=True, text=True, check=False, env=env
    )


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("weigh", "pip"), "Missing argument 'WEIGHT'"),
        (("care", "nonsense"), "No such command 'nonsense'"),
        (("animal", "add"), "Missing argument 'name'"),
        (("log", "pip", "--minuts", "5"), "No such option: --minuts"),
        (("hisotry", "pip"), "No such command 'hisotry'. Did you mean 'history'?"),
        # A day typed without its option: the command's date options, ready to type.
        (("vet", "add", "tom", "2026-11-20"), "(2026-11-20); a day goes after its option: --date"),
        (("animal", "add", "Pip", "-s", "rat", "today"), "option: --born today or --arrived today"),
    ],
)
def test_a_usage_mistake_is_one_line_naming_the_help(
    tmp_path: Path, args: tuple[str, ...], says: str
) -> None:
    done = ratbond(tmp_path, *args)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error: ")
    assert says in lines[0]
    assert "--help" in lines[0]
    assert "Traceback" not in done.stderr


def test_input_ending_in_the_middle_of_the_questions_saves_nothing(tmp_path: Path) -> None:
    added = ratbond(tmp_path, "animal", "add", "Pip", "--species", "rat", "--arrived", "2026-01-05")
    assert added.returncode == 0
    assert ratbond(tmp_path, "intro", "start", "rat-human", "--rat", "pip").returncode == 0
    done = ratbond(tmp_path, "log", "pip", stdin="")
    assert done.returncode == 2
    assert "the input ended before every question was answered" in done.stderr
    assert "Traceback" not in done.stderr
    assert "No sessions logged" in ratbond(tmp_path, "history", "pip").stdout


def test_no_command_shows_the_help_and_is_not_a_mistake(tmp_path: Path) -> None:
    done = ratbond(tmp_path)
    assert done.returncode == 0
    assert "Usage: " in done.stdout
    assert done.stderr == ""


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("animal", "show", "nobody"), "error: no animal 'nobody'; see 'ratbond animal list'"),
        (("next", "nope"), "error: no introduction 'nope'; see 'ratbond intro list'"),
        (("programs", "show", "rat-hooman"), "error: unknown program 'rat-hooman'"),
    ],
)
def test_something_that_does_not_exist_is_one_line(
    tmp_path: Path, args: tuple[str, ...], says: str
) -> None:
    done = ratbond(tmp_path, *args)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert done.stderr.startswith(says)


def test_version_prints_the_package_version(tmp_path: Path) -> None:
    done = ratbond(tmp_path, "--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"ratbond {__version__}\n", "")


def test_help_lists_every_command_without_opening_the_database() -> None:
    # The list of commands is all `--help` shows: it has no reason to load SQLAlchemy.
    probe = (
        "import sys; sys.argv = ['ratbond', '--help']\n"
        "from ratbond.cli.entry import main\n"
        "try: main()\n"
        "except SystemExit as done: assert done.code == 0, done.code\n"
        "print('sqlalchemy' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "250"},
    )
    assert done.stderr == "False\n"
    listed = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("│ ")]
    assert [c.name for c in COMMANDS] == [name for name in listed if not name.startswith("-")]


def test_an_argument_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [*RATBOND, "animal", "add", b"P\xffip", "--species", "rat"],
        capture_output=True,
        check=False,
        env={**os.environ, "RATBOND_DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}"},
    )
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "error: 'P\\xffip' is not UTF-8 text; type it again"
    ]


def test_a_file_that_never_ends_is_refused_at_once(tmp_path: Path) -> None:
    for command in ("import", "evaluate"):
        done = ratbond(tmp_path, command, "/dev/zero")
        assert done.returncode == 2
        assert len(done.stderr.strip().splitlines()) == 1
        assert "/dev/zero: " in done.stderr
        assert "characters" in done.stderr

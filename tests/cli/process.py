"""`ratbond` in a process of its own, as a person runs it from a shell, for the CLI tests."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONSOLE_SCRIPT = "from ratbond.cli.entry import main; main()"
"""What the `ratbond` console script runs: `evaluate FILE` goes to the engine alone, every
other command (and `evaluate --help`) to Typer."""


def plain_environment(**env: str) -> dict[str, str]:
    """This environment with `env` added, less the variables that force colour on a pipe."""
    environ = {**os.environ, **env}
    for forcing in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        environ.pop(forcing, None)
    return environ


def run_ratbond(
    *args: str, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """`ratbond ARGS` as the console script runs it, its standard streams pipes (`stdin` typed
    into the first), in the project folder, with `plain_environment(**env)`."""
    return subprocess.run(
        [sys.executable, "-c", CONSOLE_SCRIPT, *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=plain_environment(**env),
    )


def ratbond(*args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    """`ratbond ARGS` in its own process without colour, as a person runs it (the database and
    user come from the environment, e.g. the `cli` fixture's); standard streams are pipes."""
    return run_ratbond(*args, stdin=stdin, NO_COLOR="1", **env)


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

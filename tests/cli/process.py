"""`ratbond` in a process of its own, as a person runs it from a shell, for the CLI tests."""

from __future__ import annotations

import os
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

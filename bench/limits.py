"""Benchmark input at the limits (`ratbond.limits`) against typical input, as whole processes.

Run: `.venv/bin/python bench/limits.py` (writes its section of docs/benchmarks.md).
Targets: adding an animal with the longest name allowed costs at most 5 times adding one with a
short name; a file far over the size limit (50 MB of NUL bytes with no line break, or
`/dev/zero`, which never ends) is refused by `evaluate` and `import` in at most 5 times the
time the same command takes on a typical scenario (an import into a new database each run).
These were timed unit tests until session 22; timings belong here, not in the test suite.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.report import write_section  # noqa: E402
from ratbond.limits import MAX_NAME  # noqa: E402

RUNS = 7
TARGET = 5.0
RATBOND = str(ROOT / ".venv" / "bin" / "ratbond")


def write_inputs(folder: Path) -> tuple[Path, Path]:
    """A typical scenario and a file far over the size limit (50 MB of NUL bytes, no line
    break) in `folder`: the inputs measured here and checked in tests/test_limits.py."""
    scenario = folder / "typical.json"
    scenario.write_text(
        json.dumps(
            {
                "program": "rat-human",
                "animals": [{"id": "pip", "species": "rat", "arrived": "2026-01-01"}],
                "roles": {"rat": ["pip"]},
            }
        ),
        encoding="utf-8",
    )
    huge = folder / "huge.json"
    with huge.open("wb") as file:
        file.truncate(50_000_000)
    return scenario, huge


def median_seconds(
    command: Callable[[int], list[str]], env: Callable[[int], dict[str, str]], code: int
) -> float:
    """The median wall time of `RUNS` runs of a command (made anew for each run, with its
    environment) that must exit with `code`."""
    times = []
    for run in range(RUNS):
        args = command(run)
        started = time.perf_counter()
        done = subprocess.run(args, env=env(run), capture_output=True, check=False)
        times.append(time.perf_counter() - started)
        if done.returncode != code:
            raise SystemExit(f"{' '.join(args)} exited {done.returncode}, not {code}")
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        shared = {**os.environ, "RATBOND_DATABASE_URL": f"sqlite:///{work / 'bench.db'}"}

        def env(_: int) -> dict[str, str]:
            return shared

        def fresh(run: int) -> dict[str, str]:
            # a new database for each import, as an import needs an empty one
            return {**os.environ, "RATBOND_DATABASE_URL": f"sqlite:///{work / f'new{run}.db'}"}

        scenario, huge = write_inputs(work)
        typical = {
            command: median_seconds(
                lambda _, command=command: [RATBOND, command, str(scenario)],
                env if command == "evaluate" else fresh,
                0,
            )
            for command in ("evaluate", "import")
        }
        refused = {
            (command, label): median_seconds(
                lambda _, command=command, path=path: [RATBOND, command, path], fresh, 2
            )
            for command in ("evaluate", "import")
            for label, path in (("HUGE (50 MB)", str(huge)), ("/dev/zero", "/dev/zero"))
        }

        def add(name: str, prefix: str) -> Callable[[int], list[str]]:
            return lambda run: [
                *(RATBOND, "animal", "add", name, "--species", "rat"),
                *("--id", f"{prefix}{run}"),
            ]

        subprocess.run(add("Warm", "warm")(0), env=shared, capture_output=True, check=True)
        short = median_seconds(add("Pip", "short"), env, 0)
        longest = median_seconds(add("Ñ" * MAX_NAME, "long"), env, 0)

    def row(label: str, seconds: float, reference: float) -> str:
        ratio = seconds / reference
        verdict = "met" if ratio <= TARGET else "missed"
        return f"| {label} | {seconds * 1000:.0f} ms | {ratio:.2f} | {verdict} (<= {TARGET:.0f}) |"

    lines = [
        f"Medians of {RUNS} runs of each command as a whole process, on SQLite.",
        "",
        "| command | median | ratio to its reference | target |",
        "|---|---|---|---|",
        *(
            line
            for command in ("evaluate", "import")
            for line in (
                f"| `ratbond {command} TYPICAL` (reference) | "
                f"{typical[command] * 1000:.0f} ms | 1.00 | |",
                *(
                    row(f"`ratbond {command} {label}`", seconds, typical[command])
                    for (done, label), seconds in refused.items()
                    if done == command
                ),
            )
        ),
        f"| `ratbond animal add Pip` (reference) | {short * 1000:.0f} ms | 1.00 | |",
        row(f"`ratbond animal add` with a {MAX_NAME}-character name", longest, short),
    ]
    write_section("limits", "Input at the limits (bench/limits.py)", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()

"""Benchmark the advice engine: replay speed by history length, and `ratbond evaluate` start-up.

Run: `.venv/bin/python bench/engine.py` (writes its section of docs/benchmarks.md).
Targets: >= 200,000 sessions replayed per second on one core (a 1,000-session history in 5 ms or
less), cost linear in history length, and the whole `ratbond evaluate` process at most 5 times a
bare `python -c pass` (issue 13), both measured side by side in this run.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.report import write_section  # noqa: E402
from ratbond.engine import Engine  # noqa: E402
from ratbond.programs import builtin_programs, builtin_vocabulary  # noqa: E402
from ratbond.scenario import parse_scenario  # noqa: E402

TODAY = dt.date(2026, 11, 20)
SIZES = (10, 100, 1_000, 10_000)
CALM = {"tom": ["slow_blink", "ears_forward"], "pip": ["relaxed", "exploring"]}
TENSE = {"tom": ["hissing", "ears_flat"], "pip": ["hiding"]}


def history(size: int) -> dict[str, Any]:
    """A long cat-rat history: mostly calm visual sessions with a tense one every fifth day."""
    first = TODAY - dt.timedelta(days=size)
    sessions = [
        {
            "date": (first + dt.timedelta(days=i)).isoformat(),
            "stage": "visual",
            "minutes": 5 + i % 10,
            "signals": TENSE if i % 5 == 4 else CALM,
        }
        for i in range(size)
    ]
    return {
        "program": "cat-rat",
        "today": TODAY.isoformat(),
        "animals": [
            {"id": "tom", "species": "cat", "prey_drive": "low", "health_check": "2026-10-01"},
            {"id": "pip", "species": "rat", "arrived": "2020-01-01", "health_check": "2026-10-01"},
        ],
        "roles": {"cat": ["tom"], "rat": ["pip"]},
        "sessions": sessions,
    }


def median_seconds(action: Any, budget: float = 1.0, rounds: int = 7) -> float:
    """Median time of one call: each round repeats the call for about budget/rounds seconds."""
    action()
    start = time.perf_counter()
    action()
    once = max(time.perf_counter() - start, 1e-7)
    repeat = max(1, int(budget / rounds / once))
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            action()
        samples.append((time.perf_counter() - start) / repeat)
    return statistics.median(samples)


def replay_rows() -> tuple[list[str], float]:
    vocabulary, programs = builtin_vocabulary(), builtin_programs()
    engine = Engine(programs["cat-rat"], vocabulary)
    rows, per_thousand = [], 0.0
    for size in SIZES:
        document = history(size)
        text = json.dumps(document)
        scenario = parse_scenario(document, vocabulary, programs, TODAY)
        replay = median_seconds(lambda s=scenario: engine.advise(s))
        full = median_seconds(
            lambda t=text: parse_scenario(json.loads(t), vocabulary, programs, TODAY)
        )
        if size == 1_000:
            per_thousand = replay
        rows.append(
            f"| {size:,} | {replay * 1e3:.3f} | {size / replay:,.0f} | "
            f"{replay / size * 1e6:.2f} | {(replay + full) * 1e3:.3f} |"
        )
    return rows, per_thousand


def process_rows() -> tuple[list[str], float]:
    ratbond = shutil.which("ratbond", path=str(Path(sys.executable).parent))
    if ratbond is None:
        raise SystemExit("ratbond is not installed in this interpreter's environment")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(history(10), handle)
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "ratbond evaluate (10 sessions)": [ratbond, "evaluate", handle.name],
    }
    # Bytecode first: where PYTHONDONTWRITEBYTECODE is set, each run would compile every module.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "ratbond")], check=True)
    subprocess.run(commands["ratbond evaluate (10 sessions)"], check=True, capture_output=True)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(25):  # interleaved, so both see the same machine load
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            samples[name].append(time.perf_counter() - start)
    Path(handle.name).unlink()
    medians = {name: statistics.median(values) for name, values in samples.items()}
    bare = medians["python -c pass"]
    rows = [
        f"| {name} | {value * 1e3:.1f} | {value / bare:.2f}x |" for name, value in medians.items()
    ]
    return rows, medians["ratbond evaluate (10 sessions)"] / bare


def main() -> None:
    replay, per_thousand = replay_rows()
    process, ratio = process_rows()
    verdict_replay = "meets" if per_thousand <= 0.005 else "MISSES"
    verdict_process = "meets" if ratio <= 5 else "MISSES"
    body = "\n".join(
        [
            "Replay of one cat-rat history (already validated), median of 7 rounds, and the same",
            "history from JSON text through validation and replay:",
            "",
            "| sessions | replay ms | sessions/s | µs per session | JSON → advice ms |",
            "|---:|---:|---:|---:|---:|",
            *replay,
            "",
            f"Target: a 1,000-session history in 5 ms or less: {per_thousand * 1e3:.2f} ms "
            f"({verdict_replay} the target). Linear: µs per session stays flat across sizes.",
            "",
            "Whole process, 25 interleaved runs each, median wall time:",
            "",
            "| command | median ms | vs bare |",
            "|---|---:|---:|",
            *process,
            "",
            f"Target: at most 5x the bare interpreter: {ratio:.2f}x "
            f"({verdict_process} the target).",
            "",
            "The path imports no pydantic, YAML, Typer, Rich or SQLAlchemy: validated program",
            "files come from a pickle cache. `tests/cli/test_evaluate.py` checks that it",
            "imports neither the database nor the web framework.",
        ]
    )
    write_section("engine", "Advice engine (`bench/engine.py`)", body)
    print(body)


if __name__ == "__main__":
    main()

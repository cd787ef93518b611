"""Benchmark the session write path on SQLite and PostgreSQL: one logged session, and four
processes logging to one introduction at once.

Run: `.venv/bin/python bench/writers.py [--processes 4] [--sessions 500] [--no-write]`
(writes its section of docs/benchmarks.md). PostgreSQL is the server `RATBOND_TEST_POSTGRES_URL`
names (default: the `test` database on 127.0.0.1:5432, as the tests use), in a fresh schema
dropped afterwards; SQLite is a file in a temporary folder.

- One logged session: `LOGGED` sessions logged one after another in-process to one cat-rat
  introduction through the store (`log_session`: validate, insert, refresh the stored advice),
  each dated on or after the last; the median and the 90th percentile, and the statements each
  sends to the database.
- Four processes: `--processes` processes each log `--sessions` sessions to one introduction,
  started together; the wall time from the start until the last is done, and a check that
  every session is stored, numbered without a gap.

Targets (issue 13): on PostgreSQL, a logged session at most 1.5 times SQLite's; the four
processes at most 3 times SQLite's time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.postgres import throwaway_schema  # noqa: E402
from bench.report import write_section  # noqa: E402

LOGGED = 60
WRITER = textwrap.dedent(
    """
    import datetime as dt, sys, time
    from pathlib import Path
    from ratbond.store import open_database
    from ratbond.store.sessions import NewSession, log_session

    url, who, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    today = dt.date.fromisoformat(sys.argv[5])
    db = open_database(url)
    (go.parent / f"ready-{who}").touch()
    while not go.exists():  # start together, so the writes really interleave
        time.sleep(0.002)
    for number in range(count):
        new = NewSession(stage="visual", date=today, minutes=5, notes=None,
                         signals={"tom": ["slow_blink"], "pip": ["relaxed"]}, logged_by=who)
        log_session(db, "tom-pip", new, today=today)
    db.close()
    """
)


@contextmanager
def backend(name: str, folder: Path) -> Iterator[str]:
    """A fresh, empty store of `name` ("SQLite" or "PostgreSQL"), by its URL."""
    if name == "SQLite":
        path = folder / f"{uuid.uuid4().hex[:8]}.db"
        yield f"sqlite:///{path}"
        return
    with throwaway_schema("bench_") as url:
        yield url


def household(url: str, today: dt.date) -> None:
    """Tom the cat and Pip the rat, vet-checked, in the cat-rat introduction `tom-pip`."""
    from ratbond.store import open_database
    from ratbond.store.animals import NewAnimal, add_animal, add_vet_check
    from ratbond.store.introductions import start_introduction

    db = open_database(url)
    start = today - dt.timedelta(days=40)
    add_animal(db, NewAnimal("cat", name="Tom", key="tom", prey_drive="low"), today=today)
    rat = NewAnimal("rat", name="Pip", key="pip", arrived=start - dt.timedelta(days=30))
    add_animal(db, rat, today=today)
    for animal in ("tom", "pip"):
        add_vet_check(db, animal, start - dt.timedelta(days=1), today=today)
    start_introduction(db, "cat-rat", {"cat": ["tom"], "rat": ["pip"]}, started=start, today=today)
    db.close()


def one_session(url: str, today: dt.date) -> dict[str, float]:
    """`LOGGED` sessions logged one after another: median, p90 (seconds), statements each."""
    from sqlalchemy import event

    from ratbond.store import open_database
    from ratbond.store.sessions import NewSession, log_session

    household(url, today)
    db = open_database(url)
    statements: list[str] = []
    # BEGIN IMMEDIATE (SQLite's write transaction) goes through the cursor: not counted, as
    # PostgreSQL's BEGIN and COMMIT are not.
    event.listen(
        db.engine,
        "before_cursor_execute",
        lambda *args: None if args[2].startswith("BEGIN") else statements.append(args[2]),
    )
    first = today - dt.timedelta(days=LOGGED // 2)
    times = []
    for number in range(LOGGED):
        new = NewSession(
            stage="visual",
            date=first + dt.timedelta(days=number // 2),
            minutes=5,
            signals={"tom": ["slow_blink"], "pip": ["relaxed"]},
            logged_by="bench",
        )
        statements.clear()
        began = time.perf_counter()
        log_session(db, "tom-pip", new, today=today)
        times.append(time.perf_counter() - began)
    db.close()
    times.sort()
    return {
        "median": statistics.median(times),
        "p90": times[int(0.9 * (len(times) - 1))],
        "statements": len(statements),
    }


def many_writers(url: str, today: dt.date, processes: int, sessions: int, folder: Path) -> float:
    """Seconds for `processes` processes to log `sessions` each to one introduction at once;
    every session must be stored, numbered 1 to the total."""
    from ratbond.store import open_database
    from ratbond.store.sessions import list_sessions

    household(url, today)
    signal = folder / uuid.uuid4().hex[:8]
    signal.mkdir()
    go = signal / "go"
    names = [f"writer{number}" for number in range(processes)]
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, url, who, str(sessions), str(go), today.isoformat()],
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in names
    ]
    while not all((signal / f"ready-{who}").exists() for who in names):
        if any(writer.poll() is not None for writer in writers):
            raise RuntimeError("a writer stopped before the start")
        time.sleep(0.01)
    began = time.perf_counter()
    go.touch()
    for writer in writers:
        _, errors = writer.communicate(timeout=3600)
        if writer.returncode != 0:
            raise RuntimeError(errors)
    took = time.perf_counter() - began
    db = open_database(url)
    _, logged = list_sessions(db, "tom-pip")
    db.close()
    if sorted(s.seq for s in logged) != list(range(1, processes * sessions + 1)):
        raise RuntimeError(f"{processes * sessions} sessions logged, {len(logged)} stored")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--sessions", type=int, default=500, help="sessions each process logs")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    options = parser.parse_args()
    today = dt.date.today()
    folder = Path(tempfile.mkdtemp(prefix="ratbond-writers-"))
    results: dict[str, dict[str, float]] = {}
    for name in ("SQLite", "PostgreSQL"):
        with backend(name, folder) as url:
            results[name] = one_session(url, today)
        with backend(name, folder) as url:
            results[name]["writers"] = many_writers(
                url, today, options.processes, options.sessions, folder
            )
        print(name, results[name], flush=True)
    lite, pg = results["SQLite"], results["PostgreSQL"]
    ms = 1000
    total = options.processes * options.sessions
    lines = [
        f"One cat-rat introduction on each backend (SQLite: a file; PostgreSQL: a fresh schema "
        f"on the local server, loopback). A logged session: the median of {LOGGED} sessions "
        f"logged one after another in-process; {options.processes} processes: each logs "
        f"{options.sessions} sessions to the one introduction, started together, timed until "
        f"the last is done; all {total:,} were stored, numbered without a gap, on both.",
        "",
        "| backend | a logged session, median (p90) | statements a session | "
        f"{options.processes} processes x {options.sessions} sessions |",
        "|---|---:|---:|---:|",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r['median'] * ms:.1f} ms ({r['p90'] * ms:.1f} ms) | "
            f"{r['statements']:.0f} | {r['writers']:.1f} s |"
        )
    session_ratio = pg["median"] / lite["median"]
    writers_ratio = pg["writers"] / lite["writers"]
    lines += [
        "",
        f"- A logged session on PostgreSQL: {session_ratio:.2f}x SQLite's "
        f"({'meets' if session_ratio <= 1.5 else 'MISSES'} at most 1.5x).",
        f"- {options.processes} processes logging at once on PostgreSQL: {writers_ratio:.2f}x "
        f"SQLite's time ({'meets' if writers_ratio <= 3 else 'MISSES'} at most 3x).",
        "- The statements of a session besides BEGIN and COMMIT: the introduction read (on "
        "PostgreSQL its row locked first), the advice on the session's date, the stored replay "
        "state with the last live session (to resume it), the insert (numbered in the statement "
        "itself), the advice timeline replaced (delete, insert) and the replay state kept (one "
        "upsert).",
    ]
    print("\n".join(lines))
    if not options.no_write:
        write_section(
            "writers",
            "Writers on SQLite and PostgreSQL (bench/writers.py)",
            "\n".join(lines),
        )


if __name__ == "__main__":
    main()

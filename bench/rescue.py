"""Benchmark the store at rescue size: `ratbond today`, its read of the plan, logging a session.

Run: `.venv/bin/python bench/rescue.py [--scale 0.1] [--keep DIR] [--database-url URL]`
(writes its section of docs/benchmarks.md; `--scale 0.01` is a quick run). It builds 5,000
animals, 2,000 active introductions and 500,000 sessions (times --scale) in a SQLite file, or in
the empty PostgreSQL database (or schema) `--database-url` names, in two phases (a tenth of the
history, then all of it), and at each phase measures, side by side:
- `ratbond today` as a whole process, beside a bare `python -c pass` and python importing the
  CLI (no database);
- the read `today` makes, in-process: the store's plan and care plan (`ratbond.store.agenda`,
  `ratbond.store.care_plan`) through SQLAlchemy, every record built;
- logging one session in-process (store API: validate, insert, refresh the stored advice);
- the peak memory of `ratbond today`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from bench.report import write_section  # noqa: E402
from ratbond.model import Session  # noqa: E402
from ratbond.programs import builtin_programs, builtin_vocabulary  # noqa: E402
from ratbond.store import Database, open_database  # noqa: E402
from ratbond.store.advice import refresh  # noqa: E402
from ratbond.store.agenda import agenda  # noqa: E402
from ratbond.store.care_plan import care_plan  # noqa: E402
from ratbond.store.common import now, session_class  # noqa: E402
from ratbond.store.queries import load_introductions  # noqa: E402
from ratbond.store.sessions import NewSession, log_session  # noqa: E402
from ratbond.store.tables import (  # noqa: E402
    animals,
    introduction_animals,
    introductions,
    sessions,
    vet_checks,
)

TODAY = dt.date.today()
ANIMALS, INTRODUCTIONS, SESSIONS = 5_000, 2_000, 500_000
CHUNK = 10_000
REPEAT = 9
READS = 15
LOGGED = 30  # sessions logged at each phase (fewer when there are fewer introductions)


def progress() -> Progress:
    return Progress(
        TextColumn("{task.description:<28}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )


class Builder:
    """Writes a plausible rescue: cats, rats, three kinds of introduction, years of sessions."""

    def __init__(self, db: Database, scale: float) -> None:
        self.db = db
        self.random = random.Random(20261120)
        self.animals = int(ANIMALS * scale)
        self.intros = int(INTRODUCTIONS * scale)
        self.sessions = int(SESSIONS * scale)
        self.programs = builtin_programs()
        self.vocabulary = builtin_vocabulary()
        self.members: list[tuple[int, str, dict[str, str]]] = []  # (intro id, program, species)
        self.seq: dict[int, int] = {}

    def base(self) -> None:
        stamp = now()
        cats = self.animals // 5
        rows = []
        for number in range(1, self.animals + 1):
            species = "cat" if number <= cats else "rat"
            rows.append(
                {
                    "id": number,
                    "key": f"{species}-{number}",
                    "name": f"{species.title()} {number}",
                    "species": species,
                    "arrived": TODAY - dt.timedelta(days=400),
                    "origin": None if species == "cat" else "rescue",
                    "prey_drive": "low" if species == "cat" else None,
                    "status": "active",
                    "version": 1,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
        with self.db.write() as connection:
            connection.execute(insert(animals), rows)
            connection.execute(
                insert(vet_checks),
                [
                    {
                        "animal_id": r["id"],
                        "date": TODAY - dt.timedelta(days=30),
                        "created_at": stamp,
                    }
                    for r in rows
                ],
            )
            cat_ids = list(range(1, cats + 1))
            rat_ids = list(range(cats + 1, self.animals + 1))
            intro_rows, member_rows = [], []
            for number in range(1, self.intros + 1):
                kind = ("cat-rat", "rat-rat", "rat-human")[number % 3]
                if kind == "cat-rat":
                    roles = [("cat", cat_ids.pop()), ("rat", rat_ids.pop())]
                elif kind == "rat-rat":
                    roles = [
                        ("newcomer", rat_ids.pop()),
                        ("residents", rat_ids.pop()),
                        ("residents", rat_ids.pop()),
                    ]
                else:
                    roles = [("rat", rat_ids.pop())]
                intro_rows.append(
                    {
                        "id": number,
                        "key": f"intro-{number}",
                        "program": kind,
                        "status": "active",
                        "started": TODAY - dt.timedelta(days=380),
                        "version": 1,
                        "created_at": stamp,
                        "updated_at": stamp,
                    }
                )
                member_rows += [
                    {"introduction_id": number, "animal_id": a, "role": r, "position": i}
                    for i, (r, a) in enumerate(roles)
                ]
                species_of = {
                    f"{'cat' if r == 'cat' else 'rat'}-{a}": ("cat" if r == "cat" else "rat")
                    for r, a in roles
                }
                self.members.append((number, kind, species_of))
            connection.execute(insert(introductions), intro_rows)
            connection.execute(insert(introduction_animals), member_rows)

    def session_rows(
        self, intro: int, kind: str, species: dict[str, str], count: int, start: int
    ) -> list[dict[str, Any]]:
        program = self.programs[kind]
        stages = [s for s in program.stages if s.gate is None]
        rows = []
        for index in range(start, start + count):
            # Sessions walk through the stages over the history, most of them calm.
            stage = stages[min(len(stages) - 1, index * len(stages) // 260)]
            signals: dict[str, list[str]] = {}
            for animal, kind_of in species.items():
                pool = self.vocabulary.signals[kind_of]  # type: ignore[index]
                calm = [n for n, s in pool.items() if s.class_ == "calm"]
                other = [n for n, s in pool.items() if s.class_ == "stress"] or calm
                signals[animal] = [
                    self.random.choice(calm if self.random.random() < 0.85 else other)
                ]
            minutes = stage.minutes.start if stage.minutes else None
            session = Session(
                date=TODAY - dt.timedelta(days=260 - index),
                stage=stage.id,
                minutes=minutes,
                signals={a: tuple(n) for a, n in signals.items()},
            )
            self.seq[intro] = self.seq.get(intro, 0) + 1
            rows.append(
                {
                    "introduction_id": intro,
                    "seq": self.seq[intro],
                    "date": session.date,
                    "stage": session.stage,
                    "minutes": minutes,
                    "supervised": True,
                    "signals": signals,
                    "notes": None,
                    "session_class": session_class(kind, species, session),  # type: ignore[arg-type]
                    "logged_by": "bench",
                    "logged_at": now(),
                    "version": 1,
                }
            )
        return rows

    def add_sessions(self, per_intro_from: int, per_intro_to: int, bar: Progress) -> None:
        count = per_intro_to - per_intro_from
        task = bar.add_task(
            f"sessions {per_intro_from}→{per_intro_to} each", total=count * len(self.members)
        )
        pending: list[dict[str, Any]] = []
        with self.db.write() as connection:
            for intro, kind, species in self.members:
                pending += self.session_rows(intro, kind, species, count, per_intro_from)
                if len(pending) >= CHUNK:
                    connection.execute(insert(sessions), pending)
                    bar.advance(task, len(pending))
                    pending = []
            if pending:
                connection.execute(insert(sessions), pending)
                bar.advance(task, len(pending))

    def refresh_all(self, bar: Progress) -> None:
        task = bar.add_task("stored advice", total=len(self.members))
        with self.db.write() as connection:
            for intro in load_introductions(connection):
                refresh(connection, intro, TODAY)
                bar.advance(task)
        # Measure a settled database, as an owner would have it, not one mid-bulk-load.
        with self.db.engine.connect() as connection:
            if self.db.is_sqlite:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            else:
                autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
                autocommit.exec_driver_sql("VACUUM ANALYZE")


def median_time(run: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def store_read(db: Database) -> float:
    """The plan and the care plan read as `ratbond today` reads them, in this process (its
    caches of the data files warm): the median of `READS` reads."""
    return median_time(lambda: (agenda(db, today=TODAY), care_plan(db, today=TODAY)), READS)


def process(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time of one whole process and its peak memory (KiB)."""
    # VmHWM, the peak resident memory of the process's own address space: on Linux `ru_maxrss`
    # carries over the RSS of the process that forked it (this bench, holding the database
    # builder), so it reported the bench's memory, not the command's.
    script = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write("
        "'RSS ' + open('/proc/self/status').read().split('VmHWM:')[1].split()[0] + '\\n'))\n"
        f"sys.argv = {['ratbond', *args]!r}\n"
        "from ratbond.cli.entry import main\n"
        "main()\n"
    )
    peak = 0

    def run() -> None:
        nonlocal peak
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        peak = max(peak, int(done.stderr.rsplit("RSS ", 1)[1].split()[0]))

    return median_time(run, 1), peak


def measure(db: Database, builder: Builder, label: str) -> dict[str, Any]:
    env = {**os.environ, "RATBOND_DATABASE_URL": describe_url(db), "COLUMNS": "160"}
    read = store_read(db)
    # Interleaved, so the process timings see the same machine load.
    timings: dict[str, list[float]] = {
        "python": [],
        "cli": [],
        "today": [],
    }
    peak = 0
    for _ in range(REPEAT):
        timings["python"].append(
            median_time(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), 1)
        )
        timings["cli"].append(
            median_time(
                lambda: subprocess.run(
                    [sys.executable, "-c", "import ratbond.cli.app"], check=True, env=env
                ),
                1,
            )
        )
        elapsed, rss = process(["today"], env)
        timings["today"].append(elapsed)
        peak = max(peak, rss)
    python_start, cli_start, today = (statistics.median(timings[k]) for k in timings)
    chosen = builder.random.sample(builder.members, min(LOGGED, len(builder.members)))
    log_times = []
    new_for: dict[int, NewSession] = {}
    for intro, kind, species in chosen:
        program = builder.programs[kind]
        stage = next(s for s in reversed(program.stages) if s.gate is None)
        animal = next(iter(species))
        new = NewSession(
            stage=stage.id,
            minutes=stage.minutes.start if stage.minutes else None,
            signals={animal: ["sniffing"] if species[animal] == "cat" else ["relaxed"]},
            logged_by="bench",
        )
        new_for[intro] = new
        started = time.perf_counter()
        log_session(db, f"intro-{intro}", new, today=TODAY)
        log_times.append(time.perf_counter() - started)
        builder.seq[intro] += 1
    # The same introductions again.
    again_times = []
    for intro, _kind, _species in chosen:
        started = time.perf_counter()
        log_session(db, f"intro-{intro}", new_for[intro], today=TODAY)
        again_times.append(time.perf_counter() - started)
        builder.seq[intro] += 1
    return {
        "label": label,
        "python": python_start,
        "cli": cli_start,
        "today": today,
        "read": read,
        "rss": peak,
        "logged": len(log_times),
        "log": statistics.median(log_times),
        "log_p90": sorted(log_times)[int(len(log_times) * 0.9)],
        "log_again": statistics.median(again_times),
    }


def describe_url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the rescue size")
    parser.add_argument("--keep", type=Path, help="build the database in this folder and keep it")
    parser.add_argument(
        "--database-url", help="an empty PostgreSQL database (or schema) to build in instead"
    )
    options = parser.parse_args()
    # Bytecode first: where PYTHONDONTWRITEBYTECODE is set, each run would compile every module.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "ratbond")], check=True)
    folder = options.keep or Path(tempfile.mkdtemp(prefix="ratbond-rescue-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "rescue.db"
    path.unlink(missing_ok=True)
    db = open_database(options.database_url or f"sqlite:///{path}")
    builder = Builder(db, options.scale)
    per_intro = builder.sessions // builder.intros
    results = []
    started = time.perf_counter()
    try:
        with progress() as bar:
            task = bar.add_task("animals and introductions", total=1)
            builder.base()
            bar.advance(task)
            builder.add_sessions(0, per_intro // 10, bar)
            builder.refresh_all(bar)
        results.append(measure(db, builder, f"{per_intro // 10} sessions per introduction"))
        with progress() as bar:
            builder.add_sessions(per_intro // 10, per_intro, bar)
            builder.refresh_all(bar)
        built = time.perf_counter() - started
        results.append(measure(db, builder, f"{per_intro} sessions per introduction"))
    finally:
        db.close()
    report(builder, results, built, db, path.stat().st_size if db.is_sqlite else None)
    if options.keep is None:
        shutil.rmtree(folder)


def report(
    builder: Builder, results: list[dict[str, Any]], built: float, db: Database, size: int | None
) -> None:
    ms = 1000
    backend = "SQLite" if db.is_sqlite else "PostgreSQL"
    lines = [
        f"Database: {backend}, {builder.animals:,} animals, {builder.intros:,} active "
        f"introductions, {builder.sessions:,} sessions"
        + (f" ({size / 2**20:.0f} MiB)" if size is not None else "")
        + ", built and advised in "
        f"{built:.0f} s. Each figure is a median ({REPEAT} interleaved process runs, "
        f"{READS} in-process reads, {results[-1]['logged']} logged sessions).",
        "",
        "| history | python start | CLI start (imports) | plan and care plan read in-process | "
        "`ratbond today` | `today` / python start | log a session (p90) | `today` peak memory |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['label']} | {r['python'] * ms:.0f} ms | {r['cli'] * ms:.0f} ms | "
            f"{r['read'] * ms:.1f} ms | {r['today'] * ms:.0f} ms | "
            f"{r['today'] / r['python']:.1f} | "
            f"{r['log'] * ms:.1f} ms ({r['log_p90'] * ms:.1f} ms) | {r['rss'] / 1024:.0f} MiB |"
        )
    small, large = results[0], results[-1]
    lines += [
        "",
        f"- `ratbond today` reads the plan (one row per introduction, from the stored advice; no "
        "history is replayed) and the care part (tasks and health alerts of every active "
        "animal) through the store's readers (`ratbond.store.agenda`, "
        "`ratbond.store.care_plan`), the same ones the Today page and the calendar use, and "
        f"prints {builder.intros:,} introductions with Rich. Of its "
        f"{large['today'] * ms:.0f} ms at full size, {large['python'] * ms:.0f} ms is Python "
        f"starting and {large['read'] * ms:.0f} ms the read itself (measured in-process). This "
        "database holds no care records (weights, groomings, tasks done), so its care part is "
        "every rat's weekly tasks, all due, on four lines.",
        f"- Logging a session: {large['log'] * ms:.1f} ms median at full history "
        f"({'under' if large['log'] < 0.010 else 'over'} the 10 ms target), each the first "
        "write to its introduction in this process. Each session comes after every other, so "
        "the write resumes the engine's state stored with the advice and feeds it the new "
        "session alone, reading no history (`ratbond.store.replays`), then refreshes the "
        "stored advice (evaluated on today and on each date the advice can change by itself). "
        "A second session to each of the same introductions: "
        f"{large['log_again'] * ms:.1f} ms ({small['log_again'] * ms:.1f} ms with a tenth of "
        "the history).",
        f"- Memory of `today`: {small['rss'] / 1024:.0f} MiB with a tenth of the history, "
        f"{large['rss'] / 1024:.0f} MiB with all of it: "
        + ("flat in history size." if large["rss"] <= 1.1 * small["rss"] else "it grows.")
        + " This is the peak of `today`'s own address space (VmHWM), read at its exit.",
    ]
    if db.is_sqlite:
        write_section("rescue", "Rescue-sized store (bench/rescue.py)", "\n".join(lines))
    else:
        write_section(
            "rescue-postgresql",
            "Rescue-sized store on PostgreSQL (bench/rescue.py)",
            "\n".join(lines),
        )
    print("\n".join(lines))


if __name__ == "__main__":
    main()

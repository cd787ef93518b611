"""Benchmark `ratbond export` and `ratbond import` at rescue size: wall time and peak memory.

Run: `.venv/bin/python bench/transfer.py [--scale 0.1] [--keep DIR]` (writes its section of
docs/benchmarks.md; `--scale 0.01` is a quick run). It builds the rescue of bench/rescue.py
(5,000 animals, 2,000 introductions, 500,000 sessions, times --scale) in a SQLite file, then
runs, each as a whole process: `ratbond export FILE`, and `ratbond import FILE` into a new
database, and checks that the copy exports byte for byte the same file. Peak memory is the
`ru_maxrss` of `resource.getrusage(RUSAGE_CHILDREN)`, read by a small Python process that
runs the command as its only child, so no larger process's memory is counted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.report import write_section  # noqa: E402
from bench.rescue import Builder, progress  # noqa: E402
from ratbond.store import open_database  # noqa: E402

TARGET_MIB = 256
# Runs the command given in its arguments as its only child, then prints that child's peak
# resident memory (KiB on Linux).
MEASURE = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)
RATBOND = "from ratbond.cli.entry import main; main()"


def measured(args: list[str], database: Path) -> tuple[float, int]:
    """Wall time (s) and peak memory (KiB) of `ratbond ARGS` on `database`."""
    env = {**os.environ, "RATBOND_DATABASE_URL": f"sqlite:///{database}"}
    command = [sys.executable, "-c", MEASURE, sys.executable, "-c", RATBOND, *args]
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, int(done.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the rescue size")
    parser.add_argument(
        "--keep", type=Path, help="build the databases in this folder and keep them"
    )
    options = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "ratbond")], check=True)
    folder = options.keep or Path(tempfile.mkdtemp(prefix="ratbond-transfer-"))
    folder.mkdir(parents=True, exist_ok=True)
    source, copy = folder / "rescue.db", folder / "copy.db"
    exported, again = folder / "export.jsonl", folder / "again.jsonl"
    for path in (source, copy, exported, again):
        path.unlink(missing_ok=True)
    db = open_database(f"sqlite:///{source}")
    builder = Builder(db, options.scale)
    started = time.perf_counter()
    try:
        with progress() as bar:
            task = bar.add_task("animals and introductions", total=1)
            builder.base()
            bar.advance(task)
            builder.add_sessions(0, builder.sessions // builder.intros, bar)
            builder.refresh_all(bar)
    finally:
        db.close()
    built = time.perf_counter() - started
    export_time, export_peak = measured(["export", str(exported)], source)
    import_time, import_peak = measured(["import", str(exported)], copy)
    measured(["export", str(again)], copy)
    same = exported.read_bytes() == again.read_bytes()
    report(
        builder,
        built,
        exported.stat().st_size,
        same,
        export_time,
        export_peak,
        import_time,
        import_peak,
    )
    if options.keep is None:
        shutil.rmtree(folder)
    if not same:
        sys.exit("the imported copy does not export the same file")


def report(
    builder: Builder,
    built: float,
    size: int,
    same: bool,
    export_time: float,
    export_peak: int,
    import_time: float,
    import_peak: int,
) -> None:
    def verdict(peak: int) -> str:
        return "under" if peak / 1024 < TARGET_MIB else "over"

    lines = [
        f"Database: SQLite, {builder.animals:,} animals, {builder.intros:,} introductions, "
        f"{builder.sessions:,} sessions, built and advised in {built:.0f} s; the export file "
        f"is {size / 2**20:.0f} MiB. One run of each command, as a whole process.",
        "",
        "| command | wall time | peak memory | target |",
        "|---|---|---|---|",
        f"| `ratbond export FILE` | {export_time:.1f} s | {export_peak / 1024:.0f} MiB | "
        f"{verdict(export_peak)} {TARGET_MIB} MiB |",
        f"| `ratbond import FILE` (new database) | {import_time:.1f} s | "
        f"{import_peak / 1024:.0f} MiB | {verdict(import_peak)} {TARGET_MIB} MiB |",
        "",
        "- Export writes JSON lines (format version 2, docs/store.md) as it reads the rows, "
        "a batch at a time; import reads a line at a time, inserts in batches, and checks one "
        "introduction's sessions at a time, then refreshes each introduction's advice.",
        "- The copy exports "
        + ("byte for byte the same file: the round trip is exact." if same else "a different file.")
        + " Peak memory is `ru_maxrss` (RUSAGE_CHILDREN) of a small process whose only "
        "child is the command.",
    ]
    write_section(
        "transfer", "Export and import at rescue size (bench/transfer.py)", "\n".join(lines)
    )
    print("\n".join(lines))


if __name__ == "__main__":
    main()

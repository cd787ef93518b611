"""Benchmark the notes reader: 40-word notes parsed per second on one core, into docs/benchmarks.md.

Run `.venv/bin/python bench/notes.py`. Notes are built from owner-like sentences with names,
pronouns, denials and random misspellings (a letter dropped, doubled or swapped), so the typo
path (rapidfuzz) runs too. Each timed pass uses a fresh reader, so its word cache starts cold.
The `ratbond evaluate` start-up with and without notes is measured against `python -c pass`,
with bytecode caching on (as in an installed package).

`--against REV` also times the reader of an earlier commit on the same notes, alternating
between the two in fresh processes on the same core, so a change is measured before and after
under the same load (other work shares the machine).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from report import write_section  # noqa: E402

from ratbond.model import Animal  # noqa: E402
from ratbond.notes import builtin_reader  # noqa: E402

CLAUSES = [
    "{cat} sat by the gate with his ears forward",
    "{rat} was exploring the top shelf of the cage",
    "no hissing and no growling from {cat} today",
    "{cat} crouched low and his tail was twitching",
    "{rat} puffed up and hid in her hammock for a while",
    "then she came over to the mesh and sniffed",
    "{cat} lay down on the rug and slow blinked at her",
    "I had to stop when {cat} lunged at the barrier",
    "{rat} was trembling a bit but did not freeze",
    "he stared at her for ages without blinking",
    "{rat} ate a pea and groomed herself afterwards",
    "{cat} wandered off to his food bowl and ignored everyone",
    "she squeaked once when he moved closer to the cage",
    "lots of sniffing through the bars but nothing worrying",
    "the cat was chattering at the window, not at the rat",
]
TYPO_WORDS = ["hissing", "stalking", "trembling", "lunged", "growling", "sniffed", "hiding"]
TARGET_WORDS = 40


def typo(word: str, rng: random.Random) -> str:
    """A misspelling: one letter dropped, doubled or swapped (never the first)."""
    index = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:index] + word[index + 1 :]
    if kind == 1:
        return word[:index] + word[index] + word[index:]
    return word[:index] + word[index + 1] + word[index] + word[index + 2 :]


def make_notes(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    notes = []
    for _ in range(count):
        words: list[str] = []
        while len(words) < TARGET_WORDS:
            clause = rng.choice(CLAUSES).format(cat=rng.choice(["Tom", "the cat"]), rat="Pip")
            words += clause.split()
            if rng.random() < 0.3:
                words.append(typo(rng.choice(TYPO_WORDS), rng))
            words[-1] += rng.choice([",", ".", ".", ";"])
        notes.append(" ".join(words[:TARGET_WORDS]))
    return notes


def throughput(notes: list[str], repeats: int = 5) -> float:
    """Median notes per second over `repeats` passes, each with a fresh reader (cold cache)."""
    animals = [Animal("tom", "cat", name="Tom", sex="male"), Animal("pip", "rat", name="Pip")]
    rates = []
    lexicon = builtin_reader().lexicon
    for _ in range(repeats):
        from ratbond.notes import NotesReader

        reader = NotesReader(lexicon)
        started = time.perf_counter()
        for note in notes:
            reader.parse(note, animals, "cat-rat")
        rates.append(len(notes) / (time.perf_counter() - started))
    return statistics.median(rates)


# Run in a fresh process with a source tree first on the path: notes per second of its reader.
MEASURE = """
import json, statistics, sys, time
sys.path.insert(0, sys.argv[1])
from ratbond.model import Animal
from ratbond.notes import NotesReader, builtin_reader
notes = json.loads(open(sys.argv[2]).read())
animals = [Animal("tom", "cat", name="Tom", sex="male"), Animal("pip", "rat", name="Pip")]
lexicon = builtin_reader().lexicon
rates = []
for _ in range(3):
    reader = NotesReader(lexicon)
    started = time.perf_counter()
    for note in notes:
        reader.parse(note, animals, "cat-rat")
    rates.append(len(notes) / (time.perf_counter() - started))
print(statistics.median(rates))
"""


def compare(notes: list[str], revision: str, rounds: int = 5) -> tuple[float, float]:
    """Median notes per second of the reader at `revision` and of this tree, alternating."""
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", revision, "ratbond"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        notes_file = Path(folder) / "notes.json"
        notes_file.write_text(json.dumps(notes))
        rates: dict[str, list[float]] = {folder: [], str(ROOT): []}
        for _ in range(rounds):
            for tree, found in rates.items():
                command = [sys.executable, "-c", MEASURE, tree, str(notes_file)]
                output = subprocess.run(command, capture_output=True, text=True, check=True)
                found.append(float(output.stdout))
        before, after = rates.values()
    return statistics.median(before), statistics.median(after)


def startup(args: list[str], runs: int = 15) -> float:
    """Median wall time of a process, in milliseconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def scenario(notes: bool) -> dict[str, object]:
    note = "Tom crouched and his tail was twitching, Pip puffed up and hid, no hissing"
    return {
        "program": "cat-rat",
        "today": "2026-11-20",
        "animals": [
            {
                "id": "tom",
                "name": "Tom",
                "species": "cat",
                "prey_drive": "moderate",
                "health_check": "2026-10-01",
            },
            {"id": "pip", "name": "Pip", "species": "rat", "health_check": "2026-10-03"},
        ],
        "roles": {"cat": ["tom"], "rat": ["pip"]},
        "sessions": [
            {
                "date": "2026-11-18",
                "stage": "visual",
                "minutes": 5,
                **({"notes": note} if notes else {"signals": {"tom": ["stalking"]}}),
            },
        ],
    }


LARGEST_TYPICAL = (
    "Tom crouched by the gate and stared at Pip, no hissing. She froze, then hid in her "
    "hammock. He lunged at the mesh once but did not bite, and his tail was twitching."
)


def per_character(text: str, repeats: int) -> float:
    """The best of five rounds of the time one warm reader takes to read `text`, per
    character."""
    from ratbond.notes import NotesReader

    animals = [Animal("tom", "cat", name="Tom", sex="male"), Animal("pip", "rat", name="Pip")]
    reader = NotesReader(builtin_reader().lexicon)
    reader.parse(text, animals, "cat-rat")  # every word in the reader's cache
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(repeats):
            reader.parse(text, animals, "cat-rat")
        best = min(best, (time.perf_counter() - started) / repeats / len(text))
    return best


def largest_note_ratios() -> list[tuple[str, float]]:
    """The per-character cost of the largest note the store accepts (issue 15), punctuated
    and as one run-on sentence, against a typical note's, read in the same run."""
    from ratbond.scenario import MAX_NOTES

    ratios = []
    for label, words in (
        ("short sentences", LARGEST_TYPICAL),
        ("one run-on sentence", LARGEST_TYPICAL.replace(",", "").replace(".", "")),
    ):
        largest = (words + " ") * (MAX_NOTES // (len(words) + 1))
        ratios.append((label, per_character(largest, 1) / per_character(words, 40)))
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--against", metavar="REV", help="also time the reader at this commit")
    args = parser.parse_args()
    # Start-up is measured as installed: with bytecode caching on.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    notes = make_notes(5000)
    words = statistics.mean(len(note.split()) for note in notes)
    builtin_reader()  # load the lexicon outside the timing
    rate = throughput(notes)
    warm = throughput(notes * 2, repeats=3)
    before_after = compare(notes, args.against) if args.against else None
    largest = largest_note_ratios()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    ratbond = str(Path(sys.executable).with_name("ratbond"))
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / "plain.json"
        noted = Path(folder) / "noted.json"
        plain.write_text(json.dumps(scenario(notes=False)))
        noted.write_text(json.dumps(scenario(notes=True)))
        subprocess.run([ratbond, "evaluate", str(noted)], check=True, capture_output=True)
        bare = startup([sys.executable, "-c", "pass"])
        without = startup([ratbond, "evaluate", str(plain)])
        with_notes = startup([ratbond, "evaluate", str(noted)])
    body = (
        f"Notes of {words:.0f} words (owner-like clauses with names, pronouns, denials; a random\n"
        "misspelling in about one clause in three), parsed by one reader pinned to one core.\n\n"
        "| measure | result |\n|---|---|\n"
        f"| notes per second, 5,000 notes, fresh reader (cold cache) | {rate:,.0f} |\n"
        f"| notes per second, 10,000 notes, cache warming as it goes | {warm:,.0f} |\n"
        f"| `python -c pass` | {bare:.0f} ms |\n"
        f"| `ratbond evaluate`, no notes | {without:.0f} ms ({without / bare:.1f}x) |\n"
        f"| `ratbond evaluate`, one session with notes | {with_notes:.0f} ms "
        f"({with_notes / bare:.1f}x) |\n\n"
        f"Rates are medians of 5 (cold) and 3 (warm) passes; the machine is shared with other\n"
        f"work (load average {load:.1f} when the run ended), so absolute figures vary by run.\n\n"
        + (
            f"Against commit {args.against}, alternating fresh processes on the same core (median\n"
            f"of 5 rounds of 3 passes, cold cache): {before_after[0]:,.0f} notes/s before,\n"
            f"{before_after[1]:,.0f} after ({before_after[1] / before_after[0]:.2f}x).\n\n"
            if before_after
            else ""
        )
        + "The largest note the store accepts (10,000 characters of owner-like clauses), read\n"
        "by a warm reader, per character against a typical note in the same run (best of 5;\n"
        "target at most 3x, issue 15): "
        + "; ".join(
            f"{label} {ratio:.1f}x ({'met' if ratio <= 3 else 'missed'})"
            for label, ratio in largest
        )
        + ".\n\n"
        + f"Target: at least 5,000 notes of 40 words per second: "
        f"{'met' if rate >= 5000 else 'not met on this machine'}. The reader and rapidfuzz are\n"
        "imported only when a session has notes, so the evaluate path without notes is unchanged\n"
        "(a test asserts that neither the reader, rapidfuzz nor pydantic is imported there).\n"
    )
    write_section("notes", "Notes reader", body)
    print(body)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Score the notes reader on the labelled notes and write docs/notes-quality.md.

Run `.venv/bin/python scripts/notes_quality.py` after changing the reader or the labelled notes.
`--check` writes nothing and exits 1 when the figures in docs/notes-quality.md are not the ones
the reader gives now, or the held-out part misses a target (tests/test_docs.py runs the same
comparison, tests/notes/test_quality.py the targets). A note's gold labels are (animal, signal)
pairs; "?" stands for "no animal in particular". The tuned parts (notes-labelled.yaml,
notes-dev.yaml, notes-fresh.yaml, notes-final.yaml, notes-unseen.yaml) are what rules are tuned
on; the held-out part (notes-sealed.yaml, other writers) only gives figures.

`--heldout PATH` scores another labelled file of the same shape as the held-out part and writes
nothing: a fresh held-out set (new writers) is scored so, once, before any rule is tuned on it.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.quality_report import QualityScript  # noqa: E402

DATA = ROOT / "tests" / "data"
LABELLED = DATA / "notes-labelled.yaml"
# Tuned on as well: the earlier held-out sets, each scored once blind, then studied.
DEVELOPMENT = tuple(
    DATA / f"notes-{name}.yaml"
    for name in (
        *("dev", "fresh", "final", "unseen"),
        *("s11", "s11b", "s11c", "s12", "s12b", "s12c", "s13", "s13b", "s13c"),
        *("s14", "s14b", "s14c"),
        *("s15", "s15b", "s15c"),
        *("s16", "s16b", "s16c"),
        *("s17", "s17b", "s17c"),
        *("s18", "s18b", "s18c"),
        "s19",
        "s20",
        "s21",
        "s22",
        "s23",
        "s24",
        "s25",
        "s26",
        "s27",
        "s28",
    )
)
TUNED = (LABELLED, *DEVELOPMENT)
HELDOUT = DATA / "notes-sealed.yaml"
REPORT = ROOT / "docs" / "notes-quality.md"
CLASSES = ("calm", "stress", "aggression", "danger", "illness")
TARGET_F1 = 0.95
TARGET_DANGER_RECALL = 0.98
TARGET_FALSE_DANGER = 0.01
"""At most this share of calm notes may get a danger reading."""
Pair = tuple[str, str]
"""(animal id or "?", signal id)"""


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """Counts over one labelled file."""

    name: str
    notes: int = 0
    overall: Tally = field(default_factory=Tally)
    by_class: dict[str, Tally] = field(default_factory=lambda: {c: Tally() for c in CLASSES})
    calm_notes: int = 0
    false_danger_on_calm: int = 0
    """Calm notes given at least one danger reading."""
    to_confirm: int = 0
    """Danger readings the words could not rule out (counted, and asked about)."""
    misses: list[str] = field(default_factory=list)
    programs: Counter[str] = field(default_factory=Counter)
    writers: dict[str, Score] = field(default_factory=dict)
    """The same counts for each writer's notes alone."""

    def count(self, gold: set[Pair], predicted: set[Pair], klass: Callable[[Pair], str]) -> None:
        """Add one note's hits, misses and false alarms."""
        self.notes += 1
        for pair in gold | predicted:
            tally = self.by_class[klass(pair)]
            if pair in gold and pair in predicted:
                tally.tp += 1
                self.overall.tp += 1
            elif pair in predicted:
                tally.fp += 1
                self.overall.fp += 1
            else:
                tally.fn += 1
                self.overall.fn += 1
        if all(klass(pair) == "calm" for pair in gold):
            self.calm_notes += 1
            self.false_danger_on_calm += any(klass(p) == "danger" for p in predicted)


def load(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data["casts"], data["notes"]


def cast_animals(cast: dict[str, Any]) -> list[Any]:
    """The animals of one cast of a labelled file, as the reader takes them."""
    from ratbond.model import Animal

    return [
        Animal(
            id=a["id"],
            species=a["species"],
            name=a.get("name"),
            sex=a.get("sex"),
            arrived=dt.date.fromisoformat(a["arrived"]) if a.get("arrived") else None,
        )
        for a in cast["animals"]
    ]


def pair_class(pair: Pair, table: Any, species: dict[str, str]) -> str:
    """The class of an (animal, signal) pair by the program's class table; for "?" the worst
    class the signal has for any species."""
    animal, signal = pair
    kinds = (
        [table[species[animal]].get(signal)]
        if animal in species
        else [table[s].get(signal) for s in table]
    )
    ranked = [k for k in kinds if k is not None]
    order = {"calm": 0, "illness": 1, "stress": 2, "aggression": 3, "danger": 4}
    return max(ranked, key=order.__getitem__) if ranked else "calm"


def score(path: Path) -> Score:
    """Parse every note of a labelled file and count hits, misses and false alarms."""
    from ratbond.engine import class_table
    from ratbond.notes import parse_notes
    from ratbond.programs import builtin_program, builtin_vocabulary

    casts, notes = load(path)
    vocabulary = builtin_vocabulary()
    result = Score(path.name)
    tables = {}
    for number, note in enumerate(notes):
        cast = casts[note["cast"]]
        program = cast["program"]
        if program not in tables:
            tables[program] = class_table(builtin_program(program), vocabulary)
        table = tables[program]
        animals = cast_animals(cast)
        species: dict[str, str] = {a.id: a.species for a in animals}
        parsed = parse_notes(note["text"], animals, program, cast.get("roles"))
        gold_map: dict[str, list[str]] = note.get("gold") or {}
        gold = {(animal, s) for animal, names in gold_map.items() for s in names}
        predicted = {(animal, s) for animal, names in parsed.signals.items() for s in names}
        wanted = set(gold_map.get("?", []))
        result.to_confirm += sum(1 for span in parsed.spans if span.confirm and not span.negated)
        for item in parsed.unattributed:
            ids = {s for _, s in item.candidates}
            hit = sorted(ids & wanted)
            predicted.add(("?", hit[0] if hit else item.signal))

        def klass(pair: Pair, table: Any = table, species: dict[str, str] = species) -> str:
            return pair_class(pair, table, species)

        result.programs[program] += 1
        result.count(gold, predicted, klass)
        writer = note.get("writer", "?")
        result.writers.setdefault(writer, Score(writer)).count(gold, predicted, klass)
        if gold != predicted:
            result.misses.append(
                f"{number}: {note['text']!r}\n    missed {sorted(gold - predicted)}"
                f" extra {sorted(predicted - gold)}"
            )
    return result


def false_danger_share(result: Score) -> float:
    return result.false_danger_on_calm / result.calm_notes if result.calm_notes else 0.0


def meets_targets(result: Score) -> list[str]:
    """The targets a score misses, in words (empty when all are met)."""
    problems = []
    if result.overall.f1 < TARGET_F1:
        problems.append(f"{result.name}: overall F1 {result.overall.f1:.3f} < {TARGET_F1}")
    danger = result.by_class["danger"].recall
    if danger < TARGET_DANGER_RECALL:
        problems.append(f"{result.name}: danger recall {danger:.3f} < {TARGET_DANGER_RECALL}")
    share = false_danger_share(result)
    if share > TARGET_FALSE_DANGER:
        problems.append(
            f"{result.name}: false danger on {share:.1%} of calm notes > {TARGET_FALSE_DANGER:.0%}"
        )
    return problems


def table(result: Score) -> str:
    rows = [
        "| class | precision | recall | F1 | true | false + | missed |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, tally in [*result.by_class.items(), ("**overall**", result.overall)]:
        rows.append(
            f"| {name} | {tally.precision:.3f} | {tally.recall:.3f} | {tally.f1:.3f} | "
            f"{tally.tp} | {tally.fp} | {tally.fn} |"
        )
    return "\n".join(rows)


def report(results: Iterable[Score]) -> str:
    parts = [
        "# Notes reader quality",
        "",
        "Written by `scripts/notes_quality.py`. Each note is labelled with the (animal, signal)",
        "pairs it really reports; a signal the text leaves to no animal is labelled `?`. A pair",
        "counts as found when the reader gives the same animal and signal (negated phrases must",
        "not appear). The class of a pair is its program class (a squeak between rats is calm).",
        "A *calm note* is one whose labels are all calm; one given any danger reading has a",
        '*false danger*. A danger reading the words cannot rule out (a hedge: "I think he',
        'bit her") counts as read: the advice counts it until the owner says no, and ratbond',
        "asks (see [notes.md](notes.md)).",
        "",
        "The notes are written in owners' voices by many writers, each with a style of",
        "their own (texting teenager, breeder, rescue volunteer, vet nurse, lists, reported",
        "speech, voice-to-text, shift logs, Australian slang ...). The split is by writer.",
        "`notes-labelled.yaml`, `notes-dev.yaml`, `notes-fresh.yaml`, `notes-final.yaml`,",
        "`notes-unseen.yaml`, `notes-s11.yaml`, `-s11b`, `-s11c`, `-s12`, `-s12b`, `-s12c`,",
        "`-s13`, `-s13b`, `-s13c`, `-s14`, `-s14b`, `-s14c`, `-s15`, `-s15b`, `-s15c`, `-s16`,",
        "`-s16b`, `-s16c`, `-s17`, `-s17b`, `-s17c`, `-s18`, `-s18b`, `-s18c`, `-s19`, `-s20`,",
        "`-s21`, `-s22`, `-s23`, `-s24`, `-s25`, `-s26`, `-s27` and `-s28` are tuned on:",
        "their misses are shown.",
        "`notes-sealed.yaml` is the",
        "held-out part: written blind by writers no other file has (session 10), never read",
        "while tuning, and only its figures are shown.",
        f"Targets on the held-out part: overall F1 >= {TARGET_F1},",
        f"danger recall >= {TARGET_DANGER_RECALL}, a false danger on at most",
        f"{TARGET_FALSE_DANGER:.0%} of calm notes.",
        "",
        "How each set did the first time the reader met it, before anything was changed for",
        "it: `notes-dev.yaml` F1 0.769, danger recall 0.744, false danger 2.1% (session 6);",
        "`notes-fresh.yaml` F1 0.804, danger recall 0.870, false danger 8.5%; `notes-final.yaml`",
        "F1 0.789, danger recall 0.829, false danger 11.8% (session 7); `notes-unseen.yaml`",
        "F1 0.749, danger recall 0.786, false danger 2.6% (session 8, before that session's",
        "changes to the reader; tuned on from session 10); `notes-sealed.yaml` F1 0.850,",
        "danger recall 0.870, false danger 0.8% (session 10, before that session's changes);",
        "`notes-s11.yaml` F1 0.835, danger recall 0.859, false danger 10.0% (session 11,",
        "written blind by five new writers, before that session's changes; tuned on since);",
        "`notes-s11b.yaml` F1 0.778, danger recall 0.821, false danger 6.1% (five more writers,",
        "session 11, after its first round of changes); `notes-s11c.yaml` F1 0.836, danger",
        "recall 0.810, false danger 10.0% (five more writers, after its second round);",
        "`notes-s12.yaml` F1 0.850, danger recall 0.857, false danger 3.3% (session 12, five",
        "more writers, scored once blind on main at 0aef1b9 before any change for it);",
        "`notes-s12b.yaml` F1 0.821, danger recall 0.887, false danger 5.6% (five more writers,",
        "session 12, scored once blind on main at cbda995 after its first round of changes);",
        "`notes-s12c.yaml` F1 0.789, danger recall 0.820, false danger 7.8% (five more writers,",
        "session 12, scored once blind on main at 1f159f9 after its second round of changes);",
        "`notes-s13.yaml` F1 0.808, danger recall 0.671, false danger 7.3% (session 13, five",
        "more writers, scored once blind on main at 1a6c24a before any change for it);",
        "`notes-s13b.yaml` F1 0.834, danger recall 0.928, false danger 9.7% (five more writers,",
        "session 13, scored once blind on main at 1a6c24a before any change for it);",
        "`notes-s13c.yaml` F1 0.819, danger recall 0.848, false danger 7.5% (five more writers,",
        "session 13, scored blind on main at 1a6c24a before any change for it; again at db66e4c",
        "after session 13's first round, tuned on other sets only: F1 0.825, danger recall 0.876,",
        "false danger 7.5%); `notes-s14.yaml` F1 0.888, danger recall 0.904, false danger 0.0%",
        "and `notes-s14b.yaml` F1 0.767, danger recall 0.805, false danger 3.8% (session 14, ten",
        "more writers, scored once blind on main at 6321405 before any change for them);",
        "`notes-s14c.yaml` F1 0.873, danger recall 0.908, false danger 1.2% (five more writers,",
        "session 14, scored blind on main at 6321405 before any change for it; again at 2c82249",
        "after session 14's first round, tuned on other sets only: F1 0.876, danger recall 0.908,",
        "false danger 1.2%); `notes-s15.yaml` F1 0.854, danger recall 0.896, false danger 8.7%",
        "and `notes-s15b.yaml` F1 0.862, danger recall 0.890, false danger 6.7% (session 15, ten",
        "more writers, scored once blind on main at 1d68ebd before any change for them);",
        "`notes-s15c.yaml` F1 0.838, danger recall 0.937, false danger 8.2% (five more writers,",
        "session 15, scored blind on main at 1d68ebd before any change for it; again the same at",
        "f263a83 after session 15's first round, tuned on other sets only); `notes-s16.yaml`",
        "F1 0.760, danger recall 0.706, false danger 4.5% (session 16, five more writers, scored",
        "once blind on main at be27eb0 before any change for it); `notes-s16b.yaml` F1 0.898,",
        "danger recall 0.892, false danger 6.2% (five more writers, session 16, scored blind on",
        "main at be27eb0 before any change for it; again at 86d0215 after session 16's first",
        "round, tuned on other sets only: F1 0.899, danger recall 0.892, false danger 6.2%);",
        "`notes-s16c.yaml` F1 0.874, danger recall 0.884, false danger 3.0% (five more writers,",
        "session 16, scored blind at be27eb0; after session 16's changes, tuned on other sets",
        "only: F1 0.880, danger recall 0.905, false danger 3.0%); `notes-s17.yaml` F1 0.836,",
        "danger recall 0.835, false danger 7.7% (session 17, five more writers, scored once",
        "blind on main at 5ab5aa9 before any change for it); `notes-s17b.yaml` F1 0.841, danger",
        "recall 0.849, false danger 9.2% (five more writers, session 17, scored blind at 5ab5aa9;",
        "the same after session 17's changes, tuned on other sets only); `notes-s17c.yaml` F1",
        "0.829, danger recall 0.798, false danger 13.8% (five more writers, session 17, scored",
        "blind at 5ab5aa9 and again the same at 07ee539, tuned on other sets only);",
        "`notes-s18.yaml` F1 0.857, danger recall 0.864, false danger 4.6% (session 18, five",
        "more writers, scored once blind on main at 0537318 before any change for it);",
        "`notes-s18b.yaml` F1 0.817, danger recall 0.842, false danger 15.4% (five more writers,",
        "session 18, scored blind at 0537318 and the same at f5038b0, tuned on other sets only);",
        "`notes-s18c.yaml` F1 0.834, danger recall 0.782, false danger 3.1% (five more writers,",
        "session 18, scored blind at 0537318; at f5038b0, tuned on other sets only: F1 0.836,",
        "danger recall 0.782, false danger 3.1%); `notes-s19.yaml` F1 0.804, danger recall 0.758,",
        "false danger 3.1% (session 19, five more writers, scored blind at 488d07a and the same at",
        "the end of session 19, tuned on other sets only); `notes-s20.yaml` F1 0.836, danger",
        "recall 0.867, false danger 13.7% (session 20, five more writers, written blind",
        "mid-session and scored blind at c2a8a8a, the session's start, and the same at its end,",
        "tuned on other sets only); `notes-s21.yaml` F1 0.812, danger recall 0.893, false danger",
        "14.7% (session 21, five more writers, scored blind at 06bb78c and the same at 4ad5c94,",
        "tuned on other sets only); `notes-s22.yaml` F1 0.828, danger recall 0.867, false",
        "danger 13.7% (session 22, five more writers, scored blind at 5ae81c3; at 09b7bf4, tuned",
        "on other sets only: F1 0.834, danger recall 0.867, false danger 13.7%);",
        "`notes-s23.yaml` F1 0.845, danger recall 0.932, false danger 14.7% (session 23, five",
        "more writers, scored blind at 09b7bf4; at f327a96, tuned on other sets only: F1 0.847,",
        "danger recall 0.932, false danger 14.7%); `notes-s24.yaml` F1 0.852, danger recall",
        "0.904, false danger 21.1% (session 24, five more writers, scored blind at f327a96; at",
        "e9ab1a6, tuned on other sets only: F1 0.855, danger recall 0.904, false danger 21.1%);",
        "`notes-s25.yaml` F1 0.852, danger recall 0.946, false danger 16.8% (session 25, five",
        "more writers, scored blind at e9ab1a6; at b992681, tuned on other sets only: F1 0.872,",
        "danger recall 0.946, false danger 14.7%); `notes-s26.yaml` F1 0.859, danger recall",
        "0.920, false danger 17.9% (session 26, five more writers, scored blind at b992681; at",
        "55ba08a, tuned on other sets only: F1 0.865, danger recall 0.933, false danger 17.9%);",
        "`notes-s27.yaml` F1 0.912, danger recall 0.905, false danger 16.8% (session 27, five",
        "more writers, scored blind at 55ba08a; at 64c7466, tuned on other sets only: F1 0.913,",
        "danger recall 0.905, false danger 16.8%); `notes-s28.yaml` F1 0.881, danger recall",
        "0.853, false danger 18.9% (session 28, five more writers, scored blind at 0c56fb5; at",
        "7788fea, tuned on other sets only: F1 0.897, danger recall 0.920, false danger 16.8%).",
        "`notes-s29.yaml` (session 29, five more writers) is not scored here until it is",
        "studied.",
        "",
    ]
    for result in results:
        programs = ", ".join(f"{p} {n}" for p, n in sorted(result.programs.items()))
        danger_notes = result.by_class["danger"].tp + result.by_class["danger"].fn
        parts += [
            f"## {result.name}",
            "",
            f"{result.notes} notes ({programs}); {danger_notes} danger labels; "
            f"{result.calm_notes} calm notes, {result.false_danger_on_calm} with a false danger "
            f"({false_danger_share(result):.1%}); {result.to_confirm} danger readings to confirm.",
            "",
            table(result),
            "",
            "| writer | notes | F1 | danger recall | false danger on calm notes |",
            "|---|---|---|---|---|",
            *(
                f"| {w.name} | {w.notes} | {w.overall.f1:.3f} | "
                f"{w.by_class['danger'].recall:.3f} | "
                f"{w.false_danger_on_calm} of {w.calm_notes} |"
                for w in sorted(result.writers.values(), key=lambda w: w.name)
            ),
            "",
        ]
        # The held-out notes stay unseen while tuning: only their figures are shown.
        if result.misses and result.name != HELDOUT.name:
            parts += [
                f"<details><summary>{len(result.misses)} notes not read perfectly</summary>",
                "",
                "```text",
                *result.misses,
                "```",
                "",
                "</details>",
                "",
            ]
    return "\n".join(parts)


def summary(result: Score) -> str:
    return (
        f"{result.name}: {result.notes} notes, F1 {result.overall.f1:.3f}, "
        f"danger recall {result.by_class['danger'].recall:.3f}, "
        f"false danger on {false_danger_share(result):.1%} of calm notes"
    )


SCRIPT = QualityScript(
    name="notes_quality.py",
    description=__doc__ or "",
    report_path=REPORT,
    heldout_path=HELDOUT,
    score=lambda heldout: [*(score(path) for path in TUNED), score(heldout)],
    report=report,
    summary=summary,
    # Only the held-out part has targets: the tuned parts are what the rules were tuned on.
    problems=lambda results: meets_targets(results[-1]),
)


if __name__ == "__main__":
    sys.exit(SCRIPT.main())

#!/usr/bin/env python3
"""Metamorphic test of the notes reader: surface changes that must not change what a note reports.

Run `.venv/bin/python scripts/notes_robustness.py` (`--failures` lists each failing note,
`--limit N` checks only the first N checked notes of each file). It takes the tuned labelled
files (those `scripts/notes_quality.py` tunes on: never the held-out ones) and checks two kinds
of note:

- a danger note: its current reading finds a danger pair the labels also give (gold and
  predicted agree on it, pairs and classes as `scripts/notes_quality.py` counts them);
- a calm note: labelled calm and read now with no danger.

Each transformation (`TRANSFORMS`: lower case, ALL CAPS, punctuation stripped, sentence ends as
" - ", newlines or an emoji, doubled spaces, curly quotes and dashes, names in lower case or with
the possessive apostrophe dropped, "the cat" for a lone cat's name, contractions expanded or
made, British or American spellings, a leading "Update:" / "Day 3:" / time stamp / bullet, a
trailing emoji or "lol", one swapped pair of adjacent letters in a word outside every signal
phrase) is applied alone to every checked note it changes. A danger note holds when every danger
pair it agreed on is still read; a calm note holds when it still gets no danger reading. The
script prints, per transformation, how many changed notes hold, and with `--failures` the notes
that do not. tests/notes/test_robustness.py runs a bounded sample and asserts the
transformations that hold keep holding.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.notes_quality import TUNED, cast_animals, load, pair_class  # noqa: E402

Pair = tuple[str, str]


@dataclass(frozen=True)
class Case:
    """One checked note: its text, cast, and the danger pairs it must keep (none: a calm note)."""

    file: str
    number: int
    text: str
    animals: tuple[Any, ...]
    program: str
    roles: dict[str, list[str]] | None
    names: tuple[str, ...]
    cats: tuple[str, ...]
    """The names of the cast's cats."""
    danger: frozenset[Pair]
    spans: tuple[tuple[int, int], ...]
    """Character ranges of the phrases read (a typo never goes inside one)."""


@dataclass
class Outcome:
    changed: int = 0
    held: int = 0
    failures: list[str] = field(default_factory=list)


# --- transformations ---------------------------------------------------------------------------

Transform = Callable[[str, Case], str]

SENTENCE_END = re.compile(r"(?<=[a-zA-Z0-9)])[.!?]+\s+(?=\S)")
CONTRACTIONS = (
    ("did not", "didn't"),
    ("does not", "doesn't"),
    ("do not", "don't"),
    ("was not", "wasn't"),
    ("were not", "weren't"),
    ("is not", "isn't"),
    ("are not", "aren't"),
    ("has not", "hasn't"),
    ("have not", "haven't"),
    ("had not", "hadn't"),
    ("could not", "couldn't"),
    ("would not", "wouldn't"),
    ("should not", "shouldn't"),
    ("will not", "won't"),
    ("cannot", "can't"),
    ("it is", "it's"),
    ("that is", "that's"),
    ("there is", "there's"),
    ("I am", "I'm"),
)
SPELLINGS = (
    ("colour", "color"),
    ("favourite", "favorite"),
    ("grey", "gray"),
    ("neighbour", "neighbor"),
    ("behaviour", "behavior"),
    ("practise", "practice"),
    ("centre", "center"),
    ("realise", "realize"),
    ("recognise", "recognize"),
    ("socialise", "socialize"),
    ("apologise", "apologize"),
    ("organise", "organize"),
    ("sanitise", "sanitize"),
)


def _keep_case(found: str, new: str) -> str:
    """`new` written in the case of the `found` word it replaces."""
    if found.isupper() and len(found) > 1:
        return new.upper()
    if found[0].isupper():
        return new[0].upper() + new[1:]
    return new


def _sub_words(text: str, pairs: Sequence[tuple[str, str]]) -> str:
    """Each word (or word start, for spellings) `a` of the pairs becomes `b`, keeping case."""
    for old, new in pairs:
        if old == new:
            continue

        def swap(match: re.Match[str], new: str = new) -> str:
            return _keep_case(match.group(0), new)

        text = re.sub(rf"\b{re.escape(old)}", swap, text, flags=re.IGNORECASE)
    return text


def _names(text: str, case: Case, each: Callable[[re.Match[str]], str]) -> str:
    for name in case.names:
        text = re.sub(rf"\b{re.escape(name)}\b", each, text)
    return text


def _the_cat(text: str, case: Case) -> str:
    if len(case.cats) != 1:
        return text
    name = re.escape(case.cats[0])

    def put(match: re.Match[str]) -> str:
        before = text[: match.start()].rstrip()
        opens = not before or before[-1] in ".!?\n:"
        return "The cat" if opens else "the cat"

    return re.sub(rf"\b{name}\b", put, text)


def _typo(text: str, case: Case) -> str:
    """Swap two adjacent middle letters of the longest word outside every phrase read and
    every name (ties: the first)."""
    names = {n.lower() for n in case.names}
    best: re.Match[str] | None = None
    for match in re.finditer(r"[A-Za-z]{6,}", text):
        if match.group(0).lower() in names:
            continue
        if any(match.start() < end and start < match.end() for start, end in case.spans):
            continue
        if best is None or len(match.group(0)) > len(best.group(0)):
            best = match
    if best is None:
        return text
    word = best.group(0)
    at = len(word) // 2
    if word[at] == word[at - 1]:
        return text
    swapped = word[: at - 1] + word[at] + word[at - 1] + word[at + 1 :]
    return text[: best.start()] + swapped + text[best.end() :]


def _possessive(text: str, case: Case) -> str:
    """ "Tom's" becomes "Toms" for each name of the cast."""
    for name in case.names:
        text = re.sub(rf"\b({re.escape(name)})['\u2019]s\b", r"\1s", text)
    return text


def _curly(text: str, case: Case) -> str:
    text = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text)
    text = re.sub(r"(?<=\w)'", "\u2019", text)
    text = re.sub(r"'", "\u2018", text)
    return re.sub(r" --? ", " \u2014 ", text)


TRANSFORMS: dict[str, Transform] = {
    "lower case": lambda text, case: text.lower(),
    "ALL CAPS": lambda text, case: text.upper(),
    "punctuation stripped": lambda text, case: re.sub(r"[.,!?;:()\"]+", "", text),
    "sentence ends as ' - '": lambda text, case: SENTENCE_END.sub(" - ", text),
    "sentence ends as newlines": lambda text, case: SENTENCE_END.sub("\n", text),
    "sentence ends as emoji": lambda text, case: SENTENCE_END.sub(" \U0001f605 ", text),
    "doubled spaces": lambda text, case: text.replace(" ", "  "),
    "curly quotes and dashes": _curly,
    "names in lower case": lambda text, case: _names(text, case, lambda m: m.group(0).lower()),
    "name possessive without apostrophe": _possessive,
    "the cat for its name": _the_cat,
    "contractions made": lambda text, case: _sub_words_whole(text, CONTRACTIONS),
    "contractions expanded": lambda text, case: _sub_words_whole(
        text, tuple((b, a) for a, b in CONTRACTIONS)
    ),
    "American spellings": lambda text, case: _sub_words(text, SPELLINGS),
    "British spellings": lambda text, case: _sub_words(text, tuple((b, a) for a, b in SPELLINGS)),
    "leading 'Update:'": lambda text, case: "Update: " + text,
    "leading 'Day 3:'": lambda text, case: "Day 3: " + text,
    "leading time stamp": lambda text, case: "19:45 " + text,
    "leading bullet": lambda text, case: "- " + text,
    "trailing emoji": lambda text, case: text + " \U0001f62c",
    "trailing 'lol'": lambda text, case: text + " lol",
    "one typo outside the phrases": _typo,
}


def _sub_words_whole(text: str, pairs: Sequence[tuple[str, str]]) -> str:
    for old, new in pairs:

        def swap(match: re.Match[str], new: str = new) -> str:
            return _keep_case(match.group(0), new)

        text = re.sub(rf"(?<![\w']){re.escape(old)}(?![\w'])", swap, text, flags=re.IGNORECASE)
    return text


# --- reading -----------------------------------------------------------------------------------


def _reading(case: Case, text: str, classes: Callable[[Pair], str]) -> tuple[set[Pair], Any]:
    """The pairs the reader gives for `text` (as scripts/notes_quality.py counts them)."""
    from ratbond.notes import parse_notes

    parsed = parse_notes(text, case.animals, case.program, case.roles)
    predicted = {(animal, s) for animal, names in parsed.signals.items() for s in names}
    wanted = {s for a, s in case.danger if a == "?"}
    for item in parsed.unattributed:
        ids = {s for _, s in item.candidates}
        hit = sorted(ids & wanted)
        predicted.add(("?", hit[0] if hit else item.signal))
    return predicted, parsed


def cases(paths: Sequence[Path] = TUNED, limit: int | None = None) -> Iterator[tuple[Case, Any]]:
    """Every checked note of `paths` (at most `limit` of each kind per file), with the function
    that gives a pair's class in its cast."""
    from ratbond.engine import class_table
    from ratbond.programs import builtin_program, builtin_vocabulary

    vocabulary = builtin_vocabulary()
    tables: dict[str, Any] = {}
    for path in paths:
        if "sealed" in path.name:
            raise SystemExit(f"{path.name} is closed")
        casts, notes = load(path)
        taken = {"danger": 0, "calm": 0}
        for number, note in enumerate(notes):
            cast = casts[note["cast"]]
            program = cast["program"]
            if program not in tables:
                tables[program] = class_table(builtin_program(program), vocabulary)
            table = tables[program]
            animals = tuple(cast_animals(cast))
            species: dict[str, str] = {a.id: a.species for a in animals}

            def klass(pair: Pair, table: Any = table, species: dict[str, str] = species) -> str:
                return pair_class(pair, table, species)

            gold_map: dict[str, list[str]] = note.get("gold") or {}
            gold = {(animal, s) for animal, names in gold_map.items() for s in names}
            case = Case(
                path.name,
                number,
                note["text"],
                animals,
                program,
                cast.get("roles"),
                tuple(a.name for a in animals if a.name),
                tuple(a.name for a in animals if a.name and a.species == "cat"),
                frozenset(p for p in gold if klass(p) == "danger"),
                (),
            )
            predicted, parsed = _reading(case, note["text"], klass)
            agreed = frozenset(p for p in gold & predicted if klass(p) == "danger")
            calm = all(klass(p) == "calm" for p in gold) and not any(
                klass(p) == "danger" for p in predicted
            )
            kind = "danger" if agreed else "calm" if calm else None
            if kind is None or (limit is not None and taken[kind] >= limit):
                continue
            taken[kind] += 1
            spans = tuple((s.start, s.end) for s in (*parsed.spans, *parsed.unattributed))
            yield Case(**{**case.__dict__, "danger": agreed, "spans": spans}), klass


def holds(case: Case, text: str, klass: Callable[[Pair], str]) -> tuple[bool, set[Pair]]:
    """Whether `text` (a changed note) keeps the case's reading, and what it reads."""
    predicted, _ = _reading(case, text, klass)
    if case.danger:
        return case.danger <= predicted, predicted
    return not any(klass(p) == "danger" for p in predicted), predicted


def run(
    paths: Sequence[Path] = TUNED,
    limit: int | None = None,
    transforms: Sequence[str] = tuple(TRANSFORMS),
) -> tuple[dict[str, Outcome], int, int]:
    """Each transformation's outcome over the checked notes; also the danger and calm counts."""
    outcomes = {name: Outcome() for name in transforms}
    counts = [0, 0]
    for case, klass in cases(paths, limit):
        counts[0 if case.danger else 1] += 1
        for name in transforms:
            text = TRANSFORMS[name](case.text, case)
            if text == case.text:
                continue
            outcome = outcomes[name]
            outcome.changed += 1
            ok, predicted = holds(case, text, klass)
            if ok:
                outcome.held += 1
            else:
                lost = sorted(case.danger - predicted) if case.danger else "danger on a calm note"
                outcome.failures.append(f"{case.file}:{case.number}: {text!r}\n    lost {lost}")
    return outcomes, counts[0], counts[1]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--failures", action="store_true", help="list each failing note")
    parser.add_argument("--limit", type=int, help="check at most N notes of each kind per file")
    parser.add_argument("--only", action="append", help="run only this transformation")
    args = parser.parse_args(argv)
    outcomes, danger, calm = run(limit=args.limit, transforms=args.only or tuple(TRANSFORMS))
    print(f"checked: {danger} danger notes, {calm} calm notes")
    for name, outcome in outcomes.items():
        share = outcome.held / outcome.changed if outcome.changed else 1.0
        print(f"{name:38} {outcome.held:5}/{outcome.changed:<5} {share:6.1%}")
    if args.failures:
        for name, outcome in outcomes.items():
            if outcome.failures:
                print(f"\n== {name}: {len(outcome.failures)} failures")
                print("\n".join(outcome.failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())

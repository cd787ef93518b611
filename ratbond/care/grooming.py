"""Read a grooming note for findings, so that "found a small scab on her back" is recorded as a
cut, with its vet alert, once the owner confirms it.

Findings with `signals` in care-tasks.yaml are read through the notes reader (`ratbond.notes`,
its public `parse_notes`), which brings its inflections, typos, negation and attribution; the
others (a lump, a skin problem: nothing the reader knows) are read by their title and aliases,
denied by the file's `finding_denials` when one comes first in the clause ("no lumps"). The
command line and the web grooming form both call `read_grooming_note` and ask the owner before
recording what it read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ratbond.care.knowledge import builtin_care_tasks
from ratbond.care.model import CareTasks, Finding
from ratbond.care.words import normalise
from ratbond.model import Animal

READER_PROGRAM = "rat-human"
"""The program the notes reader reads a grooming note in: a person looking a rat over."""
MAX_NOTE = 10_000
"""Longest note read, in characters (longer ones are refused where they are typed)."""
_CLAUSE = re.compile(r"[.;:,!?\n()]+|\s+(?:but|though|although|however|except)\s+", re.I)


@dataclass(frozen=True, slots=True)
class NoteFinding:
    """A finding read in a grooming note, and the words it was read from."""

    finding: Finding
    phrase: str


def read_grooming_note(
    text: str, rat: Animal, care: CareTasks | None = None
) -> tuple[NoteFinding, ...]:
    """The findings `text` reports about `rat`, in the file's order, each once (none for an
    animal that is not a rat: grooming logs are for rats, and saving says so)."""
    if rat.species != "rat":
        return ()
    care = care or builtin_care_tasks()
    text = text[:MAX_NOTE]
    found: dict[str, NoteFinding] = {}
    # A word the care data names as a finding is that finding, whatever the reader guesses
    # ("lumps" is a lump, not a typo for "limps").
    named = {normalise(name): f.id for f in care.findings for name in _names(f)}
    read_by_reader = [f for f in care.findings if f.signals]
    if read_by_reader and text.strip():
        from ratbond.notes import parse_notes

        result = parse_notes(text, [rat], READER_PROGRAM)
        for span in result.spans:
            if span.negated or span.animal not in (rat.id, None):
                continue
            if named.get(normalise(span.text), span.signal) not in (
                span.signal,
                *_ids(care, span.signal),
            ):
                continue
            for finding in read_by_reader:
                if span.signal in finding.signals and finding.id not in found:
                    found[finding.id] = NoteFinding(finding, span.text)
    denials = [normalise(word) for word in care.finding_denials]
    for clause in _CLAUSE.split(text):
        words = f" {normalise(clause)} "
        for finding in care.findings:
            if finding.signals or finding.id in found:
                continue
            for name in _names(finding):
                key = f" {normalise(name)} "
                at = words.find(key)
                if at < 0:
                    continue
                before = words[: at + 1]
                if not any(f" {denial} " in before for denial in denials):
                    found[finding.id] = NoteFinding(finding, name)
                    break
    order = [f.id for f in care.findings]
    return tuple(sorted(found.values(), key=lambda item: order.index(item.finding.id)))


def _names(finding: Finding) -> tuple[str, ...]:
    """Every name of a finding, longest first, so "flaky skin" is quoted whole."""
    names = (finding.id.replace("_", " "), finding.title, *finding.aliases)
    return tuple(sorted(names, key=len, reverse=True))


def _ids(care: CareTasks, signal: str) -> tuple[str, ...]:
    """The findings a reader signal stands for."""
    return tuple(f.id for f in care.findings if signal in f.signals)

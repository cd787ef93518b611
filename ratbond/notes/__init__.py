"""Session notes become signals: the public door to the notes reader (see docs/notes.md)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from functools import cache

from ratbond.engine import class_table
from ratbond.model import Animal, Scenario, Vocabulary
from ratbond.notes.lexicon import Lexicon, load_lexicon
from ratbond.notes.reader import NotesReader
from ratbond.notes.result import NotesResult, Span, Unattributed
from ratbond.notes.review import note_readings, noted_signals

__all__ = [
    "Lexicon",
    "NotesReader",
    "NotesResult",
    "Span",
    "Unattributed",
    "builtin_reader",
    "parse_notes",
    "read_notes_into",
]


@cache
def builtin_reader() -> NotesReader:
    """The reader for the shipped lexicon, loaded once per process."""
    return NotesReader(load_lexicon())


def parse_notes(
    text: str,
    animals: Sequence[Animal] | Mapping[str, Animal],
    program: str,
    roles: Mapping[str, Sequence[str]] | None = None,
) -> NotesResult:
    """What `text` says about `animals` in `program`: signals by animal, unattributed, spans.

    `roles` (role name to animal ids) lets "the new boy" find the newcomer in rat-rat. The web
    form highlights `spans` (character offsets into `text`) and lets the owner untick one.
    """
    return builtin_reader().parse(text, animals, program, roles)


def read_notes_into(scenario: Scenario, vocabulary: Vocabulary) -> Scenario:
    """The scenario with each session's `noted` filled from its notes, by the review rules of
    `ratbond.notes.review` (ticked signals win; danger read from the notes always counts)."""
    if not any(session.notes for session in scenario.sessions):
        return scenario
    reader = builtin_reader()
    program = scenario.program
    in_role = {animal for members in scenario.roles.values() for animal in members}
    animals = [animal for key, animal in scenario.animals.items() if key in in_role]
    species = {animal.id: animal.species for animal in animals}
    classes = class_table(program, vocabulary)
    sessions = []
    for session in scenario.sessions:
        if not session.notes:
            sessions.append(session)
            continue
        result = reader.parse(session.notes, animals, program.id, scenario.roles)
        noted = noted_signals(note_readings(result, species, classes).readings, session.signals)
        sessions.append(dataclasses.replace(session, noted=noted) if noted else session)
    return dataclasses.replace(scenario, sessions=tuple(sessions))

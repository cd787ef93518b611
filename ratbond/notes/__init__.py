"""Session notes become signals: the public door to the notes reader (see docs/notes.md)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from ratbond.engine import class_table
from ratbond.model import Animal, Scenario, Vocabulary
from ratbond.notes.lexicon import Lexicon, load_lexicon
from ratbond.notes.reader import NotesReader
from ratbond.notes.result import NotesResult, Span, Unattributed
from ratbond.notes.review import NoteReadings, note_readings, noted_signals, stays, to_confirm

__all__ = [
    "Lexicon",
    "NotesReader",
    "NotesResult",
    "Span",
    "Unattributed",
    "builtin_reader",
    "parse_notes",
    "read_notes_into",
    "readings_to_confirm",
    "session_readings",
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


def session_readings(
    scenario: Scenario, vocabulary: Vocabulary
) -> Iterator[tuple[int, NoteReadings]]:
    """Each session with notes (by index) and what its notes read, against the scenario's
    animals, roles and program (`ratbond.notes.review.note_readings`)."""
    reader = builtin_reader()
    program = scenario.program
    in_role = {animal for members in scenario.roles.values() for animal in members}
    animals = [animal for key, animal in scenario.animals.items() if key in in_role]
    species = {animal.id: animal.species for animal in animals}
    classes = class_table(program, vocabulary)
    for index, session in enumerate(scenario.sessions):
        if session.notes:
            result = reader.parse(session.notes, animals, program.id, scenario.roles)
            yield index, note_readings(result, species, classes)


def read_notes_into(
    scenario: Scenario, vocabulary: Vocabulary, *, reviewed: bool = True
) -> Scenario:
    """The scenario with each session's `noted` filled from its notes, by the review rules of
    `ratbond.notes.review` (ticked signals win over calm and stress readings; danger,
    aggression and illness read from the notes always count). `reviewed` false: the ticked
    signals answered no question about the notes (`stays`)."""
    if not any(session.notes for session in scenario.sessions):
        return scenario
    sessions = list(scenario.sessions)
    for index, read in session_readings(scenario, vocabulary):
        session = sessions[index]
        noted = noted_signals(read.readings, session.signals, reviewed=reviewed)
        if noted:
            sessions[index] = dataclasses.replace(session, noted=noted)
    return dataclasses.replace(scenario, sessions=tuple(sessions))


def readings_to_confirm(
    scenario: Scenario, vocabulary: Vocabulary, *, reviewed: bool = True
) -> list[dict[str, Any]]:
    """The danger readings of the scenario's notes that the words cannot rule out, as
    `ratbond evaluate` lists them under `to_confirm`: the session (its index and date), the
    animal, the signal, the words read, and whether the advice counted it (`reviewed` as in
    `read_notes_into`)."""
    found: list[dict[str, Any]] = []
    for index, read in session_readings(scenario, vocabulary):
        session = scenario.sessions[index]
        for reading in to_confirm(read.readings):
            found.append(
                {
                    "session": index,
                    "date": session.date.isoformat(),
                    "animal": reading.animal,
                    "signal": reading.signal,
                    "text": list(reading.phrases),
                    "counted": stays(
                        reading, session.signals.get(reading.animal), reviewed=reviewed
                    ),
                }
            )
    return found

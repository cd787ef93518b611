"""Session notes become signals: the public door to the notes reader (see docs/notes.md)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from functools import cache

from ratbond.engine import class_table
from ratbond.model import CLASS_RANK, Animal, Scenario, Session, SessionClass, Vocabulary
from ratbond.notes.lexicon import Lexicon, load_lexicon
from ratbond.notes.parser import NotesReader, NotesResult, Span, Unattributed

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
    """The scenario with each session's `noted` filled from its notes (ticked signals win).

    An animal with no ticked list gets every signal its notes show. An animal whose ticked list
    was given (even empty) has been reviewed by the owner: the notes add only danger signals to
    it, because a bite written in the notes must never be lost. A signal the notes leave to no
    animal counts, when it is stress or worse, for every animal that could have shown it.
    """
    if not any(session.notes for session in scenario.sessions):
        return scenario
    reader = builtin_reader()
    program = scenario.program
    in_role = {animal for members in scenario.roles.values() for animal in members}
    animals = [animal for key, animal in scenario.animals.items() if key in in_role]
    classes = _classes(scenario, vocabulary)
    sessions = []
    for session in scenario.sessions:
        if not session.notes:
            sessions.append(session)
            continue
        result = reader.parse(session.notes, animals, program.id, scenario.roles)
        noted = _merge(session, result, scenario, classes)
        sessions.append(dataclasses.replace(session, noted=noted) if noted else session)
    return dataclasses.replace(scenario, sessions=tuple(sessions))


def _classes(scenario: Scenario, vocabulary: Vocabulary) -> dict[str, dict[str, SessionClass]]:
    """The engine's class table for the program, with illness weighed as stress."""
    return {
        species: {name: "stress" if klass == "illness" else klass for name, klass in names.items()}
        for species, names in class_table(scenario.program, vocabulary).items()
    }


def _merge(
    session: Session,
    result: NotesResult,
    scenario: Scenario,
    classes: Mapping[str, Mapping[str, SessionClass]],
) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}

    def offer(animal: str, signal: str) -> None:
        known = classes.get(scenario.animals[animal].species, {})
        if signal not in known:
            return  # a vocabulary without this signal: nothing to say to the engine
        ticked = session.signals.get(animal)
        if ticked is not None and (signal in ticked or known[signal] != "danger"):
            return
        names = found.setdefault(animal, [])
        if signal not in names:
            names.append(signal)

    for animal, names in result.signals.items():
        for name in names:
            offer(animal, name)
    for item in result.unattributed:
        for animal, name in item.candidates:
            known = classes.get(scenario.animals[animal].species, {})
            if name in known and CLASS_RANK[known[name]] >= CLASS_RANK["stress"]:
                offer(animal, name)
    return {animal: tuple(names) for animal, names in found.items()}

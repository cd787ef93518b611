"""The casts the notes tests read owners' sentences against: Tom the cat with Pip the rat, and
Rex and Max, two rats, with the readers for each."""

from __future__ import annotations

from ratbond.model import Animal
from ratbond.notes import NotesResult, parse_notes

TOM = Animal("tom", "cat", name="Tom", sex="male")
PIP = Animal("pip", "rat", name="Pip", sex="female")
REX = Animal("rex", "rat", name="Rex", sex="male")
MAX = Animal("max", "rat", name="Max", sex="male")


def cat_rat(text: str) -> NotesResult:
    return parse_notes(text, [TOM, PIP], "cat-rat")


def rat_rat(text: str) -> NotesResult:
    return parse_notes(text, [REX, MAX], "rat-rat")


def rat_human(text: str) -> NotesResult:
    """Rex and Max learning to trust their person."""
    return parse_notes(text, [REX, MAX], "rat-human")


def signals(result: NotesResult) -> dict[str, set[str]]:
    """What the reader gave each animal."""
    return {animal: set(names) for animal, names in result.signals.items()}


def read(result: NotesResult) -> set[str]:
    """Every signal read, given to an animal or left to none."""
    found = {name for names in result.signals.values() for name in names}
    return found | {item.signal for item in result.unattributed}

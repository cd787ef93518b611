"""Readings of notes written in clinical, technical and report registers: a lab log's numbered
subjects, a vet's abbreviations, an incident report's passive voice and headers. Each sentence
here is made up for the rule it tests."""

from __future__ import annotations

from ratbond.model import Animal
from ratbond.notes import NotesResult, parse_notes

TOM = Animal("tom", "cat", name="Tom", sex="male")
PIP = Animal("pip", "rat", name="Pip", sex="female")
DOT = Animal("dot", "rat", name="Dot", sex="female")
CAST = [TOM, PIP, DOT]


def signals(result: NotesResult) -> dict[str, set[str]]:
    return {animal: set(names) for animal, names in result.signals.items()}


def read(text: str) -> dict[str, set[str]]:
    return signals(parse_notes(text, CAST, "cat-rat"))


def test_numbered_subjects_are_the_rats_in_the_cast_s_order() -> None:
    assert read("Subject 2: 4 mm laceration R ear.") == {"dot": {"wound"}}
    assert read("subj 1 froze, subject B sniffing") == {"pip": {"freezing"}, "dot": {"sniffing"}}
    assert read("Subjects squeaking.") == {"pip": {"squeaking"}, "dot": {"squeaking"}}
    # a subject with no number is no name
    assert "wound" not in str(read("Changed the subject: a cut on my thumb."))


def test_both_forepaws_held_out_are_a_leap_s_and_one_forepaw_strikes() -> None:
    assert read("Tom leapt onto the carrier, forepaws out.") == {"tom": {"pouncing"}}
    assert read("Tom struck the bars w/ R forepaw.") == {"tom": {"swatting"}}

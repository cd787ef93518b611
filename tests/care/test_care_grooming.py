"""Grooming notes: findings described in words are read (through the notes reader where it
knows them), denials and other rats' findings are not."""

from __future__ import annotations

import pytest

from ratbond.care.grooming import read_grooming_note
from ratbond.care.knowledge import builtin_care_tasks
from ratbond.model import Animal
from ratbond.programs import builtin_vocabulary

KIT = Animal(id="kit", species="rat", name="Kit", sex="female")


def found(text: str) -> list[str]:
    return [item.finding.id for item in read_grooming_note(text, KIT)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("found a small scab on her back and porphyrin around the eyes", ["cut", "red_tears"]),
        ("Kit has a cut on her tail", ["cut"]),
        ("she was sneezing and her breathing sounded rattly", ["breathing_noise"]),
        ("found a lump under her arm", ["lump"]),
        ("checked for lumps but found a small bump on her side", ["lump"]),
        ("flaky skin behind the ears", ["skin"]),
        ("bit of porphrin this morning", ["red_tears"]),
    ],
)
def test_findings_in_words_are_read(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "no scabs, no porphyrin, coat looks great",
        "no lumps, no mites",
        "all good",
        "didn't find any lumps",
        "checked for lumps, all fine",
        "",
    ],
)
def test_denied_or_absent_findings_are_not_read(text: str) -> None:
    assert found(text) == []


def test_finding_signals_are_rat_signals_of_the_notes_reader() -> None:
    rat_signals = builtin_vocabulary().signals["rat"]
    for finding in builtin_care_tasks().findings:
        for signal in finding.signals:
            assert signal in rat_signals, (finding.id, signal)


def test_a_note_about_a_cat_reads_nothing() -> None:
    tom = Animal(id="tom", species="cat", name="Tom")
    assert read_grooming_note("a scab on his ear", tom) == ()

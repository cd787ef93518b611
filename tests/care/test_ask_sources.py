"""Ask: where a thing came from ("from my desk drawer stash") is no part of the question."""

from __future__ import annotations

import pytest

from ratbond.care.ask import ask


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Can the rats have a few of the plain pumpkin seeds from my desk drawer stash?",
            "food:pumpkin seeds",
        ),
        ("Are a few blueberries from my smoothie bag all right for them?", "food:blueberry"),
    ],
)
def test_a_food_from_somewhere_is_the_food_asked(question: str, expected: str) -> None:
    result = ask(question)
    assert result.answers, question
    assert result.answers[0].id == expected


def test_a_part_of_a_food_or_a_cause_keeps_what_follows_from_my() -> None:
    assert ask("can my rat eat the seeds from my apple").answers[0].id == "food:apple"
    result = ask("my rats started sneezing from my new bedding")
    assert result.answers[0].id == "faq:sneezing_porphyrin"


def test_an_animal_or_an_alarm_after_from_my_is_still_asked() -> None:
    first = ask("Can my rats catch a cold from my cat?").answers[0].id
    assert first in {"faq:caught_by_cat", "faq:cats_and_rats"}
    result = ask("My rat ate a pill from my handbag, what now?")
    assert result.answers[0].id == "faq:ate_something_toxic"

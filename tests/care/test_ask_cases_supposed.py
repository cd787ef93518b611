"""Ask: an alarm named only as a case supposed ("what if they fall") is no emergency, while one
whose truth is only unknown ("I don't know if he swallowed it") still is; and the words of a
whole clean of the cage and of a young newcomer find their answers."""

from __future__ import annotations

import pytest

from ratbond.care.ask import ask


def first(question: str) -> str:
    answers = ask(question).answers
    return answers[0].id if answers else "none"


def test_a_fall_only_supposed_leaves_the_question_asked() -> None:
    # the alarm in the clause that goes on with "or" is supposed too
    question = (
        "Is it safe to let them run around on my bed? What if they chew a cable and get "
        "electrocuted, or fall off the edge and break something"
    )
    assert first(question) == "faq:free_roam"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a thing that did happen, told after "if", is still answered as it is
        ("What do I do if the cat bit my rat an hour ago?", "faq:caught_by_cat"),
        ("What should I do if my rat is bleeding from the nose?", "faq:bleeding"),
        # "if" after a word of knowing asks whether: the emergency stands
        (
            "My rat grabbed a bit of gum off the floor. I don't know if he swallowed it, "
            "is that an emergency?",
            "faq:ate_something_toxic",
        ),
    ],
)
def test_an_alarm_after_if_that_may_be_so_keeps_its_answer(question: str, expected: str) -> None:
    assert first(question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "How often should I be doing a full strip-down of the cage? I'm infection-control "
        "minded and do it every two days, is that too much?",
        "How often does the whole cage need a deep clean?",
    ],
)
def test_a_whole_clean_of_the_cage_is_cleaning(question: str) -> None:
    assert first(question) == "faq:cleaning"


def test_a_new_young_rat_is_a_new_rat() -> None:
    question = (
        "I'm getting a new young rat for my boy, who lives alone. How do I get them to live "
        "together?"
    )
    assert first(question) == "faq:introduce_rats"

"""Emoji read as the words they stand for, by their Unicode names."""

from __future__ import annotations

import pytest

from ratbond.care.ask import ask
from ratbond.care.emoji import emoji_as_words

MEANT = {"☕": "coffee", "🤧": "sneezing"}


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("can 🐀 eat 🍇", "can rat eat grapes"),
        ("my 🐀's 🦶 is 🩸", "my rat's foot is drop of blood"),
        ("🐀🐀 have 🧀?", "rat rat have cheese wedge ?"),
        ("he drank ☕️", "he drank coffee"),
        ("🤧🤧 all day", "sneezing sneezing all day"),
        ("👍🏽 🐁", "thumbs up sign mouse"),
    ],
)
def test_an_emoji_is_its_unicode_name_or_the_word_owners_mean(text: str, read: str) -> None:
    assert " ".join(emoji_as_words(text, MEANT).split()) == read


@pytest.mark.parametrize("face", ["😭", "😱", "🤔", "🥺", "🫠"])
def test_a_face_that_shows_a_feeling_is_dropped(face: str) -> None:
    assert emoji_as_words(f"my rat {face} is ok", MEANT).split() == ["my", "rat", "is", "ok"]


def test_a_family_joined_by_zero_width_joiners_is_its_members() -> None:
    assert emoji_as_words("🐈\u200d⬛ and 🐀", MEANT).split() == [
        "cat",
        "black",
        "large",
        "square",
        "and",
        "rat",
    ]


def test_text_without_emoji_is_unchanged() -> None:
    for text in (
        "my rat bit me -> ouch",
        "café crème",
        "x \u2192 y",
        "naïve, \u201cquoted\u201d \u2013 dashed",
    ):
        assert emoji_as_words(text, MEANT) == text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is 🍌 safe for my 🐀?", "food:banana"),
        ("my 🐀 is 🩸 from the 🦶 😭", "faq:bleeding"),
        ("the 🐈 bit my 🐀!!", "faq:caught_by_cat"),
    ],
)
def test_ask_reads_a_question_told_in_emoji(question: str, expected: str) -> None:
    assert ask(question).answers[0].id == expected, question

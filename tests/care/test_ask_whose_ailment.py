"""Ask: whose ailment a question tells of. A person's own cough beside the rat cage and a cat's
own sickness get no answer; a pet named by name, or a rat the cat got, keeps the question the
rat's. "Rat" as a verb of telling on someone names no rat."""

from __future__ import annotations

import pytest
from asking import first


@pytest.mark.parametrize(
    "question",
    [
        "could my cough be from cleaning the rat cage",
        "I've had a rash for weeks and I clean the rat cage daily, should I see a doctor?",
        # a cat that had been shut in somewhere caught nothing
        "the old lady's cat had been shut in the bathroom for two days, she's floppy, what do I do",
        # a rat named only as when the asker got them
        "ever since I got the rats my eyes itch and I keep sneezing, what should I take?",
        "my cat is sick, she's 14, is it serious",
        "my kucing keeps vomiting after eating fish, why",
        # the name right after the cat's word is the cat's own
        "my cat Luna keeps being sick, what do I do",
        "our cat Winston has been sick all night, should I be worried about him?",
        # ... and so is one set off by commas, and its ailment told in an animal's words
        "Our cat, Mortimer, keeps losing weight, what should he eat?",
        "my cat has fleas and keeps scratching, what do I use",
        "my cat has gone off his food and is lethargic, two days now",
        # ... or a cold of its own
        "Crema, my cat, has been sneezing and has crusty stuff round her eyes. Vet?",
        # ... or told after a pronoun that stands for the owner's own cat
        "my cat ate a hair tie and now she's throwing up, what do i do",
        "a colleague ratted me out to the boss, what do I do",
    ],
)
def test_a_person_or_a_cat_ill_or_a_rat_as_a_verb_gets_no_answer(question: str) -> None:
    assert first(question) == "none"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a pet named by name may be the one ill
        (
            "my boyfriend thinks that Biscuit might have lost some weight recently",
            "faq:weight_loss",
        ),
        ("while cleaning the rat cage I noticed Biscuit can't breathe properly", None),
        ("my cat licked Nibbles, could she get sick from it", None),
        ("my cat Luna bit Nibbles and she is bleeding", "faq:caught_by_cat"),
        # ... and so may a name after the cat that is not the owner's cat's own
        ("we got a cat, Pip has lost weight since", "faq:weight_loss"),
        ("since we got the cat Nibbles has lost weight", "faq:weight_loss"),
        ("the cat got into the cage and now there is blood on her back", "faq:caught_by_cat"),
        # the cat in a learner's own word still caught the rat
        ("my kucing caught my rat, small wound on the neck, what do I do", "faq:caught_by_cat"),
        # ... and the rat in a learner's own word is the rat
        ("I want teach my žurka to jump through ring, how?", "program:trick-hoop"),
        # a pronoun the cat did something to, or a rat's home named, may be the rat
        ("my cat keeps staring at her, she's stopped eating", "faq:weight_loss"),
        ("the cat was at the cage all night, now she is not eating", "faq:weight_loss"),
        # ... and so may one told after the cat ("since the cat moved in she won't eat")
        ("since the cat moved in she won't eat", "faq:weight_loss"),
        ("we got a cat last month. I noticed not eating much", "faq:weight_loss"),
        # "rats on me" is still the rats
        ("my two rats on me started fighting and one is bleeding", None),
    ],
)
def test_a_pet_named_or_the_cats_catch_keeps_the_question_the_rats(
    question: str, expected: str | None
) -> None:
    answer = first(question)
    assert answer != "none"
    if expected is not None:
        assert answer == expected


def test_rats_got_since_and_ill_themselves_keep_the_question() -> None:
    assert first("since we got the rats they keep sneezing, what should I do?") == (
        "faq:sneezing_porphyrin"
    )


def test_a_rat_in_the_cats_gob_is_caught() -> None:
    assert first("the cat had our Nibbles in its gob, she's a nick on her neck, what do I do") == (
        "faq:caught_by_cat"
    )

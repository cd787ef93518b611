"""Ask tells what a question is about: another pet catching the rat and a household poison are
emergencies; other animals, figures of speech and other subjects get no answer. Questions of our
own, none from a data set."""

from __future__ import annotations

import pytest

from ratbond.care.ask import ask


@pytest.mark.parametrize(
    "question",
    [
        "the dog grabbed my rat",
        "my dog bit my rat",
        "our ferret caught one of the rats last night",
        "the puppy mouthed my rat, he looks fine though",
        "a dog snatched my rat off the sofa, she's shaking",
        "my sister's dog got hold of my rat for a second",
        # a cat named by its coat or kind, or in a learner's word
        "the neighbour's tabby got in and bit my rat, there is a puncture on her back",
        "our kočka had the rat in her mouth, he has scratches on his back",
    ],
)
def test_another_hunting_pet_catching_the_rat_is_the_caught_emergency(question: str) -> None:
    result = ask(question)
    assert result.answers[0].id == "faq:caught_by_cat"


@pytest.mark.parametrize(
    "question",
    ["my dog's got fleas, what should I use", "my dog bit the neighbours cat, does it need a vet"],
)
def test_a_dog_alone_is_still_not_a_rat_question(question: str) -> None:
    assert not ask(question).answered


@pytest.mark.parametrize(
    "question",
    [
        "is antifreeze poison to rats",
        "my rat drank some antifreeze off the garage floor",
        "is weed killer toxic to rats",
        "she licked a slug pellet, is that bad",
    ],
)
def test_a_household_poison_is_the_ingestion_emergency(question: str) -> None:
    assert ask(question).answers[0].id == "faq:ate_something_toxic"


def test_asking_for_rat_poison_is_still_pest_control() -> None:
    assert not ask("what is the best rat poison to put down").answered


@pytest.mark.parametrize(
    "question",
    [
        "my gelding is lame on the near fore, what do I do",
        "how do I keep raccoons out of the trash",
        "my brother is such a gym rat, how do I get him to rest",
        "how do I escape the rat race and retire early",
        "hickory or cherry wood for smoking meat",
        "any tips for coping with a panic attack at work",
        "a rat chewed the wiring in the engine, will car insurance pay",
    ],
)
def test_other_animals_figures_of_speech_and_other_subjects_get_no_answer(question: str) -> None:
    assert not ask(question).answered


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("my rat's tail got cut on the cage door and it won't stop bleeding", "faq:bleeding"),
        ("can I take my rat in my car to the vet", None),
    ],
)
def test_a_rat_tail_and_a_car_trip_stay_questions_about_rats(
    question: str, expected: str | None
) -> None:
    result = ask(question)
    assert result.answered
    if expected:
        assert result.answers[0].id == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("my rat fell into the engine bay and now he is limping", "faq:injured_rat"),
        (
            "my rat seems to have a panic attack, panting and breathing fast",
            "faq:breathing_trouble",
        ),
        ("my badger rat keeps sneezing", "faq:sneezing_porphyrin"),
        ("there is a mole on my rat's skin, could it be a tumour", "finding:lump"),
        ("my dog snapped at the cage and the rats are hiding", None),
        ("my rat has a seed stuck in his teeth", None),
        ("is it safe to clean the cage with diluted bleach", "faq:cleaning"),
    ],
)
def test_a_rat_question_with_a_word_of_another_subject_stays_a_rat_question(
    question: str, expected: str | None
) -> None:
    """Words that mark other subjects or emergencies elsewhere (an engine, a panic attack, a
    badger, a mole, bleach, something in the teeth) do not make a rat owner's question
    off-topic or an emergency it is not."""
    result = ask(question)
    assert result.answered
    if expected:
        assert result.answers[0].id == expected
    assert result.answers[0].id not in {"faq:caught_by_cat", "faq:ate_something_toxic"}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "one of my boys bit me on the wrist while I topped up the food, it won't stop "
            "bleeding and I take warfarin for my heart",
            "faq:bitten_person",
        ),
        ("my rat bit me hard, I'm on warfarin, it keeps bleeding", "faq:bitten_person"),
    ],
)
def test_the_owners_rat_with_an_alarm_is_never_pest_control(question: str, expected: str) -> None:
    """A word of pest control (warfarin is also a rat poison) beside the owner's own rat and a
    harm done is the emergency, not another subject."""
    result = ask(question)
    assert result.answers, question
    assert result.answers[0].id == expected, question


@pytest.mark.parametrize(
    "question",
    [
        "rats in the barn chewing through the feed bags, what bait should I put down",
        "there's a rat living under the decking, how do I get it to leave",
        "rats in the stockroom, droppings everywhere, how do we keep them out",
    ],
)
def test_rats_no_one_owns_where_wild_ones_live_are_pest_control(question: str) -> None:
    assert not ask(question).answered, question


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "our pet rat got into the rat poison in the shed, what do I do",
            "faq:ate_something_toxic",
        ),
        ("my rat escaped and is living under the decking, how do I catch her", None),
        ("is it safe to let my rats run around the kitchen", "faq:free_roam"),
    ],
)
def test_kept_rats_where_wild_ones_live_are_still_answered(
    question: str, expected: str | None
) -> None:
    result = ask(question)
    assert result.answered, question
    if expected is not None:
        assert result.answers[0].id == expected

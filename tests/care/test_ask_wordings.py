"""Ask: a learner's ways of asking, the poison put down for wild rodents and the signs of a rat
short of air are read as what they mean."""

from __future__ import annotations

import pytest
from asking import first

from ratbond.care.ask import ask


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # poison laid for wild rats or mice that the owner's rat ate is the emergency
        (
            "my rat chewed the pellets the neighbour put against rats, help",
            "faq:ate_something_toxic",
        ),
        (
            "my rat ate the poison the council left for the wild rats, what now",
            "faq:ate_something_toxic",
        ),
        # an emergency stays first beside a sign of another kind
        (
            "my rat chattering teeth and breathing hard after eating a lily",
            "faq:ate_something_toxic",
        ),
        ("my rat's mouth is open and there's blood on her teeth", "faq:bleeding"),
        ("a drop of pus from my rat's ear", "faq:injured_rat"),
        (
            "my rat got his back foot jammed in the door, foot's puffy, won't walk on it",
            "faq:injured_rat",
        ),
        ("the door closed upon my rat's tail and it will not stop", "faq:injured_rat"),
        ("who should I call if a rat bit my baby?", "faq:bitten_person"),
        ("who do I call about a rat bite on my child?", "faq:bitten_person"),
    ],
)
def test_an_emergency_told_so_is_answered_first(question: str, expected: str) -> None:
    assert ask(question).answers[0].id == expected, question


def test_wild_rats_eating_is_still_pest_control() -> None:
    assert not ask("rats in the shed keep eating the feed, which bait kills them").answers


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # "may ... have", a drop of a thing, and whether a thing is a problem for rats
        ("may rats have grapes?", "food:grapes"),
        ("can I give my rat a drop of wine at christmas", "food:alcohol"),
        ("is chocolate a problem for rats?", "food:chocolate"),
    ],
)
def test_a_food_asked_in_other_words_gets_its_answer(question: str, expected: str) -> None:
    assert ask(question).answers[0].id == expected, question


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a rat likened to, or a name called, is no rat ...
        ("why do people call my ex a rat", None),
        ("Car makes squeaking like rat when I brake, what is it broken?", None),
        # a person called a rat, told on someone, with pronouns for that person
        ("my flatmate is a total rat, he ate my lunch again, how do I confront him", None),
        ("how do you deal with someone who rats on you at work", None),
        ("my mate is a right rat and told my girlfriend everything, how do I get him back", None),
        # ... but one who keeps rats, a rat given to someone, or a rat itself, is still a rat
        # question
        ("my boyfriend is a rat person and wants two, how big a cage", "faq:cage_size"),
        ("my friend is a rat vet, she says it's a tumour, what now", "finding:lump"),
        (
            "I bought my brother a rat for christmas, how do I help him settle it in",
            "faq:first_days",
        ),
        ("who rats trust most, the person who feeds them?", "program:rat-human"),
        ("she is a rat, right, so can she have grapes", "food:grapes"),
        # ... but a rat liked, or one a person would call for, is
        ("do cats like rats?", "faq:cats_and_rats"),
        ("how do I get my cat to like my rat?", "faq:cat_attacks"),
        ("looks like a rat bit my baby, bleeding", "faq:bitten_person"),
        ("I'd like a rat, what cage do I need", "faq:cage_size"),
        ("my rats had a fight, should I keep them separate?", "faq:boxing"),
    ],
)
def test_a_rat_only_likened_or_called_names_no_rat(question: str, expected: str | None) -> None:
    answers = ask(question).answers
    assert (answers[0].id if answers else None) == expected, question


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how do I teach my rat to spin", "program:trick-spin"),
        (
            "I'd like him to come back to me when I call his name, where do I begin",
            "program:trick-come",
        ),
    ],
)
def test_a_trick_a_program_teaches_gets_the_program(question: str, expected: str) -> None:
    assert ask(question).answers[0].id == expected, question


def test_teeth_ground_with_eyes_boggling_answers_with_the_signs_of_trust() -> None:
    answer = ask("why would a rat grind teeth with boggling eyes")
    assert "faq:trust_signs" in [doc.id for doc in answer.answers]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # another subject inside a likening is no subject of the question
        (
            "Rex and Max wrestle in the hammock, squeaking. Like two chefs arguing over a"
            " recipe. Playing or scrapping?",
            "faq:boxing",
        ),
        ("should I handle the nippy new lad with thick gauntlets on?", "faq:gloves"),
        ("her tail has gone yellow and grubby, can I scrub it with a toothbrush", "faq:grooming"),
        ("I go home two week, friend take care rat can or not?", "faq:sitter"),
    ],
)
def test_care_asked_in_a_trade_or_a_likening_finds_its_entry(question: str, expected: str) -> None:
    assert first(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # near the new phrases, but no injury, no film and no insult
        ("my rat is not walking on the wheel anymore, is it too small?", "faq:cage_size"),
        ("my rat chewed some plastic from a film canister, is she ok", "faq:ate_something_toxic"),
        ("I have a dirty rat, how do I clean him?", "faq:cleaning"),
    ],
)
def test_words_near_an_injury_a_film_or_an_insult_keep_their_entry(
    question: str, expected: str
) -> None:
    assert first(question) == expected

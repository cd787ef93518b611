"""Ask: an alarm named only as a case supposed ("what if they fall") is no emergency, while one
told after a bare "if" ("if he's bleeding") or told to be so still is; and the words of a whole
clean of the cage and of a young newcomer find their answers."""

from __future__ import annotations

import pytest
from asking import first


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the alarm in the clause that goes on with "or" is supposed too
        (
            "Is it safe to let them run around on my bed? What if they chew a cable and get "
            "electrocuted, or fall off the edge and break something",
            "faq:free_roam",
        ),
        (
            "how big should the cage be? what if they fall from the top level and hurt themselves",
            "faq:cage_size",
        ),
        (
            "Can I leave the rats with my cat while I'm on holiday? What if she catches one?",
            "faq:sitter",
        ),
    ],
)
def test_a_harm_only_supposed_leaves_the_question_asked(question: str, expected: str) -> None:
    assert first(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a thing that did happen, told after "if", is still answered as it is
        ("What do I do if the cat bit my rat an hour ago?", "faq:caught_by_cat"),
        ("What should I do if my rat is bleeding from the nose?", "faq:bleeding"),
        # a bare "if" supposes nothing, nor does a supposition told to be so, nor a clause
        # after "or" that asks its own question
        ("Is it ok to feed him if he's bleeding?", "faq:bleeding"),
        ("What should I feed her if she's lost weight?", "faq:weight_loss"),
        (
            "in case this is important my girl has lost a lot of weight and her hips show, "
            "what should i feed her",
            "faq:weight_loss",
        ),
        (
            "what if he fell, or what if the cat got him? he's bleeding from the mouth",
            "faq:bleeding",
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
        "what's best to scrub down the cage with, vinegar or F10?",
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


@pytest.mark.parametrize(
    "question",
    [
        "if my rat is gasping for air and blue around the nose can I give him honey water",
        "can I give him a grape to perk him up, he's gasping for breath in the corner",
    ],
)
def test_a_threat_to_life_told_beside_another_question_is_answered_first(question: str) -> None:
    assert first(question) == "faq:breathing_trouble"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("can I give her banana if she is bleeding from her nose right now", "faq:bleeding"),
        (
            "Do I need to separate them if one is bleeding after a fight in the cage?",
            "faq:bleeding",
        ),
        # ... though not before another emergency told
        ("the cat scratched her and she is bleeding, what do I do", "faq:caught_by_cat"),
        ("my rat bit me and my finger is bleeding, do I need a tetanus shot", "faq:bitten_person"),
    ],
)
def test_an_alarm_happening_now_goes_before_an_answer_of_another_kind(
    question: str, expected: str
) -> None:
    assert first(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a person's, a thing's, a likeness, a past one: each needs its share of the question
        (
            "I was gasping for air after cleaning the whole cage, how often should I clean?",
            "faq:cleaning",
        ),
        (
            "the strawberry is bleeding red juice, can rats eat strawberries every day",
            "food:strawberry",
        ),
        (
            "looks like shes bleeding from her nose but i think its red tears",
            "faq:sneezing_porphyrin",
        ),
        (
            "he used to have mouth breathing at the pet shop but not now, what treats are healthy",
            "faq:treats",
        ),
    ],
)
def test_an_alarm_not_the_rats_now_goes_first_only_by_its_share(
    question: str, expected: str
) -> None:
    assert first(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a rat choking, or one that ate a poison laid for pests, is answered first
        ("what should I do if my rat is choking on a piece of carrot", "faq:breathing_trouble"),
        (
            "can i give him water or milk if he just ate rat poison in the shed",
            "faq:ate_something_toxic",
        ),
        # a food's choking hazard is the food's question; a person choking is no rat's
        ("can rats choke on peanut butter", "food:peanut butter"),
        ("my son is choking on a sweet, what do i do", "none"),
    ],
)
def test_a_rat_choking_or_poisoned_now_is_its_emergency(question: str, expected: str) -> None:
    assert first(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the asker's own bleeding is no rat's emergency
        ("my finger is bleeding, can rats eat banana", "food:banana"),
        ("my gums are bleeding when I brush, can my rats have toothpaste", "faq:treats"),
        # ... but a bite told makes it the rat's bite, and a pet word, a pronoun or a pet's name
        # the rat's; and the asker's words beside another alarm leave it the rat's
        ("my rat bit me and my finger is bleeding, what do I do", "faq:bitten_person"),
        ("my boy's ear is bleeding after a fight, what do I do", "faq:bleeding"),
        ("my hand is bleeding and so is Pip's paw, rats heal fast?", "faq:bleeding"),
        ("I noticed Biscuit has lost weight, what should I feed", "faq:weight_loss"),
        ("Remy ate my heart pills, are rats ok", "faq:ate_something_toxic"),
    ],
)
def test_the_askers_own_alarm_makes_no_emergency_of_a_rat(question: str, expected: str) -> None:
    assert first(question) == expected


def test_a_likening_ends_where_a_new_part_of_its_clause_begins() -> None:
    question = (
        "mochi is breathing weird like a clicking noise and his sides going in and out really"
        " fast hes all puffed up in the corner"
    )
    assert first(question) == "faq:breathing_trouble"

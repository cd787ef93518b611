"""Ask: a food asked about by a brand, a regional word or a near kind finds its entry."""

from __future__ import annotations

import pytest

from ratbond.care.ask import ask


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is a cube of feta ok for my rat", "food:cheese"),
        ("my rat licked some halloumi, fine?", "food:cheese"),
        ("can rats drink sprite", "food:carbonated drinks"),
        ("is a sip of pepsi ok for a rat", "food:carbonated drinks"),
        ("the rat chewed a pouch of snus, is that dangerous", "food:nicotine"),
        ("is chewing tobacco poisonous to rats", "food:nicotine"),
        ("is kangkung fine for rats", "food:leafy greens"),
        ("can rats eat tauhu", "food:packaged tofu"),
        ("can my rat lick my ovaltine cup", "food:chocolate"),
        ("is milo bad for a rat", "food:chocolate"),
        ("can I share canned sardines with my rats", "food:tinned tuna"),
        ("is pumpernickel okay for rats", "food:wholemeal bread"),
        ("a corner of rye bread every day, is that fine for a rat", "food:wholemeal bread"),
        # other names: a fruit's kind, an old English name, a brand, a German learner's word
        ("may the rats have damsons from the tree", "food:plum"),
        ("can rats eat marrow, raw or cooked", "food:courgette"),
        ("is a drop of sherry harmful to a rat", "food:alcohol"),
        ("can the rats eat Haribo", "food:sweets"),
        ("can my rats have a satsuma", "food:orange"),
        # a thing shared with them, or had by them, is a food asked after
        ("we have much kohlrabi from the garden, can she have it raw?", "faq:treats"),
        ("siu mai from yum cha, can I share one with my rats?", "faq:treats"),
        ("the rat ate a few cacao nibs off the floor, bad news?", "food:chocolate"),
        ("is Gurke good for rats, the fresh green one", "food:cucumber"),
        ("may rats Quark eat", "food:cottage cheese"),
        ("is Apfelschorle bad for rats", "food:carbonated drinks"),
        # meat by the animal it came from, cooked lean or raw, and biscuits by their names
        ("can the rats have a bit of rabbit meat off the bone", "food:cooked lean meat"),
        ("can the rats have a bit of the chick I'm thawing for the hawk, raw?", "food:raw meat"),
        ("is a custard cream ok for my rat", "food:cake and biscuits"),
        ("can my rat have a bit of sausage roll", "food:processed meat"),
        ("my rat chewed some tomato stalks, is that bad", "food:tomato leaves"),
    ],
)
def test_a_food_known_by_another_name_finds_its_entry(question: str, expected: str) -> None:
    result = ask(question)
    assert result.answers, question
    assert result.answers[0].id == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "movie night with my flatmate: can the rats share a spoon of ice cream, or no?",
            "food:ice cream",
        ),
        ("planning the weekly menu, how many almonds a day can a rat have", "food:almonds"),
        ("leftover cooked quinoa from lunch, fine to share with the girls?", "food:cooked quinoa"),
        # ... but not ahead of an emergency: the sweet here is no food
        (
            "our tabby got hold of Biscuit, a sweet little girl, and there's a scratch by her eye",
            "faq:caught_by_cat",
        ),
    ],
)
def test_a_food_named_whole_goes_before_the_general_diet_answers(
    question: str, expected: str
) -> None:
    assert ask(question).answers[0].id == expected, question


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a food word in another sense, or used for something other than eating
        ("she's such a sweet girl but so shy, how can I help her", "faq:shy_rat"),
        ("can I clean the cage with alcohol wipes?", "faq:cleaning"),
        # a food named in passing, beside the staple or in the story around the question
        (
            "how much should a rat eat per day, mine gets a handful of pellets and some broccoli",
            "faq:base_diet",
        ),
        ("good treats for rats? mine go crazy for peas", "faq:treats"),
        ("how do I teach my rat tricks, i use a pea", "faq:training"),
    ],
)
def test_a_food_named_in_passing_leaves_the_question_its_subject(
    question: str, expected: str
) -> None:
    assert ask(question).answers[0].id == expected, question


def test_a_sentence_saying_what_an_unknown_food_is_is_asked_about() -> None:
    question = (
        "Is possible to give small piece of kranjska klobasa? It is our famous smoked sausage,"
        " Luka is crazy for smell"
    )
    assert ask(question).answers[0].id == "food:processed meat"
    # a known food is asked about as named, whatever the next sentence says of it
    question = (
        "may the rats have a small piece of my Christmas cake? It is the proper sort with fruit"
        " and nuts."
    )
    assert ask(question).answers[0].id == "food:cake and biscuits"


def test_a_thing_left_to_the_asker_is_no_leaving() -> None:
    question = "Harvest festival has left us with a bag of sultanas. Safe for rats, and how many?"
    assert ask(question).answers[0].id == "food:raisins"

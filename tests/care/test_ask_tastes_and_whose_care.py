"""Ask: a taste asked for ("can my rats try a bit of beetroot", "are figs ok for her girls") is
a question of what rats may eat, and a cat a thing is asked to be safe for, in a question that
names no rat, is the cat's own care (no answer), each both ways."""

from __future__ import annotations

from asking import first


def test_a_taste_asked_for_is_a_question_of_what_rats_may_eat() -> None:
    assert first("Can my rats try a bit of beetroot?") == "faq:treats"
    assert first("We grow kohlrabi. Can my rats try some?") == "faq:treats"
    assert first("Are fresh figs ok for her girls? She has a tree in the garden.") == "faq:treats"
    # a food ratbond knows is still answered by its own entry
    assert first("Can my rats try a bit of banana?") == "food:banana"


def test_a_cat_a_thing_is_asked_to_be_safe_for_is_the_cats_own_care() -> None:
    for swallowed in (
        "My aunt's cat chewed some ribbon at the party and may have swallowed a bit. Is ribbon"
        " dangerous for a cat?",
        "The neighbour's cat got into the bin and swallowed some tinsel. Is tinsel dangerous for"
        " a cat?",
    ):
        assert first(swallowed) == "none", swallowed
    # the same thing swallowed by a rat is an emergency
    assert first("My rat chewed thread and might have swallowed some. Is that dangerous?") in {
        "faq:ate_something_toxic",
        "faq:injured_rat",
    }

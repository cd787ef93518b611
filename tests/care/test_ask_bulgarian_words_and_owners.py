"""Ask: a Bulgarian speaker's cat, rat, blood, cage, grandmother and cheeses are read; and a
person named only as the owner of an animal ("the cat of the neighbour") asks for no entry of
their own, each both ways."""

from __future__ import annotations

from asking import first


def test_a_bulgarian_speakers_cat_and_rat_are_read() -> None:
    meet = "We take small котка from street. Can котка and плъх live together in one flat?"
    assert first(meet) in {"faq:cats_and_rats", "program:cat-rat"}
    # the cat's own worms are still the cat's
    assert first("My котка have worms, which tablet is good for котка?") == "none"


def test_a_bulgarian_cheese_is_cheese() -> None:
    assert first("In Bulgaria we eat сирене every day. Can плъх eat small piece?") == "food:cheese"
    assert first("Can my rat have a little white cheese?") == "food:cheese"


def test_a_bulgarian_grandmothers_walnuts_are_walnuts() -> None:
    assert first("walnuts from баба village, how many is ok for one плъх in one day") == (  # noqa: RUF001
        "food:walnuts"
    )


def test_a_cat_of_the_neighbour_is_no_call_for_a_sitter() -> None:
    caught = "котка of neighbour put paw in клетка and catch Gosho. He have кръв on neck."
    assert first(caught) in {"faq:caught_by_cat", "faq:injured_rat", "faq:bleeding"}
    # a neighbour who minds the rats still asks for a sitter
    assert first("We go away for a week, can the neighbour look after the rats?") == "faq:sitter"

"""A cat that caught, got or carried off a rat may have bitten her (cat saliva infects a rat):
the reader reads the bite, for the owner to confirm, unless the words say how the catch was
made. Each sentence here is made up for the rule it tests."""

from __future__ import annotations

import pytest
from casts import cat_rat, rat_rat, read, signals

from ratbond.notes import NotesResult


def confirmed(result: NotesResult) -> set[tuple[str | None, str]]:
    return {(span.animal, span.signal) for span in result.spans if span.confirm}


@pytest.mark.parametrize(
    "text",
    [
        "Tom caught Pip",
        "The cat grabbed Pip when she ran past.",
        "Tom nabbed her as she came out of the tube",
        "Tom got Pip",
        "Pip slipped out and the cat got her before I could stop him.",
        "Tom carried Pip off behind the sofa",
        "Tom carried her away",
        "Tom got hold of Pip for a second",
        "Tom caught Pip and shook her",
    ],
)
def test_a_cat_s_catch_of_the_rat_is_a_bite_to_confirm(text: str) -> None:
    result = cat_rat(text)
    assert "biting" in signals(result)["tom"]
    assert ("tom", "biting") in confirmed(result)


def test_a_cat_that_shook_the_rat_is_no_trembling_of_hers() -> None:
    assert "pip" not in signals(cat_rat("Tom caught Pip and shook her"))
    assert "biting" in signals(cat_rat("Tom shook Pip like a toy"))["tom"]
    # the rat's own shaking is still hers
    assert signals(cat_rat("Pip shook all over and hid")) == {"pip": {"trembling", "hiding"}}
    assert signals(cat_rat("Pip shook her head")) == {"pip": {"trembling"}}


def test_a_catch_the_words_explain_is_what_they_say() -> None:
    # a bite that says how: the bite, stated, nothing to confirm
    result = cat_rat("Tom caught Pip and sank his teeth into her")
    assert signals(result) == {"tom": {"biting"}}
    assert not confirmed(result)
    # a paw that says how (even one at the bars): a swipe, no bite
    for text in (
        "Tom swatted at Pip through the bars and caught her nose.",
        "Tom swiped at the bars and caught Pip.",
        "Tom got a paw through and caught Pip on the side.",
    ):
        assert "biting" not in signals(cat_rat(text)).get("tom", set()), text
    # a pounce that says how ("got him. Pinned."): the pounce
    assert "biting" not in signals(cat_rat("Tom got her. Pounced, pinned her.")).get("tom", set())


@pytest.mark.parametrize(
    "text",
    [
        "Tom caught a mouse in the garden, then watched Pip calmly.",
        "Tom caught a moth and ate it.",
        "Tom caught the feather toy over and over.",
        "Tom chased the laser and caught it.",
        "Something outside caught his eye.",
        "Tom caught a glimpse of Pip and walked off.",
        "Tom got up and left the room.",
        "I got Pip a treat.",
        "Tom got bored and slept.",
        "I caught Pip before Tom could.",
        "My partner carried Tom away from the cage.",
        "Tom got Pip's scent from the towel.",
        "Tom got a treat.",
        "Tom was on the sofa all session.",
    ],
)
def test_no_catch_of_the_rat_is_no_bite(text: str) -> None:
    assert "biting" not in signals(cat_rat(text)).get("tom", set())
    assert not confirmed(cat_rat(text))


def test_an_attempt_to_get_the_rat_stays_a_lunge() -> None:
    assert signals(cat_rat("Tom tried to get Pip"))["tom"] == {"lunging"}


def test_a_harm_suffered_from_no_one_named_is_the_one_other_kind_that_can() -> None:
    found = signals(cat_rat("Pip got clawed through the bars. Small nick on her ear."))
    assert "scratching" in found["tom"]
    assert "wound" in found["pip"]
    # a thing met, or rats among rats, names no doer
    assert "tom" not in signals(cat_rat("Pip got scratched on the shelf edge, a small cut."))
    assert signals(rat_rat("Rex got scratched, a small line on his nose.")) == {"rex": {"wound"}}


def test_a_rush_told_in_the_present_then_a_strike_on_the_barrier_is_a_lunge() -> None:
    found = signals(cat_rat("Tom jump to cage very fast, hit the door with his body."))
    assert found["tom"] == {"lunging"}


def test_a_mouth_closed_round_a_part_is_a_bite_and_round_a_toy_none() -> None:
    assert "biting" in signals(cat_rat("He said Tom got his mouth round Pip's tail."))["tom"]
    assert "biting" not in read(cat_rat("Tom got his mouth round his toy mouse and shook it."))

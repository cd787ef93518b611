"""A bite at a thing (the bars, the lid) is at no person: a cut told beside it is the rat's own.
Each sentence here is made up for the rule it tests."""

from __future__ import annotations

from casts import cat_rat

from ratbond.model import Animal
from ratbond.notes import NotesResult, parse_notes

REX = Animal("rex", "rat", name="Rex", sex="male")


def signals(result: NotesResult) -> dict[str, set[str]]:
    return {animal: set(names) for animal, names in result.signals.items()}


def test_a_rat_biting_a_thing_bit_no_person_so_his_cut_is_his() -> None:
    # Where the owner is on the receiving end, a bite at the bars or the lid was at no person:
    # the cut told beside it is the rat's, not the owner's.
    for text in (
        "Rex: tiny nick on the nose after he bit at the cage bars all night.",
        "Rex has a small cut on his lip since he bit the wire door yesterday.",
    ):
        assert "wound" in signals(parse_notes(text, [REX], "rat-human")).get("rex", set()), text
    # a bite at no thing is still the owner's, and so is the blood after it
    mine = parse_notes("Rex bit hard, a small cut on my finger.", [REX], "rat-human")
    assert "wound" not in signals(mine).get("rex", set())


def test_claws_out_on_a_swipe_through_the_bars_at_no_one_scratch_no_one() -> None:
    # the doer named after "from" or "by" is no target, nor are the bars it reached through
    for text in (
        "Quick swipe thru the bars from Tom, claws out. Didn't touch anyone.",
        "One paw swipe at the bars from Tom, claws out. Missed.",
        "Single paw swipe through the bars by Tom, claws extended. No contact with Pip.",
    ):
        assert signals(cat_rat(text)).get("tom") == {"swatting"}, text
    # a rat reached in the same sentence, or a wound told after, is a scratch
    for text in (
        "Tom swiped through the bars, claws out, got Pip on the nose.",
        "A swipe through the bars at Pip from Tom, claws out.",
        "A swipe through the bars from Tom, claws out. Pip has a scratch on her nose, bleeding.",
    ):
        assert "scratching" in signals(cat_rat(text))["tom"], text


def test_a_blow_at_the_cage_with_no_paw_is_the_body_hitting_it() -> None:
    # the body: a lunge, or the landing of the leap told just before
    assert signals(cat_rat("Tom came through at speed and hit the cage broadside.")) == {
        "tom": {"lunging"}
    }
    assert signals(cat_rat("Tom jumped to the cage very fast, hit the door with his body.")) == {
        "tom": {"lunging"}
    }
    # a paw strikes, an animal hit, or a wound reported: the swipe stays
    assert signals(cat_rat("Tom hit the cage with his paw."))["tom"] == {"swatting"}
    assert "swatting" in signals(cat_rat("Tom hit Pip."))["tom"]
    result = signals(cat_rat("Tom hit the cage, Pip has a scratch on her nose."))
    assert "swatting" in result["tom"]
    assert "wound" in result["pip"]

"""A bite at a thing (the bars, the lid) is at no person: a cut told beside it is the rat's own.
Each sentence here is made up for the rule it tests."""

from __future__ import annotations

from casts import signals

from ratbond.model import Animal
from ratbond.notes import parse_notes

REX = Animal("rex", "rat", name="Rex", sex="male")


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

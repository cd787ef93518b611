"""Teeth told as what a grooming was done with are that grooming, not a bite; lips drawn back
are bared teeth; and a rat groomed holding still shares the grooming."""

from __future__ import annotations

from casts import rat_rat, read, signals


def test_teeth_that_groom_are_no_bite() -> None:
    text = "Rex combed Max's neck with his tiny teeth, and Max held still."
    assert "biting" not in read(rat_rat(text))
    assert "mutual_grooming" in signals(rat_rat(text))["rex"]
    assert "biting" in read(rat_rat("Rex went for Max with his teeth bared."))
    assert "biting" in read(rat_rat("Rex bit Max on the neck."))


def test_lips_drawn_back_are_bared_teeth_and_teeth_out_with_a_grip_a_bite() -> None:
    text = "Rex hissed at my hand with his lips pulled back off his front teeth."
    assert "teeth_baring" in signals(rat_rat(text))["rex"]
    # the teeth as what a grip is made with stay a bite
    assert signals(rat_rat("Rex grabbed Max with his teeth")) == {"rex": {"biting"}}
    text = "Rex went for Max with his teeth out and drew blood"
    assert "biting" in signals(rat_rat(text))["rex"]


def test_a_rat_groomed_holding_still_however_still_shares_the_grooming() -> None:
    for text in (
        "Rex groomed the back of his neck and Max held dead still for it.",
        "Rex groomed Max and Max sat stock still.",
    ):
        assert signals(rat_rat(text)) == {"rex": {"mutual_grooming"}, "max": {"mutual_grooming"}}

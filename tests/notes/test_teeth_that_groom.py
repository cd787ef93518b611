"""Teeth told as what a grooming was done with are that grooming, not a bite."""

from __future__ import annotations

from casts import rat_rat, read, signals


def test_teeth_that_groom_are_no_bite() -> None:
    text = "Rex combed Max's neck with his tiny teeth, and Max held still."
    assert "biting" not in read(rat_rat(text))
    assert "mutual_grooming" in signals(rat_rat(text))["rex"]
    assert "biting" in read(rat_rat("Rex went for Max with his teeth bared."))
    assert "biting" in read(rat_rat("Rex bit Max on the neck."))

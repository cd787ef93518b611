"""Denials borrowed from other languages deny the signals after them, like "no".
Each sentence here is made up for the rule it tests."""

from __future__ import annotations

from casts import cat_rat, rat_rat, read, signals


def test_swahili_hakuna_denies_the_signal_after_it() -> None:
    result = rat_rat("Rex and Max wrestling on the shelf, hakuna blood, hakuna squealing.")
    found = {name for names in result.signals.values() for name in names}
    assert "wound" not in found
    assert "squeaking" not in found
    calm = cat_rat("Tom watched from the rug all evening, hakuna hissing.")
    assert "hissing" not in calm.signals.get("tom", ())
    # a signal before the denial still stands
    bitten = cat_rat("Tom bit Pip on the tail, hakuna blood though.")
    assert "biting" in bitten.signals.get("tom", ())


def test_a_clinicians_negative_finding_denies() -> None:
    assert "wound" not in read(rat_rat("Rex pinned Max. Exam neg for injury."))
    assert "wound" not in read(rat_rat("Rex and Max wrestling w/ pauses. Neg blood. NAD."))
    assert "wound" not in read(rat_rat("Both checked, negative for wounds."))
    assert "wound" in signals(rat_rat("Exam neg for lice, but a puncture on Max's flank."))["max"]

"""A question about an act answered with a bare denial ("Bit her? No.") denies the act.
Each sentence here is made up for the rule it tests."""

from __future__ import annotations

from casts import cat_rat, rat_rat, signals


def test_a_question_answered_no_denies_the_act() -> None:
    for text in (
        "Did Tom swat Pip? No. He only sniffed the bars.",
        "Tom swat the cage? Nope, just stared a bit.",
        "A fight overnight? Not seen, the nest was quiet.",
    ):
        found = {name for names in cat_rat(text).signals.values() for name in names}
        assert not found & {"swatting", "fighting"}, text
    scrap = rat_rat("Scrap in the night? No, both asleep in the hammock.")
    assert "fighting" not in {name for names in scrap.signals.values() for name in names}


def test_dismay_and_no_answer_are_no_denial() -> None:
    # a doubled question mark and a "no!!" are dismay, "no idea" is no answer
    assert "swatting" in cat_rat("Tom swatted Pip?? no!! not again.").signals.get("tom", ())
    assert "swatting" in cat_rat("Tom swatted Pip? No idea why, he was calm.").signals.get(
        "tom", ()
    )


def test_a_transcripts_answer_label_opens_the_answer() -> None:
    for text in (
        "Q. Any blood on Pip? A. None.",
        "Q: Did Tom swat? A: No. He sat by the door.",
    ):
        result = cat_rat(text)
        found = {name for names in result.signals.values() for name in names}
        found |= {item.signal for item in result.unattributed}
        assert not found & {"swatting", "wound"}, text
    scrap = rat_rat("Q. A fight in the night? A. No. Just the usual shuffling about.")
    assert "fighting" not in {name for names in scrap.signals.values() for name in names}
    # ... and an answer of yes keeps what is asked
    assert "wound" in cat_rat("Q. Any blood on Pip? A. Yes, a drop on her ear.").signals.get(
        "pip", ()
    )


def test_an_answer_leaves_the_act_a_question_tells_as_given() -> None:
    # "when", "after", "where": the question asks about the result, not the act
    assert signals(cat_rat("Q. Did Pip get hurt when Tom lunged? A. No.")) == {"tom": {"lunging"}}
    assert signals(cat_rat("Was Pip bleeding after Tom swatted her? No.")).get("pip") is None
    assert "swatting" in signals(cat_rat("Was Pip bleeding after Tom swatted her? No."))["tom"]
    assert signals(rat_rat("Did Max bleed when Rex bit him? No.")) == {"rex": {"biting"}}
    # ... but a clause fronted before what is asked gives nothing
    assert not signals(cat_rat("When Pip came out, did Tom bite her? No."))
    assert signals(cat_rat("When Pip came out did Tom lunge at her? No, he just sniffed.")) == {
        "tom": {"sniffing"}
    }

"""Surface changes that must not change what a note reports (see scripts/notes_robustness.py):
a clock time heading a line, an emoji ending a sentence, a name's "'s" written without its
apostrophe. Each class is read both ways where it can be: the danger kept, the calm note calm.
The sentences are made up for the rule they test."""

from __future__ import annotations

from casts import cat_rat, rat_rat, signals

from ratbond.model import Animal
from ratbond.notes import parse_notes


def test_a_clock_time_heading_a_line_is_no_word_of_its_sentence() -> None:
    plain = signals(cat_rat("Tom sprang at the pen and got Pip, bit her paw."))
    assert plain["tom"] >= {"biting"}
    for head in ("19:45 ", "7.30 ", "Day 2.\n08:15 ", "Day 2. 8.15 "):
        read = signals(cat_rat(head + "Tom sprang at the pen and got Pip, bit her paw."))
        assert read == plain, head
    # a number inside a sentence is no time heading anything
    assert signals(rat_rat("Rex weighed 4.25 kg. Max bit Rex.")) == {"max": {"biting"}}
    # and a calm note stays calm
    assert signals(cat_rat("21:10 Tom lay by the cage blinking slowly.")).get("tom", set()) <= {
        "slow_blink",
        "lying_down",
        "watching_calmly",
    }


def test_an_emoji_between_a_word_and_a_capital_ends_the_sentence() -> None:
    note = "Rex had Max by the neck before I could move {e} Small hole on his ear {e} Vet booked."
    assert signals(rat_rat(note.format(e="."))) == signals(rat_rat(note.format(e="\U0001f62d")))
    assert "wound" in signals(rat_rat(note.format(e="\U0001f62d")))["max"]
    # before a lower-case word it is still nothing: one phrase goes on across it
    assert "tail_lashing" in signals(cat_rat("Tom's tail \U0001f32a\ufe0f lashing at Pip"))["tom"]
    # after a name it is no end: what follows may tell of that animal
    assert "wound" in signals(rat_rat("Max \U0001f62d Bitten by Rex, bleeding"))["max"]
    # a calm note with emoji stays calm
    calm = signals(cat_rat("Tom chased his toy mouse \U0001f602 Pip ate her peas."))
    assert not calm.get("tom", set()) & {"pouncing", "biting"}


def test_a_capitalised_name_with_an_s_before_a_verb_is_the_name_s() -> None:
    # "Rexs got a cut" is "Rex's got a cut" (Rex has got) with the apostrophe left out
    assert signals(rat_rat("Rexs got a cut on his ear.")) == {"rex": {"wound"}}
    assert signals(rat_rat("Maxs limping on his back leg.")) == {"max": {"wound"}}
    assert signals(rat_rat("Rexs is bleeding from the nose.")) == {"rex": {"wound"}}
    # in lower case (a note with capitals) it stays a plain word
    assert "rex" not in signals(rat_rat("The rexs got a cut. Max is fine."))


def test_a_capitalised_name_with_two_letters_the_wrong_way_round_is_the_name() -> None:
    cast = [Animal("biscuit", "cat", name="Biscuit"), Animal("noodle", "rat", name="Noodle")]
    read = parse_notes("Nodole was bitten by Biscuit, a small hole in her ear.", cast, "cat-rat")
    assert "wound" in read.signals.get("noodle", ())
    # one who spells the name right elsewhere means someone else by the slip
    read = parse_notes("Noodle ate. Nodole was bitten by Biscuit.", cast, "cat-rat")
    assert "wound" not in read.signals.get("noodle", ())

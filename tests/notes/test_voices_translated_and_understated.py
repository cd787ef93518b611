"""Readings of translated and understated notes: a Vietnamese speaker's English, Appalachian,
a vet tech's S/O/A/P notes, a British understater, machine translation. Each
sentence here is made up for the rule it tests."""

from __future__ import annotations

from casts import cat_rat, rat_rat, signals


def test_an_understated_firm_tap_is_a_swat_and_a_hedge_on_the_word_is_no_hypothesis() -> None:
    assert signals(cat_rat("Tom gave the cage a firm tap."))["tom"] == {"swatting"}
    text = "Tom gave the gate what you might call a firm tap."
    assert signals(cat_rat(text))["tom"] == {"swatting"}
    # a real hypothesis stays one
    assert signals(cat_rat("Tom might bite Pip if I let him.")) == {}
    assert signals(cat_rat("If Tom bit Pip I would call the vet.")) == {}


def test_a_busted_lip_is_a_wound() -> None:
    assert signals(cat_rat("Pip fell off the shelf and busted her lip.")) == {"pip": {"wound"}}
    # a bust-up is still a fight, and splitting them up no fight
    assert "wound" not in signals(cat_rat("Split them up after the bust up.")).get("pip", set())


def test_a_cat_reaching_through_the_bars_is_a_swat() -> None:
    assert signals(cat_rat("Tom reached through the bars at Pip."))["tom"] == {"swatting"}
    assert "swatting" not in str(signals(cat_rat("Pip reached through the bars for a treat.")))


def test_a_translator_s_jump_made_or_run_on_the_cage_is_a_lunge() -> None:
    assert signals(cat_rat("Tom made a jump on the cage with all the body."))["tom"] == {"lunging"}
    assert signals(cat_rat("Then he ran on the carrier suddenly."))["tom"] == {"lunging"}
    # a jump made onto a perch is none, and a rat running about on the cage is hers
    assert signals(cat_rat("Tom made a jump onto the windowsill.")) == {}
    assert "tom" not in signals(cat_rat("Pip run everywhere on the cage."))


def test_an_earlier_time_heading_its_sentence_as_a_label_dates_the_sentence() -> None:
    text = "Hx: scratched Pip 11/20. O today: Tom asleep on the windowsill."
    assert signals(cat_rat(text)) == {"tom": {"lying_down"}}
    text = "Last week: Tom swatted Pip. Today Tom watched calmly."
    assert "swatting" not in signals(cat_rat(text))["tom"]
    # a label of this session is no earlier time
    assert signals(cat_rat("Today: Tom bit Pip."))["tom"] == {"biting"}


def test_a_wound_on_a_part_no_person_has_is_the_animal_s_beside_a_bite_on_a_person() -> None:
    text = "Pip bit my son a little, and she hurt the paw on the wire, there is blood."
    assert signals(cat_rat(text))["pip"] >= {"wound"}
    # a person's finger stays the person's
    text = "Pip bit my son and his finger is bleeding."
    assert "wound" not in signals(cat_rat(text)).get("pip", set())


def test_learners_and_translators_words_for_calm_fear_and_challenge() -> None:
    assert signals(cat_rat("Tom sit and look the rat, blink slow slow."))["tom"] >= {"slow_blink"}
    assert signals(cat_rat("Tom closed the eyes slowly."))["tom"] == {"slow_blink"}
    assert signals(cat_rat("Tom sit relax, ear go front."))["tom"] >= {"ears_forward"}
    assert signals(cat_rat("Tom hissed. Pip stood as a stone."))["pip"] == {"freezing"}
    assert signals(cat_rat("Pip made herself very small in the tube."))["pip"] >= {"hiding"}
    assert signals(cat_rat("Tom lunged, Pip ran to all sides."))["pip"] == {"frantic_movement"}
    assert signals(cat_rat("Tom look Pip no blink."))["tom"] == {"fixed_stare"}
    read = signals(rat_rat("Rex pressed Max to the floor, then walked side side at him."))
    assert read["rex"] >= {"pinning", "sidling"}


def test_more_learners_translators_and_understaters_words() -> None:
    assert signals(rat_rat("Rex chase Max no stop."))["rex"] == {"aggressive_chasing"}
    assert signals(rat_rat("Rex chased Max without stop."))["rex"] == {"aggressive_chasing"}
    assert signals(cat_rat("Tom muttered something growly."))["tom"] == {"growling"}
    assert signals(cat_rat("Tom hissed and Pip withdrew."))["pip"] == {"retreating"}
    assert signals(cat_rat("Pip sharpened the teeth quietly."))["pip"] == {"bruxing"}
    assert signals(cat_rat("Pip studied the new box."))["pip"] == {"exploring"}


def test_a_learners_own_word_for_blood_or_a_wound_is_a_wound() -> None:
    for text in (
        "Rex tiene sangre in his foot.",
        "Max has sânge on the ear.",
        "This morning has Max a sår on the back.",
        "Rex has blod on his nose.",
    ):
        found = {animal for animal, names in rat_rat(text).signals.items() if "wound" in names}
        assert found, text
    # a drink that starts so is no blood
    assert "wound" not in signals(rat_rat("Rex and Max licked my sangria.")).get("rex", set())

"""Readings of spellings and slang: an owner who spells by ear, Russian, Italian and Gen Z
writers of English, a parenting forum's shorthand. Each sentence
here is made up for the rule it tests."""

from __future__ import annotations

from casts import PIP, TOM, cat_rat, rat_rat, read, signals

from ratbond.model import Animal
from ratbond.notes import parse_notes


def test_a_name_with_its_doubled_letter_written_once_is_that_animal() -> None:
    hollie = Animal("hollie", "rat", name="Hollie", sex="female")
    result = parse_notes("Tom sat calm. Holie sneezed twice.", [TOM, PIP, hollie], "cat-rat")
    assert signals(result)["hollie"] == {"sneezing"}
    assert "pip" not in result.signals


def test_blood_spelt_by_ear_is_blood_where_it_ends_its_phrase() -> None:
    assert "wound" in signals(parse_notes("Saw blud on her ear.", [TOM, PIP], "cat-rat"))["pip"]
    result = parse_notes("Pip was blud.", [TOM, PIP], "cat-rat")
    assert "wound" in signals(result).get("pip", set())
    # before another word it describes that word, as claret does
    calm = parse_notes("Pip had some blud orange, Tom asleep.", [TOM, PIP], "cat-rat")
    assert "wound" not in signals(calm).get("pip", set())


def test_a_size_spelt_as_chat_spells_it_makes_an_injury_noun_a_wound() -> None:
    for text in ("Pip has a lil cut, eating fine.", "Pip has a smol nick, eating fine."):
        assert "wound" in signals(parse_notes(text, [TOM, PIP], "cat-rat"))["pip"], text


def test_not_before_an_animal_and_its_act_in_ing_is_disbelief_that_it_happened() -> None:
    for text in ("not Tom charging the gate 😭", "Pip fine. Not the cat lunging at her again"):
        result = parse_notes(text, [TOM, PIP], "cat-rat")
        assert "lunging" in signals(result)["tom"], text
    # a denial elsewhere still denies
    for text in (
        "Tom calm, not lunging at all.",
        "Not a single lunge from Tom.",
        "Tom not lunging",
    ):
        assert "lunging" not in signals(parse_notes(text, [TOM, PIP], "cat-rat")).get("tom", ()), (
            text
        )


def test_a_run_that_ends_against_the_barrier_is_a_lunge() -> None:
    result = cat_rat("Tom ran like a bullet against the cage door.")
    assert signals(result)["tom"] == {"lunging"}


def test_a_leap_onto_the_barrier_with_the_whole_body_is_a_lunge_not_a_pounce() -> None:
    for text in ("Tom jumped on the pen with full force.", "Tom jumped onto cage with whole body."):
        assert signals(cat_rat(text))["tom"] == {"lunging"}, text


def test_a_leap_with_the_paws_held_out_is_a_pounce_not_a_swat() -> None:
    for text in (
        "Tom jumped with paws forward on the carrier.",
        "Tom leapt with the paws in front.",
        "Tom leapt, paws out onto the pen.",
    ):
        assert signals(cat_rat(text))["tom"] == {"pouncing"}, text


def test_a_paw_that_goes_out_at_the_bars_is_a_swat() -> None:
    assert signals(cat_rat("His paw shot out quick at the bars, Pip fine."))["tom"] == {"swatting"}


def test_a_rat_on_the_owner_s_lap_by_choice_seeks_company_not_one_put_there() -> None:
    rex = Animal("rex", "rat", name="Rex", sex="male")
    for text in ("Rex grinding his teeth on my lap.", "Rex came back to sit by me."):
        assert "seeks_company" in signals(parse_notes(text, [rex], "rat-human"))["rex"], text
    held = parse_notes("Rex squeaked when I had him on my lap.", [rex], "rat-human")
    assert "seeks_company" not in signals(held)["rex"]


def test_onto_in_two_words_and_a_palm_with_no_my_are_a_climb_onto_the_hand() -> None:
    rex = Animal("rex", "rat", name="Rex", sex="male")
    for text in ("Rex walked on to my hand.", "Rex stepped on palm, calm."):
        assert "climbs_onto_hand" in signals(parse_notes(text, [rex], "rat-human"))["rex"], text
    came = parse_notes("Rex came to my hand twice.", [rex], "rat-human")
    assert "approaching" in signals(came)["rex"]


def test_claws_out_as_a_fragment_after_a_swipe_at_a_thing_is_that_swipe() -> None:
    for text in ("Tom swiped at the mesh, claws out.", "Tom batted the gate. Claws out. Pip fine."):
        assert signals(cat_rat(text))["tom"] == {"swatting"}, text
    # a fragment that names its own target is its own
    assert "scratching" in signals(cat_rat("Tom swiped at the mesh. Claws out on Pip."))["tom"]


def test_a_catch_the_owner_had_to_make_is_no_swat() -> None:
    assert signals(cat_rat("Tom charged the cage, had to grab him."))["tom"] == {"lunging"}


def test_one_rat_that_becomes_a_ball_of_fur_is_puffed_out_not_fighting() -> None:
    result = cat_rat("Tom hissed at the cage. Pip became like a ball of fur, all big.")
    assert signals(result)["pip"] == {"fur_on_end"}
    # two that became one screaming ball of fur fought
    fight = rat_rat("Rex and Max became one screaming ball of fur, Max has a cut on his ear.")
    assert "fighting" in signals(fight)["rex"]


def test_grooming_one_to_the_other_is_mutual_grooming() -> None:
    result = rat_rat("Rex and Max do the grooming one to the other.")
    assert signals(result) == {"rex": {"mutual_grooming"}, "max": {"mutual_grooming"}}


def test_a_short_past_spelt_by_ear_is_that_past() -> None:
    assert signals(rat_rat("Rex pind Max on his back."))["rex"] == {"pinning"}
    rex = Animal("rex", "rat", name="Rex", sex="male")
    assert signals(parse_notes("Rex nipt me once.", [rex], "rat-human"))["rex"] == {"nipping"}


def test_back_to_a_meal_with_no_verb_is_eating() -> None:
    result = rat_rat("Rex and Max boxed a bit, then both back to their dinner.")
    assert "eating" in signals(result)["max"]


def test_a_cat_low_on_the_floor_stalks_and_its_teeth_noise_is_the_chatter() -> None:
    assert "stalking" in signals(cat_rat("Tom went slowly, low on the floor, to the cage."))["tom"]
    assert "chattering" in signals(cat_rat("Tom made a noise with his teeth at Pip."))["tom"]
    assert "chattering" in signals(cat_rat("Tom at the window going ke-ke-ke at Pip."))["tom"]


def test_bolting_all_over_for_a_way_out_is_a_panic() -> None:
    assert signals(rat_rat("Both rats went bananas climbing every which way.")) == {
        "rex": {"frantic_movement"},
        "max": {"frantic_movement"},
    }
    result = rat_rat("Rex froze, then bolted round the cage trying to find a way out.")
    assert signals(result)["rex"] == {"freezing", "frantic_movement"}
    # a walk all over is no panic
    assert "frantic_movement" not in read(rat_rat("Rex went everywhere sniffing the bedding."))


def test_a_cat_thrown_at_the_cage_in_slang_is_a_lunge() -> None:
    text = "Tom yeeted himself at the cage, whole thing shook."
    assert "lunging" in signals(cat_rat(text))["tom"]
    assert "lunging" in signals(cat_rat("Tom thumped into the cage, really hard."))["tom"]
    assert "lunging" not in read(cat_rat("Tom sent it at the end of his nap: a big yawn."))

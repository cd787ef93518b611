"""Calm notes stay calm and dangers stay read around playthings, a second "it" and a condition
put first. Every sentence here is made up for the rule it tests."""

from __future__ import annotations

from casts import cat_rat, rat_rat, read, signals

from ratbond.notes import NotesResult

DANGER = {"biting", "pouncing", "lunging", "swatting", "scratching", "fighting", "wound"}


def dangers(result: NotesResult) -> set[str]:
    found = {name for names in result.signals.values() for name in names}
    found |= {item.signal for item in result.unattributed}
    return found & DANGER


def test_a_condition_put_first_reports_no_act() -> None:
    assert not dangers(cat_rat("Were he to swat the cage I would move it."))
    assert not dangers(cat_rat("Were they to fight, I would step in. Tom slept."))
    # "should" asks as often as it supposes: what it asks about happened
    assert "wound" in signals(cat_rat("Tom swiped Pip. Should she be bleeding this much?"))["pip"]
    assert (
        "biting"
        in signals(cat_rat("Should the cat have grabbed Pip by the neck like that?"))["tom"]
    )
    # an act told as it happened still counts, and a question after it undoes nothing
    assert "biting" in signals(cat_rat("Tom bit Pip. Should he see the vet?"))["tom"]
    assert "biting" in signals(cat_rat("Tom bit Pip, should I worry?"))["tom"]


def test_a_lure_a_flirt_pole_or_a_brinquedo_is_a_plaything() -> None:
    assert not dangers(cat_rat("Tom attacked the ratinho de brinquedo for ages, then napped."))
    assert not dangers(cat_rat("Tom chewed up the lure of the flirt pole and ignored Pip."))
    assert "lunging" in signals(cat_rat("Tom attacked the cage, Pip hid."))["tom"]


def test_it_names_the_plaything_again_after_a_first_it() -> None:
    assert not dangers(cat_rat("Tom play with his ball, he is biting it and jumping on it."))
    assert not dangers(cat_rat("Tom chased the ball, bit it and pounced on it."))
    # an animal between is still the one: "it" does not skip a rat
    result = signals(cat_rat("Tom saw Pip, bit it and pounced on it."))
    assert "biting" in result["tom"]
    # a later attack at no "it" after a plaything stays an attack
    text = (
        "Tom killed the toy, pounced on it and bit it, then went to the cage and hit the door"
        " with his paw."
    )
    assert "swatting" in signals(cat_rat(text))["tom"]
    # a body part between is no plaything: "she nipped it" is the nose
    text = "Pip put his nose to the bars and Tom nipped it, then let go."
    assert dangers(cat_rat(text))


def test_an_attack_on_a_plaything_with_the_rats_unheeded_is_none() -> None:
    for text in (
        "Tom pounced on the laser dot over and over, never even glanced at the rats.",
        "Tom savaged his feather wand for ten minutes. Never looked at the cage once.",
        "Tom chased a wine cork round the hall and ignored the rats completely.",
    ):
        assert not dangers(cat_rat(text)), text
    # heed told before the act, an act aimed at the rats or the cage, no plaything its object,
    # a heed of the plaything, or a wound in the note: the act stands
    for text, act in (
        ("Tom dropped the feather wand and lunged. Never looked at the toy again.", "lunging"),
        ("Tom lunged while I held the laser pointer. I hope he ignores the rats.", "lunging"),
        ("Tom ignored the rats for an hour with his toy, then pounced.", "pouncing"),
        ("Tom batted his toy, then swatted at the cage, then ignored the rats.", "swatting"),
        ("Tom pounced. Never looked at the cage after that.", "pouncing"),
        ("Tom had his toy out and pounced, ignored the rats, and Pip has a cut.", "pouncing"),
    ):
        assert act in signals(cat_rat(text)).get("tom", set()), text
    # the rats' own lack of interest is no heed of the cat's
    assert "pouncing" in signals(
        cat_rat("Tom pounced, toy mouse or not. The rats didn't look up from their food.")
    ).get("tom", set())


def test_tearing_into_a_piece_of_a_meal_is_no_attack() -> None:
    assert "fighting" not in read(rat_rat("Rex tore into a floret of broccoli. Max slept."))
    assert "fighting" not in read(rat_rat("Tore into a ribeye at supper. Rex and Max groomed."))
    # porphyrin's red crust is still no meal
    assert "porphyrin" in signals(rat_rat("Rex has red crust around his eyes."))["rex"]


def test_a_plaything_pounced_as_it_before_a_heed_of_the_cage_is_play() -> None:
    text = "Tom went wild on his feather wand, pounced it like 20 times, never looked at the cage."
    found = signals(cat_rat(text))["tom"]
    assert "pouncing" not in found
    assert "ignoring" in found
    # the same pounce told of a rat is a pounce
    at_pip = "Tom went wild, pounced on Pip like 20 times, never looked at the cage."
    assert "pouncing" in signals(cat_rat(at_pip))["tom"]

"""Fears and forecasts, the owner's blood after a bite, wounds of other people's days, a name
after a fronted place, one-word denials of harm and busy-time words: each read both ways."""

from __future__ import annotations

from casts import PIP, TOM, cat_rat, rat_human, rat_rat, read, signals

from ratbond.model import Animal
from ratbond.notes import parse_notes


def test_a_fear_or_forecast_of_a_fight_is_no_fight() -> None:
    assert "fighting" not in read(rat_rat("I was terrified they'd fight. Rex groomed Max."))
    assert "fighting" not in read(rat_rat("I am fear they fight. Rex is cleaning Max."))
    text = "She keeps saying Tom is gonna snap one day and go for the rats. He slept."
    assert "lunging" not in read(cat_rat(text))
    # the fear of a word before "and" reaches only an act that shares its verb
    assert "hiding" in signals(rat_rat("Rex was scared and hid behind the towel."))["rex"]
    assert "lunging" in signals(cat_rat("Tom hissed and went for Pip."))["tom"]


def test_blood_after_the_owner_was_bitten_is_the_owners() -> None:
    text = "Rex bit me. Hard, on the fleshy part of the thumb. Blood on the notebook page."
    assert "wound" not in read(rat_human(text))
    # an animal named with the blood keeps it
    text = "Rex bit me. Hard, on the thumb. Later Max had blood on his nose."
    assert "wound" in read(rat_human(text))


def test_a_wound_joined_by_a_semicolon_to_someone_elses_day_is_theirs() -> None:
    text = "Next door's cat caught a blackbird while the magpies mobbed it; blood on the patio."
    assert "wound" not in read(cat_rat(text + " Tom watched Pip calmly."))
    text = "A patient bled all over the trolley at work. Rex and Max slept."
    assert "wound" not in read(rat_rat(text))
    # with no one else named, the blood stays the animals'
    assert "wound" in read(rat_rat("Rex and Max were out; blood on the patio."))


def test_a_name_after_a_fronted_place_opens_its_clause() -> None:
    result = rat_rat("Meanwhile in the playpen Rex and Max were sleeping.")
    assert signals(result) == {"rex": {"sleeping"}, "max": {"sleeping"}}


def test_an_animal_told_unhurt_bears_no_wound_read_for_another() -> None:
    vera = Animal("vera", "rat", name="Vera", sex="female")
    text = (
        "One swipe through the bars caught Pip, the backhand caught Vera. Pip has a scratch "
        "on her cheek with a drop of blood; Vera is unmarked."
    )
    found = signals(parse_notes(text, [TOM, PIP, vera], "cat-rat"))
    assert "wound" in found["pip"]
    assert "wound" not in found.get("vera", set())
    assert "wound" not in read(rat_rat("Rex and Max had a tussle, both unhurt."))
    # a wound told of the animal herself stays
    text = "Vera was bleeding from the ear. Pip is unmarked."
    assert "wound" in signals(parse_notes(text, [TOM, PIP, vera], "cat-rat"))["vera"]


def test_a_busy_time_or_a_word_of_praise_is_no_attack() -> None:
    text = "Burnt my wrist during the rush at work. Tom washed himself by the cage."
    assert "lunging" not in read(cat_rat(text))
    assert "lunging" in signals(cat_rat("Tom rushed the cage."))["tom"]
    text = "Rex and Max rummaged through my gym bag. Savages lol."
    assert "biting" not in read(rat_human(text))


def test_a_likeness_of_blood_or_a_bit_of_something_is_no_wound() -> None:
    text = "Red crusty stuff around Rex's eyes and nose, kinda like dried blood. Porphyrin?"
    found = signals(rat_rat(text))["rex"]
    assert "porphyrin" in found
    assert "wound" not in found
    assert "wound" not in read(rat_rat("Rex has been a bit of a handful this week."))
    # dried blood told as itself is a wound
    assert "wound" in signals(rat_rat("Rex has dried blood around his nose."))["rex"]

"""A wound of the owner's day told before the animals, and animals of species no program
casts, each read both ways: the calm note stays calm and the animals' danger is kept."""

from __future__ import annotations

from casts import cat_rat, rat_rat, read, signals


def test_a_wound_of_the_owners_day_before_the_animals_is_no_animals() -> None:
    text = "my cousin was blasting a drill track, blood everywhere. meanwhile Tom slow blinked"
    assert "wound" not in read(cat_rat(text))
    text = "Nicked a client's ear at work, tiny bit of blood. Anyway. Rex and Max slept."
    assert "wound" not in read(rat_rat(text))
    text = "Saturday at the salon was a massacre, blood and toner. The boys though: asleep."
    assert "wound" not in read(rat_rat(text))


def test_a_wound_the_owner_found_or_was_told_of_stays_the_animals() -> None:
    assert "wound" in read(rat_rat("I found some blood this morning. Rex and Max eating."))
    text = "My partner says there was blood this morning. Rex and Max eating."
    assert "wound" in read(rat_rat(text))
    # with no person, no outsider and no turn, nothing says it is the owner's day
    assert "wound" in read(rat_rat("Some blood this morning. Rex and Max eating."))


def test_a_wound_with_the_animals_world_near_it_stays_the_animals() -> None:
    text = "My son says there was blood on the bedding. Meanwhile Rex and Max ate."
    assert "wound" in read(rat_rat(text))
    text = "I think there's a cut on the ear, not sure. Meanwhile Rex and Max ate."
    assert "wound" in read(rat_rat(text))
    text = "I asked where's the blood from? Meanwhile Rex and Max ate."
    assert "wound" in read(rat_rat(text))
    # a harm anywhere in the note keeps it too
    text = "My cousin's drill track, blood everywhere. Meanwhile Rex bit Max on the tail."
    assert "wound" in read(rat_rat(text))


def test_an_animal_of_another_species_is_an_outsider() -> None:
    assert "biting" not in read(cat_rat("My neighbour's staffy bit his cat. Tom slept."))
    assert "fighting" not in read(rat_rat("A fox was fighting with a cat outside. Rex slept."))
    assert "biting" not in read(rat_rat("The hamster bit my finger. Rex and Max groomed."))
    # its bite on an animal of the cast is that animal's wound, and none of the cast's bites
    result = cat_rat("The dog bit Pip on the tail.")
    assert signals(result) == {"pip": {"wound"}}
    assert not result.unattributed


def test_a_hyphened_word_of_another_species_is_no_animal() -> None:
    assert "wound" in signals(rat_rat("Max was dog-tired after a fight, bleeding."))["max"]
    assert "wound" in signals(rat_rat("Rex has a dog-eared ear: a small nick."))["rex"]

"""A wound of the owner's day told before the animals, and animals of species no program
casts, each read both ways: the calm note stays calm and the animals' danger is kept."""

from __future__ import annotations

from casts import cat_rat, rat_rat, read, signals


def test_a_wound_in_someone_elses_day_before_the_animals_is_no_animals() -> None:
    text = "my cousin was blasting a drill track, blood everywhere. meanwhile Tom slow blinked"
    assert "wound" not in read(cat_rat(text))
    text = "Nicked a client's ear at work, tiny bit of blood. Anyway. Rex and Max slept."
    assert "wound" not in read(rat_rat(text))


def test_a_vague_wound_of_the_owners_own_day_stays_the_animals() -> None:
    # the owner's day alone, or a turn to the animals, says nothing of whose blood it was
    text = "Saturday at the salon was a massacre, blood and toner. The boys though: asleep."
    assert "wound" in read(rat_rat(text))
    assert "wound" in read(rat_rat("Woke up to blood. Meanwhile Rex and Max ate."))
    assert "wound" in read(rat_rat("I cleaned up some blood this morning. Rex and Max ate."))


def test_a_wound_the_owner_found_or_was_told_of_stays_the_animals() -> None:
    assert "wound" in read(rat_rat("I found some blood this morning. Rex and Max eating."))
    text = "My neighbour says there was blood this morning. Rex and Max eating."
    assert "wound" in read(rat_rat(text))
    # with no one outside the household named, nothing says it is someone else's
    assert "wound" in read(rat_rat("Some blood this morning. Rex and Max eating."))


def test_a_wound_with_the_animals_world_near_it_stays_the_animals() -> None:
    text = "My cousin left and there was blood on the bedding. Rex and Max ate."
    assert "wound" in read(rat_rat(text))
    text = "My cousin thinks there's a cut on the ear, not sure. Rex and Max ate."
    assert "wound" in read(rat_rat(text))
    text = "My cousin asked where's the blood from? Rex and Max ate."
    assert "wound" in read(rat_rat(text))
    # a harm anywhere in the note keeps it too
    text = "My cousin's drill track, blood everywhere. Meanwhile Rex bit Max on the tail."
    assert "wound" in read(rat_rat(text))


def test_an_animal_of_another_species_is_an_outsider() -> None:
    assert "biting" not in read(cat_rat("My neighbour's staffy bit his cat. Tom slept."))
    assert "fighting" not in read(rat_rat("A fox was fighting with a cat outside. Rex slept."))
    text = "Two bulls tore into each other over the fence, one's bleeding. Rex and Max slept."
    assert "fighting" not in read(rat_rat(text))
    assert "biting" not in read(rat_rat("The hamster bit my finger. Rex and Max groomed."))
    # its bite on an animal of the cast is that animal's wound, and none of the cast's bites
    result = cat_rat("The dog bit Pip on the tail.")
    assert signals(result) == {"pip": {"wound"}}
    assert not result.unattributed


def test_a_wound_after_another_species_and_before_the_cast_is_that_animals() -> None:
    text = (
        "A guest's spaniel went for the ring bearer at the wedding, bit his hand, blood on"
        " the bouquet. Rex and Max groomed."
    )
    assert "wound" not in read(rat_rat(text))
    text = "His Jack Russell went for the apprentice, proper holes in him. Rex and Max slept."
    assert "wound" not in read(rat_rat(text))
    # the cast named before it keeps it, as does a name after it
    text = "Rex watched a spaniel at the bars, blood on the bedding. Max slept."
    assert "wound" in read(rat_rat(text))
    text = "The spaniel barked at the door, blood on Max's ear after. Rex slept."
    assert "wound" in signals(rat_rat(text)).get("max", set())
    # ... as does a part only an animal has
    text = "The neighbour's dog got in, there was blood on his tail when I got home. Rex hid."
    assert "wound" in read(rat_rat(text))


def test_a_hyphened_word_of_another_species_is_no_animal() -> None:
    assert "wound" in signals(rat_rat("Max was dog-tired after a fight, bleeding."))["max"]
    assert "wound" in signals(rat_rat("Rex has a dog-eared ear: a small nick."))["rex"]


def test_a_doer_outside_the_cast_gives_the_cast_no_act() -> None:
    assert signals(cat_rat("Pip was bitten by the dog.")) == {"pip": {"wound"}}
    assert "biting" not in read(rat_rat("My daughter got bitten by the hamster."))
    # an apposition or a comparison is the cast's animal, still the doer
    assert "pouncing" in signals(cat_rat("Tom the little fox pounced on Pip."))["tom"]
    assert "swatting" in signals(cat_rat("tom annoyed by the puppy swatted pip"))["tom"]
    # and an animal of another species bears no wound in the cast's place
    assert "wound" in read(cat_rat("The dog was sniffing at blood by the cage. Pip is ok."))


def test_a_wound_after_a_household_member_before_the_animals_is_theirs() -> None:
    text = "My brother got hit at training, busted eyebrow, blood everywhere. Rex and Max ate."
    assert "wound" not in read(rat_rat(text))
    text = "Picked berries, my hands full of thorns and bleeding. Pip came and sniffed."
    assert "wound" not in read(cat_rat(text))
    # the writer alone, or someone of the household with no part of theirs named, says nothing
    # of whose it was
    for text in (
        "I got home, blood everywhere. Rex and Max ate.",
        "My son ran in shouting, blood everywhere. Rex and Max are separated.",
        "The vet stitched the wound up, lots of blood. Rex and Max are separated.",
    ):
        assert "wound" in read(rat_rat(text)), text


def test_a_biting_insect_is_another_species() -> None:
    text = "Mozzie bit me on the ankle during handling, Pip didn't even flinch."
    assert "biting" not in read(cat_rat(text))

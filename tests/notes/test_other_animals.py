"""Animals outside the cast: what another species, or more cats than the cast has, does is no
one's signal, while the cast's own animals beside them are still read."""

from __future__ import annotations

from casts import cat_rat, rat_rat

from ratbond.notes import NotesResult


def signals(result: NotesResult) -> dict[str, set[str]]:
    return {animal: set(names) for animal, names in result.signals.items()}


def unattributed(result: NotesResult) -> set[str]:
    return {item.signal for item in result.unattributed}


def test_a_bite_by_another_species_is_no_ones() -> None:
    result = rat_rat("The dog next door has bitten the postman. Rex and Max ate their peas.")
    assert signals(result) == {"rex": {"eating"}, "max": {"eating"}}
    assert not unattributed(result)
    result = cat_rat("Got bitten by my sister's hamster lol. Pip sniffed my hand.")
    assert signals(result) == {"pip": {"sniffing"}}
    assert not unattributed(result)


def test_a_cast_animal_hurt_by_another_species_is_still_hurt() -> None:
    # the victim is the cast's: the wound stays, whoever did it
    assert "wound" in signals(rat_rat("The dog bit Rex on the back, he is bleeding."))["rex"]


def test_more_cats_than_the_cast_has_are_other_cats() -> None:
    result = cat_rat("Two street cats were fighting outside the window. Tom lay on the rug.")
    assert signals(result) == {"tom": {"lying_down"}}
    assert not unattributed(result)
    # the cast's one cat named as itself is still read
    assert "lunging" in signals(cat_rat("The cat lunged at the cage."))["tom"]

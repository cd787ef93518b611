"""Blood and bites of other people's days: what is on a screen, a wild animal, an outsider who
bled, someone's pet named by a pronoun, readiness for a fight; each read both ways."""

from __future__ import annotations

from casts import cat_rat, rat_rat, read, signals

from ratbond.model import Animal
from ratbond.notes import parse_notes

BREAM = Animal("bream", "rat", name="Bream", sex="male")
DACE = Animal("dace", "rat", name="Dace", sex="female")


def rat_human(text: str) -> set[str]:
    return read(parse_notes(text, [BREAM, DACE], "rat-human"))


def test_blood_on_the_telly_is_no_wound() -> None:
    text = "Nature doc on the telly, lion dragging down a zebra, blood everywhere. Tom slept."
    assert "wound" not in read(cat_rat(text))
    # blood the cast shows, with the set on, is theirs
    text = "TV on, and Pip came out with blood on her ear."
    assert "wound" in signals(cat_rat(text))["pip"]


def test_a_wild_animal_is_never_the_cast() -> None:
    text = "A seal took a bass off the line and ripped it in half. Tom slept on my lap."
    assert not {"scratching", "biting"} & read(cat_rat(text))
    text = "Tom ripped into Pip, scratches all down her side."
    assert {"scratching", "biting"} & signals(cat_rat(text))["tom"]


def test_an_outsider_who_bled_bled_their_own_blood() -> None:
    text = "Client bled like mad through the whole back piece. Later Tom slept by the cage."
    assert "wound" not in read(cat_rat(text))
    # an outsider named, but an animal of the cast bled
    text = "Client bled like mad. Pip bled from her ear later on."
    assert "wound" in signals(cat_rat(text))["pip"]


def test_a_tradesmans_pet_is_someone_elses() -> None:
    text = "My nurse's cat bit a mouse's head clean off. Tom sniffed the blanket and washed."
    assert "biting" not in read(cat_rat(text))
    assert "biting" in signals(cat_rat("My nurse saw Tom bite Pip."))["tom"]


def test_a_pronoun_after_someones_pet_is_that_someone() -> None:
    text = "Bloke at the shop showed me where his rat bit him. Dace stepped onto my palm."
    assert not {"biting", "wound"} & rat_human(text)
    text = "A mate told me his rat bit him. Then Bream bit me."
    assert "biting" in rat_human(text)
    # with no one else's pet named, "him" is the cast's
    assert "biting" in rat_human("Bream bit me and I told him off.")


def test_readiness_for_a_fight_is_no_fight() -> None:
    rats = "Been braced for a fight all week. Rex groomed Max, Max held still."
    assert "fighting" not in read(rat_rat(rats))
    assert "fighting" in read(rat_rat("Braced myself, and then Rex and Max had a real fight."))


def test_an_outsiders_own_pet_is_theirs() -> None:
    text = "Call-out to a bloke bitten by his own ferret, blood everywhere. Tom slept."
    assert "biting" not in read(cat_rat(text))
    assert "biting" in signals(cat_rat("Pip got bitten by our own Tom."))["tom"]


def test_a_fight_with_the_owner_is_no_fight_between_animals() -> None:
    text = "Three extractions, a lower 8 that fought me the whole way. Rex and Max ate their veg."
    assert "fighting" not in read(rat_rat(text))
    assert "fighting" in read(rat_rat("Rex fought Max the whole way round the cage."))


def test_blood_told_before_a_clause_of_time_is_the_one_held() -> None:
    text = "Rex latched onto Max's ear and held on. Blood on the ear when he let go."
    found = signals(rat_rat(text))
    assert "wound" in found["max"]
    assert "wound" not in found["rex"]
    # a sentence opening with the wound names the one hurt after it
    assert "wound" in signals(rat_rat("Rex slept. A small cut has appeared on Max's ear."))["max"]


def test_they_after_someone_elses_animals_are_those_animals() -> None:
    text = "My cousin in Patra her rats they fight, she tell me yesterday. Rex and Max sleep."
    assert "fighting" not in read(rat_rat(text))
    # with no one else's animals named, "they" are the cast's
    assert "fighting" in read(rat_rat("My cousin came round and they fight, Rex and Max."))

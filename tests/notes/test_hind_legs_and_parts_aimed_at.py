"""One rat up on its hind legs looks about, two up together box; a body part of another
animal ("the back of Max's neck") aims an act at that animal; a word between "my" and the
owner's part ("my other hand") keeps the phrase; names listed with commas act together."""

from __future__ import annotations

from casts import MAX, REX, cat_rat, rat_rat, signals

from ratbond.model import Animal
from ratbond.notes import parse_notes

BO = Animal("bo", "rat", name="Bo", sex="male")


def test_one_rat_on_its_hind_legs_explores() -> None:
    found = signals(cat_rat("Tom sat calm, and Pip stood up on her hind legs to look at him."))
    assert "exploring" in found["pip"]
    assert "boxing" not in found["pip"]
    # a limp on a back leg is no looking about
    assert "exploring" not in signals(rat_rat("Rex is limping on his back leg."))["rex"]


def test_two_rats_on_their_hind_legs_box() -> None:
    found = signals(rat_rat("Rex and Max boxed on the back legs, no blood."))
    assert "boxing" in found["rex"]
    assert "boxing" in found["max"]


def test_a_body_part_of_another_animal_aims_at_that_animal() -> None:
    found = signals(rat_rat("Rex washed the back of Max's neck and Max held still for it."))
    assert found["rex"] == {"mutual_grooming"}
    assert "mutual_grooming" in found["max"]


def test_a_word_between_my_and_the_part_keeps_the_phrase() -> None:
    def rat_human(text: str) -> set[str]:
        return set(parse_notes(text, [MAX], "rat-human").signals.get("max", ()))

    assert "climbs_onto_hand" in rat_human("Max stepped onto my other hand.")
    assert "climbs_onto_shoulder" in rat_human("Max ran up my sleeve and sat upon my shoulder.")
    assert "seeks_company" in rat_human("Max curled up asleep in my cardigan pocket.")


def test_names_listed_with_commas_share_what_they_did() -> None:
    cast = [REX, MAX, BO]
    found = parse_notes("Rex, Max and Bo slept in the hammock.", cast, "rat-rat").signals
    assert {animal for animal, names in found.items() if "sleeping" in names} == {
        "rex",
        "max",
        "bo",
    }
    # an object before the comma is no member of the list
    found = parse_notes("Rex bit Max, Bo and Max ran off.", cast, "rat-rat").signals
    assert "retreating" not in found["rex"]


def test_a_stroll_straight_to_another_is_an_approach() -> None:
    assert "approaching" in signals(rat_rat("Max strolled over nose first."))["max"]
    assert "approaching" in signals(rat_rat("Max came directly to Rex and sniffed him."))["max"]

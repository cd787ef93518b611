"""Who has a wound or suffers a harm: a thing or the owner's own part that opens the clause,
a wound's plural, a rat's scratch on another rat, a fight the owner broke up, a bite phrase
holding a thing, and a passive's doer that is someone else's animal. Each sentence here is
made up for the rule it tests."""

from __future__ import annotations

from casts import PIP, cat_rat, rat_rat

from ratbond.notes import NotesResult, parse_notes


def rat_human(text: str) -> NotesResult:
    return parse_notes(text, [PIP], "rat-human")


def signals(result: NotesResult) -> dict[str, set[str]]:
    found = {animal: set(names) for animal, names in result.signals.items()}
    for item in result.unattributed:
        found.setdefault("?", set()).add(item.signal)
    return found


def test_a_thing_or_the_owner_s_part_that_opens_the_clause_has_the_wound() -> None:
    for text in (
        "The sofa has a scratch on it.",
        "The sofa is scratched.",
        "My arm was scratched.",
        "My arm got scratched by Tom when I picked him up.",
        "My arm has a scratch.",
    ):
        assert signals(cat_rat(text)) == {}, text
    assert signals(rat_rat("The hammock has a cut in it.")) == {}
    # a thing that got clawed was swatted, as a claw at the mesh is
    assert signals(cat_rat("The mesh got clawed.")) == {"tom": {"swatting"}}
    # blood on a thing is still an animal's
    assert signals(rat_rat("The hammock has blood on it. Rex is limping.")).get("rex") == {"wound"}
    assert signals(rat_human("My arm has a scratch from her nails.")) == {}
    # a thing bitten is no bite by the rat; the owner's hand bitten still is
    assert signals(rat_human("The towel got bitten.")) == {}
    assert signals(rat_human("My hand got bitten.")) == {"pip": {"biting"}}
    # the animal that opens the clause still has it
    assert signals(cat_rat("Pip's nose is scratched.")) == {"pip": {"wound"}}
    # the owner as an object is not the clause's opener: the cat's scratch stands
    assert "scratching" in signals(cat_rat("Pip ran to me and got scratched.")).get("tom", ())


def test_a_wound_s_plural_after_having_is_a_wound_and_alone_is_the_cat_s_act() -> None:
    assert signals(rat_rat("Rex and Max have scratches.")) == {"rex": {"wound"}, "max": {"wound"}}
    assert signals(rat_rat("Max came out with cuts on his face.")) == {"max": {"wound"}}
    assert signals(rat_rat("Max has no scratches.")) == {}
    assert signals(cat_rat("Tom has scratches on his nose from the neighbour's cat.")) == {}
    assert signals(cat_rat("Pip is scratched.")) == {"pip": {"wound"}}


def test_a_rat_s_scratch_on_another_rat_wounds_it() -> None:
    assert signals(rat_rat("Rex scratched Max on the nose.")) == {"max": {"wound"}}
    assert signals(rat_rat("Rex clawed Max.")) == {"max": {"wound"}}
    for text in (
        "I scratched Max behind the ears.",
        "Max scratched his ear.",
        "Rex scratched at the bars.",
        "Rex didn't scratch Max.",
    ):
        assert signals(rat_rat(text)) == {}, text
    # grooming's scratches are care
    assert "wound" not in signals(rat_rat("Rex scratched Max while grooming him.")).get("max", ())
    # a rat's own bite is read as its bite, in speech or not
    said = rat_rat("Rex pinned Max. My husband said 'he will kill him!' but they slept after.")
    assert "wound" not in signals(said).get("rex", set()) | signals(said).get("max", set())


def test_a_fight_the_owner_broke_up_is_the_fighters() -> None:
    assert signals(rat_rat("I broke up a fight between Rex and Max.")) == {
        "rex": {"fighting"},
        "max": {"fighting"},
    }
    for text in (
        "I broke up a fight between my kids this morning. Rex slept.",
        "I broke up a fight at work today. Rex and Max slept.",
        "I broke up with my boyfriend after a fight. Rex slept.",
    ):
        assert "fighting" not in {s for names in signals(rat_rat(text)).values() for s in names}
    assert signals(cat_rat("I broke up a fight between Tom and the dog.")) == {}


def test_a_bite_phrase_holding_a_thing_is_no_bite() -> None:
    assert signals(cat_rat("Tom had his toy mouse in his mouth all evening.")) == {}
    assert signals(cat_rat("Tom had a feather in his teeth.")) == {}
    assert signals(cat_rat("Tom had Pip in his teeth for a second.")) == {"tom": {"biting"}}


def test_a_paw_s_blow_suffered_is_the_cat_s() -> None:
    assert signals(cat_rat("Pip got clawed.")) == {"pip": {"wound"}, "tom": {"scratching"}}
    assert signals(cat_rat("Pip got scratched.")) == {"pip": {"wound"}}


def test_someone_else_s_animal_after_by_is_no_animal_of_the_cast() -> None:
    assert signals(rat_human("Got bit by me sister's Jack Russell, hand bandaged.")) == {}
    assert signals(rat_human("Got bitten by my friend's dog.")) == {}
    assert signals(rat_human("I got bit by my own rat.")) == {"pip": {"biting"}}

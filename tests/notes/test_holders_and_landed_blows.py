"""Who has a wound or suffers a harm: a thing, a person or the owner's own part that opens
the clause, a bite phrase holding a thing, a passive's doer that is someone else's animal, and
the owner's blood drawn. Each sentence here is made up for the rule it tests."""

from __future__ import annotations

from casts import MAX, PIP, REX, cat_rat, rat_rat, read

from ratbond.notes import NotesResult, parse_notes


def rat_human(text: str) -> NotesResult:
    return parse_notes(text, [PIP], "rat-human")


def signals(result: NotesResult) -> dict[str, set[str]]:
    found = {animal: set(names) for animal, names in result.signals.items()}
    for item in result.unattributed:
        found.setdefault("?", set()).add(item.signal)
    return found


def test_a_thing_a_person_or_the_owner_s_part_that_opens_the_clause_has_the_mark() -> None:
    for text in (
        "The sofa has a scratch on it.",
        "My arm was scratched.",
        "My arm has a scratch.",
        "Both my arms have cuts.",
        "My hand has a scratch.",
    ):
        assert signals(cat_rat(text)) == {}, text
    for text in (
        "The hammock has a cut in it.",
        "Max's hammock has scratches.",
    ):
        assert signals(rat_rat(text)) == {}, text
    assert signals(rat_human("My arm has a scratch from her nails.")) == {}
    assert signals(rat_human("My son has scratches on his arm.")) == {}
    # a thing bitten is no bite by the rat; the owner's hand bitten still is
    assert signals(rat_human("The towel got bitten.")) == {}
    assert signals(rat_human("My hand got bitten.")) == {"pip": {"biting"}}
    # a thing that got clawed was swatted, as a claw at the mesh is
    assert signals(cat_rat("The mesh got clawed.")) == {"tom": {"swatting"}}
    # blood on a thing is still an animal's
    assert signals(rat_rat("The hammock has blood on it. Rex is limping.")).get("rex") == {"wound"}
    # an animal named later in the sentence keeps the act: it was aimed at it too
    assert "scratching" in signals(cat_rat("My shoulder got clawed by Tom going for Pip.")).get(
        "tom", ()
    )
    # the owner as an object is not the clause's opener: the cat's scratch stands
    assert "scratching" in signals(cat_rat("Pip ran to me and got scratched.")).get("tom", ())


def test_a_bite_phrase_holding_a_thing_is_no_bite() -> None:
    assert signals(cat_rat("Tom had his toy mouse in his mouth all evening.")) == {}
    assert signals(cat_rat("Tom had a feather in his mouth.")) == {}
    assert signals(cat_rat("Tom had a sock in his mouth.")) == {}
    for text in (
        "Tom had Pip in his mouth for a second.",
        "Tom had her in his mouth for a second.",
        # words that name neither may be the rat, and a thing after them is only a place
        "Tom had the little one in his mouth.",
        "Tom grabbed my baby off the table by the scruff.",
        "Tom grabbed her off the shelf by the neck.",
        # a thing's word that only describes the one held is no thing held
        "Tom had her cage mate in his mouth.",
        # an animal named after the thing is held with it
        "Tom had the hammock in his mouth with Pip in it.",
    ):
        assert signals(cat_rat(text)).get("tom") == {"biting"}, text


def test_someone_else_s_animal_after_by_is_no_animal_of_the_cast() -> None:
    assert signals(rat_human("Got bit by me sister's Jack Russell, hand bandaged.")) == {}
    assert signals(rat_human("Got bitten by my friend's dog.")) == {}
    for text in ("I got bit by my own rat.", "I was bitten by my baby today."):
        assert signals(rat_human(text)) == {"pip": {"biting"}}, text


def test_a_wound_the_owner_suffered_after_the_rat_is_its_bite() -> None:
    for text in (
        "Pip drew blood.",
        "Pip broke the skin on my thumb.",
        "Pip punctured my skin.",
        "Pip drew blood, her teeth are sharp.",
    ):
        assert signals(rat_human(text)) == {"pip": {"biting"}}, text
    # a pronoun may be a person, a species word another rat; a scratch says how
    for text in (
        "The nurse held Pip while she drew blood.",
        "The other rat drew blood, not Pip.",
        "Pip drew blood scratching behind her ear.",
    ):
        assert "biting" not in signals(rat_human(text)).get("pip", ()), text
    # claws or nails say how; the rat that bled bled
    assert "biting" not in signals(
        rat_human("Pip drew blood from my arm climbing up, those nails need a trim.")
    ).get("pip", ())
    assert signals(rat_human("Pip bled on my hand.")) == {"pip": {"wound"}}


def test_a_mark_s_plural_is_the_wound_of_the_animal_that_has_it() -> None:
    assert signals(rat_rat("Rex and Max have scratches.")) == {"rex": {"wound"}, "max": {"wound"}}
    assert signals(rat_rat("Max came out with cuts on his face.")) == {"max": {"wound"}}
    assert signals(rat_rat("Max has got scratches.")) == {"max": {"wound"}}
    for text in (
        "My toddler has scratches.",
        "The hammock has scratches.",
        "Max had cuts of banana.",
        "Max has no scratches.",
    ):
        assert signals(rat_rat(text)) == {}, text
    assert signals(cat_rat("Tom has scratches on his nose.")) == {}
    # a pronoun is left to the rules of the one harmed
    assert signals(cat_rat("Tom went for Pip and now she has scratches.")) == {
        "tom": {"lunging"},
        "pip": {"wound"},
    }
    # a word between, a part before, "with" after the one who found them
    for text in ("Max now has cuts on his tail.", "Max's nose has scratches on it."):
        assert signals(rat_rat(text)) == {"max": {"wound"}}, text
    assert signals(rat_rat("We found Max with cuts on his side.")) == {"max": {"wound"}}
    # petting, a thing's marks, and the owner left with them
    for text in ("Max gets chin scratches every night.", "Max has scratches all over his wheel."):
        assert signals(rat_rat(text)) == {}, text
    assert signals(rat_human("Pip left me with scratches.")) == {}


def test_a_hold_in_the_teeth_between_rats_is_the_holder_s_bite() -> None:
    assert signals(rat_rat("Rex grabbed Max by the scruff and hung on.")) == {"rex": {"biting"}}
    assert signals(rat_rat("Rex had Max in his mouth.")) == {"rex": {"biting"}}
    assert signals(rat_rat("Max had Rex's tail in his mouth.")) == {"max": {"biting"}}
    for text in (
        "Rex grabbed the treat by the end.",
        "I grabbed Rex by the scruff.",
        # a place, a thing held, a rat's thing held
        "Rex caught up with Max by the wheel.",
        "Max had the treat Rex dropped in his mouth.",
        "Rex had Max's food in his mouth.",
    ):
        assert "biting" not in {s for names in signals(rat_rat(text)).values() for s in names}


def test_the_cats_body_thrown_at_the_barrier_is_a_lunge() -> None:
    for text in (
        "Tom hurled his whole body against the carrier.",
        "Tom body-checked the pen and the rats scattered.",
        "Tom surged at the cage from the sofa.",
    ):
        assert "lunging" in signals(cat_rat(text)).get("tom", set()), text
    # a body that only lies against the barrier, a feeling that surges, a tail that slams, the
    # owner slamming a door, a rat bumping into its own wheel: no lunge
    for text in (
        "Tom lay with his whole body against the cage, purring.",
        "Relief surged at how calmly Tom sat by the cage.",
        "Tom's tail slammed against the carrier while he slept.",
        "I slammed the cage door shut before Tom could get in.",
        "Pip slammed into her wheel and got up.",
    ):
        found = {name for names in signals(cat_rat(text)).values() for name in names}
        assert "lunging" not in found, text


def test_a_broken_tooth_or_split_nail_is_the_rats_even_where_the_owner_was_bitten() -> None:
    def rat_human(text: str) -> dict[str, set[str]]:
        return signals(parse_notes(text, [PIP], "rat-human"))

    assert rat_human("Pip bit me and broke her tooth.") == {"pip": {"biting", "wound"}}
    assert rat_human("Pip broke a tooth on the cage bars.") == {"pip": {"wound"}}
    assert rat_human("Blood on the hammock, traced to Pip's foot: a split nail.") == {
        "pip": {"wound"}
    }
    # the owner's own nail, and the owner's blood, stay the owner's
    assert rat_human("Pip bit me and split my nail.") == {"pip": {"biting"}}
    assert rat_human("Pip bit me hard, my finger is bleeding.") == {"pip": {"biting"}}


def test_the_jaws_or_teeth_on_an_animal_are_a_bite_and_a_thing_held_in_them_is_none() -> None:
    for text in (
        "Tom got his jaws on her before I could react.",
        "Tom got Pip's tail in his teeth through the carrier gap.",
        "Tom had Pip in his teeth for a second.",
    ):
        assert signals(cat_rat(text)).get("tom") == {"biting"}, text
    assert signals(rat_rat("Rex got his jaws on Max's ear.")).get("rex") == {"biting"}
    # a plaything or food in the gap of a bite phrase, or the jaws laid on one, holds no rat;
    # jaws that only describe are no bite, and a bite never got is none
    for text in (
        "Tom had the feather wand in his teeth the whole session.",
        "Tom had the feather wand in his mouth the whole session.",
        "Tom got the treat in his teeth before Pip could.",
        "Tom got his jaws on the laser dot.",
        "Tom has strong jaws on him, like a lion.",
        "Tom never got his jaws on Pip, I had him on the harness.",
    ):
        assert "biting" not in signals(cat_rat(text)).get("tom", set()), text
    assert "biting" not in signals(rat_rat("Max had a pea in his teeth.")).get("max", set())


def test_a_nip_that_broke_the_skin_of_the_rat_it_nipped_was_a_bite() -> None:
    for text in (
        "Rex nipped Max's tail and drew a bit of blood.",
        "Rex gave Max a nip on the rump. Max's rump is bleeding a little.",
    ):
        assert signals(rat_rat(text)).get("rex") == {"nipping", "biting"}, text
    # the nipper's own wound, another rat's, one told with another cause, or the owner nipped
    # and the rat hurt itself: the nip stays a nip
    for text in (
        "Rex nipped Max, then cut his own nose on the wire.",
        "Rex nipped Max's tail. Max has a little cut on it, from the wheel.",
        "Rex nipped Max. A little bleed from Max's tail. Not from the nip, it was in the door.",
    ):
        assert "biting" not in signals(rat_rat(text)).get("rex", set()), text
    three = parse_notes(
        "Rex nipped Max. Pip has a small cut on her ear.", [REX, MAX, PIP], "rat-rat"
    )
    assert "biting" not in signals(three).get("rex", set())
    assert "biting" not in signals(
        rat_human("Pip nipped me, then fell off the sofa and cut her chin.")
    ).get("pip", set())


def test_a_blow_at_the_barrier_after_a_rush_is_the_bodys_lunge() -> None:
    for text in (
        "Tom jumped off the counter and hit that cage so hard it scooted.",
        "Tom launched from the sideboard and struck the cage at speed.",
        "Tom came flying off the couch and hit the cage like a freight train.",
    ):
        assert signals(cat_rat(text)).get("tom") == {"lunging"}, text
    # a paw or softness named is a swipe; so is a blow with no rush of its own cat just before
    # it, or at another thing
    for text in (
        "Tom jumped up and hit the cage with one foot.",
        "Tom came running and hit the cage gently.",
        "Tom hit the cage twice, then sat down.",
        "I ran to get the treats and Tom hit the cage.",
        "Tom jumped onto the shelf and hit the feather wand.",
    ):
        assert "lunging" not in signals(cat_rat(text)).get("tom", set()), text
    noted = cat_rat("Long run today, hit the wall at mile 16. Tom swatted the bars once.")
    assert signals(noted).get("tom") == {"swatting"}


def test_a_scratch_through_the_barrier_is_a_swipe_that_landed() -> None:
    for text in (
        "Tom scratched Pip through the bars, a thin red line on her side.",
        "Tom got a claw into Pip through the mesh, two lines down her hip.",
    ):
        assert {"scratching", "swatting"} <= signals(cat_rat(text))["tom"], text
    # a scratch with no reach through a barrier is no swipe, and one denied is neither
    assert "swatting" not in signals(cat_rat("Tom scratched Pip on the nose."))["tom"]
    assert "swatting" not in signals(cat_rat("Tom scratched Pip halfway through dinner."))["tom"]
    assert not read(cat_rat("Tom never scratched Pip through the bars."))


def test_a_clamp_onto_an_animal_is_a_bite() -> None:
    assert signals(rat_rat("Rex clamped onto Max's tail and held on.")) == {"rex": {"biting"}}
    assert signals(cat_rat("Tom clamped onto Pip's leg")) == {"tom": {"biting"}}
    # a clamp onto a plaything is none
    assert "biting" not in read(cat_rat("Tom clamped down on the toy mouse"))

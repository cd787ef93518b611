"""The owner's own hurts, what is watched on a screen, a fight heard from the cage and a rat
taken in the mouth, each read both ways: the danger kept and the calm note calm."""

from __future__ import annotations

from casts import MAX, PIP, REX, cat_rat, rat_human, rat_rat, read, signals

from ratbond.notes import parse_notes


def test_a_wound_in_a_sentence_naming_a_persons_part_and_no_animal_is_a_persons() -> None:
    text = "Took a cork ball on the knuckle at the nets, drew blood. Pip slept."
    assert "wound" not in read(cat_rat(text))
    text = "Fingers taped, split tips from the crimps, bled on the holds again. Pip slept."
    assert "wound" not in read(rat_human(text))
    # right after a harm to an animal, the blood on the fingers is that animal's
    text = "Rex bit Max on the rump and held on. My fingers came away smelling of blood."
    assert "wound" in signals(rat_rat(text))["max"]


def test_a_wound_near_the_owners_own_body_part_is_theirs() -> None:
    assert "wound" not in read(cat_rat("I have a cut in my knee from the bike. Pip sniffed it."))
    text = "blister on my thumb from the gardening bled a bit, Pip sniffed the plaster"
    assert "wound" not in read(cat_rat(text))
    # the rat's own part, or the rat bleeding after the owner's part, stays the rat's
    assert "wound" in signals(cat_rat("Pip has a cut on her knee."))["pip"]
    assert "wound" in signals(cat_rat("My hand was fine but Pip bled from her ear."))["pip"]


def test_blood_on_what_a_person_wears_or_on_their_cuticles_is_theirs() -> None:
    for text in (
        "The barrow cracked Dan's shin, blood through his trousers. Rex and Max boxed.",
        "Valentine's week: blood on the ribbon from my cuticles. Rex and Max ate.",
    ):
        assert "wound" not in read(rat_rat(text)), text
    # an animal that bled onto them is still the one bleeding, and a sock is a rat's bed too
    assert "wound" in signals(rat_rat("Max bled all over my sleeve."))["max"]
    assert "wound" in signals(rat_rat("Blood on Max's sock hammock this morning."))["max"]


def test_it_bled_after_the_owners_own_wound_is_the_owners() -> None:
    text = "I have a cut on my hand from the rose bush, it bled a lot. Pip licked my fingers."
    assert "wound" not in read(cat_rat(text))
    # ... and in the sentence after it, with nothing but "it" before the bleeding
    text = "I cut my finger on an instrument; it bled a lot. Pip behaved."
    assert "wound" not in read(cat_rat(text))
    # an animal's wound before "it bled" stays hers
    text = "I cut my hand on the cage door and Pip has a cut on her foot, it bled a lot."
    assert "wound" in signals(cat_rat(text))["pip"]


def test_a_wound_or_a_fight_said_to_be_the_owners_is_no_animals() -> None:
    assert "wound" not in read(cat_rat("The only cut is mine. Tom and Pip fine."))
    assert "wound" not in read(rat_rat("Rex is fine. The blood was mine."))
    assert "wound" in read(rat_rat("The blood is mine and Max's, both caught by the wire."))
    text = "Rex and Max boxed a bit. The only real fight this week was me versus the landlord."
    assert "fighting" not in read(rat_rat(text))
    # a fight the owner only blames themself for is still the rats'
    text = "The fight was my fault, I put them together too soon. Rex has a cut."
    assert "fighting" in read(rat_rat(text))
    assert "fighting" in read(rat_rat("The fight was me, I rushed it. Rex has a cut on his ear."))
    assert "fighting" in read(rat_rat("Whole fight was me vs them trying to get Rex off Max."))
    assert "wound" in signals(rat_rat("The blood was my fault, Rex has a cut."))["rex"]


def test_a_wound_in_a_sentence_about_a_film_names_no_animal_unless_one_is_named() -> None:
    text = "Watched a horror film before the session, all blood and teeth. Pip sat in my lap."
    assert "wound" not in read(cat_rat(text))
    text = "Watching a film when Tom swiped the cage, Pip has blood on her nose."
    assert "wound" in signals(cat_rat(text))["pip"]
    assert "wound" in read(rat_rat("Halfway through the movie, blood on the cage bars."))
    assert "wound" in read(rat_rat("Another bad episode last night with blood on the bedding."))


def test_a_noise_from_the_cage_before_a_wound_is_a_fight_heard() -> None:
    text = "Screaming and thumping from the cage at 2am. Rex has a cut on his ear this morning."
    result = rat_rat(text)
    assert {item.signal for item in result.unattributed} == {"fighting"}
    assert "wound" in signals(result)["rex"]
    assert "fighting" in read(rat_rat("I listened screams in the cage. Rex has a cut now."))
    # a noise explained, or with no wound, is no fight
    text = "Squeaking from the cage while they played. Rex has a cut from the wheel."
    assert "fighting" not in read(rat_rat(text))
    assert "fighting" not in read(rat_rat("Squeaking from the cage at bedtime. All fine."))
    text = "Screaming from the cage last night. Max got his foot caught. Small cut on his foot."
    assert "fighting" not in read(rat_rat(text))
    text = "Max shrieked in the cage at the vet's injection. There's a small scab there now."
    assert "fighting" not in read(rat_rat(text))
    # a noise heard with no word of where it came from is the rats'
    text = "Heard it kick off about 3am, right racket. Lights on, Rex had a cut on his tail."
    assert "fighting" in {item.signal for item in rat_rat(text).unattributed}
    text = "Heard a racket from next door at 3am. Rex had a cut on his tail from the wheel."
    assert "fighting" not in read(rat_rat(text))
    text = "Heard my neighbour's dogs kick off, right racket. Rex has a small cut on his tail."
    assert "fighting" not in read(rat_rat(text))
    # a bite found of no one in particular does not explain the noise away
    text = (
        "Heard a screaming match from the cage. Came down, all over. Rex's got a bite on his tail."
    )
    three = parse_notes(text, [REX, MAX, PIP], "rat-rat")
    assert "fighting" in {item.signal for item in three.unattributed}
    # the owner's part with a rat named after it is no cover for the rat's wound
    assert "wound" in signals(rat_rat("they fought on my knee max bleeding from nose"))["max"]


def test_a_rat_taken_with_the_mouth_is_bitten_and_a_plaything_is_not() -> None:
    assert "biting" in signals(cat_rat("Tom has taken her with the mouth, one second only."))["tom"]
    assert "biting" in signals(cat_rat("Tom grabbed Pip with his mouth."))["tom"]
    assert "biting" not in read(cat_rat("Tom took the feather with the mouth and ran."))


def test_a_rat_in_the_cats_mouth_is_the_cats_bite() -> None:
    assert "biting" in signals(cat_rat("Came back to find Pip half inside Tom's mouth."))["tom"]
    assert "biting" in signals(cat_rat("Pip was grabbed in the cat's mouth."))["tom"]
    # the owner's fright is no bite
    text = "Heart in me mouth moment: Tom pounced on the carrier with both paws."
    assert "biting" not in read(cat_rat(text))


def test_a_biter_that_hurt_itself_on_the_owner_bears_the_wound() -> None:
    text = "Rex bit me and chipped his tooth on my ring, his mouth is bleeding a bit."
    assert "wound" in signals(rat_human(text))["rex"]
    # the owner's blood after the bite stays the owner's
    assert "wound" not in read(rat_human("Rex bit me and drew blood, his teeth are sharp."))
    # an idiom of falling is no bite at the owner
    text = "She took a header off the sofa and bit the dust, split her lip."
    assert "wound" in signals(parse_notes(text, [PIP], "rat-human"))["pip"]

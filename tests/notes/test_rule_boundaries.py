"""Where reader rules stop, each class read both ways: the danger kept and the calm note calm
(cases a reviewer found at the edges of new rules). Each sentence here is made up for the rule
it tests, beside the reviewer's own examples."""

from __future__ import annotations

from casts import MAX, PIP, REX, cat_rat, rat_rat, read, signals

from ratbond.notes import parse_notes


def test_a_correction_moves_only_the_act_it_names_and_never_a_wound_or_a_fight() -> None:
    # what the one replaced suffered stays with it
    result = signals(rat_rat("Max got bitten, bleeding on the ear. It was Rex."))
    assert "wound" in result["max"]
    # "it was X" after a hurt done by someone unnamed names the doer
    assert result.get("rex") == {"biting"}
    assert signals(rat_rat("Rex got bitten on the tail. That was Max.")) == {
        "rex": {"wound"},
        "max": {"biting"},
    }
    assert "wound" in signals(rat_rat("Rex got bitten on the tail. That was Max."))["rex"]
    assert "wound" in signals(rat_rat("Max had a torn ear. It was Rex."))["max"]
    # a line naming an act moves that act only
    result = signals(rat_rat("Rex bit Max hard. Actually it was Max squeaking, not Rex."))
    assert result == {"rex": {"biting"}, "max": {"squeaking"}}
    result = signals(
        cat_rat("Tom hissed and swatted at the cage. Oops it was Pip hissing, not Tom.")
    )
    assert result == {"tom": {"swatting"}, "pip": {"hissing"}}
    # a shared fight stays both animals'
    result = signals(rat_rat("Rex and Max fought, blood everywhere. That was Max dad."))
    assert "fighting" in result["rex"]
    assert "fighting" in result["max"]
    # a question corrects nothing; the last correction wins
    assert signals(rat_rat("Max bit Rex. that was Rex?")) == {"max": {"biting"}}
    text = "Rex bit Max. no it was Max not Rex. actually it was Rex not Max"
    assert signals(rat_rat(text)) == {"rex": {"biting"}}
    # the cases the rule was built for still move the act
    result = signals(rat_rat("Rex chased Max. actually it was Max chasing not Rex"))
    assert "chasing" in result["max"]
    assert "chasing" not in result.get("rex", set())
    result = signals(rat_rat("Rex bit Max. no it was Max not Rex"))
    assert result == {"max": {"biting"}}


def test_a_when_clause_is_past_only_after_a_contrast_and_only_to_its_second_subject() -> None:
    # sameness tells of today too
    assert (
        "lunging"
        in signals(cat_rat("Same as Monday when he lunged at the cage, he did it again"))["tom"]
    )
    assert "swatting" in signals(cat_rat("Just like Sunday when he swiped at the mesh."))["tom"]
    assert "lunging" in signals(cat_rat("As on Monday, when Pip came out Tom lunged."))["tom"]
    assert "lunging" in signals(cat_rat("Like last Friday when he lunged at the bars."))["tom"]
    # a colon or a dash opens today's account
    text = "Not as good as Wednesday: when I let Pip out Tom pounced on her."
    assert "pouncing" in signals(cat_rat(text))["tom"]
    assert (
        "lunging"
        in signals(cat_rat("Worse than Friday - when Pip moved he lunged at the cage."))["tom"]
    )
    assert "hissing" in signals(cat_rat("Worse than Sunday; when Pip came out he hissed."))["tom"]
    # the past clause ends at a second subject
    result = signals(cat_rat("Unlike Tuesday when he was chill he swatted the cage twice."))
    assert result["tom"] == {"swatting"}
    # the past set against today stays past
    calm = "Better than Sunday when she went for the bars, Tom was relaxed."
    assert signals(cat_rat(calm)) == {"tom": {"relaxed_posture"}}
    calm = "Tom was relaxed, unlike 22nd Nov when he swiped the mesh."
    assert signals(cat_rat(calm)) == {"tom": {"relaxed_posture"}}
    calm = "Tom sat quietly, compared to Monday when he hissed at her."
    assert "hissing" not in signals(cat_rat(calm)).get("tom", set())


def test_not_before_an_animal_s_act_is_disbelief_only_with_a_sign_of_it_and_no_denial() -> None:
    # disbelief: the act happened
    assert "lunging" in signals(cat_rat("not Tom charging the gate 😭"))["tom"]
    assert "hissing" in signals(cat_rat("Not Tom hissing at her again omg"))["tom"]
    assert "biting" in signals(rat_rat("not Rex biting Max so hard it bled"))["rex"]
    # a plain "not", or one with a word of denial or praise, denies
    for text in (
        "Not Tom swatting this time! So proud.",
        "No hissing. Not Tom lunging either. Calm.",
        "Not Pip biting me tonight, she took the treat gently.",
        "Not Tom lunging for once 😂 good boy",
        "Not Tom swatting the cage at all.",
    ):
        result = signals(cat_rat(text))
        assert result.keys() <= {"tom", "pip"}
        assert not {"swatting", "lunging", "biting", "hissing"} & set().union(*result.values())
    assert "biting" not in signals(rat_rat("Not Rex biting Max for once, they groomed.")).get(
        "rex", set()
    )


def test_slang_blood_is_blood_only_in_a_frame_of_injury() -> None:
    # a word of address, as a phrase's opener or closer or after a comma
    assert signals(cat_rat("Nah blud, Tom never even looked at Pip")) == {"tom": {"ignoring"}}
    assert "wound" not in str(signals(rat_rat("Rex and Max are fine blud!")))
    assert "wound" not in str(signals(cat_rat("peak vibes blud")))
    assert "wound" not in str(signals(cat_rat("Tom sat by the cage, calm as anything, blud.")))
    # blood where an injury frames it
    assert "wound" in signals(cat_rat("Pip had blud on her tail"))["pip"]
    assert "wound" in signals(cat_rat("there was blud."))["pip"]
    assert "wound" in signals(cat_rat("Tom swiped Pip and drew a bit of blud."))["pip"]
    assert "wound" in signals(cat_rat("Pip has a cut, blud from her ear"))["pip"]


def test_a_stripe_of_colour_is_a_wound_on_a_body_part_or_after_a_harm_unless_explained() -> None:
    # a pattern on a thing, or a mark explained away
    assert "wound" not in str(signals(cat_rat("Pip's new hammock has a red stripe")))
    text = "a pink stripe on her tail, that's just her markings"
    assert "wound" not in str(signals(cat_rat(text)))
    text = "a pink streak on his ear - I think it's the beetroot"
    assert "wound" not in str(signals(cat_rat(text)))
    assert "wound" not in str(
        signals(cat_rat("Pip has a red streak on her back, she was born with it"))
    )
    # a fresh scratch
    assert "wound" in signals(cat_rat("Pip has a red streak on her back"))["pip"]
    assert "wound" in signals(cat_rat("Tom swiped Pip through the bars, a red stripe."))["pip"]


def test_a_chat_size_is_a_size_only_before_a_noun_not_a_person_s_name_before_a_verb() -> None:
    assert "wound" not in str(signals(cat_rat("Lil cut Pip's nails today, Tom watched")))
    assert "wound" not in str(signals(cat_rat("Lil cut the wire today, Pip watched")))
    assert "wound" in signals(cat_rat("Pip has a lil cut on her ear"))["pip"]
    assert "wound" in signals(cat_rat("Pip has a smol scratch"))["pip"]
    assert "wound" in signals(cat_rat("lil cut on Pip's foot"))["pip"]


def test_a_hedge_over_a_time_to_come_or_a_condition_reports_no_act() -> None:
    text = "dunno if Rex is gonna bite Max if I leave them, so I separated them"
    assert "biting" not in str(signals(rat_rat(text)))
    text = "dunno if she'll bite next time, tonight she took treats"
    assert "biting" not in str(signals(cat_rat(text)))
    assert "lunging" not in str(signals(cat_rat("not sure if Tom will lunge at the cage tomorrow")))
    # a hedge over what happened is still asked about
    assert "biting" in signals(rat_rat("dunno if Rex bit Max, there was a squeak"))["rex"]
    assert "biting" in signals(rat_rat("I think Rex might have bitten Max"))["rex"]
    assert "biting" in signals(rat_rat("not sure if Rex bit Max, I'll check tomorrow"))["rex"]


def test_an_answer_word_before_a_name_leaves_it_the_subject() -> None:
    assert signals(rat_rat("yeah Rex bit him")) == {"rex": {"biting"}}
    assert signals(rat_rat("ok Rex bit Max")) == {"rex": {"biting"}}
    assert signals(rat_rat("Rex bit Max. yeah Rex bit him")) == {"rex": {"biting"}}
    assert "biting" in signals(rat_rat("Max bit Rex. yeah Rex bit him"))["max"]


def test_a_low_posture_beside_rest_is_no_stalk() -> None:
    text = "Tom lay low on the floor near the cage, fast asleep"
    assert "stalking" not in signals(cat_rat(text))["tom"]
    assert "stalking" not in signals(cat_rat("Tom was low on the floor, relaxed and sleepy"))["tom"]
    # low with movement toward the rats or a stare is still a stalk
    text = "Tom goes slowly, low on the floor, toward the cage"
    assert "stalking" in signals(cat_rat(text))["tom"]
    assert "stalking" in signals(cat_rat("Tom crouched low on the floor staring at Pip"))["tom"]
    # a low crawl, or a crawl on the belly to the rats, is the crouch and the creeping steps
    assert "stalking" in signals(cat_rat("Tom low crawling across the rug to the cage"))["tom"]
    text = "Tom crawls on his belly to the cage super slow"
    assert "stalking" in signals(cat_rat(text))["tom"]
    for text in (
        "Tom crawls on his belly for belly rubs",
        "Tom slowly drank from his low water bowl",
        "Tom lay low in the sun and blinked slowly at Pip, half asleep",
    ):
        assert "stalking" not in signals(cat_rat(text)).get("tom", set()), text


def test_a_verb_of_sound_with_an_object_is_no_sound() -> None:
    assert "squeaking" not in str(signals(rat_rat("Rex pipped Max to the treat")))
    assert "squeaking" not in str(signals(rat_rat("Rex pipped him to the top of the hammock")))
    assert "squeaking" in signals(rat_rat("Max pipped and hid"))["max"]
    assert "squeaking" in signals(cat_rat("Pip pipped when Tom came close"))["pip"]


def test_a_rat_the_owner_put_on_the_lap_sought_no_company() -> None:
    result = signals(cat_rat("I held Pip on my lap and she bit me"))
    assert result["pip"] == {"biting"}
    for text in ("we put Pip on my lap for a treat", "I put her on my lap"):
        assert "seeks_company" not in signals(cat_rat(text)).get("pip", set())
    assert "seeks_company" in signals(cat_rat("Pip bruxing on my lap"))["pip"]
    assert "seeks_company" in signals(cat_rat("Pip came and sat on my lap, bruxing"))["pip"]


def test_a_name_one_letter_off_is_no_slip_when_the_note_spells_the_name_right_too() -> None:
    from ratbond.model import Animal
    from ratbond.notes import parse_notes

    anna = Animal("anna", "rat", name="Anna", sex="female")
    rex = Animal("rex", "rat", name="Rex", sex="male")
    text = "Ana got bitten by Rex when she reached in. Anna was fine."
    assert "wound" not in str(signals(parse_notes(text, [rex, anna], "rat-rat")))
    # alone, the slip is still the animal's name
    result = signals(parse_notes("Ana got bitten by Rex.", [rex, anna], "rat-rat"))
    assert "wound" in result["anna"]


def test_food_scraps_are_no_scrap() -> None:
    assert signals(rat_rat("Table scraps for Rex and Max tonight.")) == {}
    assert "fighting" not in signals(rat_rat("Rex and Max ate the scraps.")).get("rex", set())
    # a scrap between them is still a fight
    assert signals(rat_rat("Rex and Max had a scrap."))["rex"] == {"fighting"}


def test_a_fight_only_heard_before_a_wound_is_a_fight_of_no_one_in_particular() -> None:
    for text in (
        "Heard a racket from the cage about 3am. Lights on, Rex had a cut on his tail.",
        "Woke up to a terrible noise from the cage; this morning Max has dried blood on his neck.",
        "Heard a right ruck in the night. Max has a nick on his lip.",
        # a place of more than one word
        "Heard screaming from the rat room. Rex had a fresh scratch on his ear.",
    ):
        result = rat_rat(text)
        assert "fighting" in {item.signal for item in result.unattributed}, text
    # a noise from elsewhere or of another sense, a hearing denied, another signal heard, a
    # wound explained otherwise, a noise after the wound, no wound
    for text in (
        "Heard a racket from next door at 3am, a party. Rex had a small scab on his ear.",
        "I saw it as a battle of wills over the pea. Max had a small scratch on his nose.",
        "Didn't hear any noise from the cage overnight. Rex had a small cut on his nose.",
        "Heard them bruxing in the cage, lovely noise. Rex had a small scratch on his ear.",
        "Heard a racket from the cage. Rex has a small cut from the wheel.",
        "Rex has a cut on his tail. Later I heard a racket in the cage.",
        "Heard a racket in the cage at 3am, it was the bins. Rex and Max ate their peas.",
    ):
        result = rat_rat(text)
        assert "fighting" not in {item.signal for item in result.unattributed}, text


def test_a_volunteer_bitten_is_no_vole() -> None:
    result = signals(parse_notes("Rex bit vol on the thumb, broke skin.", [REX, MAX], "rat-human"))
    assert result["rex"] == {"biting"}
    assert "biting" not in read(cat_rat("Tom bit a vole in the garden. Pip slept."))


def test_a_wound_three_sentences_after_a_bite_is_the_bitten_rats() -> None:
    text = (
        "Rex sank his teeth into Max's rump and hung on. Max shrieked. No rolling about, just"
        " that grip until I tapped Rex's nose. Two little holes."
    )
    found = signals(parse_notes(text, [REX, MAX, PIP], "rat-rat"))
    assert "wound" in found["max"]
    assert "wound" not in found["rex"]
    # far later, with the biter named last, the wound is not put on the one bitten
    text = (
        "Rex bit Max. Then they ate. Later they slept. Then I cleaned. Rex has a small cut on"
        " his ear."
    )
    assert "wound" not in signals(parse_notes(text, [REX, MAX, PIP], "rat-rat")).get("max", set())

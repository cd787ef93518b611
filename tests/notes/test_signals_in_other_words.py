"""Signals told in other words, and words that only look like them: a panic in slang, a run
into a shelter, a meal, a glance never given, nibbles that groom, a jaw that chatters, a claw
that names its cat, and a rat sitting bolt upright."""

from __future__ import annotations

from casts import cat_rat, rat_human, rat_rat, read, signals


def test_a_panic_told_in_slang_or_as_scattering_is_frantic_movement() -> None:
    for text in (
        "Tom slammed into the cage. Pip going mental all over the bars.",
        "Tom slammed into the cage. Pip scattered every direction.",
        "Tom growled. Pip ran about like mad.",
    ):
        assert "frantic_movement" in signals(cat_rat(text))["pip"], text


def test_a_cat_watching_the_rats_by_their_sex_watches_calmly() -> None:
    for text in (
        "Tom lay on the rug watching the girls, ears forward.",
        "Tom watched the boys from the armchair.",
        "Tom sat by the cage with a soft, steady gaze.",
    ):
        assert "watching_calmly" in signals(cat_rat(text))["tom"], text


def test_pinning_a_rat_named_by_its_role_is_pinning() -> None:
    found = signals(rat_rat("Rex pinned the new boy, Max squeaked."))
    assert "pinning" in found["rex"]
    # pinning a thing up is no pinning
    assert "pinning" not in read(rat_rat("I had to pin the hammock back up. Rex slept."))


def test_a_jaw_moving_as_a_cat_chatters_bites_no_one() -> None:
    found = signals(cat_rat("Tom did that stuttering chirp with his jaw going, tail flicking."))
    assert "chattering" in found["tom"]
    assert "biting" not in found["tom"]
    assert "biting" in signals(cat_rat("Tom went for Pip with his jaws open."))["tom"]
    found = signals(cat_rat("Tom at the cage making that stuttering click with his jaw."))
    assert found["tom"] == {"chattering"}


def test_nibbles_said_to_groom_the_owner_are_no_meal() -> None:
    for text in (
        "Rex licked my fingers, little grooming nibbles.",
        "Rex was licking my fingers and doing small small nibbles, like grooming.",
    ):
        assert signals(rat_human(text))["rex"] == {"grooms_person"}, text
    # a quick bite let go is still a nip
    bite = "Rex gave me a small quick bite on my finger, then let go."
    assert "nipping" in signals(rat_human(bite))["rex"]


def test_a_rat_caught_by_a_claw_was_caught_by_the_cat() -> None:
    found = signals(cat_rat("Pip was caught by a claw through the mesh, a thin red line."))
    assert found["tom"] & {"swatting", "scratching"}
    assert "wound" in found["pip"]
    # a thing that scratched is no animal
    assert "tom" not in signals(cat_rat("Pip got scratched by the rose bush."))


def test_a_run_into_a_shelter_is_hiding() -> None:
    for text in ("Max ran into his house.", "Max shot into the tube.", "Max fled to the hammock."):
        assert signals(rat_rat(text))["max"] == {"hiding"}, text
    # running into another rat is no shelter
    assert "hiding" not in read(rat_rat("Rex ran into Max."))


def test_a_meal_by_other_words_is_eating() -> None:
    found = signals(rat_rat("Rex and Max ate from the same bowl, no fuss."))
    assert "eating" in found["rex"]
    assert "eating" in found["max"]
    assert (
        "eating" in signals(rat_rat("Rex pinned Max, then they took their supper together."))["max"]
    )
    # a feed time is no meal
    assert "eating" not in read(rat_rat("Found a nick on Max's ear at feeding time."))


def test_sitting_bolt_upright_is_no_lunge_and_a_soft_grind_is_bruxing() -> None:
    assert "lunging" not in read(cat_rat("Tom sat bolt upright staring at Pip."))
    assert "lunging" in read(cat_rat("Tom bolted at the cage."))
    found = signals(cat_rat("Pip curled up in my lap, teeth going in a soft grind."))
    assert "bruxing" in found["pip"]
    assert "biting" not in found["pip"]


def test_a_glance_the_cat_never_gave_is_ignoring() -> None:
    for text in (
        "Tom attacked the laser dot. Didn't even glance at Pip.",
        "Tom batted a moth about and didn't so much as glance at the cage.",
        "Tom chewed the playpen corner, wasn't even looking at Pip.",
    ):
        assert "ignoring" in signals(cat_rat(text))["tom"], text


def test_a_rush_that_hits_the_side_of_the_cage_is_a_lunge() -> None:
    text = "Tom went off like a rocket. Flew across the kitchen and hit the front of the cage."
    assert "lunging" in signals(cat_rat(text))["tom"]
    # a paw that hits the side of the cage is a swipe
    paw = "Tom hit the side of the cage with his paw."
    assert "swatting" in signals(cat_rat(paw))["tom"]


def test_a_leap_off_a_perch_at_the_barrier_is_a_lunge() -> None:
    for text in (
        "Tom came off the bookcase at the cage like a landslide, and hit the door hard.",
        "Tom went off the chair at the cage like a spring, hit the door full on.",
        "Tom come off the settle at that cage, straight into the door, BANG.",
        "Tom smacked into the cage door in one go.",
    ):
        assert signals(cat_rat(text)).get("tom") == {"lunging"}, text
    # walking off the chair is no lunge, nor is a look at the cage from the floor
    assert "lunging" not in read(cat_rat("Tom went off to his bowl, then sat at the cage."))
    assert "lunging" not in read(cat_rat("Tom hopped off the sofa and looked at the cage."))


def test_plants_images_and_things_named_for_harm_are_none() -> None:
    for text in (
        "The bleeding hearts are all in bud. Rex and Max groomed.",
        "A bucket of love-lies-bleeding from the market. Rex and Max groomed.",
        "Tom stared, pupils like black holes. Pip ate.",
        "Pip washing her face. What a cute little thing.",
        "Pip was in the travel box on the floor while I cleaned.",
        "Watched an owl tear a rat to bits on the telly an' felt proper sick. Pip ate.",
    ):
        found = read(rat_rat(text) if "Rex" in text else cat_rat(text))
        assert not found & {"wound", "biting", "boxing", "lethargy"}, text


def test_a_roll_over_and_over_is_no_pin() -> None:
    fight = signals(rat_rat("Rex and Max rolling over and over, screaming. Max has a cut."))
    assert "pinning" not in fight["rex"]
    assert "fighting" in fight["rex"]
    assert "pinning" in signals(rat_rat("Rex rolled Max over and stood on him."))["rex"]


def test_play_as_a_noun_and_nibbles_of_grooming_are_not_read_from_their_stem() -> None:
    assert "play_wrestling" not in read(rat_rat("Rex hid in the hammock. Rain stopped play."))
    assert "play_wrestling" in signals(rat_rat("Rex and Max playing, taking turns."))["rex"]
    assert "eating" not in read(rat_human("Rex licked my hand, tiny licks and nibbles."))


def test_a_cat_low_on_its_belly_sneaking_to_the_cage_is_stalking() -> None:
    text = "Tom go low on the belly and sneak slow slow to the cage."
    assert "stalking" in signals(cat_rat(text))["tom"]


def test_biting_told_of_both_fighters_is_the_fight_a_bite_one_gave_stays_its_own() -> None:
    fight = signals(rat_rat("Rex and Max rolling in a ball, screaming, biting. Max has a cut."))
    assert "fighting" in fight["rex"]
    assert "biting" not in fight["rex"] | fight["max"]
    bite = signals(rat_rat("Rex bit Max on the neck, then both fighting on the floor."))
    assert "biting" in bite["rex"]
    assert "fighting" in bite["rex"]


def test_words_that_only_share_a_stem_with_a_signal_are_not_it() -> None:
    # two rats up on their back legs slapping away box; no one backs away
    assert "retreating" not in read(rat_rat("Rex and Max up on their back legs slapping away."))
    assert "retreating" in signals(rat_human("Rex backs away from my hand."))["rex"]
    # rats cuddled up together seek no person's company; a lap does
    assert "seeks_company" not in read(rat_rat("Rex and Max cuddled in the hammock."))
    assert "seeks_company" in signals(rat_human("Rex sat on my lap."))["rex"]
    # a rat that wanders off explores nothing in particular; one that wanders the cage does
    assert read(rat_rat("Rex sniffed Max and wandered off.")) == {"sniffing"}
    assert "exploring" in signals(rat_rat("Rex wandered the cage."))["rex"]
    # a climb to somewhere is no exploring; climbing about is
    assert "exploring" not in read(rat_rat("Max nipped Rex's tail when he climbed the gate."))
    assert "exploring" in signals(rat_rat("Rex climbing all over the cage."))["rex"]


def test_a_thing_rattled_a_huff_and_a_back_lain_on_are_no_signs_of_their_stems() -> None:
    assert "labored_breathing" not in read(rat_rat("Rex rattled the water bottle. Max slept."))
    assert "labored_breathing" in signals(rat_rat("Rex's breathing has a rattle to it."))["rex"]
    # a rat lying on its back under another is pinned, not laid back
    pinned = signals(rat_rat("Max stood over Rex, Rex lay on his back and squeaked."))
    assert "relaxed" not in pinned["rex"]
    assert "relaxed" in signals(rat_human("Rex was very laid back tonight."))["rex"]
    # a roll with no one rolled is no pin
    assert "pinning" not in read(rat_rat("Rex and Max rolling over and screeching."))
    assert "pinning" in signals(rat_rat("Rex rolled him over and stood on him."))["rex"]


def test_an_animal_feeding_eats_feeding_time_and_hand_feeding_do_not() -> None:
    assert "eating" in signals(rat_rat("Rex pinned Max, then resumed feeding."))["rex"]
    assert "eating" in signals(rat_rat("Max feeding. No agonistic behaviour."))["max"]
    assert "eating" not in read(rat_rat("Rex squeaked at feeding time."))
    assert "eating" not in read(rat_rat("My neighbour was feeding them while I was away."))


def test_a_meal_had_up_on_a_shelf_is_a_meal() -> None:
    assert "eating" in signals(rat_rat("Max up on the shelf eating a cracker."))["max"]


def test_a_sick_rat_sleeping_all_day_is_lethargic_not_resting() -> None:
    sick = signals(rat_rat("Max hunched, coat ruffled, slept most of the day, refused his treat."))
    assert "lethargy" in sick["max"]
    assert "sleeping" not in sick["max"]
    assert signals(rat_rat("Max slept in the hammock all evening."))["max"] == {"sleeping"}


def test_a_cat_curled_up_asleep_lies_down() -> None:
    assert "lying_down" in signals(cat_rat("Tom was curled up asleep on my tackle box."))["tom"]
    assert "sleeping" in signals(rat_rat("Rex curled up asleep in the hammock."))["rex"]


def test_screaming_heard_with_a_fight_no_one_saw_is_part_of_that_fight() -> None:
    text = "Heard a fight from the rat room at 3am, screaming and thumping. Max has a cut."
    result = rat_rat(text)
    assert "squeaking" not in read(result)
    assert "fighting" in read(result)
    # a squeak of one rat that was seen stays its own
    assert "squeaking" in signals(rat_rat("Rex pinned Max and Max squeaked."))["max"]


def test_a_rat_that_only_came_near_is_the_time_of_something_else() -> None:
    assert "approaching" not in read(cat_rat("Tom swiped at the cage door when Pip came near."))
    assert "approaching" in signals(cat_rat("Pip came near the bars and sniffed Tom."))["pip"]


def test_a_run_into_a_little_house_hides_and_a_try_to_climb_out_is_panic() -> None:
    assert "hiding" in signals(rat_rat("Max ran into the little house and stayed there."))["max"]
    assert "hiding" in signals(rat_rat("Max remained in the house all evening."))["max"]
    chased = signals(rat_rat("Rex chased Max nonstop, Max screaming and tryna climb out."))
    assert "frantic_movement" in chased["max"]


def test_fur_cleaned_on_another_rat_is_their_grooming_and_holding_still_shares_it() -> None:
    groomed = signals(rat_rat("Rex cleaned the neck of Max and Max stayed still."))
    assert groomed == {"rex": {"mutual_grooming"}, "max": {"mutual_grooming"}}
    # a cage cleaned is no grooming
    assert "grooming_self" not in read(rat_rat("I cleaned the cage while Rex slept."))


def test_a_hind_end_moved_side_to_side_before_a_jump_is_a_pounce() -> None:
    text = "Tom is moving his back side left right, then he jump on top of Pip box."
    assert "pouncing" in signals(cat_rat(text))["tom"]


def test_a_tail_caught_in_a_door_is_an_accident_and_its_cut_the_rats_own() -> None:
    text = "Max caught his tail in the cage door, little cut and some blood."
    assert signals(rat_human(text)) == {"max": {"wound"}}


def test_a_bite_told_again_by_the_noun_alone_is_the_earlier_biters() -> None:
    text = "Rex bit Max on the tail and held on; Max screamed. No rolling about, just the one bite."
    found = signals(rat_rat(text))
    assert "biting" in found["rex"]
    assert "biting" not in found["max"]
    # one named before it gave its own
    back = signals(rat_rat("Rex bit Max on the tail. Then Max gave him a bite back."))
    assert "biting" in back["max"]


def test_a_dull_session_is_no_dull_rat() -> None:
    assert "lethargy" not in read(rat_rat("The session was dull: Rex slept, Max ate."))
    assert "lethargy" in signals(rat_rat("Max's coat looks dull and he sits hunched."))["max"]


def test_a_cat_purrs_but_pure_chaos_is_no_purr() -> None:
    assert "relaxed_posture" in read(cat_rat("Tom lay by the cage purring away."))
    assert "relaxed_posture" not in read(cat_rat("It was pure chaos at work. Tom sat there."))


def test_pine_wood_is_no_pin_of_a_pounce() -> None:
    assert read(
        cat_rat("Tom batted a curl of pine shaving round the floor, far from the cage.")
    ) <= {
        "swatting",
        "ignoring",
    }
    assert "pouncing" not in read(cat_rat("Tom slept on the pine shelf."))
    assert "pouncing" in signals(cat_rat("Tom pinned Pip down with his paws."))["tom"]


def test_a_rat_lying_close_beside_the_owner_seeks_company() -> None:
    for text in (
        "Pip lay stretched out next to me on the sofa.",
        "Pip flat against my leg, relaxed.",
        "Pip stretched out on my knee.",
        "Both of them on me lap grindin their teeth.",
        "My partner says Rex sat on her lap all evening.",
    ):
        assert "seeks_company" in read(rat_human(text)), text
    # what is only done on the knee seeks no company
    assert "seeks_company" not in read(
        rat_human("Pip took a pea from my hand and ate it on my knee.")
    )


def test_a_rush_with_the_paws_leading_is_a_pounce() -> None:
    for text in (
        "Tom did a bum waggle then flew at the carrier with both front paws out, Pip inside.",
        "Tom launched at the cage front paws first.",
    ):
        assert signals(cat_rat(text))["tom"] == {"pouncing"}, text
    # a rush with the body alone stays a lunge
    assert signals(cat_rat("Tom flew at the cage and hit the door."))["tom"] == {"lunging"}


def test_a_cat_shot_at_or_set_upon_the_cage_lunges() -> None:
    for text in (
        "Tom shot at the cage like a stone from a sling.",
        "Tom did set upon the cage with a sudden spring.",
        "Tom jumped from the chair and hit it with the whole body.",
    ):
        assert signals(cat_rat(text))["tom"] == {"lunging"}, text
    # a shot at something else is no lunge
    assert "lunging" not in read(cat_rat("The farmer shot at a fox. Tom slept by the cage."))


def test_a_rat_going_round_or_scattered_up_the_bars_panics() -> None:
    for text in (
        "Pip squeaking and going round the bars like mad.",
        "Tom hit the door. Pip shot everywhere up the bars.",
        "Tom hit the door. Pip scattered up the bars.",
    ):
        assert "frantic_movement" in signals(cat_rat(text))["pip"], text
    # eating like mad is no panic
    assert "frantic_movement" not in read(cat_rat("Pip ate like mad, then slept."))


def test_a_cat_breathing_quick_breathes_fast() -> None:
    assert "rapid_breathing" in signals(cat_rat("Tom chattering at Pip, breathing quick."))["tom"]


def test_boxing_and_play_told_by_a_learners_verb_or_by_its_turns() -> None:
    found = signals(rat_rat("Rex and Max box on back legs, short, no blood no scream."))
    assert found == {"rex": {"boxing"}, "max": {"boxing"}}
    found = signals(rat_rat("Rough play between Rex and Max, swapping who was on top."))
    assert found == {"rex": {"play_wrestling"}, "max": {"play_wrestling"}}
    # a box as a thing is no boxing
    assert "boxing" not in read(rat_rat("Rex slept in the cardboard box on the shelf."))


def test_running_after_each_other_is_a_game_of_chase() -> None:
    text = "Rex and Max run after each other a little, stop, run again, taking turns."
    assert signals(rat_rat(text)) == {"rex": {"chasing"}, "max": {"chasing"}}
    # one running after another is the hard chase
    assert signals(rat_rat("Rex ran after Max all evening.")) == {"rex": {"aggressive_chasing"}}


def test_a_grooming_another_rat_holds_still_for_is_shared() -> None:
    for text in (
        "Max held still while Rex groomed his neck.",
        "Max hold still while Rex groom he neck, then they swap.",
    ):
        assert signals(rat_rat(text)) == {"rex": {"mutual_grooming"}, "max": {"mutual_grooming"}}
    # a rat grooming itself beside one sitting still grooms itself
    assert signals(rat_rat("Rex groomed himself while Max sat still.")) == {
        "rex": {"grooming_self"}
    }


def test_a_creep_a_paw_at_a_time_is_no_swipe() -> None:
    assert signals(cat_rat("Tom crept towards the cage a paw at a time."))["tom"] == {"stalking"}
    assert "swatting" in signals(cat_rat("Tom put a paw through the bars at Pip."))["tom"]


def test_a_rat_that_came_and_did_a_thing_approached() -> None:
    for text in ("Rex came and sniffed the plaster.", "Max come and sniff my hand."):
        assert {"approaching", "sniffing"} <= read(rat_human(text)), text
    # coming home, in or out is the owner's, or no coming to anyone
    for text in (
        "Came home and Rex was asleep in the hammock.",
        "Rex came out and had a wash.",
    ):
        assert "approaching" not in read(rat_human(text)), text


def test_every_corner_gone_into_or_a_room_walked_all_over_is_exploring() -> None:
    for text in (
        "Rex up and down the ramp, nose in every corner.",
        "Rex walk everywhere in bath, standing up.",
        "Max walked all over the sofa.",
    ):
        assert "exploring" in read(rat_rat(text)), text


def test_sleep_that_nothing_broke_is_sleeping() -> None:
    for text in (
        "Rex lunged at the bars. Max didn't even wake up.",
        "Max nodded off in the hammock.",
    ):
        assert "sleeping" in signals(rat_rat(text))["max"], text
    # a rat that did not wake up at all is no sleeper
    for text in (
        "Max didn't wake up this morning, I found him cold in the hammock.",
        "Max never woke up from the anaesthetic.",
    ):
        assert "sleeping" not in read(rat_rat(text)), text


def test_another_rats_head_or_ear_licked_or_cleaned_is_their_mutual_grooming() -> None:
    for text in ("Rex licked Max's head and Max sat still.", "Rex clean Max on the head."):
        assert signals(rat_rat(text)) == {"rex": {"mutual_grooming"}, "max": {"mutual_grooming"}}
    # lips licked after a meal are no grooming
    assert not read(rat_rat("Rex licked his lips after the yoghurt."))


def test_a_bite_of_an_animal_told_by_how_it_felt_is_still_a_bite() -> None:
    assert signals(cat_rat("Tom bit startled Pip on the back."))["tom"] == {"biting"}


def test_a_fall_off_a_perch_near_the_cage_is_no_lunge() -> None:
    assert "lunging" not in read(cat_rat("Tom fell off the shelf at the cage, landed awkwardly."))


def test_a_body_sent_straight_at_the_barrier_is_a_lunge() -> None:
    for text in (
        "He made one jump from the sofa straight on the cage door, BAM.",
        "Tom made one leap at the carrier.",
    ):
        assert "lunging" in signals(cat_rat(text)).get("tom", set()), text
    # a walk straight to the cage, or a look straight at it, is no lunge
    for text in (
        "Tom walked straight for the cage and sniffed it.",
        "Tom stared straight at the cage for ten minutes, calm.",
        "Tom sat straight on the door mat.",
    ):
        assert "lunging" not in read(cat_rat(text)), text


def test_yer_man_is_the_male_one_being_talked_about() -> None:
    text = (
        "Our Sean says yer man stuck the paw through the bars an' caught Pip across the back,"
        " there's a red scratch with blood on it."
    )
    assert signals(cat_rat(text)) == {"tom": {"swatting", "scratching"}, "pip": {"wound"}}


def test_a_thing_that_shakes_or_rattles_is_no_animal_trembling() -> None:
    for text in (
        "The door shook. Pip hid.",
        "the cage was shaking all night",
        "The whole thing rattled.",
        "Tom flew at the cage and the whole frame shook.",
    ):
        found = read(cat_rat(text))
        assert not found & {"trembling", "labored_breathing"}, text
    for text in (
        "the poor thing was shaking",
        "Pip was shaking",
        "Pip in the carrier shaking",
        # the animal named beside it, or a thing an animal may be inside
        "the cage was shaking and so was Pip",
        "Pip hid in the box and the box was shaking",
        "Pip in the carrier. Carrier shaking the whole way to the vet.",
        "Tom lunged at the cage. The whole lot was trembling after.",
    ):
        assert "trembling" in read(cat_rat(text)), text


def test_a_tail_that_hits_is_tail_lashing_and_a_rush_of_work_or_an_outing_is_no_lunge() -> None:
    assert signals(cat_rat("Tom on the chair with the tail hitting left right left hard")) == {
        "tom": {"tail_lashing"}
    }
    for text in (
        "Valentine's rush, absolute massacre. Tom watched the girls calmly.",
        "No session today, went for the Big Match in Colombo.",
    ):
        assert "lunging" not in read(cat_rat(text)), text
    assert signals(cat_rat("Tom made a rush at the cage")) == {"tom": {"lunging"}}

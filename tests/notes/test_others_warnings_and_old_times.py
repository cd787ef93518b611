"""What happened to someone else, long ago, or only in a warning is no event of the session:
a learner's "neighbour cat", wild animals, a fight years ago, a breeder's warning, an idiom
of blood; and blood after the owner's own cut is the owner's."""

from __future__ import annotations

from casts import cat_rat, rat_human, rat_rat, read, signals


def test_a_learners_neighbour_cat_is_not_the_cast() -> None:
    found = signals(cat_rat("Neighbour cat catch rat in garden, bit him, rat is dead."))
    assert found == {}
    assert read(cat_rat("Neighbour кіт catch щур in garden, вкусив him.")) == set()
    # the owner's own cat, told the same way, still bit
    assert "biting" in signals(cat_rat("Tom catch Pip in garden and bit her."))["tom"]


def test_ukrainian_words_for_blood_a_wound_and_a_bite() -> None:
    assert signals(rat_rat("Big fight! Rex and Max roll like ball. Max has рана on neck, кров."))[
        "max"
    ] >= {"fighting", "wound"}
    assert "biting" in signals(rat_rat("Rex vkusyv Max on back leg and hold, not roll."))["rex"]


def test_wild_animals_and_animals_in_a_simile_are_not_the_cast() -> None:
    assert "pouncing" not in signals(cat_rat("A lynx pounced on a hare. Tom slept."))["tom"]
    found = signals(rat_rat("Rex and Max slapped at each other like two dogs."))
    assert set(found) == {"rex", "max"}


def test_a_fight_long_ago_is_no_event() -> None:
    for when in ("years ago", "a while back", "ages ago"):
        found = signals(rat_rat(f"Rex and Max had a scrap {when}. Tonight they slept."))
        assert all("fighting" not in names for names in found.values()), when
    assert "fighting" in signals(rat_rat("Rex and Max had a scrap tonight."))["rex"]


def test_a_warning_or_an_expectation_is_no_event() -> None:
    assert "wound" not in read(rat_rat("The breeder warned me Rex will draw blood on Max."))
    assert "wound" not in read(rat_rat("People warned me Rex might still draw blood on Max."))
    assert "fighting" not in read(rat_rat("Expected a fight, had gloves ready. Max slept."))
    assert "swatting" not in read(cat_rat("Tom has never so much as swatted at the bars."))


def test_idioms_of_blood_shed_none() -> None:
    assert read(cat_rat("My mate says any cat goes for rats, it's in the blood.")) == set()
    assert read(cat_rat("I nearly burst a blood vessel laughing.")) == set()


def test_blood_after_the_owners_cut_is_the_owners() -> None:
    found = cat_rat("Chopping onions I cut my finger, blood all over the board. Tom slept.")
    assert "wound" not in read(found)
    # ... but not blood told in an animal's mouth
    bit = signals(cat_rat("Pip nipped my thumb and broke a tooth on my ring, blood in her mouth."))
    assert "wound" in bit["pip"]


def test_someone_elses_animal_and_its_prey_are_not_the_cast() -> None:
    tenant = cat_rat("At work the tenant's cat had killed a rat under the boards, blood all over.")
    assert read(tenant) == set()
    told = cat_rat("A customer told me her cat caught a rat in the garden, blood up the fence.")
    assert read(told) == set()
    # the cast's own cat catching "a rat" is still the cast's
    assert (
        "wound" in signals(cat_rat("Tom caught a rat through the bars, blood on the floor."))["pip"]
    )


def test_a_harm_told_of_a_wild_animal_goes_with_its_blood() -> None:
    note = "A lynx pounced on a hare and ripped it open, blood all over the snow. Tom slept."
    assert read(cat_rat(note)) == {"lying_down"}


def test_a_colt_owned_by_him_bites_no_animal_of_the_cast() -> None:
    note = "The trainer said his colt bit the stable lad. Rex and Max slept."
    assert "biting" not in read(rat_rat(note))


def test_people_by_age_or_kin_are_no_animals() -> None:
    note = "A child bit her brother in the queue and drew blood. Rex and Max slept."
    assert read(rat_rat(note)) == {"sleeping"}


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


def test_a_forecast_of_some_day_is_no_event() -> None:
    for text in (
        "The churchwarden warns me that one day she will bite me to the bone. Rex sniffed me.",
        "my mum reckons hes gonna bite her one day. Rex sniffed her hand.",
    ):
        assert "biting" not in read(rat_human(text)), text
    assert "biting" in read(rat_human("One of them bit me today, Rex I think."))


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

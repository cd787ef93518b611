"""What happened to someone else, long ago, or only in a warning or a forecast is no event of
the session: a learner's "neighbour cat", wild animals and their prey, people by age or kin, a
fight years ago, a breeder's warning, an idiom of blood; blood after the owner's own cut is the
owner's; and a Ukrainian speaker's words for blood, a wound and a bite are read."""

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


def test_rats_no_one_keeps_are_not_the_cast() -> None:
    text = "Watched a film about sewer rats tearing into each other, blood everywhere. Rex slept."
    assert signals(rat_rat(text)) == {"rex": {"sleeping"}}
    assert read(rat_rat("Saw wild rats fighting by the bins. Max ate his supper.")) == {"eating"}
    # the cast likened to them still fights
    assert "fighting" in signals(rat_rat("Rex and Max fighting like street rats."))["rex"]


def test_a_fight_long_ago_is_no_event() -> None:
    for when in ("years ago", "a while back", "ages ago", "back in the spring", "last summer"):
        found = signals(rat_rat(f"Rex and Max had a scrap {when}. Tonight they slept."))
        assert all("fighting" not in names for names in found.values()), when
    assert "fighting" in signals(rat_rat("Rex and Max had a scrap tonight."))["rex"]
    # a time that opens the sentence dates an act of two named subjects too
    found = signals(rat_rat("Last year Rex and Max fight one time. Today Max groomed Rex."))
    assert all("fighting" not in names for names in found.values())
    assert "fighting" in signals(rat_rat("Tonight Rex and Max fought."))["rex"]


def test_a_warning_or_an_expectation_is_no_event() -> None:
    assert "wound" not in read(rat_rat("The breeder warned me Rex will draw blood on Max."))
    assert "wound" not in read(rat_rat("People warned me Rex might still draw blood on Max."))
    assert "fighting" not in read(rat_rat("Expected a fight, had gloves ready. Max slept."))
    assert "swatting" not in read(cat_rat("Tom has never so much as swatted at the bars."))


def test_idioms_of_blood_shed_none() -> None:
    assert "wound" not in read(cat_rat("Tom was very wound up this morning. He slept later."))
    assert read(cat_rat("My mate says any cat goes for rats, it's in the blood.")) == set()
    assert read(cat_rat("I nearly burst a blood vessel laughing.")) == set()


def test_a_fight_on_a_screen_or_in_a_story_is_no_event() -> None:
    text = "On television was documentary, rats in sewer fight and bite, much blood. Max slept."
    assert signals(rat_rat(text)) == {"max": {"sleeping"}}
    text = "Gran told the story how a cat in her village caught a rat. Tom slept by the cage."
    assert read(cat_rat(text)) == {"lying_down"}
    # the cast named in that sentence still acts there
    assert "fighting" in signals(rat_rat("During the film Rex and Max had a fight."))["rex"]


def test_caribbean_and_scots_my_make_the_cut_the_owners() -> None:
    assert "wound" not in read(rat_human("Cut meh hand on de wire, blood everywhere. Pip slept."))
    assert "wound" not in read(rat_human("Burnt ma hand oan the pan, bled a wee bit. Pip slept."))
    # ... and the owner's body as the phrases know it
    assert "climbs_onto_shoulder" in read(rat_human("Rex run up meh arm and sit on meh shoulder."))


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


def test_a_forecast_of_some_day_is_no_event() -> None:
    for text in (
        "The churchwarden warns me that one day she will bite me to the bone. Rex sniffed me.",
        "my mum reckons hes gonna bite her one day. Rex sniffed her hand.",
    ):
        assert "biting" not in read(rat_human(text)), text
    assert "biting" in read(rat_human("One of them bit me today, Rex I think."))


def test_a_claim_about_rats_at_large_is_no_event_of_the_cast() -> None:
    claim = "My manager reckons rats carry diseases and will bite you. Max sniffed my hand."
    assert signals(rat_human(claim)) == {"max": {"sniffing"}}
    told = "My friend say male rat fight and kill each other. Rex is cleaning Max's neck."
    assert "fighting" not in read(rat_rat(told))
    # someone at home telling of the cast is the cast
    assert "fighting" in read(rat_rat("Mum says rats are fighting! Max has a cut."))


def test_what_a_thing_can_lead_to_is_no_event() -> None:
    text = "Forum says introducing bucks can end in a bloody fight. Rex pinned Max."
    assert "wound" not in read(rat_rat(text))
    assert not read(rat_rat("Rex and Max can end up fighting."))
    # "can" alone tells what is there
    assert signals(rat_rat("I can see a cut on his ear, Rex.")) == {"rex": {"wound"}}

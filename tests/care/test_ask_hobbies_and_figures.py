"""Ask: an angler's bait, a likening to another animal by a doing, a rat inside another
subject's phrase, a person's limb and more names of drinks, each read both ways."""

from __future__ import annotations

from asking import first


def test_an_anglers_bait_is_no_poison() -> None:
    question = (
        "Bream was 520g on my digital bait scales in the spring and now he's 430, same feed,"
        " and I can feel his backbone. Should I be worried?"
    )
    assert first(question) == "faq:weight_loss"
    assert first("my rat ate some rat bait what do i do") == "faq:ate_something_toxic"
    assert first("what bait works on the rats in the shed") == "none"


def test_a_likening_by_a_doing_reaches_the_animal_done_to() -> None:
    question = (
        "Got a young buck, about 10 weeks old. How do I get him in with my three old boys without"
        " a scrap? Do I just put him in like stocking a new fish into the lake?"
    )
    assert first(question) == "faq:introduce_rats"
    assert first("how do I stock a new fish into the lake") == "none"


def test_a_rat_inside_another_subjects_phrase_is_no_pet() -> None:
    question = "Client wants a Year of the Rat tattoo on her back. Any ideas for the flash?"
    assert first(question) == "none"
    # a phrase of pest control still names the rat it is about
    assert first("Ma granny says grapes'll kill a rat. Is that right?") == "food:grapes"


def test_a_limbs_first_aid_is_a_persons() -> None:
    assert first("What's the guidance on tourniquet time for a catastrophic limb bleed?") == "none"
    assert first("my rat's leg is bleeding, what do I do") in {"faq:bleeding", "faq:injured_rat"}


def test_drinks_by_other_names() -> None:
    assert first("Frappe (the cold Nescafe) the rats can drink little bit?") == "food:caffeine"
    assert first("can my rats have a sip of ouzo") == "food:alcohol"


def test_a_cat_in_spanish_or_greek_and_more_dishes_by_name() -> None:
    question = "We have gata also. Can I leave the gata and the rats together when I go to work?"
    assert first(question) in {"faq:cat_alone_with_rats", "faq:cats_and_rats"}
    assert first("can rats eat penne") == "food:cooked pasta"
    assert first("is kfc ok for rats") == "food:fried food"


def test_a_likening_by_a_creature_doing_something() -> None:
    question = (
        "A rescue has offered me a young buck to join my three. How do I introduce him so there"
        " isn't a bust-up like gulls mobbing a crow?"
    )
    assert first(question) == "faq:introduce_rats"
    # "would like" is a wish, no likening: the dog is what is asked about
    assert first("I would like advice on introducing my dog to my rats") == "none"


def test_a_likening_to_an_animal_one_word_past_the_comparison() -> None:
    question = "When I rub Pip's ears she makes a noise like tiny bird. What does it mean?"
    assert first(question) == "faq:sounds"
    # an animal named further on is what is asked about
    assert first("I would like advice on introducing my dog to my rats") == "none"


def test_a_moth_trap_is_no_pest_control() -> None:
    question = "Could I hand them moths from my moth trap? Are wild insects safe for them?"
    assert first(question) == "food:wild insects"
    assert first("what trap works on the rats in the shed") == "none"


def test_the_owners_whistle_is_no_wheeze() -> None:
    question = "Want my rat to come when I whistle, like a dog does. Can that be done?"
    assert first(question) in {"program:trick-come", "faq:training"}
    assert first("he makes a whistling noise when he breathes") == "faq:breathing_trouble"


def test_more_foods_by_their_everyday_names() -> None:
    assert first("are licorice allsorts ok for rats") == "food:licorice"
    assert first("can rats eat wild garlic") == "food:onion family"
    assert first("is roasted barley ok for my rats") == "food:barley"
    assert first("can my rats have some honey wine") == "food:alcohol"
    assert first("can rats have coffee grounds") == "food:caffeine"
    # bread named with another food is that food's question, not the loaf's
    question = "Is liver sausage okay on a piece of bread for the rats?"
    assert first(question) == "food:processed meat"


def test_a_food_named_whole_answers_amid_a_story() -> None:
    question = "Our club captain hands out licorice allsorts after matches. Are those ok for rats?"
    assert first(question) == "food:licorice"
    # with no rat of the owner's in it, a named food is no answer to someone's cooking
    assert first("How I cook the bacalhau à Brás? The potatoes always stay soft.") == "none"


def test_glucose_is_sugar() -> None:
    question = "Can I give a rat a dab of glucose gel? We carry tubes of it for hypos."
    assert first(question) == "food:sweets"


def test_incisors_are_teeth_and_bruxism_is_bruxing() -> None:
    question = "She grinds her incisors together on my lap. Is bruxism a stress sign in rats?"
    assert first(question) in {"sign:vocalisations/bruxing", "faq:sounds", "faq:trust_signs"}

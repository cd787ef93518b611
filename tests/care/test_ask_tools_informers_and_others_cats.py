"""Ask: a tool or a style named after a rat's tail and an informer asked about by "who" are no
rat questions, and an ailment told of someone's cat by a pronoun after it is the cat's own,
each both ways."""

from __future__ import annotations

from asking import first


def test_tools_named_after_a_rats_tail_are_no_rat_question() -> None:
    assert first("Will a rat tail file open out the hole in this brass hinge?") == "none"
    assert first("best rat tail comb for parting thick hair?") == "none"
    # a rat's own tail is the rat's
    assert first("my rat's tail has a deep cut and it's bleeding") != "none"


def test_the_rat_asked_about_by_who_is_an_informer() -> None:
    assert first("Quick quiz for the pub: who's the biggest rat in The Wire?") == "none"
    # ... but not among the asker's own rats
    assert first("who is the boss rat in my group of three") != "none"


def test_an_ailment_told_of_someones_cat_by_a_pronoun_is_the_cats_own() -> None:
    assert first("Can I give my cat a quarter of a paracetamol tablet for her limp?") == "none"
    # the cat that hurt a rat is still the rat's emergency
    assert first("my cat caught Pip and she's bleeding from the neck") != "none"


def test_a_rat_dazed_or_burnt_after_chewing_a_live_cable_is_injured() -> None:
    assert first("my rat chewed a phone charger that was plugged in and now he seems dazed") == (
        "faq:injured_rat"
    )
    # a shock only feared asks how to keep cables safe
    assert first(
        "scared my rats will chew a cable and get electrocuted, how do I make it safe"
    ) != ("faq:injured_rat")


def test_a_pronoun_the_asker_acts_on_is_the_ill_cat_itself() -> None:
    question = "Our cat has been losing weight and drinking a lot. The vet mentioned his kidneys."
    assert first(question + " What ought I to feed him?") == "none"
    # a her the cat stares at may be a rat, whose not eating is the rat's
    assert first("my cat keeps staring at her, she's stopped eating") != "none"


def test_a_noise_at_every_breath_or_a_mouth_kept_open_is_breathing_trouble_first() -> None:
    question = "She makes a clicking noise every time she breathes and she is not eating."
    assert first(question) == "faq:breathing_trouble"
    assert first("my rat is keeping his mouth open to breathe and hasn't eaten today") == (
        "faq:breathing_trouble"
    )

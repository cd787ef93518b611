"""Ask: a capitalised word that reads as an alarm is the alarm, never a pet's name, and a
hunched rat is no injury by that word alone."""

from __future__ import annotations

from asking import first

from ratbond.care.ask import ask


def test_a_capitalised_alarm_is_no_name() -> None:
    question = "My Rat is Wheezing and making a Clicking sound, sitting all hunched up. Serious??"
    assert first(question) == "faq:breathing_trouble"
    limping = "Rat has a Cut on his Back leg from the Cage wire I think, now he is Limping. Help??"
    assert first(limping) == "faq:injured_rat"
    # a name that is no alarm stays a name, not the food it is called after
    named = ask("my rat Pepper is sneezing a lot, should I worry?")
    assert named.terms == ("rat", "sneez")


def test_a_hunched_rat_breathing_hard_is_trouble_breathing() -> None:
    question = (
        "Flex is breathing hard: sides pumping, a clicking sound every breath, sitting hunched"
        " with his mouth open. Is this a vet-right-now thing?"
    )
    assert first(question) == "faq:breathing_trouble"

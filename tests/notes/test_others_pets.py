"""Animals of people outside the household are not the cast (`others_pets`), and rats asleep in a
ball are no fight: each read both ways."""

from __future__ import annotations

from casts import cat_rat, rat_rat, read, signals

from ratbond.notes import NotesResult


def dangers(result: NotesResult) -> set[str]:
    found = {name for names in result.signals.values() for name in names}
    found |= {item.signal for item in result.unattributed}
    return found & {"fighting", "biting", "wound", "swatting", "scratching"}


def test_a_word_for_animals_after_an_outsiders_possessive_is_their_animals() -> None:
    assert dangers(rat_rat("My cousin's rats had a nasty fight, blood everywhere.")) == set()
    assert dangers(rat_rat("A friend's boy bit his cagemate badly.")) == set()
    assert dangers(rat_rat("The neighbour's rats fought. Rex and Max groomed.")) == set()
    # the cast's own animals, and the household's, are still the cast
    assert "fighting" in signals(rat_rat("The rats had a nasty fight."))["rex"]
    assert "fighting" in signals(rat_rat("My son's rats had a nasty fight."))["rex"]
    assert "biting" in signals(rat_rat("My friend's boy came round and Rex bit Max."))["rex"]


def test_a_possessive_pronoun_told_of_an_outsider_is_theirs() -> None:
    text = "My cousin calls, his rats had a terrible fight. Rex and Max share a pea."
    assert dangers(rat_rat(text)) == set()
    text = "Someone at the club said hers drew blood on day one. Rex ate."
    assert dangers(rat_rat(text)) == set()
    # with an animal of the cast named between, the pronoun is the cast's again
    text = "My cousin watched Rex and his rat friend Max had a fight."
    assert "fighting" in signals(rat_rat(text))["max"]
    # with no outsider in the sentence, "his" is the cast's
    assert (
        "fighting"
        in signals(rat_rat("Rex was upset, his cagemate Max had a fight with him."))["max"]
    )


def test_rats_asleep_or_curled_in_a_ball_are_no_fight() -> None:
    assert signals(rat_rat("Rex and Max asleep in a ball on the top shelf.")) == {
        "rex": {"sleeping"},
        "max": {"sleeping"},
    }
    assert "fighting" not in signals(rat_rat("Both sleeping together in a ball."))["rex"]
    assert "fighting" not in signals(cat_rat("Tom curled up in a ball on the sofa.")).get(
        "tom", set()
    )
    # a ball with screaming is still a fight
    assert "fighting" in signals(rat_rat("Rex and Max in a ball, screaming, fur flying."))["rex"]


def test_the_outsider_rule_stops_at_places_echoes_the_household_and_idioms() -> None:
    # a person after a preposition is a place, the rats after it the cast's
    assert "fighting" in read(
        rat_rat("got back from my mate's boys were scrapping blood everywhere")
    )
    # the cast did the same
    assert "fighting" in signals(rat_rat("My cousin's rats had a fight, and so did ours."))["rex"]
    # the household's flat mate, and a cat of the cast named right after
    assert "lunging" in signals(cat_rat("My flat mate's cat lunged at the rat cage."))["tom"]
    assert "lunging" in signals(cat_rat("We live with my uncle and his cat Tom lunged."))["tom"]
    # a possessive pronoun with no word of telling is the cast's
    text = "Rex is the boss and his boys had a proper fight tonight, screaming."
    assert "fighting" in read(rat_rat(text))
    text = "My husband was on the phone to his mate when his boys started fighting."
    assert "fighting" in read(rat_rat(text))
    assert dangers(rat_rat("My brother-in-law's rats had a fight, blood everywhere.")) == set()

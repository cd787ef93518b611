"""Readings of a scanned diary's slips, a family chat, Yorkshire and Swedish English and an
Arabic speaker's English. Each sentence here is made up for
the rule it tests."""

from __future__ import annotations

from casts import MAX, PIP, REX, TOM, cat_rat, rat_rat, signals

from ratbond.model import Animal
from ratbond.notes import builtin_reader, parse_notes
from ratbond.notes.tokens import _scan_letters


def test_a_scanner_s_digits_in_a_word_are_the_letters_they_stand_for() -> None:
    assert signals(cat_rat("P1p has a sma11 cut, b1eeding on her 1eg.")) == {"pip": {"wound"}}
    # a digit read as either letter it may stand for ("1" for "i" in "cl1mbed")
    clean = "Tom lunged, then Pip climbed the ladder and hid in her igloo."
    scanned = "T0m 1unged, then P1p cl1mbed the 1adder and hid in her igl0o."
    assert signals(cat_rat(scanned)) == signals(cat_rat(clean))


def test_a_number_with_its_unit_or_a_texter_s_syllable_is_no_misread() -> None:
    result = cat_rat("At 10am Tom sat calmly for 1hr. No1 got hurt.")
    assert "wound" not in str(result.signals)
    assert not any(s.signal == "wound" and not s.negated for s in result.spans)


def test_a_scanner_s_rn_for_m_is_read_as_m_only_where_it_makes_a_word() -> None:
    hamish = Animal("hamish", "rat", name="Hamish", sex="male")
    result = parse_notes(
        "Tom swatted the rnesh and Harnish hid in the harnrnock.", [TOM, hamish], "cat-rat"
    )
    assert signals(result)["hamish"] >= {"hiding"}
    # a real word with rn in it stays as written ("burn" is no "bum")
    known = builtin_reader().lexicon.surface
    assert _scan_letters(["a", "burn", "rny", "Harnish"], (("rn", "m"),), known, {"hamish"}) == [
        "a",
        "burn",
        "my",
        "Hamish",
    ]


def test_a_swear_s_target_is_matched_as_written_so_a_bleeding_cut_is_a_wound() -> None:
    # "cute" stems to "cut": the swear "bleeding cute" must not hide "a bleeding cut"
    assert signals(cat_rat("Pip has a bleeding cut above her eye.")) == {"pip": {"wound"}}
    assert signals(cat_rat("Pip is bleeding cute in her new hammock.")) == {}


def test_a_wound_opening_its_clause_after_the_animal_s_own_claw_is_the_animal_s() -> None:
    bite = "Pip bit me, then she snagged her claw on the towel - ripped, bleeding a bit."
    assert signals(cat_rat(bite))["pip"] >= {"wound"}
    # the owner's own hand there is still the owner's
    mine = "Pip bit me, then I snagged my finger on the wire - ripped, bleeding a bit."
    assert "wound" not in signals(cat_rat(mine)).get("pip", set())


def test_a_bite_verb_with_its_object_before_a_body_part_is_the_bite_not_a_wound() -> None:
    rex = Animal("rex", "rat", name="Rex", sex="male")
    bo = Animal("bo", "rat", name="Bo", sex="male")
    result = parse_notes("Bo chased Rex, then Bo bite him on the neck.", [rex, bo], "rat-rat")
    assert "biting" in signals(result)["bo"]
    assert "wound" not in signals(result)["bo"]
    # the noun with its preposition is still the wound
    result = parse_notes("Rex has a bite on the neck.", [rex, bo], "rat-rat")
    assert signals(result)["rex"] == {"wound"}


def test_dunno_if_is_a_hedge_so_a_fight_under_it_counts_and_is_asked_about() -> None:
    result = rat_rat("Dunno whether it was a scrap or a fight, Rex and Max both squealing.")
    assert "fighting" in signals(result)["rex"]
    assert any(s.signal == "fighting" and s.confirm and not s.negated for s in result.spans)


def test_northern_t_apostrophe_is_the_article_before_the_word_it_is_written_onto() -> None:
    assert signals(cat_rat("Tom whacked t'cage door, Pip hid in t'igloo.")) == {
        "tom": {"swatting"},
        "pip": {"hiding"},
    }
    # an apostrophe inside a word is no article ("didn't", "won't")
    assert signals(cat_rat("Tom didn't hiss, Pip won't come out.")).get("tom") is None


def test_and_written_with_its_d_dropped_joins_two_names() -> None:
    assert signals(rat_rat("Rex an' Max eatin' like gannets.")) == {
        "rex": {"eating"},
        "max": {"eating"},
    }
    # without the apostrophe it is an article
    assert signals(rat_rat("Rex ate an apple.")) == {"rex": {"eating"}}


def test_a_contraction_written_onto_a_name_is_the_name_and_its_verb() -> None:
    assert signals(rat_rat("Max've got a cut on 'is back foot, fresh red.")) == {"max": {"wound"}}
    # a possessive stays the name's own
    assert signals(rat_rat("Max's tail has a cut.")) == {"max": {"wound"}}


def test_a_when_clause_after_a_time_this_session_is_set_against_tells_of_that_time() -> None:
    for text in (
        "Calmer than Friday when Tom lunged at the cage.",
        "No swiping - unlike 3rd Oct when he swiped the bars.",
        "Much better than last week when Tom bit Pip.",
    ):
        assert (
            signals(cat_rat(text)).get("tom", set()).isdisjoint({"lunging", "swatting", "biting"})
        ), text
    # a day named with no comparison may be this session's
    assert "lunging" in signals(cat_rat("Friday, when I opened the cage, Tom lunged."))["tom"]
    # and a word of this session in the clause brings it back
    text = "Unlike last week, when I opened the cage today Tom lunged at it."
    assert "lunging" in signals(cat_rat(text))["tom"]


def test_dialect_and_false_friend_verbs_of_hitting_and_clawing() -> None:
    assert "swatting" in signals(cat_rat("Tom lamped the cage twice, claws in."))["tom"]
    assert "swatting" in signals(cat_rat("Tom brayed at the mesh."))["tom"]
    assert "scratching" in signals(cat_rat("Tom rived Pip on the side."))["tom"]
    # the noun is no blow
    assert signals(cat_rat("Tom slept under the lamp.")).get("tom", set()).isdisjoint({"swatting"})


def test_a_red_stripe_or_streak_is_a_fresh_scratch() -> None:
    assert "wound" in signals(cat_rat("Pip has a thin red streak on her flank."))["pip"]


def test_a_name_after_a_fronted_phrase_of_time_opens_its_clause() -> None:
    for opener in ("At the end", "In the evening", "After a while"):
        result = rat_rat(f"{opener} Rex bit him on the tail.")
        assert signals(result).get("rex", set()) >= {"biting"}, opener
        assert "biting" not in signals(result).get("max", set()), opener


def test_northern_and_swedish_words_for_a_scream_a_hiss_a_squeak_and_a_nip() -> None:
    assert "squeaking" in signals(cat_rat("Tom went for the cage, Pip skriked."))["pip"]
    assert "hissing" in signals(cat_rat("Tom fräste at the cage."))["tom"]
    assert "squeaking" in signals(cat_rat("Pip pipped when Tom came near."))["pip"]
    result = parse_notes("She nafsed my finger.", [Animal("pip", "rat", name="Pip")], "rat-human")
    assert "nipping" in signals(result)["pip"]
    assert "ears_flat" in signals(cat_rat("Tom had his lugs flat."))["tom"]


def test_a_compound_of_no_signal_is_written_whole_so_hide_in_the_house_is_hiding() -> None:
    assert signals(cat_rat("Pip hide in the house all evening."))["pip"] == {"hiding"}
    assert signals(cat_rat("Pip sat on top of her hide house.")).get("pip") is None


def test_a_later_chat_line_naming_who_really_did_it_wins() -> None:
    cast = [REX, MAX, Animal("cody", "rat", name="Cody", sex="male")]
    text = "[09:10] Sam: Rex bit Cody [09:11] Jo: no it was Max not Rex, they look alike"
    result = parse_notes(text, cast, "rat-rat")
    assert "biting" in signals(result)["max"]
    assert "biting" not in signals(result).get("rex", set())
    # with no one named after "not", the one animal of its kind the line before told of
    text = "[09:10] Sam: Pip hid in her igloo [09:11] Jo: that was Dot, Pip was asleep"
    dot = Animal("dot", "rat", name="Dot", sex="female")
    result = parse_notes(text, [TOM, PIP, dot], "cat-rat")
    assert "hiding" in signals(result)["dot"]
    assert "hiding" not in signals(result).get("pip", set())
    # a cleft that names a new doer in its own line takes nothing back
    result = parse_notes("Rex hissed. It was Max who bit Cody.", cast, "rat-rat")
    assert "hissing" in signals(result)["rex"]


def test_a_scanned_word_with_an_apostrophe_is_read_whole() -> None:
    clean = "Rex chased Max and wouldn't stop, Max squealing."
    scanned = "Rex chased Max and wou1dn't stop, Max squea1ing."
    assert signals(rat_rat(scanned)) == signals(rat_rat(clean))


def test_a_word_split_by_a_scanner_is_read_whole_when_joined_it_is_a_known_word() -> None:
    clean = "Pip asleep in my pocket. Tom was twitching his tail."
    split = "Pip asleep in my pock et. Tom was twitch- ing his tail."
    assert signals(cat_rat(split)) == signals(cat_rat(clean))
    # two known words stay two ("in to" is no "into")
    assert "hiding" not in signals(cat_rat("Pip went in to see Tom.")).get("pip", set())
    # a single letter is no half of a word: "b at" (a stray tag's letter) is no "bat"
    assert signals(cat_rat("Tom <b>slow blinked</b> at the cage.")) == {"tom": {"slow_blink"}}


def test_me_for_my_a_shoulder_reached_and_eyes_boggin() -> None:
    assert signals(rat_rat("Rex up me arm an' sat on me shoulder")) == {
        "rex": {"climbs_onto_shoulder"}
    }
    assert signals(rat_rat("Rex bruxin' in the corner, eyes boggin'.")) == {
        "rex": {"bruxing", "boggling"}
    }


def test_a_chase_never_stopping_is_aggressive_chasing() -> None:
    text = "Rex chasing Max all round the cage and never stopping, Max screaming."
    assert signals(rat_rat(text)) == {"rex": {"aggressive_chasing"}, "max": {"squeaking"}}

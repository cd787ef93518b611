"""Readings of owners' voices: Taglish, a vet nurse's shorthand, a clinical
history, a body hurled at the barrier. Each sentence here is made up for the rule it tests."""

from __future__ import annotations

import pytest
from casts import MAX, PIP, REX, TOM, cat_rat, rat_rat, signals

from ratbond.model import Animal
from ratbond.notes import NotesResult, parse_notes


def test_tagalog_verb_forms_of_a_bite_are_a_bite_by_the_doer_after_ni() -> None:
    result = cat_rat("Hala, kinagat ni Tom si Pip sa buntot kanina.")
    assert "biting" in signals(result).get("tom", set())


def test_tagalog_blood_and_wound_words_are_a_wound_on_the_rat() -> None:
    assert "wound" in signals(cat_rat("Pip may dugo sa ilong, nilinis ko na."))["pip"]
    assert "wound" in signals(cat_rat("Pip has a maliit na sugat sa likod."))["pip"]
    assert "wound" in signals(cat_rat("Pip may gasgas sa paa."))["pip"]


def test_a_tagalog_fight_is_a_fight_and_away_alone_is_not() -> None:
    assert signals(rat_rat("Nag-away sila Rex at Max kagabi.")) == {
        "rex": {"fighting"},
        "max": {"fighting"},
    }
    assert "fighting" not in str(rat_rat("Rex ran away from Max.").signals)


def test_a_tagalog_denial_ends_at_pero() -> None:
    for text in (
        "Tom bit Pip, di naman malalim pero may dugo sa tenga.",
        "Tom bit Pip, hindi malalim pero may dugo sa tenga.",
    ):
        assert "wound" in signals(cat_rat(text))["pip"], text


def test_a_tagalog_rush_at_the_gate_is_a_lunge() -> None:
    assert "lunging" in signals(cat_rat("Tapos si Tom sumugod sa gate."))["tom"]


def test_a_tagalog_denial_denies_the_signals_after_it() -> None:
    result = cat_rat("Walang biting, walang hissing si Tom today.")
    assert result.signals == {}
    assert result.unattributed == ()


def test_taglish_words_are_no_typos_of_signal_words() -> None:
    # "sarap" (tasty, lovely) is one letter from "scrap", a fight
    result = rat_rat("Sobrang sarap tingnan, Rex and Max sleeping together.")
    assert not any(s.signal == "fighting" for s in result.spans)


def test_a_vet_nurse_s_lac_abr_and_haem_are_wounds() -> None:
    assert "wound" in signals(rat_rat("O/E Max lac 4mm L ear."))["max"]
    assert "wound" in signals(rat_rat("Max abr on nose, small."))["max"]
    assert "wound" in signals(rat_rat("Max: haem from R hind, controlled."))["max"]


def test_a_clinical_history_is_no_act_of_this_session() -> None:
    result = cat_rat("Hx of lunging last wk. Today Tom lay on the sofa.")
    assert "lunging" not in signals(result).get("tom", set())
    assert "lunging" not in signals(cat_rat("Last wk Tom lunged at the cage.")).get("tom", set())


def test_a_cat_slamming_into_the_cage_is_a_lunge() -> None:
    assert "lunging" in signals(cat_rat("Tom slammed into the side of the cage."))["tom"]
    assert "lunging" in signals(cat_rat("Tom crashes into the bars."))["tom"]


def test_a_form_field_answered_n_is_denied_and_one_answered_y_is_read() -> None:
    assert cat_rat("Hiss: N | Lunge: N | Swat: N").signals == {}
    assert cat_rat("Bite: N; Scratch - n").unattributed == ()
    assert "lunging" in signals(cat_rat("Tom | Hiss: N | Lunge: Y"))["tom"]


def test_a_letter_n_between_acts_is_and_not_a_denial() -> None:
    assert {"biting", "scratching"} <= signals(cat_rat("Tom bit n scratched Pip"))["tom"]


def test_a_field_answered_none_found_is_denied() -> None:
    result = cat_rat("Blood: none found | Injuries: none seen")
    assert result.signals == {}
    assert result.unattributed == ()


FERN = Animal("fern", "rat", name="Fern", sex="female")


def rat_rat3(text: str) -> NotesResult:
    return parse_notes(text, [REX, MAX, FERN], "rat-rat")


def test_a_scream_the_owner_heard_is_no_act_of_the_owner_s() -> None:
    result = rat_rat3("I heard squeaking from the cage.")
    assert [item.signal for item in result.unattributed] == ["squeaking"]


def test_a_scream_heard_before_a_wound_is_found_is_a_fight_no_one_saw() -> None:
    for text in (
        "Heard screaming in the night, and this morning Max has a scab on his ear.",
        "Overnight: squealing heard. AM: Max has a small cut on his nose.",
        "We heard shrieking at 2am. Found a scratch on Fern's back.",
    ):
        result = rat_rat3(text)
        assert [item.signal for item in result.unattributed] == ["fighting"], text
        assert result.signals == {"max" if "Max" in text else "fern": ("wound",)}, text


def test_a_scream_heard_with_a_fight_read_is_part_of_the_fight() -> None:
    result = rat_rat3("Big fight tonight, I heard screaming, Rex and Max rolling. Max bleeding.")
    assert all(item.signal != "squeaking" for item in result.unattributed)
    assert "squeaking" not in str(result.signals)


def test_a_scream_heard_beside_another_harm_stays_a_scream() -> None:
    result = cat_rat("Tom bit Pip, I heard a squeak, small puncture on her leg.")
    assert "fighting" not in str(result.unattributed)
    assert "biting" in signals(result)["tom"]


def test_a_fight_the_note_says_no_one_saw_is_left_to_no_animal() -> None:
    for text in (
        "Nothing witnessed overnight. Morning: Max has a cut on his nose. Likely scuffle.",
        "Night: squeals, I didn't see who. Fern: scab on ear. Fight probable.",
    ):
        result = rat_rat3(text)
        assert "fighting" in [item.signal for item in result.unattributed], text
        assert all("fighting" not in names for names in result.signals.values()), text


def test_a_fight_seen_with_its_rats_named_is_still_theirs() -> None:
    result = rat_rat3("I didn't see the start, but Rex and Max had a fight, Max bleeding.")
    assert "fighting" in signals(result)["rex"]
    assert "fighting" in signals(result)["max"]


@pytest.mark.parametrize(
    "text",
    [
        "Saw a proper fight, Rex and Max, Max limping with a bite.",
        "I saw fighting between Rex and Max, Max has a cut on his ear.",
    ],
)
def test_a_fight_seen_with_the_pair_named_right_after_it_is_theirs(text: str) -> None:
    found = signals(rat_rat3(text))
    assert "fighting" in found["rex"]
    assert "fighting" in found["max"]


def test_a_starred_word_corrects_the_slip_before_it() -> None:
    # "bot" for "bit", corrected in the next sentence: the bite is aimed at Max, who bleeds
    result = rat_rat("Rex bot Max on the rump. *bit. Skin broken.")
    assert signals(result) == {"rex": {"biting"}, "max": {"wound"}}
    # in the same sentence, a longer correction read where the star is
    assert "hissing" in signals(cat_rat("Tom kissed at Pip when she came near *hissed"))["tom"]


def test_a_starred_correction_keeps_every_span_in_its_place() -> None:
    text = "Tom lunches at the cage!! *lunged. Pip hid."
    result = cat_rat(text)
    assert "lunging" in signals(result)["tom"]
    for span in result.spans:
        assert text[span.start : span.end].strip() != ""
    hid = [span for span in result.spans if span.signal == "hiding"]
    assert hid
    assert text[hid[0].start : hid[0].end] == "hid"


def test_a_star_that_corrects_no_word_changes_nothing() -> None:
    assert signals(cat_rat("Tom was *so* calm today")) == signals(cat_rat("Tom was so calm today"))


@pytest.mark.parametrize(
    "text",
    [
        "Rex bit Max's back *bum",
        "Rex bit Max. *Bad day.",
        "Rex bit Max. *Big thanks to the vet for the quick help.",
        "Rex bit Max *both times on the tail",
        "Rex bit Max *but only once",
        "Rex bit Max, blood on her back *but she's ok now",
        "Rex bit Max *big time",
    ],
)
def test_a_star_that_stresses_or_fits_no_slip_keeps_the_bite(text: str) -> None:
    # more words after the star in its clause: a stress; a bite is never written over by a
    # word that names no harm
    assert "biting" in signals(rat_rat(text)).get("rex", set())


def test_a_polish_pet_form_of_a_name_is_that_animal() -> None:
    pyza = Animal("pyza", "rat", name="Pyza", sex="female")
    result = parse_notes("Pyzka eat her pea.", [TOM, PIP, pyza], "cat-rat")
    assert "eating" in signals(result)["pyza"]


def test_a_paw_put_in_the_cage_before_a_scratch_found_is_a_swipe_that_landed() -> None:
    result = cat_rat("Small scratch on Pip's back. Tom was putting his paw in the cage.")
    assert {"swatting", "scratching"} <= signals(result)["tom"]
    assert signals(cat_rat("Tom put his paw in the cage, Pip fine."))["tom"] == {"swatting"}


def test_breeding_beside_a_body_part_is_autocorrect_s_bleeding() -> None:
    result = rat_rat("Rex and Max had a fight, Max is breeding from his ear")
    assert "wound" in signals(result)["max"]
    assert "wound" not in str(rat_rat("We are breeding from Max next spring.").signals)


def test_a_lower_case_name_between_an_article_and_a_noun_is_a_word() -> None:
    tofu = Animal("tofu", "rat", name="Tofu", sex="female")
    text = "Tom bit the tofu block I dropped. Tofu was asleep."
    result = parse_notes(text, [TOM, tofu], "cat-rat")
    # food bitten, not the rat Tofu
    assert "biting" not in signals(result).get("tom", set())
    assert "sleeping" in signals(result)["tofu"]


def test_a_lower_case_name_after_a_determiner_is_a_word_when_the_note_capitalises_it_too() -> None:
    keeper = Animal("keeper", "rat", name="Keeper", sex="male")
    text = "Our keeper hid behind the stumps after a bouncer. Keeper slept."
    assert signals(parse_notes(text, [TOM, keeper], "cat-rat")) == {"keeper": {"sleeping"}}
    # a note that never writes the name with its capital says nothing by case
    lower = parse_notes(text.lower(), [TOM, keeper], "cat-rat")
    assert signals(lower)["keeper"] == {"hiding", "sleeping"}


def test_a_lower_case_name_after_a_determiner_and_a_word_is_a_word_too() -> None:
    flint = Animal("flint", "rat", name="Flint", sex="female")
    text = "Sliced my finger on a knapped flint, bled all over the tray. Flint ate her supper."
    assert signals(parse_notes(text, [TOM, flint], "cat-rat")) == {"flint": {"eating"}}
    # a capitalised name after a determiner and a word stays the animal
    text = "Sliced my finger. The little Flint ate her supper, then bled from a cut on her ear."
    assert "wound" in signals(parse_notes(text, [TOM, flint], "cat-rat"))["flint"]


def test_a_lower_case_name_after_an_article_before_a_joiner_or_preposition_is_the_animal() -> None:
    bean = Animal("bean", "rat", name="Bean", sex="male")
    swatted = parse_notes("Tom swatted the bean in the cage, he squeaked.", [TOM, bean], "cat-rat")
    assert "swatting" in signals(swatted)["tom"]
    text = "Tom scratched the bean and he bled from the nose."
    scratched = parse_notes(text, [TOM, bean], "cat-rat")
    assert "scratching" in signals(scratched)["tom"]
    assert "wound" in signals(scratched)["bean"]


def test_a_not_signal_keyed_by_its_exact_form_wins_the_tie() -> None:
    # Tagalog "grabe" (so much) stems to "grab"; its exact form is listed as no signal
    assert "swatting" not in signals(cat_rat("Grabe, Tom lunged at the cage!"))["tom"]


def test_hang_on_as_an_aside_is_no_bite() -> None:
    result = cat_rat("Tom hissing at the cage — hang on — ok, back, nobody touched.")
    assert "biting" not in signals(result)["tom"]


def test_full_blooded_is_no_blood_and_caught_in_4k_is_no_catch() -> None:
    assert "wound" not in str(rat_rat("Rex and Max, full-blooded, a proper fight.").signals)
    assert signals(cat_rat("Tom lunged at the cage, caught in 4k."))["tom"] == {"lunging"}


def test_a_form_field_answered_yes_names_its_doer_in_brackets_with_an_arrow() -> None:
    result = cat_rat("Bite: Y (Tom -> Pip, brief) | Blood: none found")
    assert "biting" in signals(result)["tom"]
    assert result.unattributed == ()


def test_a_form_field_answered_yes_about_prey_in_brackets_is_no_attack() -> None:
    result = cat_rat("Tom: ignored rats; Bite: Y (toy mouse only); Swat: N")
    assert "biting" not in signals(result).get("tom", set())
    assert result.unattributed == ()


def test_a_form_field_answered_yes_with_an_animal_in_its_brackets_is_a_bite() -> None:
    result = rat_rat("Bite: Y (toy, then Max)")
    assert [u.signal for u in result.unattributed] == ["biting"]


def test_a_tagalog_paw_sa_the_bars_before_a_graze_is_a_swipe_that_landed() -> None:
    result = cat_rat("Pinasok ni Tom yung paw niya sa bars, si Pip may gasgas sa likod.")
    assert {"swatting", "scratching"} <= signals(result)["tom"]
    assert "wound" in signals(result)["pip"]


def test_two_names_set_against_each_other_are_a_pair_wherever_they_stand() -> None:
    result = rat_rat3("Nasty episode Rex vs Max, full fight, rolling.")
    assert signals(result) == {"rex": {"fighting"}, "max": {"fighting"}}


def test_a_scratch_found_and_put_down_to_the_cat_s_paw_is_its_scratch_to_confirm() -> None:
    result = cat_rat(
        "Found a scratch on Pip's side. Tom had been on the cage roof. I think it was his paw."
    )
    assert "scratching" in signals(result)["tom"]
    assert any(span.signal == "scratching" and span.confirm for span in result.spans)


def test_her_paw_owned_by_a_rat_named_after_it_is_the_rat_s_wound() -> None:
    pip = Animal("pip", "rat", name="Pip")
    sage = Animal("sage", "rat", name="Sage")
    for text in (
        "Her paw got scratched, Sage's I mean, when Tom swiped.",
        "It was her paw that got scratched, Sage's I mean, when Tom swiped.",
    ):
        result = parse_notes(text, [TOM, pip, sage], "cat-rat")
        assert "wound" in signals(result)["sage"], text
        assert "swatting" in signals(result)["tom"], text


def test_a_capitalised_word_one_letter_off_a_name_is_that_animal() -> None:
    nacho = Animal("nacho", "rat", name="Nacho", sex="male")
    mochi = Animal("mochi", "cat", name="Mochi", sex="male")
    result = parse_notes(
        "Mochi growled. Macho fur on end in the corner.", [mochi, nacho], "cat-rat"
    )
    assert "fur_on_end" in signals(result)["nacho"]
    # a word one letter off two names at once names neither
    tofu = Animal("tofu", "rat", name="Tofa", sex="female")
    tofi = Animal("tofi", "rat", name="Tofi", sex="female")
    both = parse_notes("Tofe hid.", [TOM, tofu, tofi], "cat-rat")
    assert both.signals == {}


def test_an_everyday_word_one_letter_off_a_name_is_no_animal() -> None:
    sage = Animal("sage", "rat", name="Sage", sex="female")
    text = "Save for one scuffle it went well. Rex bit Max's ear during it."
    result = parse_notes(text, [REX, MAX, sage], "rat-rat")
    assert "sage" not in result.signals
    assert "biting" in signals(result)["rex"]


def test_rats_running_everywhere_are_frantic() -> None:
    result = cat_rat("Tom lunged at the cage, Pip running everywhere up the bars.")
    assert "frantic_movement" in signals(result)["pip"]


@pytest.mark.parametrize(
    "text",
    [
        "Rats running everywhere, exploring the sofa, sniffing, happy.",
        "Rex popcorned and was running everywhere, so happy.",
        "Rex running everywhere, zoomies, very happy, popcorning.",
    ],
)
def test_running_everywhere_with_a_calm_signal_is_play(text: str) -> None:
    result = rat_rat(text)
    assert all("frantic_movement" not in names for names in signals(result).values())
    assert all(item.signal != "frantic_movement" for item in result.unattributed)


def test_a_run_to_a_shelter_is_hiding() -> None:
    assert "hiding" in signals(rat_rat("Rex puffed up at Max. Max run to tube."))["max"]
    assert "hiding" in signals(cat_rat("Tom hissed. Pip straight into the tube."))["pip"]


def test_a_chase_that_will_not_stop_is_the_chaser_s_aggressive_chase() -> None:
    for text in (
        "Rex chase Max all around and not stop, Max screaming.",
        "Rex chasing Max round and round, wouldn't quit.",
    ):
        result = rat_rat3(text)
        assert "aggressive_chasing" in signals(result)["rex"], text
        assert "chasing" not in signals(result).get("max", set()), text
    assert signals(rat_rat3("Rex and Max chasing each other, taking turns."))["rex"] == {"chasing"}


@pytest.mark.parametrize(
    "text",
    [
        "Lahat sila tulog, except Rex. Rex bit Max.",
        "Lahat sila tulog, maliban kay Rex.",
        "They all slept but Rex.",
    ],
)
def test_an_animal_named_after_except_is_out_of_its_group(text: str) -> None:
    found = signals(rat_rat3(text))
    assert "sleeping" not in found.get("rex", set())
    assert "sleeping" in found["max"]


@pytest.mark.parametrize(
    "text",
    [
        "Rex chased Max for a bit, wouldn't stop bruxing after, happy.",
        "Rex wouldn't stop grooming Max, then chased Fern once.",
        "Rex and Max chased each other non stop, popcorning, great fun.",
        "Rex and Max were chasing each other non stop, taking turns, bruxing.",
    ],
)
def test_persistence_of_another_verb_or_a_playful_mutual_chase_is_no_aggressive_chase(
    text: str,
) -> None:
    result = rat_rat3(text)
    assert all("aggressive_chasing" not in names for names in signals(result).values())


def test_persistence_right_before_the_chase_governs_it() -> None:
    result = rat_rat3("Rex wont stop chasing Max and Max is squeaking the whole time")
    assert "aggressive_chasing" in signals(result)["rex"]


def test_tagalog_sleep_eat_and_all_of_them_are_read() -> None:
    assert signals(rat_rat3("Lahat sila tulog sa hammock.")) == {
        "rex": {"sleeping"},
        "max": {"sleeping"},
        "fern": {"sleeping"},
    }
    assert "eating" in signals(rat_rat("Max kumakain ng pasta."))["max"]


def test_geordie_nee_and_nowt_deny_what_follows() -> None:
    assert signals(rat_rat("Rex and Max boxin, nee blood, nee screamin.")) == {
        "rex": {"boxing"},
        "max": {"boxing"},
    }


def test_scran_is_food_and_no_scrap() -> None:
    result = rat_rat("Then they both had their scran.")
    assert "fighting" not in {s for names in signals(result).values() for s in names}
    assert not result.unattributed


def test_a_dropped_g_is_the_ing_form_of_any_english_verb() -> None:
    result = cat_rat("Pip was cuttin her lip on the wire, bled a small bit.")
    assert signals(result) == {"pip": {"wound"}}


def test_a_pounce_on_a_plaything_a_person_waves_is_no_pounce() -> None:
    for text in (
        "Me son was wavin the feather toy and Tom was pouncin on it all ower the room.",
        "I was dragging the wand and Tom pounced all over it.",
    ):
        assert "pouncing" not in signals(cat_rat(text)).get("tom", set()), text
    assert (
        "pouncing" in signals(cat_rat("I was wavin the feather toy and Tom pounced on Pip."))["tom"]
    )


def test_a_fight_in_formal_words_is_a_fight_of_the_pair_named() -> None:
    result = rat_rat3("An altercation took place between Rex and Max, a rolling mass of rats.")
    assert signals(result) == {"rex": {"fighting"}, "max": {"fighting"}}


def test_a_scream_heard_and_not_seen_with_a_wound_found_is_a_fight_of_no_one_named() -> None:
    for text in (
        "Screaming was heard overnight. Fern bore a scab on the tail.",
        "Woke up to screaming at 3am. Didn't see who did what. Fern has a scabby tail.",
    ):
        result = rat_rat3(text)
        assert signals(result) == {"fern": {"wound"}}, text
        assert [item.signal for item in result.unattributed] == ["fighting"], text
    calm = rat_rat3("Woke up to squeaking at 3am. Didn't see who. All fine this morning.")
    assert all(item.signal != "fighting" for item in calm.unattributed)


def test_a_learner_s_bare_bite_before_a_body_part_is_the_bite_and_a_noun_bite_a_wound() -> None:
    result = rat_rat("Then Rex bite his back, Max scream, have blood.")
    assert "biting" in signals(result)["rex"]
    assert "wound" not in signals(result)["rex"]
    assert "wound" in signals(rat_rat("Max: bite to the tail from Rex."))["max"]
    assert "wound" in signals(rat_rat("Max had a nasty bite on his back."))["max"]


def test_a_pounce_on_it_after_the_cat_was_teased_with_a_plaything_is_no_pounce() -> None:
    result = cat_rat("Teasing the cat with a feather, Tom pounced on it.")
    assert "pouncing" not in signals(result).get("tom", set())
    assert (
        "pouncing" in signals(cat_rat("Teasing the cat with a feather, Tom pounced on Pip."))["tom"]
    )


def test_a_geordie_reflexive_is_no_hiss_and_a_whisker_pad_is_a_body_part() -> None:
    text = "Tom went radge at the cage, hoyed hissel at the bars."
    assert signals(cat_rat(text)) == {"tom": {"lunging"}}
    result = parse_notes(
        "Pip bit her proper. Pip's got a bit of blood on her whisker pad.", [PIP], "rat-human"
    )
    assert "wound" in signals(result)["pip"]


def test_savage_as_written_and_a_scratch_asked_for_are_no_harm() -> None:
    assert signals(rat_rat("Max ate his seeds. Savage.")) == {"max": {"eating"}}
    result = parse_notes(
        "Pip was tearin the face off a toilet roll tube, some savage! Then come over for a "
        "scratch behind the ears.",
        [PIP],
        "rat-human",
    )
    assert "wound" not in signals(result).get("pip", set())
    assert "biting" not in signals(result).get("pip", set())
    assert "biting" in signals(rat_rat("Rex savaged Max."))["rex"]


def test_a_fight_with_a_plaything_is_no_fight() -> None:
    result = rat_rat("Rex fight with my sock, very funny.")
    assert "fighting" not in signals(result).get("rex", set())


def test_a_flight_off_into_a_shelter_is_hiding_and_a_bite_that_left_a_hole_a_wound() -> None:
    assert "hiding" in signals(cat_rat("Tom lunged. Pip tore off into her house."))["pip"]
    result = rat_rat("Rex went for Max and got him by the scruff, proper bite, left a hole.")
    assert "wound" in signals(result)["max"]


def test_a_wound_of_no_one_named_right_before_a_harm_to_one_rat_is_that_rat_s() -> None:
    result = parse_notes(
        "Lovely, blood everywhere. Tom swiped through the bars and scratched Pip's face.",
        [TOM, PIP, FERN],
        "cat-rat",
    )
    assert "wound" in signals(result)["pip"]
    assert "wound" not in signals(result).get("fern", set())
    assert not result.unattributed


def test_a_child_s_quoted_words_explained_away_after_them_are_no_event() -> None:
    for text in (
        "Lily says 'kitty scratch!' but she means the scratching post.",
        'Our toddler shouted "kitty bite rat" - he was just being silly, Tom only sniffed.',
    ):
        assert "scratching" not in signals(cat_rat(text)).get("tom", set()), text
        assert "biting" not in signals(cat_rat(text)).get("tom", set()), text
    # quoted words no one explains away are read, as reported speech is
    assert "biting" in signals(cat_rat("My son said 'Tom bit Pip!' and he did, I saw it."))["tom"]


def test_a_name_after_ni_or_of_following_a_body_part_owns_the_wounded_part() -> None:
    lumpia = Animal("lumpia", "rat", name="Lumpia", sex="female")
    result = parse_notes(
        "Kinagat ni Rex si Max, may sugat sa buntot ni Lumpia.", [REX, MAX, lumpia], "rat-rat"
    )
    assert "wound" in signals(result)["lumpia"]
    assert "wound" not in signals(result).get("max", set())
    result = parse_notes("Rex bit Max, a cut on the ear of Lumpia.", [REX, MAX, lumpia], "rat-rat")
    assert "wound" in signals(result)["lumpia"]


def test_an_attack_in_a_relative_clause_after_prey_is_at_the_prey() -> None:
    text = "Tom was given a catnip 'mouse' which he proceeded to bite with vigour."
    assert "biting" not in signals(cat_rat(text)).get("tom", set())
    assert "biting" in signals(cat_rat("Tom had a toy mouse, then he bit Pip."))["tom"]


def test_a_cat_that_hit_a_rat_swatted_her_and_a_mark_found_says_the_swat_landed() -> None:
    text = "Tom reached in and hit Pip. A small cut on her nose."
    assert signals(cat_rat(text)) == {"tom": {"swatting", "scratching"}, "pip": {"wound"}}
    assert signals(cat_rat("Tom hit Pip.")) == {"tom": {"swatting"}}


def test_a_cat_s_scratch_on_a_person_is_no_rat_s_harm_and_the_blood_is_theirs() -> None:
    assert signals(cat_rat("Tom scratched a guest at the party. Pip asleep.")) == {
        "pip": {"sleeping"}
    }
    found = cat_rat("Tom was scratching my arm when I gave him his pill, blood is coming.")
    assert signals(found) == {}
    assert found.unattributed == ()
    assert signals(cat_rat("Tom scratched me during his claw trim.")) == {}


def test_a_count_or_a_size_before_a_hole_or_a_cut_is_the_wound_of_the_one_bitten() -> None:
    assert signals(rat_rat("Rex was biting Max on the back, there is one hole now.")) == {
        "rex": {"biting"},
        "max": {"wound"},
    }
    assert signals(rat_rat("Rex bite Max tail, now get one cut."))["max"] == {"wound"}


def test_slovak_words_for_a_bite_blood_a_cage_and_the_animals_are_read() -> None:
    assert signals(rat_rat("Rex hryzol Max in tail and hold. After, krv on tail.")) == {
        "rex": {"biting"},
        "max": {"wound"},
    }
    found = signals(
        cat_rat("Tom jump on klietka, whole body hit the door. Potkany run everywhere.")
    )
    assert found["tom"] == {"lunging"}
    assert found["pip"] == {"frantic_movement"}

"""The reader generalises over how owners write: dialect and learners' words, dictation,
terse fragments and hedges are read by families of words and general rules, not by the
sentences the rules were tuned on."""

from __future__ import annotations

import pytest
from casts import MAX, PIP, REX, TOM, cat_rat, rat_rat
from scenarios import advise, calm_run, scenario, session

from ratbond.model import Animal
from ratbond.notes import NotesResult, parse_notes


def read(result: NotesResult) -> set[tuple[str, str]]:
    return {(animal, signal) for animal, names in result.signals.items() for signal in names}


@pytest.mark.parametrize(
    "text",
    [
        "Nae blood, nae bitin. Rex and Max kipped in the hammock.",
        "Rex didnae bite Max at all.",
        "Rex dint bite Max.",
        "Naebody bit anybody.",
    ],
)
def test_scots_and_misspelt_denials_deny(text: str) -> None:
    result = rat_rat(text)
    assert not {signal for _, signal in read(result)} & {"biting", "wound"}
    assert result.unattributed == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bit o boxin between Rex and Max, nae blood.", {("rex", "boxing"), ("max", "boxing")}),
        ("Rex was boxin Max.", {("rex", "boxing"), ("max", "boxing")}),
        ("Max was bleedin frae his ear.", {("max", "wound")}),
    ],
)
def test_dialect_spellings_and_a_dropped_g_read_as_the_everyday_word(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(rat_rat(text)) == expected


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("Tom breenged at Pip.", "lunging"),
        ("Tom darted at Pip.", "lunging"),
        ("Tom skelped Pip through the bars.", "swatting"),
        ("Tom landed a right hook on Pip.", "swatting"),
        ("Tom bounced on Pip.", "pouncing"),
        ("Tom held her under his paws.", "pouncing"),
        ("Tom came out with Pip dangling from his jaws.", "biting"),
        ("Tom griffed Pip.", "scratching"),
    ],
)
def test_a_family_of_attack_words_is_read_for_the_cat(text: str, signal: str) -> None:
    assert signal in cat_rat(text).signals.get("tom", ())


@pytest.mark.parametrize(
    "text",
    [
        "Rex and Max were at each other's throats.",
        "Rex and Max came to blows.",
        "A right rammy between Rex and Max.",
        "Rex and Max rolling and screaming.",
    ],
)
def test_fight_idioms_are_a_fight_for_both_rats(text: str) -> None:
    assert read(rat_rat(text)) >= {("rex", "fighting"), ("max", "fighting")}


@pytest.mark.parametrize(
    "text", ["Maybe Tom bit Pip.", "I reckon Tom bit Pip.", "I guess Tom bit Pip."]
)
def test_more_hedges_leave_danger_to_confirm(text: str) -> None:
    bites = [span for span in cat_rat(text).spans if span.signal == "biting"]
    assert bites
    assert all(span.confirm and not span.negated for span in bites)


def test_a_hedged_bite_counts_whatever_its_class_and_a_hedged_sniff_does_not() -> None:
    assert read(rat_rat("I think Rex bit Max.")) == {("rex", "biting")}
    assert read(rat_rat("Maybe Rex sniffed Max.")) == set()


def test_a_sized_mark_is_a_wound_and_a_bare_mark_may_be_the_coat() -> None:
    assert ("pip", "wound") in read(cat_rat("Tom swiped at Pip, there's a tiny mark on her."))
    assert read(cat_rat("Pip has a white mark on her nose.")) == set()


def test_a_hedged_bite_with_a_mark_does_not_let_the_advice_advance() -> None:
    def advice(notes: str | None) -> dict[str, object]:
        sessions = [
            *calm_run("side_by_side", 3, 10, 10),
            session(2, "side_by_side", 10, notes=notes),
        ]
        return advise(scenario("rat-rat", sessions))

    assert advice(None)["action"] == "advance"
    marked = advice("I think Rex might have nipped Nova, there's a tiny mark")
    assert marked["action"] != "advance"
    assert "vet_now" in marked["alerts"]  # type: ignore[operator]


def test_a_one_sided_attack_that_a_bite_details_is_the_bite_not_a_fight() -> None:
    assert read(rat_rat("Rex attacked Max and bit his ear.")) == {("rex", "biting")}
    assert read(rat_rat("Rex had a go at Max. I think he bit him.")) == {("rex", "biting")}
    both = read(rat_rat("A proper fight between Rex and Max, Max has a bite on his tail."))
    assert {("rex", "fighting"), ("max", "fighting")} <= both


def test_a_harm_with_its_subject_left_out_was_done_by_the_last_doer() -> None:
    assert read(rat_rat("Rex had a go at Max. A bite. Broke it up.")) == {("rex", "biting")}


def test_a_fight_named_for_no_one_is_the_pair_named_beside_it() -> None:
    result = rat_rat("Right stramash tonight. Rex and Max went at each other.")
    assert read(result) == {("rex", "fighting"), ("max", "fighting")}
    assert result.unattributed == ()


def test_a_name_split_by_dictation_is_still_the_name() -> None:
    nutmeg = Animal("nutmeg", "rat", name="Nutmeg", sex="female")
    result = parse_notes("the cat bit nut meg on the leg", [TOM, nutmeg], "cat-rat")
    assert read(result) == {("tom", "biting")}


def test_without_capitals_a_name_that_is_a_word_is_the_name() -> None:
    bolt = Animal("bolt", "rat", name="Bolt", sex="male")
    other = Animal("rocket", "rat", name="Rocket", sex="male")
    cast = [bolt, other]
    assert read(parse_notes("bolt bit me when I picked him up", cast, "rat-human")) == {
        ("bolt", "biting")
    }
    # A note that capitalises names keeps a lower-case signal word a word.
    result = parse_notes("Rocket bolted into his house. Bolt ate.", cast, "rat-human")
    assert ("bolt", "eating") in read(result)
    assert ("rocket", "hiding") in read(result)


def test_a_word_for_two_means_the_two_named_last_in_a_larger_cast() -> None:
    nova = Animal("nova", "rat", name="Nova", sex="female")
    result = parse_notes(
        "A nasty scrap between Rex and Max. The pair of them rolling about screaming.",
        [REX, MAX, nova],
        "rat-rat",
    )
    assert "nova" not in result.signals
    assert read(result) >= {("rex", "fighting"), ("max", "fighting")}


def test_a_fight_after_a_harm_is_shared_with_the_one_harmed() -> None:
    result = rat_rat("Rex went for Max, proper stoush, rolling and squealing.")
    assert {("rex", "fighting"), ("max", "fighting")} <= read(result)


def test_a_fight_for_no_one_that_its_sentence_calls_play_is_that_play() -> None:
    nova = Animal("nova", "rat", name="Nova", sex="female")
    result = parse_notes("No blood, one scuffle that was just boxing.", [REX, MAX, nova], "rat-rat")
    assert {item.signal for item in result.unattributed} == {"boxing"}


@pytest.mark.parametrize(
    "text",
    ["Rehomed the spare buck, Rex and Max ate.", "Rex chased his toy round the lounge."],
)
def test_words_the_stemmer_would_confuse_with_a_signal_are_not_it(text: str) -> None:
    assert not {signal for _, signal in read(rat_rat(text))} & {"boxing", "lying_down"}


def test_in_run_on_text_a_subject_pronoun_after_a_bite_is_no_one_bitten() -> None:
    nova = Animal("nova", "rat", name="Nova", sex="female")
    result = parse_notes(
        "rex wouldn't let go I had to use a towel nova is limping", [REX, MAX, nova], "rat-rat"
    )
    assert read(result) == {("rex", "biting"), ("nova", "wound")}


def test_it_after_a_plaything_is_the_plaything_not_an_animal() -> None:
    assert read(cat_rat("Tom was playing with his feather wand and bit it and killed it.")) == set()
    # A thing passed through is no referent: "it" is the tail.
    assert ("tom", "biting") in read(
        cat_rat("Tom went for Pip's tail where it hung through the bars and bit it.")
    )


@pytest.mark.parametrize(
    "text", ["Asleep together.", "Eating side by side.", "Groomed each other. Slept."]
)
def test_words_for_two_give_a_fragment_to_both_of_a_pair(text: str) -> None:
    result = rat_rat(text)
    assert result.unattributed == ()
    assert {animal for animal, _ in read(result)} == {"rex", "max"}


def test_a_fragment_after_a_sentence_about_one_animal_is_that_animal() -> None:
    nova = Animal("nova", "rat", name="Nova", sex="female")
    result = parse_notes("Nova explored the shelf. Ate a pea.", [REX, MAX, nova], "rat-rat")
    assert read(result) == {("nova", "exploring"), ("nova", "eating")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Max has shown the teeth to Rex.", ("max", "teeth_baring")),
        ("Max pinched my finger, no blood.", ("max", "nipping")),
        ("Rex chased Max round the pen and did not stop.", ("rex", "aggressive_chasing")),
        ("Max has the breathing noisy, with whistles.", ("max", "labored_breathing")),
        ("Max is sleeping all day and not eating.", ("max", "lethargy")),
    ],
)
def test_learners_and_everyday_wordings_are_read(text: str, expected: tuple[str, str]) -> None:
    assert expected in read(rat_rat(text))


def test_a_pinched_seed_is_a_theft_not_a_nip() -> None:
    assert ("max", "nipping") not in read(rat_rat("Max pinched a seed off Rex and ran."))


def test_a_dictated_note_may_write_a_name_as_a_word_that_sounds_like_it() -> None:
    mabel = Animal("mabel", "rat", name="Mabel", sex="female")
    toffee = Animal("toffee", "rat", name="Toffee", sex="female")
    cast = [mabel, toffee]
    assert read(parse_notes("maple bit toffee on the ear", cast, "rat-rat")) == {
        ("mabel", "biting")
    }
    # With capitals, a word is a word: the owner wrote the names.
    assert "mabel" not in parse_notes("Toffee chewed a maple stick.", cast, "rat-rat").signals


def test_a_name_in_brackets_after_a_signal_is_its_doer() -> None:
    assert read(cat_rat("Tail lashing (Tom). Pip froze.")) == {
        ("tom", "tail_lashing"),
        ("pip", "freezing"),
    }


def test_in_run_on_text_a_name_before_an_auxiliary_opens_a_clause() -> None:
    result = rat_rat("rex chased max round the pen and did not stop max was squealing")
    assert ("max", "squeaking") in read(result)
    assert ("rex", "squeaking") not in read(result)


def test_scots_denials_read_as_english_ones_inside_phrases() -> None:
    assert ("max", "hiding") in read(rat_rat("Max wouldnae come oot of the hide."))
    assert ("rex", "biting") in read(rat_rat("Rex got his teeth intae Max's side."))


# --- session 11: new writers (a child, a shift log, a worried owner, emoji, Indian English) ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("🩸 on Pip's ear", {("pip", "wound")}),
        ("Tom 🦷 Pip", {("tom", "biting")}),
        ("Pip 🤧🤧", {("pip", "sneezing")}),
        ("Tom: pounce ✗ swat ✗ lunge ✗. Pip sniffing.", {("pip", "sniffing")}),
        ("Bite: none ✓. Pip sniffing.", {("pip", "sniffing")}),
        ("Tom seen w/ Pip in mouth.", {("tom", "biting")}),
    ],
)
def test_signs_read_as_the_words_they_stand_for(text: str, expected: set[tuple[str, str]]) -> None:
    assert read(cat_rat(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rex was brucksing.", {("rex", "bruxing")}),
        ("Rex bited Max and he is bleding.", {("rex", "biting"), ("max", "wound")}),
        ("Max got bited on the foot by Rex.", {("rex", "biting"), ("max", "wound")}),
    ],
)
def test_misspellings_by_ear_and_regularised_forms(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(rat_rat(text)) == expected


def test_a_misspelt_passive_still_wounds_the_rat() -> None:
    assert read(cat_rat("Pip got scrached by Tom.")) == {("tom", "scratching"), ("pip", "wound")}


@pytest.mark.parametrize(
    "text",
    [
        "Last week Tom swatted the carrier, today he ignored them.",
        "Prev shift noted a lunge. Today nothing.",
        "Tom was attacking a fly on the window and he jumped on it.",
        "Tom caught a lizard and was jumping on it.",
        "Tom chattering at the window.",
    ],
)
def test_earlier_sessions_and_prey_give_no_danger(text: str) -> None:
    signals = {signal for _, signal in read(cat_rat(text))}
    assert not signals & {"swatting", "lunging", "pouncing", "biting", "chattering"}


def test_a_wound_from_an_earlier_session_still_there_is_a_wound() -> None:
    assert ("pip", "wound") in read(cat_rat("Last week's scab on Pip is still there."))


@pytest.mark.parametrize(
    ("text", "wound"),
    [
        ("The scratch on Pip's side has healed over.", False),
        ("The cut on Pip's ear has not healed up yet.", True),
        ("The cut on Pip's ear hasn't healed over.", True),
    ],
)
def test_a_healed_wound_is_gone_and_one_not_healed_is_not(text: str, wound: bool) -> None:
    assert (("pip", "wound") in read(cat_rat(text))) is wound


@pytest.mark.parametrize("text", ["I'm not sure Tom bit Pip.", "I doubt Tom bit Pip."])
def test_doubt_is_a_hedge_asked_about_not_a_denial(text: str) -> None:
    result = cat_rat(text)
    assert ("tom", "biting") in read(result)
    assert any(span.confirm for span in result.spans if span.signal == "biting")


def test_a_side_before_a_body_part_is_no_initial() -> None:
    rosie = Animal("rosie", "rat", name="Rosie", sex="female")
    result = parse_notes("Tom swatted Pip, puncture R flank.", [TOM, PIP, rosie], "cat-rat")
    assert "rosie" not in result.signals


def test_the_pair_named_next_says_who_they_were() -> None:
    ziggy = Animal("ziggy", "rat", name="Ziggy", sex="male")
    result = parse_notes(
        "They had a big fight!!! Rex and Max were a ball.", [REX, MAX, ziggy], "rat-rat"
    )
    assert read(result) == {("rex", "fighting"), ("max", "fighting")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pip backed away from Tom.", {("pip", "retreating")}),
        ("Pip hid from Tom.", {("pip", "hiding")}),
        ("Hissing from Tom.", {("tom", "hissing")}),
    ],
)
def test_from_names_a_doer_only_when_it_can_be_one(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert read(cat_rat(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tom hurt Pip.", {("pip", "wound")}),
        ("Tom ambushed Pip.", {("tom", "pouncing")}),
        ("Tom nearly got Pip.", {("tom", "lunging")}),
    ],
)
def test_plain_words_for_harm_are_read(text: str, expected: set[tuple[str, str]]) -> None:
    assert read(cat_rat(text)) == expected

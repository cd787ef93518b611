"""Ask: real questions find the right entry; odd input is handled; every answer cites."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ratbond.care.ask import ask, knowledge_documents
from ratbond.errors import InputError


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how long does bonding take?", "faq:bonding_time"),
        ("Do rats bond to one person?", "faq:one_person"),
        ("can my cat live with rats", "faq:cats_and_rats"),
        ("how long should I quarantine a new rat", "faq:quarantine"),
        ("what treats can I give", "faq:treats"),
        ("should I wear gloves", "faq:gloves"),
        ("what is forced socialization", "faq:forced_socialisation"),
        ("is banana safe", "food:banana"),
        ("why is my rat hissing", "sign:vocalisations/hissing"),
        ("how big should the cage be", "faq:cage_size"),
        ("how do I know my rat trusts me", "faq:trust_signs"),
        ("letting rats out to play safely", "faq:free_roam"),
    ],
)
def test_questions_find_the_right_entry(question: str, expected: str) -> None:
    result = ask(question)
    assert result.answers, question
    assert result.answers[0].id == expected


def test_program_stage_instructions_are_searchable() -> None:
    ids = [doc.id for doc in ask("hand feeding treats from fingers", limit=10).answers]
    assert "stage:rat-human/hand_feeding" in ids


def test_typo_is_corrected_and_reported() -> None:
    result = ask("quarantene")
    assert ("quarantene", "quarantine") in result.corrections
    assert {doc.id for doc in result.answers} >= {"faq:quarantine"}


@pytest.mark.parametrize(
    "question",
    ['"unbalanced quote', "NEAR(bonding", "bonding OR", "cage* AND -bars", "title:cage", "^x"],
)
def test_fts_syntax_in_a_question_is_just_text(question: str) -> None:
    ask(question)  # no sqlite3.OperationalError


@pytest.mark.parametrize("question", ["rat making clicking noise", "is barking normal"])
def test_english_words_are_never_corrected(question: str) -> None:
    assert ask(question).corrections == ()


@pytest.mark.parametrize("question", ["", "   ", "?!?", "...", "_"])
def test_a_question_without_words_is_an_input_error(question: str) -> None:
    with pytest.raises(InputError, match="type a question") as caught:
        ask(question)
    assert caught.value.path == "question"


def test_filler_words_only_or_off_topic_find_nothing() -> None:
    assert ask("how is it?").answers == ()
    assert ask("capital of France").answers == ()


def test_limit() -> None:
    assert len(ask("cage", limit=5).answers) == 5
    with pytest.raises(InputError):
        ask("rat", limit=0)


def test_every_document_cites_a_seed_or_a_source_and_has_both_lengths() -> None:
    docs = knowledge_documents()
    assert len({doc.id for doc in docs}) == len(docs)
    for doc in docs:
        assert doc.seeds or doc.sources, doc.id
        assert doc.brief, doc.id
        assert doc.detail, doc.id


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("my rat just bit my finger, what now", "faq:bitten_person"),
        ("the cat got hold of my rat", "faq:caught_by_cat"),
        ("my rat seems thinner lately", "faq:weight_loss"),
        ("how much lab block should my rats get", "faq:base_diet"),
        ("my rat is bleeding", "faq:bleeding"),
        ("my rat is struggling to breathe", "faq:breathing_trouble"),
    ],
)
def test_the_trial_questions_get_their_answer(question: str, expected: str) -> None:
    assert ask(question).answers[0].id == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # noise around the words that matter still finds the emergency
        ("NOT BREATHING RIGHT!!! wheezing really loud and not moving", "faq:breathing_trouble"),
        ("rat bit my kid!!! blood everywhere do we need a tetanus shot", "faq:bitten_person"),
        # another animal beside a hurt rat is no reason to say nothing
        ("my dog bit my rat", "faq:caught_by_cat"),
        # the cat as the one who did it
        ("my cat bit my rat's tail, only a little mark", "faq:caught_by_cat"),
        ("my rat ate rat poison", "faq:ate_something_toxic"),
        # an alarm outweighs words of another subject said beside it (a phone, travel)
        ("my rat is bleeding, on phone to the vet now what do I do", "faq:bleeding"),
        ("my rat is bleeding badly, typing on phone sorry", "faq:bleeding"),
        ("he is bleeding, the password for the vet portal is not working", "faq:bleeding"),
        ("my rat got hit by the train from his toy set and is bleeding", "faq:bleeding"),
        # of numbered questions, the one with the alarms leads (and of its alarms, the one that
        # threatens life now)
        (
            "1) what is normal weight 2) he is bleeding from his eye and not breathing",
            "faq:breathing_trouble",
        ),
        # eyes rolling back and a seizure are no content rat's boggling: the vet at once
        ("my rat's eyes rolled back and he went stiff", "faq:injured_rat"),
        ("he is having a seizure", "faq:injured_rat"),
        ("my rat is having a fit", "faq:injured_rat"),
        # every breath heard or laboured is trouble breathing, whatever posture beside it
        (
            "she's sat hunched in the corner and there's a click with every breath she takes",
            "faq:breathing_trouble",
        ),
        # a rat that held someone by a part bit them, and the asker's own medicine is no
        # rat's poisoning
        (
            "cleaning out and Biscuit had me by the thumb, bleeding, do I need the doctor",
            "faq:bitten_person",
        ),
        (
            "Biscuit bit my hand and it's bleeding a lot; I take aspirin for my heart, ok?",
            "faq:bitten_person",
        ),
    ],
)
def test_an_emergency_comes_first_in_a_frightened_owner_s_words(
    question: str, expected: str
) -> None:
    assert ask(question).answers[0].id == expected


@pytest.mark.parametrize(
    "question",
    ["do hamsters bite", "can cats eat tuna every day", "what is the best rat poison?"],
)
def test_a_bite_or_a_cat_alone_does_not_make_a_question_about_rats(question: str) -> None:
    assert not ask(question).answered


def test_a_pet_s_name_is_neither_a_typo_nor_an_unknown_word() -> None:
    answer = ask("Can Charlie have raisins?")
    assert answer.answers[0].id == "food:raisins"
    assert answer.corrections == ()
    # Capitalised words in a row are a proper noun, not a pet: they still count as unknown.
    assert not ask("What year did the Black Death start, and was it the rats?").answered


def test_a_denied_word_is_not_searched_for() -> None:
    assert "bleed" not in ask("the cat had him in its mouth, no blood").terms
    assert "bleed" in ask("the cat had him in its mouth, blood on his side").terms
    assert ask("picking up a rat without hurting him").answers[0].id == "faq:picking_up"
    # a phrase denies as a word does
    assert "bleed" not in ask("the cat had him in its mouth, I can't see any blood").terms
    assert "bleed" not in ask("the cat had him, no sign of blood").terms
    assert "bleed" in ask("the cat had him, I can see some blood").terms


def test_a_grooming_finding_is_answered_with_its_advice() -> None:
    answer = ask("found a lump on my rat").answers[0]
    assert answer.id == "finding:lump"
    assert "vet" in answer.brief


def test_emergencies_say_what_to_do_now_and_when_to_see_a_vet() -> None:
    urgent = [doc for doc in knowledge_documents() if doc.urgent]
    assert {doc.id for doc in urgent} >= {
        "faq:caught_by_cat",
        "faq:bleeding",
        "faq:bitten_person",
        "faq:breathing_trouble",
        "faq:weight_loss",
    }
    for doc in urgent:
        assert doc.now, doc.id
        assert doc.vet, doc.id
    assert "doctor" in next(d for d in urgent if d.id == "faq:bitten_person").vet
    assert "antibiotics" in next(d for d in urgent if d.id == "faq:caught_by_cat").vet


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("can my dog eat grapes", "off_topic"),
        ("how do I get rid of rats in my attic", "off_topic"),
        ("purple monkey dishwasher", "unsure"),
        ("rat", "unsure"),
        ("how is it?", "no_words"),
    ],
)
def test_no_answer_says_why_and_lists_the_topics(question: str, why: str) -> None:
    result = ask(question)
    assert not result.answered
    assert result.why == why
    assert result.message.startswith("ratbond has no answer")
    assert any(topic.title == "Bites to people" for topic in result.topics)
    assert result.to_json()["answered"] is False


def test_words_meet_their_inflections_and_synonyms() -> None:
    assert ask("sneeze").terms == ask("sneezing").terms
    assert ask("my rat bit me").terms == ask("my rat bites me").terms
    assert ask("pellets").terms == ask("lab blocks").terms


def test_forced_socialisation_repeats_the_bonding_time_care() -> None:
    from ratbond.programs import builtin_program

    stage = next(s for s in builtin_program("rat-human").stages if s.id == "bonding_time")
    doc = next(d for d in knowledge_documents() if d.id == "faq:forced_socialisation")
    for rule in stage.end_early_if:
        assert rule in doc.brief
        assert rule in doc.detail
    assert "distressed rather than just restless" in doc.brief


def test_a_long_question_is_refused() -> None:
    with pytest.raises(InputError, match="at most 500 characters"):
        ask("rat " * 200)


@given(st.text(max_size=200))
def test_any_text_gets_an_answer_or_an_input_error(text: str) -> None:
    try:
        result = ask(text)
    except InputError:
        return
    assert result.answered == bool(result.answers)
    assert result.answered or result.topics


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("ma wee rat's been bleedin fae her nose aw mornin", "faq:bleeding"),
        ("how aften dae ye clean oot the cage", "faq:cleaning"),
        ("he's wheezin an clickin, cannae get his breath", "faq:breathing_trouble"),
        ("tachypnoeic buck with marked dyspnoea", "faq:breathing_trouble"),
        ("suspected fracture of the forelimb after a fall from height", "faq:injured_rat"),
        ("the doe is emaciated", "faq:weight_loss"),
        ("can rats eat water melon", "food:watermelon"),
    ],
)
def test_dialect_clinical_and_split_words_read_as_the_plain_words(
    question: str, expected: str
) -> None:
    result = ask(question)
    assert result.answers, question
    assert result.answers[0].id == expected


@pytest.mark.parametrize(
    "question",
    [
        "what rat poison works best in the garage",
        "how much mouse bait should I put down",
    ],
)
def test_poison_put_down_is_pest_control(question: str) -> None:
    assert ask(question).why == "off_topic"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("my rat chewed some of the rat poison in the shed", "faq:ate_something_toxic"),
        ("are grapes poison for rats", "food:grapes"),
    ],
)
def test_poison_a_rat_ate_is_an_emergency_and_said_of_a_food_a_safety_question(
    question: str, expected: str
) -> None:
    assert ask(question).answers[0].id == expected


def test_an_emergency_in_one_clause_comes_first_whatever_the_rest_asks() -> None:
    result = ask("can they have some cucumber, oh and his paw has been bleeding for an hour")
    assert result.answers[0].id == "faq:bleeding"


def test_a_describing_word_names_no_food_when_the_thing_is_unknown() -> None:
    # "cooked" only describes foods; the chestnut has no entry of its own.
    assert ask("can rats eat chestnuts cooked").answers[0].id == "faq:treats"


def test_an_animal_that_only_says_whose_a_thing_is_is_not_the_subject() -> None:
    assert ask("my rat can drink the milk of goat?").answers[0].id == "food:milk"
    assert ask("can my hamster drink milk").why == "off_topic"


@pytest.mark.parametrize(
    "question", ["set a timer for five minutes", "remind me to buy bread", "what's the time"]
)
def test_a_voice_assistant_s_commands_get_no_answer(question: str) -> None:
    assert not ask(question).answers


def test_a_pet_named_after_a_food_is_a_name_unless_the_question_asks_about_eating() -> None:
    assert ask("Our girls Nutmeg and Honey keep fighting").answers[0].id == "faq:boxing"
    assert ask("can rats eat Honey").answers[0].id == "food:honey"


def test_a_question_about_a_person_alone_gets_no_answer() -> None:
    assert ask("my newborn has a temperature, what should I do").why == "off_topic"
    # A bite, or a word that may stand for the rat, makes it the rat's question.
    assert ask("bit my thumb, do I need a doctor").answers[0].id == "faq:bitten_person"
    assert ask("she got my thumb and it's bleeding").answers


@pytest.mark.parametrize(
    "question",
    [
        "he has swallowed some of my sleeping tablets",
        "she licked the oven cleaner off the tray",
        "my rat drank some of the fabric softener",
    ],
)
def test_something_a_rat_already_swallowed_is_the_ingestion_emergency(question: str) -> None:
    result = ask(question)
    assert result.answers, question
    assert result.answers[0].id == "faq:ate_something_toxic"


def test_asking_whether_an_unknown_thing_may_be_eaten_still_gets_the_treats() -> None:
    assert ask("can rats eat kohlrabi").answers[0].id == "faq:treats"


@pytest.mark.parametrize(
    "question",
    [
        "my shoulder aches after work",
        "I feel dizzy when I stand up",
        "my husband's knee is swollen",
        "phone my dad",
    ],
)
def test_the_asker_s_own_body_or_errands_get_no_answer(question: str) -> None:
    assert not ask(question).answered, question


@pytest.mark.parametrize(
    "question",
    [
        "how long do I cook an egg for my rats",
        # eating, a symptom: the bone eaten, not the asker's cooking
        "How long after eating a cooked chicken bone will symptoms show",
    ],
)
def test_cooking_beside_a_rat_eating_or_a_symptom_is_answered(question: str) -> None:
    assert ask(question).answered, question


@pytest.mark.parametrize(
    "question",
    [
        "what is the train from london to leeds",
        # an alarm common in other subjects, or one in a question naming no rat, outweighs none
        "he caught the train from leeds",
        "how much does the moon weigh",
        "my gerbil is bleeding from her tail",
        "how long do I boil pasta",
    ],
)
def test_an_alarm_does_not_make_another_subject_or_animal_answered(question: str) -> None:
    assert not ask(question).answered, question


def test_a_rat_named_beside_the_asker_s_body_is_still_answered() -> None:
    assert ask("my rat bit my thumb").answers[0].id == "faq:bitten_person"


def test_a_sound_word_beside_a_sneeze_is_the_sneeze_not_a_squeak() -> None:
    assert ask("my rat sounds all snotty").answers[0].id == "faq:sneezing_porphyrin"


def test_a_poisonous_plant_named_is_a_toxic_plant() -> None:
    assert ask("my rat chewed a foxglove leaf").answers[0].id == "faq:ate_something_toxic"


def test_an_emergency_without_its_alarm_word_does_not_outrank_the_question_asked() -> None:
    result = ask("what are the steps for introducing a cat to my rats")
    assert result.answers[0].id != "faq:caught_by_cat"


def test_a_longer_phrase_read_through_articles_wins_over_a_shorter_one() -> None:
    assert not ask("there is a rat in our kitchen, how do I stop it").answered


def test_an_adverb_in_ically_is_read_as_its_adjective() -> None:
    from ratbond.care.words import stem

    assert stem("frantically") == stem("frantic")
    assert stem("erratically") == stem("erratic")


def test_a_thing_named_only_to_give_a_size_is_not_what_is_asked() -> None:
    assert ask("found a bump the size of a blueberry on her flank").answers[0].id == "finding:lump"


def test_i_feel_as_a_hedge_does_not_make_the_asker_the_subject() -> None:
    assert ask("I feel like the cage is too small for them").answered


@pytest.mark.parametrize(
    "question",
    [
        # a pronoun agreeing with the person named before it stands for that person
        "my aunt says her hip is sore, what should she take",
        "my nephew says his tummy hurts, is it something he ate?",
        # a part of a person's body no rat's question names alone
        "twisted ankle, should I rest it?",
        # arithmetic and trivia
        "whats twelve divided by 4",
        "how many planets are in the solar system",
    ],
)
def test_a_person_s_health_arithmetic_and_trivia_get_no_answer(question: str) -> None:
    assert not ask(question).answered, question


def test_a_pronoun_that_does_not_agree_with_the_person_may_be_the_rat() -> None:
    assert ask("my aunt says he keeps sneezing").why != "off_topic"


def test_a_word_spelled_as_it_sounds_is_read_as_the_word() -> None:
    result = ask("my rat skreems when i pick her up")
    assert ("skreems", "screams") in result.corrections
    assert result.answers[0].id == "sign:vocalisations/squeak"


def test_an_alarm_only_wondered_about_does_not_outrank_what_was_seen() -> None:
    result = ask("she has dark red crust round her nose in the mornings. is that blood?")
    assert result.answers[0].id == "faq:sneezing_porphyrin"


def test_pest_control_words_are_not_read_across_the_owner_s_rats() -> None:
    assert ask("can a cat and rats share a house, or would it kill my rats?").answered
    assert ask("the cat next door watches my rats in the garden").why != "off_topic"
    assert not ask("how do I kill the rats in my shed").answered
    assert not ask("how do I get rid of rats in the garden").answered


def test_a_weight_given_with_its_unit_that_went_down_is_weight_loss() -> None:
    assert ask("she dropped 30g this month").answers[0].id == "faq:weight_loss"


def test_an_animal_that_begins_a_food_s_name_names_the_food() -> None:
    result = ask("could I give my rats a scoop of dog kibble from the bag")
    assert result.answers[0].id == "food:dog kibble"


def test_a_pronoun_beside_what_owners_call_their_rats_is_not_a_person_s() -> None:
    assert ask("my daughter says her boy has a sore foot").answered


@pytest.mark.parametrize(
    "question",
    [
        "I found blood in the cage this morning",
        "my house temperature is 15C, too cold?",
        "I am so tired of the smell, how often should I clean the cage",
    ],
)
def test_the_asker_s_words_about_the_home_or_the_cage_are_still_answered(question: str) -> None:
    assert ask(question).answered, question


def test_a_cage_s_measures_are_no_sum() -> None:
    assert ask("cage is 80 x 50 x 80 cm, big enough for 3 rats?").answered


def test_a_child_s_regular_past_tense_is_the_irregular_verb() -> None:
    assert ask("my rat eated a crayon is she ok").answers[0].id == "faq:ate_something_toxic"
    assert ask("the cat catched my rat").answers[0].id == "faq:caught_by_cat"


def test_a_bite_to_the_owner_s_sibling_is_a_bite_to_a_person() -> None:
    assert ask("my rat bit my sister, should she see a doctor").answers[0].id == (
        "faq:bitten_person"
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how do I — my rat's paw is bleeding badly — how do I stop it", "faq:bleeding"),
        ("should I — he is gasping for air — should I call the vet", "faq:breathing_trouble"),
        ('my son shouted — "the cat\'s got the rat!" — what now', "faq:caught_by_cat"),
        ('my daughter screamed — "she\'s not breathing!" — help', "faq:breathing_trouble"),
    ],
)
def test_an_aside_between_dashes_that_tells_an_alarm_is_kept(question: str, expected: str) -> None:
    assert ask(question).answers[0].id == expected


def test_an_aside_between_dashes_that_only_interrupts_is_left_out() -> None:
    assert ask("what should rats eat every — sorry — every day").answers[0].id == "faq:base_diet"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("my rat's nose is *bleeding", "faq:bleeding"),
        ("he is *gasping, what do I do", "faq:breathing_trouble"),
        ("won't stop breeding *bleeding", "faq:bleeding"),
    ],
)
def test_a_starred_word_corrects_a_slip_or_else_stays(question: str, expected: str) -> None:
    assert ask(question).answers[0].id == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("we adopted a 2 year old, she's having seizures", "faq:injured_rat"),
        ("we got a two year old from a rescue, she's losing weight fast", "faq:weight_loss"),
        ("got a 3 month old from the pet shop, she's wheezing", "faq:breathing_trouble"),
    ],
)
def test_an_age_beside_an_alarm_told_is_the_rat_s(question: str, expected: str) -> None:
    assert ask(question).answers[0].id == expected


def test_an_age_without_an_alarm_told_is_a_child_s() -> None:
    assert not ask("can a 2 year old eat grapes whole, should I cut them up").answered


@pytest.mark.parametrize(
    "question",
    [
        "my rat was chewing the windscreen wiper fluid bottle and drank some",
        "my rat ate some engine oil",
        "my rat ate my lipstick, is it toxic",
    ],
)
def test_a_thing_of_another_subject_that_a_rat_ate_is_still_answered(question: str) -> None:
    assert ask(question).answers[0].id == "faq:ate_something_toxic"


def test_of_two_alarms_the_one_that_threatens_life_now_leads() -> None:
    # not breathing leads over red tears or bleeding; a bleed that will not stop is the bleeding
    result = ask("he is bleeding from his eye and not breathing")
    assert result.answers[0].id == "faq:breathing_trouble"
    result = ask("his nose won't stop bleeding and he keeps sneezing")
    assert result.answers[0].id == "faq:bleeding"
    # ... never in a question that only wonders, nor over a bite (the blood is the person's)
    assert ask("red crust round his eye, is it blood?").answers[0].id == "faq:sneezing_porphyrin"
    result = ask("my rat bit my finger and it won't stop bleeding")
    assert result.answers[0].id == "faq:bitten_person"


@pytest.mark.parametrize("question", ["he's fitting", "she's having a fit", "my rat keeps fitting"])
def test_fitting_said_as_a_state_is_a_seizure(question: str) -> None:
    assert ask(question).answers[0].id == "faq:injured_rat"


def test_a_cage_fitting_two_rats_is_no_seizure() -> None:
    assert ask("which cage is fitting for two rats").answers[0].id != "faq:injured_rat"


def test_a_cat_s_catch_of_a_pet_is_no_pest_control() -> None:
    result = ask("The cat got the rat in the kitchen, had him right in its mouth")
    assert result.answers[0].id == "faq:caught_by_cat"
    assert not ask("poison for rats in the barn that won't hurt the cat?").answered
    assert not ask("how do I get rid of the rats in the barn without my cat catching them").answered


def test_another_subject_a_thing_smells_like_is_a_likening() -> None:
    result = ask("the cage smells like a sewer, how often should I clean it?")
    assert result.answers[0].id == "faq:cleaning"
    assert not ask("rats in the sewer, how do I get rid of them").answered


@pytest.mark.parametrize(
    "question",
    [
        "asking for myself, not my rat: I've had a cough for a week, is it a chest infection?",
        "DD (9) has had a rash on her arms for days, what cream works?",
        "I have mal di gola since yesterday, which medicine?",
        "I have high temperature since two days, what do I take?",
        "how do I fix my sleep schedule, I'm up till 3am",
    ],
)
def test_the_asker_s_own_health_is_no_rat_s(question: str) -> None:
    # a rat set aside ("not my rat"), a forum's short names for family (DS, DD), Italian
    # ailments, a temperature without an article and the asker's sleep are a person's
    assert not ask(question).answered


@pytest.mark.parametrize(
    "question",
    [
        "my boss wants me to do overtime on Sunday, can he?",
        "what is the fastest way to learn english grammar?",
        "sorry, pocket typed",
    ],
)
def test_work_language_lessons_and_stray_messages_are_off_topic(question: str) -> None:
    assert not ask(question).answered


def test_a_rat_beside_a_person_s_words_is_still_the_rat_s() -> None:
    assert ask("my rat has had a cough for a week").answered
    assert ask("my rat bit my boss, is that bad").answered


def test_a_scanned_question_is_read_through_its_misread_letters() -> None:
    # "rn" read for "m", "0" for "o", "1" for "l" or "i", "l" for "I"
    result = ask("rny rat has b1ood c0rning frorn her nose, h0w d0 I st0p it")
    assert result.answers[0].id == "faq:bleeding"
    assert ask("ls it 0k to give thern a 1itt1e banana?").answers[0].id == "food:banana"
    # ... only in a text a scanner read: a word with no digit anywhere near stays as written
    assert not ask("I have mal di gola for a week, what do I take?").answered


def test_misread_finds_the_word_of_the_fewest_misreadings() -> None:
    from ratbond.care.words import misread

    pairs = (("rn", "m"), ("0", "o"), ("1", "l"))
    assert misread("c0rnp1ete1y", pairs, {"completely"}.__contains__) == "completely"
    assert misread("rnorning", pairs, {"morning"}.__contains__) == "morning"
    assert misread("xyz", pairs, {"completely"}.__contains__) is None


def test_a_rat_held_in_a_cat_s_teeth_is_caught() -> None:
    result = ask("our cat had the rat in his teeth, he's hiding now, what do I do?")
    assert result.answers[0].id == "faq:caught_by_cat"


def test_hobbling_is_an_injury() -> None:
    assert ask("my rat is hobbling on her front paw").answers[0].id == "faq:injured_rat"


def test_a_swig_is_a_thing_drunk_and_a_fond_insult_names_no_animal() -> None:
    # "daft bat" is a person; a swig of something is a thing a rat drank
    result = ask("my brother gave the rats a swig of his homebrew, daft bat, will they be ok?")
    assert result.answered
    assert result.answers[0].id == "faq:ate_something_toxic"


def test_a_cat_in_italian_or_swedish_is_a_cat_and_no_guess_makes_one() -> None:
    assert "cat" in ask("can my gatto and my rats ever be friends").terms
    assert "cat" in ask("will the katt hurt my rats").terms
    # an unknown word is no slip for a cat's name in another language
    assert "cat" not in ask("can my rat eat natto").terms


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("can my rats have a bit of pomodoro", "food:tomato"),
        ("is basilico safe for rats", "food:basil"),
        ("my rat licked my cappuccino, is coffee bad", "food:caffeine"),
        ("who can mind my rats while we are on semester in Spain", "faq:sitter"),
        ("should my rats go to an animal pension while I travel", "faq:sitter"),
        ("can I lift my rat by the tail", "faq:picking_up"),
    ],
)
def test_words_of_other_languages_and_false_friends_find_their_entry(
    question: str, expected: str
) -> None:
    assert ask(question).answers[0].id == expected


def test_a_clause_turning_to_another_case_names_the_other_animal_aside() -> None:
    # "or is that just dogs" turns to another case: the food asked about is the rats'
    result = ask("is chocolate poison for rats or is it only dogs")
    assert result.answers[0].id == "food:chocolate"
    # ... while a poison feared after a rat ate something is still an emergency
    result = ask("my rat got into the slug pellets in the shed, is it poison?")
    assert result.answers[0].id == "faq:ate_something_toxic"


def test_a_hoop_in_italian_is_a_hoop() -> None:
    result = ask("how do I teach my rat to go through a cerchio")
    assert "hoop" in result.terms
    assert "program:trick-hoop" in [doc.id for doc in result.answers]


def test_what_a_thing_is_to_be_done_without_is_context() -> None:
    # the fear after "without" is the condition; the handling is asked
    result = ask("How do I take in hand my girl without making her scared? She runs always away")
    assert result.answers[0].id == "faq:picking_up"
    # ... but another subject named there still counts
    assert not ask("how to clear rats from the barn without poisoning the dog").answered


def test_the_small_words_of_arabic_speakers_are_filler() -> None:
    result = ask("yalla, can my rat eat banana habibi?")
    assert "habibi" not in result.terms
    assert result.answers[0].id == "food:banana"


def test_pets_becoming_friends_or_used_to_each_other_live_together() -> None:
    assert ask("can my cat and my rats become friends").answers[0].id == "faq:cats_and_rats"
    result = ask("how will the cat and the rats get used to each other")
    assert result.answers[0].id == "faq:cats_and_rats"


def test_whole_and_often_as_a_dyslexic_writer_spells_them() -> None:
    result = ask("how offen do i clean the hole thing out")
    assert "injury" not in result.terms
    assert result.answers[0].id == "faq:cleaning"


def test_a_last_sentence_left_without_its_mark_still_wonders() -> None:
    # "is he hurt" asks, question mark or not: what was seen (the bruxing) is answered
    result = ask("my rat keeps grinding his teeth and boggling?? is he ok or is he hurt")
    assert result.answers[0].id != "faq:injured_rat"


def test_a_flavour_of_crisps_is_crisps() -> None:
    assert ask("my rat nicked a ready salted, is that bad").answers[0].id == "food:crisps"


def test_a_pasted_chat_is_read_message_by_message() -> None:
    from ratbond.care.ask import _unchatted

    text = "[08:01] Sam: Pip ate a grape [08:02] Dad: really? [08:02] Sam: is that bad"
    assert _unchatted(text) == "Pip ate a grape. really? is that bad"
    # the writers' names are gone, and the last message asks on its own
    chat = (
        "[21:10] Ava: Pip makes an odd squeaky chirp when I walk by "
        "[21:11] Dad: is she ok? [21:11] Ava: what do the noises mean"
    )
    result = ask(chat)
    assert result.answers[0].id == "faq:sounds"


def test_a_last_sentence_opening_with_a_wh_word_asks_without_its_mark() -> None:
    result = ask("we have had a cat for years. can a rat join? how do they get to know each other")
    assert result.answers[0].id == "faq:cats_and_rats"
    # ... getting to know each other is living together
    assert "each" not in result.terms


def test_does_spelled_dose_opens_a_clause_that_wonders() -> None:
    # "dose that mean there hurt" wonders whether the rat is hurt: no emergency
    result = ask("my rats make a squeaking sound when i hold them, dose that mean they are hurt")
    assert result.answers[0].id == "faq:sounds"


def test_a_rat_a_person_is_allergic_to_is_not_the_subject() -> None:
    # the person's allergy to rats, and medicine for the person: no answer
    result = ask("my flatmate has a rat allergy, which tablets work best for the human?")
    assert not result.answers
    assert not ask("allergic to the rats, what should a human take for it?").answers
    # ... a rat's own allergy is still answered
    assert ask("can my rat have an allergy to his bedding?").answers


def test_how_a_dish_turns_out_is_the_askers_cooking() -> None:
    assert not ask("how do I get a pizza base crispy underneath?").answers


def test_a_contrast_sets_aside_what_it_is_not() -> None:
    from ratbond.care.ask import _contrasted, _index

    words = ["not", "the", "red", "tears", "but", "real", "drops", "of", "blood"]
    assert _contrasted(_index(), words) == ["real", "drops", "of", "blood"]
    # ... "not" with no article after it is the worry itself
    assert _contrasted(_index(), ["not", "eating", "but", "drinking"]) == (
        ["not", "eating", "but", "drinking"]
    )


def test_understatement_and_shorthand_of_an_emergency_are_read() -> None:
    # claret is blood; a hedge ("slightly", "I'm afraid") tells nothing
    result = ask("a fair bit of claret from his paw, I'm afraid, slightly worrying")
    assert result.answers[0].id == "faq:bleeding"
    # "w/" is with, and pressure held on a wound is first aid for bleeding
    result = ask("tail tip cut, still oozing w/ direct pressure after 5 min")
    assert result.answers[0].id == "faq:bleeding"
    # ... and a wine stain on a carpet is the home's, with no rat
    assert not ask("spilt some claret, how to get the wine out of the rug?").answers
    # a chart's "emergent?" asks whether it is an emergency
    result = ask("open mouth breathing and porphyrin on the nose, emergent?")
    assert result.answers[0].id == "faq:breathing_trouble"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a translation's words: alimentation is the diet, making the acquaintance introducing
        ("which daily alimentation do two rats want", "faq:base_diet"),
        ("best way to make the acquaintance of a new rat with my others", "faq:introduce_rats"),
        (
            "why does my rat emit cries when I stroke her",
            ("sign:vocalisations/squeak", "faq:sounds"),
        ),
        # tea by its British names, potatoes in Appalachia
        ("can rats have a sip of darjeeling", "food:caffeine"),
        ("are taters ok raw for rats", "food:raw potato"),
        # understatement's ways of asking whether a thing is safe, and of play-fighting
        ("is a bit of broccoli frowned upon for rats", "food:broccoli"),
        ("my two lads are on their back legs in a set-to, just high spirits?", "faq:boxing"),
    ],
)
def test_words_of_translation_dialect_and_understatement(
    question: str, expected: str | tuple[str, ...]
) -> None:
    wanted = (expected,) if isinstance(expected, str) else expected
    assert ask(question).answers[0].id in wanted


def test_appalachian_and_translated_words_of_living_and_handling() -> None:
    # "plumb" only stresses; sharing a house is living together
    result = ask("my old cat is plumb gentle, can the rats live in the same house as her?")
    assert result.answers[0].id == "faq:cats_and_rats"
    assert "plumb" not in result.terms
    # one of several picked up, and rats that skitter off are scared
    result = ask("how do I pick one of 'em up when they skitter off")
    assert {"pick up", "scar"} <= set(result.terms)
    assert ask("how to take the rat in hand").answers[0].id == "faq:picking_up"
    # where a food was grown says nothing of it
    assert ask("can rats have some broccoli from the allotment").answers[0].id == "food:broccoli"


def test_hedges_of_force_and_feeding_shorthand_are_filler() -> None:
    # "rather firmly" says how hard, not what: a nip on the knuckle that bled is the bite
    result = ask("she nipped me rather firmly on the thumb and there's a touch of claret")
    assert result.answers[0].id == "faq:bitten_person"
    # "ad lib" (fed freely) and "that'd" are no words of what is asked
    terms = ask("lab blocks ad lib, that'd be enough?").terms
    assert not {"ad", "lib", "thatd"} & set(terms)


def test_breathing_through_the_mouth_is_grave() -> None:
    # beside red tears, a rat breathing through its mouth or gasping is short of air now
    for question in ("open mouth breathing and porphyrin on the nose?", "red tears and gasping"):
        assert ask(question).answers[0].id == "faq:breathing_trouble"


def test_consume_asks_what_may_be_eaten_and_consumed_was_swallowed() -> None:
    assert ask("rats can consume cheese?").answers[0].id == "food:cheese"
    assert ask("he consumed a whole pill").answers[0].id == "faq:ate_something_toxic"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("sent by accident - my rat was caught by the cat, what do i do", "faq:caught_by_cat"),
        ("sorry wrong chat. my cat grabbed my rat, what do i do", "faq:caught_by_cat"),
        ("my boss kept me late and the cat got my rat", "faq:caught_by_cat"),
        ("overtime again tonight and my rat is losing weight fast", "faq:weight_loss"),
        ("my manager is furious. the cat got my rat. what now?", "faq:caught_by_cat"),
        ("pocket typed earlier, sorry. my rat is thin and losing weight", "faq:weight_loss"),
    ],
)
def test_an_alarm_told_of_a_named_rat_outweighs_asides(question: str, expected: str) -> None:
    # the asker's work or a message sent to the wrong chat said beside a rat's emergency is
    # context: an alarm common in other subjects ("got", "losing weight") counts when the
    # clause telling it names a rat
    assert ask(question).answers[0].id == expected


@pytest.mark.parametrize(
    "question",
    [
        "can i leave my rats alone on my days off",
        "i work overtime, will my rats be lonely",
        "on my day off i want to teach my rat tricks, where to start",
        "can rats learn english words",
        "sorry wrong chat, but also my rat is sneezing",
        "my salary is low, what is the cheapest good cage for my rats?",
    ],
)
def test_an_aside_beside_a_rat_in_the_sentence_that_asks_is_answered(question: str) -> None:
    # an aside makes a question off-topic only when the sentence that asks names no rat
    assert ask(question).answered


@pytest.mark.parametrize(
    "question",
    [
        "my boss is angry with me. what do i do?",
        "my rat is asleep. can my employer make me work overtime?",
        "sorry wrong chat",
    ],
)
def test_an_aside_with_no_rat_where_it_asks_stays_off_topic(question: str) -> None:
    assert not ask(question).answered


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("she is walking without using her back leg since she fell", "faq:injured_rat"),
        ("she drinks without problems but she ate chocolate earlier", "food:chocolate"),
        ("she eats without any trouble and then she ate rat poison", "faq:ate_something_toxic"),
        ("she manages without food and is losing weight", "faq:weight_loss"),
    ],
)
def test_a_condition_ends_at_a_conjunction_and_a_told_alarm_is_none(
    question: str, expected: str
) -> None:
    # what "without" governs ends at the next clause break or conjunction (and, but, since,
    # then), and an alarm or an eating verb in a sentence telling what happened is told
    assert ask(question).answers[0].id == expected


def test_what_is_asked_to_be_done_without_is_still_a_condition() -> None:
    assert ask("how do i pick him up without him getting scared").answers[0].id == (
        "faq:picking_up"
    )
    assert not ask("clear the rats out of the grain store without poisoning the dogs").answered


@pytest.mark.parametrize(
    "question",
    [
        "he chewed my houseplant, is the plant poison",
        "is the plant poison, he ate a leaf",
        "she ate a bunch of apple pips, are the pips poison",
        "is the green potato poison, he ate a whole one",
        "he licked some bleach, is it poison",
        "she nibbled a daffodil bulb, is that poison?",
    ],
)
def test_a_poison_wondered_about_beside_something_eaten_is_the_emergency(question: str) -> None:
    # "is X poison" asks whether X is safe only when nothing was eaten
    assert ask(question).answers[0].id == "faq:ate_something_toxic"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("are grapes poison", "food:grapes"),
        ("grapes, is it poison", "food:grapes"),
        ("is chocolate poison to rats", "food:chocolate"),
        ("I gave them mango, did I poison them?", "faq:treats"),
    ],
)
def test_a_poison_wondered_about_with_nothing_eaten_asks_if_safe(
    question: str, expected: str
) -> None:
    assert ask(question).answers[0].id == expected


@pytest.mark.parametrize(
    "question",
    [
        "he was left without a heater and now has a rattly breath",
        "my rat was left overnight and now has a rattly breath",
        "he stayed at my friend's house and now has a crackly breath",
    ],
)
def test_an_unmarked_clause_asks_only_with_its_verb_before_its_subject(question: str) -> None:
    # "(and now) has a rattly breath" tells the breath; "is she ok" asks
    assert ask(question).answers[0].id == "faq:breathing_trouble"


def test_an_unmarked_last_clause_with_its_verb_first_still_wonders() -> None:
    question = (
        "grinding her teeth and her eyes are doing a bulgy thing?? is she ok or is she broken"
    )
    assert ask(question).answers[0].id == "sign:vocalisations/bruxing"


@pytest.mark.parametrize(
    "question",
    [
        "my kiten bit my rat",
        "our kitte attacked my rat",
        "my catto bit my rat",
        "our moggie attacked my rat",
        "our kiten got my rat",
    ],
)
def test_a_typo_of_a_cat_word_is_the_cat(question: str) -> None:
    # a guess never lands on an animal ratbond does not cover, but a cat word stays guessable
    # when the guess keeps the word's first letter ("natto" is still no "gatto")
    assert ask(question).answers[0].id == "faq:caught_by_cat"
    assert "cat" not in ask("can my rat eat natto").terms


@pytest.mark.parametrize(
    "question",
    [
        "my rat held the other rat in his teeth by the neck",
        "during introductions she grabbed him in mouth and shook him",
    ],
)
def test_a_rat_in_teeth_with_no_cat_to_hold_it_is_no_catch(question: str) -> None:
    # a rat held in a mouth is a cat's catch only with a cat named to hold it
    result = ask(question)
    assert not result.answers or result.answers[0].id != "faq:caught_by_cat"


@pytest.mark.parametrize(
    "question", ["the cat took the rat in teeth", "our cat had him in mouth, what do i do"]
)
def test_a_rat_in_a_cat_s_teeth_is_a_catch(question: str) -> None:
    assert ask(question).answers[0].id == "faq:caught_by_cat"


@pytest.mark.parametrize(
    "question",
    [
        "sup everyone! what's the best cage for two boys",
        "sup, how long do rats live",
        "my rat lapped the cage twice",
    ],
)
def test_sup_and_lapped_with_nothing_drunk_are_no_drinking(question: str) -> None:
    result = ask(question)
    assert not result.answers or result.answers[0].id != "faq:ate_something_toxic"


@pytest.mark.parametrize("question", ["a swig o' her bitter, daft bat", "he lapped up some bleach"])
def test_sup_and_lapped_with_a_thing_drunk_are_drinking(question: str) -> None:
    assert ask(question).answers[0].id == "faq:ate_something_toxic"


@pytest.mark.parametrize(
    "question",
    [
        "how can my rat and i get to know each other better",
        "how do i become friends with my rat",
        "how can i make friends with my shy rat",
    ],
)
def test_the_asker_and_a_rat_getting_to_know_each_other_is_trust(question: str) -> None:
    # "each other" is pets living together only when both sides are animals
    first = ask(question).answers[0].id
    assert first in {"faq:tame_a_rat", "faq:trust_signs", "faq:shy_rat"}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how do i get my rats to become friends", "faq:introduce_rats"),
        ("how do i get my rat and cat to become friends", "faq:cats_and_rats"),
    ],
)
def test_two_animals_getting_to_know_each_other_live_together(question: str, expected: str) -> None:
    assert ask(question).answers[0].id == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("my rat is lying there without breathing properly", "faq:breathing_trouble"),
        ("she can't move without limping", "faq:injured_rat"),
        ("he cannot walk without limping since yesterday", "faq:injured_rat"),
    ],
)
def test_a_manner_or_a_negation_undoes_without(question: str, expected: str) -> None:
    assert ask(question).answers[0].id == expected


def test_without_still_denies_the_alarm_it_governs() -> None:
    assert ask("how do i clip his nails without hurting him").answers[0].id == "faq:grooming"
    question = "Whats the right way to pick up a rat without hurting him"
    assert ask(question).answers[0].id == "faq:picking_up"


def test_the_size_of_a_pack_bought_is_no_rats_weight() -> None:
    question = "Can the rats share the sunflower hearts? I buy them by the 20 kg sack."
    assert ask(question).answers[0].id == "food:sunflower seeds"
    assert ask("my rat lost 20 g, he weighs 400 g now").answers[0].id == "faq:weight_loss"


def test_a_persons_panic_attack_is_no_fight() -> None:
    assert not ask("my heart pounds in time trouble, is this a panic attack?").answers
    question = "my rat seems to have panic attacks when I pick her up, is that normal?"
    assert ask(question).answers[0].id == "faq:picking_up"

"""Ask: a car, a computer's mouse, a shop's luck or a rat as a nickname is not a pet question."""

from __future__ import annotations

import pytest

from ratbond.care.ask import ask


@pytest.mark.parametrize(
    "question",
    [
        "a souris got into the garage and chewed a cable, how do I catch it",
        "my Toyota squeaks when I go over bumps, anyone know why?",
        "the steering is stiff in my truck, what could it be",
        "is it lucky to open a shop in the year of the rat",
        "feng shui tips for a new business",
        "where can I buy a rat fink t-shirt",
        "best classic car shows near me this summer",
        "a car drove through the crossing, do I report the number plate to the police",
        "someone shouted 'you dirty rat' at me, which film is it from?",
        "my cat caught a miu in the garden and ate half, then vomited. dangerous for her?",
        # a rat only likened to, or a name given to a person
        "my bike chain squeaks like a rat when I pedal, how do I fix it",
        "people at work called me a rat, is that rude",
        # a dish's making, its flour and its skin
        "how much flour do I need for dumpling skin",
        # another animal, however written, the stars, a computer's RAT, the asker's own state
        "My Meerschweinchen sneezes since three days and has red around the eyes.",
        "My client's shih-tzu has red staining under her eyes and sneezes after every groom.",
        "What's a rat's star sign, and is she compatible with me as a Leo?",
        "Endpoint monitoring flagged malware, how do I ssh in and check the uptime?",
        "I'm losing weight and short of breath on call. Is that for a GP or just burnout?",
        # another animal's own emergency, by its own name
        "My dog Rex is bleeding from his paw, what do I do?",
        # a bird of prey's ailment
        "My Harris hawk has a swollen pad on her right foot, looks like bumblefoot. How to treat?",
    ],
)
def test_another_subject_gets_no_answer(question: str) -> None:
    assert not ask(question).answers, question


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("is banana safe for my rat", "food:banana"),
        ("can my rat have a sip of cola", "food:carbonated drinks"),
        ("my rat squeaks like a mouse when I pick him up, why", "sign:vocalisations/squeak"),
        # how the asker is fond of a rat
        ("My young doe has a lump on her side, is it cancer?", "finding:lump"),
        ("Can rats have cherry tomatoes on the vine?", "food:tomato"),
        # a rat hurt by another animal, its part bleeding now, is its emergency
        ("My rat was attacked by a dog, his back is bleeding", "faq:bleeding"),
        # a leg not put down, or a walk gone strange, after a fall, in a learner's words
        (
            "Gosho fall from top of cage when I open the door, now he not put back leg on floor"
            " and walk strange",
            "faq:injured_rat",
        ),
        (
            "Kestrel attacked Pip in the outdoor playpen, deep wounds, what do I do?",
            "faq:injured_rat",
        ),
        ("How do I let Morse know I'm fond of him?", "faq:show_love"),
    ],
)
def test_a_rat_question_is_still_answered(question: str, expected: str) -> None:
    assert ask(question).answers[0].id == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("My gran says grapes'll kill a rat. Is that right?", "food:grapes"),
        ("Someone told me avocado can kill my rats, true?", "food:avocado"),
        # pest control names the rats it kills, or a medicine or a poison for them
        ("Will peanut butter and baking soda kill rats in my garage?", "none"),
        ("Does instant mashed potato kill rats? We have them in the loft.", "none"),
        ("Many rats come in from the drain, which medicine is best to kill them?", "none"),
        (
            "Many rats come in my store and eat the sacks. How I kill them? Which poison is good?",
            "none",
        ),
        # a fear of having poisoned one's own rats is no pest control
        (
            "Can rats eat tuna or will the mercury slowly poison them? I use the tinned one,"
            " once a week",
            "food:tinned tuna",
        ),
    ],
)
def test_a_food_said_to_kill_a_pet_rat_asks_whether_it_is_safe(
    question: str, expected: str
) -> None:
    answers = ask(question).answers
    assert (answers[0].id if answers else "none") == expected


def test_another_animals_deed_on_a_named_pet_is_its_emergency() -> None:
    question = (
        "The Dackel of my neighbour has Fritzi in the garden caught and shaken. Now she has"
        " two small holes in the back and it bleeds a little. Must I go to the vet today?"
    )
    assert ask(question).answers[0].id in {"faq:caught_by_cat", "faq:injured_rat", "faq:bleeding"}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a word of another subject said in passing outweighs no emergency and no rat question
        ("my rat is bleeding and I'm hungover, help", "faq:bleeding"),
        ("my rat's star sign is Leo lol. anyway, can she eat grapes?", "food:grapes"),
        # a rat named after another animal is still a rat; "Dog food" is the food
        ("my rat Corgi ate chocolate", "food:chocolate"),
        ("Is Dog food OK for the Rat? we have a big bag in the garage", "food:dog kibble"),
    ],
)
def test_a_rat_question_with_another_subjects_word_is_answered(
    question: str, expected: str
) -> None:
    assert ask(question).answers[0].id == expected

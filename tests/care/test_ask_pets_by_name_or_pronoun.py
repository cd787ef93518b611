"""Ask: a food named well ahead of every other entry is answered when the pet it is for is
called by its name or by a pronoun, not only by the word rat; a pronoun standing for a person
named before it calls no pet."""

from __future__ import annotations

from asking import first


def test_a_food_for_a_pet_called_by_its_name_is_answered() -> None:
    question = "Bought a box of grapes at the farmers market after my shift. Can Nibbles have one?"
    assert first(question) == "food:grapes"


def test_a_food_for_pets_called_by_a_pronoun_is_answered() -> None:
    assert first("leftover wholemeal crusts after the commute, alright for them?") == (
        "food:wholemeal bread"
    )


def test_a_pronoun_for_a_person_named_before_it_calls_no_pet() -> None:
    assert first("what is the best way to help my son with his spelling, he is dyslexic") == "none"


def test_a_pet_called_by_name_where_the_question_asks_outweighs_an_aside() -> None:
    question = "My brother brought grapes round after football practice. Can Nibbles have one?"
    assert first(question) == "food:grapes"
    # a name that is no pet's, asked about with no yes-or-no word before it, is still an aside
    assert first("Who wins the league this season, City or Arsenal?") == "none"


def test_a_name_with_an_accented_letter_is_a_pets_name() -> None:
    question = (
        "My gran put poison for mice in her cellar and Miško was with me there. I think he"
        " ate some blue grains. Is dangerous?"
    )
    assert first(question) == "faq:ate_something_toxic"


def test_a_capitalised_word_after_a_particle_of_a_dish_is_no_pet() -> None:
    assert first("How I cook the bacalhau à Brás? The potatoes always stay soft.") == "none"
    # nor are the words of a dish's name after one ("bolo de Bolacha Maria")
    assert first("How I cook the bolo de Bolacha Maria? It stays soft.") == "none"

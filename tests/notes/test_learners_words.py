"""A learner's own words of harm from German, Spanish, Portuguese, French and Catalan, read as
the English ones between English words."""

from __future__ import annotations

from casts import cat_rat, rat_rat, read, signals


def test_a_learners_verb_of_harm_is_the_english_one() -> None:
    text = "Tom has with the Pfote through the bars gehauen and Pip gekratzt, a little Blut."
    assert {"swatting", "scratching"} <= signals(cat_rat(text))["tom"]
    assert "biting" in signals(rat_rat("Rex le mordió a Max en la cola."))["rex"]
    text = "Rex made him a mossegada in the leg, and Max has a little hole there now."
    assert "biting" in signals(rat_rat(text))["rex"]
    text = "Tom has made an esgarrapada to Pip in the back."
    assert "scratching" in signals(cat_rat(text))["tom"]


def test_a_learners_word_for_a_wound_is_a_wound() -> None:
    assert "wound" in signals(cat_rat("Pip has a small Wunde on the back."))["pip"]
    assert "wound" in read(rat_rat("Max was gebissen on the tail. I did not see who."))
    assert "wound" in signals(cat_rat("Morning I see Pip ear have qusil."))["pip"]
    assert "wound" in signals(rat_rat("Rex have sugat on nose."))["rex"]
    # a word of one language that is another's everyday word is left out ("kagat ng lamok",
    # a mosquito's bite)
    assert "biting" not in read(rat_rat("Grabe kagat ng lamok dito. Rex okay naman."))


def test_a_learners_own_i_is_the_owner() -> None:
    text = "Tom had Pip in the mouth. Ich habe geschrien, he let her fall."
    assert "squeaking" not in read(cat_rat(text))


def test_a_learners_empty_it_leaves_the_wound_to_the_animal_named_after() -> None:
    assert "wound" in signals(rat_rat("It came blood from Max's ear."))["max"]


def test_it_before_a_wound_is_the_part_not_the_bearer() -> None:
    text = "Max caught the leg in the wheel and cut it, some blood on the wheel."
    assert "wound" in signals(rat_rat(text))["max"]


def test_greek_words_for_blood_a_wound_and_a_bite() -> None:
    text = "Big fight the Rex and the Max, rolling like a ball. After, Max have αίμα on the ear."
    assert "wound" in signals(rat_rat(text))["max"]
    assert "biting" in signals(rat_rat("Rex δάγκωσε Max, small πληγή on the tail."))["rex"]
    assert "wound" not in read(rat_rat("Rex and Max sleep in the hammock, no αίμα, nothing."))


def test_a_cat_in_greek_or_spanish() -> None:
    text = "My son say the γάτα catch Pip with the mouth. She have a small hole on the back."
    assert "biting" in signals(cat_rat(text))["tom"]
    assert "wound" in signals(cat_rat(text))["pip"]

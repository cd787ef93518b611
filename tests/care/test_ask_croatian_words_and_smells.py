"""Ask: a Croatian speaker's cat, rats, blood and grandmother are read; a word for a person is
never taken for a slip of a longer word; and an animal the asker only smells of is no animal
asked about, each both ways."""

from __future__ import annotations

from asking import first


def test_a_croatian_speakers_cat_and_rats() -> None:
    meet = "We take mačka from shelter next week. I have three štakori. How they can meet safe?"
    assert first(meet) in {"program:cat-rat", "faq:cats_and_rats"}
    # the cat's own worms are the cat's: no answer
    assert first("My mačka have worms, I see in her poo. Which tablet is good for mačka?") == (
        "none"
    )


def test_a_croatian_speakers_cat_that_drew_blood_is_an_emergency() -> None:
    caught = "Mačka of neighbour catch Pero. He have two small hole on back, little bit krv."
    assert first(caught) in {"faq:caught_by_cat", "faq:injured_rat"}


def test_a_grandmother_in_croatian_is_a_person_not_a_holiday() -> None:
    assert first("Baka send orasi from her garden. Walnuts. How many I can give?") == (
        "food:walnuts"
    )
    # a holiday still asks for a sitter
    assert first("going on bakasyon for a week, who should feed my rats") == "faq:sitter"


def test_an_animal_the_asker_smells_of_is_no_animal_asked_about() -> None:
    bitten = "Pip nipped me when I put my hand in smelling of dogs, bleeding, need a doctor?"
    assert first(bitten) == "faq:bitten_person"
    # a smell of mice with no asker is the mice: pest control, no answer
    assert first("NEW CAR VENTS SMELL OF MICE: HOW TO CLEAN?") == "none"


def test_a_slovene_speakers_rats_cage_blood_and_mice() -> None:
    assert first("How big must be kletka for three podgane? Shop sells small one") == (
        "faq:cage_size"
    )
    sneeze = "Miško sneeze many times and he have red around eyes and nose, like kri but no wound"
    assert first(sneeze) == "faq:sneezing_porphyrin"
    # mice in the cottage kitchen, and the asker's own allergy since having rats, are no rat's
    assert first("In our vikendica miši eat everything in kitchen. How I make them go away?") == (
        "none"
    )
    allergy = "Since I have podgane my arms are itchy. Which tablet I can take for allergy?"
    assert first(allergy) == "none"

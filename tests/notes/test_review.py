"""The review rules of `ratbond.notes.review`: which readings of a note count, that danger read
from the notes can never be unticked, and the class table the owner picks signals from."""

from __future__ import annotations

from ratbond.engine import class_table
from ratbond.model import Animal
from ratbond.notes import parse_notes
from ratbond.notes.review import (
    NoteReadings,
    note_readings,
    noted_signals,
    question,
    signals_by_class,
    stays,
    ticked_after_answers,
    ticked_after_review,
    to_confirm,
)
from ratbond.programs import builtin_program, builtin_vocabulary

TOM = Animal("tom", "cat", name="Tom", sex="male")
PIP = Animal("pip", "rat", name="Pip", sex="female")
SPECIES = {"tom": TOM.species, "pip": PIP.species}


def cat_rat(text: str) -> NoteReadings:
    classes = class_table(builtin_program("cat-rat"), builtin_vocabulary())
    return note_readings(parse_notes(text, [TOM, PIP], "cat-rat"), SPECIES, classes)


def pairs(read: NoteReadings) -> list[tuple[str, str]]:
    return [(reading.animal, reading.signal) for reading in read.readings]


def test_each_animal_gets_its_own_readings_and_a_denied_one_does_not_count() -> None:
    read = cat_rat("Tom never hissed, but Pip froze by the bars.")
    assert pairs(read) == [("pip", "freezing")]
    (reading,) = read.readings
    assert reading.klass == "stress"
    assert reading.phrases == ("froze",)
    assert not reading.unsure


def test_a_stress_reading_with_no_animal_counts_for_each_candidate() -> None:
    read = cat_rat("Lots of hissing today.")
    assert sorted(pairs(read)) == [("pip", "hissing"), ("tom", "hissing")]
    assert all(reading.unsure for reading in read.readings)
    (unsure,) = read.unsure
    assert unsure.counts


def test_a_calm_reading_with_no_animal_counts_for_no_one() -> None:
    read = cat_rat("Lots of sniffing today.")
    assert read.readings == ()
    (unsure,) = read.unsure
    assert unsure.item.signal == "sniffing"
    assert not unsure.counts


def test_an_unreviewed_animal_gets_every_reading() -> None:
    read = cat_rat("Tom hissed and lunged at the gate.")
    assert noted_signals(read.readings, {}) == {"tom": ("hissing", "lunging")}


def test_a_reviewed_animal_gets_only_aggression_or_danger_it_has_not_ticked() -> None:
    read = cat_rat("Tom hissed and lunged at the gate, Pip froze.")
    assert noted_signals(read.readings, {"tom": [], "pip": []}) == {"tom": ("hissing", "lunging")}
    assert noted_signals(read.readings, {"tom": ["lunging", "hissing"], "pip": []}) == {}
    assert noted_signals(read.readings, {"tom": ["hissing"], "pip": []}) == {"tom": ("lunging",)}


def test_the_owners_review_keeps_what_is_checked_and_every_kept_reading() -> None:
    read = cat_rat("Tom hissed and lunged at the gate, Pip froze.")
    ticked = ticked_after_review(read.readings, {"pip": ["grooming"]}, set())
    # Pip's freezing (stress) was unticked and is gone; Tom's hiss and lunge cannot be.
    assert ticked == {"pip": ["grooming"], "tom": ["hissing", "lunging"]}
    assert noted_signals(read.readings, ticked) == {}


def test_the_class_table_applies_the_programs_overrides_mildest_first() -> None:
    vocabulary = builtin_vocabulary()
    groups = dict(signals_by_class(builtin_program("rat-rat"), vocabulary, "rat"))
    assert "squeaking" in dict(groups["calm"])
    assert list(groups) == sorted(
        groups, key=["calm", "stress", "illness", "aggression", "danger"].index
    )
    cat_rat_groups = dict(signals_by_class(builtin_program("cat-rat"), vocabulary, "rat"))
    assert "squeaking" not in dict(cat_rat_groups["calm"])


def test_a_danger_reading_to_confirm_counts_until_the_owner_says_no() -> None:
    read = cat_rat("I think Tom nipped Pip")
    (reading,) = read.readings
    assert (reading.animal, reading.signal, reading.danger, reading.confirm) == (
        "tom",
        "biting",
        True,
        True,
    )
    assert to_confirm(read.readings) == (reading,)
    # Not reviewed: it counts. Reviewed without it: it does not; ticked: it does.
    assert noted_signals(read.readings, {}) == {"tom": ("biting",)}
    assert noted_signals(read.readings, {"tom": []}) == {}
    assert not stays(reading, [])
    assert stays(reading, ["biting"])
    # A bite written plainly is never asked about and never unticked.
    plain = cat_rat("Tom nipped Pip")
    assert to_confirm(plain.readings) == ()
    assert stays(plain.readings[0], [])


def test_the_owners_answers_drop_a_no_and_keep_a_yes() -> None:
    read = cat_rat("Pip froze. I think Tom nipped Pip")
    answers_no = ticked_after_answers(read.readings, {}, {("tom", "biting"): False})
    assert answers_no == {"pip": ["freezing"], "tom": []}
    assert noted_signals(read.readings, answers_no) == {}
    # A yes changes nothing for an animal the notes speak for, and joins a ticked list.
    assert ticked_after_answers(read.readings, {}, {("tom", "biting"): True}) == {}
    ticked = ticked_after_answers(read.readings, {"tom": ["hissing"]}, {("tom", "biting"): True})
    assert ticked["tom"] == ["hissing", "biting"]
    assert "Did it happen?" in question(read.readings[1], "Tom")

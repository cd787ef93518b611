"""One rule for every dated record of an animal (vet check, weighing, grooming): not before it
came home, never for an animal that died; and a weight no pet has is refused with a hint."""

from __future__ import annotations

import pytest

from ratbond.errors import InputError
from ratbond.store import Database
from ratbond.store.animals import (
    NewAnimal,
    add_animal,
    add_vet_check,
    add_weight,
    archive_animal,
    list_weights,
)
from ratbond.store.care import log_grooming
from tests.store.helpers import TODAY, day


def nova(db: Database) -> None:
    add_animal(db, NewAnimal(species="rat", name="Nova", arrived=day(-5)), today=TODAY)


@pytest.mark.parametrize(
    ("typed", "hint"),
    [(2.5, "did you mean 250 g?"), (0.3, "did you mean 300 g (0.3 kg)?"), (4500, "450 g")],
)
def test_a_weight_no_pet_rat_has_is_refused_with_what_was_meant(
    db: Database, typed: float, hint: str
) -> None:
    nova(db)
    with pytest.raises(InputError, match=r"^grams: ") as refused:
        add_weight(db, "nova", typed, today=TODAY)
    assert hint in refused.value.message
    assert list_weights(db, "nova") == []


def test_a_newborn_may_weigh_a_few_grams(db: Database) -> None:
    add_animal(db, NewAnimal(species="rat", name="Pup", born=day(-10)), today=TODAY)
    assert add_weight(db, "pup", 22, today=TODAY).grams == 22
    add_weight(db, "pup", 250, today=TODAY)


@pytest.mark.parametrize("record", ["vet check", "weighing", "grooming"])
def test_no_record_is_dated_before_the_animal_arrived(db: Database, record: str) -> None:
    nova(db)
    adders = {
        "vet check": lambda: add_vet_check(db, "nova", day(-6), today=TODAY),
        "weighing": lambda: add_weight(db, "nova", 250, day(-6), today=TODAY),
        "grooming": lambda: log_grooming(db, "nova", date=day(-6), today=TODAY),
    }
    with pytest.raises(InputError, match=rf"^date: {day(-6)} is before Nova arrived .* {record}"):
        adders[record]()
    add_vet_check(db, "nova", day(-5), today=TODAY)  # the day it came home is fine


def test_no_record_for_an_animal_that_died(db: Database) -> None:
    nova(db)
    archive_animal(db, "nova", "deceased", today=TODAY)
    with pytest.raises(InputError, match=r"^animal: Nova is recorded as deceased"):
        add_weight(db, "nova", 200, today=TODAY)
    with pytest.raises(InputError, match=r"^animal: Nova is recorded as deceased"):
        add_vet_check(db, "nova", TODAY, today=TODAY)


def test_an_archive_status_may_be_said_in_everyday_words(db: Database) -> None:
    nova(db)
    record, _ = archive_animal(db, "nova", "died", today=TODAY)
    assert record.status == "deceased"

"""Animals in the store: weights read in their units, a weight no pet has refused, ids made
from names in any script."""

from __future__ import annotations

import pytest

from ratbond.errors import InputError
from ratbond.store import Database
from ratbond.store.animals import NewAnimal, add_animal, edit_animal
from tests.store.helpers import TODAY, cat_and_rat


@pytest.mark.parametrize(("who", "grams"), [("pip", 1500), ("pip", 50_000), ("tom", 15_000)])
def test_a_weight_no_pet_has_is_refused(db: Database, who: str, grams: float) -> None:
    from ratbond.store.animals import add_weight, list_weights

    cat_and_rat(db)
    with pytest.raises(InputError, match=r"^grams: .* is not the weight of a pet"):
        add_weight(db, who, grams, today=TODAY)
    assert list_weights(db, who) == []
    assert add_weight(db, who, 400, today=TODAY).grams == 400


@pytest.mark.parametrize(
    ("typed", "grams"),
    [
        ("250", 250),
        ("250g", 250),
        ("250 G", 250),
        ("0.55 lb", 249.5),
        ("9oz", 255.1),
        ("1,2 kg", 1200),
    ],
)
def test_a_weight_is_read_in_its_unit(typed: str, grams: float) -> None:
    from ratbond.store.animals import parse_weight

    assert parse_weight(typed) == grams


@pytest.mark.parametrize("typed", ["", "-3", "250 stone", "g", "2 kg 3"])
def test_what_is_no_weight_is_refused_with_the_units_to_use(typed: str) -> None:
    from ratbond.store.animals import parse_weight

    with pytest.raises(InputError, match=r"^grams: .* is not a weight; .*units: g, kg, lb, oz"):
        parse_weight(typed)


@pytest.mark.parametrize("grams", [0, -5])
def test_no_weight_at_all_is_refused(db: Database, grams: float) -> None:
    from ratbond.store.animals import add_weight

    cat_and_rat(db)
    with pytest.raises(InputError, match=r"^grams: .* is not a weight"):
        add_weight(db, "pip", grams, today=TODAY)


@pytest.mark.parametrize(
    ("name", "key"), [("Mr. Whiskers", "mr-whiskers"), ("Chloé", "chloe"), ("ハナ", "hana")]
)
def test_an_id_made_from_a_name_is_ascii(name: str, key: str) -> None:
    from ratbond.store.animals import slug

    assert slug(name) == key


def test_a_sex_is_stored_in_the_set_and_unreadable_words_are_refused(db: Database) -> None:
    bruno = add_animal(db, NewAnimal(species="rat", name="Bruno", sex=" intact Male "), today=TODAY)
    assert bruno.sex == "male"
    with pytest.raises(InputError, match=r"^sex: 'blue' is not a sex ratbond can read; write one"):
        add_animal(db, NewAnimal(species="rat", name="Bo", sex="blue"), today=TODAY)
    assert edit_animal(db, "bruno", {"sex": "castrated"}, today=TODAY).sex == "neutered male"

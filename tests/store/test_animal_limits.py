"""What a store column cannot hold is refused by the field before a write, on SQLite and
PostgreSQL alike: nothing reaches the database to fail there."""

from __future__ import annotations

import pytest

from ratbond.errors import InputError
from ratbond.store import Database
from ratbond.store.animals import NewAnimal, add_animal, list_animals
from tests.store.helpers import TODAY


@pytest.mark.parametrize(
    ("new", "field"),
    [
        (NewAnimal(species="rat", name="A" * 300), "name"),
        (NewAnimal(species="rat", name="Bo", sex="x" * 41), "sex"),
        (NewAnimal(species="rat", name="Bo\u0000"), "name"),
        (NewAnimal(species="rat", name="Bo", key="b" * 65), "id"),
    ],
)
def test_too_long_or_control_text_is_refused_on_both_databases(
    db: Database, new: NewAnimal, field: str
) -> None:
    with pytest.raises(InputError) as raised:
        add_animal(db, new, today=TODAY)
    assert raised.value.path == field
    assert list_animals(db) == []

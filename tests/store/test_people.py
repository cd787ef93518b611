"""`ratbond.store.people`: what a household is given is checked before it is written, alike on
SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from ratbond.errors import InputError
from ratbond.store import Database
from ratbond.store.people import add_household, list_households
from tests.store.helpers import cat_and_rat


@pytest.mark.parametrize(
    ("key", "name", "message"),
    [
        # PostgreSQL refused the 100-character id with a traceback; SQLite kept it.
        ("", "h" * 100, "name: its id 'hhhhhhhhhhhhhhhhhhhh...' is 100 characters long, and an id"),
        ("k" * 65, "The Rescue", "key: its id 'kkkkkkkkkkkkkkkkkkkk...' is 65 characters long"),
        # The name was cut to 200 characters unsaid.
        ("", "h" * 201, "name: is 201 characters long; at most 200 are kept: shorten it"),
    ],
)
def test_a_household_past_its_limits_is_refused_by_field(
    db: Database, key: str, name: str, message: str
) -> None:
    cat_and_rat(db)
    with pytest.raises(InputError) as refused:
        add_household(db, key, name)
    assert str(refused.value).startswith(message)
    assert [h.key for h in list_households(db)] == ["home"]


def test_a_household_name_is_kept_on_one_line_without_controls(db: Database) -> None:
    cat_and_rat(db)
    made = add_household(db, "", "The\x1b[31m Rescue\nNorth\u202e")
    assert (made.key, made.name) == ("the-31m-rescue-north", "The[31m Rescue North")
    assert [h.name for h in list_households(db)][-1] == "The[31m Rescue North"

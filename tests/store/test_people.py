"""`ratbond.store.people`: what a household is given is checked before it is written, alike on
SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from ratbond.errors import InputError
from ratbond.store import Database
from ratbond.store.people import add_household, list_households
from tests.store.helpers import TODAY, cat_and_rat, day


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


def test_a_sitters_stay_ends_within_a_year(db: Database) -> None:
    """9999-12-31 was taken: a stay for ever, a carer's access under a sitter's name."""
    from ratbond.store.people import add_person, invite

    cat_and_rat(db)
    add_person(db, "Ann", role="owner")
    message = (
        "until: 9999-12-31 is more than a year ahead; a sitter's stay ends by 2027-11-21 at "
        "the latest (for longer, give them the carer role)"
    )
    for write in (
        lambda: add_person(
            db, "Sam", role="sitter", animals_chosen=["pip"], until=dt.date.max, today=TODAY
        ),
        lambda: invite(db, "sitter", animals_chosen=["pip"], until=dt.date.max, today=TODAY),
    ):
        with pytest.raises(InputError) as refused:
            write()
        assert str(refused.value) == message
    made = add_person(db, "Sam", role="sitter", animals_chosen=["pip"], until=day(366), today=TODAY)
    assert made.until == day(366)


@pytest.mark.parametrize(
    ("until", "message"),
    [
        (dt.date.max, "until: 9999-12-31 is more than a year ahead; a link ends by 2027-11-21"),
        (dt.date(2000, 1, 1), "until: 2000-01-01 is in the past; a link's last day is today"),
    ],
)
def test_a_share_link_lasts_from_today_to_a_year(
    db: Database, until: dt.date, message: str
) -> None:
    """A link that had ended when it was made, or one for ever, were both made unsaid."""
    from ratbond.store.people import make_share

    cat_and_rat(db)
    with pytest.raises(InputError) as refused:
        make_share(db, "animal", "pip", until, today=TODAY)
    assert str(refused.value).startswith(message)
    assert make_share(db, "animal", "pip", day(366), today=TODAY).expires == day(366)

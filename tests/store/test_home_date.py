"""An animal's arrival (or birth, when the arrival is not known) cannot be moved after anything
already recorded for it: the records would then be dated before it came home."""

from __future__ import annotations

import pytest

from ratbond.errors import InputError
from ratbond.store import Database
from ratbond.store.animals import NewAnimal, add_animal, add_vet_check, edit_animal, get_animal
from ratbond.store.sessions import NewSession, log_session
from tests.store.helpers import TODAY, cat_and_rat, day


def test_an_arrival_after_a_session_is_refused_naming_the_earliest_day(db: Database) -> None:
    cat_and_rat(db)
    log_session(db, "tom-pip", NewSession(stage="visual", minutes=5, date=day(-3)), today=TODAY)
    with pytest.raises(InputError) as raised:
        edit_animal(db, "pip", {"arrived": day(-1)}, today=TODAY)
    assert raised.value.path == "arrived"
    assert "an animal is home before anything is recorded" in raised.value.message
    assert get_animal(db, "pip").arrived == day(-80)


def test_an_arrival_after_a_vet_check_is_refused(db: Database) -> None:
    add_animal(db, NewAnimal(species="rat", name="Nib", arrived=day(-30)), today=TODAY)
    add_vet_check(db, "nib", day(-20), today=TODAY)
    with pytest.raises(InputError) as raised:
        edit_animal(db, "nib", {"arrived": day(-10)}, today=TODAY)
    assert f"give {day(-20).isoformat()} or earlier" in raised.value.message


def test_a_birth_date_after_a_record_is_refused_when_no_arrival_is_known(db: Database) -> None:
    add_animal(db, NewAnimal(species="rat", name="Nib", born=day(-30)), today=TODAY)
    add_vet_check(db, "nib", day(-20), today=TODAY)
    with pytest.raises(InputError) as raised:
        edit_animal(db, "nib", {"born": day(-10)}, today=TODAY)
    assert raised.value.path == "born"


def test_an_arrival_moved_earlier_is_kept(db: Database) -> None:
    cat_and_rat(db)
    assert edit_animal(db, "pip", {"arrived": day(-90)}, today=TODAY).arrived == day(-90)

"""Introductions in the store: a pair that ended apart starts again only when someone cleared
them, completing needs the advice to say so, and an animal plays one role; the status an
advised stop shows; ids naming the program; residents already in another introduction."""

from __future__ import annotations

import pytest

from ratbond.errors import InputError, RatbondError
from ratbond.limits import MAX_ID
from ratbond.store import Database
from ratbond.store.animals import NewAnimal, add_animal
from ratbond.store.introductions import (
    TwinError,
    get_advice,
    list_introductions,
    list_introductions_with_advice,
    set_status,
    shared_with_others,
    start_introduction,
)
from tests.store.helpers import TODAY, bitten, cat_and_rat, day


@pytest.mark.parametrize("status", [None, "stopped"])
def test_a_pair_that_ended_apart_cannot_start_again(db: Database, status: str | None) -> None:
    bitten(db)
    if status is not None:
        set_status(db, "tom-pip", status, today=TODAY)
    with pytest.raises(InputError) as raised:
        start_introduction(db, "cat-rat", {"cat": ["tom"], "rat": ["pip"]}, today=TODAY)
    message = raised.value.message
    assert "'tom-pip' (Tom & Pip) ended in 'stop'" in message
    assert day(-1).isoformat() in message
    assert "See a vet today" in message
    assert "House them apart for good" in message
    assert "stay apart for good" in message
    assert [intro.key for intro in list_introductions(db)] == ["tom-pip"]
    # Pip alone with a person shares one animal, in another program: nothing to refuse.
    assert start_introduction(db, "rat-human", {"rat": ["pip"]}, today=TODAY).key == "pip"


def test_the_refusal_is_about_cleared_by_in_no_caller_s_words(db: Database) -> None:
    bitten(db)
    with pytest.raises(InputError) as raised:
        start_introduction(db, "cat-rat", {"cat": ["tom"], "rat": ["pip"]}, today=TODAY)
    refusal = raised.value
    assert refusal.path == "cleared_by"
    assert refusal.message.startswith(
        f"cannot start cat-rat again: introduction 'tom-pip' (Tom & Pip) ended in 'stop' after "
        f"its session of {day(-1).isoformat()} ("
    )
    assert "a vet and a behaviourist" in refusal.message
    assert "who cleared them" in refusal.message
    assert "--" not in refusal.message  # no command-line option
    assert "[" not in refusal.message  # alert titles, not their codes
    assert "Cleared by" not in refusal.message  # nor the form's field


def test_a_cleared_restart_goes_through_and_says_who_cleared_it(db: Database) -> None:
    bitten(db)
    with pytest.raises(InputError, match="cleared_by: say who cleared them"):
        start_introduction(
            db, "cat-rat", {"cat": ["tom"], "rat": ["pip"]}, cleared_by="  ", today=TODAY
        )
    intro = start_introduction(
        db,
        "cat-rat",
        {"cat": ["tom"], "rat": ["pip"]},
        cleared_by="Dr Lee (vet) and Sam Ortiz (behaviourist)",
        today=TODAY,
    )
    assert intro.key == "tom-pip-2"
    assert intro.notes is not None
    assert "cleared by Dr Lee (vet) and Sam Ortiz (behaviourist)" in intro.notes
    assert "'tom-pip'" in intro.notes


def test_cleared_by_without_an_earlier_stop_is_refused(db: Database) -> None:
    cat_and_rat(db)
    with pytest.raises(InputError, match="nothing to clear"):
        start_introduction(
            db, "cat-rat", {"cat": ["tom"], "rat": ["pip"]}, cleared_by="Dr Lee", today=TODAY
        )


def test_completing_needs_the_complete_advice(db: Database) -> None:
    bitten(db)
    with pytest.raises(RatbondError, match="cannot complete introduction 'tom-pip'"):
        set_status(db, "tom-pip", "completed", today=TODAY)
    assert list_introductions(db)[0].status == "active"


def test_an_animal_in_two_roles_is_refused_by_name(db: Database) -> None:
    cat_and_rat(db)
    with pytest.raises(InputError, match=r"'pip' \(Pip\) is listed twice as rat") as raised:
        start_introduction(db, "trick-spin", {"rat": ["pip", "PIP"]}, today=TODAY)
    assert raised.value.path == "roles.rat"


def test_an_advised_stop_is_shown_as_stopped_and_listed_so(db: Database) -> None:
    bitten(db)
    intro, advice = get_advice(db, "tom-pip", today=TODAY)
    assert intro.status == "active"  # nobody marked it stopped yet
    assert intro.shown_status(advice) == "stopped"
    assert [
        i.key for i, _ in list_introductions_with_advice(db, status="stopped", today=TODAY)
    ] == ["tom-pip"]
    assert list_introductions_with_advice(db, status="active", today=TODAY) == []


def test_a_second_program_for_the_same_animals_names_the_program(db: Database) -> None:
    cat_and_rat(db)
    assert start_introduction(db, "rat-human", {"rat": ["pip"]}, today=TODAY).key == "pip"
    assert start_introduction(db, "trick-spin", {"rat": ["pip"]}, today=TODAY).key == "pip-spin"
    assert start_introduction(db, "trick-come", {"rat": ["pip"]}, today=TODAY).key == "pip-come"


def test_residents_already_meeting_a_newcomer_are_named_with_that_introduction(
    db: Database,
) -> None:
    for name, arrived in (("Ada", -100), ("Bo", -100), ("Cy", -3), ("Dee", -2)):
        add_animal(db, NewAnimal(species="rat", name=name, arrived=day(arrived)), today=TODAY)
    first = {"newcomer": ["cy"], "residents": ["ada", "bo"]}
    start_introduction(db, "rat-rat", first, today=TODAY)
    assert shared_with_others(db, "cy-ada-bo", today=TODAY) is None
    second = start_introduction(
        db, "rat-rat", {"newcomer": ["dee"], "residents": ["ada", "bo"]}, today=TODAY
    )
    warning = shared_with_others(db, second.key, today=TODAY)
    assert warning is not None
    assert warning.startswith(
        "Ada and Bo are already in rat-rat introduction 'cy-ada-bo' (Cy & Ada & Bo)"
    )
    set_status(db, "cy-ada-bo", "stopped", today=TODAY)
    assert shared_with_others(db, second.key, today=TODAY) is None


def test_an_unfinished_twin_is_refused_unless_again(db: Database) -> None:
    cat_and_rat(db)  # tom-pip, cat-rat, active
    roles = {"cat": ["Tom"], "rat": ["pip"]}
    with pytest.raises(TwinError) as raised:
        start_introduction(db, "cat-rat", roles, today=TODAY)
    assert raised.value.path == "again"
    assert raised.value.twin.key == "tom-pip"
    assert raised.value.message.startswith(
        "introduction 'tom-pip' (cat-rat, active) already has these animals in these roles; "
        "nothing was started"
    )
    assert "--" not in raised.value.message  # no caller's words
    set_status(db, "tom-pip", "paused", today=TODAY)
    with pytest.raises(TwinError, match=r"\(cat-rat, paused\)"):
        start_introduction(db, "cat-rat", roles, today=TODAY)
    assert [intro.key for intro in list_introductions(db)] == ["tom-pip"]
    # Other roles or another program are no twin; `again` starts one on purpose.
    assert start_introduction(db, "rat-human", {"rat": ["pip"]}, today=TODAY).key == "pip"
    assert start_introduction(db, "cat-rat", roles, again=True, today=TODAY).key == "tom-pip-2"


def test_an_id_longer_than_the_limit_is_refused_and_nothing_is_started(db: Database) -> None:
    cat_and_rat(db)
    with pytest.raises(InputError) as raised:
        start_introduction(db, "rat-human", {"rat": ["pip"]}, key="a" * 65, today=TODAY)
    assert raised.value.path == "id"
    assert raised.value.message == f"is 65 characters long; at most {MAX_ID}"
    assert [intro.key for intro in list_introductions(db)] == ["tom-pip"]


def test_an_id_made_from_long_animal_ids_stays_within_the_limit(db: Database) -> None:
    """The animals' ids joined, then the program's word and a number: each id made fits the
    limit (an export of a longer one would not import again)."""
    long_ids = ["r" * 40 + str(n) for n in range(3)]
    for key in long_ids:
        add_animal(db, NewAnimal(species="rat", key=key, arrived=day(-80)), today=TODAY)
    made = [
        start_introduction(
            db, program, {"rat": long_ids}, again=program == "rat-human", today=TODAY
        ).key
        for program in ("trick-spin", "rat-human", "rat-human", "trick-fetch")
    ]
    assert all(len(key) <= MAX_ID for key in made), made
    assert len(set(made)) == len(made)
    assert made[1].endswith("-human")
    assert made[2].endswith("-human-2")

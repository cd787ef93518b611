"""Animals, introductions and sessions in the store: validation, history, stored advice."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Table, func, select

from ratbond.errors import InputError, RatbondError
from ratbond.store import Database
from ratbond.store.animals import (
    NewAnimal,
    add_animal,
    add_vet_check,
    add_weight,
    archive_animal,
    edit_animal,
    get_animal,
    list_weights,
)
from ratbond.store.introductions import get_advice, set_status, start_introduction
from ratbond.store.sessions import (
    NewSession,
    delete_session,
    edit_session,
    list_sessions,
    log_session,
)
from ratbond.store.tables import history, sessions
from tests.store.helpers import TODAY, cat_and_rat, day


def count(db: Database, table: Table) -> int:
    with db.read() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def calm(offset: int, minutes: float = 5) -> NewSession:
    return NewSession(
        stage="visual",
        date=day(offset),
        minutes=minutes,
        signals={"Tom": ["ears_forward"], "pip": ["relaxed"]},
    )


def test_animals_are_found_by_id_or_name_in_any_case(db: Database) -> None:
    added = add_animal(db, NewAnimal(species="cat", name="Mr. Whiskers"), today=TODAY)
    assert added.key == "mr-whiskers"
    assert get_animal(db, "MR. WHISKERS").id == added.id
    assert get_animal(db, "Mr-Whiskers").id == added.id
    with pytest.raises(RatbondError, match=r"no animal 'mr whisker'.*did you mean"):
        get_animal(db, "mr whisker")


def test_animal_fields_follow_the_contract(db: Database) -> None:
    with pytest.raises(InputError, match=r"^prey_drive: only cats have a prey drive"):
        add_animal(db, NewAnimal(species="rat", name="Pip", prey_drive="low"), today=TODAY)
    with pytest.raises(InputError, match=r"^born: 2026-11-21 is after today"):
        add_animal(db, NewAnimal(species="rat", name="Pip", born=day(1)), today=TODAY)
    with pytest.raises(InputError, match=r'^species: unknown species "dog"'):
        add_animal(db, NewAnimal(species="dog", name="Rex"), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Pip"), today=TODAY)
    with pytest.raises(InputError, match="already exists"):
        add_animal(db, NewAnimal(species="rat", name="pip"), today=TODAY)


def test_editing_keeps_the_earlier_version_and_refreshes_advice(db: Database) -> None:
    cat_and_rat(db)
    edited = edit_animal(db, "tom", {"prey_drive": "high", "markings": "ginger"}, today=TODAY)
    assert (edited.prey_drive, edited.markings, edited.version) == ("high", "ginger", 2)
    with db.read() as connection:
        kept = connection.execute(select(history).where(history.c.table_name == "animals")).one()
    assert kept.data["prey_drive"] == "moderate"
    assert kept.version == 1
    _, advice = get_advice(db, "tom-pip", today=TODAY)
    assert "high_prey_drive" in advice.alerts


def test_vet_checks_are_the_health_check_of_the_scenario(db: Database) -> None:
    add_animal(db, NewAnimal(species="cat", name="Tom", prey_drive="low"), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Pip"), today=TODAY)
    start_introduction(db, "cat-rat", {"cat": ["tom"], "rat": ["pip"]}, today=TODAY)
    _, advice = get_advice(db, "tom-pip", today=TODAY)
    assert (advice.action, advice.alerts) == ("wait", ("health_check_needed",))
    add_vet_check(db, "tom", day(-1), today=TODAY)
    add_vet_check(db, "pip", day(-1), today=TODAY)
    _, advice = get_advice(db, "tom-pip", today=TODAY)
    assert (advice.action, advice.stage, advice.minutes) == ("start", "visual", 5)
    # A year on, the checks have expired: the stored timeline says so with nothing written.
    _, later = get_advice(db, "tom-pip", today=day(400))
    assert later.action == "wait"
    assert "health_check_needed" in later.alerts


def test_weights_are_kept_in_date_order(db: Database) -> None:
    add_animal(db, NewAnimal(species="rat", name="Pip"), today=TODAY)
    add_weight(db, "pip", 310, day(-7), today=TODAY)
    add_weight(db, "PIP", 298.5, day(-14), today=TODAY)
    assert [w.grams for w in list_weights(db, "pip")] == [298.5, 310]
    with pytest.raises(InputError, match="positive number"):
        add_weight(db, "pip", -3, today=TODAY)


def test_wrong_species_for_a_role_writes_nothing(db: Database) -> None:
    add_animal(db, NewAnimal(species="cat", name="Tom", prey_drive="low"), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Pip"), today=TODAY)
    with pytest.raises(InputError, match=r"roles.cat\[0\]: 'pip' is a rat, but the cat role"):
        start_introduction(db, "cat-rat", {"cat": ["pip"], "rat": ["tom"]}, today=TODAY)
    with pytest.raises(RatbondError, match="no animal 'bob'"):
        start_introduction(db, "cat-rat", {"cat": ["bob"], "rat": ["pip"]}, today=TODAY)
    from ratbond.store.tables import introductions

    assert count(db, introductions) == 0


def test_logging_stores_the_session_and_the_new_advice(db: Database) -> None:
    cat_and_rat(db)
    for offset in (-3, -2):
        log_session(db, "TOM-PIP", calm(offset), today=TODAY)
    logged = log_session(db, "tom-pip", calm(-1, 11), today=TODAY)
    assert logged.session.session_class == "calm"
    assert logged.session.signals == {"tom": ("ears_forward",), "pip": ("relaxed",)}
    assert (logged.advice.action, logged.advice.stage) == ("advance", "scent")
    _, stored = get_advice(db, "tom-pip", today=TODAY)
    assert "payload" not in vars(stored)  # decoded only when read
    assert stored.payload == {**logged.advice.to_json(), "not_before": TODAY.isoformat()}
    assert stored.payload is stored.payload  # then kept
    assert stored.reasons == tuple(logged.advice.reasons)
    assert stored.session_count == 3
    # The stored JSON is a field: equal records hold the same advice.
    assert stored == get_advice(db, "tom-pip", today=TODAY)[1]
    assert stored != get_advice(db, "tom-pip", today=day(3))[1]


@pytest.mark.parametrize(
    ("new", "message"),
    [
        (NewSession(stage="visual", date=day(1), minutes=5), "^date: 2026-11-21 is after today"),
        (
            NewSession(stage="visual", minutes=5, signals={"tom": ["hiss"]}),
            r"^signals.tom\[0\]: unknown signal 'hiss' for a cat \(did you mean 'hissing'\?\)",
        ),
        (NewSession(stage="visaul", minutes=5), "^stage: unknown stage 'visaul'.*'visual'"),
        (NewSession(stage="visual"), "^minutes: required at the timed stage 'visual'"),
        (NewSession(stage="visual", minutes=5, signals={"rex": ["relaxed"]}), "'rex' is not in"),
    ],
)
def test_a_bad_session_is_refused_and_writes_nothing(
    db: Database, new: NewSession, message: str
) -> None:
    cat_and_rat(db)
    with pytest.raises(InputError, match=message):
        log_session(db, "tom-pip", new, today=TODAY)
    assert count(db, sessions) == 0


def test_paused_and_stopped_introductions_take_no_sessions(db: Database) -> None:
    cat_and_rat(db)
    set_status(db, "tom-pip", "paused", today=TODAY)
    with pytest.raises(RatbondError, match="is paused, so nothing can be logged; resume it first"):
        log_session(db, "tom-pip", calm(0), today=TODAY)
    set_status(db, "tom-pip", "active", today=TODAY)
    log_session(db, "tom-pip", calm(0), today=TODAY)
    set_status(db, "tom-pip", "stopped", today=TODAY)
    with pytest.raises(RatbondError, match="is stopped, so nothing more can be logged"):
        log_session(db, "tom-pip", calm(0), today=TODAY)
    with pytest.raises(RatbondError, match="cannot resume introduction 'tom-pip': it is finished"):
        set_status(db, "tom-pip", "active", today=TODAY)
    assert count(db, sessions) == 1


def test_a_field_that_cannot_be_edited_is_named_with_the_ones_that_can(db: Database) -> None:
    cat_and_rat(db)
    first = log_session(db, "tom-pip", calm(-1), today=TODAY).session
    with pytest.raises(InputError, match=r"^logged_by: this field cannot be edited; editable: "):
        edit_session(db, first.id, {"logged_by": "someone"}, today=TODAY)
    with pytest.raises(InputError, match=r"^status: this field cannot be edited; editable: name"):
        edit_animal(db, "tom", {"status": "rehomed"}, today=TODAY)
    assert count(db, sessions) == 1


def test_edit_and_delete_keep_earlier_versions(db: Database) -> None:
    cat_and_rat(db)
    first = log_session(db, "tom-pip", calm(-2), today=TODAY).session
    log_session(db, "tom-pip", calm(-1, 8), today=TODAY)
    edited = edit_session(db, first.id, {"signals": {"tom": ["hissing"]}}, today=TODAY)
    assert edited.session.session_class == "aggression"
    assert edited.session.version == 2
    after_delete = delete_session(db, first.id, today=TODAY)
    assert after_delete.advice.reasons[0].startswith("1 calm session in a row")
    _, live = list_sessions(db, "tom-pip")
    assert [s.date for s in live] == [day(-1)]
    assert count(db, sessions) == 2  # the deleted one is still there, marked
    with db.read() as connection:
        changes = connection.execute(
            select(history.c.change, history.c.data).where(history.c.table_name == "sessions")
        ).all()
    assert [c.change for c in changes] == ["edit", "delete"]
    assert changes[0].data["signals"] == {"tom": ["ears_forward"], "pip": ["relaxed"]}


def test_archiving_an_animal_stops_its_introductions(db: Database) -> None:
    cat_and_rat(db)
    animal, stopped = archive_animal(db, "Pip", "rehomed", today=TODAY)
    assert animal.status == "rehomed"
    assert stopped == ["tom-pip"]
    with pytest.raises(InputError, match="'pip' is rehomed; it cannot take part"):
        start_introduction(db, "rat-human", {"rat": ["pip"]}, today=TODAY)


def test_quarantine_countdown_ends_without_any_write(db: Database) -> None:
    for name in ("Ada", "Bo"):
        add_animal(db, NewAnimal(species="rat", name=name, arrived=day(-200)), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Cy", arrived=day(-3)), today=TODAY)
    start_introduction(db, "rat-rat", {"newcomer": ["cy"], "residents": ["ada", "bo"]}, today=TODAY)
    _, waiting = get_advice(db, "cy-ada-bo", today=TODAY)
    assert (waiting.action, waiting.stage, waiting.not_before) == ("wait", "quarantine", day(11))
    _, ready = get_advice(db, "cy-ada-bo", today=day(11))
    assert (ready.action, ready.stage) == ("start", "side_by_side")


def test_a_long_break_shows_up_on_its_own(db: Database) -> None:
    cat_and_rat(db)
    log_session(db, "tom-pip", calm(0), today=TODAY)
    _, soon = get_advice(db, "tom-pip", today=day(3))
    assert soon.action == "repeat"
    assert soon.overdue_days == 2
    _, later = get_advice(db, "tom-pip", today=day(20))
    assert "long_break" in later.alerts
    assert later.minutes == 5
    assert later.not_before == day(20)


def test_sessions_on_one_day_keep_their_logging_order(db: Database) -> None:
    cat_and_rat(db)
    log_session(db, "tom-pip", calm(0, 5), today=TODAY)
    log_session(db, "tom-pip", calm(-1, 9), today=TODAY)
    log_session(db, "tom-pip", calm(0, 7), today=TODAY)
    _, live = list_sessions(db, "tom-pip")
    assert [(s.date, s.minutes) for s in live] == [(day(-1), 9), (day(0), 5), (day(0), 7)]
    assert [s.seq for s in live] == [2, 1, 3]


def test_dates_are_dates(db: Database) -> None:
    cat_and_rat(db)
    logged = log_session(db, "tom-pip", calm(0), today=TODAY)
    assert isinstance(logged.session.date, dt.date)
    assert logged.session.logged_by


def test_the_class_counts_signals_read_from_the_notes(db: Database) -> None:
    cat_and_rat(db)
    logged = log_session(
        db,
        "tom-pip",
        NewSession(stage="visual", minutes=5, notes="Tom lunged at the cage"),
        today=TODAY,
    )
    assert logged.session.session_class == "danger"
    assert "intervene" in logged.advice.alerts

"""The day's care plan: its statements read through SQLAlchemy (both backends) or sqlite3 give
the same plan, with every kind of task status and both kinds of health alert."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ratbond.store import Database
from ratbond.store.animals import NewAnimal, add_animal, add_vet_check, add_weight, archive_animal
from ratbond.store.care import care_plan as care_plan_from_care
from ratbond.store.care import log_grooming, mark_done
from ratbond.store.care_plan import CarePlan, care_plan, read_care_plan
from ratbond.store.sqltext import read_sqlite
from tests.store.helpers import TODAY, day, sqlite_twin

# Days to read the plan on: before and after records, and weeks on.
DAYS = (-20, 0, 1, 5, 30)


def care_records(db: Database) -> None:
    """Rats with every case the care plan tells apart: a grooming finding (one later cleared by
    a vet check), a weight lost and one kept, tasks done for one rat or the household, a rat
    never cared for, and an archived rat whose records no longer count."""
    for name in ("Kit", "Lou", "Max", "Ned"):
        add_animal(db, NewAnimal(species="rat", name=name, arrived=day(-90)), today=TODAY)
    log_grooming(db, "kit", ["lump"], date=day(-6), today=TODAY)
    log_grooming(db, "lou", ["cut"], date=day(-8), today=TODAY)
    add_vet_check(db, "lou", day(-4), today=TODAY)
    log_grooming(db, "max", date=day(-2), today=TODAY)
    add_weight(db, "kit", 400, day(-12), today=TODAY)
    add_weight(db, "kit", 340, day(-1), today=TODAY)
    add_weight(db, "lou", 300, day(-10), today=TODAY)
    mark_done(db, "weigh-in", ["lou"], date=day(-3), today=TODAY)
    mark_done(db, "cage-cleaning", date=day(-9), today=TODAY)
    mark_done(db, "toy-rotation", date=day(-1), today=TODAY)
    log_grooming(db, "ned", ["lump"], date=day(-5), today=TODAY)
    add_weight(db, "ned", 300, day(-20), today=TODAY)
    add_weight(db, "ned", 200, day(-2), today=TODAY)
    archive_animal(db, "ned", "rehomed", today=TODAY)


def sqlite_care_plan(file: str, today: dt.date) -> CarePlan | None:
    """The care plan read from the SQLite file with sqlite3, as `ratbond today` reads it."""
    return read_sqlite(file, today, lambda run: read_care_plan(run, today))


@pytest.fixture
def twin(tmp_path: Path) -> str:
    """The same records in a SQLite file of their own: the file's name."""
    return sqlite_twin(tmp_path, care_records)


def test_sqlite3_reads_the_care_plan_the_store_reads_on_either_backend(
    db: Database, twin: str
) -> None:
    care_records(db)
    statuses: set[str] = set()
    for offset in DAYS:
        plan = care_plan(db, today=day(offset))
        assert sqlite_care_plan(twin, day(offset)) == plan, offset
        statuses |= {task.status for task in plan.tasks}
    assert statuses == {"overdue", "due", "later"}


def test_the_plan_has_both_alerts_and_only_for_active_animals(db: Database) -> None:
    care_records(db)
    plan = care_plan(db, today=TODAY)
    assert [(alert.kind, alert.animal) for alert in plan.alerts] == [
        ("finding", "kit"),
        ("weight_loss", "kit"),
    ]
    assert plan.alerts[0].message == "Kit: lump or swelling found on 2026-11-14; see a vet"
    assert {task.animal for task in plan.tasks} == {None, "kit", "lou", "max"}
    due = {(task.task.id, task.animal): task for task in plan.tasks}
    assert due["weigh_in", "lou"].last_done == day(-3)
    assert due["weigh_in", "kit"].last_done == day(-1)  # a weighing counts as the weigh-in
    assert due["health_check", "max"].last_done == day(-2)  # so does a grooming, the check
    assert due["cage_cleaning", None].status == "overdue"
    assert care_plan(db, today=day(-20)).alerts == ()  # nothing recorded yet on that day


def test_the_care_module_still_offers_the_plan() -> None:
    assert care_plan_from_care is care_plan

"""Due dates of recurring care tasks: from the last time done; never done is due now."""

from __future__ import annotations

import datetime as dt

import pytest

from ratbond.care.knowledge import builtin_care_tasks
from ratbond.care.routine import due_date, find_task, group_tasks, task_due
from ratbond.errors import InputError

TODAY = dt.date(2026, 11, 20)


def task(name: str):  # type: ignore[no-untyped-def]
    return find_task(name)


def test_never_done_is_due_today() -> None:
    item = task_due(task("cage-cleaning"), None, TODAY)
    assert (item.due, item.status, item.never_done, item.days_left) == (TODAY, "due", True, 0)


@pytest.mark.parametrize(
    ("ago", "status", "days_left"),
    [(0, "later", 7), (6, "later", 1), (7, "due", 0), (8, "overdue", -1), (30, "overdue", -23)],
)
def test_status_from_the_last_time_done(ago: int, status: str, days_left: int) -> None:
    last = TODAY - dt.timedelta(days=ago)
    item = task_due(task("weigh_in"), last, TODAY, animal="pip", animal_label="Pip")
    assert (item.status, item.days_left) == (status, days_left)
    assert due_date(item.task, last, TODAY) == last + dt.timedelta(days=7)


@pytest.mark.parametrize(
    "name", ["cage-cleaning", "cage_cleaning", "Cage cleaning", "CAGE CLEANING"]
)
def test_task_names(name: str) -> None:
    assert find_task(name).id == "cage_cleaning"


def test_unknown_task_suggests_one() -> None:
    with pytest.raises(InputError, match=r"did you mean 'toy-rotation'\?") as caught:
        find_task("toy-rotaton")
    assert caught.value.path == "task"


def test_groups_put_the_most_pressing_first_and_name_the_animals() -> None:
    weigh = task("weigh-in")
    items = [
        task_due(task("toy-rotation"), TODAY - dt.timedelta(days=2), TODAY),
        task_due(weigh, TODAY - dt.timedelta(days=9), TODAY, animal="pip", animal_label="Pip"),
        task_due(weigh, None, TODAY, animal="ada", animal_label="Ada"),
        task_due(task("cage-cleaning"), None, TODAY),
    ]
    groups = group_tasks(items)
    assert [g.task.id for g in groups] == ["weigh_in", "cage_cleaning", "toy_rotation"]
    assert [g.status for g in groups] == ["overdue", "due", "later"]
    assert [(line.status, line.names) for line in groups[0].lines] == [
        ("overdue", ("Pip",)),
        ("due", ("Ada",)),
    ]
    assert groups[1].lines[0].names == ()  # the household's


def test_a_group_has_a_line_per_status_and_marks_done_only_the_pressing() -> None:
    weigh_in = task("weigh-in")
    ago = TODAY - dt.timedelta(days=weigh_in.every_days)
    copies = [
        task_due(weigh_in, ago - dt.timedelta(days=3), TODAY, animal="pip", animal_label="Pip"),
        task_due(weigh_in, TODAY, TODAY, animal="bea", animal_label="Bea"),
        task_due(weigh_in, ago - dt.timedelta(days=1), TODAY, animal="ada", animal_label="Ada"),
        task_due(weigh_in, ago, TODAY, animal="cy", animal_label="Cy"),
    ]
    [group] = group_tasks(copies)
    assert group.status == "overdue"
    assert [(line.status, line.first.animal, line.names) for line in group.lines] == [
        ("overdue", "pip", ("Pip", "Ada")),
        ("due", "cy", ("Cy",)),
        ("later", "bea", ("Bea",)),
    ]
    assert group.pressing_animals == ("pip", "ada", "cy")


def test_every_task_comes_round_within_a_month() -> None:
    assert all(1 <= t.every_days <= 31 for t in builtin_care_tasks().tasks)

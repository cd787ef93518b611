"""Recurring care tasks: when each is next due, worked out from the last time it was done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from ratbond.care.knowledge import builtin_care_tasks
from ratbond.care.model import CareTask, CareTasks
from ratbond.care.words import normalise
from ratbond.errors import InputError, did_you_mean

Status = Literal["overdue", "due", "later"]
"""A task's status on a day; `STATUSES` lists them most pressing first."""
STATUSES: tuple[Status, ...] = get_args(Status)


@dataclass(frozen=True, slots=True)  # one per animal and task: thousands at a rescue
class TaskDue:
    """One task for one animal (or the household), with when it was last done and is next due."""

    task: CareTask
    last_done: dt.date | None
    """None: never recorded, so it is due at once."""
    due: dt.date
    today: dt.date
    animal: str | None = None
    """The animal's id for `animal` tasks; None for household tasks."""
    animal_label: str | None = None

    @property
    def days_left(self) -> int:
        """Days until due; negative when overdue."""
        return (self.due - self.today).days

    @property
    def status(self) -> Status:
        if self.due < self.today:
            return "overdue"
        return "due" if self.due == self.today else "later"

    @property
    def never_done(self) -> bool:
        return self.last_done is None

    @property
    def name(self) -> str:
        """Whom it is for, by name; empty for the household."""
        return self.animal_label or self.animal or ""


def due_date(task: CareTask, last_done: dt.date | None, today: dt.date) -> dt.date:
    """`every_days` after it was last done; today when it has never been done."""
    if last_done is None:
        return today
    return last_done + dt.timedelta(days=task.every_days)


def task_due(
    task: CareTask,
    last_done: dt.date | None,
    today: dt.date,
    *,
    animal: str | None = None,
    animal_label: str | None = None,
) -> TaskDue:
    return TaskDue(task, last_done, due_date(task, last_done, today), today, animal, animal_label)


@dataclass(frozen=True, slots=True)
class TaskLine:
    """A task's copies of one status, as a screen shows them on one line."""

    status: Status
    items: tuple[TaskDue, ...]

    @property
    def first(self) -> TaskDue:
        """The copy due first: the one a line dates itself by."""
        return min(self.items, key=lambda item: item.due)

    @property
    def names(self) -> tuple[str, ...]:
        """The animals, by name (none for a household task)."""
        return tuple(item.name for item in self.items if item.name)


@dataclass(frozen=True, slots=True)
class TaskGroup:
    """One task with its copies gathered by status, most pressing first, for a screen."""

    task: CareTask
    lines: tuple[TaskLine, ...]

    @property
    def status(self) -> Status:
        return self.lines[0].status

    @property
    def pressing_animals(self) -> tuple[str, ...]:
        """The animals whose copy is due or overdue: what marking the task done records."""
        return tuple(
            item.animal
            for line in self.lines
            if line.status != "later"
            for item in line.items
            if item.animal
        )


def group_tasks(items: Sequence[TaskDue]) -> list[TaskGroup]:
    """Items gathered per task and status: the task with the most pressing status first (then
    the one due first), and in each task, one line per status, most pressing first."""
    by_task: dict[str, dict[Status, list[TaskDue]]] = {}
    tasks: dict[str, CareTask] = {}
    for item in items:
        tasks[item.task.id] = item.task
        by_task.setdefault(item.task.id, {}).setdefault(item.status, []).append(item)
    groups = [
        TaskGroup(
            task=tasks[task_id],
            lines=tuple(
                TaskLine(status, tuple(statuses[status]))
                for status in STATUSES
                if status in statuses
            ),
        )
        for task_id, statuses in by_task.items()
    ]
    groups.sort(key=lambda g: (STATUSES.index(g.status), g.lines[0].first.due, g.task.id))
    return groups


def find_task(name: str, care: CareTasks | None = None) -> CareTask:
    """A task by id (dashes or spaces work too) or title; an InputError naming `task` otherwise."""
    care = care or builtin_care_tasks()
    key = normalise(name)
    for task in care.tasks:
        if key in (normalise(task.id), normalise(task.title)):
            return task
    known = [task.id.replace("_", "-") for task in care.tasks]
    raise InputError(
        "task",
        f"no care task '{name}'"
        + did_you_mean(name.strip().lower().replace("_", "-"), known)
        + "; known: "
        + ", ".join(known),
    )

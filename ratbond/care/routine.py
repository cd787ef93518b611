"""Recurring care tasks: when each is next due, worked out from the last time it was done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ratbond.care.knowledge import builtin_care_tasks
from ratbond.care.model import CareTask, CareTasks
from ratbond.care.words import normalise
from ratbond.errors import InputError, did_you_mean

if TYPE_CHECKING:
    from typing import Literal

    Status = Literal["overdue", "due", "later"]  # the values of STATUSES; a test holds them equal
else:

    def __getattr__(name: str) -> object:
        """`Status` for run-time readers (the web's imports), made on first use: `ratbond
        today` does not import `typing`."""
        if name != "Status":
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from typing import Literal

        globals()["Status"] = status = Literal[STATUSES]
        return status


STATUSES: tuple[Status, ...] = ("overdue", "due", "later")


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
class TaskGroup:
    """One task with its animals gathered, for a screen: the most pressing status first."""

    task: CareTask
    items: tuple[TaskDue, ...]

    @property
    def status(self) -> Status:
        found = {item.status for item in self.items}
        return next(status for status in STATUSES if status in found)

    @property
    def due(self) -> dt.date:
        return min(item.due for item in self.items)

    def labels(self, status: Status) -> list[str]:
        """The animals (by name) whose copy of the task has `status`."""
        return [
            item.animal_label or item.animal or "" for item in self.items if item.status == status
        ]


def group_tasks(items: Sequence[TaskDue]) -> list[TaskGroup]:
    """Items gathered per task, most pressing first (overdue, due, later; then by date)."""
    groups: dict[str, list[TaskDue]] = {}
    for item in items:
        groups.setdefault(item.task.id, []).append(item)
    result = [TaskGroup(task=group[0].task, items=tuple(group)) for group in groups.values()]
    result.sort(key=lambda g: (STATUSES.index(g.status), g.due, g.task.id))
    return result


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

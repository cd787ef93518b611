"""The day's care plan: every care task with its due date, for every active animal it applies to
(and each household task once), and the health alerts: a grooming finding no vet has seen
since, weight lost beyond the rule of care-tasks.yaml (`ratbond.care.health`); narrowed to one
animal or a search as the day's plan is (`ratbond.store.agenda`), and, for the Today page, each
task's animals a page at a time (`care_page`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sqlalchemy import func, select

from ratbond.care.health import WeightLoss, weight_loss
from ratbond.care.knowledge import builtin_care_tasks
from ratbond.care.routine import Status, TaskDue, find_task, group_tasks, task_due
from ratbond.store import agenda
from ratbond.store.agenda import animal_is, animal_matches
from ratbond.store.scope import within
from ratbond.store.tables import animals, care_done, grooming, vet_checks, weights

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from ratbond.care.model import CareTask
    from ratbond.store.db import Database


@dataclass(frozen=True, slots=True)
class CareAlert:
    """A reason to see a vet: a grooming finding, or weight lost."""

    kind: Literal["finding", "weight_loss"]
    animal: str
    animal_label: str
    date: dt.date
    """The grooming or the latest weighing that raised it."""
    message: str
    findings: tuple[str, ...] = ()
    loss: WeightLoss | None = None


@dataclass(frozen=True, slots=True)
class CarePlan:
    """The day's care: every task for every animal it applies to, and the health alerts."""

    today: dt.date
    tasks: tuple[TaskDue, ...]
    alerts: tuple[CareAlert, ...]

    @property
    def pressing(self) -> tuple[TaskDue, ...]:
        """Tasks due today or overdue."""
        return tuple(item for item in self.tasks if item.status != "later")


def care_plan(
    db: Database,
    *,
    today: dt.date | None = None,
    animal: str | None = None,
    search: str | None = None,
) -> CarePlan:
    """The care plan for `today` (default: the local date), read in one transaction; only the
    tasks and alerts of `animal` (its id or name) and of the animals matching `search` (part of
    an id or a name), case-insensitively, and then no household task."""
    day = dt.date.today() if today is None else today
    with db.read() as connection:
        copies, alerts = _read(connection, day, animal, search)
    tasks = tuple(
        task_due(task, last, day, animal=key, animal_label=label)
        for task, last, key, label in copies
    )
    return CarePlan(today=day, tasks=tasks, alerts=alerts)


Copy = tuple["CareTask", "dt.date | None", "str | None", "str | None"]
"""A task for one animal (or the household): the task, the day it was last done (None: never),
the animal's id and name (None, None: the household)."""


def _read(
    connection: Connection, day: dt.date, animal: str | None, search: str | None
) -> tuple[list[Copy], tuple[CareAlert, ...]]:
    """Every copy of every task, in the order of the tasks and then of the animals' ids, and
    the health alerts."""
    care = builtin_care_tasks()
    narrowed = [
        match(animals, given)
        for match, given in ((animal_is, animal), (animal_matches, search))
        if given is not None
    ]
    active = connection.execute(
        select(animals.c.id, animals.c.key, animals.c.name, animals.c.species)
        .where(animals.c.status == "active", *narrowed)
        .order_by(animals.c.key)
    ).all()
    done: dict[str, dict[int | None, dt.date]] = {}  # task -> animal (None: household) -> day
    last_done = (
        select(care_done.c.task, care_done.c.animal_id, func.max(care_done.c.date))
        .where(care_done.c.deleted_at.is_(None), care_done.c.date <= day)
        .group_by(care_done.c.task, care_done.c.animal_id)
    )
    for task_id, done_by, when in connection.execute(last_done):
        done.setdefault(task_id, {})[done_by] = when
    # The last vet check of each animal with a grooming finding: only a finding asks for it.
    with_findings = select(grooming.c.animal_id).where(
        grooming.c.deleted_at.is_(None), grooming.c.findings != ""
    )
    last_vet_check = (
        select(vet_checks.c.animal_id, func.max(vet_checks.c.date))
        .where(
            vet_checks.c.deleted_at.is_(None),
            vet_checks.c.date <= day,
            vet_checks.c.animal_id.in_(within(connection, with_findings)),
        )
        .group_by(vet_checks.c.animal_id)
    )
    last_vet: dict[int, dt.date] = dict(connection.execute(last_vet_check).all())
    # Rows come oldest first per animal, so the last one kept is the latest grooming; every
    # grooming that found something is kept, each finding's alert standing on its own.
    groomings: dict[int, dt.date] = {}
    findings_at: list[tuple[int, dt.date, str]] = []
    every_grooming = (
        select(grooming.c.animal_id, grooming.c.date, grooming.c.findings)
        .where(grooming.c.deleted_at.is_(None), grooming.c.date <= day)
        .order_by(grooming.c.animal_id, grooming.c.date, grooming.c.id)
    )
    for groomed, when, found in connection.execute(every_grooming):
        groomings[groomed] = when
        if found:
            findings_at.append((groomed, when, found))
    # Weighings of active animals only: the others have neither tasks nor alerts.
    weighings: dict[int, list[tuple[dt.date, float]]] = {}
    of_active = (
        select(weights.c.animal_id, weights.c.date, weights.c.grams)
        .join(animals, animals.c.id == weights.c.animal_id)
        .where(weights.c.deleted_at.is_(None), weights.c.date <= day, animals.c.status == "active")
        .order_by(weights.c.animal_id, weights.c.date, weights.c.id)
    )
    for weighed, when, grams in connection.execute(of_active):
        weighings.setdefault(weighed, []).append((when, grams))
    by_records = {
        "weights": {weighed: points[-1][0] for weighed, points in weighings.items()},
        "grooming": groomings,
    }
    copies: list[Copy] = []
    for task in care.tasks:
        done_for = done.get(task.id, {})
        if task.scope == "household":
            if not narrowed:
                copies.append((task, done_for.get(None), None, None))
            continue
        also = by_records[task.also_done_by] if task.also_done_by is not None else {}
        for animal_id, key, name, species in active:
            if species not in task.species:
                continue
            last, other = done_for.get(animal_id), also.get(animal_id)
            if other is not None and (last is None or other > last):
                last = other
            copies.append((task, last, key, name or key))
    labels = {animal_id: (key, name or key) for animal_id, key, name, _ in active}
    titles = {f.id: f.title.lower() for f in care.findings}
    alerts: list[CareAlert] = []
    for animal_id, when, findings in findings_at:
        # A finding stands until a vet check dated on or after it: a later grooming, whether
        # it finds nothing or something else, is no vet's word (a lump does not go away by
        # itself, and a cut found later does not make red tears seen earlier harmless).
        vet = last_vet.get(animal_id)
        if animal_id not in labels or (vet is not None and vet >= when):
            continue
        key, label = labels[animal_id]
        found = tuple(findings.split())
        named = ", ".join(titles.get(f, f) for f in found)
        alerts.append(
            CareAlert(
                kind="finding",
                animal=key,
                animal_label=label,
                date=when,
                message=f"{label}: {named} found on {when.isoformat()}; see a vet",
                findings=found,
            )
        )
    for animal_id, points in weighings.items():
        loss = weight_loss(points, care.weight_loss)
        if loss is None or animal_id not in labels:
            continue
        key, label = labels[animal_id]
        alerts.append(
            CareAlert(
                kind="weight_loss",
                animal=key,
                animal_label=label,
                date=loss.latest_date,
                message=loss.text(label),
                loss=loss,
            )
        )
    alerts.sort(key=lambda a: (a.animal, a.kind))
    return copies, tuple(alerts)


@dataclass(frozen=True, slots=True)
class CareLine:
    """A task's pressing copies of one status: how many, and the one due first."""

    status: Status
    total: int
    first: TaskDue


@dataclass(frozen=True, slots=True)
class CareCard:
    """One task due or overdue for some animal (or the household), as the Today page shows it:
    its pressing copies counted per status, and one page of them (at most the plan's
    `PAGE_SIZE`)."""

    task: CareTask
    lines: tuple[CareLine, ...]
    """One per pressing status, most pressing first."""
    total: int
    """Copies due or overdue."""
    page: int
    """The page of them shown, from 1; 0 when summarised (counted, the first few named)."""
    pages: int
    shown: tuple[TaskDue, ...]
    """The pressing copies of the page shown, or the first `NAMED` when summarised."""
    marks_all: bool
    """Nothing narrowed and every copy of the task pressing: marking it done with no animal
    named (the store's rule: for every active animal it applies to) records exactly these."""

    @property
    def status(self) -> Status:
        return self.lines[0].status


NAMED = 8
"""The animals a summarised card names before counting the rest."""


@dataclass(frozen=True, slots=True)
class CarePage:
    """The care part of the Today page: the health alerts in full, the pressing tasks."""

    alerts: tuple[CareAlert, ...]
    cards: tuple[CareCard, ...]
    any_tasks: bool
    """Some task applies (to an animal shown, or the household), pressing or not."""


def care_page(
    db: Database,
    *,
    today: dt.date | None = None,
    task: str | None = None,
    page: int = 1,
    animal: str | None = None,
    search: str | None = None,
) -> CarePage:
    """The care plan (`care_plan`, narrowed the same way) for the Today page: every alert, and
    each task due or overdue (in `group_tasks`' order) with its pressing copies in full when
    they fit on a page, `task` its `page` of them (past the last page: the last), the others
    counted, the first few named. An unknown `task` is an InputError naming it.

    A copy's due day and status follow from its task and the day it was last done alone, so
    they are worked out once for each different pair (`task_due`); a copy of its own is made
    only for the animals shown."""
    opened = find_task(task).id if task is not None else None
    day = dt.date.today() if today is None else today
    with db.read() as connection:
        copies, alerts = _read(connection, day, animal, search)
    shapes: dict[tuple[str, dt.date | None], TaskDue] = {}
    of_shape: dict[tuple[str, dt.date | None], list[Copy]] = {}
    for copy in copies:
        shape = (copy[0].id, copy[1])
        if shape not in shapes:
            shapes[shape] = task_due(copy[0], copy[1], day)
        of_shape.setdefault(shape, []).append(copy)
    cards = []
    for group in group_tasks(list(shapes.values())):
        if group.status == "later":
            continue
        pressing: list[Copy] = []
        lines = []
        for line in group.lines:
            if line.status == "later":
                continue
            of_line = [
                copy for item in line.items for copy in of_shape[item.task.id, item.last_done]
            ]
            of_line.sort(key=lambda copy: copy[2] or "")  # by the animal's id, as listed
            pressing += of_line
            lines.append(CareLine(line.status, len(of_line), line.first))
        size = agenda.PAGE_SIZE  # the day's plan's page: one size for the whole page
        pages = (len(pressing) + size - 1) // size
        number = min(page, pages) if group.task.id == opened else 1 if pages == 1 else 0
        start = (number - 1) * size if number else 0
        cards.append(
            CareCard(
                task=group.task,
                lines=tuple(lines),
                total=len(pressing),
                page=number,
                pages=pages,
                shown=tuple(
                    task_due(task, last, day, animal=key, animal_label=label)
                    for task, last, key, label in pressing[
                        start : start + (size if number else NAMED)
                    ]
                ),
                marks_all=animal is None and search is None and len(lines) == len(group.lines),
            )
        )
    return CarePage(alerts=alerts, cards=tuple(cards), any_tasks=bool(copies))

"""The day's care plan: every care task with its due date, for every active animal it applies to
(and each household task once), and the health alerts (grooming findings not yet seen by a
vet, weight lost beyond the rule of care-tasks.yaml).

Its statements are SQL text (`ratbond.store.sqltext`), so the store reads the plan through
SQLAlchemy on either backend (`care_plan`), or through sqlite3 (`read_care_plan` takes either
reader). They are `ratbond.store.today`'s, which `ratbond today` reads into plain tuples with the
same rules and wording.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ratbond.care.health import WeightLoss, weight_loss
from ratbond.care.knowledge import builtin_care_tasks
from ratbond.care.routine import TaskDue, task_due
from ratbond.store.sqltext import as_date
from ratbond.store.today import (
    ACTIVE_ANIMALS,
    GROOMINGS,
    LAST_DONE,
    LAST_VET_CHECK,
    WEIGHINGS,
    finding_message,
    loss_message,
)

if TYPE_CHECKING:
    from ratbond.store.db import Database
    from ratbond.store.sqltext import Run


@dataclass(frozen=True, slots=True)
class CareAlert:
    """A reason to see a vet: a grooming finding, or weight lost."""

    kind: str
    """`finding` or `weight_loss`."""
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


def read_care_plan(run: Run, day: dt.date) -> CarePlan:
    """The care plan for `day` read with `run` (either reader of `ratbond.store.sqltext`)."""
    care = builtin_care_tasks()
    active = run(ACTIVE_ANIMALS)
    done: dict[str, dict[int | None, dt.date]] = {}  # task -> animal (None: household) -> day
    for task_id, animal, when in run(LAST_DONE):
        done.setdefault(task_id, {})[animal] = as_date(when)
    last_vet = {animal: as_date(when) for animal, when in run(LAST_VET_CHECK)}
    # Rows come oldest first per animal, so the last one kept is the latest. A finding stays
    # until a vet has seen the animal: a later grooming that finds nothing does not clear it
    # (a lump does not go away by itself).
    groomings: dict[int, dt.date] = {}
    findings_at: dict[int, tuple[dt.date, str]] = {}
    for animal, when, found in run(GROOMINGS):
        groomings[animal] = as_date(when)
        if found:
            findings_at[animal] = (as_date(when), found)
    weighings: dict[int, list[tuple[dt.date, float]]] = {}
    for animal, when, grams in run(WEIGHINGS):
        weighings.setdefault(animal, []).append((as_date(when), grams))
    by_records = {
        "weights": {animal: points[-1][0] for animal, points in weighings.items()},
        "grooming": groomings,
    }
    tasks: list[TaskDue] = []
    for task in care.tasks:
        done_for = done.get(task.id, {})
        if task.scope == "household":
            tasks.append(task_due(task, done_for.get(None), day))
            continue
        also = by_records[task.also_done_by] if task.also_done_by is not None else {}
        for animal_id, key, name, species in active:
            if species not in task.species:
                continue
            last, other = done_for.get(animal_id), also.get(animal_id)
            if other is not None and (last is None or other > last):
                last = other
            tasks.append(task_due(task, last, day, animal=key, animal_label=name or key))
    labels = {animal_id: (key, name or key) for animal_id, key, name, _ in active}
    alerts: list[CareAlert] = []
    titles = {f.id: f.title.lower() for f in care.findings}
    for animal_id, (when, findings) in findings_at.items():
        vet = last_vet.get(animal_id)
        if animal_id not in labels or (vet is not None and vet >= when):
            continue
        key, label = labels[animal_id]
        found = tuple(findings.split())
        alerts.append(
            CareAlert(
                kind="finding",
                animal=key,
                animal_label=label,
                date=when,
                message=finding_message(label, found, titles, when),
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
                message=loss_message(
                    label,
                    (
                        loss.latest_date,
                        loss.latest_grams,
                        loss.peak_date,
                        loss.peak_grams,
                        loss.percent,
                    ),
                ),
                loss=loss,
            )
        )
    alerts.sort(key=lambda a: (a.animal, a.kind))
    return CarePlan(today=day, tasks=tuple(tasks), alerts=tuple(alerts))


def care_plan(db: Database, *, today: dt.date | None = None) -> CarePlan:
    """The care plan for `today` (default: the local date), read in one transaction."""
    from ratbond.store.sqltext import run_on

    day = dt.date.today() if today is None else today
    with db.read() as connection:
        return read_care_plan(run_on(connection, day), day)

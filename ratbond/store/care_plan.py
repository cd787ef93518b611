"""The day's care plan: every care task with its due date, for every active animal it applies to
(and each household task once), and the health alerts: a grooming finding no vet has seen
since, weight lost beyond the rule of care-tasks.yaml (`ratbond.care.health`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ratbond.care.health import WeightLoss, weight_loss
from ratbond.care.knowledge import builtin_care_tasks
from ratbond.care.routine import TaskDue, task_due
from ratbond.store.sqltext import as_date, execute

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from ratbond.store.db import Database

ACTIVE_ANIMALS = """SELECT id, key, name, species FROM animals
WHERE household_id = :household AND status = 'active' ORDER BY key"""
# The last day each task was done, per animal (NULL: for the household).
LAST_DONE = """
SELECT task, animal_id, MAX(date) FROM care_done
WHERE household_id = :household AND deleted_at IS NULL AND date <= :today
GROUP BY task, animal_id
"""
# The last vet check of each animal with a grooming finding: only a finding asks for it.
LAST_VET_CHECK = """
SELECT animal_id, MAX(date) FROM vet_checks
WHERE household_id = :household AND deleted_at IS NULL AND date <= :today
  AND animal_id IN (SELECT animal_id FROM grooming
                    WHERE household_id = :household AND deleted_at IS NULL AND findings <> '')
GROUP BY animal_id
"""
GROOMINGS = """
SELECT animal_id, date, findings FROM grooming
WHERE household_id = :household AND deleted_at IS NULL AND date <= :today
ORDER BY animal_id, date, id
"""
# Weighings of active animals only: the others have neither tasks nor alerts.
WEIGHINGS = """
SELECT weights.animal_id, weights.date, weights.grams FROM weights
JOIN animals ON animals.id = weights.animal_id
WHERE weights.household_id = :household AND animals.household_id = :household
  AND weights.deleted_at IS NULL AND weights.date <= :today AND animals.status = 'active'
ORDER BY weights.animal_id, weights.date, weights.id
"""


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


def care_plan(db: Database, *, today: dt.date | None = None) -> CarePlan:
    """The care plan for `today` (default: the local date), read in one transaction."""
    day = dt.date.today() if today is None else today
    with db.read() as connection:
        return _read(connection, day)


def _read(connection: Connection, day: dt.date) -> CarePlan:
    care = builtin_care_tasks()
    active = execute(connection, ACTIVE_ANIMALS)
    done: dict[str, dict[int | None, dt.date]] = {}  # task -> animal (None: household) -> day
    for task_id, animal, when in execute(connection, LAST_DONE, day):
        done.setdefault(task_id, {})[animal] = as_date(when)
    last_vet = {animal: as_date(when) for animal, when in execute(connection, LAST_VET_CHECK, day)}
    # Rows come oldest first per animal, so the last one kept is the latest grooming, and the
    # latest one that found something.
    groomings: dict[int, dt.date] = {}
    findings_at: dict[int, tuple[dt.date, str]] = {}
    for animal, when, found in execute(connection, GROOMINGS, day):
        groomings[animal] = as_date(when)
        if found:
            findings_at[animal] = (as_date(when), found)
    weighings: dict[int, list[tuple[dt.date, float]]] = {}
    for animal, when, grams in execute(connection, WEIGHINGS, day):
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
    titles = {f.id: f.title.lower() for f in care.findings}
    alerts: list[CareAlert] = []
    for animal_id, (when, findings) in findings_at.items():
        # A finding stands until a vet check dated on or after it: a later grooming that
        # finds nothing is no vet's word (a lump does not go away by itself).
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
    return CarePlan(today=day, tasks=tuple(tasks), alerts=tuple(alerts))

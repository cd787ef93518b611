"""Care records: free-roam checks, trust signs, grooming logs and care tasks done. One call, one
transaction. The day's care plan read from them is `ratbond.store.care_plan`, also importable
from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, insert, select, update

from ratbond.care.freeroam import evaluate_free_roam
from ratbond.care.health import find_findings
from ratbond.care.model import CareTask
from ratbond.care.routine import find_task
from ratbond.care.trust import find_trust_signs
from ratbond.errors import InputError, NotFound, RatbondError
from ratbond.store.animals import check_living, check_recordable
from ratbond.store.care_plan import CareAlert as CareAlert
from ratbond.store.care_plan import CarePlan as CarePlan
from ratbond.store.care_plan import care_plan as care_plan
from ratbond.store.common import from_row, not_future, now, record_history, who
from ratbond.store.db import Database
from ratbond.store.queries import resolve_animal, today_or
from ratbond.store.records import AnimalRecord
from ratbond.store.tables import (
    animals,
    care_done,
    free_roam_checks,
    grooming,
    trust_signs,
)
from ratbond.store.text import paragraphs_text

# --- records ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FreeRoamRecord:
    """One run of the free-roam checklist."""

    id: int
    date: dt.date
    ready: bool
    answers: dict[str, bool | None]
    checked_by: str
    notes: str | None
    created_at: dt.datetime

    @property
    def failed(self) -> list[str]:
        """Items answered no."""
        return [item for item, answer in self.answers.items() if answer is False]


@dataclass(frozen=True)
class TrustSighting:
    """One trust sign seen in one rat on one day."""

    id: int
    animal_id: int
    date: dt.date
    sign: str
    notes: str | None
    logged_by: str
    created_at: dt.datetime


@dataclass(frozen=True)
class GroomRecord:
    """A grooming session and what it turned up (empty `findings`: nothing)."""

    id: int
    animal_id: int
    animal_key: str
    date: dt.date
    findings: tuple[str, ...]
    notes: str | None
    logged_by: str
    created_at: dt.datetime


@dataclass(frozen=True)
class CareDone:
    """A care task done on a day, for one animal or (animal None) for the household."""

    id: int
    task: str
    animal_id: int | None
    animal_key: str | None
    date: dt.date
    notes: str | None
    logged_by: str
    created_at: dt.datetime


# --- helpers ------------------------------------------------------------------------------


def _animal(connection: Connection, ref: str, field: str = "animal") -> AnimalRecord:
    """An active animal by id or name; the error names the form field."""
    try:
        animal = resolve_animal(connection, ref)
    except NotFound as error:
        raise NotFound(error.message, field) from None
    except RatbondError as error:
        raise InputError(field, str(error)) from None
    check_living(animal, "record", field)
    return animal


def _rat(connection: Connection, ref: str, what: str) -> AnimalRecord:
    animal = _animal(connection, ref)
    if animal.species != "rat":
        raise InputError(
            "animal", f"'{animal.key}' is a {animal.species}; {what} are kept for rats only"
        )
    return animal


def _insert(connection: Connection, table: Table, values: dict[str, Any]) -> int:
    key = connection.execute(insert(table).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def _soft_delete(db: Database, table: Table, row_id: int, what: str) -> None:
    with db.write() as connection:
        row = connection.execute(
            select(table).where(table.c.id == row_id, table.c.deleted_at.is_(None))
        ).first()
        if row is None:
            raise NotFound(f"no {what} with number {row_id}")
        record_history(connection, table, row, "delete", 1)
        connection.execute(update(table).where(table.c.id == row_id).values(deleted_at=now()))


# --- free roam ----------------------------------------------------------------------------


def record_free_roam(
    db: Database,
    answers: Mapping[str, bool | None],
    *,
    date: dt.date | None = None,
    checked_by: str | None = None,
    notes: str | None = None,
    today: dt.date | None = None,
) -> FreeRoamRecord:
    """Record a run of the free-roam checklist. `ready` is worked out from the answers by the
    checklist itself: a required item answered no (or not at all) is never recorded as ready.
    """
    day = today_or(today)
    when = date or day
    not_future(when, day, "date")
    result = evaluate_free_roam(answers)
    record = FreeRoamRecord(
        id=0,
        date=when,
        ready=result.ready,
        answers={item.id: answer for item, answer in result.answers},
        checked_by=who(checked_by),
        notes=paragraphs_text(notes, "notes"),
        created_at=now(),
    )
    with db.write() as connection:
        values = {k: v for k, v in record.__dict__.items() if k != "id"}
        return FreeRoamRecord(
            **{**record.__dict__, "id": _insert(connection, free_roam_checks, values)}
        )


def list_free_roam(db: Database, *, limit: int | None = None) -> list[FreeRoamRecord]:
    """Live free-roam checks, newest first."""
    query = (
        select(free_roam_checks)
        .where(free_roam_checks.c.deleted_at.is_(None))
        .order_by(free_roam_checks.c.date.desc(), free_roam_checks.c.id.desc())
        .limit(limit)
    )
    with db.read() as connection:
        rows = connection.execute(query).all()
    return [from_row(FreeRoamRecord, r, answers=dict(r.answers)) for r in rows]


def delete_free_roam(db: Database, check_id: int) -> None:
    """Withdraw a free-roam check entered by mistake (kept, marked deleted)."""
    _soft_delete(db, free_roam_checks, check_id, "free-roam check")


# --- trust signs --------------------------------------------------------------------------


def log_trust(
    db: Database,
    ref: str,
    signs: Sequence[str],
    *,
    date: dt.date | None = None,
    notes: str | None = None,
    logged_by: str | None = None,
    today: dt.date | None = None,
) -> list[TrustSighting]:
    """Record the trust signs seen in a rat on a day (default today): one row per sign."""
    day = today_or(today)
    when = date or day
    not_future(when, day, "date")
    found = find_trust_signs(signs)
    stamp = now()
    with db.write() as connection:
        rat = _rat(connection, ref, "trust signs")
        check_recordable(rat, when, "trust sign")
        result = []
        for sign in found:
            values: dict[str, Any] = {
                "animal_id": rat.id,
                "date": when,
                "sign": sign.id,
                "notes": paragraphs_text(notes, "notes"),
                "logged_by": who(logged_by),
                "created_at": stamp,
            }
            result.append(TrustSighting(id=_insert(connection, trust_signs, values), **values))
        return result


def list_trust(db: Database, ref: str) -> tuple[AnimalRecord, list[TrustSighting]]:
    """A rat and its live trust sightings, oldest first."""
    with db.read() as connection:
        rat = _rat(connection, ref, "trust signs")
        rows = connection.execute(
            select(trust_signs)
            .where(trust_signs.c.animal_id == rat.id, trust_signs.c.deleted_at.is_(None))
            .order_by(trust_signs.c.date, trust_signs.c.id)
        ).all()
    return rat, [from_row(TrustSighting, r) for r in rows]


def delete_trust(db: Database, sighting_id: int) -> None:
    """Withdraw a trust sighting entered by mistake (kept, marked deleted)."""
    _soft_delete(db, trust_signs, sighting_id, "trust sighting")


# --- grooming -----------------------------------------------------------------------------


def log_grooming(
    db: Database,
    ref: str,
    findings: Sequence[str] = (),
    *,
    date: dt.date | None = None,
    notes: str | None = None,
    logged_by: str | None = None,
    today: dt.date | None = None,
) -> GroomRecord:
    """Record a grooming session and its health check; any finding raises a vet alert."""
    day = today_or(today)
    when = date or day
    not_future(when, day, "date")
    found = tuple(finding.id for finding in find_findings(findings))
    with db.write() as connection:
        rat = _rat(connection, ref, "grooming logs")
        check_recordable(rat, when, "grooming")
        values: dict[str, Any] = {
            "animal_id": rat.id,
            "date": when,
            "findings": " ".join(found),
            "notes": paragraphs_text(notes, "notes"),
            "logged_by": who(logged_by),
            "created_at": now(),
        }
        row_id = _insert(connection, grooming, values)
        return GroomRecord(id=row_id, animal_key=rat.key, **{**values, "findings": found})


def list_grooming(db: Database, ref: str | None = None) -> list[GroomRecord]:
    """Live grooming logs, newest first; of one rat when `ref` is given."""
    query = (
        select(grooming, animals.c.key.label("animal_key"))
        .join(animals, animals.c.id == grooming.c.animal_id)
        .where(grooming.c.deleted_at.is_(None))
        .order_by(grooming.c.date.desc(), grooming.c.id.desc())
    )
    with db.read() as connection:
        if ref is not None:
            query = query.where(grooming.c.animal_id == _animal(connection, ref).id)
        rows = connection.execute(query).all()
    return [from_row(GroomRecord, r, findings=tuple(r.findings.split())) for r in rows]


def delete_grooming(db: Database, groom_id: int) -> None:
    """Withdraw a grooming log entered by mistake (kept, marked deleted)."""
    _soft_delete(db, grooming, groom_id, "grooming log")


# --- care tasks ---------------------------------------------------------------------------


def _targets(
    connection: Connection, task: CareTask, animal_refs: Sequence[str]
) -> list[AnimalRecord | None]:
    """Whom `task` is done for: None for the household; the animals named, each of a species
    the task is for; else every active animal it applies to."""
    targets: list[AnimalRecord | None]
    if task.scope == "household":
        if animal_refs:
            raise InputError(
                "animal",
                f"'{task.id.replace('_', '-')}' is done once for the whole household; "
                "leave out the animal",
            )
        targets = [None]
    elif animal_refs:
        targets = []
        for ref in animal_refs:
            animal = _animal(connection, ref)
            if animal.species not in task.species:
                raise InputError(
                    "animal",
                    f"'{animal.key}' is a {animal.species}; {task.title.lower()} is for "
                    + " and ".join(f"{s}s" for s in task.species),
                )
            if animal not in targets:
                targets.append(animal)
    else:
        rows = connection.execute(
            select(animals.c.key)
            .where(animals.c.status == "active", animals.c.species.in_(task.species))
            .order_by(animals.c.key)
        ).scalars()
        targets = [resolve_animal(connection, key) for key in rows]
        if not targets:
            kinds = " or ".join(f"{s}s" for s in task.species)
            raise InputError("animal", f"no active {kinds} to record {task.title.lower()} for")
    return targets


def care_targets(
    db: Database,
    task_name: str,
    animal_refs: Sequence[str] = (),
    *,
    date: dt.date | None = None,
    today: dt.date | None = None,
) -> list[AnimalRecord | None]:
    """Whom `mark_done` would record `task_name` for on `date`, checked as it checks them,
    recording nothing: a weigh-in asks these animals' weights."""
    not_future(date or today_or(today), today_or(today), "date")
    with db.read() as connection:
        return _targets(connection, find_task(task_name), animal_refs)


def mark_done(
    db: Database,
    task_name: str,
    animal_refs: Sequence[str] = (),
    *,
    date: dt.date | None = None,
    notes: str | None = None,
    logged_by: str | None = None,
    today: dt.date | None = None,
) -> list[CareDone]:
    """Record a care task done (default today). A per-animal task with no animals named is
    recorded for every active animal it applies to; a household task takes no animal."""
    day = today_or(today)
    when = date or day
    not_future(when, day, "date")
    task = find_task(task_name)
    with db.write() as connection:
        targets = _targets(connection, task, animal_refs)
        stamp = now()
        done = []
        for target in targets:
            values: dict[str, Any] = {
                "task": task.id,
                "animal_id": target.id if target else None,
                "date": when,
                "notes": paragraphs_text(notes, "notes"),
                "logged_by": who(logged_by),
                "created_at": stamp,
            }
            row_id = _insert(connection, care_done, values)
            done.append(CareDone(id=row_id, animal_key=target.key if target else None, **values))
        return done


def list_done(db: Database, *, task: str | None = None, limit: int | None = None) -> list[CareDone]:
    """Care tasks done, newest first; of one task when given."""
    query = (
        select(care_done, animals.c.key.label("animal_key"))
        .outerjoin(animals, animals.c.id == care_done.c.animal_id)
        .where(care_done.c.deleted_at.is_(None))
        .order_by(care_done.c.date.desc(), care_done.c.id.desc())
        .limit(limit)
    )
    if task is not None:
        query = query.where(care_done.c.task == find_task(task).id)
    with db.read() as connection:
        rows = connection.execute(query).all()
    return [from_row(CareDone, r) for r in rows]


def delete_done(db: Database, done_id: int) -> None:
    """Withdraw a care task recorded by mistake (kept, marked deleted)."""
    _soft_delete(db, care_done, done_id, "care task record")

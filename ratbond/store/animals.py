"""Animals and their care records: add, find (by id or name, any case), edit, archive;
vet checks and weights. Every change keeps the earlier version.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import asdict, dataclass, replace
from typing import Any

from anyascii import anyascii
from sqlalchemy import Connection, func, insert, select, update

from ratbond.errors import InputError, NotFound, RatbondError
from ratbond.limits import MAX_GRAMS, MIN_GRAMS, MIN_PET_GRAMS, NEWBORN_DAYS, TYPICAL_GRAMS
from ratbond.model import SEXES, read_sex
from ratbond.scenario import parse_animal
from ratbond.store.advice import refresh
from ratbond.store.common import (
    from_row,
    not_future,
    now,
    only_editable,
    record_history,
)
from ratbond.store.db import Database
from ratbond.store.introductions import set_status_locked
from ratbond.store.queries import (
    animal_from_row,
    animal_select,
    introductions_of_animal,
    load_animal,
    load_introductions,
    resolve_animal,
    today_or,
)
from ratbond.store.records import AnimalRecord, VetCheck, Weight
from ratbond.store.tables import (
    ANIMAL_STATUSES,
    animals,
    care_done,
    grooming,
    introductions,
    sessions,
    trust_signs,
    vet_checks,
    weights,
)
from ratbond.store.text import line_text, paragraphs_text

EDITABLE = (
    "name",
    "sex",
    "born",
    "arrived",
    "origin",
    "prey_drive",
    "markings",
    "notes",
    "species",
)
_SLUG = re.compile(r"[^a-z0-9_-]+")


@dataclass(frozen=True)
class NewAnimal:
    """What an owner knows about an animal when adding it; only `species` is required."""

    species: str
    name: str | None = None
    key: str | None = None
    """The id used in commands and scenarios; made from the name when not given."""
    sex: str | None = None
    born: dt.date | None = None
    arrived: dt.date | None = None
    origin: str | None = None
    prey_drive: str | None = None
    markings: str | None = None
    notes: str | None = None


def slug(name: str) -> str:
    """`Mr. Whiskers` -> `mr-whiskers`, `Chloé` -> `chloe`, `ハナ` -> `hana`: a valid id made
    from a name, its letters of any script spelt in ASCII (`anyascii`) so it can be typed."""
    return _SLUG.sub("-", anyascii(name).strip().lower()).strip("-")


def sex_field(text: str | None) -> str | None:
    """An owner's words for an animal's sex, in ratbond's small set (`ratbond.model.SEXES`):
    `intact male` is `male`, `Female, spayed` is `spayed female`. Words it cannot read are
    refused, so the pregnancy warning of rat-rat never misses a buck written oddly."""
    sex = read_sex(text)
    if sex is None and text is not None and text.strip():
        raise InputError(
            "sex",
            f"'{text.strip()}' is not a sex ratbond can read; write one of "
            + ", ".join(SEXES)
            + " (intact male, buck, doe, 'female, spayed' and the like are read too)",
        )
    return sex


def _validated(fields: dict[str, Any], today: dt.date, *, new_sex: bool = True) -> dict[str, Any]:
    """The contract's animal fields checked by the contract's own rules (`ratbond.scenario`);
    a field left empty counts as not given. A sex given now is read into ratbond's set
    (`sex_field`); one stored before that set existed is kept as written (`new_sex=False`):
    `ratbond.model.read_sex` reads it wherever it matters."""
    entry = {
        key: value.isoformat() if isinstance(value, dt.date) else value
        for key, value in fields.items()
        if key in ("id", "species", "name", "sex", "born", "arrived", "origin", "prey_drive")
        and value not in (None, "")
    }
    animal = parse_animal(entry, (), today)
    return {
        "key": animal.id,
        "species": animal.species,
        "name": animal.name,
        "sex": sex_field(animal.sex) if new_sex else animal.sex,
        "born": animal.born,
        "arrived": animal.arrived,
        "origin": animal.origin,
        "prey_drive": animal.prey_drive,
    }


def _text(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def add_animal(db: Database, new: NewAnimal, *, today: dt.date | None = None) -> AnimalRecord:
    """Add an animal; its id must be free. Fields are checked as the advice contract says."""
    with db.write() as connection:
        return add_animal_in(connection, new, today_or(today))


def add_animal_in(connection: Connection, new: NewAnimal, day: dt.date) -> AnimalRecord:
    """`add_animal` inside an open write transaction (a scenario import adds its animals so)."""
    name = _text(new.name)
    key = (new.key or "").strip().lower() or (slug(name) if name else "")
    if not key:
        raise InputError("id", "give the animal a name or an id")
    fields = _validated(
        {**new.__dict__, "id": key, "name": name, "sex": _text(new.sex)},
        day,
    )
    stamp = now()
    taken = connection.execute(select(animals.c.id).where(animals.c.key == key)).first()
    if taken is not None:
        hint = "choose another with --id" if new.key is None else "choose another id"
        raise InputError("id", f"an animal with the id '{key}' already exists; {hint}")
    animal_id = connection.execute(
        insert(animals).values(
            **fields,
            markings=line_text(new.markings, "markings"),
            notes=paragraphs_text(new.notes, "notes"),
            status="active",
            version=1,
            created_at=stamp,
            updated_at=stamp,
        )
    ).inserted_primary_key
    assert animal_id is not None
    return load_animal(connection, animal_id[0])


def get_animal(db: Database, ref: str) -> AnimalRecord:
    """An animal by id or name, case-insensitively."""
    with db.read() as connection:
        return resolve_animal(connection, ref)


def list_animals(
    db: Database, *, species: str | None = None, include_archived: bool = False
) -> list[AnimalRecord]:
    """Animals in id order; active ones only unless `include_archived`."""
    with db.read() as connection:
        query = animal_select(connection).order_by(animals.c.key)
        if species is not None:
            query = query.where(animals.c.species == species)
        if not include_archived:
            query = query.where(animals.c.status == "active")
        return [animal_from_row(row._mapping) for row in connection.execute(query)]


def _refresh_introductions_of(connection: Connection, animal_id: int, today: dt.date) -> None:
    ids = introductions_of_animal(connection, animal_id)
    if not ids:
        return
    # Lock in id order, as every writer does, so concurrent writers cannot deadlock.
    connection.execute(
        select(introductions.c.id)
        .where(introductions.c.id.in_(ids))
        .order_by(introductions.c.id)
        .with_for_update()
    ).all()
    for intro in load_introductions(connection, ids):
        refresh(connection, intro, today)


def _lock_animal(connection: Connection, ref: str) -> tuple[AnimalRecord, Any]:
    animal = resolve_animal(connection, ref)
    row = connection.execute(
        select(animals).where(animals.c.id == animal.id).with_for_update()
    ).one()
    return load_animal(connection, animal.id), row


def edit_animal(
    db: Database, ref: str, changes: dict[str, Any], *, today: dt.date | None = None
) -> AnimalRecord:
    """Change some fields (`EDITABLE`; None clears one); the earlier version goes to history.

    The advice of every introduction the animal is in is refreshed in the same transaction.
    """
    day = today_or(today)
    only_editable(changes, EDITABLE)
    with db.write() as connection:
        animal, row = _lock_animal(connection, ref)
        if (
            "species" in changes
            and changes["species"] != animal.species
            and introductions_of_animal(connection, animal.id)
        ):
            raise InputError(
                "species",
                f"'{animal.key}' already takes part in an introduction as a "
                f"{animal.species}; add the animal again with the right species instead",
            )
        merged: dict[str, Any] = {
            "id": animal.key,
            **{key: getattr(animal, key) for key in EDITABLE},
            **{key: _text(v) if isinstance(v, str) else v for key, v in changes.items()},
        }
        fields = _validated(merged, day, new_sex="sex" in changes)
        del fields["key"]
        home = fields["arrived"] or fields["born"]
        if home is not None and home != (animal.arrived or animal.born):
            _check_home_before_records(
                connection, animal, home, "arrived" if fields["arrived"] else "born"
            )
        record_history(connection, animals, row, "edit", animal.version)
        connection.execute(
            update(animals)
            .where(animals.c.id == animal.id)
            .values(
                **fields,
                markings=line_text(merged["markings"], "markings"),
                notes=paragraphs_text(merged["notes"], "notes"),
                version=animal.version + 1,
                updated_at=now(),
            )
        )
        _refresh_introductions_of(connection, animal.id, day)
        return load_animal(connection, animal.id)


def _check_home_before_records(
    connection: Connection, animal: AnimalRecord, home: dt.date, field: str
) -> None:
    """Refuse a new arrival (or birth, when the arrival is not known) later than something
    already recorded for the animal: every record is dated once it is home
    (`check_recordable`, the sessions' and introductions' date rules), so a later home date
    is a slip that would leave those records impossible."""
    intros = introductions_of_animal(connection, animal.id)
    firsts: list[tuple[str, Any]] = [
        (
            "introduction",
            select(func.min(introductions.c.started)).where(introductions.c.id.in_(intros)),
        ),
        (
            "session",
            select(func.min(sessions.c.date)).where(
                sessions.c.introduction_id.in_(intros), sessions.c.deleted_at.is_(None)
            ),
        ),
    ]
    for table, what in (
        (vet_checks, "vet check"),
        (weights, "weighing"),
        (grooming, "grooming"),
        (trust_signs, "trust sign"),
        (care_done, "care task done"),
    ):
        firsts.append(
            (
                what,
                select(func.min(table.c.date)).where(
                    table.c.animal_id == animal.id, table.c.deleted_at.is_(None)
                ),
            )
        )
    for what, query in firsts:
        first = connection.execute(query).scalar()
        if first is not None and first < home:
            raise InputError(
                field,
                f"{home.isoformat()} is after {first.isoformat()}, the date of {animal.label}'s "
                f"first {what}; an animal is home before anything is recorded for it: give "
                f"{first.isoformat()} or earlier",
            )


# Everyday words for the two archive statuses.
_ARCHIVE_WORDS = {"adopted": "rehomed", "died": "deceased", "dead": "deceased"}


def archive_animal(
    db: Database, ref: str, status: str, *, today: dt.date | None = None
) -> tuple[AnimalRecord, list[str]]:
    """Mark an animal rehomed or deceased; its live introductions stop. Returns their ids."""
    status = _ARCHIVE_WORDS.get(status, status)
    if status not in ANIMAL_STATUSES[1:]:
        raise InputError("status", f"'{status}' is not an archive status; use rehomed or deceased")
    day = today_or(today)
    with db.write() as connection:
        animal, row = _lock_animal(connection, ref)
        if animal.status != "active":
            raise RatbondError(f"'{animal.key}' is already archived as {animal.status}")
        record_history(connection, animals, row, "archive", animal.version)
        connection.execute(
            update(animals)
            .where(animals.c.id == animal.id)
            .values(status=status, version=animal.version + 1, updated_at=now())
        )
        stopped: list[str] = []
        for intro in load_introductions(connection, introductions_of_animal(connection, animal.id)):
            if intro.status in ("active", "paused"):
                set_status_locked(connection, intro, "stopped", day)
                stopped.append(intro.key)
        return load_animal(connection, animal.id), stopped


def add_vet_check(
    db: Database,
    ref: str,
    date: dt.date,
    *,
    vet: str | None = None,
    findings: str | None = None,
    today: dt.date | None = None,
) -> VetCheck:
    """Record a vet check; the latest one is the animal's `health_check` in every scenario."""
    day = today_or(today)
    with db.write() as connection:
        animal, _ = _lock_animal(connection, ref)
        return add_vet_check_in(connection, animal, date, day, vet=vet, findings=findings)


def add_vet_check_in(
    connection: Connection,
    animal: AnimalRecord,
    date: dt.date,
    day: dt.date,
    *,
    vet: str | None = None,
    findings: str | None = None,
) -> VetCheck:
    """`add_vet_check` inside an open write transaction, for an animal the caller has locked
    or has just added."""
    not_future(date, day, "date")
    check_recordable(animal, date, "vet check")
    check = VetCheck(
        id=0,
        animal_id=animal.id,
        date=date,
        vet=line_text(vet, "vet"),
        findings=paragraphs_text(findings, "findings"),
        created_at=now(),
    )
    values = {k: v for k, v in asdict(check).items() if k != "id"}
    key = connection.execute(insert(vet_checks).values(**values)).inserted_primary_key
    assert key is not None
    _refresh_introductions_of(connection, animal.id, day)
    return replace(check, id=key[0])


def list_vet_checks(db: Database, ref: str) -> list[VetCheck]:
    with db.read() as connection:
        animal = resolve_animal(connection, ref)
        rows = connection.execute(
            select(vet_checks)
            .where(vet_checks.c.animal_id == animal.id, vet_checks.c.deleted_at.is_(None))
            .order_by(vet_checks.c.date, vet_checks.c.id)
        ).all()
    return [from_row(VetCheck, r) for r in rows]


GRAMS_PER_UNIT = {"g": 1.0, "kg": 1000.0, "lb": 453.59237, "lbs": 453.59237, "oz": 28.349523125}
_WEIGHT = re.compile(r"(\d+(?:[.,]\d*)?|[.,]\d+)\s*([a-z]*)")


def parse_weight(text: str) -> float:
    """A weight as an owner types it, in grams: `250`, `250g`, `250 g`, `0.55 lb`, `9 oz`,
    `1.2 kg` (a plain number is grams). Whether an animal can weigh that is `add_weight`'s
    to say."""
    found = _WEIGHT.fullmatch(text.strip().lower())
    if found is None or found[2] not in ("", *GRAMS_PER_UNIT):
        raise InputError(
            "grams",
            f"'{text}' is not a weight; give a number with a unit, e.g. 250g, 0.55 lb or 9 oz "
            "(units: g, kg, lb, oz; a plain number is grams)",
        )
    return round(float(found[1].replace(",", ".")) * GRAMS_PER_UNIT[found[2] or "g"], 1)


def add_weight(
    db: Database,
    ref: str,
    grams: float,
    date: dt.date | None = None,
    *,
    today: dt.date | None = None,
) -> Weight:
    """Record a weighing in grams (default date: today)."""
    day = today_or(today)
    when = date or day
    not_future(when, day, "date")
    if not math.isfinite(grams) or grams <= 0:
        raise InputError(
            "grams",
            f"{grams:g} is not a weight; give the grams as a positive number, "
            f"{MIN_GRAMS:g} or more",
        )
    with db.write() as connection:
        animal = resolve_animal(connection, ref)
        check_recordable(animal, when, "weighing")
        limit = MAX_GRAMS[animal.species]
        if grams >= limit:
            raise InputError(
                "grams",
                f"{grams:g} g is not the weight of a pet {animal.species} (they weigh well "
                f"under {limit:,} g); give {animal.label}'s weight in grams"
                + (_meant(grams, animal.species) or ""),
            )
        newborn = animal.born is not None and (when - animal.born).days < NEWBORN_DAYS
        least = MIN_GRAMS if newborn else MIN_PET_GRAMS[animal.species]
        if grams < least:
            low, high = TYPICAL_GRAMS[animal.species]
            raise InputError(
                "grams",
                f"{grams:g} g is too light for a pet {animal.species} (one weighs roughly "
                f"{low:,}-{high:,} g, a weaned one at least {MIN_PET_GRAMS[animal.species]} g)"
                + (_meant(grams, animal.species) or "; check the scale.")
                + " Give the weight with its unit: 250g, 0.25 kg or 9 oz",
            )
        weight = Weight(id=0, animal_id=animal.id, date=when, grams=float(grams), created_at=now())
        values = {k: v for k, v in asdict(weight).items() if k != "id"}
        key = connection.execute(insert(weights).values(**values)).inserted_primary_key
        assert key is not None
        return replace(weight, id=key[0])


def _meant(grams: float, species: str) -> str:
    """ "; did you mean 250 g?": the readings of a mistyped weight (a unit left out, a digit
    lost or added) that a pet of the species usually weighs; empty when none is."""
    low, high = TYPICAL_GRAMS[species]
    readings = [
        (grams * GRAMS_PER_UNIT["kg"], f"{grams:g} kg"),
        (grams * GRAMS_PER_UNIT["lb"], f"{grams:g} lb"),
        (grams * GRAMS_PER_UNIT["oz"], f"{grams:g} oz"),
        (grams * 100, ""),
        (grams * 10, ""),
        (grams / 10, ""),
    ]
    seen: list[str] = []
    for value, typed in readings:
        if low <= value <= high:
            text = f"{round(value):,} g" + (f" ({typed})" if typed else "")
            if text not in seen:
                seen.append(text)
    return ": did you mean " + " or ".join(seen) + "?" if seen else ""


def check_living(animal: AnimalRecord, what: str, field: str = "animal") -> None:
    """Records are for active animals: none for one that died or was rehomed."""
    if animal.status == "deceased":
        raise InputError(
            field,
            f"{animal.label} is recorded as deceased, so no {what} can be added for "
            f"{animal.key}; records are for living animals",
        )
    if animal.status != "active":
        raise InputError(
            field, f"'{animal.key}' is {animal.status}; records are for active animals"
        )


def check_recordable(animal: AnimalRecord, when: dt.date, what: str) -> None:
    """The rule for every dated record of an animal (a vet check, a weighing, a grooming, a
    trust sign): the animal is alive and still yours, and the record is not dated before it
    came home (its arrival, else its birth), as a session must not be. A record that breaks it
    is a slip of the date or of the animal."""
    check_living(animal, what)
    home = animal.arrived or animal.born
    if home is not None and when < home:
        came = "arrived" if animal.arrived else "was born"
        raise InputError(
            "date",
            f"{when.isoformat()} is before {animal.label} {came} ({home.isoformat()}), so it "
            f"cannot be the date of a {what}; check the date, or the "
            + ("arrival" if animal.arrived else "birth")
            + f" date ('ratbond animal edit {animal.key} --"
            + ("arrived" if animal.arrived else "born")
            + " ...')",
        )


def list_weights(db: Database, ref: str) -> list[Weight]:
    with db.read() as connection:
        animal = resolve_animal(connection, ref)
        rows = connection.execute(
            select(weights)
            .where(weights.c.animal_id == animal.id, weights.c.deleted_at.is_(None))
            .order_by(weights.c.date, weights.c.id)
        ).all()
    return [from_row(Weight, r) for r in rows]


def delete_vet_check(db: Database, check_id: int, *, today: dt.date | None = None) -> None:
    """Withdraw a vet check entered by mistake (kept, marked deleted)."""
    _soft_delete(db, vet_checks, check_id, "vet check", today_or(today))


def delete_weight(db: Database, weight_id: int) -> None:
    """Withdraw a weighing entered by mistake (kept, marked deleted)."""
    _soft_delete(db, weights, weight_id, "weighing", None)


def _soft_delete(db: Database, table: Any, row_id: int, what: str, today: dt.date | None) -> None:
    with db.write() as connection:
        row = connection.execute(
            select(table).where(table.c.id == row_id, table.c.deleted_at.is_(None))
        ).first()
        if row is None:
            raise NotFound(f"no {what} with number {row_id}")
        record_history(connection, table, row, "delete", 1)
        connection.execute(update(table).where(table.c.id == row_id).values(deleted_at=now()))
        if today is not None:
            _refresh_introductions_of(connection, row.animal_id, today)

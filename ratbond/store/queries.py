"""Reading rows into records: the loaders every store module shares (no writes here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Connection, Row, Select, and_, func, select

from ratbond.model import Origin, PreyDrive, Session, Species
from ratbond.store.records import (
    AnimalRecord,
    IntroductionRecord,
    Member,
    SessionRecord,
)
from ratbond.store.tables import animals, introduction_animals, introductions, sessions, vet_checks

# The latest vet check of each animal is its contract `health_check`.
_last_check = (
    select(func.max(vet_checks.c.date))
    .where(and_(vet_checks.c.animal_id == animals.c.id, vet_checks.c.deleted_at.is_(None)))
    .scalar_subquery()
    .label("health_check")
)


def animal_select() -> Select[Any]:
    return select(animals, _last_check)


def animal_from_row(row: Row[Any]) -> AnimalRecord:
    m = row._mapping
    return AnimalRecord(
        id=m["id"],
        key=m["key"],
        species=cast(Species, m["species"]),
        name=m["name"],
        sex=m["sex"],
        born=m["born"],
        arrived=m["arrived"],
        origin=cast(Origin | None, m["origin"]),
        prey_drive=cast(PreyDrive | None, m["prey_drive"]),
        markings=m["markings"],
        status=m["status"],
        notes=m["notes"],
        health_check=m["health_check"],
        version=m["version"],
        created_at=m["created_at"],
        updated_at=m["updated_at"],
    )


def load_animal(connection: Connection, animal_id: int) -> AnimalRecord:
    row = connection.execute(animal_select().where(animals.c.id == animal_id)).one()
    return animal_from_row(row)


def load_introductions(
    connection: Connection, ids: Iterable[int] | None = None, status: str | None = None
) -> list[IntroductionRecord]:
    """Introductions with their members, in id order; all of them unless `ids` or `status`."""
    query = select(introductions).order_by(introductions.c.id)
    if ids is not None:
        query = query.where(introductions.c.id.in_(list(ids)))
    if status is not None:
        query = query.where(introductions.c.status == status)
    rows = connection.execute(query).all()
    if not rows:
        return []
    wanted = [row.id for row in rows]
    member_rows = connection.execute(
        animal_select()
        .add_columns(
            introduction_animals.c.introduction_id,
            introduction_animals.c.role,
            introduction_animals.c.position,
        )
        .join(introduction_animals, introduction_animals.c.animal_id == animals.c.id)
        .where(introduction_animals.c.introduction_id.in_(wanted))
        .order_by(introduction_animals.c.introduction_id, introduction_animals.c.position)
    ).all()
    members: dict[int, list[Member]] = {}
    for member in member_rows:
        members.setdefault(member.introduction_id, []).append(
            Member(role=member.role, animal=animal_from_row(member))
        )
    return [
        IntroductionRecord(
            id=row.id,
            key=row.key,
            program=row.program,
            status=row.status,
            started=row.started,
            notes=row.notes,
            version=row.version,
            created_at=row.created_at,
            updated_at=row.updated_at,
            members=tuple(members.get(row.id, ())),
        )
        for row in rows
    ]


def load_introduction(connection: Connection, introduction_id: int) -> IntroductionRecord:
    return load_introductions(connection, [introduction_id])[0]


def session_from_row(row: Row[Any]) -> SessionRecord:
    m = row._mapping
    signals: dict[str, list[str]] = m["signals"] or {}
    return SessionRecord(
        id=m["id"],
        introduction_id=m["introduction_id"],
        seq=m["seq"],
        date=m["date"],
        stage=m["stage"],
        minutes=m["minutes"],
        supervised=bool(m["supervised"]),
        signals={animal: tuple(names) for animal, names in signals.items()},
        notes=m["notes"],
        session_class=m["session_class"],
        logged_by=m["logged_by"],
        logged_at=m["logged_at"],
        version=m["version"],
    )


def load_sessions(connection: Connection, introduction_id: int) -> list[SessionRecord]:
    """The live (not deleted) sessions of an introduction, in the engine's order."""
    rows = connection.execute(
        select(sessions)
        .where(sessions.c.introduction_id == introduction_id, sessions.c.deleted_at.is_(None))
        .order_by(sessions.c.date, sessions.c.seq)
    ).all()
    return [session_from_row(row) for row in rows]


def load_session_models(connection: Connection, introduction_id: int) -> list[Session]:
    """The live sessions as the engine's `Session`s, read with only the columns it needs."""
    rows = connection.execute(
        select(
            sessions.c.date,
            sessions.c.stage,
            sessions.c.minutes,
            sessions.c.supervised,
            sessions.c.signals,
            sessions.c.notes,
        )
        .where(sessions.c.introduction_id == introduction_id, sessions.c.deleted_at.is_(None))
        .order_by(sessions.c.date, sessions.c.seq)
    ).all()
    return [
        Session(
            date=day,
            stage=stage,
            minutes=minutes,
            supervised=bool(supervised),
            signals={animal: tuple(names) for animal, names in (signals or {}).items()},
            notes=notes,
        )
        for day, stage, minutes, supervised, signals, notes in rows
    ]


def introductions_of_animal(connection: Connection, animal_id: int) -> list[int]:
    return list(
        connection.execute(
            select(introduction_animals.c.introduction_id)
            .where(introduction_animals.c.animal_id == animal_id)
            .order_by(introduction_animals.c.introduction_id)
        ).scalars()
    )


def today_or(today: dt.date | None) -> dt.date:
    return dt.date.today() if today is None else today

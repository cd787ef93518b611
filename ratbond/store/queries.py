"""Reading rows into records: the loaders every store module shares (no writes here)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Connection, Row, Select, Text, and_, bindparam, func, or_, select
from sqlalchemy import cast as sql_cast

from ratbond.errors import RatbondError
from ratbond.model import Origin, PreyDrive, Scenario, Session, Species
from ratbond.store.common import not_found, programs, with_notes_read
from ratbond.store.records import (
    AnimalRecord,
    IntroductionRecord,
    Member,
    SessionRecord,
)
from ratbond.store.scope import within
from ratbond.store.tables import (
    animals,
    introduction_animals,
    introductions,
    sessions,
    vet_checks,
)

if TYPE_CHECKING:
    from ratbond.store.db import Database


def _last_check(connection: Connection) -> Any:
    """The latest vet check of each animal: its contract `health_check` (a subquery, so
    filtered by `within`)."""
    latest = select(func.max(vet_checks.c.date)).where(
        and_(vet_checks.c.animal_id == animals.c.id, vet_checks.c.deleted_at.is_(None))
    )
    return within(connection, latest).scalar_subquery().label("health_check")


def animal_select(connection: Connection) -> Select[Any]:
    """The animals with their `health_check`, for `connection`'s transaction."""
    return select(animals, _last_check(connection))


def animal_from_row(m: Mapping[Any, Any]) -> AnimalRecord:
    """An animal from a row's mapping (`row._mapping`) of `animal_select`'s columns."""
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
    row = connection.execute(animal_select(connection).where(animals.c.id == animal_id)).one()
    return animal_from_row(row._mapping)


def resolve_animal(connection: Connection, ref: str) -> AnimalRecord:
    """The animal whose id or name is `ref`, case-insensitively; one clear error otherwise."""
    wanted = ref.strip().lower()
    rows = connection.execute(
        animal_select(connection)
        .where(or_(animals.c.key == wanted, func.lower(animals.c.name) == wanted))
        .order_by(animals.c.id)
    ).all()
    exact = [row for row in rows if row.key == wanted]
    if exact:
        return animal_from_row(exact[0]._mapping)
    if len(rows) == 1:
        return animal_from_row(rows[0]._mapping)
    if rows:
        ids = ", ".join(row.key for row in rows)
        raise RatbondError(f"'{ref}' is the name of {len(rows)} animals ({ids}); use the id")
    known = list(connection.execute(select(animals.c.key)).scalars())
    known += [
        name.lower()
        for name in connection.execute(select(animals.c.name)).scalars()
        if name is not None
    ]
    raise not_found("animal", ref, known, "see 'ratbond animal list'")


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
        animal_select(connection)
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
            Member(role=member.role, animal=animal_from_row(member._mapping))
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


def lock_introduction(connection: Connection, intro_id: int) -> None:
    """Hold the introduction's row until commit, so its writers take turns (PostgreSQL)."""
    if connection.dialect.name == "sqlite":
        return  # SQLite has no row locks; BEGIN IMMEDIATE already made this the only writer
    connection.execute(
        select(introductions.c.id).where(introductions.c.id == intro_id).with_for_update()
    ).one()


def load_introduction(connection: Connection, introduction_id: int) -> IntroductionRecord:
    intro = find_introduction(connection, introduction_id=introduction_id)
    if intro is None:
        raise LookupError(f"no introduction with id {introduction_id}")
    return intro


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
        attempts=m["attempts"],
        rewarded=m["rewarded"],
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


@lru_cache(maxsize=4096)
def _signal_items(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    # Histories repeat a handful of signal sets, so decoding each distinct text once per
    # process saves most of the JSON work of a replay; the result is immutable, so sharing is safe.
    decoded: dict[str, list[str]] = json.loads(text) or {}
    return tuple((animal, tuple(names)) for animal, names in decoded.items())


def session_model(
    day: dt.date,
    stage: str,
    minutes: float | None,
    supervised: bool,
    signals: dict[str, tuple[str, ...]],
    notes: str | None,
    attempts: int | None,
    rewarded: int | None,
) -> Session:
    """The engine's `Session` exactly as it reads back from a stored row.

    Minutes become a float as both backends' float columns give them back, so a session built
    from the values just written replays the same as one read from the database."""
    return Session(
        date=day,
        stage=stage,
        minutes=None if minutes is None else float(minutes),
        supervised=bool(supervised),
        signals=signals,
        notes=notes,
        attempts=attempts,
        rewarded=rewarded,
    )


# Built once per process: SQLAlchemy then reuses the statement's cache key and compiled form.
# Signals are read as their JSON text (CAST works on both backends) and decoded through
# `_signal_items`.
_SESSION_MODELS = (
    select(
        sessions.c.date,
        sessions.c.stage,
        sessions.c.minutes,
        sessions.c.supervised,
        sql_cast(sessions.c.signals, Text).label("signals"),
        sessions.c.notes,
        sessions.c.attempts,
        sessions.c.rewarded,
        sessions.c.seq,
    )
    .where(
        sessions.c.introduction_id == bindparam("introduction_id"),
        sessions.c.deleted_at.is_(None),
    )
    .order_by(sessions.c.date, sessions.c.seq)
)


def load_history(connection: Connection, introduction_id: int) -> tuple[list[Session], int | None]:
    """The live sessions as the engine's `Session`s (engine order) and the number (`seq`) of
    the last of them (None: no session): what a replay needs, in one query."""
    rows = connection.execute(_SESSION_MODELS, {"introduction_id": introduction_id}).all()
    models = [
        session_model(
            day, stage, minutes, supervised, dict(_signal_items(signals)), notes, attempts, rewarded
        )
        for day, stage, minutes, supervised, signals, notes, attempts, rewarded, _seq in rows
    ]
    return models, rows[-1].seq if rows else None


def load_session_models(connection: Connection, introduction_id: int) -> list[Session]:
    """The live sessions as the engine's `Session`s, in the engine's order."""
    return load_history(connection, introduction_id)[0]


# One introduction and its members in one round trip (outer joins: the introduction comes back
# even without members). Introduction columns are prefixed: several names clash with animals'.
_INTRO_PREFIX = "intro_"


def _introduction_with_members(connection: Connection) -> Select[Any]:
    return (
        select(
            *(column.label(_INTRO_PREFIX + column.name) for column in introductions.c),
            *animals.c,
            _last_check(connection),
            introduction_animals.c.role,
        )
        .select_from(
            introductions.outerjoin(
                introduction_animals, introduction_animals.c.introduction_id == introductions.c.id
            ).outerjoin(animals, animals.c.id == introduction_animals.c.animal_id)
        )
        .order_by(introduction_animals.c.position)
    )


_INTRODUCTION_FIELDS = (
    "id",
    "key",
    "program",
    "status",
    "started",
    "notes",
    "version",
    "created_at",
    "updated_at",
)


def find_introduction(
    connection: Connection, *, key: str | None = None, introduction_id: int | None = None
) -> IntroductionRecord | None:
    """One introduction with its members, by key or by id, in one query; None if missing."""
    wanted = (
        introductions.c.key == key if key is not None else introductions.c.id == introduction_id
    )
    rows = connection.execute(_introduction_with_members(connection).where(wanted)).mappings().all()
    if not rows:
        return None
    first = rows[0]
    return IntroductionRecord(
        **{name: first[_INTRO_PREFIX + name] for name in _INTRODUCTION_FIELDS},
        members=tuple(
            Member(role=row["role"], animal=animal_from_row(row))
            for row in rows
            if row["role"] is not None
        ),
    )


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


HISTORY_PAGE_SIZE = 20
"""Sessions a page of an introduction's history shows, whatever the request asks."""
CHART_DAYS = 60
"""Days of sessions the chart of an introduction's history shows: those up to its last one."""
# The classes of sessions from the calmest to the worst: a day's bar takes its worst one's.
CLASS_ORDER = ("calm", "stress", "aggression", "danger")


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """A session as the history shows it."""

    session: SessionRecord
    withdrawn: bool
    """Withdrawn by the owner (`unlog`): kept on record, left out of the advice."""
    noted: dict[str, tuple[str, ...]]
    """The signals its notes add to the ticked ones, by animal (as the advice reads them)."""


@dataclass(frozen=True, slots=True)
class SessionDay:
    """The live sessions of one day, summed for the chart."""

    day: dt.date
    sessions: int
    minutes: float
    worst: str
    """The class of the day's worst session (`CLASS_ORDER`)."""


@dataclass(frozen=True, slots=True)
class HistoryPage:
    """One page of an introduction's history, newest first, and its days for the chart."""

    entries: tuple[HistoryEntry, ...]
    total: int
    """Every session on record, withdrawn ones too."""
    page: int
    pages: int
    counted: bool
    """Some session has clicker counts (the history shows their column)."""
    days: tuple[SessionDay, ...]
    """The days with timed live sessions among the `CHART_DAYS` up to the last one, oldest
    first."""


def _noted(
    intro: IntroductionRecord, records: list[SessionRecord], today: dt.date
) -> list[dict[str, tuple[str, ...]]]:
    """What the notes reader adds to each session's ticked signals, as the advice reads it."""
    scenario = Scenario(
        program=programs()[intro.program],
        today=today,
        animals={member.animal.key: member.animal.to_model() for member in intro.members},
        roles=intro.roles,
        sessions=tuple(record.to_model() for record in records),
    )
    return [session.noted for session in with_notes_read(scenario).sessions]


# Built once per process, like `_SESSION_MODELS`: a page of the history, newest first, withdrawn
# sessions too; how many sessions and how many with clicker counts; the last live session's
# date; the live timed sessions per day and class from a date on.
_OF_INTRODUCTION = sessions.c.introduction_id == bindparam("introduction_id")
_LIVE = and_(_OF_INTRODUCTION, sessions.c.deleted_at.is_(None))
_HISTORY_PAGE = (
    select(sessions)
    .where(_OF_INTRODUCTION)
    .order_by(sessions.c.date.desc(), sessions.c.seq.desc())
    .limit(bindparam("limit"))
    .offset(bindparam("offset"))
)
_HISTORY_COUNTS = select(func.count(), func.count(sessions.c.attempts)).where(_OF_INTRODUCTION)
_LAST_DAY = select(func.max(sessions.c.date)).where(_LIVE)
_DAYS = (
    select(sessions.c.date, sessions.c.session_class, func.count(), func.sum(sessions.c.minutes))
    .where(_LIVE, sessions.c.minutes.is_not(None), sessions.c.date > bindparam("after"))
    .group_by(sessions.c.date, sessions.c.session_class)
    .order_by(sessions.c.date)
)


def _session_days(connection: Connection, introduction_id: int) -> tuple[SessionDay, ...]:
    last = connection.execute(_LAST_DAY, {"introduction_id": introduction_id}).scalar()
    if last is None:
        return ()
    after = last - dt.timedelta(days=CHART_DAYS)
    rows = connection.execute(_DAYS, {"introduction_id": introduction_id, "after": after}).all()
    days: dict[dt.date, SessionDay] = {}
    for day, klass, count, minutes in rows:
        known = days.get(day)
        if known is None:
            days[day] = SessionDay(day=day, sessions=count, minutes=float(minutes), worst=klass)
            continue
        worse = max(known.worst, klass, key=CLASS_ORDER.index)
        days[day] = SessionDay(day, known.sessions + count, known.minutes + minutes, worse)
    return tuple(days.values())


def history_page(
    db: Database, intro: IntroductionRecord, *, page: int = 1, today: dt.date
) -> HistoryPage:
    """Page `page` of the introduction's sessions, newest first (past the last page: the
    last), withdrawn ones included, read in a few queries whatever the length of the history."""
    with db.read() as connection:
        total, counted = connection.execute(_HISTORY_COUNTS, {"introduction_id": intro.id}).one()
        pages = max(1, (total + HISTORY_PAGE_SIZE - 1) // HISTORY_PAGE_SIZE)
        shown = min(page, pages)
        rows = connection.execute(
            _HISTORY_PAGE,
            {
                "introduction_id": intro.id,
                "limit": HISTORY_PAGE_SIZE,
                "offset": (shown - 1) * HISTORY_PAGE_SIZE,
            },
        ).all()
        days = _session_days(connection, intro.id)
    records = [session_from_row(row) for row in rows]
    entries = tuple(
        HistoryEntry(session=record, withdrawn=row.deleted_at is not None, noted=noted)
        for row, record, noted in zip(rows, records, _noted(intro, records, today), strict=True)
    )
    return HistoryPage(
        entries=entries, total=total, page=shown, pages=pages, counted=counted > 0, days=days
    )

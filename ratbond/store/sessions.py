"""Sessions: log one (validated by the advice contract's rules), list, edit or delete them;
every write refreshes the introduction's stored advice in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from ratbond.errors import InputError, RatbondError
from ratbond.model import Advice, Session
from ratbond.scenario import parse_scenario
from ratbond.store.advice import refresh, scenario_document
from ratbond.store.common import (
    current_user,
    now,
    programs,
    record_history,
    relocate,
    session_class,
    species_of,
    vocabulary,
    with_notes_read,
)
from ratbond.store.db import Database
from ratbond.store.introductions import lock_introduction, resolve_introduction
from ratbond.store.queries import (
    load_introduction,
    load_sessions,
    session_from_row,
    today_or,
)
from ratbond.store.records import IntroductionRecord, SessionRecord
from ratbond.store.tables import sessions

EDITABLE = ("date", "stage", "minutes", "supervised", "signals", "notes")


@dataclass(frozen=True)
class NewSession:
    """A session as the owner reports it. Signals map an animal's id or name to signal ids."""

    stage: str
    date: dt.date | None = None
    """Default: today."""
    minutes: float | None = None
    supervised: bool = True
    signals: Mapping[str, Sequence[str]] = field(default_factory=dict)
    notes: str | None = None
    logged_by: str | None = None
    """Default: `RATBOND_USER`, else the login name."""


@dataclass(frozen=True)
class Logged:
    """What a write returns: the introduction, the session written and the new advice."""

    introduction: IntroductionRecord
    session: SessionRecord
    advice: Advice


def _member_keys(intro: IntroductionRecord, signals: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """Signals keyed by animal id, accepting names in any case."""
    by_ref: dict[str, str] = {}
    for member in intro.members:
        by_ref[member.animal.key] = member.animal.key
        if member.animal.name:
            by_ref.setdefault(member.animal.name.lower(), member.animal.key)
    keyed: dict[str, list[str]] = {}
    for ref, names in signals.items():
        key = by_ref.get(ref.strip().lower())
        if key is None:
            raise InputError(
                f"signals.{ref}",
                f"'{ref}' is not in introduction '{intro.key}'; its animals: "
                + ", ".join(f"{m.animal.key} ({m.role})" for m in intro.members),
            )
        keyed.setdefault(key, []).extend(name.strip().lower() for name in names)
    return keyed


def _entry(
    session: NewSession | dict[str, Any], intro: IntroductionRecord, day: dt.date
) -> dict[str, Any]:
    values = session if isinstance(session, dict) else session.__dict__
    entry: dict[str, Any] = {
        "date": (values.get("date") or day).isoformat(),
        "stage": values["stage"],
        "supervised": values.get("supervised", True),
        "signals": _member_keys(intro, values.get("signals") or {}),
    }
    if values.get("minutes") is not None:
        entry["minutes"] = values["minutes"]
    notes = values.get("notes")
    if notes is not None and notes.strip():
        entry["notes"] = notes.strip()
    return entry


def _validate(
    intro: IntroductionRecord, entry: dict[str, Any], day: dt.date
) -> tuple[Session, str]:
    """The session checked by the contract's rules, and its class."""
    document = scenario_document(intro, [entry], day)
    try:
        scenario = parse_scenario(document, vocabulary(), programs(), day)
    except InputError as error:
        raise relocate(error, "sessions[0]") from None
    (session,) = scenario.sessions
    (read,) = with_notes_read(scenario).sessions
    klass = session_class(intro.program, species_of(scenario), read)
    return session, klass


def _check_open(intro: IntroductionRecord) -> None:
    if intro.status == "paused":
        raise RatbondError(
            f"introduction '{intro.key}' is paused; resume it first with "
            f"'ratbond intro resume {intro.key}'"
        )
    if intro.status in ("stopped", "completed"):
        raise RatbondError(
            f"introduction '{intro.key}' is {intro.status}, so nothing more can be logged "
            "for it; start a new introduction to try again"
        )


def _row_values(session: Session, klass: str) -> dict[str, Any]:
    return {
        "date": session.date,
        "stage": session.stage,
        "minutes": session.minutes,
        "supervised": session.supervised,
        "signals": {animal: list(names) for animal, names in session.signals.items()},
        "notes": session.notes,
        "session_class": klass,
    }


def log_session(db: Database, ref: str, new: NewSession, *, today: dt.date | None = None) -> Logged:
    """Log a session for an active introduction and store the new advice, in one transaction."""
    day = today_or(today)
    with db.write() as connection:
        intro = resolve_introduction(connection, ref)
        lock_introduction(connection, intro.id)
        _check_open(intro)
        session, klass = _validate(intro, _entry(new, intro, day), day)
        seq = connection.execute(
            select(func.coalesce(func.max(sessions.c.seq), 0)).where(
                sessions.c.introduction_id == intro.id
            )
        ).scalar_one()
        inserted = connection.execute(
            insert(sessions).values(
                introduction_id=intro.id,
                seq=seq + 1,
                **_row_values(session, klass),
                logged_by=(new.logged_by or current_user()).strip()[:100],
                logged_at=now(),
                version=1,
            )
        ).inserted_primary_key
        assert inserted is not None
        return _after_write(connection, intro.id, inserted[0], day)


def _after_write(connection: Connection, intro_id: int, session_id: int, day: dt.date) -> Logged:
    intro = load_introduction(connection, intro_id)
    advice = refresh(connection, intro, day)
    row = connection.execute(select(sessions).where(sessions.c.id == session_id)).one()
    return Logged(introduction=intro, session=session_from_row(row), advice=advice)


def list_sessions(db: Database, ref: str) -> tuple[IntroductionRecord, list[SessionRecord]]:
    """An introduction and its live sessions, oldest first."""
    with db.read() as connection:
        intro = resolve_introduction(connection, ref)
        return intro, load_sessions(connection, intro.id)


def _locked_session(connection: Connection, session_id: int) -> tuple[Any, IntroductionRecord]:
    row = connection.execute(
        select(sessions).where(sessions.c.id == session_id, sessions.c.deleted_at.is_(None))
    ).first()
    if row is None:
        raise RatbondError(f"no session number {session_id}; see 'ratbond history INTRO'")
    lock_introduction(connection, row.introduction_id)
    return row, load_introduction(connection, row.introduction_id)


def edit_session(
    db: Database, session_id: int, changes: Mapping[str, Any], *, today: dt.date | None = None
) -> Logged:
    """Correct a logged session (fields of `EDITABLE`); the earlier version goes to history."""
    day = today_or(today)
    unknown = [key for key in changes if key not in EDITABLE]
    if unknown:
        raise InputError(
            unknown[0], "this field cannot be edited; editable: " + ", ".join(EDITABLE)
        )
    with db.write() as connection:
        row, intro = _locked_session(connection, session_id)
        _check_open(intro)
        current = session_from_row(row)
        merged: dict[str, Any] = {
            "date": current.date,
            "stage": current.stage,
            "minutes": current.minutes,
            "supervised": current.supervised,
            "signals": current.signals,
            "notes": current.notes,
            **changes,
        }
        session, klass = _validate(intro, _entry(merged, intro, day), day)
        record_history(connection, sessions, row, "edit", current.version)
        connection.execute(
            update(sessions)
            .where(sessions.c.id == session_id)
            .values(**_row_values(session, klass), version=current.version + 1)
        )
        return _after_write(connection, intro.id, session_id, day)


def delete_session(db: Database, session_id: int, *, today: dt.date | None = None) -> Logged:
    """Withdraw a session logged by mistake: kept, marked deleted, left out of the advice."""
    day = today_or(today)
    with db.write() as connection:
        row, intro = _locked_session(connection, session_id)
        _check_open(intro)
        record_history(connection, sessions, row, "delete", row.version)
        connection.execute(
            update(sessions).where(sessions.c.id == session_id).values(deleted_at=now())
        )
        return _after_write(connection, intro.id, session_id, day)

"""Sessions: log one (validated by the advice contract's rules), list, edit or delete them;
every write refreshes the introduction's stored advice in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from ratbond.engine import Decision
from ratbond.errors import InputError, NotFound, RatbondError
from ratbond.model import Advice, Scenario, Session
from ratbond.scenario import parse_scenario
from ratbond.store.advice import build_scenario, current_advice, refresh, scenario_document
from ratbond.store.common import (
    clearance,
    engine_of,
    now,
    only_editable,
    programs,
    record_history,
    relocate,
    session_class,
    species_of,
    vocabulary,
    who,
    with_notes_read,
)
from ratbond.store.db import Database
from ratbond.store.introductions import (
    open_introduction,
    resolve_introduction,
)
from ratbond.store.queries import (
    load_history,
    load_introduction,
    load_sessions,
    lock_introduction,
    session_from_row,
    session_model,
    today_or,
)
from ratbond.store.records import IntroductionRecord, SessionRecord, StoredAdvice
from ratbond.store.replays import Replayed, engine_for, extend, replay, resumable
from ratbond.store.scope import within
from ratbond.store.tables import introductions, sessions
from ratbond.store.text import paragraphs_text

EDITABLE = ("date", "stage", "minutes", "supervised", "signals", "notes", "attempts", "rewarded")


@dataclass(frozen=True)
class NewSession:
    """A session as the owner reports it. Signals map an animal's id or name to signal ids."""

    stage: str | None = None
    """Default: the stage the advice had on the session's date (`advice_on`), and then its
    minutes too when none are given: a diary typed up later lands where it was."""
    date: dt.date | None = None
    """Default: today."""
    minutes: float | None = None
    supervised: bool = True
    signals: Mapping[str, Sequence[str]] = field(default_factory=dict)
    notes: str | None = None
    attempts: int | None = None
    """Required at a training stage (one with a success rate): tries at the behaviour."""
    rewarded: int | None = None
    """Required at a training stage: the tries that earned a click and a treat."""
    logged_by: str | None = None
    """Default: `RATBOND_USER`, else the login name."""
    notes_reviewed: bool = False
    """Whether the owner was asked about each danger reading of the notes that the words
    cannot rule out, with the answers in `signals` (a "no" left out of the animal's ticked
    signals). Unreviewed, each such reading counts (`with_unreviewed_danger`)."""
    submission: str | None = None
    """The one-time key of the request that sends it (the log form's, an API client's
    `Idempotency-Key`): the same key again logs nothing and answers with the session it
    logged the first time (`Logged.repeated`)."""


@dataclass(frozen=True)
class Logged:
    """What a write returns: the introduction, the session written and the new advice."""

    introduction: IntroductionRecord
    session: SessionRecord
    advice: Advice
    early: dt.date | None = None
    """A new session dated before the day the advice named: that day."""
    dated: Advice | None = None
    """A new session dated before today: the advice as it stood on its date once it was in,
    what the next page of a diary being typed up needs (today's advice may hold a long-break
    alarm that the diary's next lines answer)."""
    repeated: bool = False
    """The request was sent before (its `NewSession.submission` logged `session`): nothing
    new was logged, and `advice` is the advice as it stands."""

    @property
    def pacing_warning(self) -> str | None:
        """What to tell the owner about a session that came before its advised day."""
        if self.early is None or self.injured:
            return None
        counted = (
            "It is recorded, but it earned nothing towards moving on"
            if "rushed" in self.advice.alerts
            else "It is recorded and counts"
        )
        return (
            f"This session is dated {self.session.date.isoformat()}, before the advised day "
            f"({self.early.isoformat()}). {counted}: every stage needs its days, and rushing "
            "ahead is how animals get hurt, so wait for the advised day next time."
        )

    @property
    def injured(self) -> bool:
        """The new advice says an animal may be hurt: that, not the pace, is what to read."""
        return bool(INJURY_ALERTS.intersection(self.advice.alerts)) or (
            self.advice.action == "stop" and "intervene" in self.advice.alerts
        )

    @property
    def too_soon_warning(self) -> str | None:
        """What to tell the owner about a meeting logged while the advice still waits for a
        prerequisite (a vet check, the cat's prey drive): it should not have happened yet."""
        if self.advice.action != "wait":
            return None
        catalogue = vocabulary().alerts
        missing = [
            catalogue[code].advice for code in PREREQUISITE_ALERTS if code in self.advice.alerts
        ]
        if not missing:
            return None
        return (
            "This meeting should not have happened yet. "
            + " ".join(missing)
            + " Keep the animals apart until that is done; the advice below says what is missing."
        )


INJURY_ALERTS = frozenset({"vet_now"})
PREREQUISITE_ALERTS = ("health_check_needed", "assessment_needed")


def signals_by_animal(
    intro: IntroductionRecord, signals: Mapping[str, Sequence[str]]
) -> dict[str, list[str]]:
    """Signals keyed by animal id, accepting names in any case (an unknown one is refused)."""
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
        "signals": signals_by_animal(intro, values.get("signals") or {}),
    }
    for name in ("minutes", "attempts", "rewarded"):
        if values.get(name) is not None:
            entry[name] = values[name]
    notes = paragraphs_text(values.get("notes"), "notes")
    if notes is not None:
        entry["notes"] = notes
    return entry


def with_unreviewed_danger(
    intro: IntroductionRecord, notes: str | None, signals: Mapping[str, Sequence[str]]
) -> dict[str, list[str]]:
    """`signals` (keyed by animal id) with each danger reading of `notes` that the words cannot
    rule out joined to its animal's: the advice counts such a danger until the owner says it
    did not happen, and signals ticked without being asked (a form sent without its preview,
    an API call, a correction) say nothing about it."""
    from ratbond.counted import notes_read
    from ratbond.notes.review import ticked_after_answers, to_confirm

    ticked = signals_by_animal(intro, signals)
    text = paragraphs_text(notes, "notes")
    if text is None:
        return ticked
    read = notes_read(intro, text)
    asked = to_confirm(read.readings)
    if not asked:
        return ticked
    answers = {(reading.animal, reading.signal): True for reading in asked}
    return ticked_after_answers(read.readings, ticked, answers)


def _counting_unreviewed(intro: IntroductionRecord, new: NewSession) -> NewSession:
    """`new`, its notes' danger readings that the words cannot rule out ticked unless the
    owner was asked about them: a session logged, imported from a diary or a scenario file
    counts "I think Tom bit her" as `ratbond evaluate` does."""
    if new.notes_reviewed:
        return new
    return replace(new, signals=with_unreviewed_danger(intro, new.notes, new.signals))


@dataclass(frozen=True, slots=True)
class Checked:
    """A session checked by the contract's rules (`_validate`)."""

    scenario: Scenario
    """What it was checked in: the introduction's animals and roles, validated, for the day."""
    session: Session
    read: Session
    """The session as the engine reads it back from its row, its notes read in once
    (`with_notes_read`), for the engine to be fed."""
    klass: str


def _validate(intro: IntroductionRecord, entry: dict[str, Any], day: dt.date) -> Checked:
    """The session checked by the contract's rules, read and classed."""
    document = scenario_document(intro, [entry], day)
    try:
        scenario = parse_scenario(document, vocabulary(), programs(), day)
    except InputError as error:
        raise relocate(error, "sessions[0]") from None
    (session,) = scenario.sessions
    check_plausible(scenario, session)
    (noted,) = with_notes_read(scenario).sessions
    read = replace(_read_back(session), noted=noted.noted)
    klass = session_class(intro.program, species_of(scenario), read)
    return Checked(scenario, session, read, klass)


def check_session(intro: IntroductionRecord, new: NewSession, *, today: dt.date) -> None:
    """Check `new` by the rules `log_session` applies, writing nothing: an `InputError` names
    the first field that breaks one. Its stage must be given. The step-by-step log checks each
    answer so as it is typed, rather than refusing the whole session at the end."""
    if new.stage is None:
        raise InputError("stage", "give the session's stage")
    _validate(intro, _entry(new, intro, today), today)


def check_plausible(scenario: Scenario, session: Session) -> None:
    """Counts belong to training stages only; a session before an animal arrived is a slip.
    The contract accepts them, but stored they would mislead the owner's records (`history`,
    exports) and the advice. (A session longer than a day, or more tries than a session holds,
    is refused by the scenario's own validation, `ratbond.scenario`.)"""
    for animal in scenario.animals.values():
        if animal.arrived is not None and session.date < animal.arrived:
            raise InputError(
                "date",
                f"{session.date.isoformat()} is before {animal.name or animal.id} arrived "
                f"({animal.arrived.isoformat()}), and a session needs every animal there; check "
                f"the date, or the arrival date ('ratbond animal edit {animal.id} --arrived ...')",
            )
    program = scenario.program
    stage = program.stages[program.stage_index(session.stage)]
    if stage.min_success_rate is not None:
        return
    for name in ("attempts", "rewarded"):
        if getattr(session, name) is not None:
            training = [s.id for s in program.stages if s.min_success_rate is not None]
            where = (
                "; counts go with its training stages: " + ", ".join(training)
                if training
                else f"; {program.id} has no training stage"
            )
            raise InputError(
                name,
                f"'{stage.id}' is not a training stage, so there are no tries to count: leave "
                f"out attempts and rewarded{where}",
            )


def check_open(intro: IntroductionRecord) -> None:
    if intro.status == "paused":
        raise RatbondError(
            f"introduction '{intro.key}' is paused, so nothing can be logged; resume it first"
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
        "attempts": session.attempts,
        "rewarded": session.rewarded,
        "session_class": klass,
    }


def add_session_in(
    connection: Connection,
    intro: IntroductionRecord,
    seq: int,
    new: NewSession,
    day: dt.date,
    known: Replayed | None = None,
) -> Replayed | None:
    """Check a session as `log_session` does and add it as number `seq`, inside an open write
    transaction; the caller stores the advice once its sessions are in (an import).

    `known` is the replay of the live sessions before this one, if the caller keeps it: a
    session without a stage takes the advice's on its date from it (`_with_stage`), and it is
    returned fed with this session when the session comes last in the engine's order (else
    None: the caller replays)."""
    new = _counting_unreviewed(intro, _with_stage(connection, intro, new, day, known))
    checked = _validate(intro, _entry(new, intro, day), day)
    connection.execute(
        insert(sessions).values(
            introduction_id=intro.id,
            seq=seq,
            **_row_values(checked.session, checked.klass),
            logged_by=who(new.logged_by),
            logged_at=now(),
            version=1,
        )
    )
    if known is None or (known.last_date is not None and checked.read.date < known.last_date):
        return None
    return extend(known, checked.scenario, checked.read, seq)


def _read_back(session: Session | SessionRecord) -> Session:
    """A validated session (or a stored one) as the engine reads it back from its row."""
    return session_model(
        session.date,
        session.stage,
        session.minutes,
        session.supervised,
        {animal: tuple(names) for animal, names in session.signals.items()},
        session.notes,
        session.attempts,
        session.rewarded,
    )


def _early(connection: Connection, intro: IntroductionRecord, session: Session) -> dt.date | None:
    """The advised day, when a new session comes before it; else None.

    The advice read is the one stored for the session's date. Its `not_before` counts when
    the advice waits on a time gate (quarantine, settling) or when the session falls on the
    day of the last one (the one-a-day pace); a session filling in an earlier day, logged
    late, is not early. Sessions at the gate stage itself are the observations the wait asks
    for."""
    advised = current_advice(connection, intro.id, session.date)
    if advised.not_before is None or session.date >= advised.not_before:
        return None
    gate = programs()[intro.program].stages[0]
    if gate.gate is not None and session.stage == gate.id:
        return None
    if advised.action == "wait" or session.date == advised.last_session:
        return advised.not_before
    return None


def advice_on(
    connection: Connection,
    intro: IntroductionRecord,
    on: dt.date,
    today: dt.date,
    known: Replayed | None = None,
) -> Advice | StoredAdvice:
    """The advice as it stood on `on`, from the live sessions dated up to it.

    From today on, unless the caller keeps its own replay (`known`), it is the stored advice
    (`current_advice`). An earlier day is decided by the
    engine over the sessions up to that day: the stored replay (`known`, or the introduction's
    own when still current) when none is dated after it, which is how a diary entered in date
    order goes; otherwise those sessions replayed."""
    if on >= today and known is None:
        return current_advice(connection, intro.id, on)
    base = build_scenario(intro, [], today)
    if known is None:
        known = resumable(connection, intro.id, base)
    if known is None or (known.last_date is not None and known.last_date > on):
        history, _ = load_history(connection, intro.id)
        known = replay(base, [s for s in history if s.date <= on], None)
    return Decision(engine_for(base.program), replace(base, today=on), known.state).advice()


def _with_stage(
    connection: Connection,
    intro: IntroductionRecord,
    new: NewSession,
    day: dt.date,
    known: Replayed | None = None,
) -> NewSession:
    """`new` with the stage (and, when it gives none, the minutes) the advice had on its date,
    when it names no stage; `new` itself otherwise."""
    if new.stage is not None:
        return new
    advised = advice_on(connection, intro, new.date or day, day, known)
    minutes = advised.minutes if new.minutes is None else new.minutes
    return replace(new, stage=advised.stage, minutes=minutes)


def log_session(db: Database, ref: str, new: NewSession, *, today: dt.date | None = None) -> Logged:
    """Log a session for an active introduction and store the new advice, in one transaction.

    A session without a stage takes the advice's on its date (`_with_stage`). A session dated
    on or after every other resumes the replay stored with the advice
    (`ratbond.store.replays`) and reads no history; any other reads and replays the history.
    `Logged.early` is set when the session comes before the advised day, `Logged.dated` when
    it comes before today."""
    day = today_or(today)
    submission = _submission_key(new.submission)
    with db.write() as connection:
        intro = open_introduction(connection, ref)
        if submission is not None:
            # Before `check_open`: a save sent again after the one that stopped the
            # introduction answers with that save, not with "it is stopped".
            earlier = _submitted(connection, intro, submission)
            if earlier is not None:
                advice = refresh(connection, intro, day, base=build_scenario(intro, [], day))
                return Logged(introduction=intro, session=earlier, advice=advice, repeated=True)
        check_open(intro)
        new = _counting_unreviewed(intro, _with_stage(connection, intro, new, day))
        checked = _validate(intro, _entry(new, intro, day), day)
        scenario, klass = checked.scenario, checked.klass
        early = _early(connection, intro, checked.session)
        known = resumable(connection, intro.id, scenario)
        values = {
            "introduction_id": intro.id,
            **_row_values(checked.session, klass),
            "logged_by": who(new.logged_by),
            "logged_at": now(),
            "version": 1,
            "submission": submission,
        }
        # Numbered after the highest number, in the insert itself: numbers are never reused,
        # a withdrawn session keeps its own.
        next_seq = within(
            connection,
            select(func.coalesce(func.max(sessions.c.seq), 0) + 1).where(
                sessions.c.introduction_id == intro.id
            ),
        ).scalar_subquery()
        # `return_defaults` brings the number back in the insert's own round trip and keeps
        # the new row's key readable (the audit notes it).
        inserted = connection.execute(
            insert(sessions).values(seq=next_seq).return_defaults(sessions.c.seq), values
        )
        assert inserted.returned_defaults is not None
        values["seq"] = inserted.returned_defaults.seq
        key = inserted.inserted_primary_key
        assert key is not None
        session_id = key[0]
        stored = checked.read
        # It has the highest number, so it goes after its date's sessions: last in the
        # engine's order unless it fills in an earlier day.
        replayed = None
        if known is not None and (known.last_date is None or stored.date >= known.last_date):
            replayed = extend(known, scenario, stored, values["seq"])
        advice = refresh(connection, intro, day, base=scenario, replayed=replayed)
        dated = None
        if stored.date < day:
            on = advice_on(connection, intro, stored.date, day, replayed)
            assert isinstance(on, Advice)
            dated = on
        record = SessionRecord(
            id=session_id,
            introduction_id=intro.id,
            seq=values["seq"],
            date=stored.date,
            stage=stored.stage,
            minutes=stored.minutes,
            supervised=stored.supervised,
            signals=stored.signals,
            notes=stored.notes,
            attempts=stored.attempts,
            rewarded=stored.rewarded,
            session_class=klass,
            logged_by=values["logged_by"],
            logged_at=values["logged_at"],
            version=1,
        )
    return Logged(introduction=intro, session=record, advice=advice, early=early, dated=dated)


SUBMISSION_KEY = re.compile(r"[A-Za-z0-9._:-]{8,64}")
"""A request's one-time key: a UUID, a ULID or the like, as the column holds."""


def _submission_key(value: str | None) -> str | None:
    if value is None:
        return None
    if not SUBMISSION_KEY.fullmatch(value):
        raise InputError(
            "submission",
            "a request's key is 8 to 64 letters, digits, '.', '_', ':' or '-'; send a new "
            "random one (a UUID) with each new session",
        )
    return value


def _submitted(
    connection: Connection, intro: IntroductionRecord, submission: str
) -> SessionRecord | None:
    """The session an earlier request with this key logged, if any (withdrawn or not)."""
    row = connection.execute(
        select(sessions).where(
            sessions.c.introduction_id == intro.id, sessions.c.submission == submission
        )
    ).first()
    return None if row is None else session_from_row(row)


def _after_write(
    connection: Connection,
    intro: IntroductionRecord,
    session_id: int,
    day: dt.date,
    base: Scenario | None = None,
) -> Logged:
    """Refresh the advice after an edit or delete (which leave the introduction as it was)."""
    advice = refresh(connection, intro, day, base=base)
    row = connection.execute(select(sessions).where(sessions.c.id == session_id)).one()
    return Logged(introduction=intro, session=session_from_row(row), advice=advice)


def list_sessions(db: Database, ref: str) -> tuple[IntroductionRecord, list[SessionRecord]]:
    """An introduction and its live sessions, oldest first."""
    with db.read() as connection:
        intro = resolve_introduction(connection, ref)
        return intro, load_sessions(connection, intro.id)


def withdrawn_sessions(db: Database, ref: str) -> list[SessionRecord]:
    """An introduction's withdrawn sessions, as they were when withdrawn, oldest first."""
    with db.read() as connection:
        intro = resolve_introduction(connection, ref)
        rows = connection.execute(
            select(sessions)
            .where(sessions.c.introduction_id == intro.id, sessions.c.deleted_at.is_not(None))
            .order_by(sessions.c.date, sessions.c.seq)
        ).all()
    return [session_from_row(row) for row in rows]


def get_session(db: Database, ref: str, number: int) -> tuple[IntroductionRecord, SessionRecord]:
    """Session `number` of an introduction: its per-introduction number (`seq`), as
    `ratbond history` shows it. A withdrawn (deleted) session is not found."""
    with db.read() as connection:
        intro = resolve_introduction(connection, ref)
        live = load_sessions(connection, intro.id)
    found = next((session for session in live if session.seq == number), None)
    if found is None:
        numbers = ", ".join(str(session.seq) for session in live) or "none yet"
        raise NotFound(
            f"introduction '{intro.key}' has no session {number} (its sessions: {numbers}); "
            f"see 'ratbond history {intro.key}'",
            "N",
        )
    return intro, found


def _live_row(connection: Connection, session_id: int) -> Any:
    """A live (not withdrawn) session's row by its global id."""
    row = connection.execute(
        select(sessions).where(sessions.c.id == session_id, sessions.c.deleted_at.is_(None))
    ).first()
    if row is None:
        raise NotFound(f"no session number {session_id}; see 'ratbond history INTRO'")
    return row


def _locked_session(connection: Connection, session_id: int) -> tuple[Any, IntroductionRecord]:
    row = _live_row(connection, session_id)
    lock_introduction(connection, row.introduction_id)
    return row, load_introduction(connection, row.introduction_id)


def edit_session(
    db: Database,
    session_id: int,
    changes: Mapping[str, Any],
    *,
    today: dt.date | None = None,
    cleared_by: str | None = None,
    notes_reviewed: bool = False,
) -> Logged:
    """Correct a logged session (fields of `EDITABLE`); the earlier version goes to history.

    New notes count each danger reading the words cannot rule out, as a new session's do,
    unless `notes_reviewed` (`NewSession.notes_reviewed`). A correction that takes away the
    danger a session recorded, or lifts a `stop`, needs `cleared_by` as a new start after a
    stop does (`check_danger_cleared`)."""
    day = today_or(today)
    only_editable(changes, EDITABLE)
    with db.write() as connection:
        row, intro = _locked_session(connection, session_id)
        check_open(intro)
        current = session_from_row(row)
        merged: dict[str, Any] = {
            **{name: getattr(current, name) for name in EDITABLE},
            **changes,
        }
        new_notes = paragraphs_text(merged["notes"], "notes") != current.notes
        if new_notes and not notes_reviewed:
            merged["signals"] = with_unreviewed_danger(intro, merged["notes"], merged["signals"])
        before = current_advice(connection, intro.id, day)
        carried = _danger_seen(intro, current, day)
        checked = _validate(intro, _entry(merged, intro, day), day)
        scenario = checked.scenario
        kept = _danger_pairs(intro.program, species_of(scenario), checked.read)
        record_history(connection, sessions, row, "edit", current.version)
        connection.execute(
            update(sessions)
            .where(sessions.c.id == session_id)
            .values(**_row_values(checked.session, checked.klass), version=current.version + 1)
        )
        logged = _after_write(connection, intro, session_id, day, scenario)
        check_danger_cleared(
            connection, intro, current, "correct", carried - kept, before, logged.advice, cleared_by
        )
        return logged


def delete_session(
    db: Database,
    session_id: int,
    *,
    today: dt.date | None = None,
    cleared_by: str | None = None,
) -> Logged:
    """Withdraw a session logged by mistake: kept, marked deleted, left out of the advice.

    Withdrawing a session that recorded danger, or one whose loss lifts a `stop`, needs
    `cleared_by` as a new start after a stop does (`check_danger_cleared`)."""
    day = today_or(today)
    with db.write() as connection:
        row, intro = _locked_session(connection, session_id)
        check_open(intro)
        current = session_from_row(row)
        before = current_advice(connection, intro.id, day)
        carried = _danger_seen(intro, current, day)
        record_history(connection, sessions, row, "delete", row.version)
        connection.execute(
            update(sessions).where(sessions.c.id == session_id).values(deleted_at=now())
        )
        logged = _after_write(connection, intro, session_id, day)
        check_danger_cleared(
            connection, intro, current, "withdraw", carried, before, logged.advice, cleared_by
        )
        return logged


def withdrawal_undoes(db: Database, session_id: int, *, today: dt.date | None = None) -> str | None:
    """What withdrawing a session would undo, in plain words (the danger it recorded, a `stop`
    it keeps), for a caller to say before it asks; None when nothing. `delete_session` itself
    decides: this only lets the question be honest."""
    day = today_or(today)
    with db.read() as connection:
        row = _live_row(connection, session_id)
        intro = load_introduction(connection, row.introduction_id)
        record = session_from_row(row)
        before = current_advice(connection, intro.id, day)
        others = [s for s in load_sessions(connection, intro.id) if s.id != session_id]
    base = build_scenario(intro, [], day)
    history = [_read_back(s) for s in others]
    after = Decision(engine_for(base.program), base, replay(base, history, None).state).advice()
    return undone_text(intro, record, _danger_seen(intro, record, day), before, after)


# What makes a session's record a safety record: a `stop` (for good, `separate_housing`) or an
# injury (`vet_now`) in the advice it gave.
PARTING_ALERTS = frozenset({"separate_housing", "vet_now"})


def _danger_pairs(
    program_id: str, species: Mapping[str, Any], session: Session
) -> frozenset[tuple[str, str]]:
    """The (animal, signal) pairs that make a session `danger` (none when it is not)."""
    observed = engine_of(program_id).observe(0, session, dict(species))
    return frozenset(observed.worst) if observed.klass == "danger" else frozenset()


def _danger_seen(
    intro: IntroductionRecord, record: SessionRecord, day: dt.date
) -> frozenset[tuple[str, str]]:
    """The danger a stored session recorded, its notes read as the advice reads them."""
    scenario = build_scenario(intro, [_read_back(record)], day)
    (read,) = with_notes_read(scenario).sessions
    return _danger_pairs(intro.program, species_of(scenario), read)


def _stops(advice: Advice | StoredAdvice) -> bool:
    return advice.action == "stop" or bool(PARTING_ALERTS.intersection(advice.alerts))


def check_danger_cleared(
    connection: Connection,
    intro: IntroductionRecord,
    record: SessionRecord,
    verb: str,
    taken_away: frozenset[tuple[str, str]],
    before: Advice | StoredAdvice,
    after: Advice,
    cleared_by: str | None,
) -> None:
    """Withdrawing or correcting a session must not quietly undo a safety stop: when the
    change takes away danger the session recorded (`taken_away`), or the advice said `stop`,
    `separate_housing` or `vet_now` before and no longer does, it needs `cleared_by` (who
    agreed: a vet and, after a stop, a behaviourist), which is kept in the introduction's
    notes, as for a new start after a stop. Else an `InputError` on `cleared_by`, which rolls
    the change back; `cleared_by` given when nothing needs clearing is refused too."""
    undone = undone_text(intro, record, taken_away, before, after)
    cleared = clearance(
        cleared_by,
        undone is not None,
        "say who cleared it (the vet who saw the animals)",
        f"session {record.seq} recorded no danger and the advice keeps no stop, so there is "
        "nothing to clear; leave it out",
    )
    if undone is None:
        return
    if cleared is None:
        raise InputError(
            "cleared_by",
            f"cannot {verb} session {record.seq} of '{intro.key}': {undone}. If it really was "
            f"logged by mistake and a vet has seen the animals, {verb} it again saying who "
            "cleared it",
        )
    done = "withdrawn" if verb == "withdraw" else "corrected"
    note = (
        f"Session {record.seq} ({record.date.isoformat()}) {done} although {undone}; "
        f"cleared by {cleared}."
    )
    notes = f"{intro.notes.strip()}\n{note}" if intro.notes and intro.notes.strip() else note
    connection.execute(
        update(introductions).where(introductions.c.id == intro.id).values(notes=notes)
    )


def undone_text(
    intro: IntroductionRecord,
    record: SessionRecord,
    taken_away: frozenset[tuple[str, str]],
    before: Advice | StoredAdvice,
    after: Advice | StoredAdvice,
) -> str | None:
    """What a withdrawal or correction would undo, in plain words; None when nothing."""
    parts: list[str] = []
    if taken_away:
        names = {m.animal.key: m.animal.name or m.animal.key for m in intro.members}
        shown = ", ".join(
            f"{names.get(animal, animal)}: {name.replace('_', ' ')}"
            for animal, name in sorted(taken_away)
        )
        parts.append(f"it recorded danger on {record.date.isoformat()} ({shown})")
    if _stops(before) and not _stops(after):
        said = "'stop'" if before.action == "stop" else "to keep them apart and see a vet"
        parts.append(f"the advice said {said}, and it would go back to '{after.action}'")
    return "; ".join(parts) if parts else None

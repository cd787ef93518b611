"""Introductions: start one (a program and who plays which role), find, list, pause, resume,
stop or complete it, and read its current advice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sqlalchemy import Connection, func, insert, select, update

from ratbond.errors import InputError, NotFound, RatbondError, did_you_mean
from ratbond.limits import MAX_ID
from ratbond.scenario import ANIMAL_ID, parse_scenario
from ratbond.store.advice import current_advice, every_current_advice, refresh, scenario_document
from ratbond.store.common import (
    clearance,
    not_found,
    not_future,
    now,
    program,
    programs,
    record_history,
    vocabulary,
)
from ratbond.store.db import Database
from ratbond.store.ids import row_id
from ratbond.store.queries import (
    find_introduction,
    load_introduction,
    load_introductions,
    lock_introduction,
    resolve_animal,
    today_or,
)
from ratbond.store.records import AnimalRecord, IntroductionRecord, Member, StoredAdvice
from ratbond.store.tables import introduction_animals, introductions
from ratbond.store.text import paragraphs_text
from ratbond.wording import advice_step

# Which status changes are allowed, and the word for each in messages.
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "paused": (("active",), "pause"),
    "active": (("paused",), "resume"),
    "stopped": (("active", "paused"), "stop"),
    "completed": (("active", "paused"), "complete"),
}

# The alerts that explain why an earlier introduction ended apart.
PARTING = ("vet_now", "separate_housing", "intervene")


def resolve_introduction(connection: Connection, ref: str) -> IntroductionRecord:
    """The introduction whose id (or number) is `ref`, case-insensitively."""
    found = _by_ref(connection, ref)
    if found is None:
        raise _no_introduction(connection, ref)
    return found


def _by_ref(connection: Connection, ref: str) -> IntroductionRecord | None:
    """The introduction whose id is `ref`, else whose number is."""
    wanted = ref.strip().lower()
    found = find_introduction(connection, key=wanted)
    number = row_id(wanted)
    if found is None and number is not None:
        found = find_introduction(connection, introduction_id=number)
    return found


def _no_introduction(connection: Connection, ref: str) -> NotFound:
    known = list(connection.execute(select(introductions.c.key)).scalars())
    return not_found("introduction", ref, known, "see 'ratbond intro list'")


def open_introduction(connection: Connection, ref: str) -> IntroductionRecord:
    """`resolve_introduction` for a write: the row is locked first, so what is read (its
    stored replay state too) is what this transaction will change (PostgreSQL). On SQLite the
    write transaction's BEGIN IMMEDIATE already excludes every other writer, so it is one
    query."""
    wanted = ref.strip().lower()
    if connection.dialect.name == "sqlite":
        found = _by_ref(connection, ref)
    else:
        locked = connection.execute(
            select(introductions.c.id).where(introductions.c.key == wanted).with_for_update()
        ).first()
        number = row_id(wanted)
        if locked is None and number is not None:
            locked = connection.execute(
                select(introductions.c.id).where(introductions.c.id == number).with_for_update()
            ).first()
        found = None if locked is None else find_introduction(connection, introduction_id=locked[0])
    if found is None:
        raise _no_introduction(connection, ref)
    return found


def _ended_apart(
    connection: Connection, program_id: str, animal_ids: Sequence[int], today: dt.date
) -> tuple[IntroductionRecord, StoredAdvice] | None:
    """The earliest introduction of `program_id` sharing two or more of these animals whose
    advice (whatever its status) is `stop` or says to house them apart, with that advice."""
    shared = connection.execute(
        select(introduction_animals.c.introduction_id)
        .join(introductions, introductions.c.id == introduction_animals.c.introduction_id)
        .where(
            introductions.c.program == program_id,
            introduction_animals.c.animal_id.in_(list(animal_ids)),
        )
        .group_by(introduction_animals.c.introduction_id)
        .having(func.count() >= 2)
        .order_by(introduction_animals.c.introduction_id)
    ).scalars()
    for intro in load_introductions(connection, list(shared)):
        advice = current_advice(connection, intro.id, today)
        # A stop stays in the alerts even when a lapsed vet check makes the action `wait`.
        if advice.action == "stop" or "separate_housing" in advice.alerts:
            return intro, advice
    return None


def check_not_parted(
    connection: Connection,
    program_id: str,
    animal_ids: Sequence[int],
    today: dt.date,
    cleared_by: str | None = None,
) -> str | None:
    """Refuse to introduce again animals an earlier introduction of the same program ended
    apart (the contract's `separate_housing`: apart for good), unless `cleared_by` names who
    cleared them; then the note to keep with the new introduction.

    Every refusal is an `InputError` on `cleared_by`, worded for no caller in particular: the
    command line names its option, the form its field and the API its key."""
    found = _ended_apart(connection, program_id, animal_ids, today)
    cleared = clearance(
        cleared_by,
        found is not None,
        "say who cleared them to meet again (their vet and a behaviourist)",
        "no earlier introduction of these animals ended in 'stop', so there is nothing to "
        "clear; leave it out",
    )
    if found is None:
        return None
    earlier, advice = found
    alerts = vocabulary().alerts
    why = "; ".join(alerts[code].title for code in advice.alerts if code in PARTING)
    ended = advice.last_session or earlier.updated_at.date()
    summary = f"'{earlier.key}' ({earlier.label}) ended in 'stop' after its session of {ended}"
    if cleared is None:
        raise InputError(
            "cleared_by",
            f"cannot start {program_id} again: introduction {summary}"
            + (f" ({why})" if why else "")
            + ". These animals stay apart for good; only if a vet and a behaviourist have since "
            "agreed they may try again, start the introduction again saying who cleared them",
        )
    return f"Started again although {summary}; cleared by {cleared}."


def _check_once(members: list[Member], role: str, animal: AnimalRecord) -> None:
    """An animal takes part once: the contract's own check would only say its id is taken."""
    earlier = next((m.role for m in members if m.animal.id == animal.id), None)
    if earlier is None:
        return
    who = f"'{animal.key}'" + (f" ({animal.name})" if animal.name else "")
    if earlier == role:
        problem = f"{who} is listed twice as {role}"
    else:
        problem = f"{who} is given as {earlier} and as {role}, but an animal plays one role"
    raise InputError(
        f"roles.{role}", f"{problem}; name each animal once, a different animal for each place"
    )


def fitted_key(stem: str, suffix: str = "") -> str:
    """`stem` and `suffix` as an id within `MAX_ID`: `stem` is cut to leave room (an id longer
    than the limit would not import again from an export, and PostgreSQL's column refuses it)."""
    room = MAX_ID - len(suffix)
    return (stem if len(stem) <= room else stem[:room].rstrip("-_")) + suffix


def free_key(connection: Connection, base: str, program_id: str) -> str:
    """`base` (the animals' ids) when free. Taken by another program's introduction, the id
    says which program this one is: `base` and the last word of the program's id (`pip-spin`
    beside `pip`). Then a number tells apart those of one program (`tom-pip-2`). Whatever is
    added, the id stays within `MAX_ID` (`fitted_key`)."""
    stem, word = base, ""
    base = fitted_key(stem)
    taken: dict[str, str] = dict(
        connection.execute(
            select(introductions.c.key, introductions.c.program).where(
                introductions.c.key.like(f"{base[: MAX_ID // 2]}%")
            )
        ).all()
    )
    if base not in taken:
        return base
    if taken[base] != program_id:
        word = f"-{program_id.rsplit('-', 1)[-1]}"
        base = fitted_key(stem, word)
        if base not in taken:
            return base
    number = 2
    while fitted_key(stem, f"{word}-{number}") in taken:
        number += 1
    return fitted_key(stem, f"{word}-{number}")


def start_introduction(
    db: Database,
    program_id: str,
    roles: Mapping[str, Sequence[str]],
    *,
    key: str | None = None,
    started: dt.date | None = None,
    notes: str | None = None,
    cleared_by: str | None = None,
    again: bool = False,
    today: dt.date | None = None,
) -> IntroductionRecord:
    """Start an introduction: `roles` maps each of the program's roles to animal ids or names.

    The id defaults to the animals' ids joined by '-' (`tom-pip`); the advice is stored at once.
    Refused when an earlier introduction of the same program ended these animals apart
    (`check_not_parted`), unless `cleared_by` says who cleared them to meet again; and when
    an unfinished one already has these animals in these roles (`TwinError`), unless `again`.
    """
    day = today_or(today)
    with db.write() as connection:
        # A restart naming who cleared it is `check_not_parted`'s to judge.
        if not again and cleared_by is None:
            twin = _open_twin(connection, program_id, roles, day)
            if twin is not None:
                raise TwinError(twin)
        intro = start_introduction_in(
            connection,
            program_id,
            roles,
            day,
            key=key,
            started=started,
            notes=notes,
            cleared_by=cleared_by,
        )
        refresh(connection, intro, day)
        return intro


def start_introduction_in(
    connection: Connection,
    program_id: str,
    roles: Mapping[str, Sequence[str]],
    day: dt.date,
    *,
    key: str | None = None,
    started: dt.date | None = None,
    notes: str | None = None,
    cleared_by: str | None = None,
) -> IntroductionRecord:
    """`start_introduction` inside an open write transaction, its advice not yet stored: the
    caller refreshes it (a scenario import, once it has added the sessions)."""
    chosen = program(program_id)
    started = started or day
    not_future(started, day, "started")
    notes = paragraphs_text(notes, "notes")
    for role in roles:
        if role not in chosen.roles:
            raise InputError(
                f"roles.{role}",
                f"{chosen.id} has no '{role}' role"
                + did_you_mean(role, chosen.roles)
                + "; its roles: "
                + ", ".join(chosen.roles),
            )
    for role, spec in chosen.roles.items():
        if not roles.get(role):
            raise InputError(f"roles.{role}", f"name the {spec.species}(s) playing the {role} role")
    if key is not None:
        key = key.strip().lower()
        if len(key) > MAX_ID:
            raise InputError("id", f"is {len(key):,} characters long; at most {MAX_ID}")
        if not ANIMAL_ID.fullmatch(key):
            raise InputError(
                "id", f"'{key}' is not a valid id; use lower-case letters, digits, '-' and '_'"
            )
    members: list[Member] = []
    for role, refs in roles.items():
        for ref in refs:
            animal = resolve_animal(connection, ref)
            _check_once(members, role, animal)
            if animal.status != "active":
                raise InputError(
                    f"roles.{role}", f"'{animal.key}' is {animal.status}; it cannot take part"
                )
            home = animal.arrived or animal.born
            if home is not None and started < home:
                raise InputError(
                    "started",
                    f"{started.isoformat()} is before {animal.label} "
                    f"{'arrived' if animal.arrived else 'was born'} ({home.isoformat()}); "
                    "an introduction starts once every animal is home",
                )
            members.append(Member(role=role, animal=animal))
    # Members in the program's role order, so ids and labels read the same way every time.
    order = list(chosen.roles)
    members.sort(key=lambda m: order.index(m.role))
    draft = IntroductionRecord(
        id=0,
        key="",
        program=chosen.id,
        status="active",
        started=started,
        notes=notes,
        version=1,
        created_at=now(),
        updated_at=now(),
        members=tuple(members),
    )
    # The contract's own checks: species per role, one role per animal.
    parse_scenario(scenario_document(draft, [], day), vocabulary(), programs(), day)
    cleared = check_not_parted(
        connection, chosen.id, [m.animal.id for m in members], day, cleared_by
    )
    if cleared is not None:
        notes = f"{notes.strip()}\n{cleared}" if notes and notes.strip() else cleared
    if key is not None:
        if connection.execute(select(introductions.c.id).where(introductions.c.key == key)).first():
            raise InputError("id", f"an introduction with the id '{key}' already exists")
    else:
        key = free_key(connection, "-".join(m.animal.key for m in members), chosen.id)
    stamp = now()
    inserted = connection.execute(
        insert(introductions).values(
            key=key,
            program=chosen.id,
            status="active",
            started=started,
            notes=notes,
            version=1,
            created_at=stamp,
            updated_at=stamp,
        )
    ).inserted_primary_key
    assert inserted is not None
    connection.execute(
        insert(introduction_animals),
        [
            {
                "introduction_id": inserted[0],
                "animal_id": m.animal.id,
                "role": m.role,
                "position": position,
            }
            for position, m in enumerate(members)
        ],
    )
    return load_introduction(connection, inserted[0])


class TwinError(InputError):
    """A start refused because an active or paused introduction of the same program has the
    same animals in the same roles: almost always a slip (a start run again once a missing vet
    check was recorded). `again` starts a second one beside it."""

    def __init__(self, twin: IntroductionRecord) -> None:
        self.twin = twin
        super().__init__(
            "again",
            f"introduction '{twin.key}' ({twin.program}, {twin.status}) already has these "
            "animals in these roles; nothing was started. Go on with that one, or start a "
            "second one beside it on purpose",
        )


def _open_twin(
    connection: Connection, program_id: str, roles: Mapping[str, Sequence[str]], day: dt.date
) -> IntroductionRecord | None:
    """An active or paused introduction of `program_id` with the same animals (`roles`: refs by
    id or name) in the same roles. None when there is none, or when a ref names no animal
    (starting says what is wrong). One its advice stopped is over."""
    try:
        wanted = {
            role: sorted(resolve_animal(connection, ref).id for ref in refs)
            for role, refs in roles.items()
            if refs
        }
    except RatbondError:
        return None
    for intro in load_introductions(connection):
        if intro.program != program_id or intro.status not in ("active", "paused"):
            continue
        have: dict[str, list[int]] = {}
        for member in intro.members:
            have.setdefault(member.role, []).append(member.animal.id)
        if {role: sorted(ids) for role, ids in have.items()} != wanted:
            continue
        if intro.shown_status(current_advice(connection, intro.id, day)) != "stopped":
            return intro
    return None


def shared_with_others(db: Database, ref: str, *, today: dt.date | None = None) -> str | None:
    """A warning when animals of introduction `ref` are already in another unfinished
    introduction of the same program (a rat-rat newcomer meeting residents who are still
    getting to know another one), naming it; None when there is none."""
    day = today_or(today)
    with db.read() as connection:
        intro = resolve_introduction(connection, ref)
        mine = {member.animal.id: member.animal.label for member in intro.members}
        shared = connection.execute(
            select(introduction_animals.c.introduction_id)
            .join(introductions, introductions.c.id == introduction_animals.c.introduction_id)
            .where(
                introductions.c.program == intro.program,
                introductions.c.id != intro.id,
                introductions.c.status.in_(("active", "paused")),
                introduction_animals.c.animal_id.in_(list(mine)),
            )
            .distinct()
        ).scalars()
        others = [
            other
            for other in load_introductions(connection, list(shared))
            if other.shown_status(current_advice(connection, other.id, day)) != "stopped"
        ]
    if not others:
        return None
    names = sorted(
        {mine[m.animal.id] for other in others for m in other.members if m.animal.id in mine}
    )
    which = ", ".join(f"'{other.key}' ({other.label})" for other in others)
    return (
        f"{' and '.join(names)} {'is' if len(names) == 1 else 'are'} already in {intro.program} "
        f"introduction {which}: two introductions at once unsettle them; finish or pause the "
        "other one first"
    )


def get_introduction(db: Database, ref: str) -> IntroductionRecord:
    with db.read() as connection:
        return resolve_introduction(connection, ref)


def list_introductions(db: Database, *, status: str | None = None) -> list[IntroductionRecord]:
    """All introductions in id order, or those with one status."""
    with db.read() as connection:
        return load_introductions(connection, status=status)


def list_introductions_with_advice(
    db: Database, *, status: str | None = None, today: dt.date | None = None
) -> list[tuple[IntroductionRecord, StoredAdvice]]:
    """Every introduction, or those whose status as owners see it (`shown_status`: an
    advised stop reads `stopped`) is `status`, each with its stored advice for `today` as
    `get_advice` reads it, in one transaction of two queries (not two or three per
    introduction)."""
    day = today_or(today)
    with db.read() as connection:
        intros = load_introductions(connection)
        advice = every_current_advice(connection, day)
    return [
        (intro, advice[intro.id])
        for intro in intros
        if status is None or intro.shown_status(advice[intro.id]) == status
    ]


def get_advice(
    db: Database, ref: str, *, today: dt.date | None = None
) -> tuple[IntroductionRecord, StoredAdvice]:
    """An introduction and its stored advice for `today` (no replay)."""
    day = today_or(today)
    with db.read() as connection:
        intro = resolve_introduction(connection, ref)
        return intro, current_advice(connection, intro.id, day)


def set_status_locked(
    connection: Connection, intro: IntroductionRecord, status: str, today: dt.date
) -> IntroductionRecord:
    """Change the status inside an open write transaction (the earlier version goes to history)."""
    allowed, verb = TRANSITIONS[status]
    if intro.status not in allowed:
        if intro.status in ("stopped", "completed"):
            hint = "it is finished; start a new introduction to try again"
        else:
            hint = f"it is {intro.status}"
        raise RatbondError(f"cannot {verb} introduction '{intro.key}': {hint}")
    row = connection.execute(select(introductions).where(introductions.c.id == intro.id)).one()
    record_history(connection, introductions, row, "status", intro.version)
    connection.execute(
        update(introductions)
        .where(introductions.c.id == intro.id)
        .values(status=status, version=intro.version + 1, updated_at=now())
    )
    return load_introduction(connection, intro.id)


def _check_complete(intro: IntroductionRecord, advice: StoredAdvice) -> None:
    """Only an introduction whose advice says `complete` is complete: marking one done early
    would hide its alerts (an injury's vet visit) from the day's plan."""
    if advice.action == "complete":
        return
    sessions = advice.session_count
    step = advice_step(advice, minutes=False)
    where = f"the advice is '{step}' after {sessions} session" + ("" if sessions == 1 else "s")
    raise RatbondError(
        f"cannot complete introduction '{intro.key}': {where}, and only a program whose last "
        "stage is done is complete; to end it now, stop it for good, or pause it to take a "
        "break"
    )


def set_status(
    db: Database, ref: str, status: str, *, today: dt.date | None = None
) -> IntroductionRecord:
    """Pause (`paused`), resume (`active`), stop (`stopped`) or complete (`completed`)."""
    if status not in TRANSITIONS:
        raise InputError("status", f"unknown status '{status}'; use " + ", ".join(TRANSITIONS))
    day = today_or(today)
    with db.write() as connection:
        intro = resolve_introduction(connection, ref)
        lock_introduction(connection, intro.id)
        intro = load_introduction(connection, intro.id)
        if status == "completed" and intro.status in TRANSITIONS[status][0]:
            _check_complete(intro, current_advice(connection, intro.id, day))
        return set_status_locked(connection, intro, status, day)


def refresh_advice(db: Database, ref: str, *, today: dt.date | None = None) -> StoredAdvice:
    """Recompute an introduction's stored advice (after a program file changed, say)."""
    day = today_or(today)
    with db.write() as connection:
        intro = resolve_introduction(connection, ref)
        lock_introduction(connection, intro.id)
        refresh(connection, intro, day)
        return current_advice(connection, intro.id, day)

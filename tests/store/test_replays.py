"""The replay state stored beside the advice (`ratbond.store.replays`): a session logged after
every other resumes it without reading the history, anything else replays the history from
the start, and either way the stored advice is what a fresh evaluation of the stored sessions
gives, whichever process wrote what.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from ratbond.advice import advise
from ratbond.engine import ENGINE_VERSION
from ratbond.errors import InputError, RatbondError
from ratbond.store import Database
from ratbond.store import advice as advice_module
from ratbond.store import replays as replays_module
from ratbond.store.advice import build_scenario
from ratbond.store.agenda import agenda
from ratbond.store.animals import NewAnimal, add_animal, add_vet_check, edit_animal
from ratbond.store.common import programs
from ratbond.store.introductions import get_advice, get_introduction, start_introduction
from ratbond.store.queries import load_history, load_session_models
from ratbond.store.sessions import (
    NewSession,
    delete_session,
    edit_session,
    list_sessions,
    log_session,
)
from ratbond.store.tables import advice as advice_table
from ratbond.store.tables import replay_states
from tests.store.helpers import TODAY, cat_and_rat, day

CALM = {"tom": ["ears_forward"], "pip": ["relaxed"]}
SIGNALS = [CALM, CALM, CALM, {"tom": ["hissing"]}, {"pip": ["freezing"]}, {"tom": ["biting"]}, {}]
NOTES = [None, None, "Pip ate a treat", "Tom hissed once", "Tom bit Pip on the tail"]


def fresh_advice(db: Database, ref: str) -> dict[str, Any]:
    """What a full replay of the stored history advises today."""
    intro = get_introduction(db, ref)
    with db.read() as connection:
        scenario = build_scenario(intro, load_session_models(connection, intro.id), TODAY)
    return advise(scenario).to_json()


def stored_advice(db: Database, ref: str) -> dict[str, Any]:
    return get_advice(db, ref, today=TODAY)[1].payload


def log(db: Database, ref: str, offset: int, signals: Any = CALM, notes: str | None = None) -> None:
    stage = stored_advice(db, ref)["stage"]
    new = NewSession(stage, day(offset), 5, signals=signals, notes=notes)
    log_session(db, ref, new, today=TODAY)


def poison(db: Database, ref: str) -> None:
    """Make the stored state claim an injury the sessions do not show: a write that resumes
    from it stores a stop."""
    intro = get_introduction(db, ref)
    where = replay_states.c.introduction_id == intro.id
    with db.write() as connection:
        state = connection.execute(select(replay_states.c.state).where(where)).scalar_one()
        assert state["last"] is not None
        connection.execute(
            update(replay_states).where(where).values(state={**state, "injury": state["last"]})
        )


def test_a_session_logged_last_resumes_the_stored_state(db: Database) -> None:
    cat_and_rat(db)
    log(db, "tom-pip", -3)
    log(db, "tom-pip", -2)
    assert stored_advice(db, "tom-pip") == fresh_advice(db, "tom-pip")
    poison(db, "tom-pip")
    log(db, "tom-pip", -2)  # the same day as the last one still comes last
    assert stored_advice(db, "tom-pip")["action"] == "stop"


def test_a_session_logged_last_reads_no_history(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    cat_and_rat(db)
    log(db, "tom-pip", -5)
    reads: list[int] = []

    def counted(connection: Any, introduction_id: int) -> Any:
        reads.append(introduction_id)
        return load_history(connection, introduction_id)

    monkeypatch.setattr(advice_module, "load_history", counted)
    for offset in (-4, -3, -3, -1):
        log(db, "tom-pip", offset)
    assert reads == []
    log(db, "tom-pip", -2)  # fills in an earlier day
    assert len(reads) == 1
    assert stored_advice(db, "tom-pip") == fresh_advice(db, "tom-pip")


def edit_first(db: Database) -> None:
    first = list_sessions(db, "tom-pip")[1][0]
    edit_session(db, first.id, {"signals": {"tom": ["hissing"]}}, today=TODAY)


def delete_last(db: Database) -> None:
    delete_session(db, list_sessions(db, "tom-pip")[1][-1].id, today=TODAY)


def back_dated(db: Database) -> None:
    log(db, "tom-pip", -9)


def rat_from_a_rescue(db: Database) -> None:
    edit_animal(db, "pip", {"origin": "rescue"}, today=TODAY)


def changed_program(monkeypatch: pytest.MonkeyPatch) -> Callable[[Database], None]:
    def change(_db: Database) -> None:
        program = programs()["cat-rat"]
        stages = tuple(dataclasses.replace(stage, calm_to_advance=2) for stage in program.stages)
        monkeypatch.setitem(programs(), "cat-rat", dataclasses.replace(program, stages=stages))

    return change


def newer_engine(monkeypatch: pytest.MonkeyPatch) -> Callable[[Database], None]:
    def change(_db: Database) -> None:
        monkeypatch.setattr(replays_module, "ENGINE_VERSION", ENGINE_VERSION + 1)

    return change


@pytest.mark.parametrize(
    "change",
    [
        lambda _: back_dated,
        lambda _: edit_first,
        lambda _: delete_last,
        lambda _: rat_from_a_rescue,
        changed_program,
        newer_engine,
    ],
    ids=["back-dated", "edit", "delete", "animal-edit", "program-changed", "engine-changed"],
)
def test_anything_but_a_session_logged_last_replays_from_the_start(
    db: Database, monkeypatch: pytest.MonkeyPatch, change: Any
) -> None:
    cat_and_rat(db)
    for offset in (-6, -5, -4, -3):
        log(db, "tom-pip", offset)
    poison(db, "tom-pip")
    change(monkeypatch)(db)
    log(db, "tom-pip", -1)
    assert stored_advice(db, "tom-pip") == fresh_advice(db, "tom-pip")
    assert stored_advice(db, "tom-pip")["action"] != "stop"
    # The fresh state is stored: the next session resumes from it.
    log(db, "tom-pip", 0)
    assert stored_advice(db, "tom-pip") == fresh_advice(db, "tom-pip")


def test_a_changed_program_gives_the_new_programs_advice(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    cat_and_rat(db)
    for offset in (-3, -2):
        log(db, "tom-pip", offset)
    assert stored_advice(db, "tom-pip")["action"] == "repeat"
    changed_program(monkeypatch)(db)
    log(db, "tom-pip", -1)
    assert stored_advice(db, "tom-pip") == fresh_advice(db, "tom-pip")
    assert stored_advice(db, "tom-pip")["stage"] == "scent"


def test_an_animal_edit_is_replayed_under_the_new_details(db: Database) -> None:
    add_animal(db, NewAnimal(species="rat", name="Ada", arrived=day(-200)), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Bo", arrived=day(-200)), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Cy", arrived=day(-30)), today=TODAY)
    for rat in ("ada", "bo"):
        add_vet_check(db, rat, day(-20), today=TODAY)
    add_vet_check(db, "cy", day(-5), today=TODAY)
    start_introduction(db, "rat-rat", {"newcomer": ["cy"], "residents": ["ada", "bo"]}, today=TODAY)
    log(db, "cy-ada-bo", -2, {})
    # Cy's arrival was wrong: a later date (still before anything recorded for Cy) moves the
    # quarantine's end.
    edit_animal(db, "cy", {"arrived": day(-6)}, today=TODAY)
    log(db, "cy-ada-bo", -1, {})
    advice = stored_advice(db, "cy-ada-bo")
    assert advice == fresh_advice(db, "cy-ada-bo")
    assert advice["action"] == "wait"


def test_a_failed_write_leaves_the_stored_state_as_it_was(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    cat_and_rat(db)
    log(db, "tom-pip", -3)

    def state() -> Any:
        with db.read() as connection:
            return connection.execute(select(replay_states)).one()

    before = state()

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RatbondError("the disk is full")

    monkeypatch.setattr(replays_module, "store", broken)
    with pytest.raises(RatbondError):
        log(db, "tom-pip", -2)
    monkeypatch.undo()
    assert state() == before
    log(db, "tom-pip", -1)
    assert stored_advice(db, "tom-pip") == fresh_advice(db, "tom-pip")
    assert len(list_sessions(db, "tom-pip")[1]) == 2


def test_dates_before_the_last_session_are_replayed_in_full(db: Database) -> None:
    cat_and_rat(db)
    for offset in (-1, -5, 0, -3, -3):
        log(db, "tom-pip", offset, CALM if offset else {"tom": ["hissing"]})
        assert stored_advice(db, "tom-pip") == fresh_advice(db, "tom-pip")
    dates = [session.date for session in list_sessions(db, "tom-pip")[1]]
    assert dates == sorted(dates)
    assert dates[0] == day(-5)


def test_two_processes_logging_in_turn_store_what_one_would(db: Database) -> None:
    cat_and_rat(db)
    other = Database(db.url)  # another server process on the same database
    try:
        for number, (offset, signals) in enumerate(
            [(-6, CALM), (-5, CALM), (-5, {"tom": ["hissing"]}), (-3, CALM), (-4, CALM), (-1, {})]
        ):
            log(other if number % 2 else db, "tom-pip", offset, signals)
            assert stored_advice(db, "tom-pip") == fresh_advice(db, "tom-pip")
            assert stored_advice(other, "tom-pip") == stored_advice(db, "tom-pip")
    finally:
        other.close()


# --- random histories written by two processes ------------------------------------------------

_households = itertools.count()

operations = st.lists(
    st.one_of(
        st.tuples(
            st.just("log"),
            st.booleans(),  # by the other process
            st.integers(-20, 0),
            st.integers(0, len(SIGNALS) - 1),
            st.integers(0, len(NOTES) - 1),
        ),
        st.tuples(st.just("edit"), st.booleans(), st.integers(0, 30), st.integers(0, 6)),
        st.tuples(st.just("delete"), st.booleans(), st.integers(0, 30)),
    ),
    min_size=1,
    max_size=14,
)


def household(db: Database) -> str:
    """A new cat and rat in their own introduction (examples share one database)."""
    number = next(_households)
    cat, rat = f"tom{number}", f"pip{number}"
    add_animal(db, NewAnimal(species="cat", key=cat, prey_drive="moderate"), today=TODAY)
    add_animal(db, NewAnimal(species="rat", key=rat, arrived=day(-80)), today=TODAY)
    add_vet_check(db, cat, day(-50), today=TODAY)
    add_vet_check(db, rat, day(-48), today=TODAY)
    intro = start_introduction(db, "cat-rat", {"cat": [cat], "rat": [rat]}, today=TODAY)
    return intro.key


def renamed(signals: dict[str, list[str]], ref: str) -> dict[str, list[str]]:
    cat, rat = ref.split("-")
    return {{"tom": cat, "pip": rat}[animal]: names for animal, names in signals.items()}


def _correct(writer: Database, session_id: int, changes: dict[str, Any] | None) -> None:
    """Edit (`changes`) or withdraw (None) a session; one that undoes danger is refused (and
    rolled back) without a clearance, then done with one."""
    for cleared_by in (None, "Dr Lee, vet"):
        try:
            if changes is None:
                delete_session(writer, session_id, today=TODAY, cleared_by=cleared_by)
            else:
                edit_session(writer, session_id, changes, today=TODAY, cleared_by=cleared_by)
        except InputError as error:
            if error.path != "cleared_by" or cleared_by is not None:
                raise
            continue
        return


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=operations)
def test_writes_by_two_processes_store_what_a_full_replay_gives(db: Database, steps: Any) -> None:
    ref = household(db)
    other = Database(db.url)
    try:
        for step in steps:
            kind, by_other = step[0], step[1]
            writer = other if by_other else db
            if kind == "log":
                _, _, offset, signal, note = step
                log(writer, ref, offset, renamed(SIGNALS[signal], ref), NOTES[note])
            else:
                live = list_sessions(db, ref)[1]
                if not live:
                    continue
                chosen = live[step[2] % len(live)]
                changes = {"signals": renamed(SIGNALS[step[3]], ref)} if kind == "edit" else None
                _correct(writer, chosen.id, changes)
            assert stored_advice(db, ref) == fresh_advice(db, ref), steps
    finally:
        other.close()


# --- reads replay what older rules worked out ----------------------------------------------


def worked_out_by_older_rules(db: Database, ref: str, **tags: Any) -> None:
    """Leave the introduction's stored state tagged as an older ratbond would have (`tags`:
    its engine or program version), with advice those rules gave: a stop."""
    intro = get_introduction(db, ref)
    with db.write() as connection:
        connection.execute(
            update(replay_states).where(replay_states.c.introduction_id == intro.id).values(tags)
        )
        rows = connection.execute(
            select(advice_table.c.id, advice_table.c.payload).where(
                advice_table.c.introduction_id == intro.id
            )
        ).all()
        for row_id, payload in rows:
            connection.execute(
                update(advice_table)
                .where(advice_table.c.id == row_id)
                .values(action="stop", payload={**payload, "action": "stop"})
            )


@pytest.mark.parametrize(
    "tags",
    [{"engine_version": ENGINE_VERSION - 1}, {"program_version": "0" * 64}],
    ids=["older-engine", "older-program-or-reader"],
)
def test_a_read_replays_advice_that_older_rules_worked_out(
    db: Database, tags: dict[str, Any]
) -> None:
    cat_and_rat(db)
    for offset in (-3, -2):
        log(db, "tom-pip", offset)
    expected = fresh_advice(db, "tom-pip")
    worked_out_by_older_rules(db, "tom-pip", **tags)
    assert stored_advice(db, "tom-pip")["action"] == "stop"  # this process checked already
    upgraded = Database(db.url)  # the next process, running the current rules
    try:
        assert stored_advice(upgraded, "tom-pip") == expected
        assert [item.advice.action for item in agenda(upgraded, today=TODAY)] == ["repeat"]
        with upgraded.read() as connection:
            assert replays_module.stale(connection) == []
    finally:
        upgraded.close()
    # Stored for good: any process reads it now.
    assert stored_advice(db, "tom-pip") == expected


def test_a_read_of_advice_the_current_rules_worked_out_replays_nothing(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    cat_and_rat(db)
    log(db, "tom-pip", -2)
    replayed: list[int] = []
    monkeypatch.setattr(
        advice_module, "refresh", lambda _c, intro, _d, **_k: replayed.append(intro.id)
    )
    other = Database(db.url)
    try:
        assert stored_advice(other, "tom-pip") == fresh_advice(db, "tom-pip")
    finally:
        other.close()
    assert replayed == []


def test_a_program_changed_in_memory_has_another_version() -> None:
    program = programs()["cat-rat"]
    stages = tuple(dataclasses.replace(stage, calm_to_advance=2) for stage in program.stages)
    changed = dataclasses.replace(program, stages=stages)
    assert replays_module.program_version(program) == replays_module.program_version(program)
    assert replays_module.program_version(changed) != replays_module.program_version(program)
    # The same values make the same version, whichever object holds them.
    assert replays_module.program_version(dataclasses.replace(program)) == (
        replays_module.program_version(program)
    )

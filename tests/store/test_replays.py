"""The remembered replays of `ratbond.store.replays`: a write that feeds the engine only the new
session stores the same advice as a full replay of the stored history, whatever else changed
the history in between (another process, an edit, a withdrawal, SQL typed by hand), and a
write that fails remembers nothing.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from ratbond.advice import advise
from ratbond.errors import RatbondError
from ratbond.store import Database
from ratbond.store import sessions as sessions_module
from ratbond.store.advice import build_scenario
from ratbond.store.animals import NewAnimal, add_animal, add_vet_check, edit_animal
from ratbond.store.introductions import get_advice, get_introduction, start_introduction
from ratbond.store.queries import load_session_models
from ratbond.store.replays import history_token
from ratbond.store.sessions import (
    NewSession,
    delete_session,
    edit_session,
    list_sessions,
    log_session,
)
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


def other_process(db: Database) -> Database:
    """The same database opened again: a second process, with nothing remembered."""
    return Database(db.url)


def log(db: Database, ref: str, offset: int, signals: Any = CALM, notes: str | None = None) -> None:
    stage = stored_advice(db, ref)["stage"]
    new = NewSession(stage, day(offset), 5, signals=signals, notes=notes)
    log_session(db, ref, new, today=TODAY)


def test_a_write_is_remembered_under_its_new_token(db: Database) -> None:
    cat_and_rat(db)
    log(db, "tom-pip", -3)
    assert len(db.replays) == 1
    log(db, "tom-pip", -2)
    assert stored_advice(db, "tom-pip") == fresh_advice(db, "tom-pip")
    before = db.replays.get(
        get_introduction(db, "tom-pip").id,
        _token(db, "tom-pip"),
        build_scenario(get_introduction(db, "tom-pip"), [], TODAY),
    )
    assert before is not None
    assert len(before.sessions) == 2


def _token(db: Database, ref: str) -> int | None:
    with db.read() as connection:
        return history_token(connection, get_introduction(db, ref).id)


def test_every_change_to_the_sessions_changes_the_token(db: Database) -> None:
    cat_and_rat(db)
    assert _token(db, "tom-pip") is None
    log(db, "tom-pip", -3)
    seen = [_token(db, "tom-pip")]
    log(db, "tom-pip", -2)
    seen.append(_token(db, "tom-pip"))
    _, live = list_sessions(db, "tom-pip")
    edit_session(db, live[0].id, {"minutes": 6}, today=TODAY)
    seen.append(_token(db, "tom-pip"))
    delete_session(db, live[1].id, today=TODAY)
    seen.append(_token(db, "tom-pip"))
    with db.write() as connection:
        connection.execute(text("UPDATE sessions SET notes = 'typed by hand'"))
    seen.append(_token(db, "tom-pip"))
    assert None not in seen
    assert len(set(seen)) == len(seen)


def test_a_session_logged_by_another_process_is_not_missed(db: Database) -> None:
    cat_and_rat(db)
    for offset in (-4, -3, -2):
        log(db, "tom-pip", offset)
    # Another process logs a bite; this process still remembers the calm history.
    other = other_process(db)
    try:
        log(other, "tom-pip", -1, {"tom": ["biting"]})
    finally:
        other.close()
    log(db, "tom-pip", 0)
    advice = stored_advice(db, "tom-pip")
    assert advice == fresh_advice(db, "tom-pip")
    assert advice["action"] == "stop"
    assert len(list_sessions(db, "tom-pip")[1]) == 5


def test_a_session_changed_by_hand_in_sql_is_not_missed(db: Database) -> None:
    cat_and_rat(db)
    for offset in (-3, -2):
        log(db, "tom-pip", offset)
    with db.write() as connection:
        connection.execute(
            text("UPDATE sessions SET signals = :signals WHERE seq = 2"),
            {"signals": json.dumps({"tom": ["biting"]})},
        )
    log(db, "tom-pip", -1)
    assert stored_advice(db, "tom-pip") == fresh_advice(db, "tom-pip")
    assert stored_advice(db, "tom-pip")["action"] == "stop"


def test_an_animal_edit_is_replayed_under_the_new_details(db: Database) -> None:
    add_animal(db, NewAnimal(species="rat", name="Ada", arrived=day(-200)), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Bo", arrived=day(-200)), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Cy", arrived=day(-30)), today=TODAY)
    for rat in ("ada", "bo", "cy"):
        add_vet_check(db, rat, day(-20), today=TODAY)
    start_introduction(db, "rat-rat", {"newcomer": ["cy"], "residents": ["ada", "bo"]}, today=TODAY)
    log(db, "cy-ada-bo", -2, {})
    # Cy's arrival was wrong: a later date moves the quarantine's end.
    edit_animal(db, "cy", {"arrived": day(-3)}, today=TODAY)
    log(db, "cy-ada-bo", -1, {})
    advice = stored_advice(db, "cy-ada-bo")
    assert advice == fresh_advice(db, "cy-ada-bo")
    assert advice["action"] == "wait"


def test_a_failed_write_remembers_nothing(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    cat_and_rat(db)
    log(db, "tom-pip", -3)
    intro = get_introduction(db, "tom-pip")
    remembered = db.replays.get(intro.id, _token(db, "tom-pip"), build_scenario(intro, [], TODAY))
    assert remembered is not None

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RatbondError("the disk is full")

    monkeypatch.setattr(sessions_module, "refresh", broken)
    with pytest.raises(RatbondError):
        log_session(db, "tom-pip", NewSession("visual", day(-2), 5, signals=CALM), today=TODAY)
    monkeypatch.undo()
    assert db.replays.get(intro.id, _token(db, "tom-pip"), build_scenario(intro, [], TODAY)) is (
        remembered
    )
    log(db, "tom-pip", -1)
    assert stored_advice(db, "tom-pip") == fresh_advice(db, "tom-pip")
    assert len(list_sessions(db, "tom-pip")[1]) == 2


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
        st.tuples(st.just("sql"), st.integers(0, 30), st.integers(0, len(SIGNALS) - 1)),
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


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=operations)
def test_remembered_writes_store_what_a_full_replay_gives(db: Database, steps: Any) -> None:
    ref = household(db)
    other = other_process(db)
    try:
        for step in steps:
            kind = step[0]
            if kind == "sql":
                _, pick, signal = step
                live = list_sessions(db, ref)[1]
                if live:
                    with db.write() as connection:
                        connection.execute(
                            text("UPDATE sessions SET signals = :signals WHERE id = :id"),
                            {
                                "signals": json.dumps(renamed(SIGNALS[signal], ref)),
                                "id": live[pick % len(live)].id,
                            },
                        )
                continue
            writer = other if step[1] else db
            if kind == "log":
                _, _, offset, signal, note = step
                log(writer, ref, offset, renamed(SIGNALS[signal], ref), NOTES[note])
            else:
                live = list_sessions(db, ref)[1]
                if not live:
                    continue
                chosen = live[step[2] % len(live)]
                if kind == "edit":
                    edit_session(
                        writer, chosen.id, {"signals": renamed(SIGNALS[step[3]], ref)}, today=TODAY
                    )
                else:
                    delete_session(writer, chosen.id, today=TODAY)
            assert stored_advice(db, ref) == fresh_advice(db, ref), steps
    finally:
        other.close()


def test_dates_before_the_last_session_are_replayed_in_full(db: Database) -> None:
    cat_and_rat(db)
    for offset in (-1, -5, 0, -3, -3):
        log(db, "tom-pip", offset, CALM if offset else {"tom": ["hissing"]})
        assert stored_advice(db, "tom-pip") == fresh_advice(db, "tom-pip")
    dates = [session.date for session in list_sessions(db, "tom-pip")[1]]
    assert dates == sorted(dates)
    assert dates[0] == TODAY - dt.timedelta(days=5)

"""The session write path: what `log_session` returns and stores equals what a fresh read and a
fresh `advise()` of the same history give, on dates across a time gate and a long break."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from ratbond.advice import advise
from ratbond.model import Advice, Scenario
from ratbond.store import Database
from ratbond.store.advice import _same, _thresholds, build_scenario, timeline
from ratbond.store.animals import NewAnimal, add_animal
from ratbond.store.common import programs
from ratbond.store.introductions import get_advice, get_introduction, start_introduction
from ratbond.store.queries import load_session_models
from ratbond.store.replays import replay
from ratbond.store.sessions import NewSession, list_sessions, log_session
from tests.store.helpers import TODAY, cat_and_rat, day


def fresh_scenario(db: Database, ref: str, today: dt.date) -> Scenario:
    """The introduction's history as stored, built the slow way, for `today`."""
    intro = get_introduction(db, ref)
    with db.read() as connection:
        return build_scenario(intro, load_session_models(connection, intro.id), today)


def reference_timeline(scenario: Scenario) -> list[tuple[dt.date, Advice]]:
    """The timeline as it was computed before: a full `advise()` on every threshold date."""
    state = replay(scenario, scenario.sessions, None).state
    entries = [(scenario.today, advise(scenario))]
    pending = _thresholds(scenario, state, entries[0][1], scenario.today)
    while pending:
        when = min(pending)
        pending.discard(when)
        answer = advise(replace(scenario, today=when))
        if not _same(entries[-1][1], answer, when):
            entries.append((when, answer))
        pending |= _thresholds(scenario, state, answer, when)
    return entries


def assert_stored_is_fresh(db: Database, ref: str, when: dt.date) -> None:
    _, stored = get_advice(db, ref, today=when)
    assert stored.payload == advise(fresh_scenario(db, ref, when)).to_json(), when


def rats_in_quarantine(db: Database) -> str:
    for name in ("Ada", "Bo"):
        add_animal(db, NewAnimal(species="rat", name=name, arrived=day(-200)), today=TODAY)
    add_animal(db, NewAnimal(species="rat", name="Cy", arrived=day(-3)), today=TODAY)
    start_introduction(db, "rat-rat", {"newcomer": ["cy"], "residents": ["ada", "bo"]}, today=TODAY)
    return "cy-ada-bo"


def test_stored_advice_equals_a_fresh_advise_across_a_time_gate(db: Database) -> None:
    ref = rats_in_quarantine(db)
    logged = log_session(
        db, ref, NewSession(stage="quarantine", notes="Cy ate well, no sneezing"), today=TODAY
    )
    assert logged.advice == advise(fresh_scenario(db, ref, TODAY))
    _, waiting = get_advice(db, ref, today=TODAY)
    gate_end = waiting.not_before
    assert waiting.action == "wait"
    assert gate_end is not None
    assert gate_end > TODAY
    one = dt.timedelta(days=1)
    for when in (TODAY, TODAY + one, gate_end - one, gate_end, gate_end + one):
        assert_stored_is_fresh(db, ref, when)


def test_stored_advice_equals_a_fresh_advise_around_a_long_break(db: Database) -> None:
    cat_and_rat(db)
    calm = {"Tom": ["ears_forward"], "pip": ["relaxed"]}
    for offset in (-2, -1, 0):
        log_session(db, "tom-pip", NewSession("visual", day(offset), 5, signals=calm), today=TODAY)
    limit = programs()["cat-rat"].rules.long_break_days
    for when in (TODAY, day(1), day(limit), day(limit + 1)):
        assert_stored_is_fresh(db, "tom-pip", when)


@pytest.mark.parametrize("offsets", [(0,), (-30, -29, -2, 0, 0), (-5, -3, -3, -1)])
def test_one_replay_timeline_equals_an_advise_per_date(db: Database, offsets: Any) -> None:
    cat_and_rat(db)
    signals = [
        {"tom": ["ears_forward"], "pip": ["relaxed"]},
        {"tom": ["hissing"]},
        {},
    ]
    for number, offset in enumerate(offsets):
        log_session(
            db,
            "tom-pip",
            NewSession(
                "visual",
                day(offset),
                5 + number,
                signals=signals[number % 3],
                notes="Pip froze twice" if number % 2 else None,
            ),
            today=TODAY,
        )
    for when in (TODAY, day(10)):
        scenario = fresh_scenario(db, "tom-pip", when)
        assert timeline(scenario) == reference_timeline(scenario)


def test_logged_session_is_the_stored_row(db: Database) -> None:
    cat_and_rat(db)
    log_session(db, "tom-pip", NewSession("visual", day(0), 5), today=TODAY)
    logged = log_session(
        db,
        "TOM-PIP",
        NewSession(
            "visual",
            day(-1),
            7,
            signals={"TOM": ["ears_forward"], "Pip": ["relaxed", "freezing"]},
            notes="  Pip hid after a while  ",
            logged_by="  sam ",
        ),
        today=TODAY,
    )
    intro, live = list_sessions(db, "tom-pip")
    assert logged.introduction == intro
    (stored,) = [s for s in live if s.id == logged.session.id]
    assert logged.session == stored
    assert [s.seq for s in live] == [2, 1]  # the earlier date first, whatever the logging order
    assert logged.advice == advise(fresh_scenario(db, "tom-pip", TODAY))

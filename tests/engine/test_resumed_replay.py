"""A replay resumed from a state stored as JSON and read back gives what a replay from scratch
gives.

The store keeps each introduction's replayed state beside its advice and feeds it only a new
session (`ratbond.store.replays`); these properties are what makes that safe: for any history
and any point in it, the state there, written as JSON and read back, fed the rest is the full
replay, in its fields and in its advice.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from histories import PROGRAMS, histories
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scenarios import TODAY

from ratbond.engine import Decision, Engine, Observed, Replay
from ratbond.model import Advice, Scenario
from ratbond.notes import read_notes_into
from ratbond.programs import builtin_program, builtin_vocabulary
from ratbond.scenario import parse_scenario

EXAMPLES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def scenario_of(document: dict[str, Any]) -> Scenario:
    programs = {program_id: builtin_program(program_id) for program_id in PROGRAMS}
    scenario = parse_scenario(document, builtin_vocabulary(), programs, TODAY)
    return read_notes_into(scenario, builtin_vocabulary())


def advice(engine: Engine, scenario: Scenario, state: Replay) -> Advice:
    return Decision(engine, scenario, state).advice()


def fields(state: Replay) -> dict[str, Any]:
    """What a state holds, with observed sessions compared by what they hold."""

    def plain(value: Any) -> Any:
        if isinstance(value, Observed):
            return {name: getattr(value, name) for name in Observed.__slots__}
        if isinstance(value, list):
            return [plain(item) for item in value]
        return value

    return {name: plain(getattr(state, name)) for name in Replay.__slots__}


def stored_and_read_back(state: Replay) -> Replay:
    """The state as a database's JSON column would give it back."""
    return Replay.from_json(json.loads(json.dumps(state.to_json())))


@st.composite
def split_histories(draw: st.DrawFn) -> tuple[dict[str, Any], int]:
    document = draw(histories(draw(st.sampled_from(PROGRAMS))))
    return document, draw(st.integers(0, len(document["sessions"])))


@EXAMPLES
@given(split_histories())
def test_a_stored_state_fed_the_rest_is_the_full_replay(case: tuple[dict[str, Any], int]) -> None:
    document, split = case
    scenario = scenario_of(document)
    engine = Engine(scenario.program, builtin_vocabulary())
    full = engine.replay(scenario)

    prefix = dataclasses.replace(scenario, sessions=scenario.sessions[:split])
    partial = engine.replay(prefix)
    read_back = stored_and_read_back(partial)
    # Nothing is lost on the way: the state read back advises on its prefix as the original.
    assert fields(read_back) == fields(partial)
    assert advice(engine, prefix, read_back) == advice(engine, prefix, partial)

    for index, session in enumerate(scenario.sessions[split:], start=split):
        engine.feed(read_back, index, session)
    assert fields(read_back) == fields(full)
    assert advice(engine, scenario, read_back) == advice(engine, scenario, full)


def test_a_state_with_every_kind_of_value_round_trips() -> None:
    document = {
        "program": "cat-rat",
        "today": TODAY.isoformat(),
        "animals": [
            {"id": "tom", "species": "cat", "prey_drive": "moderate", "health_check": "2026-10-01"},
            {"id": "pip", "species": "rat", "health_check": "2026-10-01"},
        ],
        "roles": {"cat": ["tom"], "rat": ["pip"]},
        "sessions": [
            {"date": "2026-11-01", "stage": "visual", "minutes": 5, "signals": {}},
            {"date": "2026-11-02", "stage": "visual", "minutes": 5, "signals": {"tom": ["biting"]}},
            {
                "date": "2026-11-02",
                "stage": "visual",
                "minutes": 7.5,
                "signals": {"tom": ["hissing"]},
                "notes": "Pip froze by the door",
            },
        ],
    }
    scenario = scenario_of(document)
    state = Engine(scenario.program, builtin_vocabulary()).replay(scenario)
    # An injury, a run of bad dates, a stage's count of bad sessions, two sessions on the last
    # day, and a signal read from the notes: each must come back as it was.
    assert state.injury is not None
    assert state.bad_dates
    assert state.stage_bad
    assert state.day_count == 2
    assert state.last is not None
    assert state.last.session.noted
    assert fields(stored_and_read_back(state)) == fields(state)

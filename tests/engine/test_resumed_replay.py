"""A replay resumed from a copied state gives what a replay from scratch gives.

The store keeps each introduction's replayed state between writes and feeds it only the new
session (`ratbond.store.replays`); these properties are what makes that safe: for any history
and any point in it, copying the state there and feeding the rest is the full replay, and
feeding the copy never changes the state it was copied from.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from histories import PROGRAMS, histories
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scenarios import TODAY

from ratbond.engine import Decision, Engine, Replay
from ratbond.model import Advice, Scenario
from ratbond.notes import read_notes_into
from ratbond.programs import builtin_program, builtin_vocabulary
from ratbond.scenario import parse_scenario

EXAMPLES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def scenario_of(document: dict[str, Any]) -> Scenario:
    programs = {program_id: builtin_program(program_id) for program_id in PROGRAMS}
    scenario = parse_scenario(document, builtin_vocabulary(), programs, TODAY)
    return read_notes_into(scenario, builtin_vocabulary())


def advice(engine: Engine, scenario: Scenario, state: Replay, upto: int) -> Advice:
    return Decision(
        engine, dataclasses.replace(scenario, sessions=scenario.sessions[:upto]), state
    ).advice()


def fields(state: Replay) -> dict[str, Any]:
    """What a state holds, with observed sessions compared by what they hold."""

    def plain(value: Any) -> Any:
        if hasattr(value, "session") and hasattr(value, "klass"):
            return {name: getattr(value, name) for name in type(value).__slots__}
        if isinstance(value, list):
            return [plain(item) for item in value]
        return value

    return {name: plain(getattr(state, name)) for name in Replay.__slots__}


@st.composite
def split_histories(draw: st.DrawFn) -> tuple[dict[str, Any], int]:
    document = draw(histories(draw(st.sampled_from(PROGRAMS))))
    return document, draw(st.integers(0, len(document["sessions"])))


@EXAMPLES
@given(split_histories())
def test_a_copied_state_fed_the_rest_is_the_full_replay(case: tuple[dict[str, Any], int]) -> None:
    document, split = case
    scenario = scenario_of(document)
    engine = Engine(scenario.program, builtin_vocabulary())
    full = engine.replay(scenario)

    partial = engine.begin(scenario)
    for index, session in enumerate(scenario.sessions[:split]):
        engine.feed(partial, index, session)
    before = fields(partial)
    resumed = partial.copy()
    for index, session in enumerate(scenario.sessions[split:], start=split):
        engine.feed(resumed, index, session)

    assert fields(resumed) == fields(full)
    count = len(scenario.sessions)
    assert advice(engine, scenario, resumed, count) == advice(engine, scenario, full, count)
    # The state it was copied from is untouched, and still advises on its own prefix.
    assert fields(partial) == before
    prefix = engine.replay(dataclasses.replace(scenario, sessions=scenario.sessions[:split]))
    assert advice(engine, scenario, partial, split) == advice(engine, scenario, prefix, split)

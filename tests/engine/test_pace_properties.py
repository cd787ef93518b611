"""The pace of contract v1.1 (section 8), checked by hypothesis over random histories: a day adds
at most its share of calm sessions, a session too short earns nothing, a bad sign always counts.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from histories import advice_for, histories, worst_class
from hypothesis import given
from hypothesis import strategies as st

from ratbond.programs import builtin_program

# What an owner is told to do next; the reasons and the `rushed` alert may differ.
DECIDED = ("action", "stage", "minutes", "streak", "earned_stage")
AGGRESSION = {"cat-rat": ("tom", "hissing"), "rat-rat": ("rex", "teeth_baring")}


def decided(advice: dict[str, Any]) -> dict[str, Any]:
    return {name: advice[name] for name in DECIDED} | {
        "alerts": sorted(set(advice["alerts"]) - {"rushed"})
    }


def contact_stage(document: dict[str, Any], stage_id: str) -> bool:
    first = builtin_program(document["program"]).stages[0]
    return first.gate is None or stage_id != first.id


@given(st.sampled_from(["cat-rat", "rat-rat"]).flatmap(histories), st.data())
def test_a_day_adds_one_calm_session(document: dict[str, Any], data: st.DataObject) -> None:
    """Logging a calm session again on its own date changes nothing an owner is told to do:
    the date has added its session already."""
    calm = [
        index
        for index, entry in enumerate(document["sessions"])
        if worst_class(document, entry) == "calm"
        and entry.get("supervised", True)
        and contact_stage(document, entry["stage"])
    ]
    if not calm:
        return
    index = data.draw(st.sampled_from(calm))
    again = copy.deepcopy(document)
    again["sessions"].insert(index + 1, copy.deepcopy(document["sessions"][index]))
    before, after = advice_for(document), advice_for(again)
    assert decided(after) == decided(before)
    if index + 1 == len(document["sessions"]) and "skipped_stage" not in after["alerts"]:
        assert "rushed" in after["alerts"]
        assert any("earned nothing" in reason for reason in after["reasons"])


@given(st.sampled_from(["cat-rat", "rat-rat", "rat-human"]).flatmap(histories), st.data())
def test_a_session_too_short_earns_nothing(document: dict[str, Any], data: st.DataObject) -> None:
    """A calm session under half the stage's first length, appended, is decided as if it had
    not been logged, with the `rushed` alert, and the next session not on its own date."""
    program = builtin_program(document["program"])
    timed = [
        stage
        for stage in program.stages
        if stage.minutes is not None
        and stage.min_success_rate is None
        and contact_stage(document, stage.id)
    ]
    if not document["sessions"] or not timed:
        return
    stage = data.draw(st.sampled_from(timed))
    assert stage.minutes is not None
    minutes = data.draw(
        st.floats(0, program.rules.min_fraction * stage.minutes.start, exclude_max=True)
    )
    last = document["sessions"][-1]
    short = {"date": last["date"], "stage": stage.id, "minutes": minutes, "signals": {}}
    if worst_class(document, {**short, "supervised": True}) != "calm":
        return
    if "unsupervised" in advice_for(document)["alerts"]:
        return  # that alert is the last session's: a session after it, short or not, ends it
    if stage.id != advice_for(document)["stage"]:
        return  # a session at another stage is skipped, or a step back: not this rule
    longer = {**document, "sessions": [*document["sessions"], short]}
    before, after = advice_for(document), advice_for(longer)
    assert decided(after) == decided(before) or before["action"] in ("start", "wait", "stop")
    if after["action"] not in ("wait", "stop", "complete", "start"):
        assert "rushed" in after["alerts"]


@given(st.sampled_from(["cat-rat", "rat-rat"]).flatmap(histories))
def test_a_bad_sign_is_never_discounted(document: dict[str, Any]) -> None:
    """Aggression counts whatever the date's count: the stop rule's number of aggressive
    sessions, all logged on one day, stops the introduction once contact is allowed."""
    advice = advice_for(document)
    if advice["action"] not in ("repeat", "advance", "step_back", "start"):
        return
    program = builtin_program(document["program"])
    stop_after = program.rules.stop_after
    assert stop_after is not None
    animal, signal = AGGRESSION[document["program"]]
    day = max(dt.date.fromisoformat(advice["not_before"]), dt.date.fromisoformat(document["today"]))
    bad = {
        "date": day.isoformat(),
        "stage": advice["stage"],
        "minutes": advice["minutes"],
        "signals": {animal: [signal]},
    }
    if bad["minutes"] is None:
        del bad["minutes"]
    angry = {**document, "today": day.isoformat()}
    angry["sessions"] = [*document["sessions"], *(dict(bad) for _ in range(stop_after))]
    after = advice_for(angry)
    assert after["action"] == "stop"
    assert "separate_housing" in after["alerts"]

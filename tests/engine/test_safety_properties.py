"""Safety invariants of the engine, checked by hypothesis over thousands of random histories.

Histories mostly follow the engine's own advice (as an owner would) with random detours, so
they reach every stage, and each invariant is checked after every session of every history.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from histories import PROGRAMS, advice_for, histories, worst_class
from hypothesis import given
from hypothesis import strategies as st
from scenarios import TODAY

from ratbond.engine import class_table
from ratbond.errors import InputError
from ratbond.programs import builtin_program, builtin_vocabulary

INJURIES = {("cat", "biting"), ("cat", "scratching"), ("rat", "wound")}
MOVING_ON = {"advance", "complete"}
PROPOSALS = {"start", "repeat", "advance", "step_back"}


def quarantine_end(document: dict[str, Any]) -> dt.date:
    """Quarantine's end, computed independently of the engine from contract section 5."""
    arrivals = {a["id"]: a.get("arrived") for a in document["animals"]}
    end = max(dt.date.fromisoformat(arrivals[a]) for a in document["roles"]["newcomer"])
    end += dt.timedelta(days=14)
    table = class_table(builtin_program("rat-rat"), builtin_vocabulary())
    for entry in document["sessions"]:
        day = dt.date.fromisoformat(entry["date"])
        ill = any(
            table["rat"][n] == "illness"
            for names in entry.get("signals", {}).values()
            for n in names
        )
        if entry["stage"] == "quarantine":
            if ill:
                end = max(end, day + dt.timedelta(days=14))
        elif day < end:
            end = max(end, day + dt.timedelta(days=14))
    return end


def hurt_on(document: dict[str, Any]) -> dict[str, str]:
    """Each rat a vet must see, with the latest session that hurt it (contract 8): its own
    wound, or a cat biting or scratching in cat-rat, which concerns every rat."""
    species = {a["id"]: a["species"] for a in document["animals"]}
    rats = [a for a, kind in species.items() if kind == "rat"]
    hurt: dict[str, str] = {}
    for entry in document["sessions"]:
        for animal, names in entry.get("signals", {}).items():
            for name in names:
                if species[animal] == "rat" and name == "wound":
                    hurt[animal] = entry["date"]
                elif document["program"] == "cat-rat" and (species[animal], name) in INJURIES:
                    hurt.update(dict.fromkeys(rats, entry["date"]))
    return hurt


def ill_on(document: dict[str, Any]) -> dict[str, str]:
    """Each animal's latest session with illness signs."""
    vocabulary = builtin_vocabulary().signals
    species = {a["id"]: a["species"] for a in document["animals"]}
    ill: dict[str, str] = {}
    for entry in document["sessions"]:
        for animal, names in entry.get("signals", {}).items():
            if any(vocabulary[species[animal]][n].class_ == "illness" for n in names):
                ill[animal] = entry["date"]
    return ill


def prerequisites_missing(document: dict[str, Any]) -> bool:
    for animal in document["animals"]:
        check = animal.get("health_check")
        if check is None or (TODAY - dt.date.fromisoformat(check)).days > 365:
            return True
        if animal["species"] == "cat" and animal.get("prey_drive") is None:
            return True
    return False


def check_invariants(document: dict[str, Any]) -> None:
    before = copy.deepcopy(document)
    advice = advice_for(document)
    assert document == before, "the engine must not change its input"
    assert advice == advice_for(document), "the answer is a pure function of the input"
    program = builtin_program(document["program"])
    stages = {stage.id: stage for stage in program.stages}
    action, stage = advice["action"], stages[advice["stage"]]
    sessions = document["sessions"]

    assert advice["reasons"]
    assert all(isinstance(reason, str) and reason for reason in advice["reasons"])
    assert advice["alerts"] == sorted(set(advice["alerts"]))
    if action in {"stop", "complete"}:
        assert advice["not_before"] is None
    else:
        assert dt.date.fromisoformat(advice["not_before"]) >= TODAY
    if advice["minutes"] is None:
        assert action in {"wait", "stop", "complete"} or stage.minutes is None
    else:
        assert stage.minutes is not None
        assert action not in {"wait", "stop", "complete"}
        # Section 5's formulas, never past the max nor under the shortest session that earns
        # (docs/advice.md, "Where the contract is silent").
        least = program.rules.min_fraction * stage.minutes.start
        assert least <= advice["minutes"] <= stage.minutes.max

    gate_stage = program.stages[0].id if program.stages[0].gate else None
    contact = [s for s in sessions if s["stage"] != gate_stage]
    last_is_contact = bool(contact) and sessions[-1] is contact[-1]
    if last_is_contact and worst_class(document, contact[-1]) in {"aggression", "danger"}:
        assert action not in MOVING_ON, "never move on right after aggression or danger"

    if sessions and not sessions[-1].get("supervised", True):
        assert "unsupervised" in advice["alerts"], "section 6: in every program, at every stage"

    checks = {a["id"]: a.get("health_check") for a in document["animals"]}
    for code, seen in (("vet_now", hurt_on(document)), ("illness_signs", ill_on(document))):
        unseen = any(checks[a] is None or checks[a] < day for a, day in seen.items())
        assert (code in advice["alerts"]) == unseen, (
            f"{code} lasts until, and only until, a vet check on or after the session"
        )

    if document["program"] == "cat-rat":
        injured = any(
            (species, n) in INJURIES
            for s in sessions
            for a, names in s.get("signals", {}).items()
            for species in [next(x["species"] for x in document["animals"] if x["id"] == a)]
            for n in names
        )
        if injured:
            assert {"separate_housing", "intervene"} <= set(advice["alerts"])
            assert action == "stop" or (action == "wait" and prerequisites_missing(document))
        if sessions and not sessions[-1].get("supervised", True):
            assert action not in MOVING_ON
            assert "unsupervised" in advice["alerts"]
            without_last = advice_for({**document, "sessions": sessions[:-1]})
            assert advice["earned_stage"] == without_last["earned_stage"], (
                "an unsupervised session never adds to progress"
            )
        if any(a.get("prey_drive") == "high" for a in document["animals"]):
            assert "high_prey_drive" in advice["alerts"]

    if document["program"] == "rat-rat":
        end = quarantine_end(document)
        if end > TODAY:
            assert (action, advice["stage"]) == ("wait", "quarantine")
            assert advice["not_before"] >= end.isoformat()
        if action in PROPOSALS:
            assert advice["stage"] != "quarantine"
            assert advice["not_before"] >= end.isoformat()

    if document["program"] == "rat-human":
        settled = max(dt.date.fromisoformat(a["arrived"]) for a in document["animals"])
        settled += dt.timedelta(days=2)
        if action in PROPOSALS:
            assert advice["not_before"] >= settled.isoformat()
        assert action != "stop", "rat-human has no stop rule"


def check_every_prefix(document: dict[str, Any]) -> None:
    stopped = False
    for end in range(len(document["sessions"]) + 1):
        prefix = {**document, "sessions": document["sessions"][:end]}
        check_invariants(prefix)
        action = advice_for(prefix)["action"]
        assert action == "stop" or not stopped, "nothing logged after a stop un-stops it"
        stopped = action == "stop"


@given(histories("cat-rat"))
def test_cat_rat_safety_holds_after_every_session(document: dict[str, Any]) -> None:
    check_every_prefix(document)


@given(histories("rat-rat"))
def test_rat_rat_safety_holds_after_every_session(document: dict[str, Any]) -> None:
    check_every_prefix(document)


@given(histories("rat-human"))
def test_rat_human_safety_holds_after_every_session(document: dict[str, Any]) -> None:
    check_every_prefix(document)


@given(histories("cat-rat"), st.data())
def test_cat_rat_any_injury_anywhere_stops(document: dict[str, Any], data: st.DataObject) -> None:
    for animal in document["animals"]:
        # Valid for the prerequisites, and older than every session: no vet has seen them since.
        animal["health_check"] = (TODAY - dt.timedelta(days=365)).isoformat()
        if animal["species"] == "cat":
            animal["prey_drive"] = animal.get("prey_drive") or "low"
    if not document["sessions"]:
        return
    where = data.draw(st.integers(0, len(document["sessions"]) - 1))
    who, injury = data.draw(
        st.sampled_from([("tom", "biting"), ("tom", "scratching"), ("pip", "wound")])
    )
    entry = document["sessions"][where]
    entry["signals"] = {**entry["signals"], who: [*entry["signals"].get(who, []), injury]}
    entry["signals"][who] = list(dict.fromkeys(entry["signals"][who]))
    advice = advice_for(document)
    assert advice["action"] == "stop"
    assert {"vet_now", "separate_housing", "intervene"} <= set(advice["alerts"])


def test_generated_histories_are_valid_scenarios() -> None:
    """The generator itself must only produce valid input, or the properties prove little."""

    @given(st.sampled_from(PROGRAMS).flatmap(histories))
    def valid(document: dict[str, Any]) -> None:
        try:
            advice_for(document)
        except InputError as error:  # pragma: no cover - a generator bug
            raise AssertionError(f"generator produced invalid input: {error}") from error

    valid()

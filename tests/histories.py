"""Random introduction histories for property tests: valid scenarios whose sessions mostly
follow the engine's own advice (as an owner would) with random detours, so they reach every
stage of every program.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

from hypothesis import strategies as st
from scenarios import ANIMALS, ROLES, TODAY

from ratbond.engine import class_table
from ratbond.evaluate import advise_text
from ratbond.programs import builtin_program, builtin_vocabulary

PROGRAMS = ("cat-rat", "rat-rat", "rat-human")
RANK = {"calm": 0, "stress": 1, "illness": 1, "aggression": 2, "danger": 3}


def advice_for(document: dict[str, Any]) -> dict[str, Any]:
    return advise_text(json.dumps(document)).to_json()


def worst_class(document: dict[str, Any], entry: dict[str, Any]) -> str:
    """A session's class by contract section 4, computed without the engine."""
    program = builtin_program(document["program"])
    table = class_table(program, builtin_vocabulary())
    species = {a["id"]: a["species"] for a in document["animals"]}
    rank = max(
        (
            RANK[table[species[a]][n]]
            for a, names in entry.get("signals", {}).items()
            for n in names
        ),
        default=0,
    )
    if document["program"] == "cat-rat" and not entry.get("supervised", True):
        rank = max(rank, RANK["stress"])
    return ["calm", "stress", "aggression", "danger"][rank]


@st.composite
def animals_for(draw: st.DrawFn, program_id: str) -> list[dict[str, Any]]:
    animals = copy.deepcopy(ANIMALS[program_id])
    for animal in animals:
        if animal["species"] == "cat":
            animal["prey_drive"] = draw(st.sampled_from(["low", "moderate", "high", None]))
        if program_id == "cat-rat":
            age = draw(st.one_of(st.none(), st.integers(0, 420)))
            animal["health_check"] = (
                None if age is None else (TODAY - dt.timedelta(age)).isoformat()
            )
        else:
            animal["origin"] = draw(st.sampled_from(["breeder", "pet_store", "rescue", "unknown"]))
            arrived = draw(st.integers(0, 60))
            animal["arrived"] = (TODAY - dt.timedelta(arrived)).isoformat()
            checked = draw(st.one_of(st.none(), st.integers(0, 60)))
            if checked is not None:
                animal["health_check"] = (TODAY - dt.timedelta(checked)).isoformat()
    return animals


@st.composite
def histories(draw: st.DrawFn, program_id: str) -> dict[str, Any]:
    """A valid scenario whose sessions mostly follow the advice given so far."""
    program = builtin_program(program_id)
    signals = builtin_vocabulary().signals
    stages = [stage.id for stage in program.stages]
    document: dict[str, Any] = {
        "program": program_id,
        "today": TODAY.isoformat(),
        "animals": draw(animals_for(program_id)),
        "roles": ROLES[program_id],
        "sessions": [],
    }
    species = {a["id"]: a["species"] for a in document["animals"]}
    count = draw(st.integers(0, 24))
    day = TODAY - dt.timedelta(days=draw(st.integers(count, count * 3 + 20)))
    for _ in range(count):
        day = min(TODAY, day + dt.timedelta(days=draw(st.sampled_from([0, 1, 1, 1, 2, 5, 16]))))
        advice = advice_for(document)
        stage = advice["stage"] if draw(st.integers(0, 9)) < 8 else draw(st.sampled_from(stages))
        timed = program.stages[stages.index(stage)].minutes
        entry: dict[str, Any] = {
            "date": day.isoformat(),
            "stage": stage,
            "supervised": draw(st.integers(0, 9)) > 0,
        }
        if timed is not None:
            entry["minutes"] = (
                advice["minutes"]
                if advice["minutes"] is not None and draw(st.booleans())
                else draw(st.floats(0, 300, allow_nan=False))
            )
        ticked: dict[str, list[str]] = {}
        for animal_id in (a for members in ROLES[program_id].values() for a in members):
            known = sorted(signals[species[animal_id]])
            calm = [n for n in known if signals[species[animal_id]][n].class_ == "calm"]
            pool = calm if draw(st.integers(0, 9)) < 7 else known
            chosen = draw(st.lists(st.sampled_from(pool), max_size=3, unique=True))
            if chosen:
                ticked[animal_id] = chosen
        entry["signals"] = ticked
        document["sessions"].append(entry)
    return document

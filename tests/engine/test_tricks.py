"""Clicker-training programs: the same engine, with a success-rate criterion per stage."""

from __future__ import annotations

from typing import Any

import pytest
from scenarios import advise, day

from ratbond.errors import InputError
from ratbond.programs import builtin_programs

TRICKS = ["trick-come", "trick-fetch", "trick-hoop", "trick-spin"]


def trick(program: str, sessions: list[dict[str, Any]]) -> dict[str, Any]:
    return advise(
        {
            "program": program,
            "today": day(0),
            "animals": [{"id": "pip", "species": "rat", "arrived": day(90)}],
            "roles": {"rat": ["pip"]},
            "sessions": sessions,
        }
    )


def tries(
    ago: int,
    stage: str,
    attempts: int,
    rewarded: int,
    minutes: float = 2,
    signals: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "date": day(ago),
        "stage": stage,
        "minutes": minutes,
        "attempts": attempts,
        "rewarded": rewarded,
    }
    if signals:
        entry["signals"] = signals
    return entry


@pytest.mark.parametrize("program", TRICKS)
def test_every_trick_runs_from_charging_the_clicker_to_the_cue(program: str) -> None:
    stages = [s.id for s in builtin_programs()[program].stages]
    assert stages[0] == "charge_clicker"
    assert stages[-2:] == ["add_cue", "on_cue"]
    assert "fade_lure" in stages
    assert trick(program, [])["action"] == "start"


def test_two_sessions_in_a_row_at_eighty_percent_move_on() -> None:
    advice = trick(
        "trick-spin", [tries(2, "charge_clicker", 10, 8), tries(1, "charge_clicker", 10, 9)]
    )
    assert (advice["action"], advice["stage"], advice["minutes"]) == ("advance", "lure", 2)


def test_a_session_below_the_rate_repeats_and_restarts_the_streak() -> None:
    history = [tries(3, "charge_clicker", 10, 9), tries(2, "charge_clicker", 10, 7, 3)]
    advice = trick("trick-spin", history)
    assert (advice["action"], advice["minutes"], advice["streak"]) == ("repeat", 3, 0)
    assert "7 of 10 attempts" in advice["reasons"][0]
    advice = trick("trick-spin", [*history, tries(1, "charge_clicker", 10, 10)])
    assert (advice["action"], advice["streak"]) == ("repeat", 1)


def test_a_session_with_no_attempts_repeats_and_says_none_were_made() -> None:
    advice = trick("trick-spin", [tries(1, "charge_clicker", 0, 0)])
    assert (advice["action"], advice["streak"]) == ("repeat", 0)
    assert "no attempt was made" in advice["reasons"][0]
    assert "0 of 0" not in advice["reasons"][0]


def test_completing_the_last_stage_completes_the_trick() -> None:
    stages = ["charge_clicker", "lure", "fade_lure", "add_cue", "on_cue"]
    history = [
        tries(20 - i, stage, 10, 9) for i, stage in enumerate(s for s in stages for _ in range(2))
    ]
    assert trick("trick-hoop", history)["action"] == "complete"


def test_a_nip_during_training_means_gloves() -> None:
    advice = trick("trick-fetch", [tries(1, "charge_clicker", 10, 9, signals={"pip": ["nipping"]})])
    assert advice["alerts"] == ["use_gloves"]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (
            {"date": day(1), "stage": "lure", "minutes": 2, "rewarded": 3},
            "sessions[0].attempts: required at the training stage 'lure'",
        ),
        (
            {"date": day(1), "stage": "lure", "minutes": 2, "attempts": 3, "rewarded": 4},
            "sessions[0].rewarded: 4 rewarded is more than the 3 attempts",
        ),
        (
            {"date": day(1), "stage": "lure", "minutes": 2, "attempts": -1, "rewarded": 0},
            "sessions[0].attempts: -1 is negative",
        ),
        (
            {"date": day(1), "stage": "lure", "minutes": 2, "attempts": 2.5, "rewarded": 0},
            "sessions[0].attempts: expected a whole number",
        ),
    ],
)
def test_attempt_counts_are_checked(entry: dict[str, Any], expected: str) -> None:
    with pytest.raises(InputError) as caught:
        trick("trick-come", [entry])
    assert str(caught.value).startswith(expected)
